import type { Effect } from "../../types.ts";

/**
 * Values of the small Python: int is a bigint (arbitrary precision, as in Python), float a
 * number, str a string, bool a boolean, None null; containers and callables are tagged objects.
 */
export type Val =
  | bigint
  | number
  | string
  | boolean
  | null
  | { t: "list" | "tuple"; v: Val[] }
  | { t: "dict"; v: Map<string, [Val, Val]> }
  | { t: "fn"; name: string; call: (args: Val[], kw: Record<string, Val>) => PyGen<Val> }
  | { t: "module"; name: string; attrs: Record<string, Val> };

export type PyGen<T> = Generator<Effect, T, void>;

/** A Python exception raised by the script (`KeyError: 'X'`). */
export class PyRaise extends Error {
  constructor(
    readonly type: string,
    readonly detail: string,
  ) {
    super(detail ? `${type}: ${detail}` : type);
  }
}

/** `sys.exit(…)`: a code, or a message printed on stderr with status 1. */
export class PyExit extends Error {
  constructor(
    readonly code: number,
    readonly text?: string,
  ) {
    super(`exit ${code}`);
  }
}

export function typeName(v: Val): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "string":
      return "str";
    case "boolean":
      return "bool";
  }
  return v.t === "fn" ? "builtin_function_or_method" : v.t;
}

/** The items a `for` loop (or list(), sum(), join) walks. */
export function iterate(v: Val): Val[] {
  if (typeof v === "string") return [...v];
  if (typeof v === "object" && v !== null) {
    if (v.t === "list" || v.t === "tuple") return [...v.v];
    if (v.t === "dict") return [...v.v.values()].map(([k]) => k);
  }
  throw new PyRaise("TypeError", `'${typeName(v)}' object is not iterable`);
}

export function truthy(v: Val): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case "bigint":
      return v !== 0n;
    case "number":
      return v !== 0;
    case "string":
      return v !== "";
    case "boolean":
      return v;
  }
  if (v.t === "list" || v.t === "tuple") return v.v.length > 0;
  if (v.t === "dict") return v.v.size > 0;
  return true;
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  return String(x)
    .replace(/e\+?(-?)(\d)$/, "e+$10$2")
    .replace("e+-", "e-");
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(/\r/g, "\\r");
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

export function repr(v: Val): string {
  if (typeof v === "string") return strRepr(v);
  return str(v);
}

export function str(v: Val): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "bigint":
      return v.toString();
    case "number":
      return floatRepr(v);
    case "string":
      return v;
    case "boolean":
      return v ? "True" : "False";
  }
  switch (v.t) {
    case "list":
      return `[${v.v.map(repr).join(", ")}]`;
    case "tuple":
      return v.v.length === 1 ? `(${repr(v.v[0])},)` : `(${v.v.map(repr).join(", ")})`;
    case "dict":
      return `{${[...v.v.values()].map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(", ")}}`;
    case "fn":
      return `<built-in function ${v.name}>`;
    case "module":
      return `<module '${v.name}'>`;
  }
}

/** Key of a hashable value in a dict (ints, strs, bools, None, tuples of those). */
export function hashKey(v: Val): string {
  if (typeof v === "object" && v !== null && v.t !== "tuple")
    throw new PyRaise("TypeError", `unhashable type: '${v.t}'`);
  if (typeof v === "boolean") return `i${v ? 1 : 0}`;
  if (typeof v === "bigint") return `i${v}`;
  if (typeof v === "number" && Number.isInteger(v)) return `i${v}`;
  if (typeof v === "object" && v !== null) return `t${v.v.map(hashKey).join(",")}`;
  return `${typeof v}:${String(v)}`;
}

export function dict(entries: [string, Val][]): { t: "dict"; v: Map<string, [Val, Val]> } {
  return { t: "dict", v: new Map(entries.map(([k, x]) => [hashKey(k), [k, x]])) };
}

export const fn = (
  name: string,
  call: (args: Val[], kw: Record<string, Val>) => PyGen<Val>,
): Val => ({ t: "fn", name, call });

/** A builtin that never suspends. */
export const pure = (name: string, call: (args: Val[], kw: Record<string, Val>) => Val): Val =>
  // eslint-disable-next-line require-yield -- a generator by the Val contract
  fn(name, function* (args, kw) {
    return call(args, kw);
  });
