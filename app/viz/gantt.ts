import type { ContainerStatus, CronJob, Job, Pod } from "../../src/api/types.ts";
import { nextAfter, parseSchedule } from "../../src/cron/index.ts";
import { translate, type MessageKey, type Params, type Translate } from "../i18n/i18n.ts";
import { versionAt, type ObjectHistory, type VizHistory } from "./history.ts";
import { creationBackoffMs, INDEX_LABEL, ownerUid } from "./k8s.ts";

/** What a pod was doing over a span of virtual time (one bar of the Gantt row). */
export type SegmentKind =
  | "scheduling"
  | "creating"
  | "pull"
  | "running"
  | "crashloop"
  | "waiting-error"
  | "terminating"
  | "succeeded"
  | "failed";

export interface Segment {
  kind: SegmentKind;
  from: number;
  to: number;
  /** Shown on the bar: "back-off 20 s", "ImagePullBackOff", "pull 1.2 s". */
  label?: string;
  /** The label's message, when it is the app's words rather than Kubernetes' (see `labelText`). */
  labelKey?: MessageKey;
  labelParams?: Params;
}

export type MarkKind = "exit-ok" | "exit-failed" | "restart" | "deleted" | "condition" | "input";

export interface Mark {
  t: number;
  kind: MarkKind;
  label: string;
  labelKey?: MessageKey;
  labelParams?: Params;
}

/** A label in the app's words: the English `label` plus its key and parameters. */
function label(key: MessageKey, params: Params = {}) {
  return { label: translate("en", key, params), labelKey: key, labelParams: params };
}

/** A segment's or mark's label in the current language (Kubernetes' own words stay as written). */
export function labelText(
  x: { label?: string; labelKey?: MessageKey; labelParams?: Params },
  t: Translate,
): string | undefined {
  return x.labelKey ? t(x.labelKey, x.labelParams) : x.label;
}

export interface PodRow {
  uid: string;
  name: string;
  index: number | undefined;
  node: string | undefined;
  created: number;
  /** When it was deleted (undefined while it exists). */
  gone: number | undefined;
  segments: Segment[];
  marks: Mark[];
  /** The Job controller's creation back-off this pod waited out before it was created. */
  backoffBefore: Segment | undefined;
  /** Its final (or current) state, for the row's label. */
  state: SegmentKind;
  exitCode: number | undefined;
  restarts: number;
}

export interface JobLane {
  uid: string;
  name: string;
  /** Its pods' rows, the newest MAX_ROWS_PER_LANE. */
  rows: PodRow[];
  /** Older pods whose rows are left out. */
  hiddenRows: number;
  /** BackoffLimitExceeded / DeadlineExceeded / Complete / TTL deletion instants. */
  marks: Mark[];
  /** A creation back-off running now (no pod yet): from the last failure to when one may start. */
  pendingBackoff: Segment | undefined;
  cronjob: string | undefined;
  gone: number | undefined;
}

export type TickKind = "created" | "skipped" | "replaced" | "missed";

export interface Tick {
  t: number;
  kind: TickKind;
  job?: string;
}

export interface CronLane {
  uid: string;
  name: string;
  schedule: string;
  ticks: Tick[];
  next: number | undefined;
}

export interface GanttModel {
  /** Where the timeline starts: the history's start, or the first Job shown when older ones are left out. */
  from: number;
  to: number;
  now: number;
  cronjobs: CronLane[];
  jobs: JobLane[];
  /** Pods no Job owns. */
  bare: PodRow[];
  /** Older Jobs left out (more than MAX_JOB_LANES). */
  hiddenJobs: number;
}

/**
 * Job lanes drawn at most: the most recent. A `* * * * *` CronJob left running at 100× makes
 * thousands of Jobs; drawing them all costs seconds, and their lanes would be a pixel wide.
 */
export const MAX_JOB_LANES = 60;
/** Pod rows drawn per Job at most (the newest); a Job of thousands of pods keeps its counts. */
export const MAX_ROWS_PER_LANE = 200;
/** Rows of bare pods drawn at most (the most recent). */
export const MAX_BARE_ROWS = 300;

