/**
 * Go's renderings of decoded JSON (`map[string]interface{}` with int64 numbers), as kubectl's
 * output shows them: `encoding/json` (sorted keys, HTML-safe escapes), `fmt` `%v` and `%#v`.
 */

const isInt = (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 63;

/** A Go `float64` printed with `%v` (`strconv.FormatFloat(f, 'g', -1, 64)` with Go's exponent form). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

/** `%v` of a scalar the way kubectl's jsonpath prints it (ints bare, floats Go-style). */
export function goNumber(n: number): string {
  return isInt(n) ? String(n) : goFloat(n);
}

/** Go `encoding/json` string encoding: `<`, `>`, `&`, U+2028/9 escaped; \b and \f as \u00XX. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029)
      out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function jsonNumber(n: number): string {
  if (isInt(n)) return String(n);
  // encoding/json float64: 'f' format unless the exponent is < -6 or >= 21.
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

/** `json.Marshal` (indent "") or `json.MarshalIndent(v, "", indent)` of decoded JSON. */
export function goJson(v: unknown, indent = "", level = 0): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goJsonString(v);
  if (typeof v === "number") return jsonNumber(v);
  if (typeof v === "boolean") return String(v);
  const nl = indent ? "\n" + indent.repeat(level + 1) : "";
  const close = indent ? "\n" + indent.repeat(level) : "";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${nl}${v.map((x) => goJson(x, indent, level + 1)).join("," + nl)}${close}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  if (keys.length === 0) return "{}";
  const sep = indent ? ": " : ":";
  return `{${nl}${keys.map((k) => goJsonString(k) + sep + goJson(o[k], indent, level + 1)).join("," + nl)}${close}}`;
}

/** Go `strconv.Quote`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** `%#v` of decoded JSON held in an `interface{}` (kubectl's jsonpath debugging dump). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${goQuote(k)}:${goSharpV(o[k])}`)
    .join(", ")}}`;
}
