import type { Matcher, Scalar } from "./types.ts";

/**
 * Dotted paths into an object, as goals name fields: `spec.completions`,
 * `spec.template.spec.containers[0].image`, `spec.template.spec.containers[*].env[*].name`
 * (`[*]`: every item), `metadata.labels['app.kubernetes.io/name']` (keys with dots).
 */
/** A path step: a key, an array index, or `*` (every item; `STAR` below). */
export type PathStep = string | number;

export function parsePath(path: string): PathStep[] | undefined {
  const out: PathStep[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+|\*)\]|\['([^']*)'\]/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(path)) !== null) {
    if (m.index !== consumed) return undefined;
    consumed = re.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2] === "*" ? "*" : Number(m[2]));
    else out.push(m[3]);
  }
  return consumed === path.length && out.length ? out : undefined;
}

/** Every value the path reaches (several through `[*]`, none when a step is missing). */
export function valuesAt(obj: unknown, path: string): unknown[] {
  const steps = parsePath(path);
  if (!steps) return [];
  let current: unknown[] = [obj];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== "object") continue;
      if (s === "*") {
        if (Array.isArray(v)) next.push(...(v as unknown[]));
      } else {
        const child = (v as Record<string | number, unknown>)[s];
        if (child !== undefined) next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function looseEqual(actual: unknown, expected: Scalar): boolean {
  if (actual === expected) return true;
  // YAML authors write `"5"` or `5`; quantities and exit codes compare as text.
  if (typeof actual === "number" || typeof actual === "string")
    return (
      expected !== null && typeof expected !== "boolean" && String(actual) === String(expected)
    );
  return false;
}

/** Whether one value satisfies a matcher. */
export function matchValue(actual: unknown, m: Matcher): boolean {
  if (m === null || typeof m !== "object") return looseEqual(actual, m);
  if (m.exists !== undefined && (actual !== undefined) !== m.exists) return false;
  if (actual === undefined) return m.exists === false;
  if (m.equals !== undefined && !looseEqual(actual, m.equals)) return false;
  if (m.oneOf && !m.oneOf.some((e) => looseEqual(actual, e))) return false;
  const n = typeof actual === "number" ? actual : Number(actual);
  if (m.min !== undefined && !(n >= m.min)) return false;
  if (m.max !== undefined && !(n <= m.max)) return false;
  const text = typeof actual === "string" ? actual : JSON.stringify(actual);
  if (m.contains !== undefined && !text.includes(m.contains)) return false;
  if (m.matches !== undefined && !safeRegex(m.matches).test(text)) return false;
  return true;
}

/** A path matches when any value it reaches matches (or, for `exists: false`, none exists). */
export function matchPath(obj: unknown, path: string, m: Matcher): boolean {
  const values = valuesAt(obj, path);
  if (values.length === 0) return matchValue(undefined, m);
  if (m !== null && typeof m === "object" && m.exists === false) return false;
  return values.some((v) => matchValue(v, m));
}

/** A pattern from a pack; an invalid one matches nothing rather than throwing. */
export function safeRegex(p: string): RegExp {
  try {
    return new RegExp(p, "m");
  } catch {
    return /(?!)/;
  }
}

/** How an actual value reads: scalars as is, objects as compact JSON, nothing as "—". */
export function showValue(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + "…" : s;
}
