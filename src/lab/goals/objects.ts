import type { Job, KubeObject } from "../../api/types.ts";
import { msg, type Msg, type MsgParam } from "../i18n/format.ts";
import { matchPath, showValue, valuesAt } from "../paths.ts";
import type { JobConditionGoal, Matcher, ObjectCountGoal, ObjectExistsGoal } from "../types.ts";
import {
  boundsMsg,
  findJob,
  inBounds,
  nsOf,
  type GoalContext,
  type GoalKind,
  type GoalResult,
} from "./context.ts";
import { lastSeen } from "../timeline.ts";

interface Constraints {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  fields?: Record<string, Matcher>;
}

/** How a matcher reads: `5`, `Never or OnFailure`, `≥ 1`, `set`. */
export function matcherMsg(m: Matcher): MsgParam {
  if (m === null || typeof m !== "object") return String(m);
  const parts: MsgParam[] = [];
  if (m.exists === true) parts.push(msg("matcher.set"));
  if (m.exists === false) parts.push(msg("matcher.unset"));
  if (m.equals !== undefined) parts.push(String(m.equals));
  if (m.oneOf)
    parts.push(m.oneOf.map((v): MsgParam => String(v)).reduce((a, b) => msg("list.or", { a, b })));
  if (m.min !== undefined && m.max !== undefined) parts.push(`${m.min}…${m.max}`);
  else if (m.min !== undefined) parts.push(`≥ ${m.min}`);
  else if (m.max !== undefined) parts.push(`≤ ${m.max}`);
  if (m.contains !== undefined) parts.push(msg("matcher.contains", { text: m.contains }));
  if (m.matches !== undefined) parts.push(`~ /${m.matches}/`);
  return parts.length ? parts.reduce((a, b) => msg("list.and", { a, b })) : "";
}

/** "spec.parallelism = 5, label app=backup" as a message parameter. */
function constraintsMsg(c: Constraints): Msg | undefined {
  const parts: Msg[] = [];
  for (const [k, v] of Object.entries(c.labels ?? {}))
    parts.push(msg("constraint.label", { key: k, value: v }));
  for (const [k, v] of Object.entries(c.annotations ?? {}))
    parts.push(msg("constraint.annotation", { key: k, value: v }));
  for (const [path, m] of Object.entries(c.fields ?? {}))
    parts.push(msg("constraint.field", { path, value: matcherMsg(m) }));
  if (!parts.length) return undefined;
  return parts.reduce((a, b) => msg("list.and", { a, b }));
}

/** The first constraint an object misses: what it wanted and what was found. */
function mismatch(o: KubeObject, c: Constraints): { expected: Msg; actual: Msg } | undefined {
  for (const [k, v] of Object.entries(c.labels ?? {}))
    if (o.metadata.labels?.[k] !== v)
      return {
        expected: msg("constraint.label", { key: k, value: v }),
        actual: msg("actual.label", { key: k, value: showValue(o.metadata.labels?.[k]) }),
      };
  for (const [k, v] of Object.entries(c.annotations ?? {}))
    if (o.metadata.annotations?.[k] !== v)
      return {
        expected: msg("constraint.annotation", { key: k, value: v }),
        actual: msg("actual.annotation", { key: k, value: showValue(o.metadata.annotations?.[k]) }),
      };
  for (const [path, m] of Object.entries(c.fields ?? {})) {
    if (matchPath(o, path, m)) continue;
    const values = valuesAt(o, path);
    const expected = msg("constraint.field", { path, value: matcherMsg(m) });
    if (values.length === 0) return { expected, actual: msg("actual.fieldUnset", { path }) };
    return {
      expected,
      actual: msg("actual.field", { path, value: values.map(showValue).join(", ") }),
    };
  }
  return undefined;
}

const matches = (o: KubeObject, c: Constraints) => mismatch(o, c) === undefined;

function candidates(
  g: { kind: string; name?: string },
  ctx: GoalContext,
  ns: string,
  ever: boolean,
) {
  const all: KubeObject[] = [];
  if (ever) {
    const hs = g.name ? ctx.timeline.named(g.kind, ns, g.name) : ctx.timeline.all(g.kind, ns);
    for (const h of hs) for (const v of h.versions) if (v.obj) all.push(v.obj);
  } else if (g.name) {
    const o = ctx.cluster.store.get(g.kind, ns === "" ? undefined : ns, g.name);
    if (o) all.push(o);
  } else all.push(...ctx.cluster.store.list(g.kind, ns === "" ? undefined : ns));
  return all;
}

const nsFor = (g: { kind: string; namespace?: string }) =>
  g.kind === "Node" || g.kind === "Namespace" ? "" : nsOf(g);

