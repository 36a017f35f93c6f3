import { describe, expect, it } from "vitest";
import { findSchedules, scheduleHint } from "./schedules.ts";
import { TEMPLATES } from "../files/templates.ts";

const cron = TEMPLATES.find((t) => t.id === "cronjob")!.text;
const now = Date.parse("2026-01-05T00:00:00Z"); // a Monday

describe("schedules in the editor", () => {
  it("finds each CronJob's schedule and zone, and only CronJobs'", () => {
    const job = TEMPLATES.find((t) => t.id === "job")!.text;
    const text = job + "---\n" + cron + "---\n" + cron.replace(/ {2}timeZone.*\n/, "");
    expect(findSchedules(text)).toEqual([
      { name: "nightly-backup", schedule: "0 2 * * *", timeZone: "Europe/Paris", line: 22 },
      { name: "nightly-backup", schedule: "0 2 * * *", timeZone: undefined, line: 44 },
    ]);
  });

  it("words the schedule and shows the next runs in the CronJob's zone", () => {
    const [site] = findSchedules(cron);
    expect(scheduleHint(site, now)).toBe(
      "At 02:00 — next Mon 5 Jan, 02:00 CET · Tue 6 Jan, 02:00 CET",
    );
    expect(scheduleHint({ ...site, timeZone: undefined }, now)).toBe(
      "At 02:00 — next Mon 5 Jan, 02:00 UTC · Tue 6 Jan, 02:00 UTC",
    );
  });

  it("flags the day-of-month/day-of-week OR trap, and says nothing for a bad schedule", () => {
    const [site] = findSchedules(cron.replace("0 2 * * *", "0 2 13 * 5"));
    expect(scheduleHint(site, now)).toMatch(/⚠$/);
    expect(scheduleHint({ ...site, schedule: "61 * * * *" }, now)).toBe("");
  });
});
