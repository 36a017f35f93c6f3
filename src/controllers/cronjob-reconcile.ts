// The CronJob controller's decisions as pure functions: given a CronJob, its Jobs and the time,
// what to delete, what `status` becomes, which events to emit and whether a Job is due
// (kubernetes pkg/controller/cronjob cronjob_controllerv2.go + utils.go, release-1.34;
// batch spec §4.4–4.8, cron-semantics.md §6). cronjob-controller.ts makes the API calls.
import type {
  CronJob,
  CronJobStatus,
  Job,
  KubeObject,
  ObjectReference,
  OwnerReference,
} from "../api/types.ts";
import {
  cronEventMessages,
  formatSchedule,
  loadLocation,
  NEXT_SCHEDULE_DELTA_MS,
  nextAfter,
  nextScheduleTime,
  nextScheduleTimeDuration,
  parseSchedule,
  scheduledJobName,
  type ParseResult,
  type Schedule,
  type ScheduleState,
} from "../cron/index.ts";
import type { Millis } from "../sim/time.ts";

export interface CronJobEvent {
  readonly type: "Normal" | "Warning";
  readonly reason: string;
  readonly message: string;
}

const normal = (reason: string, message: string): CronJobEvent => ({
  type: "Normal",
  reason,
  message,
});
const warning = (reason: string, message: string): CronJobEvent => ({
  type: "Warning",
  reason,
  message,
});

/**
 * An RFC 3339 timestamp as epoch ms. Status times repeat from sync to sync (the same strings),
 * so parses are remembered; bounded by clearing.
 */
const instants = new Map<string, number>();
export function instant(time: string): number {
  let t = instants.get(time);
  if (t === undefined) {
    if (instants.size >= 1024) instants.clear();
    t = Date.parse(time);
    instants.set(time, t);
  }
  return t;
}

/** Event texts of the controller that carry no cron data (spec §4.8). */
export const cronJobEvents = {
  successfulCreate: (job: string) => normal("SuccessfulCreate", `Created job ${job}`),
  failedCreate: (err: string) => warning("FailedCreate", `Error creating job: ${err}`),
  successfulDelete: (job: string) => normal("SuccessfulDelete", `Deleted job ${job}`),
  failedDelete: (err: string) => warning("FailedDelete", `Deleted job: ${err}`),
  failedGet: (err: string) => warning("FailedGet", `Get job: ${err}`),
  sawCompletedJob: (job: string, condition: string) =>
    normal("SawCompletedJob", `Saw completed job: ${job}, condition: ${condition}`),
  unexpectedJob: (job: string) =>
    warning("UnexpectedJob", `Saw a job that the controller did not create or forgot: ${job}`),
  missingJob: (job: string) => normal("MissingJob", `Active job went missing: ${job}`),
  jobAlreadyActive: () =>
    normal(
      "JobAlreadyActive",
      "Not starting job because prior execution is running and concurrency policy is Forbid",
    ),
  /** updateCronJob's own wording when an update brings an unparseable schedule. */
  unparseableOnUpdate: (schedule: string) =>
    warning("UnParseableCronJobSchedule", `unparseable schedule for cronjob: ${schedule}`),
} as const;

/** metav1.GetControllerOf: the first owner reference with `controller: true`. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** getFinishedStatus: the first condition `Complete=True` or `Failed=True`, in list order. */
export function finishedCondition(job: Job): "Complete" | "Failed" | undefined {
  for (const c of job.status?.conditions ?? [])
    if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return c.type;
  return undefined;
}

/** byJobStartTime: by `status.startTime`, Jobs without one last, ties by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (sa === undefined || sb === undefined) {
    if (sa !== sb) return sa === undefined ? 1 : -1;
  } else if (sa !== sb) {
    return instant(sa) - instant(sb);
  }
  const na = a.metadata.name ?? "";
  const nb = b.metadata.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * Step 2 (cleanupFinishedJobs, runs on every sync, suspended or not): the finished Jobs beyond
 * the history limits, in deletion order — the oldest successful ones first, then the oldest
 * failed ones. An unset limit keeps everything of its kind (the API server defaults 3 and 1).
 */
export function jobsOverHistoryLimits(cj: CronJob, jobs: readonly Job[]): Job[] {
  const successful: Job[] = [];
  const failed: Job[] = [];
  for (const j of jobs) {
    const c = finishedCondition(j);
    if (c === "Complete") successful.push(j);
    else if (c === "Failed") failed.push(j);
  }
  const keepSuccessful = cj.spec.successfulJobsHistoryLimit ?? Infinity;
  const keepFailed = cj.spec.failedJobsHistoryLimit ?? Infinity;
  if (successful.length <= keepSuccessful && failed.length <= keepFailed) return [];
  return [...oldest(successful, keepSuccessful), ...oldest(failed, keepFailed)];
}

/** removeOldestJobs: the oldest Jobs beyond `keep`, oldest first. */
function oldest(jobs: Job[], keep: number): Job[] {
  if (jobs.length <= keep) return [];
  return jobs.sort(byJobStartTime).slice(0, jobs.length - keep);
}

