// Schedule preview for the editor: the next runs plus the traps a learner should see
// (cron-semantics.md §3 sub-minute @every, §4 OR rule and never-firing schedules, §5 DST).
import { describeParsed } from "./describe.ts";
import { goFields } from "./go-strings.ts";
import type { CronSchedule, Schedule } from "./parse.ts";
import { parseSchedule } from "./parse.ts";
import { forEachNaiveMatch, nextRuns, scheduleZone } from "./next.ts";
import { renderFieldError, validateSchedule } from "./validate.ts";
import { UTC, formatOffset, naiveIso, offsetAt } from "./zone.ts";
import type { Millis } from "../sim/time.ts";

export type WarningKind =
  | "dom-dow-or"
  | "never"
  | "dst-skip"
  | "dst-repeat"
  | "dst-shift"
  | "every-sub-minute"
  | "every-ignores-time-zone";

export interface ScheduleWarning {
  readonly kind: WarningKind;
  readonly message: string;
  /** The DST transition instant, for dst-* warnings. */
  readonly at?: Millis;
}

export type PreviewResult =
  | { ok: true; description: string; zone: string; runs: Millis[]; warnings: ScheduleWarning[] }
  /** The API server's rejection, one rendered field error per entry. */
  | { ok: false; errors: string[] };

const WEEK = 7 * 86_400_000;
const MAX_TRANSITIONS = 24;
/** Preview lists are short; this bounds the work whatever the caller asks. */
export const MAX_PREVIEW_RUNS = 100;

/** Instants where the zone's offset changes in (from, to], to the second (weekly sampling). */
export function zoneTransitions(zone: string, from: number, to: number): Millis[] {
  if (zone === UTC) return [];
  const out: Millis[] = [];
  let a = from;
  let oa = offsetAt(zone, a);
  while (a < to && out.length < MAX_TRANSITIONS) {
    const b = Math.min(a + WEEK, to);
    const ob = offsetAt(zone, b);
    if (ob !== oa) {
      let lo = Math.floor(a / 1000);
      let hi = Math.floor(b / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(zone, mid * 1000) === oa) lo = mid;
        else hi = mid;
      }
      out.push((hi * 1000) as Millis);
      a = hi * 1000;
      oa = offsetAt(zone, a);
    } else {
      a = b;
      oa = ob;
    }
  }
  return out;
}

const clock = (naive: number): string => naiveIso(naive).slice(11, 16);
const date = (naive: number): string => naiveIso(naive).slice(0, 10);

function matchesBetween(s: CronSchedule, fromNaive: number, toNaive: number): number[] {
  const found: number[] = [];
  forEachNaiveMatch(s, fromNaive, new Date(toNaive).getUTCFullYear(), (naive) => {
    if (naive >= toNaive) return false;
    found.push(naive);
    return true;
  });
  return found;
}

function listTimes(naives: readonly number[]): string {
  const shown = naives.slice(0, 3).map(clock);
  return naives.length > 3 ? `${shown.join(", ")}, …` : shown.join(", ");
}

function dstWarning(s: CronSchedule, zone: string, at: Millis): ScheduleWarning {
  const before = offsetAt(zone, at - 1000);
  const after = offsetAt(zone, at);
  const delta = after - before;
  const local = at + before;
  const day = date(local);
  const hours = Math.abs(delta) / 3_600_000;
  const amount = hours === 1 ? "1 hour" : `${hours} hours`;
  if (delta > 0) {
    const skipped = matchesBetween(s, local, local + delta);
    if (skipped.length > 0) {
      const message = `On ${day} clocks in ${zone} jump from ${clock(local)} to ${clock(local + delta)}: ${listTimes(skipped)} does not exist that day, so ${skipped.length === 1 ? "that run is" : "those runs are"} skipped.`;
      return { kind: "dst-skip", at, message };
    }
  } else {
    const repeated = matchesBetween(s, local + delta, local);
    if (repeated.length > 0) {
      const message = `On ${day} clocks in ${zone} go back from ${clock(local)} to ${clock(local + delta)}: ${listTimes(repeated)} happens twice, and the schedule fires both times.`;
      return { kind: "dst-repeat", at, message };
    }
  }
  const direction = delta > 0 ? "earlier" : "later";
  const message = `On ${day} clocks in ${zone} change from UTC${formatOffset(before).replace("Z", "+00:00")} to UTC${formatOffset(after).replace("Z", "+00:00")}: runs keep their local time, so they happen ${amount} ${direction} in UTC.`;
  return { kind: "dst-shift", at, message };
}

/** Warnings about a parsed schedule's runs in a zone (runs: the preview's next fire times). */
export function scheduleWarnings(
  spec: string,
  schedule: Schedule,
  timeZone: string | undefined,
  from: number,
  runs: readonly Millis[],
): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  if (schedule.kind === "every") {
    if (schedule.delaySeconds < 60) {
      const message = `@every ${schedule.delaySeconds}s fires more than once a minute, but Job names use the minute, so the CronJob creates at most one Job per minute.`;
      warnings.push({ kind: "every-sub-minute", message });
    }
    if (timeZone !== undefined || schedule.location !== undefined) {
      const message =
        "@every counts a fixed interval from the last run: the time zone (and daylight saving time) has no effect on it.";
      warnings.push({ kind: "every-ignores-time-zone", message });
    }
    return warnings;
  }
  if (!schedule.dayOfMonthStar && !schedule.dayOfWeekStar) {
    const fields = goFields(spec.replace(/^(CRON_)?TZ=\S*/, ""));
    const dom = fields[2] ?? "";
    const dow = fields[4] ?? "";
    const message = `Day of month (${dom}) and day of week (${dow}) are both restricted, so the schedule runs on every day that matches either of them, not only on days matching both.`;
    warnings.push({ kind: "dom-dow-or", message });
  }
  if (runs.length === 0) {
    const message =
      "This schedule never fires: no date matches it in the next 5 years. Kubernetes accepts it, then reports InvalidSchedule and creates no Job.";
    warnings.push({ kind: "never", message });
    return warnings;
  }
  const zone = scheduleZone(schedule, timeZone);
  const last = runs[runs.length - 1] ?? from;
  for (const at of zoneTransitions(zone, from, last)) warnings.push(dstWarning(schedule, zone, at));
  return warnings;
}

/**
 * What a schedule preview shows: the API server's errors, or the description (in `locale` when
 * registered, see `addDescribeLocale`), the next `count` runs after `from` (epoch ms, strictly
 * after) and the warnings.
 */
export function previewRuns(
  spec: string,
  timeZone: string | undefined,
  from: number,
  count: number,
  locale = "en",
): PreviewResult {
  const errors = validateSchedule(spec, timeZone);
  const parsed = parseSchedule(spec);
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors: errors.map(renderFieldError) };
  const schedule = parsed.schedule;
  const runs = nextRuns(schedule, from, Math.max(0, Math.min(count, MAX_PREVIEW_RUNS)), timeZone);
  return {
    ok: true,
    description: describeParsed(schedule, locale),
    zone: scheduleZone(schedule, timeZone),
    runs,
    warnings: scheduleWarnings(spec, schedule, timeZone, from, runs),
  };
}
