/**
 * POSIX regular expressions translated to JavaScript ones, for grep, expr `:` and sed-like uses.
 * Basic (BRE) syntax: `\(` `\)` group, `\{m,n\}` interval, `\|` `\+` `\?` (GNU extensions);
 * bare ( ) { } | + ? are literals. Extended (ERE) syntax is close to JavaScript's already.
 * Bracket expressions with POSIX classes (`[[:digit:]]`) are translated in both.
 */

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  word: "a-zA-Z0-9_",
};

/** Translate a bracket expression starting at `i` (the `[`); returns [jsSource, endIndex]. */
function bracket(p: string, i: number): [string, number] {
  let j = i + 1;
  let out = "[";
  if (p[j] === "^") {
    out += "^";
    j++;
  }
  if (p[j] === "]") {
    out += "\\]";
    j++;
  }
  while (j < p.length && p[j] !== "]") {
    if (p[j] === "[" && p[j + 1] === ":") {
      const end = p.indexOf(":]", j + 2);
      if (end > 0) {
        out += CLASSES[p.slice(j + 2, end)] ?? "";
        j = end + 2;
        continue;
      }
    }
    if (p[j] === "\\" || p[j] === "[") out += `\\${p[j]}`;
    else out += p[j];
    j++;
  }
  if (j >= p.length) throw new SyntaxError("Unmatched [");
  return [`${out}]`, j];
}

export function breToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") {
      const n = p[i + 1];
      i++;
      if (n === undefined) throw new SyntaxError("Trailing backslash");
      if (n === "(" || n === ")" || n === "|" || n === "+" || n === "?") out += n;
      else if (n === "{") out += "{";
      else if (n === "}") out += "}";
      else if (/[1-9]/.test(n) || "wWsSbB".includes(n)) out += `\\${n}`;
      else if (n === "<" || n === ">") out += "\\b";
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "[") {
      const [src, end] = bracket(p, i);
      out += src;
      i = end;
    } else if (c === "*" && (i === 0 || (p[i - 1] === "^" && i === 1) || out.endsWith("("))) {
      out += "\\*";
    } else if ("(){}|+?/".includes(c)) {
      out += `\\${c}`;
    } else if (c === "^" && i !== 0) {
      out += "\\^";
    } else if (c === "$" && i !== p.length - 1) {
      out += "\\$";
    } else out += c;
  }
  return out;
}

export function ereToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") {
      const n = p[i + 1] ?? "\\";
      i++;
      out += n === "<" || n === ">" ? "\\b" : `\\${n}`;
    } else if (c === "[") {
      const [src, end] = bracket(p, i);
      out += src;
      i = end;
    } else if (c === "/") out += "\\/";
    else if (c === "{" && !/^\{\d+(,\d*)?\}/.test(p.slice(i))) out += "\\{";
    else out += c;
  }
  return out;
}
