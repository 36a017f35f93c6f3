import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from "js-yaml";

/**
 * Where things are in a manifest file: API field paths (`spec.template.spec.containers[0].image`)
 * mapped back to YAML source positions, per `---` document. Built on js-yaml's event stream,
 * which carries source offsets, so flow style (`{a: 1}`, `[x, y]`), quoting and comments are
 * all handled the way the YAML was actually parsed. Pure: no Monaco, no DOM.
 */

/** A source range, 1-based lines and columns, end column exclusive (as Monaco's). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type PNode =
  | { kind: "scalar"; start: number; end: number; value: string }
  | { kind: "alias"; start: number; end: number }
  | { kind: "mapping"; start: number; entries: { key: PNode; value: PNode }[] }
  | { kind: "sequence"; start: number; items: PNode[] };

export interface YamlDocument {
  /** 1-based line of the document's first line (after its `---`). */
  line: number;
  /** The document's text. */
  body: string;
  /** Its root node, undefined for an empty document or one that does not parse. */
  root: PNode | undefined;
  /** Offset of each line start in `body`. */
  lineStarts: number[];
}

/** Split at `---` lines exactly as kubectl's decoder does (src/kubectl/manifest.ts). */
export function splitYamlDocuments(text: string): YamlDocument[] {
  const lines = text.split("\n");
  const docs: YamlDocument[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i])) {
      const body = lines.slice(start, i).join("\n");
      docs.push({ line: start + 1, body, root: parseTree(body), lineStarts: lineStarts(body) });
      start = i + 1;
    }
  }
  return docs;
}

function lineStarts(body: string): number[] {
  const out = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function parseTree(body: string): PNode | undefined {
  let events: Event[];
  try {
    events = parseEvents(body, {});
  } catch {
    return undefined;
  }
  let i = 0;
  const next = (): PNode | undefined => {
    const e = events[i++];
    if (!e) return undefined;
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        // A quoted scalar's value range excludes its quotes; a marker should not.
        const quoted =
          e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const q = quoted && e.valueStart >= 0 ? 1 : 0;
        return {
          kind: "scalar",
          start: e.valueStart >= 0 ? e.valueStart - q : Math.max(e.anchorStart, e.tagStart),
          end: e.valueStart >= 0 ? e.valueEnd + q : Math.max(e.anchorEnd, e.tagEnd),
          value: getScalarValue(body, e),
        };
      }
      case EVENT_ID.ALIAS:
        return { kind: "alias", start: e.anchorStart, end: e.anchorEnd };
      case EVENT_ID.MAPPING: {
        const entries: { key: PNode; value: PNode }[] = [];
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const key = next();
          const value = next();
          if (!key || !value) break;
          entries.push({ key, value });
        }
        i++;
        return { kind: "mapping", start: e.start, entries };
      }
      case EVENT_ID.SEQUENCE: {
        const items: PNode[] = [];
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const item = next();
          if (!item) break;
          items.push(item);
        }
        i++;
        return { kind: "sequence", start: e.start, items };
      }
      default:
        return next();
    }
  };
  // Only the first YAML document of a `---` chunk (a `...` end marker could start another).
  while (i < events.length && events[i].type !== EVENT_ID.DOCUMENT) i++;
  i++;
  if (i >= events.length || events[i].type === EVENT_ID.POP) return undefined;
  return next();
}

type Token = { name: string } | { index: number };

/** `a.b[0].c`, `metadata.labels[app.kubernetes.io/name]` → tokens. */
export function pathTokens(path: string): Token[] {
  const out: Token[] = [];
  const re = /\[([^\]]*)\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) {
    if (m[2] !== undefined) out.push({ name: m[2] });
    else if (/^\d+$/.test(m[1])) out.push({ index: Number(m[1]) });
    else out.push({ name: m[1] });
  }
  return out;
}

export interface Located {
  /** Where to put a marker for the field: the whole `key: value` when the value is a scalar. */
  span: Span;
  /** The key alone (for an unknown field), or the item (for a list element). */
  keySpan: Span;
  /** True when every part of the path exists; false when it stopped at the deepest ancestor. */
  exact: boolean;
}

