import { goFloat } from "./go-format.ts";

/**
 * YAML as `kubectl get -o yaml` writes it: sigs.k8s.io/yaml turns the JSON into a map that
 * gopkg.in/yaml.v2 marshals — keys sorted, sequences at their parent key's indentation, two
 * spaces per level, lines folded at spaces past column 80. Strings are plain unless they would
 * read as another type (then double-quoted: `"True"`, `"1"`, timestamps) or start/contain an
 * indicator (then single-quoted, as a cron schedule is); multi-line strings become literal blocks.
 */

const BEST_WIDTH = 80;

/** yaml.v2 `resolve`: would this plain text read back as something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (s === "") return true;
  if (
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL)$/.test(
      s,
    )
  )
    return true;
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true;
  // ints: decimal (with _), 0b, 0x, 0o / leading-zero octal; floats incl. exponents
  if (/^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  // base-60 floats (yaml 1.1): 190:20:30.15
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/.test(s)) return true;
  // timestamps (yaml.v2 parseTimestamp formats)
  if (
    /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(
      s,
    )
  )
    return true;
  return false;
}

interface Analysis {
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const isPrintable = (c: number) =>
  c === 0x0a ||
  (c >= 0x20 && c <= 0x7e) ||
  c === 0x85 ||
  (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** yaml_emitter_analyze_scalar, reduced to the block context kubectl output uses. */
function analyze(s: string): Analysis {
  const chars = [...s];
  let blockIndicators = s.startsWith("---") || s.startsWith("...");
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const c = ch.codePointAt(0)!;
    const next = chars[i + 1];
    const followedByWs = next === undefined || next === " " || next === "\t" || next === "\n";
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      if ((ch === "?" || ch === ":" || ch === "-") && followedByWs) blockIndicators = true;
    } else {
      if (ch === ":" && followedByWs) blockIndicators = true;
      if (ch === "#" && precededByWs) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (ch === "\n") lineBreaks = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (ch === "\n") {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = ch === " " || ch === "\t" || ch === "\n";
  }
  let blockPlain = !lineBreaks && !blockIndicators;
  let singleQuoted = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    singleQuoted = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    singleQuoted = false;
    block = false;
  }
  return { blockPlain, singleQuoted, block };
}

/** Write words, breaking at a single space once the column passes 80 (plain and single-quoted). */
function folded(text: string, column: number, indent: number): string {
  let out = "";
  let col = column;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === " " && col > BEST_WIDTH && text[i + 1] !== " " && i > 0 && text[i - 1] !== " ") {
      out += "\n" + " ".repeat(indent);
      col = indent;
    } else {
      out += ch;
      col++;
    }
  }
  return out;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const esc: Record<string, string> = {
      "\0": "\\0",
      "\x07": "\\a",
      "\b": "\\b",
      "\t": "\\t",
      "\n": "\\n",
      "\v": "\\v",
      "\f": "\\f",
      "\r": "\\r",
      "\x1b": "\\e",
      '"': '\\"',
      "\\": "\\\\",
      "\u0085": "\\N",
      "\u00a0": "\\_",
      "\u2028": "\\L",
      "\u2029": "\\P",
    };
    if (esc[ch]) out += esc[ch];
    else if (!isPrintable(c) || c === 0xfeff)
      out +=
        c <= 0xff
          ? "\\x" + c.toString(16).toUpperCase().padStart(2, "0")
          : c <= 0xffff
            ? "\\u" + c.toString(16).toUpperCase().padStart(4, "0")
            : "\\U" + c.toString(16).toUpperCase().padStart(8, "0");
    else out += ch;
  }
  return out + '"';
}

/**
 * A string value starting at `column`, in a node whose continuation lines indent to `indent`.
 * Returns the text to put after `key: ` / `- ` (may span lines).
 */
function stringScalar(s: string, column: number, indent: number, isKey: boolean): string {
  const a = analyze(s);
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (s.includes("\n") && !isKey) {
    if (!a.block) return doubleQuoted(s);
    let hint = s.startsWith(" ") || s.startsWith("\n") ? "2" : "";
    if (!s.endsWith("\n")) hint += "-";
    else if (s === "\n" || s.endsWith("\n\n")) hint += "+";
    const body = s.endsWith("\n") ? s.slice(0, -1) : s;
    const lines = body.split("\n").map((l) => (l === "" ? "" : " ".repeat(indent) + l));
    return `|${hint}\n${lines.join("\n")}`;
  }
  if (a.blockPlain) return isKey ? s : folded(s, column, indent);
  if (a.singleQuoted) {
    const q = `'${s.split("'").join("''")}'`;
    return isKey ? q : folded(q, column, indent);
  }
  return doubleQuoted(s);
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (Number.isInteger(v)) return String(v);
    if (!Number.isFinite(v)) return Number.isNaN(v) ? ".nan" : v > 0 ? "+.inf" : "-.inf";
    return goFloat(v);
  }
  return stringScalar(typeof v === "string" ? v : JSON.stringify(v), column, indent, false);
}

const isEmptyCollection = (v: unknown) =>
  v !== null &&
  typeof v === "object" &&
  (Array.isArray(v) ? v.length === 0 : Object.keys(v).every((k) => (v as never)[k] === undefined));

const isCollection = (v: unknown) => v !== null && typeof v === "object" && !isEmptyCollection(v);

function emitMap(obj: Record<string, unknown>, indent: number, out: string[], first?: string) {
  let prefix = first;
  for (const k of Object.keys(obj).sort()) {
    const val = obj[k];
    if (val === undefined) continue;
    const pad = prefix ?? " ".repeat(indent);
    prefix = undefined;
    const key = stringScalar(k, indent, indent + 2, true);
    if (isCollection(val)) {
      out.push(`${pad}${key}:`);
      if (Array.isArray(val)) emitSeq(val, indent, out);
      else emitMap(val as Record<string, unknown>, indent + 2, out);
    } else if (isEmptyCollection(val))
      out.push(`${pad}${key}: ${Array.isArray(val) ? "[]" : "{}"}`);
    else out.push(`${pad}${key}: ${scalar(val, indent + key.length + 2, indent + 2)}`);
  }
}

function emitSeq(items: unknown[], indent: number, out: string[]) {
  const pad = " ".repeat(indent);
  for (const item of items) {
    if (isCollection(item)) {
      if (Array.isArray(item)) {
        const sub: string[] = [];
        emitSeq(item, indent + 2, sub);
        out.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1));
      } else emitMap(item as Record<string, unknown>, indent + 2, out, `${pad}- `);
    } else if (isEmptyCollection(item)) out.push(`${pad}- ${Array.isArray(item) ? "[]" : "{}"}`);
    else out.push(`${pad}- ${scalar(item, indent + 2, indent + 2)}`);
  }
}

/** A document as kubectl's YAML printer writes it (no leading `---`). */
export function toYaml(v: unknown): string {
  const out: string[] = [];
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]\n";
    emitSeq(v, 0, out);
  } else if (isCollection(v)) emitMap(v as Record<string, unknown>, 0, out);
  else return (isEmptyCollection(v) ? "{}" : scalar(v, 0, 0)) + "\n";
  return out.join("\n") + "\n";
}
