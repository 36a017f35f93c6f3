/**
 * `$(( … ))` evaluation with 64-bit signed integers, as busybox ash (shell/math.c): C operator
 * precedence, assignments (`=`, `+=`, …), `++`/`--`, `?:`, `**`, hex/octal constants, and bare
 * variable names whose values are themselves evaluated as numbers.
 */

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: "num"; v: bigint } | { t: "name"; v: string } | { t: "op"; v: string };

const OPS = [
  "<<=",
  ">>=",
  "**",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "^=",
  "|=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "&",
  "^",
  "|",
  "!",
  "~",
  "?",
  ":",
  "=",
  "(",
  ")",
];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: parseNumber(num[1]) });
      i += num[1].length;
      if (/[A-Za-z_]/.test(src[i] ?? "")) throw new ArithError("arithmetic syntax error");
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError("arithmetic syntax error");
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(s: string): bigint {
  if (/^0[xX]/.test(s)) return BigInt(s);
  if (/^0[0-7]+$/.test(s)) return BigInt(`0o${s.slice(1)}`);
  if (/^0[0-9]+$/.test(s)) throw new ArithError("arithmetic syntax error");
  return BigInt(s);
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Binary operators by precedence, loosest first (C order). */
const BINARY: string[][] = [
  ["||"],
  ["&&"],
  ["|"],
  ["^"],
  ["&"],
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "%"],
];

function apply(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case "||":
      return a !== 0n || b !== 0n ? 1n : 0n;
    case "&&":
      return a !== 0n && b !== 0n ? 1n : 0n;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "&":
      return a & b;
    case "==":
      return a === b ? 1n : 0n;
    case "!=":
      return a !== b ? 1n : 0n;
    case "<":
      return a < b ? 1n : 0n;
    case "<=":
      return a <= b ? 1n : 0n;
    case ">":
      return a > b ? 1n : 0n;
    case ">=":
      return a >= b ? 1n : 0n;
    case "<<":
      return wrap(a << (b & 63n));
    case ">>":
      return a >> (b & 63n);
    case "+":
      return wrap(a + b);
    case "-":
      return wrap(a - b);
    case "*":
      return wrap(a * b);
    case "/":
    case "%":
      if (b === 0n) throw new ArithError("divide by zero");
      return wrap(op === "/" ? a / b : a % b);
    case "**":
      if (b < 0n) throw new ArithError("exponent less than 0");
      return wrap(a ** b);
  }
  throw new ArithError("arithmetic syntax error");
}

/** Evaluate an (already parameter-expanded) arithmetic expression. */
export function evalArith(src: string, vars: ArithVars): bigint {
  if (src.trim() === "") return 0n;
  const p = new ArithParser(lex(src), vars);
  const v = p.expr();
  if (p.i < p.toks.length) throw new ArithError("arithmetic syntax error");
  return v;
}

class ArithParser {
  i = 0;
  /** >0 while evaluating the untaken side of `&&`, `||`, `?:` (no assignments happen there). */
  private skip = 0;
  readonly toks: Tok[];
  private readonly vars: ArithVars;

  constructor(toks: Tok[], vars: ArithVars) {
    this.toks = toks;
    this.vars = vars;
  }

  private peekOp(): string | undefined {
    const t = this.toks[this.i];
    return t?.t === "op" ? t.v : undefined;
  }

  private varValue(name: string): bigint {
    const raw = (this.vars.get(name) ?? "").trim();
    if (raw === "") return 0n;
    if (/^-?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(raw)) {
      return raw.startsWith("-") ? -parseNumber(raw.slice(1)) : parseNumber(raw);
    }
    return evalArith(raw, this.vars);
  }

  private assign(name: string, v: bigint): bigint {
    if (this.skip === 0) this.vars.set(name, String(v));
    return v;
  }

  expr(): bigint {
    // assignment: NAME op= expr
    const t = this.toks[this.i];
    const op = this.toks[this.i + 1];
    if (
      t?.t === "name" &&
      op?.t === "op" &&
      /^(=|\+=|-=|\*=|\/=|%=|<<=|>>=|&=|\^=|\|=)$/.test(op.v)
    ) {
      this.i += 2;
      const rhs = this.expr();
      const v = op.v === "=" ? rhs : apply(op.v.slice(0, -1), this.varValue(t.v), rhs);
      return this.assign(t.v, v);
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const c = this.binary(0);
    if (this.peekOp() !== "?") return c;
    this.i++;
    if (c === 0n) this.skip++;
    const a = this.expr();
    if (c === 0n) this.skip--;
    if (this.peekOp() !== ":") throw new ArithError("arithmetic syntax error");
    this.i++;
    if (c !== 0n) this.skip++;
    const b = this.ternary();
    if (c !== 0n) this.skip--;
    return c !== 0n ? a : b;
  }

  private binary(level: number): bigint {
    if (level >= BINARY.length) return this.power();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.peekOp();
      if (!op || !BINARY[level].includes(op)) return left;
      this.i++;
      const short = (op === "&&" && left === 0n) || (op === "||" && left !== 0n);
      if (short) this.skip++;
      const right = this.binary(level + 1);
      if (short) this.skip--;
      left = apply(op, left, right);
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (this.peekOp() === "**") {
      this.i++;
      return apply("**", base, this.power());
    }
    return base;
  }

  private unary(): bigint {
    const op = this.peekOp();
    if (op === "+" || op === "-" || op === "!" || op === "~") {
      this.i++;
      const v = this.unary();
      return op === "+" ? v : op === "-" ? wrap(-v) : op === "!" ? (v === 0n ? 1n : 0n) : ~v;
    }
    if (op === "++" || op === "--") {
      this.i++;
      const t = this.toks[this.i++];
      if (t?.t !== "name") throw new ArithError("arithmetic syntax error");
      return this.assign(t.v, wrap(this.varValue(t.v) + (op === "++" ? 1n : -1n)));
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.toks[this.i++];
    if (!t) throw new ArithError("arithmetic syntax error");
    if (t.t === "num") return t.v;
    if (t.t === "name") {
      const v = this.varValue(t.v);
      const op = this.peekOp();
      if (op === "++" || op === "--") {
        this.i++;
        this.assign(t.v, wrap(v + (op === "++" ? 1n : -1n)));
      }
      return v;
    }
    if (t.v === "(") {
      const v = this.expr();
      if (this.peekOp() !== ")") throw new ArithError("arithmetic syntax error");
      this.i++;
      return v;
    }
    throw new ArithError("arithmetic syntax error");
  }
}