function toSpan(doc: YamlDocument, start: number, end: number): Span {
  const pos = (offset: number) => {
    let lo = 0;
    let hi = doc.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (doc.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: doc.line + lo, column: offset - doc.lineStarts[lo] + 1 };
  };
  const a = pos(Math.max(0, start));
  const b = pos(Math.max(start + 1, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** End of the text on the line of `offset` (trailing comment and spaces excluded). */
function lineTextEnd(body: string, offset: number): number {
  let end = body.indexOf("\n", offset);
  if (end < 0) end = body.length;
  const line = body.slice(offset, end);
  const comment = line.search(/\s#/);
  const text = (comment >= 0 ? line.slice(0, comment) : line).trimEnd();
  return offset + Math.max(1, text.length);
}

function entrySpans(doc: YamlDocument, key: PNode, value: PNode): { span: Span; keySpan: Span } {
  const keyEnd = key.kind === "scalar" || key.kind === "alias" ? key.end : key.start + 1;
  const keySpan = toSpan(doc, key.start, keyEnd);
  const sameLine = (o: number) => !doc.body.slice(key.start, o).includes("\n");
  const scalarValue = (value.kind === "scalar" || value.kind === "alias") && value.start >= 0;
  const span = scalarValue && sameLine(value.end) ? toSpan(doc, key.start, value.end) : keySpan;
  return { span, keySpan };
}

/**
 * The position of an API field path in one document: the deepest part of the path that exists.
 * Map keys may themselves contain dots (`metadata.labels.app.kubernetes.io/name`, as strict
 * decoding names them), so a mapping tries the longest run of name parts first.
 */
export function locatePath(doc: YamlDocument, path: string): Located | undefined {
  const tokens = pathTokens(path);
  let node = doc.root;
  let found: Omit<Located, "exact"> | undefined;
  let t = 0;
  while (node && t < tokens.length) {
    const token = tokens[t];
    if (node.kind === "sequence" && "index" in token) {
      const item = node.items[token.index];
      if (!item) break;
      let span: Span;
      if (item.kind === "scalar" || item.kind === "alias") {
        span = toSpan(doc, item.start, item.end);
      } else {
        // A block item is marked from its `- ` to the end of its first line.
        const dash = doc.body.lastIndexOf("-", item.start - 1);
        const inline = dash >= 0 && /^-\s+$/.test(doc.body.slice(dash, item.start));
        const from = inline ? dash : item.start;
        span = toSpan(doc, from, lineTextEnd(doc.body, from));
      }
      found = { span, keySpan: span };
      node = item;
      t++;
      continue;
    }
    if (node.kind !== "mapping" || "index" in token) break;
    const entries = node.entries;
    let matched = false;
    let run = 0;
    while (t + run < tokens.length && "name" in tokens[t + run]) run++;
    for (let n = run; n >= 1 && !matched; n--) {
      const name = tokens
        .slice(t, t + n)
        .map((x) => ("name" in x ? x.name : ""))
        .join(".");
      const entry = entries.find((e) => e.key.kind === "scalar" && e.key.value === name);
      if (!entry) continue;
      found = entrySpans(doc, entry.key, entry.value);
      node = entry.value;
      t += n;
      matched = true;
    }
    if (!matched) break;
  }
  if (!found) return undefined;
  return { ...found, exact: t === tokens.length };
}

/** The `kind: X` entry of a document (where errors about the whole object go), else its first line. */
export function kindSpan(doc: YamlDocument): Span {
  const located = locatePath(doc, "kind");
  if (located?.exact) return located.span;
  const first = doc.body.split("\n").findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  const line = doc.line + Math.max(0, first);
  const text = doc.body.split("\n")[Math.max(0, first)] ?? "";
  return { line, column: 1, endLine: line, endColumn: Math.max(2, text.trimEnd().length + 1) };
}
