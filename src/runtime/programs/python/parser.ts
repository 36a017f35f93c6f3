import { PySyntaxError, tokenize, type Tok } from "./lexer.ts";

/** The syntax tree of the Python subset (statements and expressions the lab's scripts use). */

export type Expr =
  | { k: "num"; v: string }
  | { k: "str"; v: string }
  | { k: "fstr"; parts: (string | Expr)[] }
  | { k: "name"; v: string }
  | { k: "list"; items: Expr[] }
  | { k: "tuple"; items: Expr[] }
  | { k: "dict"; items: [Expr, Expr][] }
  | { k: "attr"; obj: Expr; name: string }
  | { k: "index"; obj: Expr; index: Expr }
  | { k: "call"; fn: Expr; args: Expr[]; kwargs: [string, Expr][] }
  | { k: "unary"; op: string; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "cmp"; ops: string[]; items: Expr[] }
  | { k: "bool"; op: "and" | "or"; a: Expr; b: Expr }
  | { k: "ifexp"; cond: Expr; a: Expr; b: Expr };

export type Stmt = { line: number } & (
  | { k: "expr"; e: Expr }
  | { k: "assign"; target: Expr; e: Expr; op?: string }
  | { k: "if"; branches: { cond: Expr; body: Stmt[] }[]; orelse: Stmt[] }
  | { k: "while"; cond: Expr; body: Stmt[] }
  | { k: "for"; name: string; iter: Expr; body: Stmt[] }
  | { k: "import"; names: string[] }
  | { k: "pass" | "break" | "continue" }
);

