import type { ProgramIo } from "../../types.ts";
import {
  dict,
  fn,
  hashKey,
  iterate,
  pure,
  PyExit,
  PyRaise,
  repr,
  str,
  truthy,
  typeName,
  type Val,
} from "./values.ts";

/**
 * The builtins and modules the lab's Python provides: print/int/str/len/range…, `os` (environ,
 * getenv), `sys` (exit, argv, stdout/stderr), `time` (sleep, time), `random` (seeded). Built once
 * per process (they close over its streams and environment).
 */

const cache = new WeakMap<ProgramIo, { b: Record<string, Val>; m: Record<string, Val> }>();

function intOf(v: Val): Val {
  if (typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw new PyRaise("OverflowError", "cannot convert float infinity to integer");
    return BigInt(Math.trunc(v));
  }
  if (typeof v === "string") {
    const t = v.trim().replace(/_/g, "");
    if (!/^[-+]?\d+$/.test(t))
      throw new PyRaise("ValueError", `invalid literal for int() with base 10: ${repr(v)}`);
    return BigInt(t);
  }
  throw new PyRaise(
    "TypeError",
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`,
  );
}

function floatOf(v: Val): Val {
  if (typeof v === "number") return v;
  if (typeof v === "bigint" || typeof v === "boolean") return Number(v);
  if (typeof v === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v))
    return Number(v);
  if (typeof v === "string")
    throw new PyRaise("ValueError", `could not convert string to float: ${repr(v)}`);
  throw new PyRaise(
    "TypeError",
    `float() argument must be a string or a real number, not '${typeName(v)}'`,
  );
}

const num = (v: Val): number => (typeof v === "bigint" ? Number(v) : Number(v));

function make(io: ProgramIo): { b: Record<string, Val> & object; m: Record<string, Val> } {
  const write = (stream: (t: string) => void) =>
    pure("write", (a) => {
      const s = str(a[0] ?? "");
      stream(s);
      return BigInt(s.length);
    });
  const stdout = {
    t: "module" as const,
    name: "stdout",
    attrs: { write: write(io.stdout), flush: pure("flush", () => null) },
  };
  const stderr = {
    t: "module" as const,
    name: "stderr",
    attrs: { write: write(io.stderr), flush: pure("flush", () => null) },
  };
  const environ = dict(Object.entries(io.env));
  const b: Record<string, Val> = {
    print: pure("print", (args, kw) => {
      const sep = kw.sep === undefined || kw.sep === null ? " " : str(kw.sep);
      const end = kw.end === undefined || kw.end === null ? "\n" : str(kw.end);
      const text = args.map(str).join(sep) + end;
      (kw.file === stderr ? io.stderr : io.stdout)(text);
      return null;
    }),
    int: pure("int", (a) => (a.length ? intOf(a[0]) : 0n)),
    float: pure("float", (a) => (a.length ? floatOf(a[0]) : 0)),
    str: pure("str", (a) => (a.length ? str(a[0]) : "")),
    repr: pure("repr", (a) => repr(a[0] ?? null)),
    bool: pure("bool", (a) => truthy(a[0] ?? false)),
    len: pure("len", (a) => {
      const v = a[0] ?? null;
      if (typeof v === "string") return BigInt(v.length);
      if (
        typeof v === "object" &&
        v !== null &&
        (v.t === "list" || v.t === "tuple" || v.t === "dict")
      )
        return BigInt(v.t === "dict" ? v.v.size : v.v.length);
      throw new PyRaise("TypeError", `object of type '${typeName(v)}' has no len()`);
    }),
    range: pure("range", (a) => {
      const [start, stop, step] =
        a.length === 1
          ? [0, num(a[0]), 1]
          : [num(a[0]), num(a[1]), a[2] === undefined ? 1 : num(a[2])];
      if (step === 0) throw new PyRaise("ValueError", "range() arg 3 must not be zero");
      const v: Val[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (v.length >= 1_000_000) throw new PyRaise("MemoryError", "");
        v.push(BigInt(i));
      }
      return { t: "list", v };
    }),
    abs: pure("abs", (a) => {
      const v = a[0] ?? 0n;
      return typeof v === "bigint" ? (v < 0n ? -v : v) : Math.abs(num(v));
    }),
    min: pure("min", (a) => pick(a, (x, y) => x < y)),
    max: pure("max", (a) => pick(a, (x, y) => x > y)),
    sum: pure("sum", (a) => iterate(a[0] ?? null).reduce<Val>((s, x) => add(s, x), 0n)),
    round: pure("round", (a) => BigInt(Math.round(num(a[0] ?? 0n)))),
    list: pure("list", (a) => ({ t: "list", v: a.length ? iterate(a[0]) : [] })),
    exit: fn("exit", exitCall),
    quit: fn("quit", exitCall),
  };
  let seed = io.ctx.rng;
  const m: Record<string, Val> = {
    os: {
      t: "module",
      name: "os",
      attrs: {
        environ,
        getenv: pure("getenv", (a) => environ.v.get(hashKey(str(a[0] ?? "")))?.[1] ?? a[1] ?? null),
        getpid: pure("getpid", () => 1n),
        sep: "/",
        linesep: "\n",
      },
    },
    sys: {
      t: "module",
      name: "sys",
      attrs: {
        exit: fn("exit", exitCall),
        argv: { t: "list", v: ["-c"] },
        stdout,
        stderr,
        version: "3.12.7 (main, Oct 19 2024, 04:24:29) [GCC 12.2.0]",
        platform: "linux",
      },
    },
    time: {
      t: "module",
      name: "time",
      attrs: {
        sleep: fn("sleep", function* (a) {
          const secs = num(a[0] ?? 0n);
          if (Number.isNaN(secs) || typeof a[0] === "string" || a[0] === null)
            throw new PyRaise(
              "TypeError",
              `'${typeName(a[0] ?? null)}' object cannot be interpreted as an integer`,
            );
          if (secs < 0) throw new PyRaise("ValueError", "sleep length must be non-negative");
          if (secs > 0) yield { type: "sleep", ms: Math.round(secs * 1000) };
          return null;
        }),
        time: pure("time", () => io.ctx.now() / 1000),
      },
    },
    random: {
      t: "module",
      name: "random",
      attrs: {
        random: pure("random", () => seed.next()),
        randint: pure("randint", (a) => {
          const lo = num(a[0] ?? 0n);
          const hi = num(a[1] ?? 0n);
          return BigInt(lo + seed.int(hi - lo + 1));
        }),
        seed: pure("seed", () => {
          seed = io.ctx.rng;
          return null;
        }),
      },
    },
    math: {
      t: "module",
      name: "math",
      attrs: {
        pi: Math.PI,
        e: Math.E,
        sqrt: pure("sqrt", (a) => Math.sqrt(num(a[0] ?? 0n))),
        floor: pure("floor", (a) => BigInt(Math.floor(num(a[0] ?? 0n)))),
        ceil: pure("ceil", (a) => BigInt(Math.ceil(num(a[0] ?? 0n)))),
      },
    },
  };
  return { b, m };
}

// eslint-disable-next-line require-yield -- a generator by the Val contract
function* exitCall(a: Val[]): Generator<never, Val, void> {
  const v = a[0] ?? null;
  if (v === null) throw new PyExit(0);
  if (typeof v === "bigint" || typeof v === "boolean") throw new PyExit(Number(v) & 255);
  throw new PyExit(1, str(v));
}

function add(a: Val, b: Val): Val {
  if (typeof a === "bigint" && typeof b === "bigint") return a + b;
  return num(a) + num(b);
}

function pick(a: Val[], better: (x: number | string, y: number | string) => boolean): Val {
  const items = a.length === 1 ? iterate(a[0]) : a;
  if (items.length === 0) throw new PyRaise("ValueError", "min() arg is an empty sequence");
  const key = (v: Val) => (typeof v === "string" ? v : num(v));
  return items.reduce((best, x) => (better(key(x), key(best)) ? x : best));
}

function get(io: ProgramIo) {
  let c = cache.get(io);
  if (!c) cache.set(io, (c = make(io)));
  return c;
}

export const builtins = (io: ProgramIo): Record<string, Val> => get(io).b;
export const modules = (io: ProgramIo): Record<string, Val> => get(io).m;
