import type { Job } from "../../api/types.ts";
import { msg } from "../i18n/format.ts";
import { matchValue, showValue, valuesAt } from "../paths.ts";
import { createdAt } from "../timeline.ts";
import type {
  CronJobRunsGoal,
  CronJobSkippedGoal,
  EventSeenGoal,
  FieldHeldGoal,
  JobFinishedGoal,
} from "../types.ts";
import {
  boundsMsg,
  inBounds,
  jobsOfCronJob,
  nsOf,
  parseDuration,
  showDuration,
  type GoalContext,
  type GoalKind,
} from "./context.ts";

const MANUAL = "cronjob.kubernetes.io/instantiate";

/** `+30m` (after the exercise start) or an RFC 3339 instant → ms; undefined = no limit. */
function instant(ctx: GoalContext, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (s.startsWith("+")) {
    const d = parseDuration(s.slice(1));
    return d === undefined ? undefined : ctx.timeline.start + d;
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

export const cronJobRuns: GoalKind<CronJobRunsGoal> = {
  text(g) {
    const p = {
      cronJob: g.cronJob,
      bounds: boundsMsg(g),
      by: g.by ?? "",
      firstAt: g.firstAt ?? "",
    };
    if (g.manual) return msg("goal.cronJobRuns.manual", p);
    if (g.firstAt) return msg("goal.cronJobRuns.firstAt", p);
    return msg(g.by ? "goal.cronJobRuns.by" : "goal.cronJobRuns", p);
  },
  evaluate(g, ctx) {
    const ns = nsOf(g);
    const until = instant(ctx, g.by);
    const jobs = jobsOfCronJob(ctx, ns, g.cronJob).filter((h) => {
      const first = h.versions.find((v) => v.obj)?.obj as Job | undefined;
      const manual = first?.metadata.annotations?.[MANUAL] === "manual";
      return manual === (g.manual === true) && (until === undefined || createdAt(h) <= until);
    });
    // Manual runs made with `create job --from` carry no owner in older kubectl; count by annotation too.
    if (g.manual) {
      for (const h of ctx.timeline.all("Job", ns)) {
        const first = h.versions.find((v) => v.obj)?.obj as Job | undefined;
        if (first?.metadata.annotations?.[MANUAL] === "manual" && !jobs.includes(h)) {
          const owner = first.metadata.ownerReferences?.find((r) => r.kind === "CronJob");
          if (!owner || owner.name === g.cronJob) jobs.push(h);
        }
      }
    }
    const n = jobs.length;
    const expected = cronJobRuns.text(g);
    if (!ctx.timeline.latest("CronJob", ns, g.cronJob))
      return {
        met: false,
        expected,
        actual: msg("actual.noObject", { kind: "CronJob", name: g.cronJob }),
      };
    if (!inBounds(n, g)) return { met: false, expected, actual: msg("actual.jobCount", { n }) };
    if (g.firstAt !== undefined) {
      const want = Date.parse(g.firstAt);
      const first = jobs.map(createdAt).sort((a, b) => a - b)[0];
      if (first === undefined || Math.abs(first - want) > 1000)
        return {
          met: false,
          expected,
          actual:
            first === undefined
              ? msg("actual.jobCount", { n: 0 })
              : msg("actual.firstAt", { at: iso(first) }),
        };
    }
    return { met: true };
  },
};

export const cronJobSkipped: GoalKind<CronJobSkippedGoal> = {
  text(g) {
    return msg("goal.cronJobSkipped", { cronJob: g.cronJob, n: g.min ?? 1 });
  },
  evaluate(g, ctx) {
    const n = ctx.timeline
      .events()
      .filter(
        (e) =>
          e.reason === "JobAlreadyActive" && e.kind === "CronJob" && e.objectName === g.cronJob,
      )
      .reduce((s, e) => s + e.count, 0);
    if (n >= (g.min ?? 1)) return { met: true };
    return { met: false, expected: cronJobSkipped.text(g), actual: msg("actual.skips", { n }) };
  },
};

export const eventSeen: GoalKind<EventSeenGoal> = {
  text(g) {
    const on =
      g.name !== undefined
        ? msg("on.named", { kind: g.kind ?? "", name: g.name })
        : g.namePrefix !== undefined
          ? msg("on.prefix", { kind: g.kind ?? "", prefix: g.namePrefix })
          : g.kind !== undefined
            ? msg("on.kind", { kind: g.kind })
            : "";
    return msg(g.eventType ? "goal.eventSeen.typed" : "goal.eventSeen", {
      reason: g.reason,
      type: g.eventType ?? "",
      on,
    });
  },
  evaluate(g, ctx) {
    const ns = nsOf(g);
    const n = ctx.timeline
      .events()
      .filter(
        (e) =>
          e.namespace === ns &&
          e.reason === g.reason &&
          (g.eventType === undefined || e.type === g.eventType) &&
          (g.kind === undefined || e.kind === g.kind) &&
          (g.name === undefined || e.objectName === g.name) &&
          (g.namePrefix === undefined || e.objectName.startsWith(g.namePrefix)) &&
          (g.messageContains === undefined || e.message.includes(g.messageContains)),
      )
      .reduce((s, e) => s + e.count, 0);
    if (n >= (g.min ?? 1)) return { met: true };
    return { met: false, expected: eventSeen.text(g), actual: msg("actual.events", { n }) };
  },
};

export const jobFinished: GoalKind<JobFinishedGoal> = {
  text(g) {
    const p = { job: g.job, condition: g.condition, within: g.within ?? "", after: g.after ?? "" };
    if (g.within && g.after) return msg("goal.jobFinished.between", p);
    if (g.within) return msg("goal.jobFinished.within", p);
    if (g.after) return msg("goal.jobFinished.after", p);
    return msg("goal.jobFinished", p);
  },
  evaluate(g, ctx) {
    const expected = jobFinished.text(g);
    const h = ctx.timeline.latest("Job", nsOf(g), g.job);
    if (!h)
      return { met: false, expected, actual: msg("actual.noObject", { kind: "Job", name: g.job }) };
    const born = createdAt(h);
    const v = h.versions.find((x) =>
      (x.obj as Job | undefined)?.status?.conditions?.some(
        (c) =>
          c.type === g.condition &&
          c.status === "True" &&
          (g.reason === undefined || c.reason === g.reason),
      ),
    );
    if (!v) {
      const other = h.versions
        .map((x) =>
          (x.obj as Job | undefined)?.status?.conditions?.find(
            (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
          ),
        )
        .find((c) => c !== undefined);
      return {
        met: false,
        expected,
        actual: other
          ? msg("actual.finishedOther", { condition: other.type, reason: other.reason ?? "—" })
          : msg("actual.notFinished", { job: g.job }),
      };
    }
    const took = v.t - born;
    const within = g.within ? parseDuration(g.within) : undefined;
    const after = g.after ? parseDuration(g.after) : undefined;
    if ((within !== undefined && took > within) || (after !== undefined && took < after))
      return {
        met: false,
        expected,
        actual: msg("actual.finishedAfter", { d: showDuration(took) }),
      };
    return { met: true };
  },
};

export const fieldHeld: GoalKind<FieldHeldGoal> = {
  text(g) {
    return msg("goal.fieldHeld", {
      kind: g.kind,
      name: g.name,
      path: g.path,
      value: String(g.value),
      for: g.for,
    });
  },
  evaluate(g, ctx) {
    const need = parseDuration(g.for) ?? Infinity;
    const now = ctx.cluster.now();
    let longest = 0;
    for (const h of ctx.timeline.named(g.kind, nsOf(g), g.name)) {
      let from: number | undefined;
      for (const v of h.versions) {
        const holds =
          v.obj !== undefined && valuesAt(v.obj, g.path).some((x) => matchValue(x, g.value));
        if (holds && from === undefined) from = v.t;
        if (!holds && from !== undefined) {
          longest = Math.max(longest, v.t - from);
          from = undefined;
        }
      }
      if (from !== undefined) longest = Math.max(longest, now - from);
    }
    if (longest >= need) return { met: true };
    const live = ctx.cluster.store.get(g.kind, nsOf(g), g.name);
    return {
      met: false,
      expected: fieldHeld.text(g),
      actual: longest
        ? msg("actual.heldFor", { d: showDuration(longest) })
        : msg("actual.field", {
            path: g.path,
            value: showValue(live ? valuesAt(live, g.path)[0] : undefined),
          }),
    };
  },
};
