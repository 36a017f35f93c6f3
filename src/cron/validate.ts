// API-server checks of spec.schedule and spec.timeZone (kubernetes pkg/apis/batch/validation:
// validateScheduleFormat, validateTimeZone; cron-semantics.md §8; batch spec §6.1–§6.2).
import { goQuote } from "./go-strings.ts";
import { parseSchedule } from "./parse.ts";
import { loadLocation } from "./zone.ts";

export type FieldErrorType = "Required" | "Invalid";

/** One field.Error; render with `renderFieldError`. */
export interface CronFieldError {
  readonly field: string;
  readonly type: FieldErrorType;
  readonly value?: unknown;
  readonly detail: string;
}

export interface ScheduleValidationOptions {
  /** The stored object on update: TZ in the old schedule is tolerated, unchanged zones are not re-checked. */
  readonly old?: { readonly schedule: string; readonly timeZone?: string };
  /** Path of the CronJob spec (default "spec"). */
  readonly specPath?: string;
}

const EXPLICIT_ZONE =
  "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
const VALID_TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** apimachinery field.Error.Error() (1.34): `<field>: <type text>[: <value>][: <detail>]`. */
export function renderFieldError(e: CronFieldError): string {
  const head =
    e.type === "Required"
      ? `${e.field}: Required value`
      : `${e.field}: Invalid value: ${renderValue(e.value)}`;
  return e.detail === "" ? head : `${head}: ${e.detail}`;
}

/** Value rendering of field errors: strings Go-quoted, numbers/booleans bare, the rest JSON. */
export function renderValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** validateScheduleFormat plus the Required check of validateCronJobSpec. */
export function validateScheduleField(
  schedule: string | undefined,
  timeZone: string | undefined,
  options: ScheduleValidationOptions = {},
): CronFieldError[] {
  const field = `${options.specPath ?? "spec"}.schedule`;
  if (schedule === undefined || schedule === "") return [{ field, type: "Required", detail: "" }];
  const errors: CronFieldError[] = [];
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) errors.push({ field, type: "Invalid", value: schedule, detail: parsed.error });
  const allowTZInSchedule = options.old?.schedule.includes("TZ") ?? false;
  if (schedule.includes("TZ")) {
    if (!allowTZInSchedule) {
      const detail = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
      errors.push({ field, type: "Invalid", value: schedule, detail });
    } else if (timeZone !== undefined) {
      const detail = "cannot use both timeZone field and TZ or CRON_TZ in schedule";
      errors.push({ field, type: "Invalid", value: schedule, detail });
    }
  }
  return errors;
}

/** validateTimeZone: undefined (nil) is fine; the rest must be an exact tz database name. */
export function validateTimeZone(
  timeZone: string | undefined,
  field = "spec.timeZone",
): CronFieldError[] {
  if (timeZone === undefined) return [];
  const invalid = (detail: string): CronFieldError => ({
    field,
    type: "Invalid",
    value: timeZone,
    detail,
  });
  if (timeZone === "") return [invalid("timeZone must be nil or non-empty string")];
  for (const part of timeZone.split("/")) {
    if (part === "." || part === ".." || part.startsWith("-") || !VALID_TZ_PART.test(part)) {
      return [invalid(`unknown time zone ${timeZone}`)];
    }
  }
  const errors: CronFieldError[] = [];
  // strings.EqualFold; the character check above already limited the name to ASCII.
  if (timeZone.toLowerCase() === "local") errors.push(invalid(EXPLICIT_ZONE));
  const loc = loadLocation(timeZone);
  if (!loc.ok) errors.push(invalid(loc.error));
  return errors;
}

/**
 * Both checks in the API server's order (schedule, then time zone). The API server itself
 * validates startingDeadlineSeconds between the two, so it should call
 * `validateScheduleField` and `validateTimeZone` separately.
 */
export function validateSchedule(
  schedule: string | undefined,
  timeZone: string | undefined,
  options: ScheduleValidationOptions = {},
): CronFieldError[] {
  const errors = validateScheduleField(schedule, timeZone, options);
  const zoneChanged = options.old === undefined || options.old.timeZone !== timeZone;
  if (zoneChanged)
    errors.push(...validateTimeZone(timeZone, `${options.specPath ?? "spec"}.timeZone`));
  return errors;
}