/** inActiveList */
function isActive(status: CronJobStatus, uid: string | undefined): boolean {
  for (const a of status.active ?? []) if (a.uid === uid) return true;
  return false;
}

/** deleteFromActiveList */
export function withoutActive(status: CronJobStatus, uid: string | undefined): CronJobStatus {
  if (!status.active || !isActive(status, uid)) return status;
  return { ...status, active: status.active.filter((a) => a.uid !== uid) };
}

/**
 * Step 3 (start of syncCronJob): reconcile `status.active` with the CronJob's Jobs. `jobs` is
 * the list read at the start of the sync — Jobs deleted by step 2 included, as in
 * Kubernetes, whose lister has not seen those deletions yet — and `exists` is the API lookup
 * by name for listed Jobs that are not among them.
 */
export function reconcileActive(
  status: CronJobStatus,
  jobs: readonly Job[],
  exists: (ref: ObjectReference) => boolean,
): { status: CronJobStatus; events: CronJobEvent[] } {
  const events: CronJobEvent[] = [];
  let next = status;
  for (const j of jobs) {
    const listed = isActive(next, j.metadata.uid);
    const finished = finishedCondition(j);
    if (!listed && finished === undefined) {
      // Not created by this controller (`kubectl create job --from=cronjob/…`, spec §4.7), or
      // created just before a crash: reported on every sync while it runs.
      events.push(cronJobEvents.unexpectedJob(j.metadata.name!));
    } else if (finished !== undefined) {
      if (listed) {
        next = withoutActive(next, j.metadata.uid);
        events.push(cronJobEvents.sawCompletedJob(j.metadata.name!, finished));
      }
      // Any successful Job counts, listed or not (manual ones too).
      const done = j.status?.completionTime;
      if (finished === "Complete" && done !== undefined) {
        const last = next.lastSuccessfulTime;
        if (last === undefined || instant(done) > instant(last))
          next = { ...next, lastSuccessfulTime: done };
      }
    }
  }
  for (const a of status.active ?? []) {
    if (jobs.some((j) => j.metadata.uid === a.uid) || exists(a)) continue;
    next = withoutActive(next, a.uid);
    events.push(cronJobEvents.missingJob(a.name ?? ""));
  }
  return { status: next, events };
}

/** The parsed schedule the controller runs (formatSchedule + cron.ParseStandard). */
export type ControllerSchedule =
  ({ ok: true; events: CronJobEvent[] } & RunSchedule) | { ok: false; events: CronJobEvent[] };

/** A parsed schedule and the text it was parsed from (its memo key). */
export interface RunSchedule {
  readonly schedule: Schedule;
  readonly text: string;
}

// Memos of two pure functions, so that the many syncs between two schedule times (one per
// update of each of the CronJob's Jobs) cost map lookups: parsed schedules by text, and the
// first schedule time after an instant by schedule text and instant. Bounded by clearing.
const MEMO_LIMIT = 512;
const parsedMemo = new Map<string, ParseResult>();
const firstAfterMemo = new Map<string, Millis | undefined>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/**
 * formatSchedule and ParseStandard (step 4): a schedule containing `TZ` is run as it is, after
 * a Warning UnsupportedSchedule (§4.3); otherwise a loadable spec.timeZone is prepended as
 * `TZ=<zone> `. A parse error is Warning UnparseableSchedule.
 */
export function controllerSchedule(cj: CronJob): ControllerSchedule {
  const { schedule, timeZone } = cj.spec;
  const events: CronJobEvent[] = [];
  if (schedule.includes("TZ"))
    events.push(warning("UnsupportedSchedule", cronEventMessages.UnsupportedSchedule(schedule)));
  const text = formatSchedule(schedule, timeZone);
  const parsed = parsedMemo.get(text) ?? remember(parsedMemo, text, parseSchedule(text));
  if (parsed.ok) return { ok: true, schedule: parsed.schedule, text, events };
  const message = cronEventMessages.UnparseableSchedule(schedule, parsed.error);
  return { ok: false, events: [...events, warning("UnparseableSchedule", message)] };
}

/** What the controller knows for the missed-schedule maths (cron-semantics.md §6). */
export function scheduleState(cj: CronJob, status: CronJobStatus): ScheduleState {
  return {
    creationTimestamp: instant(cj.metadata.creationTimestamp!),
    lastScheduleTime:
      status.lastScheduleTime === undefined ? undefined : instant(status.lastScheduleTime),
    startingDeadlineSeconds: cj.spec.startingDeadlineSeconds,
    timeZone: cj.spec.timeZone,
  };
}

/**
 * Before the first time after lastScheduleTime (or creation) nothing is due or missed,
 * deadline or not (a deadline only moves `earliest` later), and nextScheduleTimeDuration is
 * that time + 100 ms: the delay, or undefined when a time is due (cron-semantics.md §6).
 * Remembered per schedule text and instant, so the syncs between two times are map lookups.
 */
