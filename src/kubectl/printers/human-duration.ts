/**
 * apimachinery `util/duration` (HumanDuration, ShortHumanDuration) and kubectl's timestamp
 * helpers (`translateTimestampSince`, RFC 1123Z dates) — spec §7.2. Durations are in
 * milliseconds; Go truncates toward zero (`int(d.Seconds())`), never rounds.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go integer division on durations: truncation toward zero. */
const div = (a: number, b: number): number => Math.trunc(a / b);

/** `duration.HumanDuration`: 2–3 significant figures (`2m30s`, `3h12m`, `2d3h`, `400d`). */
export function humanDuration(ms: number): string {
  // apimachinery tolerates up to 1 s of clock skew: -1 s < d < 0 prints "0s".
  const seconds = div(ms, SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = div(ms, MINUTE);
  if (minutes < 10) {
    const s = div(ms, SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = div(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${div(hours, 24)}d` : `${div(hours, 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${div(hours, 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = div(hours, 24) % 365;
    const y = div(hours, 24 * 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${div(hours, 24 * 365)}y`;
}

/** `duration.ShortHumanDuration`: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = div(ms, SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = div(ms, MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = div(ms, HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${div(hours, 24)}d`;
  return `${div(hours, 24 * 365)}y`;
}

/** Epoch ms of an RFC 3339 timestamp, or undefined when it is absent or unparseable. */
export function instant(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

/** kubectl `translateTimestampSince`: age of a timestamp, `<unknown>` when it is unset. */
export function age(ts: string | null | undefined, now: number): string {
  const t = instant(ts);
  return t === undefined ? "<unknown>" : humanDuration(now - t);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Go `time.RFC1123Z` (`Mon, 05 Jan 2026 00:00:03 +0000`). kubectl prints metav1.Time in the
 * local zone of the terminal; the lab's terminal is in UTC (spec §0), hence `+0000`.
 * An unset time formats as Go's zero time, as kubectl does for e.g. a missing `startedAt`.
 */
export function rfc1123z(ts: string | null | undefined): string {
  const t = instant(ts);
  if (t === undefined) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(t);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}