export const objectExists: GoalKind<ObjectExistsGoal> = {
  text(g) {
    const c = constraintsMsg(g);
    const who = g.name
      ? msg("object.named", { kind: g.kind, name: g.name })
      : msg("object.any", { kind: g.kind });
    if (g.absent) return msg("goal.objectExists.absent", { object: who });
    if (g.ever)
      return c
        ? msg("goal.objectExists.ever.with", { object: who, constraints: c })
        : msg("goal.objectExists.ever", { object: who });
    return c
      ? msg("goal.objectExists.with", { object: who, constraints: c })
      : msg("goal.objectExists", { object: who });
  },
  evaluate(g, ctx): GoalResult {
    const ns = nsFor(g);
    const found = candidates(g, ctx, ns, g.ever === true);
    const hit = found.find((o) => matches(o, g));
    if (g.absent) {
      if (!hit) return { met: true };
      return {
        met: false,
        expected: msg("expected.absent"),
        actual: msg("actual.stillExists", { kind: g.kind, name: hit.metadata.name! }),
      };
    }
    if (hit) return { met: true };
    const expected = objectExists.text(g);
    if (found.length === 0)
      return {
        met: false,
        expected,
        actual: g.name
          ? msg("actual.noObject", { kind: g.kind, name: g.name })
          : msg("actual.noObjectOfKind", { kind: g.kind }),
      };
    const last = found[found.length - 1];
    return { met: false, ...(mismatch(last, g) ?? { expected }) };
  },
};

export const objectCount: GoalKind<ObjectCountGoal> = {
  text(g) {
    const c = constraintsMsg(g);
    const base = g.ownedBy
      ? msg("goal.objectCount.owned", {
          kind: g.kind,
          ownerKind: g.ownedBy.kind,
          owner: g.ownedBy.name,
          bounds: boundsMsg(g, 1),
        })
      : msg("goal.objectCount", { kind: g.kind, bounds: boundsMsg(g, 1) });
    return c ? msg("with", { base, constraints: c }) : base;
  },
  evaluate(g, ctx) {
    const ns = nsFor(g);
    let objs = ctx.cluster.store.list(g.kind, ns === "" ? undefined : ns);
    if (g.ownedBy) {
      const owner = ctx.cluster.store.get(
        g.ownedBy.kind,
        ns === "" ? undefined : ns,
        g.ownedBy.name,
      );
      objs = owner
        ? objs.filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid))
        : [];
    }
    const n = objs.filter((o) => matches(o, g)).length;
    if (inBounds(n, g)) return { met: true };
    return { met: false, expected: objectCount.text(g), actual: msg("actual.count", { n }) };
  },
};

export const jobCondition: GoalKind<JobConditionGoal> = {
  text(g) {
    const status = g.status ?? "True";
    const p = { job: g.job, condition: g.condition, reason: g.reason ?? "" };
    if (status === "False") return msg("goal.jobCondition.not", p);
    return msg(g.reason ? "goal.jobCondition.reason" : "goal.jobCondition", p);
  },
  evaluate(g, ctx) {
    const ns = nsOf(g);
    const found = findJob(ctx, ns, g.job);
    const expected = jobCondition.text(g);
    if (!found || (!found.live && !g.ever))
      return { met: false, expected, actual: msg("actual.noObject", { kind: "Job", name: g.job }) };
    const want = g.status ?? "True";
    const versions: Job[] = g.ever
      ? (found.history?.versions.filter((v) => v.obj).map((v) => v.obj as Job) ?? [found.job])
      : [found.job];
    const ok = (j: Job) => {
      const c = j.status?.conditions?.find((x) => x.type === g.condition);
      if (want === "False") return !c || c.status !== "True";
      return c?.status === "True" && (g.reason === undefined || c.reason === g.reason);
    };
    if (versions.some(ok)) return { met: true };
    const job =
      g.ever && found.history ? ((lastSeen(found.history) as Job) ?? found.job) : found.job;
    const conds = (job.status?.conditions ?? []).filter((c) => c.status === "True");
    const c = conds.find((x) => x.type === g.condition);
    if (c && g.reason && c.reason !== g.reason)
      return {
        met: false,
        expected,
        actual: msg("actual.conditionReason", { condition: c.type, reason: c.reason ?? "—" }),
      };
    return {
      met: false,
      expected,
      actual: conds.length
        ? msg("actual.conditions", {
            job: g.job,
            list: conds.map((x) => (x.reason ? `${x.type} (${x.reason})` : x.type)).join(", "),
          })
        : msg("actual.noConditions", { job: g.job }),
    };
  },
};