/** Ticks shown per CronJob at most (the most recent); older ones scroll out of the lane. */
export const MAX_TICKS = 400;

const parse = (s: string | undefined) => (s ? Date.parse(s) : NaN);

function mainStatus(pod: Pod): ContainerStatus | undefined {
  const init = pod.status?.initContainerStatuses?.find(
    (c) => !(c.state.terminated?.exitCode === 0),
  );
  return init ?? pod.status?.containerStatuses?.[0];
}

/** "back-off 1m20s restarting failed container=…" → "back-off 80 s" */
function crashLabel(message: string | undefined) {
  const m = /^back-off (?:(\d+)m)?(?:(\d+)s)?/.exec(message ?? "");
  if (!m) return undefined;
  return label("gantt.backoff", { seconds: Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) });
}

/** What one version of a pod shows (kubectl's STATUS, reduced to the Gantt's bar kinds). */
export function podState(pod: Pod): {
  kind: SegmentKind;
  label?: string;
  labelKey?: MessageKey;
  labelParams?: Params;
} {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return { kind: "succeeded" };
  if (phase === "Failed") return { kind: "failed" };
  if (pod.metadata.deletionTimestamp) return { kind: "terminating", label: "Terminating" };
  if (!pod.spec.nodeName) return { kind: "scheduling" };
  const cs = mainStatus(pod);
  if (!cs) return { kind: "creating" };
  if (cs.state.running) return { kind: "running" };
  const w = cs.state.waiting;
  if (w?.reason === "CrashLoopBackOff")
    return { kind: "crashloop", ...(crashLabel(w.message) ?? { label: "CrashLoopBackOff" }) };
  if (w && w.reason !== "ContainerCreating" && w.reason !== "PodInitializing")
    return { kind: "waiting-error", label: w.reason };
  return { kind: "creating" };
}