export function parsePython(src: string): Stmt[] {
  return new Parser(tokenize(src)).file();
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  private next(): Tok {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }
  private isName(v: string): boolean {
    const t = this.peek();
    return t.t === "name" && t.v === v;
  }
  private fail(msg = "SyntaxError: invalid syntax"): never {
    throw new PySyntaxError(msg, this.peek().line);
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) {
      if (v === ")" || v === "]" || v === "}")
        this.fail(`SyntaxError: '${{ ")": "(", "]": "[", "}": "{" }[v]}' was never closed`);
      if (v === ":") this.fail("SyntaxError: expected ':'");
      this.fail();
    }
    this.i++;
  }

  file(): Stmt[] {
    const out: Stmt[] = [];
    while (this.peek().t !== "eof") {
      if (this.peek().t === "newline") {
        this.i++;
        continue;
      }
      if (this.peek().t === "indent") this.fail("IndentationError: unexpected indent");
      out.push(...this.statement());
    }
    return out;
  }

  private statement(): Stmt[] {
    const t = this.peek();
    if (t.t === "name") {
      if (t.v === "if") return [this.ifStmt()];
      if (t.v === "while") {
        this.i++;
        const cond = this.expr();
        return [{ k: "while", cond, body: this.block(), line: t.line }];
      }
      if (t.v === "for") {
        this.i++;
        const n = this.next();
        if (n.t !== "name") this.fail();
        if (!this.isName("in")) this.fail();
        this.i++;
        const iter = this.exprList();
        return [{ k: "for", name: n.v, iter, body: this.block(), line: t.line }];
      }
    }
    return this.simpleLine();
  }

  private ifStmt(): Stmt {
    const line = this.next().line;
    const branches = [{ cond: this.expr(), body: this.block() }];
    let orelse: Stmt[] = [];
    while (this.isName("elif")) {
      this.i++;
      branches.push({ cond: this.expr(), body: this.block() });
    }
    if (this.isName("else")) {
      this.i++;
      orelse = this.block();
    }
    return { k: "if", branches, orelse, line };
  }

  private block(): Stmt[] {
    this.expectOp(":");
    if (this.peek().t !== "newline") return this.simpleLine();
    this.i++;
    if (this.peek().t !== "indent")
      this.fail("IndentationError: expected an indented block after statement");
    this.i++;
    const body: Stmt[] = [];
    while (this.peek().t !== "dedent" && this.peek().t !== "eof") {
      if (this.peek().t === "newline") {
        this.i++;
        continue;
      }
      body.push(...this.statement());
    }
    if (this.peek().t === "dedent") this.i++;
    return body;
  }

  private simpleLine(): Stmt[] {
    const out = [this.simple()];
    while (this.isOp(";")) {
      this.i++;
      if (this.peek().t === "newline") break;
      out.push(this.simple());
    }
    if (this.peek().t !== "newline" && this.peek().t !== "eof") this.fail();
    if (this.peek().t === "newline") this.i++;
    return out;
  }

  private simple(): Stmt {
    const t = this.peek();
    const line = t.line;
    if (t.t === "name") {
      if (t.v === "pass" || t.v === "break" || t.v === "continue") {
        this.i++;
        return { k: t.v, line };
      }
      if (t.v === "import" || t.v === "from") {
        this.i++;
        const names: string[] = [];
        if (t.v === "from") {
          names.push(this.dotted());
          if (!this.isName("import")) this.fail();
          this.i++;
          while (this.peek().t === "name" || this.isOp(",") || this.isOp("*")) this.i++;
          return { k: "import", names, line };
        }
        names.push(this.dotted());
        while (this.isOp(",")) {
          this.i++;
          names.push(this.dotted());
        }
        if (this.isName("as")) this.fail("SyntaxError: 'import … as' is not supported here");
        return { k: "import", names, line };
      }
    }
    const e = this.exprList();
    const op = this.peek();
    if (op.t === "op" && (op.v === "=" || /^(\+|-|\*|\/|\/\/|%|\*\*)=$/.test(op.v))) {
      if (e.k !== "name" && e.k !== "index" && e.k !== "attr")
        this.fail("SyntaxError: cannot assign to expression");
      this.i++;
      const value = this.exprList();
      return {
        k: "assign",
        target: e,
        e: value,
        op: op.v === "=" ? undefined : op.v.slice(0, -1),
        line,
      };
    }
    return { k: "expr", e, line };
  }

  private dotted(): string {
    const parts: string[] = [];
    do {
      if (parts.length) this.i++;
      const n = this.next();
      if (n.t !== "name") this.fail();
      parts.push(n.v);
    } while (this.isOp("."));
    return parts.join(".");
  }

  /** `a, b` as a tuple (for loops, assignments, `return`-like positions). */
  private exprList(): Expr {
    const first = this.expr();
    if (!this.isOp(",")) return first;
    const items = [first];
    while (this.isOp(",")) {
      this.i++;
      if (this.endOfList()) break;
      items.push(this.expr());
    }
    return { k: "tuple", items };
  }

  private endOfList(): boolean {
    const t = this.peek();
    return (
      t.t === "newline" || t.t === "eof" || (t.t === "op" && ["=", ")", "]", ":"].includes(t.v))
    );
  }

  expr(): Expr {
    const a = this.orTest();
    if (this.isName("if")) {
      this.i++;
      const cond = this.orTest();
      if (!this.isName("else")) this.fail("SyntaxError: expected 'else' after 'if' expression");
      this.i++;
      return { k: "ifexp", cond, a, b: this.expr() };
    }
    return a;
  }

  private orTest(): Expr {
    let a = this.andTest();
    while (this.isName("or")) {
      this.i++;
      a = { k: "bool", op: "or", a, b: this.andTest() };
    }
    return a;
  }

  private andTest(): Expr {
    let a = this.notTest();
    while (this.isName("and")) {
      this.i++;
      a = { k: "bool", op: "and", a, b: this.notTest() };
    }
    return a;
  }

  private notTest(): Expr {
    if (this.isName("not")) {
      this.i++;
      return { k: "unary", op: "not", e: this.notTest() };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const first = this.arith();
    const ops: string[] = [];
    const items = [first];
    for (;;) {
      const t = this.peek();
      let op: string | undefined;
      if (t.t === "op" && ["==", "!=", "<", ">", "<=", ">="].includes(t.v)) op = t.v;
      else if (t.t === "name" && t.v === "in") op = "in";
      else if (t.t === "name" && t.v === "not" && this.peek(1).v === "in") op = "not in";
      else if (t.t === "name" && t.v === "is")
        op = this.peek(1).t === "name" && this.peek(1).v === "not" ? "is not" : "is";
      if (!op) break;
      this.i += op.includes(" ") ? 2 : 1;
      ops.push(op);
      items.push(this.arith());
    }
    return ops.length ? { k: "cmp", ops, items } : first;
  }

  private arith(): Expr {
    let a = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().v;
      a = { k: "bin", op, a, b: this.term() };
    }
    return a;
  }

  private term(): Expr {
    let a = this.factor();
    while (this.isOp("*") || this.isOp("/") || this.isOp("//") || this.isOp("%")) {
      const op = this.next().v;
      a = { k: "bin", op, a, b: this.factor() };
    }
    return a;
  }

  private factor(): Expr {
    if (this.isOp("-") || this.isOp("+")) {
      const op = this.next().v;
      return { k: "unary", op, e: this.factor() };
    }
    const base = this.primary();
    if (this.isOp("**")) {
      this.i++;
      return { k: "bin", op: "**", a: base, b: this.factor() };
    }
    return base;
  }

  private primary(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp(".")) {
        this.i++;
        const n = this.next();
        if (n.t !== "name") this.fail();
        e = { k: "attr", obj: e, name: n.v };
      } else if (this.isOp("(")) {
        this.i++;
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        while (!this.isOp(")")) {
          if (this.peek().t === "eof" || this.peek().t === "newline") this.expectOp(")");
          if (this.peek().t === "name" && this.peek(1).t === "op" && this.peek(1).v === "=") {
            const n = this.next().v;
            this.i++;
            kwargs.push([n, this.expr()]);
          } else args.push(this.expr());
          if (!this.isOp(",")) break;
          this.i++;
        }
        this.expectOp(")");
        e = { k: "call", fn: e, args, kwargs };
      } else if (this.isOp("[")) {
        this.i++;
        const index = this.expr();
        this.expectOp("]");
        e = { k: "index", obj: e, index };
      } else return e;
    }
  }

  private atom(): Expr {
    const t = this.next();
    if (t.t === "num") return { k: "num", v: t.v };
    if (t.t === "str") {
      let parts: (string | Expr)[] = t.f ? fstring(t.v, t.line) : [t.v];
      let f = t.f;
      while (this.peek().t === "str") {
        const s = this.next() as Extract<Tok, { t: "str" }>;
        f ||= s.f;
        parts = [...parts, ...(s.f ? fstring(s.v, s.line) : [s.v])];
      }
      return f
        ? { k: "fstr", parts }
        : { k: "str", v: parts.filter((p): p is string => typeof p === "string").join("") };
    }
    if (t.t === "name") {
      if (["if", "else", "elif", "while", "for", "in", "and", "or", "import"].includes(t.v)) {
        this.i--;
        this.fail();
      }
      return { k: "name", v: t.v };
    }
    if (t.t === "op" && t.v === "(") {
      if (this.isOp(")")) {
        this.i++;
        return { k: "tuple", items: [] };
      }
      const e = this.exprList();
      this.expectOp(")");
      return e;
    }
    if (t.t === "op" && t.v === "[") {
      const items: Expr[] = [];
      while (!this.isOp("]")) {
        items.push(this.expr());
        if (!this.isOp(",")) break;
        this.i++;
      }
      this.expectOp("]");
      return { k: "list", items };
    }
    if (t.t === "op" && t.v === "{") {
      const items: [Expr, Expr][] = [];
      while (!this.isOp("}")) {
        const key = this.expr();
        this.expectOp(":");
        items.push([key, this.expr()]);
        if (!this.isOp(",")) break;
        this.i++;
      }
      this.expectOp("}");
      return { k: "dict", items };
    }
    this.i--;
    this.fail();
  }
}

/** `f"a {x} b"` → ["a ", x, " b"]; `{{` and `}}` are literal braces; `{x!r}` / `{x:fmt}` drop the suffix. */
function fstring(s: string, line: number): (string | Expr)[] {
  const out: (string | Expr)[] = [];
  let lit = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === "{" || c === "}") && s[i + 1] === c) {
      lit += c;
      i++;
      continue;
    }
    if (c !== "{") {
      lit += c;
      continue;
    }
    const end = s.indexOf("}", i);
    if (end < 0) throw new PySyntaxError("SyntaxError: f-string: expecting '}'", line);
    const inner = s.slice(i + 1, end).replace(/(![rsa]|:[^}]*)$/, "");
    if (lit) out.push(lit);
    lit = "";
    const p = new Parser(tokenize(inner));
    out.push(p.expr());
    i = end;
  }
  if (lit) out.push(lit);
  return out;
}
