import type { ParamOp, Word, WordPart } from "./ast.ts";

/**
 * Shell lexer: turns a script into words (with their quoting structure, see ast.ts), operators
 * and newlines. Here-document bodies are read at the newline that follows their `<<` operator and
 * attached to the delimiter's token. `$(…)` bodies are kept as source text and parsed when run.
 */

export type Token =
  | { kind: "word"; word: Word; raw: string; line: number; heredoc?: Word }
  | { kind: "io"; fd: number; line: number }
  | { kind: "op"; op: string; line: number }
  | { kind: "newline"; line: number }
  | { kind: "eof"; line: number };

export class ShellSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const OPS = [
  "&&",
  "||",
  ";;",
  "<<-",
  "<<",
  ">>",
  ">&",
  "<&",
  "<>",
  ">|",
  ";",
  "&",
  "|",
  "<",
  ">",
  "(",
  ")",
];
const META = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "-", "0"]);

/** bash syntax (arrays) while tokenizing a bash script; ash and dash reject it. */
let bashSyntax = false;

export function tokenize(src: string, opts: { bash?: boolean } = {}): Token[] {
  const saved = bashSyntax;
  bashSyntax = opts.bash === true;
  try {
    return new Lexer(src).run();
  } finally {
    bashSyntax = saved;
  }
}

