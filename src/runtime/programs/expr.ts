/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import type { Program } from "../types.ts";
import { breToJs } from "./regex.ts";
import { showUsage } from "./util.ts";

/**
 * busybox `expr` (coreutils/expr.c): `expr 1 + 2` prints 3 and exits 0; a result that is 0 or
 * the empty string exits 1 (spec §9); errors print `expr: syntax error` (or `non-numeric
 * argument`, `division by zero`) and exit 2.
 */

type Value = bigint | string;

class ExprError extends Error {}

const INT = /^[+-]?\d+$/;

function toInt(v: Value): bigint | undefined {
  if (typeof v === "bigint") return v;
  return INT.test(v) ? BigInt(v) : undefined;
}

function isNull(v: Value): boolean {
  return typeof v === "bigint" ? v === 0n : v === "" || v === "0";
}

const show = (v: Value): string => (typeof v === "bigint" ? v.toString() : v);

class Expr {
  private i = 0;
  private readonly args: string[];

  constructor(args: string[]) {
    this.args = args;
  }

  run(): Value {
    const v = this.or();
    if (this.i < this.args.length) throw new ExprError("syntax error");
    return v;
  }

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private or(): Value {
    let l = this.and();
    while (this.peek() === "|") {
      this.i++;
      const r = this.and();
      l = !isNull(l) ? l : isNull(r) ? 0n : r;
    }
    return l;
  }

  private and(): Value {
    let l = this.compare();
    while (this.peek() === "&") {
      this.i++;
      const r = this.compare();
      l = isNull(l) || isNull(r) ? 0n : l;
    }
    return l;
  }

  private compare(): Value {
    let l = this.additive();
    for (;;) {
      const op = this.peek();
      if (!op || !["<", "<=", "=", "==", "!=", ">=", ">"].includes(op)) return l;
      this.i++;
      const r = this.additive();
      const li = toInt(l);
      const ri = toInt(r);
      let c: number;
      if (li !== undefined && ri !== undefined) c = li < ri ? -1 : li > ri ? 1 : 0;
      else c = show(l) < show(r) ? -1 : show(l) > show(r) ? 1 : 0;
      const res = {
        "<": c < 0,
        "<=": c <= 0,
        "=": c === 0,
        "==": c === 0,
        "!=": c !== 0,
        ">=": c >= 0,
        ">": c > 0,
      }[op];
      l = res ? 1n : 0n;
    }
  }

  private arith(op: string, l: Value, r: Value): bigint {
    const a = toInt(l);
    const b = toInt(r);
    if (a === undefined || b === undefined) throw new ExprError("non-numeric argument");
    if ((op === "/" || op === "%") && b === 0n) throw new ExprError("division by zero");
    const v =
      op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b;
    return BigInt.asIntN(64, v);
  }

  private additive(): Value {
    let l = this.multiplicative();
    while (this.peek() === "+" || this.peek() === "-") {
      const op = this.args[this.i++];
      l = this.arith(op, l, this.multiplicative());
    }
    return l;
  }

  private multiplicative(): Value {
    let l = this.match();
    while (this.peek() === "*" || this.peek() === "/" || this.peek() === "%") {
      const op = this.args[this.i++];
      l = this.arith(op, l, this.match());
    }
    return l;
  }

  private match(): Value {
    let l = this.primary();
    while (this.peek() === ":") {
      this.i++;
      l = regexMatch(show(l), show(this.primary()));
    }
    return l;
  }

  private token(): string {
    const t = this.args[this.i++];
    if (t === undefined) throw new ExprError("syntax error");
    return t;
  }

  private primary(): Value {
    const t = this.peek();
    if (t === undefined) throw new ExprError("syntax error");
    switch (t) {
      case "(": {
        this.i++;
        const v = this.or();
        if (this.token() !== ")") throw new ExprError("syntax error");
        return v;
      }
      case "+":
        this.i++;
        return this.token();
      case "length":
        this.i++;
        return BigInt(show(this.primary()).length);
      case "match": {
        this.i++;
        const s = show(this.primary());
        return regexMatch(s, show(this.primary()));
      }
      case "substr": {
        this.i++;
        const s = show(this.primary());
        const pos = toInt(this.primary());
        const len = toInt(this.primary());
        if (pos === undefined || len === undefined) throw new ExprError("non-numeric argument");
        if (pos < 1n || len < 1n) return "";
        return s.slice(Number(pos) - 1, Number(pos) - 1 + Number(len));
      }
      case "index": {
        this.i++;
        const s = show(this.primary());
        const chars = show(this.primary());
        const idx = [...s].findIndex((c) => chars.includes(c));
        return BigInt(idx + 1);
      }
      case ")":
        throw new ExprError("syntax error");
      default:
        this.i++;
        return INT.test(t) ? BigInt(t) : t;
    }
  }
}

/** `STRING : REGEX`, anchored at the start: the \(group\) if any, else the matched length. */
function regexMatch(s: string, re: string): Value {
  let rx: RegExp;
  try {
    rx = new RegExp(`^(?:${breToJs(re)})`);
  } catch {
    throw new ExprError("regex error");
  }
  const m = rx.exec(s);
  const hasGroup = /\\\(/.test(re);
  if (!m) return hasGroup ? "" : 0n;
  return hasGroup ? (m[1] ?? "") : BigInt(m[0].length);
}

export const exprProgram: Program = {
  name: "expr",
  usage: "expr EXPRESSION",
  *run(io) {
    const args = io.argv.slice(1);
    if (args.length === 0) {
      showUsage(io, this.usage);
      return 1;
    }
    try {
      const v = new Expr(args).run();
      io.stdout(`${show(v)}\n`);
      return isNull(v) ? 1 : 0;
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      io.stderr(`expr: ${e.message}\n`);
      return 2;
    }
  },
};
