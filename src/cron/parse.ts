// robfig/cron v3.0.1 `ParseStandard`, the parser kube-apiserver validates with and the cronjob
// controller runs (cron-semantics.md §2–§3, §8). Written by hand rather than through
// cron-parser, which accepts and rejects different inputs (§7 rows 1–11, 14, 15).
import { goAtoi, goFields, goParseDuration, goTrimSpace } from "./go-strings.ts";
import { loadLocation } from "./zone.ts";

/** A five-field schedule: sorted value sets plus the day fields' star marks (§2.3). */
export interface CronSchedule {
  readonly kind: "cron";
  readonly minute: readonly number[];
  readonly hour: readonly number[];
  readonly dayOfMonth: readonly number[];
  readonly month: readonly number[];
  readonly dayOfWeek: readonly number[];
  readonly dayOfMonthStar: boolean;
  readonly dayOfWeekStar: boolean;
  /** Zone from a legacy `TZ=`/`CRON_TZ=` prefix (already resolved by loadLocation). */
  readonly location?: string;
}

/** `@every <duration>`: a constant delay in whole seconds, at least 1 (§3). */
export interface EverySchedule {
  readonly kind: "every";
  readonly delaySeconds: number;
  readonly location?: string;
}

export type Schedule = CronSchedule | EverySchedule;

export type ParseResult =
  | { ok: true; schedule: Schedule }
  /** `panic`: robfig v3.0.1 panics instead of returning an error (a `TZ=` prefix with no space). */
  | { ok: false; error: string; panic?: true };

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])),
};
const DOW: Bounds = { min: 0, max: 6, names: Object.fromEntries(DAY_NAMES.map((n, i) => [n, i])) };

interface FieldValue {
  values: number[];
  star: boolean;
}

class ParseError extends Error {}

function mustParseInt(expr: string): bigint {
  const r = goAtoi(expr);
  if (!r.ok) throw new ParseError(`failed to parse int from ${expr}: ${r.error}`);
  if (r.value < 0n) throw new ParseError(`negative number (${r.value}) not allowed: ${expr}`);
  return r.value;
}

function parseIntOrName(expr: string, b: Bounds): bigint {
  const named = b.names ? Object.hasOwn(b.names, expr.toLowerCase()) : false;
  if (named && b.names) return BigInt(b.names[expr.toLowerCase()] ?? 0);
  return mustParseInt(expr);
}

/** robfig getRange: one comma item (`*`, `?`, `a`, `a-b`, each optionally `/step`). */
function getRange(expr: string, b: Bounds, into: boolean[]): boolean {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = (rangeAndStep[0] ?? "").split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let star = false;
  const low = lowAndHigh[0] ?? "";
  if (low === "*" || low === "?") {
    // Quirk kept: whatever follows a leading star ("*-5") is ignored (§2.2).
    start = BigInt(b.min);
    end = BigInt(b.max);
    star = true;
  } else {
    start = parseIntOrName(low, b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? "", b);
    else throw new ParseError(`too many hyphens: ${expr}`);
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] ?? "");
    // "N/step" means "N-max/step".
    if (singleDigit) end = BigInt(b.max);
    if (step > 1n) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new ParseError(`too many slashes: ${expr}`);
  }
  if (start < BigInt(b.min))
    throw new ParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > BigInt(b.max))
    throw new ParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end)
    throw new ParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) throw new ParseError(`step of range should be a positive number: ${expr}`);
  const stepN = step > 100n ? 100 : Number(step);
  for (let v = Number(start); v <= Number(end); v += stepN) into[v] = true;
  return star;
}

/** robfig getField: comma items, empty ones dropped (§2.2), first error wins. */
function getField(field: string, b: Bounds): FieldValue {
  const present: boolean[] = [];
  let star = false;
  for (const item of field.split(",")) {
    if (item === "") continue;
    if (getRange(item, b, present)) star = true;
  }
  const values: number[] = [];
  for (let v = b.min; v <= b.max; v++) if (present[v]) values.push(v);
  return { values, star };
}

const range = (b: Bounds): number[] =>
  Array.from({ length: b.max - b.min + 1 }, (_, i) => b.min + i);

