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
  SCHEDULED_TIMESTAMP_ANNOTATION,
  cronEventMessages,
  formatSchedule,
  formatScheduledTimestamp,
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
import { rfc3339, type Millis } from "../sim/time.ts";

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
  | { ok: true; schedule: Schedule; text: string; events: CronJobEvent[] }
  | { ok: false; events: CronJobEvent[] };

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
 * Step 10 (nextScheduleTimeDuration): when to look again — the next schedule time after the
 * due/last time + 100 ms. Undefined if the schedule has no next time.
 */
export function requeueAfter(
  cj: CronJob,
  schedule: Schedule,
  status: CronJobStatus,
  now: number,
): number | undefined {
  return nextScheduleTimeDuration(schedule, scheduleState(cj, status), now);
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
      readonly schedule: Schedule;
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
  // Fast path of steps 5 and 10: before the first time after the last one (or creation)
  // nothing is due or missed, deadline or not (a deadline only moves `earliest` later), and
  // nextScheduleTimeDuration is that time + 100 ms.
  const base = state.lastScheduleTime ?? state.creationTimestamp;
  const key = `${base} ${parsed.text}`;
  const first = firstAfterMemo.has(key)
    ? firstAfterMemo.get(key)
    : remember(firstAfterMemo, key, nextAfter(schedule, base, state.timeZone));
  if (first !== undefined && now < first)
    return { action: "wait", events, requeueAfter: first + NEXT_SCHEDULE_DELTA_MS - now };
  const wait = (): ScheduleDecision => ({
    action: "wait",
    events,
    requeueAfter: requeueAfter(cj, schedule, status, now),
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
    (status.lastScheduleTime !== undefined && Date.parse(status.lastScheduleTime) === scheduledTime)
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
  return { action: "run", events, schedule, scheduledTime, jobName, replace };
}

/** Step 9 bookkeeping: the created Job joins `active`, its time becomes lastScheduleTime. */
export function withCreated(status: CronJobStatus, job: Job, scheduledTime: number): CronJobStatus {
  return {
    ...status,
    active: [...(status.active ?? []), jobReference(job)],
    lastScheduleTime: rfc3339(scheduledTime),
  };
}

/** ref.GetReference of a Job: what `status.active` lists (spec §4.6). */
export function jobReference(job: Job): ObjectReference {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
}

/**
 * getJobFromTemplate2 (spec §4.5): template labels and annotations, the scheduled-timestamp
 * annotation in the CronJob's zone, a controller reference and a copy of the template's spec.
 */
export function jobFromTemplate(cj: CronJob, scheduledTime: number): Job {
  const t = cj.spec.jobTemplate;
  const job: Job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: scheduledJobName(cj.metadata.name!, scheduledTime),
      namespace: cj.metadata.namespace,
      annotations: {
        ...t.metadata?.annotations,
        [SCHEDULED_TIMESTAMP_ANNOTATION]: formatScheduledTimestamp(scheduledTime, cj.spec.timeZone),
      },
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "CronJob",
          name: cj.metadata.name!,
          uid: cj.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    // Shared, not copied: store objects are frozen and the API server copies what it stores.
    spec: t.spec,
  };
  // copyLabels makes an empty map when the template has none; empty maps are omitted.
  const labels = t.metadata?.labels;
  if (labels !== undefined && Object.keys(labels).length > 0) job.metadata.labels = { ...labels };
  return job;
}

/** Status as the API server stores it: empty `active` and unset times omitted. */
export function normalizeStatus(status: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (status.active?.length) out.active = status.active;
  if (status.lastScheduleTime !== undefined) out.lastScheduleTime = status.lastScheduleTime;
  if (status.lastSuccessfulTime !== undefined) out.lastSuccessfulTime = status.lastSuccessfulTime;
  return out;
}

/** Whether two statuses would serialise the same (the write is skipped otherwise). */
export function sameStatus(a: CronJobStatus, b: CronJobStatus): boolean {
  const x = normalizeStatus(a);
  const y = normalizeStatus(b);
  if (x.lastScheduleTime !== y.lastScheduleTime) return false;
  if (x.lastSuccessfulTime !== y.lastSuccessfulTime) return false;
  const ax = x.active ?? [];
  const ay = y.active ?? [];
  return ax.length === ay.length && ax.every((r, i) => sameRef(r, ay[i]));
}

function sameRef(a: ObjectReference, b: ObjectReference | undefined): boolean {
  return (
    b !== undefined &&
    a.uid === b.uid &&
    a.name === b.name &&
    a.namespace === b.namespace &&
    a.resourceVersion === b.resourceVersion &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion
  );
}
