import { prevalidate } from "../../src/api/prevalidate.ts";
import type { KubeObject } from "../../src/api/types.ts";
import { apiErrorText } from "../../src/kubectl/apply.ts";
import { checkObject, decodeManifests, type ManifestDoc } from "../../src/kubectl/manifest.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import type { EditorMarker } from "../editor/types.ts";
import {
  kindSpan,
  locatePath,
  splitYamlDocuments,
  type Span,
  type YamlDocument,
} from "./yaml-positions.ts";

/** `source` of markers from a real apply, and from the dry run made while typing. */
export const APPLY_SOURCE = "kube-apiserver";
export const CHECK_SOURCE = "kube-apiserver (dry run)";

/**
 * Editor markers for what `kubectl apply -f <file>` printed about the file's text: a YAML error
 * at its line and column; an API error at each field it names (`spec.template.spec.
 * restartPolicy`, `unknown field "…"`, `Go struct field JobSpec.spec.…`), one marker per cause;
 * a field that is missing goes on its deepest existing parent, a message naming no field on the
 * document's `kind:`. kubectl writes one line (or one multi-line error) per document, in
 * document order, which is how an error is matched to its document.
 */
export function applyMarkers(text: string, file: string, result: CommandResult): EditorMarker[] {
  const decoded = decodeManifests(text, file);
  if ("error" in decoded) {
    const { message, line, column } = decoded.error;
    return line
      ? [{ line, column: column ?? 1, severity: "error", message, source: "kubectl" }]
      : [];
  }
  const { docs } = decoded;
  if (docs.length === 0) return [];
  const located = locateDocuments(text, docs);
  const chunks = result.chunks;
  // A client-side problem (kind unknown, apiVersion missing) stops kubectl before it sends anything.
  if (chunks.length === 1 && chunks[0].stream === "stderr" && docs.length > 1) {
    const i = docs.findIndex((d) => checkObject(d.object, file) !== undefined);
    if (i >= 0) return errorMarkers(located[i], chunks[0].text.trimEnd(), APPLY_SOURCE);
  }
  if (chunks.length !== docs.length) return [];
  return chunks.flatMap((chunk, i) =>
    chunk.stream === "stderr" ? errorMarkers(located[i], chunk.text.trimEnd(), APPLY_SOURCE) : [],
  );
}

export interface CheckOptions {
  /** The live object an apply of `obj` would update, if any. */
  live?: (obj: KubeObject) => KubeObject | undefined;
  /** Virtual time now. */
  now?: number;
}

/**
 * What an apply of `text` would be told, without applying it: each document is checked as
 * kubectl checks it, then dry-run through the API server's own decoding, defaulting and
 * validation (src/api/prevalidate.ts), so the markers carry exactly the messages Apply would
 * print. YAML syntax is left to the editor's own checks (they already mark it as you type).
 */
export function checkMarkers(text: string, file: string, opts: CheckOptions = {}): EditorMarker[] {
  const decoded = decodeManifests(text, file);
  if ("error" in decoded) return [];
  const located = locateDocuments(text, decoded.docs);
  return decoded.docs.flatMap((d, i) => {
    const problem = checkObject(d.object, file);
    if (problem) return errorMarkers(located[i], problem, CHECK_SOURCE);
    const live = opts.live?.(d.object);
    const r = prevalidate(d.object, { live, now: opts.now });
    if (r.ok) return [];
    // kubectl says "creating" for an object that does not exist yet (src/kubectl/apply.ts).
    return errorMarkers(
      located[i],
      apiErrorText(r.error, live ? "applying" : "creating", file),
      CHECK_SOURCE,
    );
  });
}

/** A decoded object with the YAML it came from (`path` prefixes items of a `kind: List`). */
interface LocatedDoc {
  doc: YamlDocument | undefined;
  prefix: string;
}

function locateDocuments(text: string, docs: readonly ManifestDoc[]): LocatedDoc[] {
  const yamlDocs = splitYamlDocuments(text);
  const seen = new Map<number, number>();
  return docs.map((d) => {
    const doc = yamlDocs.find((y) => y.line === d.line);
    const n = seen.get(d.line) ?? 0;
    seen.set(d.line, n + 1);
    const listed = doc !== undefined && isList(doc);
    return { doc, prefix: listed ? `items[${n}].` : "" };
  });
}

function isList(doc: YamlDocument): boolean {
  const root = doc.root;
  if (root?.kind !== "mapping") return false;
  return root.entries.some(
    (e) =>
      e.key.kind === "scalar" &&
      e.key.value === "kind" &&
      e.value.kind === "scalar" &&
      e.value.value === "List",
  );
}

const marker = (span: Span, message: string, source: string): EditorMarker => ({
  line: span.line,
  column: span.column,
  endLine: span.endLine,
  endColumn: span.endColumn,
  severity: "error",
  message,
  source,
});

/** One marker per cause of an error message, at the field each cause names. */
export function errorMarkers(at: LocatedDoc, message: string, source: string): EditorMarker[] {
  const { doc, prefix } = at;
  if (!doc) return [];
  const whole = prefix ? locatePath(doc, prefix.slice(0, -1)) : undefined;
  const fallback = whole?.keySpan ?? kindSpan(doc);
  const out: EditorMarker[] = [];
  const seen = new Set<string>();
  for (const cause of causes(message)) {
    let span = fallback;
    if (cause.path !== undefined) {
      const hit = locatePath(doc, prefix + cause.path);
      if (hit && (prefix === "" || hit.keySpan !== whole?.keySpan)) {
        // An unknown field marks its key; a bad value the whole `key: value`.
        span = hit.exact && !cause.unknownField ? hit.span : hit.keySpan;
      }
    }
    const key = `${span.line}:${span.column}:${cause.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(marker(span, cause.message, source));
  }
  return out;
}

interface Cause {
  path?: string;
  message: string;
  unknownField?: boolean;
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
  const unknown = [...message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]);
  if (unknown.length > 0) return unknown.map((path) => ({ path, message, unknownField: true }));
  const paths = fieldPaths(message);
  if (paths.length === 0) return [{ message }];
  return paths.map((path) => ({ path, message }));
}

/** Field paths an API error names, e.g. `spec.template.spec.containers[0].image`. */
export function fieldPaths(message: string): string[] {
  const out: string[] = [];
  const patterns = [
    /(?:is invalid: |^\* )([A-Za-z][\w.[\]/-]*): /gm,
    /unknown field "([^"]+)"/g,
    /Go struct field \w+\.([\w.[\]/-]+) of type/g,
  ];
  for (const re of patterns) for (const m of message.matchAll(re)) out.push(m[1]);
  return out;
}
