import type { Job, Pod } from "../../api/types.ts";
import { msg, type Msg } from "../i18n/format.ts";
import { safeRegex } from "../paths.ts";
import { createdAt, type History } from "../timeline.ts";
import type { BackoffDoubledGoal, LogsContainGoal, MaxActiveGoal, PodCountGoal } from "../types.ts";
import {
  boundsMsg,
  completionIndex,
  inBounds,
  jobsOfCronJob,
  nsOf,
  podsOf,
  showDuration,
  type GoalContext,
  type GoalKind,
  type PodView,
} from "./context.ts";

function ownerMsg(g: { job?: string; cronJob?: string; labels?: Record<string, string> }): Msg {
  if (g.job !== undefined) return msg("owner.job", { name: g.job });
  if (g.cronJob !== undefined) return msg("owner.cronJob", { name: g.cronJob });
  if (g.labels)
    return msg("owner.labels", {
      selector: Object.entries(g.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(","),
    });
  return msg("owner.all");
}

const exitCodes = (p: Pod): number[] =>
  (p.status?.containerStatuses ?? []).flatMap((c) =>
    [c.state.terminated?.exitCode, c.lastState.terminated?.exitCode].filter(
      (x): x is number => x !== undefined,
    ),
  );

const restarts = (p: Pod) =>
  Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));

function podMatches(v: PodView, g: PodCountGoal): boolean {
  const vs = g.observed ? v.versions : [v.pod];
  if (g.phase !== undefined && !vs.some((p) => p.status?.phase === g.phase)) return false;
  if (g.index !== undefined && completionIndex(v.pod) !== g.index) return false;
  if (g.exitCode !== undefined && !vs.some((p) => exitCodes(p).includes(g.exitCode!))) return false;
  if (g.minRestarts !== undefined && !vs.some((p) => restarts(p) >= g.minRestarts!)) return false;
  return true;
}

function filtersMsg(g: PodCountGoal): Msg {
  const parts: Msg[] = [];
  if (g.phase) parts.push(msg("filter.phase", { phase: g.phase }));
  if (g.index !== undefined) parts.push(msg("filter.index", { index: g.index }));
  if (g.exitCode !== undefined) parts.push(msg("filter.exitCode", { code: g.exitCode }));
  if (g.minRestarts !== undefined) parts.push(msg("filter.restarts", { n: g.minRestarts }));
  if (!parts.length) return msg("filter.none");
  return msg("filter.some", { list: parts.reduce((a, b) => msg("list.and", { a, b })) });
}

export const podCount: GoalKind<PodCountGoal> = {
  text(g) {
    return msg(g.observed ? "goal.podCount.observed" : "goal.podCount", {
      owner: ownerMsg(g),
      filters: filtersMsg(g),
      bounds: boundsMsg(g),
    });
  },
  evaluate(g, ctx) {
    const pods = podsOf(ctx, nsOf(g), g, g.observed === true);
    const n = pods.filter((v) => podMatches(v, g)).length;
    if (inBounds(n, g)) return { met: true };
    return {
      met: false,
      expected: msg("expected.podCount", {
        owner: ownerMsg(g),
        filters: filtersMsg(g),
        bounds: boundsMsg(g),
      }),
      actual: msg("actual.count", { n }),
    };
  },
};

export const logsContain: GoalKind<LogsContainGoal> = {
  text(g) {
    const what = g.text !== undefined ? g.text : `/${g.pattern}/`;
    const owner =
      g.pod !== undefined
        ? msg("owner.pod", { name: g.pod })
        : g.index !== undefined
          ? msg("owner.jobIndex", { name: g.job ?? "", index: g.index })
          : ownerMsg(g);
    return msg(g.pods === "all" ? "goal.logsContain.all" : "goal.logsContain", {
      owner,
      text: what,
    });
  },
  evaluate(g, ctx) {
    const ns = nsOf(g);
    let pods: PodView[];
    if (g.pod !== undefined) {
      const h = ctx.timeline.latest("Pod", ns, g.pod);
      pods = h
        ? [
            {
              pod: h.versions
                .filter((v) => v.obj)
                .map((v) => v.obj as Pod)
                .pop()!,
              versions: [],
              live: true,
            },
          ]
        : [];
    } else pods = podsOf(ctx, ns, g, true);
    if (g.index !== undefined) pods = pods.filter((v) => completionIndex(v.pod) === g.index);
    const test = (text: string) =>
      g.text !== undefined ? text.includes(g.text) : safeRegex(g.pattern ?? "").test(text);
    const texts = pods.map((v) => {
      const names = g.container
        ? [g.container]
        : [...(v.pod.spec.initContainers ?? []), ...v.pod.spec.containers].map((c) => c.name);
      return names.map((c) => ctx.timeline.logs(v.pod, c)).join("");
    });
    const hits = texts.filter(test).length;
    const met = g.pods === "all" ? texts.length > 0 && hits === texts.length : hits > 0;
    if (met) return { met: true };
    if (pods.length === 0)
      return { met: false, expected: logsContain.text(g), actual: msg("actual.noPods") };
    const sample = texts.find((t) => !test(t)) ?? "";
    const lastLine = sample.trimEnd().split("\n").pop() ?? "";
    return {
      met: false,
      expected: logsContain.text(g),
      actual: lastLine
        ? msg("actual.logs", { hits, total: texts.length, line: lastLine.slice(0, 100) })
        : msg("actual.logsEmpty", { hits, total: texts.length }),
    };
  },
};

