// kubernetes pkg/controller/cronjob/utils.go: mostRecentScheduleTime, nextScheduleTime,
// nextScheduleTimeDuration (cron-semantics.md §6, kubernetes-batch-semantics.md §4.4).
import type { Schedule } from "./parse.ts";
import { nextAfter } from "./next.ts";
import type { Millis } from "../sim/time.ts";

/** What the controller knows about a CronJob when it looks for due times. */
export interface ScheduleState {
  readonly creationTimestamp: number;
  readonly lastScheduleTime?: number;
  readonly startingDeadlineSeconds?: number;
  /** spec.timeZone; ignored when the schedule carries its own `TZ=` prefix. */
  readonly timeZone?: string;
}

/** kubernetes missedSchedulesType: none, few (1–100 estimated), many (> 100). */
export type MissedSchedules = "none" | "few" | "many";

export type MostRecentResult =
  | { ok: true; earliest: Millis; due: Millis | undefined; missed: MissedSchedules }
  | { ok: false; earliest: Millis; error: string };

export const TOO_SHORT_GAP = "time difference between two schedules is less than 1 second";
/** Kubernetes' nextScheduleDelta: requeue 100 ms after the next schedule time. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** Our limit on the final `next()` walk (Kubernetes has none; see the loop below). */
const MAX_WALK = 10_000;

/** Go's Duration.Round(time.Second).Seconds() truncated to int64: half away from zero. */
const roundSeconds = (ms: number): number =>
  Math.sign(ms) * Math.floor((Math.abs(ms) + 500) / 1000);

/**
 * The most recent schedule time ≤ now since `earliest`, and an estimate of how many were
 * missed, using the first gap as if all gaps were equal — approximation included, so with
 * irregular schedules a missed time can be lost (`due` undefined with `missed` few), as in
 * Kubernetes. Only a handful of `next()` calls whatever the outage length.
 */
export function mostRecentScheduleTime(
  schedule: Schedule,
  state: ScheduleState,
  now: number,
  includeStartingDeadlineSeconds: boolean,
): MostRecentResult {
  let earliest = state.lastScheduleTime ?? state.creationTimestamp;
  if (includeStartingDeadlineSeconds && state.startingDeadlineSeconds !== undefined) {
    const deadline = now - state.startingDeadlineSeconds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const e = earliest as Millis;
  const next = (t: number): Millis | undefined => nextAfter(schedule, t, state.timeZone);
  const t1 = next(earliest);
  // Go's "never" is the zero time (year 1): now is after it, and t2 − t1 is < 1 s. A t1 of
  // "never" with a later t2 (Go would search again from year 1) is treated the same way.
  if (t1 === undefined) return { ok: false, earliest: e, error: TOO_SHORT_GAP };
  if (now < t1) return { ok: true, earliest: e, due: undefined, missed: "none" };
  const t2 = next(t1);
  if (t2 !== undefined && now < t2) return { ok: true, earliest: e, due: t1, missed: "none" };
  const gap = t2 === undefined ? 0 : roundSeconds(t2 - t1);
  if (gap < 1) return { ok: false, earliest: e, error: TOO_SHORT_GAP };
  const elapsed = Math.trunc((now - t1) / 1000);
  const count = Math.floor(elapsed / gap) + 1;
  let due: Millis | undefined;
  // Kubernetes loops `for t := Next(p); !t.After(now); t = Next(t)`; a "never" (zero time)
  // would loop forever there, so stop on it, and after MAX_WALK steps.
  let t = next(t1 + (count - 2) * gap * 1000);
  for (let i = 0; t !== undefined && t <= now && i < MAX_WALK; i++) {
    due = t;
    t = next(t);
  }
  const missed: MissedSchedules = count > 100 ? "many" : count > 0 ? "few" : "none";
  return { ok: true, earliest: e, due, missed };
}

export type NextScheduleTimeResult =
  | { ok: true; scheduledTime: Millis | undefined; tooManyMissed: boolean }
  | { ok: false; error: string };

/**
 * kubernetes nextScheduleTime: the time to start a Job for now (or undefined), with
 * startingDeadlineSeconds applied. `tooManyMissed` → Warning TooManyMissedTimes, the Job is
 * still created. An error → Warning InvalidSchedule and no requeue.
 */
export function nextScheduleTime(
  schedule: Schedule,
  state: ScheduleState,
  now: number,
): NextScheduleTimeResult {
  const r = mostRecentScheduleTime(schedule, state, now, true);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.due === undefined || r.due > now)
    return { ok: true, scheduledTime: undefined, tooManyMissed: false };
  return { ok: true, scheduledTime: r.due, tooManyMissed: r.missed === "many" };
}

/**
 * kubernetes nextScheduleTimeDuration: how long until the controller should look again,
 * `next(base) + 100 ms − now` (base: due time, else earliest if nothing missed, else now).
 * Computed without the starting deadline, as Kubernetes does. Undefined when there is no
 * next time at all.
 */
export function nextScheduleTimeDuration(
  schedule: Schedule,
  state: ScheduleState,
  now: number,
): number | undefined {
  const r = mostRecentScheduleTime(schedule, state, now, false);
  let base: number;
  if (!r.ok) base = now;
  else if (r.due !== undefined) base = r.due;
  else base = r.missed === "none" ? r.earliest : now;
  const next = nextAfter(schedule, base, state.timeZone);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}
