/**
 * Tokens of the small Python the lab runs (`python3 -c` scripts of the Kubernetes docs and the
 * course): names, numbers, strings (with `f`/`r` prefixes), operators, and the NEWLINE / INDENT /
 * DEDENT structure Python derives from indentation.
 */

export type Tok =
  | { t: "name"; v: string; line: number }
  | { t: "num"; v: string; line: number }
  | { t: "str"; v: string; f: boolean; line: number }
  | { t: "op"; v: string; line: number }
  | { t: "newline" | "indent" | "dedent" | "eof"; v: string; line: number };

export class PySyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const OPS = [
  "**=",
  "//=",
  "==",
  "!=",
  "<=",
  ">=",
  "**",
  "//",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "->",
  ..."+-*/%<>=()[]{},:.;@~&|^".split(""),
];

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "\n": "",
};

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const indents = [0];
  let depth = 0; // open brackets: newlines and indentation inside them do not count
  let i = 0;
  let line = 1;
  let atLineStart = true;
  while (i < src.length) {
    if (atLineStart && depth === 0) {
      let col = 0;
      while (src[i] === " " || src[i] === "\t") {
        col += src[i] === "\t" ? 8 - (col % 8) : 1;
        i++;
      }
      if (src[i] === "\n" || src[i] === "#" || i >= src.length) {
        while (i < src.length && src[i] !== "\n") i++;
        if (src[i] === "\n") {
          i++;
          line++;
        }
        continue;
      }
      atLineStart = false;
      if (col > indents[indents.length - 1]) {
        indents.push(col);
        out.push({ t: "indent", v: "", line });
      } else {
        while (col < indents[indents.length - 1]) {
          indents.pop();
          out.push({ t: "dedent", v: "", line });
        }
        if (col !== indents[indents.length - 1])
          throw new PySyntaxError(
            "IndentationError: unindent does not match any outer indentation level",
            line,
          );
      }
    }
    const c = src[i];
    if (c === "\n") {
      i++;
      if (depth === 0) {
        out.push({ t: "newline", v: "", line });
        atLineStart = true;
      }
      line++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    const str = /^([rRfFbBuU]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (str && (str[1] === "" || /^[a-zA-Z]+$/.test(str[1]))) {
      const prefix = str[1].toLowerCase();
      const quote = str[2];
      let j = i + str[0].length;
      let text = "";
      const startLine = line;
      for (;;) {
        if (j >= src.length || (quote.length === 1 && src[j] === "\n"))
          throw new PySyntaxError(
            quote.length === 3
              ? "SyntaxError: unterminated triple-quoted string literal"
              : "SyntaxError: unterminated string literal",
            startLine,
          );
        if (src.startsWith(quote, j)) {
          j += quote.length;
          break;
        }
        if (src[j] === "\\" && !prefix.includes("r")) {
          const e = src[j + 1];
          text += ESCAPES[e] ?? `\\${e}`;
          if (e === "\n") line++;
          j += 2;
          continue;
        }
        if (src[j] === "\n") line++;
        text += src[j++];
      }
      out.push({ t: "str", v: text, f: prefix.includes("f"), line: startLine });
      i = j;
      continue;
    }
    const num = /^(?:\d[\d_]*\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(
      src.slice(i, i + 64),
    );
    if (num) {
      out.push({ t: "num", v: num[0].replace(/_/g, ""), line });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (name) {
      out.push({ t: "name", v: name[0], line });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PySyntaxError(`SyntaxError: invalid character '${c}'`, line);
    if ("([{".includes(op)) depth++;
    if (")]}".includes(op)) depth = Math.max(0, depth - 1);
    out.push({ t: "op", v: op, line });
    i += op.length;
  }
  if (out.length > 0 && out[out.length - 1].t !== "newline")
    out.push({ t: "newline", v: "", line });
  while (indents.length > 1) {
    indents.pop();
    out.push({ t: "dedent", v: "", line });
  }
  out.push({ t: "eof", v: "", line });
  return out;
}
