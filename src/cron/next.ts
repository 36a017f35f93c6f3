// Next fire time: robfig `SpecSchedule.Next` / `ConstantDelaySchedule.Next` semantics
// (cron-semantics.md §3–§5, §7.1).
//
// Why not cron-parser behind an adapter: after our own parser (§7 rows 1–11, 14–15) the only
// thing left for cron-parser is "next matching naive wall-clock minute in UTC", while the
// adapter still has to encode sets back into expressions, turn its "Invalid explicit day of
// month" exception into "never", cap its search at five years and do the naive→instant mapping
// (rows 12, 13, 17) itself. Matching five value sets day by day is shorter than that adapter,
// so the search is implemented directly; zones come from Intl (zone.ts), no luxon needed.
import type { CronSchedule, Schedule } from "./parse.ts";
import { hasEmptyField } from "./parse.ts";
import { OffsetSampler, UTC, loadLocation, toNaive } from "./zone.ts";
import type { Millis } from "../sim/time.ts";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** robfig gives up when the search passes the end of the year five years after the start. */
export const SEARCH_YEARS = 5;

/** Zone a schedule is evaluated in: a `TZ=` prefix wins, then spec.timeZone, then UTC (§1). */
export function scheduleZone(schedule: Schedule, timeZone: string | undefined): string {
  if (schedule.location !== undefined) return schedule.location;
  if (timeZone === undefined) return UTC;
  const loc = loadLocation(timeZone);
  return loc.ok ? loc.zone : UTC;
}

/** Whether a naive calendar day passes the month and day-of-month/day-of-week rules (§4). */
export function dayMatches(s: CronSchedule, naiveDay: number): boolean {
  const d = new Date(naiveDay);
  if (!s.month.includes(d.getUTCMonth() + 1)) return false;
  const dom = s.dayOfMonth.includes(d.getUTCDate());
  const dow = s.dayOfWeek.includes(d.getUTCDay());
  return s.dayOfMonthStar || s.dayOfWeekStar ? dom && dow : dom || dow;
}

/**
 * Calls `visit` with every naive minute matching the fields, from `from` (inclusive) to the
 * end of year `lastYear`, in order, until it returns false.
 */
export function forEachNaiveMatch(
  s: CronSchedule,
  from: number,
  lastYear: number,
  visit: (naive: number) => boolean,
): void {
  if (hasEmptyField(s)) return;
  for (
    let day = Math.floor(from / DAY) * DAY;
    new Date(day).getUTCFullYear() <= lastYear;
    day += DAY
  ) {
    if (!dayMatches(s, day)) continue;
    for (const h of s.hour) {
      for (const m of s.minute) {
        const naive = day + h * HOUR + m * MINUTE;
        if (naive >= from && !visit(naive)) return;
      }
    }
  }
}

/** `ConstantDelaySchedule.Next`: t + delay − t's sub-second part; zones play no part. */
export function nextEvery(delaySeconds: number, after: number): Millis {
  const subSecond = ((after % 1000) + 1000) % 1000;
  return (after + delaySeconds * 1000 - subSecond) as Millis;
}

/**
 * The first fire time strictly after `after` (epoch ms), or undefined when none exists within
 * robfig's five-year horizon (e.g. `0 0 30 2 *`). Every instant whose wall clock in the zone
 * matches fires: spring-gap times are skipped, autumn-overlap times fire twice (§5).
 */
export function nextAfter(
  schedule: Schedule,
  after: number,
  timeZone?: string,
): Millis | undefined {
  if (schedule.kind === "every") return nextEvery(schedule.delaySeconds, after);
  const zone = scheduleZone(schedule, timeZone);
  const sampler = new OffsetSampler(zone);
  // robfig starts at the next whole second; its year limit counts from there, in the zone.
  const start = Math.floor(after / 1000) * 1000 + 1000;
  const lastYear = new Date(toNaive(zone, start)).getUTCFullYear() + SEARCH_YEARS;
  const naiveStart = start + sampler.at(start);
  // A wall-clock reading earlier than the start's can still be a later instant when the
  // offset drops (autumn), so begin at the start's reading minus the largest offset change.
  const offsets = sampler.near(naiveStart);
  const spread = (offsets[offsets.length - 1] ?? 0) - (offsets[0] ?? 0);
  let best: number | undefined;
  let bestNaive = 0;
  let bestSpread = 0;
  forEachNaiveMatch(schedule, naiveStart - spread, lastYear, (naive) => {
    // Instants of later readings are at least `naive − max offset`: once past the best
    // reading by more than the offset change around it, nothing earlier can follow.
    if (best !== undefined && naive - bestNaive > bestSpread) return false;
    for (const instant of sampler.instantsOf(naive)) {
      if (instant >= start && (best === undefined || instant < best)) {
        best = instant;
        bestNaive = naive;
        const around = sampler.near(naive);
        bestSpread = (around[around.length - 1] ?? 0) - (around[0] ?? 0);
      }
    }
    return true;
  });
  return best as Millis | undefined;
}

/** The next `count` fire times after `after`, in order (fewer if the schedule stops). */
export function nextRuns(
  schedule: Schedule,
  after: number,
  count: number,
  timeZone?: string,
): Millis[] {
  const runs: Millis[] = [];
  let t = after;
  for (let i = 0; i < count; i++) {
    const next = nextAfter(schedule, t, timeZone);
    if (next === undefined) break;
    runs.push(next);
    t = next;
  }
  return runs;
}