class Lexer {
  private i = 0;
  private line = 1;
  private tokens: Token[] = [];
  private pendingHeredocs: {
    token: Token & { kind: "word" };
    strip: boolean;
    delim: string;
    quoted: boolean;
  }[] = [];

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === " " || c === "\t") {
        this.i++;
      } else if (c === "\\" && s[this.i + 1] === "\n") {
        this.i += 2;
        this.line++;
      } else if (c === "#") {
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
      } else if (c === "\n") {
        this.tokens.push({ kind: "newline", line: this.line });
        this.i++;
        this.line++;
        if (this.pendingHeredocs.length > 0) this.readHeredocs();
      } else {
        const op = OPS.find((o) => s.startsWith(o, this.i));
        if (op) {
          this.tokens.push({ kind: "op", op, line: this.line });
          this.i += op.length;
          if (op === "<<" || op === "<<-") this.heredocDelimiter(op === "<<-");
        } else {
          this.word();
        }
      }
    }
    if (this.pendingHeredocs.length > 0) this.readHeredocs();
    this.tokens.push({ kind: "eof", line: this.line });
    return this.tokens;
  }

  private word(): void {
    const start = this.i;
    const line = this.line;
    const parts = readWord(this.src, this, (c) => META.has(c));
    const raw = this.src.slice(start, this.i);
    const next = this.src[this.i];
    if (/^\d+$/.test(raw) && (next === "<" || next === ">")) {
      this.tokens.push({ kind: "io", fd: Number(raw), line });
      return;
    }
    this.tokens.push({ kind: "word", word: { parts }, raw, line });
  }

  private heredocDelimiter(strip: boolean): void {
    while (this.src[this.i] === " " || this.src[this.i] === "\t") this.i++;
    const before = this.tokens.length;
    this.word();
    const tok = this.tokens[before];
    if (before === this.tokens.length || tok?.kind !== "word") {
      throw new ShellSyntaxError("syntax error: unexpected redirection", this.line);
    }
    const quoted = /['"\\]/.test(tok.raw);
    const delim = tok.raw.replace(/['"\\]/g, "");
    this.pendingHeredocs.push({ token: tok, strip, delim, quoted });
  }

  private readHeredocs(): void {
    const s = this.src;
    for (const h of this.pendingHeredocs) {
      let body = "";
      for (;;) {
        if (this.i >= s.length) break; // busybox: warning, body ends at EOF
        let end = s.indexOf("\n", this.i);
        if (end < 0) end = s.length;
        let lineText = s.slice(this.i, end);
        this.i = Math.min(end + 1, s.length);
        this.line++;
        if (h.strip) lineText = lineText.replace(/^\t+/, "");
        if (lineText === h.delim) break;
        body += `${lineText}\n`;
      }
      h.token.heredoc = h.quoted
        ? { parts: [{ type: "qlit", text: body }] }
        : parseHeredocBody(body);
    }
    this.pendingHeredocs = [];
  }

  // Shared cursor interface for readWord.
  get pos(): number {
    return this.i;
  }
  set pos(v: number) {
    this.i = v;
  }
  newline(): void {
    this.line++;
  }
}

interface Cursor {
  pos: number;
  newline(): void;
}

/** A cursor over a string that is not the main script (here-doc bodies, arithmetic text). */
function cursor(): Cursor {
  return { pos: 0, newline: () => {} };
}

/**
 * Read one word starting at cur.pos until `stop(c)` holds for an unquoted character.
 * Handles quotes, backslashes, `$…` expansions and backticks.
 */
function readWord(s: string, cur: Cursor, stop: (c: string) => boolean): WordPart[] {
  const parts: WordPart[] = [];
  let lit = "";
  const flush = () => {
    if (lit) parts.push({ type: "lit", text: lit });
    lit = "";
  };
  while (cur.pos < s.length) {
    const c = s[cur.pos];
    if (stop(c)) break;
    if (c === "\\") {
      const n = s[cur.pos + 1];
      cur.pos += 2;
      if (n === "\n") {
        cur.newline();
        continue;
      }
      flush();
      parts.push({ type: "qlit", text: n ?? "\\" });
    } else if (c === "'") {
      const end = s.indexOf("'", cur.pos + 1);
      if (end < 0) throw new ShellSyntaxError("syntax error: unterminated quoted string", 0);
      flush();
      const text = s.slice(cur.pos + 1, end);
      for (const ch of text) if (ch === "\n") cur.newline();
      parts.push({ type: "qlit", text });
      cur.pos = end + 1;
    } else if (c === '"') {
      flush();
      cur.pos++;
      parts.push({ type: "dq", parts: readDoubleQuoted(s, cur) });
    } else if (c === "$" || c === "`") {
      const part = readExpansion(s, cur);
      if (part) {
        flush();
        parts.push(part);
      } else {
        lit += c;
        cur.pos++;
      }
    } else {
      if (c === "\n") cur.newline();
      lit += c;
      cur.pos++;
    }
  }
  flush();
  return parts;
}

function readDoubleQuoted(s: string, cur: Cursor): WordPart[] {
  const parts: WordPart[] = [];
  let lit = "";
  const flush = () => {
    if (lit) parts.push({ type: "qlit", text: lit });
    lit = "";
  };
  for (;;) {
    if (cur.pos >= s.length)
      throw new ShellSyntaxError("syntax error: unterminated quoted string", 0);
    const c = s[cur.pos];
    if (c === '"') {
      cur.pos++;
      break;
    }
    if (c === "\\") {
      const n = s[cur.pos + 1];
      if (n === "\n") {
        cur.pos += 2;
        cur.newline();
      } else if (n === "$" || n === "`" || n === '"' || n === "\\") {
        lit += n;
        cur.pos += 2;
      } else {
        lit += "\\";
        cur.pos++;
      }
    } else if (c === "$" || c === "`") {
      const part = readExpansion(s, cur);
      if (part) {
        flush();
        parts.push(part);
      } else {
        lit += c;
        cur.pos++;
      }
    } else {
      if (c === "\n") cur.newline();
      lit += c;
      cur.pos++;
    }
  }
  flush();
  return parts;
}

/** `$name`, `${…}`, `$(…)`, `$((…))` or a backtick substitution at cur.pos; undefined: a literal `$`. */
function readExpansion(s: string, cur: Cursor): WordPart | undefined {
  const start = cur.pos;
  if (s[start] === "`") {
    let j = start + 1;
    let body = "";
    while (j < s.length && s[j] !== "`") {
      if (s[j] === "\\" && (s[j + 1] === "`" || s[j + 1] === "\\" || s[j + 1] === "$")) {
        body += s[j + 1];
        j += 2;
      } else body += s[j++];
    }
    if (j >= s.length) throw new ShellSyntaxError("syntax error: unterminated quoted string", 0);
    cur.pos = j + 1;
    return { type: "cmdsub", script: body };
  }
  const n = s[start + 1];
  if (n === "(" && s[start + 2] === "(") {
    const end = matchArith(s, start + 3);
    if (end >= 0) {
      cur.pos = end + 2;
      return { type: "arith", expr: parseArithWord(s.slice(start + 3, end)) };
    }
  }
  if (n === "(") {
    const end = matchParen(s, start + 2);
    cur.pos = end + 1;
    return { type: "cmdsub", script: s.slice(start + 2, end) };
  }
  if (n === "{") {
    const end = matchBrace(s, start + 2);
    cur.pos = end + 1;
    return parseBraced(s.slice(start + 2, end));
  }
  if (n !== undefined && /[A-Za-z_]/.test(n)) {
    let j = start + 1;
    while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
    cur.pos = j;
    return { type: "param", name: s.slice(start + 1, j) };
  }
  if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
    cur.pos = start + 2;
    return { type: "param", name: n };
  }
  return undefined;
}

function skipQuoted(s: string, j: number): number {
  const q = s[j];
  if (q === "'") {
    const e = s.indexOf("'", j + 1);
    if (e < 0) throw new ShellSyntaxError("syntax error: unterminated quoted string", 0);
    return e + 1;
  }
  // double quote
  j++;
  while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
  if (j >= s.length) throw new ShellSyntaxError("syntax error: unterminated quoted string", 0);
  return j + 1;
}

/** Index of the `)` closing a `$(` whose body starts at j. */
function matchParen(s: string, j: number): number {
  let depth = 1;
  while (j < s.length) {
    const c = s[j];
    if (c === "\\") j += 2;
    else if (c === "'" || c === '"') j = skipQuoted(s, j);
    else if (c === "(") {
      depth++;
      j++;
    } else if (c === ")") {
      if (--depth === 0) return j;
      j++;
    } else j++;
  }
  throw new ShellSyntaxError("syntax error: unterminated $(…)", 0);
}

/** Index of the `))` closing a `$((`, or -1 when the parentheses do not close as `))`. */
function matchArith(s: string, j: number): number {
  let depth = 0;
  while (j < s.length) {
    const c = s[j];
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) return s[j + 1] === ")" ? j : -1;
      depth--;
    }
    j++;
  }
  return -1;
}