function cron(
  minute: number[],
  hour: number[],
  dom: number[] | "*",
  month: number[],
  dow: number[] | "*",
): CronSchedule {
  return {
    kind: "cron",
    minute,
    hour,
    dayOfMonth: dom === "*" ? range(DOM) : dom,
    month,
    dayOfWeek: dow === "*" ? range(DOW) : dow,
    dayOfMonthStar: dom === "*",
    dayOfWeekStar: dow === "*",
  };
}

/** Descriptors, exact and case-sensitive (§3). Built like robfig: `all()` sets the star mark. */
const DESCRIPTORS: Readonly<Record<string, () => CronSchedule>> = {
  "@yearly": () => cron([0], [0], [1], [1], "*"),
  "@annually": () => cron([0], [0], [1], [1], "*"),
  "@monthly": () => cron([0], [0], [1], range(MONTHS), "*"),
  "@weekly": () => cron([0], [0], "*", range(MONTHS), [0]),
  "@daily": () => cron([0], [0], "*", range(MONTHS), "*"),
  "@midnight": () => cron([0], [0], "*", range(MONTHS), "*"),
  "@hourly": () => cron([0], range(HOURS), "*", range(MONTHS), "*"),
};

const EVERY = "@every ";
const NS_PER_SECOND = 1_000_000_000n;

function parseDescriptor(descriptor: string): Schedule {
  const build = Object.hasOwn(DESCRIPTORS, descriptor) ? DESCRIPTORS[descriptor] : undefined;
  if (build) return build();
  if (descriptor.startsWith(EVERY)) {
    const d = goParseDuration(descriptor.slice(EVERY.length));
    if (!d.ok) throw new ParseError(`failed to parse duration ${descriptor}: ${d.error}`);
    // cron.Every: below one second becomes one second; then truncated to whole seconds.
    const ns = d.nanoseconds < NS_PER_SECOND ? NS_PER_SECOND : d.nanoseconds;
    return { kind: "every", delaySeconds: Number(ns / NS_PER_SECOND) };
  }
  throw new ParseError(`unrecognized descriptor: ${descriptor}`);
}

function parseFields(spec: string): CronSchedule {
  const fields = goFields(spec);
  if (fields.length !== 5) {
    throw new ParseError(
      `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`,
    );
  }
  const [mi, h, dom, mo, dow] = fields as [string, string, string, string, string];
  const minute = getField(mi, MINUTES);
  const hour = getField(h, HOURS);
  const dayOfMonth = getField(dom, DOM);
  const month = getField(mo, MONTHS);
  const dayOfWeek = getField(dow, DOW);
  return {
    kind: "cron",
    minute: minute.values,
    hour: hour.values,
    dayOfMonth: dayOfMonth.values,
    month: month.values,
    dayOfWeek: dayOfWeek.values,
    dayOfMonthStar: dayOfMonth.star,
    dayOfWeekStar: dayOfWeek.star,
  };
}

/** `cron.ParseStandard(spec)`: robfig's result or its exact error text. */
export function parseSchedule(spec: string): ParseResult {
  if (spec.length === 0) return { ok: false, error: "empty spec string" };
  let rest = spec;
  let location: string | undefined;
  if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
    const space = rest.indexOf(" ");
    if (space < 0)
      return { ok: false, error: "runtime error: slice bounds out of range [:-1]", panic: true };
    const name = rest.slice(rest.indexOf("=") + 1, space);
    const loc = loadLocation(name);
    if (!loc.ok) return { ok: false, error: `provided bad location ${name}: ${loc.error}` };
    location = loc.zone;
    rest = goTrimSpace(rest.slice(space));
  }
  try {
    const schedule = rest.startsWith("@") ? parseDescriptor(rest) : parseFields(rest);
    return { ok: true, schedule: location === undefined ? schedule : { ...schedule, location } };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * The string the controller parses (kubernetes `formatSchedule`): a schedule containing "TZ"
 * is used as is (spec.timeZone then ignored); otherwise a loadable timeZone is prepended.
 */
export function formatSchedule(schedule: string, timeZone: string | undefined): string {
  if (schedule.includes("TZ")) return schedule;
  if (timeZone !== undefined && loadLocation(timeZone).ok) return `TZ=${timeZone} ${schedule}`;
  return schedule;
}

/** True when some field has no value at all (a comma-only field): the schedule never fires. */
export function hasEmptyField(s: CronSchedule): boolean {
  return [s.minute, s.hour, s.dayOfMonth, s.month, s.dayOfWeek].some((v) => v.length === 0);
}
