// Warning event texts of the cronjob controller that carry cron data (cron-semantics.md §6, §8;
// batch spec §4.8). Go's %q is strconv.Quote, hence goQuote.
import { formatRfc1123z } from "./format.ts";
import { goQuote } from "./go-strings.ts";

/** Reason → message builders, named after the event reasons. */
export const cronEventMessages = {
  UnknownTimeZone: (timeZone: string, error: string): string =>
    `invalid timeZone: ${goQuote(timeZone)}: ${error}`,
  UnparseableSchedule: (schedule: string, error: string): string =>
    `unparseable schedule: ${goQuote(schedule)} : ${error}`,
  InvalidSchedule: (schedule: string, error: string): string =>
    `invalid schedule: ${schedule} : ${error}`,
  UnsupportedSchedule: (schedule: string): string =>
    `CRON_TZ or TZ used in schedule ${goQuote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
  TooManyMissedTimes: (): string =>
    "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
  MissSchedule: (scheduledTime: number): string =>
    `Missed scheduled time to start a job: ${formatRfc1123z(scheduledTime)}`,
} as const;
