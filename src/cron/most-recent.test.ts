import { describe, expect, it } from "vitest";
import {
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
} from "./most-recent.ts";
import type { ScheduleState } from "./most-recent.ts";
import { parseSchedule } from "./parse.ts";
import type { Schedule } from "./parse.ts";

// The kubernetes utils_test.go reference time: 2016-05-19T10:00:00Z, a Thursday.
const T = Date.parse("2016-05-19T10:00:00Z");
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function schedule(spec: string): Schedule {
  const r = parseSchedule(spec);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

/** One row of cron-semantics.md §6: due time relative to T (or "none"), missed, or the error. */
function row(spec: string, state: ScheduleState, now: number): string {
  const r = mostRecentScheduleTime(schedule(spec), state, now, true);
  if (!r.ok) return `error: ${r.error}`;
  const due =
    r.due === undefined ? "none" : `T${r.due >= T ? "+" : "-"}${Math.abs(r.due - T) / M}m`;
  return `due ${due}, missed ${r.missed}`;
}

describe("mostRecentScheduleTime (kubernetes utils_test.go, cron-semantics §6)", () => {
  it("reproduces the reference table, including the lost Friday 12:30", () => {
    expect([
      row("0 * * * *", { creationTimestamp: T }, T + 30 * S),
      row("0 * * * *", { creationTimestamp: T }, T + 61 * M),
      row("0 * * * *", { creationTimestamp: T + 10 * S }, T + 301 * M),
      row(
        "30 6-16/4 * * 1-5",
        { creationTimestamp: T, lastScheduleTime: T + 30 * M },
        T + 24 * H + 31 * M,
      ),
      row(
        "30 10,11,12 * * 1-5",
        { creationTimestamp: T, lastScheduleTime: T + 30 * M },
        T + 30 * H + 30 * M,
      ),
      row(
        "30 6-16/4 * * 1-5",
        { creationTimestamp: T, lastScheduleTime: T + 30 * M },
        T + 96 * H + 31 * M,
      ),
      row("@every 1h", { creationTimestamp: T - 59 * M, lastScheduleTime: T + M }, T + 7 * D),
      row("59 23 31 2 *", { creationTimestamp: T + 10 * S }, T + H),
    ]).toEqual([
      "due none, missed none",
      "due T+60m, missed none",
      "due T+300m, missed few",
      "due T+1470m, missed few",
      "due none, missed few",
      "due T+5790m, missed few",
      "due T+10021m, missed many",
      "error: time difference between two schedules is less than 1 second",
    ]);
  });

  it("moves earliest to now − startingDeadlineSeconds only when asked", () => {
    const state: ScheduleState = { creationTimestamp: T, startingDeadlineSeconds: 200 };
    const now = T + 200 * M;
    expect([
      mostRecentScheduleTime(schedule("*/1 * * * *"), state, now, true),
      mostRecentScheduleTime(schedule("*/1 * * * *"), state, now, false),
    ]).toEqual([
      { ok: true, earliest: now - 200 * S, due: now, missed: "few" },
      { ok: true, earliest: T, due: now, missed: "many" },
    ]);
  });

  it("evaluates spec.timeZone: 0 2 * * * in Paris is due at 01:00Z", () => {
    const created = Date.parse("2026-01-05T00:00:00Z");
    const state: ScheduleState = { creationTimestamp: created, timeZone: "Europe/Paris" };
    expect(mostRecentScheduleTime(schedule("0 2 * * *"), state, created + 61 * M, true)).toEqual({
      ok: true,
      earliest: created,
      due: Date.parse("2026-01-05T01:00:00Z"),
      missed: "none",
    });
  });
});

describe("nextScheduleTime", () => {
  it("returns the due time and flags too many missed times, still running the latest", () => {
    expect([
      nextScheduleTime(schedule("*/1 * * * *"), { creationTimestamp: T }, T + 200 * M),
      nextScheduleTime(schedule("*/1 * * * *"), { creationTimestamp: T }, T + 30 * S),
      nextScheduleTime(schedule("0 0 30 2 *"), { creationTimestamp: T }, T + 30 * S),
    ]).toEqual([
      { ok: true, scheduledTime: T + 200 * M, tooManyMissed: true },
      { ok: true, scheduledTime: undefined, tooManyMissed: false },
      { ok: false, error: "time difference between two schedules is less than 1 second" },
    ]);
  });
});

describe("nextScheduleTimeDuration (requeue delay, cron-semantics §6)", () => {
  it("matches the kubernetes tests", () => {
    const last = { creationTimestamp: T, lastScheduleTime: T + 30 * M };
    expect([
      nextScheduleTimeDuration(schedule("30 6-16/4 * * 1-5"), last, T + 24 * H + 31 * M),
      nextScheduleTimeDuration(schedule("30 10,11,12 * * 1-5"), last, T + 30 * H + 30 * M),
      nextScheduleTimeDuration(
        schedule("0 12 * * 4"),
        { creationTimestamp: T, lastScheduleTime: T + 2 * H },
        T + 19 * D + H + 30 * M,
      ),
      nextScheduleTimeDuration(schedule("0 12 * * 5"), { creationTimestamp: T }, T + 6 * H),
      nextScheduleTimeDuration(schedule("0 0 30 2 *"), { creationTimestamp: T }, T + 6 * H),
    ]).toEqual([
      3 * H + 59 * M + 100,
      66 * H + 100,
      48 * H + 30 * M + 100,
      20 * H + 100,
      undefined,
    ]);
  });
});
