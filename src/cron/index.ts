// The cron leaf: robfig/cron v3 parsing, next-run search, the CronJob controller's
// missed-schedule maths, API-server validation and schedule previews. Pure functions.
export type { CronSchedule, EverySchedule, ParseResult, Schedule } from "./parse.ts";
export { formatSchedule, parseSchedule } from "./parse.ts";
export { SEARCH_YEARS, nextAfter, nextRuns, scheduleZone } from "./next.ts";
export type {
  MissedSchedules,
  MostRecentResult,
  NextScheduleTimeResult,
  ScheduleState,
} from "./most-recent.ts";
export {
  NEXT_SCHEDULE_DELTA_MS,
  TOO_SHORT_GAP,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
} from "./most-recent.ts";
export type { CronFieldError, FieldErrorType, ScheduleValidationOptions } from "./validate.ts";
export {
  renderFieldError,
  renderValue,
  validateSchedule,
  validateScheduleField,
  validateTimeZone,
} from "./validate.ts";
export {
  SCHEDULED_TIMESTAMP_ANNOTATION,
  formatRfc1123z,
  formatScheduledTimestamp,
  scheduledJobName,
  unixMinutes,
} from "./format.ts";
export { cronEventMessages } from "./messages.ts";
export type { DescribeResult } from "./describe.ts";
export { addDescribeLocale, describeParsed, describeSchedule } from "./describe.ts";
export type { PreviewResult, ScheduleWarning, WarningKind } from "./preview.ts";
export { MAX_PREVIEW_RUNS, previewRuns, scheduleWarnings, zoneTransitions } from "./preview.ts";
export type { LoadLocationResult } from "./zone.ts";
export { loadLocation } from "./zone.ts";
export { goQuote } from "./go-strings.ts";
