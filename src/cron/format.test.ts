import { describe, expect, it } from "vitest";
import {
  formatRfc1123z,
  formatScheduledTimestamp,
  scheduledJobName,
  unixMinutes,
} from "./format.ts";
import { cronEventMessages } from "./messages.ts";

const at = (iso: string): number => Date.parse(iso);

describe("scheduled-timestamp annotation (batch spec §4.3, §4.5)", () => {
  it("is RFC 3339 in the CronJob's zone, Z for UTC or any zero offset", () => {
    expect([
      formatScheduledTimestamp(at("2026-01-05T01:00:00Z"), "Europe/Paris"),
      formatScheduledTimestamp(at("2026-01-05T00:01:00Z")),
      formatScheduledTimestamp(at("2026-01-05T00:01:00Z"), "UTC"),
      formatScheduledTimestamp(at("2026-01-05T00:01:00Z"), "Europe/London"),
      formatScheduledTimestamp(at("2026-07-05T00:01:00Z"), "Europe/London"),
      formatScheduledTimestamp(at("2026-01-05T00:01:00Z"), "Asia/Kolkata"),
      formatScheduledTimestamp(at("2026-01-05T00:01:00Z"), "America/New_York"),
      formatScheduledTimestamp(at("2026-10-25T00:30:00Z"), "Europe/Paris"),
      formatScheduledTimestamp(at("2026-10-25T01:30:00Z"), "Europe/Paris"),
    ]).toEqual([
      "2026-01-05T02:00:00+01:00",
      "2026-01-05T00:01:00Z",
      "2026-01-05T00:01:00Z",
      "2026-01-05T00:01:00Z",
      "2026-07-05T01:01:00+01:00",
      "2026-01-05T05:31:00+05:30",
      "2026-01-04T19:01:00-05:00",
      "2026-10-25T02:30:00+02:00",
      "2026-10-25T02:30:00+01:00",
    ]);
  });
});

describe("job names and event times", () => {
  it("names Jobs <cronjob>-<unix minutes>", () => {
    expect([
      unixMinutes(at("2026-01-05T00:00:00Z")),
      unixMinutes(at("2026-01-05T00:00:59.999Z")),
      scheduledJobName("hello", at("2026-01-05T00:01:00Z")),
      scheduledJobName("hello", at("2026-01-05T01:00:00Z")),
    ]).toEqual([29459520, 29459520, "hello-29459521", "hello-29459580"]);
  });

  it("formats MissSchedule times as Go's RFC1123Z in UTC", () => {
    expect(formatRfc1123z(at("2026-01-05T00:01:00Z"))).toBe("Mon, 05 Jan 2026 00:01:00 +0000");
  });
});

describe("cronjob-controller warning texts", () => {
  it("words each cron-related event like kubernetes", () => {
    const m = cronEventMessages;
    expect([
      m.UnknownTimeZone("Europe/Pariss", "unknown time zone Europe/Pariss"),
      m.UnparseableSchedule("61 * * * *", "end of range (61) above maximum (59): 61"),
      m.InvalidSchedule(
        "0 0 30 2 *",
        "time difference between two schedules is less than 1 second",
      ),
      m.UnsupportedSchedule("TZ=UTC 0 * * * *"),
      m.TooManyMissedTimes(),
      m.MissSchedule(at("2026-01-05T00:01:00Z")),
    ]).toEqual([
      'invalid timeZone: "Europe/Pariss": unknown time zone Europe/Pariss',
      'unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61',
      "invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second",
      'CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
      "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
      "Missed scheduled time to start a job: Mon, 05 Jan 2026 00:01:00 +0000",
    ]);
  });
});
