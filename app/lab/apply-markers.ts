import { decodeManifests } from "../../src/kubectl/manifest.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import type { EditorMarker } from "../editor/types.ts";

/**
 * Editor markers for what `kubectl apply -f <file>` printed about the editor's text: a YAML
 * error at its line and column; an API error at each field it names (`spec.template.spec.
 * restartPolicy`, `unknown field "…"`, `Go struct field Job.spec.…`), one marker per cause, or,
 * for a field that is missing or a message that names none, at the document's `kind:` line.
 * kubectl writes one line (or one multi-line error) per document, in document order, which is
 * how an error is matched to its document.
 */
export function applyMarkers(text: string, file: string, result: CommandResult): EditorMarker[] {
  const decoded = decodeManifests(text, file);
  if ("error" in decoded) {
    const { message, line, column } = decoded.error;
    return line
      ? [{ line, column: column ?? 1, severity: "error", message, source: "kubectl" }]
      : [];
  }
  const lines = text.split("\n");
  const { docs } = decoded;
  if (docs.length === 0 || result.chunks.length !== docs.length) return [];
  const byLine = new Map<number, { column: number; messages: string[] }>();
  result.chunks.forEach((chunk, i) => {
    if (chunk.stream !== "stderr") return;
    const from = docs[i].line - 1;
    const to = documentEnd(lines, from);
    for (const cause of causes(chunk.text.trimEnd())) {
      const spot =
        (cause.path !== undefined ? locate(lines, from, to, cause.path) : undefined) ??
        kindLine(lines, from, to);
      const at = byLine.get(spot.line) ?? { column: spot.column, messages: [] };
      if (!at.messages.includes(cause.message)) at.messages.push(cause.message);
      byLine.set(spot.line, at);
    }
  });
  return [...byLine.entries()].map(([line, { column, messages }]) => ({
    line,
    column,
    severity: "error" as const,
    message: messages.join("\n"),
    source: "kube-apiserver",
  }));
}

interface Cause {
  path?: string;
  message: string;
}

/**
 * An API error split into its causes. A 422 with several causes (`is invalid: \n* a: …\n* b: …`)
 * becomes one message per cause, worded as the API server words a single-cause error.
 */
export function causes(message: string): Cause[] {
  const invalid = /^(The \S+ "[^"]*" is invalid: )\n((?:\* .*(?:\n|$))+)$/.exec(message);
  if (invalid) {
    return invalid[2]
      .split("\n")
      .filter((l) => l.startsWith("* "))
      .map((l) => ({ path: fieldPaths(l)[0], message: invalid[1] + l.slice(2) }));
  }
  const paths = fieldPaths(message);
  if (paths.length === 0) return [{ message }];
  return paths.map((path) => ({ path, message }));
}

interface Spot {
  line: number;
  column: number;
}

function documentEnd(lines: string[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) if (/^---(\s|$)/.test(lines[i])) return i;
  return lines.length;
}

function kindLine(lines: string[], from: number, to: number): Spot {
  for (let i = from; i < to; i++) if (/^kind\s*:/.test(lines[i])) return { line: i + 1, column: 1 };
  return { line: from + 1, column: 1 };
}

/** Field paths an API error names, e.g. `spec.template.spec.containers[0].image`. */
export function fieldPaths(message: string): string[] {
  const out: string[] = [];
  const patterns = [
    /(?:is invalid: |^\* )([A-Za-z][\w.[\]/-]*): /gm,
    /unknown field "([^"]+)"/g,
    /Go struct field \w+\.([\w.[\]]+) of type/g,
  ];
  for (const re of patterns) for (const m of message.matchAll(re)) out.push(m[1]);
  return out;
}

/** `a.b[0].c` → ["a", "b", 0, "c"] */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

const isContent = (l: string) => l.trim() !== "" && !l.trim().startsWith("#");
/** Indentation of a line's key, counting a leading `- ` as indentation. */
const keyIndent = (l: string) => /^[ -]*/.exec(l)![0].length;
const dashIndent = (l: string) => /^ */.exec(l)![0].length;

/**
 * The line of the deepest part of `path` present in lines [from, to): a plain block-YAML walk
 * (keys by indentation, `- ` items by count). Flow style is not followed; the walk stops there.
 */
function locate(lines: string[], from: number, to: number, path: string): Spot | undefined {
  let lo = from;
  let hi = to;
  let found: Spot | undefined;
  for (const seg of segments(path)) {
    const body = [];
    for (let i = lo; i < hi; i++) if (isContent(lines[i])) body.push(i);
    if (body.length === 0) break;
    if (typeof seg === "number") {
      const items = body.filter((i) => lines[i].trimStart().startsWith("- "));
      if (items.length === 0) break;
      const indent = Math.min(...items.map((i) => dashIndent(lines[i])));
      const level = items.filter((i) => dashIndent(lines[i]) === indent);
      if (seg >= level.length) break;
      const hit = level[seg];
      lo = hit;
      hi = seg + 1 < level.length ? level[seg + 1] : hi;
      found = { line: hit + 1, column: indent + 1 };
      continue;
    }
    const indent = Math.min(...body.map((i) => keyIndent(lines[i])));
    const key = new RegExp(`^(["']?)${seg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\1\\s*:`);
    const hit =
      body.find((i) => keyIndent(lines[i]) === indent && key.test(lines[i].slice(indent))) ?? -1;
    if (hit < 0) break;
    found = { line: hit + 1, column: indent + 1 };
    // The key's block: the lines after it that are indented deeper.
    let end = hit + 1;
    while (end < hi && (!isContent(lines[end]) || keyIndent(lines[end]) > indent)) end++;
    lo = hit + 1;
    hi = end;
  }
  return found;
}
