import { describe, expect, it } from "vitest";
import {
  renderFieldError,
  validateSchedule,
  validateScheduleField,
  validateTimeZone,
} from "./validate.ts";
import type { ScheduleValidationOptions } from "./validate.ts";

const rendered = (
  schedule: string | undefined,
  timeZone?: string,
  options?: ScheduleValidationOptions,
): string[] => validateSchedule(schedule, timeZone, options).map(renderFieldError);

describe("validateSchedule (batch spec §6.2, cron-semantics §8)", () => {
  it("words the catalogue's schedule and time-zone mistakes exactly", () => {
    expect({
      fourFields: rendered("*/5 * * *"),
      minute61: rendered("61 * * * *"),
      dow7: rendered("0 0 * * 7"),
      tzPrefix: rendered("TZ=UTC 0 * * * *"),
      empty: rendered(""),
      missing: rendered(undefined),
      unknownZone: rendered("0 2 * * *", "Europe/Pariss"),
      local: rendered("0 2 * * *", "Local"),
      emptyZone: rendered("0 2 * * *", ""),
      valid: rendered("0 2 * * *", "Europe/Paris"),
      never: rendered("0 0 30 2 *"),
      every: rendered("@every 1h30m"),
    }).toEqual({
      fourFields: [
        'spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
      ],
      minute61: [
        'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
      ],
      dow7: ['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7'],
      tzPrefix: [
        'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
      empty: ["spec.schedule: Required value"],
      missing: ["spec.schedule: Required value"],
      unknownZone: [
        'spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
      ],
      local: [
        'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ],
      emptyZone: ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
      valid: [],
      never: [],
      every: [],
    });
  });

  it("reports a bad TZ= location and the TZ rule together, then the timeZone errors", () => {
    expect(rendered("TZ=Nowhere/Bogus 0 * * * *", "")).toEqual([
      'spec.schedule: Invalid value: "TZ=Nowhere/Bogus 0 * * * *": provided bad location Nowhere/Bogus: unknown time zone Nowhere/Bogus',
      'spec.schedule: Invalid value: "TZ=Nowhere/Bogus 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string',
    ]);
  });

  it("on update tolerates an old TZ schedule, but not together with timeZone", () => {
    const old = { schedule: "CRON_TZ=UTC 0 * * * *" };
    expect([
      rendered("CRON_TZ=UTC 0 1 * * *", undefined, { old }),
      rendered("CRON_TZ=UTC 0 1 * * *", "UTC", { old }),
      rendered("0 1 * * *", "Europe/Pariss", {
        old: { schedule: "0 1 * * *", timeZone: "Europe/Pariss" },
      }),
    ]).toEqual([
      [],
      [
        'spec.schedule: Invalid value: "CRON_TZ=UTC 0 1 * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule',
      ],
      [],
    ]);
  });

  it("returns structured errors for the API server, with a configurable spec path", () => {
    expect(validateScheduleField("61 * * * *", undefined, { specPath: "spec" })).toEqual([
      {
        field: "spec.schedule",
        type: "Invalid",
        value: "61 * * * *",
        detail: "end of range (61) above maximum (59): 61",
      },
    ]);
    expect(validateSchedule("", "Local", { specPath: "template.spec" })).toEqual([
      { field: "template.spec.schedule", type: "Required", detail: "" },
      {
        field: "template.spec.timeZone",
        type: "Invalid",
        value: "Local",
        detail:
          "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
      },
    ]);
  });

  it("Go-quotes values in rendered errors", () => {
    expect(rendered('0 0 * * "x"\t')).toEqual([
      'spec.schedule: Invalid value: "0 0 * * \\"x\\"\\t": failed to parse int from "x": strconv.Atoi: parsing "\\"x\\"": invalid syntax',
    ]);
  });
});

describe("validateTimeZone (kubernetes validateTimeZone + Go LoadLocation)", () => {
  const zones = [
    "Europe/Paris",
    "UTC",
    "Etc/UTC",
    "US/Eastern",
    "EST5EDT",
    "Etc/GMT+5",
    "Asia/Calcutta",
    "Asia/Kolkata",
    "America/Argentina/Buenos_Aires",
    "europe/paris",
    "utc",
    "Europe/Pariss",
    "Local",
    "local",
    "LOCAL",
    "",
    "UTC+3",
    "Europe/../Paris",
    "./UTC",
    "-Europe",
    "Europe/a..b",
    "America/Argentina/ComodRivadavia",
    "Antarctica/DumontDUrville",
    "Europe/Paris ",
    "Factory",
  ];
  it("accepts exact-case tz database names and links only", () => {
    const out = Object.fromEntries(zones.map((z) => [z, validateTimeZone(z).map((e) => e.detail)]));
    expect(out).toEqual({
      "Europe/Paris": [],
      UTC: [],
      "Etc/UTC": [],
      "US/Eastern": [],
      EST5EDT: [],
      "Etc/GMT+5": [],
      "Asia/Calcutta": [],
      "Asia/Kolkata": [],
      "America/Argentina/Buenos_Aires": [],
      "europe/paris": ["unknown time zone europe/paris"],
      utc: ["unknown time zone utc"],
      "Europe/Pariss": ["unknown time zone Europe/Pariss"],
      Local: [
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
      ],
      local: [
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        "unknown time zone local",
      ],
      LOCAL: [
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        "unknown time zone LOCAL",
      ],
      "": ["timeZone must be nil or non-empty string"],
      "UTC+3": ["unknown time zone UTC+3"],
      "Europe/../Paris": ["unknown time zone Europe/../Paris"],
      "./UTC": ["unknown time zone ./UTC"],
      "-Europe": ["unknown time zone -Europe"],
      "Europe/a..b": ["time: invalid location name"],
      "America/Argentina/ComodRivadavia": [],
      "Antarctica/DumontDUrville": [],
      "Europe/Paris ": ["unknown time zone Europe/Paris "],
      Factory: ["unknown time zone Factory"],
    });
    expect(validateTimeZone(undefined)).toEqual([]);
  });
});