function matchBrace(s: string, j: number): number {
  let depth = 1;
  while (j < s.length) {
    const c = s[j];
    if (c === "\\") j += 2;
    else if (c === "'" || c === '"') j = skipQuoted(s, j);
    else if (c === "{") {
      depth++;
      j++;
    } else if (c === "}") {
      if (--depth === 0) return j;
      j++;
    } else j++;
  }
  throw new ShellSyntaxError("syntax error: missing '}'", 0);
}

const PARAM_OPS: ParamOp[] = [":-", ":=", ":+", ":?", "##", "%%", "-", "=", "+", "?", "#", "%"];

function parseBraced(body: string): WordPart {
  const bad = () => new ShellSyntaxError(`\${${body}}: bad substitution`, 0);
  const arr = bashSyntax ? /^(#?)([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]/.exec(body) : null;
  if (arr) {
    const sub = arr[3].trim();
    const index = sub === "@" || sub === "*" ? sub : parseArithWord(arr[3]);
    const rest = body.slice(arr[0].length);
    if (arr[1]) {
      if (rest !== "") throw bad();
      return { type: "param", name: arr[2], index, length: true };
    }
    if (rest === "") return { type: "param", name: arr[2], index };
    const op = PARAM_OPS.find((o) => rest.startsWith(o));
    if (!op) throw bad();
    const cur = cursor();
    return {
      type: "param",
      name: arr[2],
      index,
      op,
      arg: { parts: readWord(rest.slice(op.length), cur, () => false) },
    };
  }
  if (body.startsWith("#") && body.length > 1) {
    const name = body.slice(1);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!])$/.test(name)) throw bad();
    return { type: "param", name, length: true };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(body);
  if (!m) throw bad();
  const name = m[1];
  const rest = body.slice(name.length);
  if (rest === "") return { type: "param", name };
  const op = PARAM_OPS.find((o) => rest.startsWith(o));
  if (!op) throw bad();
  const argText = rest.slice(op.length);
  const cur = cursor();
  return { type: "param", name, op, arg: { parts: readWord(argText, cur, () => false) } };
}

/** Arithmetic text: expansions are recognised, everything else is literal. */
function parseArithWord(text: string): Word {
  const parts: WordPart[] = [];
  const cur = cursor();
  let lit = "";
  while (cur.pos < text.length) {
    const c = text[cur.pos];
    const part = c === "$" || c === "`" ? readExpansion(text, cur) : undefined;
    if (part) {
      if (lit) parts.push({ type: "qlit", text: lit });
      lit = "";
      parts.push(part);
    } else {
      lit += c;
      cur.pos++;
    }
  }
  if (lit) parts.push({ type: "qlit", text: lit });
  return { parts };
}

/** An unquoted here-document body: like double quotes, but `"` is an ordinary character. */
function parseHeredocBody(body: string): Word {
  const parts: WordPart[] = [];
  const cur = cursor();
  let lit = "";
  const flush = () => {
    if (lit) parts.push({ type: "qlit", text: lit });
    lit = "";
  };
  while (cur.pos < body.length) {
    const c = body[cur.pos];
    if (c === "\\" && "$`\\\n".includes(body[cur.pos + 1] ?? "")) {
      if (body[cur.pos + 1] !== "\n") lit += body[cur.pos + 1];
      cur.pos += 2;
    } else if (c === "$" || c === "`") {
      const part = readExpansion(body, cur);
      if (part) {
        flush();
        parts.push(part);
      } else {
        lit += c;
        cur.pos++;
      }
    } else {
      lit += c;
      cur.pos++;
    }
  }
  flush();
  return { parts };
}
