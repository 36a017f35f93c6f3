import { tick } from "../../limits.ts";
import type { ProgramIo } from "../../types.ts";
import type { Expr, Stmt } from "./parser.ts";
import { builtins, modules } from "./builtins.ts";
import {
  hashKey,
  iterate,
  PyRaise,
  repr,
  str,
  truthy,
  typeName,
  type PyGen,
  type Val,
} from "./values.ts";

/** `break` / `continue`, thrown to the enclosing loop. */
class LoopCtl extends Error {
  constructor(readonly kind: "break" | "continue") {
    super(kind);
  }
}

const isNum = (v: Val): v is bigint | number | boolean =>
  typeof v === "bigint" || typeof v === "number" || typeof v === "boolean";
const asInt = (v: bigint | number | boolean): bigint | number =>
  typeof v === "boolean" ? (v ? 1n : 0n) : v;

function arith(op: string, a: Val, b: Val): Val {
  if (typeof a === "string" && typeof b === "string" && op === "+") return a + b;
  if (op === "*" && typeof a === "string" && (typeof b === "bigint" || typeof b === "boolean"))
    return a.repeat(Math.max(0, Number(asInt(b))));
  if (op === "*" && typeof b === "string" && (typeof a === "bigint" || typeof a === "boolean"))
    return b.repeat(Math.max(0, Number(asInt(a))));
  if (op === "%" && typeof a === "string") return a.replace(/%[sd]/, str(b));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    if (op === "+" && a.t === b.t && (a.t === "list" || a.t === "tuple"))
      return { t: a.t, v: [...a.v, ...(b as { v: Val[] }).v] };
  }
  if (!isNum(a) || !isNum(b))
    throw new PyRaise(
      "TypeError",
      `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`,
    );
  const x = asInt(a);
  const y = asInt(b);
  if (typeof x === "bigint" && typeof y === "bigint" && op !== "/") {
    if ((op === "//" || op === "%") && y === 0n)
      throw new PyRaise("ZeroDivisionError", "integer division or modulo by zero");
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "**":
        return y >= 0n ? x ** y : Number(x) ** Number(y);
      case "//":
        return x % y !== 0n && x < 0n !== y < 0n ? x / y - 1n : x / y;
      case "%": {
        const r = x % y;
        return r !== 0n && r < 0n !== y < 0n ? r + y : r;
      }
    }
  }
  const p = Number(x);
  const q = Number(y);
  if ((op === "/" || op === "//" || op === "%") && q === 0)
    throw new PyRaise(
      "ZeroDivisionError",
      op === "/" ? "division by zero" : "float floor division by zero",
    );
  switch (op) {
    case "+":
      return p + q;
    case "-":
      return p - q;
    case "*":
      return p * q;
    case "/":
      return p / q;
    case "**":
      return p ** q;
    case "//":
      return Math.floor(p / q);
    default:
      return p - Math.floor(p / q) * q;
  }
}

