// Time texts the CronJob controller writes (kubernetes-batch-semantics.md §4.3, §4.5;
// cron-semantics.md §1, §6).
import { UTC, formatOffset, loadLocation, naiveIso, offsetAt } from "./zone.ts";

/** The annotation Kubernetes puts on every Job a CronJob creates. */
export const SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";

/**
 * `scheduledTime.In(LoadLocation(timeZone ?? "")).Format(time.RFC3339)`: RFC 3339 in the
 * CronJob's zone, "Z" whenever the offset is zero (`2026-01-05T02:00:00+01:00`,
 * `2026-01-05T00:01:00Z`).
 */
export function formatScheduledTimestamp(instant: number, timeZone?: string): string {
  const loc = loadLocation(timeZone ?? "");
  const zone = loc.ok ? loc.zone : UTC;
  const offset = offsetAt(zone, instant);
  return `${naiveIso(instant + offset)}${formatOffset(offset)}`;
}

/** getTimeHashInMinutes: `scheduledTime.Unix() / 60` (Go truncates toward zero). */
export function unixMinutes(instant: number): number {
  return Math.trunc(Math.floor(instant / 1000) / 60);
}

/** `<cronjob>-<unix minutes>`, e.g. `hello-29459521` for 2026-01-05T00:01:00Z. */
export function scheduledJobName(cronJobName: string, scheduledTime: number): string {
  return `${cronJobName}-${unixMinutes(scheduledTime)}`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.RFC1123Z of a UTC time (MissSchedule event): `Mon, 05 Jan 2026 00:01:00 +0000`. */
export function formatRfc1123z(instant: number): string {
  const d = new Date(Math.floor(instant / 1000) * 1000);
  const p = (n: number): string => String(n).padStart(2, "0");
  const day = DAYS[d.getUTCDay()] ?? "";
  const month = MONTHS[d.getUTCMonth()] ?? "";
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return `${day}, ${p(d.getUTCDate())} ${month} ${String(d.getUTCFullYear()).padStart(4, "0")} ${time} +0000`;
}
