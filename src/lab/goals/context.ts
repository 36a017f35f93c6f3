import type { Cluster } from "../../cluster.ts";
import type { Job, KubeObject, Pod } from "../../api/types.ts";
import { msg, type Msg } from "../i18n/format.ts";
import { exists, lastSeen, type History, type Timeline } from "../timeline.ts";
import type { CountBounds, Goal } from "../types.ts";

/** A command the learner ran, with the virtual instant and its exit code. */
export interface Action {
  t: number;
  line: string;
  exitCode: number;
}

/** Everything a goal may read: the cluster now, its history, the learner's commands. Read-only. */
export interface GoalContext {
  cluster: Cluster;
  timeline: Timeline;
  actions: readonly Action[];
}

export interface GoalResult {
  met: boolean;
  /** What the goal wanted and what it found, for the learner, when unmet. */
  expected?: Msg;
  actual?: Msg;
}

/** One entry of the vocabulary: its learner-facing wording and its pure check. */
export interface GoalKind<G extends Goal> {
  text(goal: G): Msg;
  evaluate(goal: G, ctx: GoalContext): GoalResult;
}

export const nsOf = (g: { namespace?: string }) => g.namespace ?? "default";

export function inBounds(n: number, b: CountBounds, defaultMin = 1): boolean {
  if (b.equals === undefined && b.min === undefined && b.max === undefined) return n >= defaultMin;
  if (b.equals !== undefined && n !== b.equals) return false;
  if (b.min !== undefined && n < b.min) return false;
  if (b.max !== undefined && n > b.max) return false;
  return true;
}

export function boundsMsg(b: CountBounds, defaultMin = 1): Msg {
  if (b.equals !== undefined) return msg("bounds.equals", { n: b.equals });
  if (b.min !== undefined && b.max !== undefined)
    return msg("bounds.range", { min: b.min, max: b.max });
  if (b.max !== undefined) return msg("bounds.max", { n: b.max });
  return msg("bounds.min", { n: b.min ?? defaultMin });
}

/** The Job with this name now, or the last one that had it. */
export function findJob(
  ctx: GoalContext,
  ns: string,
  name: string,
): { job: Job; history?: History; live: boolean } | undefined {
  const live = ctx.cluster.store.get<Job>("Job", ns, name);
  const history = ctx.timeline.latest("Job", ns, name);
  if (live) return { job: live, history, live: true };
  const seen = history ? (lastSeen(history) as Job | undefined) : undefined;
  return seen ? { job: seen, history, live: false } : undefined;
}

/** A pod together with every version of it seen (for "ever" questions). */
export interface PodView {
  pod: Pod;
  versions: Pod[];
  live: boolean;
}

function viewOf(h: History): PodView {
  const versions = h.versions.filter((v) => v.obj).map((v) => v.obj as Pod);
  return { pod: versions[versions.length - 1], versions, live: exists(h) };
}

/** Pods of the latest Job called `job` (or of every Job of the latest CronJob called `cronJob`). */
export function podsOf(
  ctx: GoalContext,
  ns: string,
  sel: { job?: string; cronJob?: string; labels?: Record<string, string> },
  observed: boolean,
): PodView[] {
  let owners: string[] = [];
  if (sel.job !== undefined) {
    const h = ctx.timeline.latest("Job", ns, sel.job);
    owners = h ? [h.uid] : [];
  } else if (sel.cronJob !== undefined) {
    owners = jobsOfCronJob(ctx, ns, sel.cronJob).map((h) => h.uid);
  }
  let views: PodView[];
  if (sel.job === undefined && sel.cronJob === undefined)
    views = ctx.timeline.all("Pod", ns).map(viewOf);
  else views = owners.flatMap((u) => ctx.timeline.ownedBy("Pod", u)).map(viewOf);
  views = views.filter((v) => v.pod && (observed || v.live));
  if (sel.labels)
    views = views.filter((v) =>
      Object.entries(sel.labels!).every(([k, val]) => v.pod.metadata.labels?.[k] === val),
    );
  return views;
}

/** Jobs (every one ever seen) owned by the latest CronJob with this name. */
export function jobsOfCronJob(ctx: GoalContext, ns: string, name: string): History[] {
  const cj = ctx.timeline.latest("CronJob", ns, name);
  return cj ? ctx.timeline.ownedBy("Job", cj.uid) : [];
}

export const INDEX_KEY = "batch.kubernetes.io/job-completion-index";

export function completionIndex(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[INDEX_KEY] ?? o.metadata.labels?.[INDEX_KEY];
  return v === undefined ? undefined : Number(v);
}

/** "5s", "2m30s", "1h" — how durations read in goal texts. */
export function showDuration(msv: number): string {
  const s = Math.round(msv / 1000);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${r ? `${r}s` : ""}`;
}

/** `90s`, `5m`, `1h30m`, `2d`, `500ms` → ms (the durations packs write). */
export function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total +=
      Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "ms"];
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}