/** Active intervals [from, to) of objects: pods not finished and not terminating; Jobs not finished. */
function activeIntervals(hs: History[], isActive: (o: Pod | Job) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hs) {
    let from: number | undefined;
    for (const v of h.versions) {
      const active = v.obj !== undefined && isActive(v.obj as Pod | Job);
      if (active && from === undefined) from = v.t;
      if (!active && from !== undefined) {
        out.push([from, v.t]);
        from = undefined;
      }
    }
    if (from !== undefined) out.push([from, Infinity]);
  }
  return out;
}

/** The most intervals overlapping at one instant (an end at t comes before a start at t). */
function peak(intervals: [number, number][]): number {
  const points: [number, number][] = [];
  for (const [a, b] of intervals) {
    if (b <= a) continue;
    points.push([a, 1], [b, -1]);
  }
  points.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of points) max = Math.max(max, (cur += d));
  return max;
}

const podActive = (o: Pod | Job) => {
  const p = o as Pod;
  return (
    !p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed"
  );
};
const jobActive = (o: Pod | Job) =>
  !(o as Job).status?.conditions?.some(
    (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
  );

export const maxActive: GoalKind<MaxActiveGoal> = {
  text(g) {
    const owner = ownerMsg(g);
    const unit = g.cronJob !== undefined ? msg("unit.jobs") : msg("unit.pods");
    if (g.max !== undefined && g.reached !== undefined)
      return msg("goal.maxActive.both", { owner, unit, max: g.max, reached: g.reached });
    if (g.reached !== undefined)
      return msg("goal.maxActive.reached", { owner, unit, reached: g.reached });
    return msg("goal.maxActive", { owner, unit, max: g.max ?? 1 });
  },
  evaluate(g, ctx) {
    const ns = nsOf(g);
    let intervals: [number, number][];
    if (g.cronJob !== undefined)
      intervals = activeIntervals(jobsOfCronJob(ctx, ns, g.cronJob), jobActive);
    else {
      const job = g.job !== undefined ? ctx.timeline.latest("Job", ns, g.job) : undefined;
      intervals = job ? activeIntervals(ctx.timeline.ownedBy("Pod", job.uid), podActive) : [];
    }
    const n = peak(intervals);
    const max = g.max ?? (g.reached === undefined ? 1 : Infinity);
    if (n <= max && n >= (g.reached ?? 0)) return { met: true };
    return { met: false, expected: maxActive.text(g), actual: msg("actual.peak", { n }) };
  },
};

/** Gaps between a failure and the retry that followed it, in ms. */
function retryGaps(g: BackoffDoubledGoal, ctx: GoalContext): number[] {
  const job = ctx.timeline.latest("Job", nsOf(g), g.job);
  if (!job) return [];
  const pods = ctx.timeline.ownedBy("Pod", job.uid).sort((a, b) => createdAt(a) - createdAt(b));
  const gaps: number[] = [];
  if (g.of === "restarts") {
    // The kubelet's CrashLoopBackOff: time from a container's end to its next start.
    for (const h of pods) {
      let lastCount = 0;
      for (const v of h.versions) {
        const cs = (v.obj as Pod | undefined)?.status?.containerStatuses?.[0];
        if (!cs || cs.restartCount <= lastCount || !cs.state.running?.startedAt) continue;
        lastCount = cs.restartCount;
        const ended = cs.lastState.terminated?.finishedAt;
        if (ended) gaps.push(Date.parse(cs.state.running.startedAt) - Date.parse(ended));
      }
    }
    // The first restart is immediate; back-off starts with the second.
    while (gaps.length && gaps[0] < 1000) gaps.shift();
    return gaps;
  }
  for (let i = 0; i + 1 < pods.length; i++) {
    const failed = pods[i].versions.find(
      (v) => (v.obj as Pod | undefined)?.status?.phase === "Failed",
    );
    if (!failed) continue;
    gaps.push(createdAt(pods[i + 1]) - failed.t);
  }
  return gaps;
}

export const backoffDoubled: GoalKind<BackoffDoubledGoal> = {
  text(g) {
    return msg(g.of === "restarts" ? "goal.backoffDoubled.restarts" : "goal.backoffDoubled", {
      job: g.job,
      n: g.minGaps ?? 3,
    });
  },
  evaluate(g, ctx) {
    const gaps = retryGaps(g, ctx);
    const need = g.minGaps ?? 3;
    // Each delay about twice the one before (the 10-minute cap aside): 10s, 20s, 40s…
    const doubling = gaps.every(
      (d, i) => i === 0 || d >= gaps[i - 1] * 1.6 || gaps[i - 1] >= 5 * 60_000,
    );
    if (gaps.length >= need && doubling) return { met: true };
    return {
      met: false,
      expected: backoffDoubled.text(g),
      actual: gaps.length
        ? msg("actual.gaps", { list: gaps.map(showDuration).join(", ") })
        : msg("actual.noRetries"),
    };
  },
};