function equals(a: Val, b: Val): boolean {
  if (isNum(a) && isNum(b)) {
    const x = asInt(a);
    const y = asInt(b);
    return typeof x === "bigint" && typeof y === "bigint" ? x === y : Number(x) === Number(y);
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b;
  if ((a.t === "list" || a.t === "tuple") && a.t === b.t)
    return a.v.length === b.v.length && a.v.every((x, i) => equals(x, (b as { v: Val[] }).v[i]));
  return a === b;
}

function compare(op: string, a: Val, b: Val): boolean {
  switch (op) {
    case "==":
      return equals(a, b);
    case "!=":
      return !equals(a, b);
    case "is":
      return a === b || (a === null && b === null);
    case "is not":
      return !(a === b || (a === null && b === null));
    case "in":
    case "not in": {
      let found: boolean;
      if (typeof b === "string") {
        if (typeof a !== "string")
          throw new PyRaise(
            "TypeError",
            `'in <string>' requires string as left operand, not ${typeName(a)}`,
          );
        found = b.includes(a);
      } else if (typeof b === "object" && b !== null && (b.t === "list" || b.t === "tuple"))
        found = b.v.some((x) => equals(x, a));
      else if (typeof b === "object" && b !== null && b.t === "dict") found = b.v.has(hashKey(a));
      else throw new PyRaise("TypeError", `argument of type '${typeName(b)}' is not iterable`);
      return op === "in" ? found : !found;
    }
  }
  const ok = (isNum(a) && isNum(b)) || (typeof a === "string" && typeof b === "string");
  if (!ok)
    throw new PyRaise(
      "TypeError",
      `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
    );
  const x = isNum(a) ? Number(asInt(a)) : a;
  const y = isNum(b) ? Number(asInt(b)) : b;
  return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
}

/** Runs a parsed script; `line` is the statement being executed (for tracebacks). */
export class Interpreter {
  readonly globals = new Map<string, Val>();
  line = 1;

  constructor(readonly io: ProgramIo) {}

  *run(stmts: Stmt[]): PyGen<void> {
    for (const s of stmts) yield* this.exec(s);
  }

  private *exec(s: Stmt): PyGen<void> {
    this.line = s.line;
    yield* tick(this.io.budget);
    switch (s.k) {
      case "expr":
        yield* this.eval(s.e);
        return;
      case "assign": {
        let v = yield* this.eval(s.e);
        if (s.op) v = arith(s.op, yield* this.eval(s.target), v);
        return yield* this.assign(s.target, v);
      }
      case "import":
        for (const n of s.names) {
          const root = n.split(".")[0];
          const m = modules(this.io)[root];
          if (!m) throw new PyRaise("ModuleNotFoundError", `No module named '${root}'`);
          this.globals.set(root, m);
        }
        return;
      case "if":
        for (const b of s.branches)
          if (truthy(yield* this.eval(b.cond))) return yield* this.run(b.body);
        return yield* this.run(s.orelse);
      case "while":
        while (truthy(yield* this.eval(s.cond))) {
          this.line = s.line;
          yield* tick(this.io.budget);
          if ((yield* this.loopBody(s.body)) === "break") break;
        }
        return;
      case "for":
        for (const item of iterate(yield* this.eval(s.iter))) {
          this.globals.set(s.name, item);
          yield* tick(this.io.budget);
          if ((yield* this.loopBody(s.body)) === "break") break;
        }
        return;
      case "pass":
        return;
      case "break":
      case "continue":
        throw new LoopCtl(s.k);
    }
  }

  private *loopBody(body: Stmt[]): PyGen<"break" | "next"> {
    try {
      yield* this.run(body);
    } catch (e) {
      if (!(e instanceof LoopCtl)) throw e;
      if (e.kind === "break") return "break";
    }
    return "next";
  }

  private *assign(target: Expr, v: Val): PyGen<void> {
    if (target.k === "name") {
      this.globals.set(target.v, v);
      return;
    }
    if (target.k === "index") {
      const obj = yield* this.eval(target.obj);
      const idx = yield* this.eval(target.index);
      if (typeof obj === "object" && obj !== null && obj.t === "dict") {
        obj.v.set(hashKey(idx), [idx, v]);
        return;
      }
      if (typeof obj === "object" && obj !== null && obj.t === "list") {
        obj.v[this.position(obj.v.length, idx, "list assignment")] = v;
        return;
      }
      throw new PyRaise("TypeError", `'${typeName(obj)}' object does not support item assignment`);
    }
    throw new PyRaise("SyntaxError", "cannot assign to attribute here");
  }

  private position(len: number, idx: Val, what: string): number {
    if (typeof idx !== "bigint" && typeof idx !== "boolean")
      throw new PyRaise("TypeError", `${what} indices must be integers, not ${typeName(idx)}`);
    let i = Number(asInt(idx));
    if (i < 0) i += len;
    if (i < 0 || i >= len) throw new PyRaise("IndexError", `${what} index out of range`);
    return i;
  }

  *eval(e: Expr): PyGen<Val> {
    switch (e.k) {
      case "num":
        return /[.eE]/.test(e.v) ? Number(e.v) : BigInt(e.v);
      case "str":
        return e.v;
      case "fstr": {
        let out = "";
        for (const p of e.parts) out += typeof p === "string" ? p : str(yield* this.eval(p));
        return out;
      }
      case "name": {
        if (this.globals.has(e.v)) return this.globals.get(e.v)!;
        if (e.v === "True") return true;
        if (e.v === "False") return false;
        if (e.v === "None") return null;
        const b = builtins(this.io)[e.v];
        if (b !== undefined) return b;
        throw new PyRaise("NameError", `name '${e.v}' is not defined`);
      }
      case "list":
      case "tuple": {
        const v: Val[] = [];
        for (const x of e.items) v.push(yield* this.eval(x));
        return { t: e.k, v };
      }
      case "dict": {
        const m = new Map<string, [Val, Val]>();
        for (const [k, x] of e.items) {
          const key = yield* this.eval(k);
          m.set(hashKey(key), [key, yield* this.eval(x)]);
        }
        return { t: "dict", v: m };
      }
      case "attr": {
        const obj = yield* this.eval(e.obj);
        return attribute(obj, e.name);
      }
      case "index":
        return this.subscript(yield* this.eval(e.obj), yield* this.eval(e.index));
      case "call": {
        const f = yield* this.eval(e.fn);
        const args: Val[] = [];
        for (const a of e.args) args.push(yield* this.eval(a));
        const kw: Record<string, Val> = {};
        for (const [k, x] of e.kwargs) kw[k] = yield* this.eval(x);
        if (typeof f !== "object" || f === null || f.t !== "fn")
          throw new PyRaise("TypeError", `'${typeName(f)}' object is not callable`);
        return yield* f.call(args, kw);
      }
      case "unary": {
        const v = yield* this.eval(e.e);
        if (e.op === "not") return !truthy(v);
        if (!isNum(v))
          throw new PyRaise("TypeError", `bad operand type for unary ${e.op}: '${typeName(v)}'`);
        const x = asInt(v);
        return e.op === "-" ? (typeof x === "bigint" ? -x : -x) : x;
      }
      case "bin":
        return arith(e.op, yield* this.eval(e.a), yield* this.eval(e.b));
      case "cmp": {
        let left = yield* this.eval(e.items[0]);
        for (let i = 0; i < e.ops.length; i++) {
          const right = yield* this.eval(e.items[i + 1]);
          if (!compare(e.ops[i], left, right)) return false;
          left = right;
        }
        return true;
      }
      case "bool": {
        const a = yield* this.eval(e.a);
        if (e.op === "and" ? !truthy(a) : truthy(a)) return a;
        return yield* this.eval(e.b);
      }
      case "ifexp":
        return truthy(yield* this.eval(e.cond)) ? yield* this.eval(e.a) : yield* this.eval(e.b);
    }
  }

  private subscript(obj: Val, idx: Val): Val {
    if (typeof obj === "string") return obj[this.position(obj.length, idx, "string")];
    if (typeof obj === "object" && obj !== null) {
      if (obj.t === "list" || obj.t === "tuple")
        return obj.v[this.position(obj.v.length, idx, obj.t)];
      if (obj.t === "dict") {
        const hit = obj.v.get(hashKey(idx));
        if (!hit) throw new PyRaise("KeyError", repr(idx));
        return hit[1];
      }
    }
    throw new PyRaise("TypeError", `'${typeName(obj)}' object is not subscriptable`);
  }
}

function attribute(obj: Val, name: string): Val {
  if (typeof obj === "object" && obj !== null) {
    if (obj.t === "module") {
      if (name in obj.attrs) return obj.attrs[name];
      throw new PyRaise("AttributeError", `module '${obj.name}' has no attribute '${name}'`);
    }
    const methods = methodsOf(obj);
    if (methods[name]) return methods[name];
  }
  if (typeof obj === "string") {
    const m = stringMethod(obj, name);
    if (m) return m;
  }
  throw new PyRaise("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
}

/* eslint-disable require-yield -- builtin methods are generators by the Val contract */
function methodsOf(
  obj: Exclude<Val, null | bigint | number | string | boolean>,
): Record<string, Val> {
  if (obj.t === "dict") {
    return {
      get: {
        t: "fn",
        name: "get",
        *call(args) {
          return obj.v.get(hashKey(args[0] ?? null))?.[1] ?? args[1] ?? null;
        },
      },
      keys: {
        t: "fn",
        name: "keys",
        *call() {
          return { t: "list", v: [...obj.v.values()].map(([k]) => k) };
        },
      },
      items: {
        t: "fn",
        name: "items",
        *call() {
          return { t: "list", v: [...obj.v.values()].map(([k, x]) => ({ t: "tuple", v: [k, x] })) };
        },
      },
    };
  }
  if (obj.t === "list") {
    return {
      append: {
        t: "fn",
        name: "append",
        *call(args) {
          obj.v.push(args[0] ?? null);
          return null;
        },
      },
    };
  }
  return {};
}

function stringMethod(s: string, name: string): Val | undefined {
  const simple: Record<string, (a: Val[]) => Val> = {
    upper: () => s.toUpperCase(),
    lower: () => s.toLowerCase(),
    strip: () => s.trim(),
    split: (a) => ({
      t: "list",
      v: (typeof a[0] === "string" ? s.split(a[0]) : s.trim().split(/\s+/).filter(Boolean)).map(
        (x) => x as Val,
      ),
    }),
    startswith: (a) => typeof a[0] === "string" && s.startsWith(a[0]),
    endswith: (a) => typeof a[0] === "string" && s.endsWith(a[0]),
    join: (a) =>
      iterate(a[0] ?? null)
        .map(str)
        .join(s),
    replace: (a) => s.split(str(a[0] ?? "")).join(str(a[1] ?? "")),
    format: (a) => {
      let i = 0;
      return s.replace(/\{\}/g, () => str(a[i++] ?? null));
    },
  };
  const f = simple[name];
  if (!f) return undefined;
  return {
    t: "fn",
    name,
    *call(args) {
      return f(args);
    },
  };
}
/* eslint-enable require-yield */