function waitBeforeFirst(run: RunSchedule, state: ScheduleState, now: number): number | undefined {
  const base = state.lastScheduleTime ?? state.creationTimestamp;
  const key = `${base} ${run.text}`;
  const first = firstAfterMemo.has(key)
    ? firstAfterMemo.get(key)
    : remember(firstAfterMemo, key, nextAfter(run.schedule, base, state.timeZone));
  return first !== undefined && now < first ? first + NEXT_SCHEDULE_DELTA_MS - now : undefined;
}

/**
 * Step 10 (nextScheduleTimeDuration): when to look again — the next schedule time after the
 * due/last time + 100 ms. Undefined if the schedule has no next time.
 */
export function requeueAfter(
  cj: CronJob,
  run: RunSchedule,
  status: CronJobStatus,
  now: number,
): number | undefined {
  const state = scheduleState(cj, status);
  return waitBeforeFirst(run, state, now) ?? nextScheduleTimeDuration(run.schedule, state, now);
}

/** The outcome of steps 4–8 for one sync. */
export type ScheduleDecision =
  /** Nothing to do and no timer: deleting, bad zone, suspended, unparseable or invalid schedule. */
  | { readonly action: "stop"; readonly events: CronJobEvent[] }
  /** Nothing to create now; look again after `requeueAfter` ms. */
  | {
      readonly action: "wait";
      readonly events: CronJobEvent[];
      readonly requeueAfter: number | undefined;
    }
  /** Create the Job for `scheduledTime`, after deleting the `replace` Jobs (Replace policy). */
  | {
      readonly action: "run";
      readonly events: CronJobEvent[];
      readonly run: RunSchedule;
      readonly scheduledTime: Millis;
      readonly jobName: string;
      readonly replace: readonly ObjectReference[];
    };

/** Steps 4–8 of a sync, after history cleanup and the active list (spec §4.4). */
export function decide(cj: CronJob, status: CronJobStatus, now: number): ScheduleDecision {
  if (cj.metadata.deletionTimestamp !== undefined) return { action: "stop", events: [] };
  const tz = cj.spec.timeZone;
  if (tz !== undefined) {
    const loc = loadLocation(tz);
    if (!loc.ok) {
      const message = cronEventMessages.UnknownTimeZone(tz, loc.error);
      return { action: "stop", events: [warning("UnknownTimeZone", message)] };
    }
  }
  // Suspended: no timer either; unsuspending is a CronJob update, which queues a sync (§10 F).
  if (cj.spec.suspend === true) return { action: "stop", events: [] };
  const parsed = controllerSchedule(cj);
  if (!parsed.ok) return { action: "stop", events: parsed.events };
  const { schedule } = parsed;
  const events = [...parsed.events];
  const state = scheduleState(cj, status);
  // Fast path of steps 5 and 10, taken by most syncs (those between two schedule times).
  const early = waitBeforeFirst(parsed, state, now);
  if (early !== undefined) return { action: "wait", events, requeueAfter: early };
  const wait = (): ScheduleDecision => ({
    action: "wait",
    events,
    requeueAfter: requeueAfter(cj, parsed, status, now),
  });

  // Step 5: the most recent unmet time, never the older missed ones.
  const next = nextScheduleTime(schedule, state, now);
  if (!next.ok) {
    const message = cronEventMessages.InvalidSchedule(cj.spec.schedule, next.error);
    return { action: "stop", events: [...events, warning("InvalidSchedule", message)] };
  }
  const scheduledTime = next.scheduledTime;
  if (scheduledTime === undefined) return wait();
  if (next.tooManyMissed) {
    // v2 warns and still runs the latest time (§12).
    events.push(warning("TooManyMissedTimes", cronEventMessages.TooManyMissedTimes()));
  }
  // Step 6: practically unreachable, since step 5 already moved `earliest` past the deadline.
  const deadline = cj.spec.startingDeadlineSeconds;
  if (deadline !== undefined && scheduledTime + deadline * 1000 < now) {
    events.push(warning("MissSchedule", cronEventMessages.MissSchedule(scheduledTime)));
    return wait();
  }
  // Step 7: this time was handled already.
  const jobName = scheduledJobName(cj.metadata.name!, scheduledTime);
  const active = status.active ?? [];
  if (
    active.some((a) => a.name === jobName && a.namespace === cj.metadata.namespace) ||
    (status.lastScheduleTime !== undefined && instant(status.lastScheduleTime) === scheduledTime)
  )
    return wait();
  // Step 8: concurrency. Forbid leaves lastScheduleTime alone, so the time stays due and runs
  // late once the active Job finishes (within startingDeadlineSeconds, if set).
  const policy = cj.spec.concurrencyPolicy;
  if (policy === "Forbid" && active.length > 0) {
    events.push(cronJobEvents.jobAlreadyActive());
    return wait();
  }
  const replace = policy === "Replace" ? active : [];
  return { action: "run", events, run: parsed, scheduledTime, jobName, replace };
}
