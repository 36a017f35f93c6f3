import type { KubeObject } from "../../api/types.ts";
import { escapeTerminal } from "./table.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

/**
 * `-o custom-columns=HEADER:.json.path,…` (kubectl get/customcolumn.go) for the path forms
 * learners write: `.a.b`, `a.b`, `{.a.b}`, `[0]`, `[*]`, `['dotted.key']`. Headers are printed as
 * given; a path with no result prints `<none>`; several results are comma-joined.
 */

export type CustomColumnsResult = { text: string } | { error: string };

type Step = { key: string } | { index: number } | { all: true };

function parsePath(expr: string): Step[] | undefined {
  let p = expr.trim();
  if (p.startsWith("{") && p.endsWith("}")) p = p.slice(1, -1);
  if (!p.startsWith(".") && !p.startsWith("[")) p = "." + p;
  const steps: Step[] = [];
  const re = /^(?:\.([^.[\]]+)|\[(\d+)\]|\[\*\]|\['([^']*)'\]|\["([^"]*)"\])/;
  while (p.length) {
    const m = re.exec(p);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined || m[4] !== undefined) steps.push({ key: m[3] ?? m[4] });
    else steps.push({ all: true });
    p = p.slice(m[0].length);
  }
  return steps;
}

function evaluate(obj: unknown, steps: readonly Step[]): unknown[] {
  let cur: unknown[] = [obj];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ("key" in s) {
        if (v && typeof v === "object" && !Array.isArray(v) && s.key in v)
          next.push((v as Record<string, unknown>)[s.key]);
      } else if ("index" in s) {
        if (Array.isArray(v) && s.index < v.length) next.push(v[s.index]);
      } else if (Array.isArray(v)) next.push(...(v as unknown[]));
    }
    cur = next;
  }
  return cur;
}

/** Go `fmt.Sprint` of decoded JSON: `map[k:v]`, `[a b]`, numbers and booleans bare. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goSprint(o[k])}`)
      .join(" ")}]`;
  }
  return typeof v === "string"
    ? v
    : typeof v === "number" || typeof v === "boolean"
      ? String(v)
      : "";
}

export function printCustomColumns(
  spec: string,
  objs: readonly KubeObject[],
  noHeaders = false,
): CustomColumnsResult {
  if (!spec) return { error: "error: custom-columns format specified but no custom columns given" };
  const cols: { header: string; steps: Step[] }[] = [];
  for (const part of spec.split(",")) {
    const i = part.indexOf(":");
    if (i < 0)
      return {
        error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const steps = parsePath(part.slice(i + 1));
    if (!steps) return { error: `error: unrecognized identifier in ${part.slice(i + 1)}` };
    cols.push({ header: part.slice(0, i), steps });
  }
  const lines: string[] = [];
  if (!noHeaders) lines.push(cols.map((c) => c.header).join("\t"));
  for (const o of objs) {
    const cells = cols.map((c) => {
      const values = evaluate(o, c.steps);
      return values.length ? values.map((v) => escapeTerminal(goSprint(v))).join(",") : "<none>";
    });
    lines.push(cells.join("\t"));
  }
  return { text: tabwrite(lines.map((l) => l + "\n").join(""), TABLE_TABWRITER) };
}