/** Exits seen in a version written at `t` (the kubelet writes at the exit; finishedAt is whole seconds). */
function exitsOf(pod: Pod, t: number, seen: Set<string>, marks: Mark[]): void {
  for (const cs of [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ]) {
    for (const term of [cs.lastState.terminated, cs.state.terminated]) {
      if (!term?.finishedAt) continue;
      const key = `${cs.name}@${term.finishedAt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      marks.push({
        t,
        kind: term.exitCode === 0 ? "exit-ok" : "exit-failed",
        ...label(term.exitCode === 137 ? "gantt.exitKilled" : "gantt.exit", {
          code: term.exitCode,
        }),
      });
    }
  }
}

/** Bars still open at the time of computing end here; views clamp them to "now". */
export const OPEN = Number.POSITIVE_INFINITY;

const rowCache = new WeakMap<
  ObjectHistory<Pod>,
  { versions: number; events: number; row: PodRow }
>();

/**
 * A pod's row, recomputed only when the pod has a new version or event (300 pods a few times a
 * second would otherwise cost tens of ms each time). Open bars end at OPEN.
 */
export function cachedPodRow(h: ObjectHistory<Pod>, history: VizHistory): PodRow {
  const events = history.eventsOf(h.uid).length;
  const c = rowCache.get(h);
  if (c && c.versions === h.versions.length && c.events === events) return c.row;
  const row = podRow(h, history, OPEN);
  rowCache.set(h, { versions: h.versions.length, events, row });
  return row;
}

/** A pod's row: its bars from its versions, pulls from its events, exits and restarts. */
export function podRow(h: ObjectHistory<Pod>, history: VizHistory, now: number): PodRow {
  const segments: Segment[] = [];
  const marks: Mark[] = [];
  const seen = new Set<string>();
  let last: Pod | undefined;
  let restarts = 0;
  let gone: number | undefined;
  const v = h.versions;
  for (let i = 0; i < v.length; i++) {
    const { t, obj } = v[i];
    if (!obj) {
      gone = t;
      marks.push({ t, kind: "deleted", ...label("gantt.deleted") });
      break;
    }
    last = obj;
    const end = v[i + 1]?.t ?? now;
    const s = podState(obj);
    const prev = segments[segments.length - 1];
    if (prev && prev.kind === s.kind && prev.label === s.label && prev.to === t) prev.to = end;
    else
      segments.push({
        kind: s.kind,
        from: t,
        to: end,
        ...(s.label ? { label: s.label } : {}),
        ...(s.labelKey ? { labelKey: s.labelKey, labelParams: s.labelParams } : {}),
      });
    exitsOf(obj, t, seen, marks);
    const r = obj.status?.containerStatuses?.reduce((n, c) => n + c.restartCount, 0) ?? 0;
    if (r > restarts) {
      marks.push({ t, kind: "restart", ...label("gantt.restart", { count: r }) });
      restarts = r;
    }
  }
  // Image pulls, from the kubelet's Pulling / Pulled events.
  let pullFrom: number | undefined;
  for (const e of history.eventsOf(h.uid)) {
    if (e.reason === "Pulling") pullFrom = e.t;
    else if (e.reason === "Pulled" && pullFrom !== undefined) {
      if (e.t > pullFrom)
        segments.push({ kind: "pull", from: pullFrom, to: e.t, ...label("gantt.pull") });
      pullFrom = undefined;
    }
  }
  if (pullFrom !== undefined && gone === undefined)
    segments.push({ kind: "pull", from: pullFrom, to: now, ...label("gantt.pull") });
  const pod = last;
  const state = pod ? podState(pod).kind : "terminating";
  const term = pod ? mainStatus(pod)?.state.terminated : undefined;
  const idx = pod?.metadata.labels?.[INDEX_LABEL] ?? pod?.metadata.annotations?.[INDEX_LABEL];
  return {
    uid: h.uid,
    name: h.name,
    index: idx !== undefined && /^\d+$/.test(idx) ? Number(idx) : undefined,
    node: pod?.spec.nodeName || undefined,
    created: v[0]?.t ?? 0,
    gone,
    segments,
    marks: marks.sort((a, b) => a.t - b.t),
    backoffBefore: undefined,
    state,
    exitCode: term?.exitCode,
    restarts,
  };
}

/** When a pod of a Job failed, for the creation back-off (spec §2.5 lastFailureTime). */
function failedAt(row: PodRow): number | undefined {
  if (row.state === "failed") {
    const exits = row.marks.filter((m) => m.kind === "exit-failed");
    return exits.length ? exits[exits.length - 1].t : row.segments[row.segments.length - 1]?.from;
  }
  // Deleted before it succeeded: counted as failed at once (spec §2.2 quirk).
  if (row.gone !== undefined && row.state !== "succeeded") {
    const term = row.segments.find((s) => s.kind === "terminating");
    return term?.from ?? row.gone;
  }
  if (row.state === "terminating") return row.segments.find((s) => s.kind === "terminating")?.from;
  return undefined;
}

function succeededAt(row: PodRow): number | undefined {
  if (row.state !== "succeeded") return undefined;
  return row.segments.find((s) => s.kind === "succeeded")?.from;
}

/** How many of the sorted `xs` are < `t`. */
function countBelow(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted `xs` are ≤ `t`. */
function countAtOrBelow(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The Job controller's pod-creation back-off between its pods (spec §2.5): after n consecutive
 * failures a new pod may start only 10 s × 2^(n-1) after the last one. Sets `backoffBefore` on the
 * pods that waited, and returns the back-off running now, if the Job waits for one.
 */
export function creationBackoffs(
  rows: PodRow[],
  job: Job | undefined,
  now: number,
): Segment | undefined {
  const failures = rows
    .map((r) => failedAt(r))
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const successes = rows
    .map(succeededAt)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  // Failures since the last success before `at`: binary searches, as a Job can have thousands
  // of pods and this runs for each of them.
  const state = (at: number) => {
    const ok = countBelow(successes, at);
    const lastOk = ok > 0 ? successes[ok - 1] : -Infinity;
    const end = countBelow(failures, at);
    const n = end - countAtOrBelow(failures, lastOk);
    return { n: Math.max(0, n), last: n > 0 ? failures[end - 1] : undefined };
  };
  for (const row of rows) {
    const { n, last } = state(row.created);
    if (n === 0 || last === undefined) continue;
    const delay = creationBackoffMs(n);
    // The controller measures from finishedAt, which has whole seconds: allow that much.
    if (row.created - last >= delay - 1000)
      row.backoffBefore = {
        kind: "crashloop",
        from: last,
        to: row.created,
        ...label("gantt.backoff", { seconds: delay / 1000 }),
      };
  }
  if (!job || isFinished(job)) return undefined;
  const active = rows.some(
    (r) => r.gone === undefined && !["succeeded", "failed"].includes(r.state),
  );
  const { n, last } = state(now);
  if (active || n === 0 || last === undefined) return undefined;
  if (rows.some((r) => r.created > last)) return undefined;
  const delay = creationBackoffMs(n);
  return {
    kind: "crashloop",
    from: last,
    to: last + delay,
    ...label("gantt.backoff", { seconds: delay / 1000 }),
  };
}

export const isFinished = (job: Job) =>
  job.status?.conditions?.some(
    (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
  ) ?? false;

function jobMarks(h: ObjectHistory<Job>): Mark[] {
  const marks: Mark[] = [];
  const seen = new Set<string>();
  let last: Job | undefined;
  for (const { t, obj } of h.versions) {
    if (!obj) {
      const ttl = last?.spec.ttlSecondsAfterFinished;
      marks.push({
        t,
        kind: "deleted",
        ...label(ttl !== undefined ? "gantt.ttlDeletion" : "gantt.jobDeleted"),
      });
      break;
    }
    last = obj;
    for (const c of obj.status?.conditions ?? []) {
      if (c.status !== "True" || seen.has(c.type)) continue;
      if (c.type !== "FailureTarget" && c.type !== "Complete" && c.type !== "Failed") continue;
      seen.add(c.type);
      if (c.type === "Failed" && seen.has("FailureTarget")) continue; // same reason, shown once
      marks.push({
        t: parse(c.lastTransitionTime) || t,
        kind: "condition",
        label: c.type === "Complete" ? "Complete" : (c.reason ?? c.type),
      });
    }
  }
  return marks;
}

/** The schedule's ticks in [from, to], classified by what the CronJob controller did at each. */
export function cronTicks(
  cj: CronJob,
  jobs: ObjectHistory<Job>[],
  history: VizHistory,
  from: number,
  now: number,
): { ticks: Tick[]; next: number | undefined } {
  const parsed = parseSchedule(cj.spec.schedule);
  if (!parsed.ok) return { ticks: [], next: undefined };
  const tz = cj.spec.timeZone;
  const created = parse(cj.metadata.creationTimestamp);
  const times: number[] = [];
  let t = Math.max(from, Number.isFinite(created) ? created : from);
  for (let i = 0; i < 100_000; i++) {
    const n = nextAfter(parsed.schedule, t, tz);
    if (n === undefined || n > now) break;
    times.push(n);
    if (times.length > MAX_TICKS) times.shift();
    t = n;
  }
  const byMinute = new Map<number, ObjectHistory<Job>>();
  for (const j of jobs) {
    const m = /-(\d+)$/.exec(j.name);
    if (m) byMinute.set(Number(m[1]), j);
  }
  const occ = history.eventsOf(cj.metadata.uid ?? "");
  const skips = occ.filter((e) => e.reason === "JobAlreadyActive").map((e) => e.t);
  const deletes = occ.filter((e) => e.reason === "SuccessfulDelete");
  const ticks: Tick[] = times.map((tick, i) => {
    const until = times[i + 1] ?? Infinity;
    const job = byMinute.get(Math.floor(tick / 60_000));
    if (job) {
      const born = job.versions[0]?.t ?? tick;
      // Replace: a still-running Job of this CronJob was deleted as this one was created.
      const replaced = deletes.some((d) => {
        if (d.t !== born) return false;
        const victim = jobs.find((j) => d.message === `Deleted job ${j.name}`);
        const before = victim && versionAt(victim, d.t - 1);
        return before !== undefined && !isFinished(before);
      });
      return { t: tick, kind: replaced ? "replaced" : "created", job: job.name };
    }
    if (skips.some((s) => s >= tick && s < until)) return { t: tick, kind: "skipped" };
    return { t: tick, kind: "missed" };
  });
  const suspended = cj.spec.suspend === true;
  return { ticks, next: suspended ? undefined : nextAfter(parsed.schedule, now, tz) };
}

/** The whole timeline: CronJob lanes, Job lanes with a row per pod, bare pods. */
export function ganttModel(
  history: VizHistory,
  now: number,
  inputs: readonly { at: number; line: string }[] = [],
): GanttModel & { inputs: Mark[] } {
  const podHs = history.all<Pod>("Pod");
  const allJobHs = history.all<Job>("Job");
  const bornAt = (h: ObjectHistory<Job>) => h.versions[0]?.t ?? history.start;
  const jobHs = [...allJobHs].sort((a, b) => bornAt(a) - bornAt(b)).slice(-MAX_JOB_LANES);
  const hiddenJobs = allJobHs.length - jobHs.length;
  // Leaving Jobs out, the timeline starts just before the first one shown (its CronJob tick
  // was at most 100 ms before it was created; the tick before that is a minute earlier).
  const from = hiddenJobs > 0 ? bornAt(jobHs[0]) - 1000 : history.start;
  const rows = new Map<string, PodRow[]>();
  let bare: PodRow[] = [];
  const allJobUids = new Set(allJobHs.map((h) => h.uid));
  const jobUids = new Set(jobHs.map((h) => h.uid));
  for (const h of podHs) {
    const first = h.versions.find((v) => v.obj)?.obj;
    const owner = first ? ownerUid(first, "Job") : undefined;
    if (owner && allJobUids.has(owner) && !jobUids.has(owner)) continue;
    const row = { ...cachedPodRow(h, history), backoffBefore: undefined };
    if (owner && jobUids.has(owner)) {
      const list = rows.get(owner) ?? [];
      list.push(row);
      rows.set(owner, list);
    } else if (row.gone === undefined || row.gone >= from) bare.push(row);
  }
  bare = bare.slice(-MAX_BARE_ROWS);
  const jobs: JobLane[] = jobHs.map((h) => {
    const list = (rows.get(h.uid) ?? []).sort((a, b) => a.created - b.created);
    const live = versionAt(h, now);
    const latest = live ?? [...h.versions].reverse().find((v) => v.obj)?.obj;
    const pending = creationBackoffs(list, live, now);
    const gone =
      h.versions[h.versions.length - 1]?.obj === undefined ? h.versions.at(-1)!.t : undefined;
    const shown = list.slice(-MAX_ROWS_PER_LANE);
    return {
      uid: h.uid,
      name: h.name,
      rows: shown,
      hiddenRows: list.length - shown.length,
      marks: jobMarks(h),
      pendingBackoff: pending,
      cronjob: latest ? ownerUid(latest, "CronJob") : undefined,
      gone,
    };
  });
  const cronjobs: CronLane[] = [];
  for (const h of history.all<CronJob>("CronJob")) {
    const cj = versionAt(h, now);
    if (!cj) continue;
    const owned = jobHs.filter((j) => {
      const o = j.versions.find((v) => v.obj)?.obj;
      return o !== undefined && ownerUid(o, "CronJob") === h.uid;
    });
    const { ticks, next } = cronTicks(cj, owned, history, from, now);
    cronjobs.push({ uid: h.uid, name: h.name, schedule: cj.spec.schedule, ticks, next });
  }
  let to = now;
  for (const j of jobs) if (j.pendingBackoff) to = Math.max(to, j.pendingBackoff.to);
  return {
    from,
    to,
    now,
    cronjobs,
    jobs,
    bare,
    hiddenJobs,
    inputs: inputs
      .filter((i) => i.at >= from)
      .map((i) => ({ t: i.at, kind: "input", label: i.line })),
  };
}
