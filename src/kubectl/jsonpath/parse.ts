/**
 * The JSONPath template dialect of kubectl (`k8s.io/client-go/util/jsonpath/parser.go`): text
 * outside `{…}` is printed as is; inside, `.field` (with `\.` escaping dots in keys), `..`,
 * `[n]`, `[a:b:c]`, `[*]`, `['key']`, unions `[a,b]`, filters `[?(@.x=="y")]`, quoted strings,
 * numbers, `range`/`end`. Error texts are the parser's own.
 */

export interface SliceParam {
  known: boolean;
  value: number;
  derived?: boolean;
}

export type PathNode =
  | { t: "text"; text: string }
  | { t: "field"; name: string }
  | { t: "wildcard" }
  | { t: "recursive" }
  | { t: "array"; params: [SliceParam, SliceParam, SliceParam] }
  | { t: "union"; lists: PathNode[][] }
  | { t: "filter"; left: PathNode[]; right: PathNode[]; op: string }
  | { t: "int"; value: number }
  | { t: "float"; value: number }
  | { t: "bool"; value: boolean }
  | { t: "ident"; name: string };

/** One top-level piece: literal text, or one `{…}` action (a list of nodes). */
export type TopNode = { t: "text"; text: string } | { t: "list"; nodes: PathNode[] };

class ParseError extends Error {}

const isSpace = (r: string) => r === " " || r === "\t";
const isEol = (r: string) => r === "\r" || r === "\n";
const isTerminator = (r: string) => r === "" || isSpace(r) || isEol(r) || ".,[]$@{}".includes(r);
const isAlnum = (r: string) => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  readonly root: TopNode[] = [];

  constructor(private readonly input: string) {}

  parse(): TopNode[] {
    this.parseText();
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return "";
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.pos -= this.width;
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(): void {
    for (;;) {
      if (this.rest().startsWith("{")) {
        if (this.pos > this.start) this.root.push({ t: "text", text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: PathNode[] = [];
        this.root.push({ t: "list", nodes: list });
        this.parseInsideAction(list);
        return;
      }
      if (this.next() === "") break;
    }
    if (this.pos > this.start) this.root.push({ t: "text", text: this.consume() });
  }

  private parseInsideAction(cur: PathNode[]): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consume();
        this.parseText();
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        if (cur[cur.length - 1]?.t === "recursive")
          throw new ParseError("invalid multiple recursive descent");
        this.pos += 2;
        this.consume();
        cur.push({ t: "recursive" });
        if (isAlnum(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === "" || isEol(r)) throw new ParseError("unclosed action");
      else if (r === " " || r === "@" || r === "$") this.consume();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlnum(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        const cp = r.codePointAt(0)!;
        throw new ParseError(
          `unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${r}'`,
        );
      }
    }
  }

  private parseIdentifier(cur: PathNode[]): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === "true" || value === "false") cur.push({ t: "bool", value: value === "true" });
    else cur.push({ t: "ident", name: value });
  }

  private parseNumber(cur: PathNode[]): void {
    const r = this.peek();
    if (r === "+" || r === "-") this.next();
    for (;;) {
      const c = this.next();
      if (c !== "." && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ t: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ t: "float", value: Number(value) });
    else throw new ParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: PathNode[]): void {
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new ParseError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === "*") text = ":";
    const strs = text.split(",");
    if (strs.length > 1) {
      const lists = strs.map((s) => parseAction(`[${s.trim()}]`));
      cur.push({ t: "union", lists });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`));
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const raw = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = raw[i];
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params.push({ known: false, value: 0 });
        else if (!/^-?\d+$/.test(v)) throw new ParseError(`array index ${v} is not a number`);
        else params.push({ known: true, value: Number(v) });
      } else if (i === 1) params.push({ known: true, value: params[0].value + 1, derived: true });
      else params.push({ known: false, value: 0 });
    }
    cur.push({ t: "array", params: params as [SliceParam, SliceParam, SliceParam] });
  }

  private parseFilter(cur: PathNode[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new ParseError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") throw new ParseError("unclosed array expect ]");
    let text = this.consume();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.push({ t: "filter", left: parseAction(text), right: [], op: "exists" });
    else cur.push({ t: "filter", left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }

  private parseQuote(cur: PathNode[], quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new ParseError("unterminated quoted string");
      if (r === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consume();
    const s = unquoteExtend(value);
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`);
    cur.push({ t: "text", text: s });
  }

  private parseField(cur: PathNode[]): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === "*") cur.push({ t: "wildcard" });
    else cur.push({ t: "field", name: value.split("\\").join("") });
  }
}

/** `parseAction`: the nodes of a single `{text}`. */
function parseAction(text: string): PathNode[] {
  const root = new Parser(`{${text}}`).parse();
  const first = root[0];
  return first?.t === "list" ? first.nodes : [];
}

/** Go `strconv.Unquote`, extended to single-quoted strings (jsonpath `UnquoteExtend`). */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const q = s[0];
  if (q !== s[s.length - 1] || (q !== '"' && q !== "'")) return undefined;
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === q) return undefined;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      "\\": "\\",
      "'": "'",
      '"': '"',
    };
    if (e in simple) {
      if ((e === "'" || e === '"') && e !== q) return undefined;
      out += simple[e];
    } else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  return out;
}

/** Parse a template; `{ error }` carries the parser's message. */
export function parseJsonPath(template: string): { nodes: TopNode[] } | { error: string } {
  try {
    return { nodes: new Parser(template).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
}
