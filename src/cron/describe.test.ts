import { describe, expect, it } from "vitest";
import { describeSchedule } from "./describe.ts";
import { previewRuns } from "./preview.ts";

const text = (spec: string): string => {
  const r = describeSchedule(spec, "en");
  return r.ok ? r.text : `error: ${r.error}`;
};
const iso = (t: number): string => new Date(t).toISOString().replace(".000Z", "Z");

describe("describeSchedule (cron-semantics §9)", () => {
  it("describes what Kubernetes runs, with the OR rule said as 'or'", () => {
    const specs = [
      "0 2 * * *",
      "*/15 * * * *",
      "0 0 13 * 5",
      "0 12 1-31 * 3",
      "0 0 */2 * 1",
      "0 0 */1 * MON",
      "0 0 1-7 * MON",
      "0 0 1 * 0-6",
      "0 0 29 2 MON",
      "30 6-16/4 * * 1-5",
      "*/61 * * * *",
      "0 0 * * MON/2",
      "+5 007 * * *",
      "@midnight",
      "@weekly",
      "@every 1h30m",
      "@every 30s",
      "0 0 , * *",
      "0 0 * * 7",
      "0 0 L * *",
    ];
    expect(Object.fromEntries(specs.map((s) => [s, text(s)]))).toEqual({
      "0 2 * * *": "At 02:00",
      "*/15 * * * *": "Every 15 minutes",
      "0 0 13 * 5": "At 00:00, on day 13 of the month, or on Friday",
      "0 12 1-31 * 3": "At 12:00, between day 1 and 31 of the month, or on Wednesday",
      "0 0 */2 * 1": "At 00:00, every 2 days in a month, or on Monday",
      "0 0 */1 * MON": "At 00:00, only on Monday",
      "0 0 1-7 * MON": "At 00:00, between day 1 and 7 of the month, or on Monday",
      "0 0 1 * 0-6": "At 00:00, on day 1 of the month, or Sunday through Saturday",
      "0 0 29 2 MON": "At 00:00, on day 29 of the month, or on Monday, only in February",
      "30 6-16/4 * * 1-5":
        "At 30 minutes past the hour, every 4 hours, between 06:00 and 14:59, Monday through Friday",
      "*/61 * * * *": "Every hour",
      "0 0 * * MON/2": "At 00:00, only on Monday, Wednesday, and Friday",
      "+5 007 * * *": "At 07:05",
      "@midnight": "At 00:00",
      "@weekly": "At 00:00, only on Sunday",
      "@every 1h30m": "Every 1 hour, 30 minutes",
      "@every 30s": "Every 30 seconds",
      "0 0 , * *": "Never (a field has no values)",
      "0 0 * * 7": "error: end of range (7) above maximum (6): 7",
      "0 0 L * *": 'error: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
    });
  });
});

describe("previewRuns", () => {
  it("shows the Paris spring skip", () => {
    const p = previewRuns("30 2 * * *", "Europe/Paris", Date.parse("2026-03-27T12:00:00Z"), 3);
    expect(p.ok && { ...p, runs: p.runs.map(iso) }).toEqual({
      ok: true,
      description: "At 02:30",
      zone: "Europe/Paris",
      runs: ["2026-03-28T01:30:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"],
      warnings: [
        {
          kind: "dst-skip",
          at: Date.parse("2026-03-29T01:00:00Z"),
          message:
            "On 2026-03-29 clocks in Europe/Paris jump from 02:00 to 03:00: 02:30 does not exist that day, so that run is skipped.",
        },
      ],
    });
  });

  it("shows the Paris autumn double run and the OR trap", () => {
    const p = previewRuns("30 2 25 * SUN", "Europe/Paris", Date.parse("2026-10-24T12:00:00Z"), 2);
    expect(p.ok && { ...p, runs: p.runs.map(iso) }).toEqual({
      ok: true,
      description: "At 02:30, on day 25 of the month, or on Sunday",
      zone: "Europe/Paris",
      runs: ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"],
      warnings: [
        {
          kind: "dom-dow-or",
          message:
            "Day of month (25) and day of week (SUN) are both restricted, so the schedule runs on every day that matches either of them, not only on days matching both.",
        },
        {
          kind: "dst-repeat",
          at: Date.parse("2026-10-25T01:00:00Z"),
          message:
            "On 2026-10-25 clocks in Europe/Paris go back from 03:00 to 02:00: 02:30 happens twice, and the schedule fires both times.",
        },
      ],
    });
  });

  it("notes a DST change that only shifts the UTC time", () => {
    const p = previewRuns("0 9 * * *", "Europe/Paris", Date.parse("2026-03-28T00:00:00Z"), 2);
    expect(p.ok && { runs: p.runs.map(iso), warnings: p.warnings }).toEqual({
      runs: ["2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"],
      warnings: [
        {
          kind: "dst-shift",
          at: Date.parse("2026-03-29T01:00:00Z"),
          message:
            "On 2026-03-29 clocks in Europe/Paris change from UTC+01:00 to UTC+02:00: runs keep their local time, so they happen 1 hour earlier in UTC.",
        },
      ],
    });
  });

  it("warns about never-firing schedules and sub-minute @every", () => {
    const never = previewRuns("0 0 30 2 *", undefined, Date.parse("2026-01-05T00:00:00Z"), 3);
    const every = previewRuns("@every 30s", "Europe/Paris", Date.parse("2026-01-05T00:00:00Z"), 2);
    expect([never, every.ok && { ...every, runs: every.runs.map(iso) }]).toEqual([
      {
        ok: true,
        description: "At 00:00, on day 30 of the month, only in February",
        zone: "UTC",
        runs: [],
        warnings: [
          {
            kind: "never",
            message:
              "This schedule never fires: no date matches it in the next 5 years. Kubernetes accepts it, then reports InvalidSchedule and creates no Job.",
          },
        ],
      },
      {
        ok: true,
        description: "Every 30 seconds",
        zone: "Europe/Paris",
        runs: ["2026-01-05T00:00:30Z", "2026-01-05T00:01:00Z"],
        warnings: [
          {
            kind: "every-sub-minute",
            message:
              "@every 30s fires more than once a minute, but Job names use the minute, so the CronJob creates at most one Job per minute.",
          },
          {
            kind: "every-ignores-time-zone",
            message:
              "@every counts a fixed interval from the last run: the time zone (and daylight saving time) has no effect on it.",
          },
        ],
      },
    ]);
  });

  it("returns the API server's errors for schedules it would reject", () => {
    expect(previewRuns("0 0 * * 7", "Europe/Pariss", 0, 3)).toEqual({
      ok: false,
      errors: [
        'spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7',
        'spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
      ],
    });
  });
});

describe("@every and never-firing schedules in French and Russian", () => {
  it("speaks the learner's language, with Russian plural forms", () => {
    expect(describeSchedule("@every 1h30m", "fr")).toEqual({
      ok: true,
      text: "Toutes les 1 heure, 30 minutes",
    });
    expect(describeSchedule("@every 90s", "ru")).toEqual({
      ok: true,
      text: "Каждые 1 минуту, 30 секунд",
    });
    expect(describeSchedule("@every 3h", "ru")).toEqual({ ok: true, text: "Каждые 3 часа" });
    expect(describeSchedule("@every 3h", "en")).toEqual({ ok: true, text: "Every 3 hours" });
  });
});
