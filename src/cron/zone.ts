// Time-zone arithmetic over Intl (cron-semantics.md §5, §7.1 step 3). "Naive" times are
// wall-clock readings written as if they were UTC epoch milliseconds, so calendar maths on
// them needs no zone; `OffsetSampler.instantsOf` maps a reading back to the 0, 1 or 2 real instants
// that show it (spring gap, normal, autumn overlap).
import { TZDB_NAMES } from "./tz-names.ts";

export const UTC = "UTC";
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type LoadLocationResult = { ok: true; zone: string } | { ok: false; error: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(zone);
  if (cached) return cached;
  try {
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
    return f;
  } catch {
    return undefined;
  }
}

/**
 * Go's time.LoadLocation as kube-apiserver and kube-controller-manager run it: "" and "UTC"
 * are UTC, "Local" is the controller's zone (UTC here), names are exact-case tz database names
 * (Intl alone would accept "europe/paris" or "utc").
 */
export function loadLocation(name: string): LoadLocationResult {
  if (name === "" || name === "UTC" || name === "Local") return { ok: true, zone: UTC };
  if (name.includes("..") || name.startsWith("/") || name.startsWith("\\")) {
    return { ok: false, error: "time: invalid location name" };
  }
  if (TZDB_NAMES.has(name) && formatter(name) !== undefined) return { ok: true, zone: name };
  return { ok: false, error: `unknown time zone ${name}` };
}

/** Milliseconds since the epoch of a proleptic-Gregorian UTC date (years below 100 included). */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year >= 100) return t;
  const d = new Date(t);
  d.setUTCFullYear(year);
  return d.getTime();
}

const isUtc = (zone: string): boolean => zone === UTC;

/** The zone's UTC offset (ms, whole seconds) at an instant. */
export function offsetAt(zone: string, instant: number): number {
  if (isUtc(zone)) return 0;
  const f = formatter(zone);
  if (!f) return 0;
  const sec = Math.floor(instant / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(sec)) p[part.type] = Number(part.value);
  const hour = p.hour === 24 ? 0 : (p.hour ?? 0);
  const naive = utcMs(p.year ?? 1970, p.month ?? 1, p.day ?? 1, hour, p.minute ?? 0, p.second ?? 0);
  return naive - sec;
}

/** Wall-clock reading of an instant in the zone, as naive milliseconds. */
export function toNaive(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/**
 * Offsets the zone uses around a naive time, sampled a day either side (on the hour grid so
 * that neighbouring candidates share samples). Enough for every zone whose transitions are
 * more than two days apart, i.e. all but the out-of-scope ones of cron-semantics.md §5.
 */
export class OffsetSampler {
  private readonly memo = new Map<number, number>();
  constructor(readonly zone: string) {}

  at(instant: number): number {
    let o = this.memo.get(instant);
    if (o === undefined) {
      o = offsetAt(this.zone, instant);
      this.memo.set(instant, o);
    }
    return o;
  }

  near(naive: number): readonly number[] {
    if (isUtc(this.zone)) return [0];
    const hour = Math.floor(naive / HOUR) * HOUR;
    const before = this.at(hour - DAY);
    const after = this.at(hour + DAY + HOUR);
    return before === after ? [before] : [Math.min(before, after), Math.max(before, after)];
  }

  /** Real instants whose wall clock reads `naive`, earliest first. */
  instantsOf(naive: number): number[] {
    const offsets = this.near(naive);
    if (offsets.length === 1) return [naive - (offsets[0] ?? 0)];
    const out: number[] = [];
    // Larger offset first gives the earlier instant.
    for (const o of [...offsets].reverse()) if (this.at(naive - o) === o) out.push(naive - o);
    return out;
  }
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, "0");

/** "2026-01-05T02:00:00" of a naive time (4-digit year). */
export function naiveIso(naive: number): string {
  const d = new Date(Math.floor(naive / 1000) * 1000);
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${pad(y, 4)}` : pad(y, 4);
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Go's "Z07:00": Z for a zero offset, else ±hh:mm (seconds of historical offsets dropped). */
export function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return "Z";
  const minutes = Math.trunc(offsetMs / MINUTE);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
