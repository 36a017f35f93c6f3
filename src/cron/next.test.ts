import { describe, expect, it } from "vitest";
import { nextAfter, nextRuns } from "./next.ts";
import { parseSchedule } from "./parse.ts";
import type { Schedule } from "./parse.ts";

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString().replace(".000Z", "Z");

function schedule(spec: string): Schedule {
  const r = parseSchedule(spec);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

/** The next `n` fire times as UTC ISO strings. */
const runs = (spec: string, from: string, n: number, tz?: string): string[] =>
  nextRuns(schedule(spec), at(from), n, tz).map(iso);

// The lab clock starts on Monday 2026-01-05T00:00:00Z (batch spec §0).
const T0 = "2026-01-05T00:00:00Z";

describe("nextAfter: basics", () => {
  it("is strictly after, to the second: `*/1` created at 00:00:00 first runs at 00:01:00", () => {
    expect(runs("*/1 * * * *", T0, 3)).toEqual([
      "2026-01-05T00:01:00Z",
      "2026-01-05T00:02:00Z",
      "2026-01-05T00:03:00Z",
    ]);
    expect(runs("* * * * *", "2026-01-05T00:00:59.999Z", 1)).toEqual(["2026-01-05T00:01:00Z"]);
  });

  it("runs @weekly on Sunday midnight, @monthly on day 1, @yearly on Jan 1", () => {
    expect(runs("@weekly", T0, 2)).toEqual(["2026-01-11T00:00:00Z", "2026-01-18T00:00:00Z"]);
    expect(runs("@monthly", T0, 2)).toEqual(["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"]);
    expect(runs("@yearly", T0, 1)).toEqual(["2027-01-01T00:00:00Z"]);
    expect(runs("@hourly", T0, 2)).toEqual(["2026-01-05T01:00:00Z", "2026-01-05T02:00:00Z"]);
  });

  it("runs @every 1h30m from the reference time, dropping its sub-second part, ignoring zones", () => {
    expect(runs("@every 1h30m", T0, 3, "Europe/Paris")).toEqual([
      "2026-01-05T01:30:00Z",
      "2026-01-05T03:00:00Z",
      "2026-01-05T04:30:00Z",
    ]);
    expect(runs("@every 90s", "2026-01-05T00:00:00.750Z", 2)).toEqual([
      "2026-01-05T00:01:30Z",
      "2026-01-05T00:03:00Z",
    ]);
    expect(runs("@every 1h", "2026-03-29T00:30:00Z", 3, "Europe/Paris")).toEqual([
      "2026-03-29T01:30:00Z",
      "2026-03-29T02:30:00Z",
      "2026-03-29T03:30:00Z",
    ]);
  });

  it("never fires for impossible dates or empty fields", () => {
    expect(nextAfter(schedule("0 0 30 2 *"), at(T0))).toBeUndefined();
    expect(nextAfter(schedule("0 0 31 4,6 *"), at(T0))).toBeUndefined();
    expect(nextAfter(schedule("59 23 31 2 *"), at(T0))).toBeUndefined();
    expect(nextAfter(schedule("0 0 , * *"), at(T0))).toBeUndefined();
  });

  it("gives up after robfig's five calendar years (Feb 29 from 2096-03 to 2098)", () => {
    const feb29 = schedule("0 0 29 2 *");
    expect([
      nextAfter(feb29, at("2026-01-05T00:00:00Z")),
      nextAfter(feb29, at("2096-03-01T00:00:00Z")),
      nextAfter(feb29, at("2098-12-31T23:59:58.999Z")),
      nextAfter(feb29, at("2099-01-01T00:00:00Z")),
    ]).toEqual([at("2028-02-29T00:00:00Z"), undefined, undefined, at("2104-02-29T00:00:00Z")]);
  });
});

describe("nextAfter: day-of-month / day-of-week OR rule (§4)", () => {
  it("0 0 13 * 5 = every 13th or every Friday", () => {
    expect(runs("0 0 13 * 5", T0, 5)).toEqual([
      "2026-01-09T00:00:00Z",
      "2026-01-13T00:00:00Z",
      "2026-01-16T00:00:00Z",
      "2026-01-23T00:00:00Z",
      "2026-01-30T00:00:00Z",
    ]);
  });

  it("0 12 1-31 * 3 = every day at 12:00", () => {
    expect(runs("0 12 1-31 * 3", T0, 3)).toEqual([
      "2026-01-05T12:00:00Z",
      "2026-01-06T12:00:00Z",
      "2026-01-07T12:00:00Z",
    ]);
  });

  it("0 0 */2 * 1 = odd days or Mondays; 0 0 */1 * MON = Mondays only", () => {
    expect(runs("0 0 */2 * 1", T0, 6)).toEqual([
      "2026-01-07T00:00:00Z",
      "2026-01-09T00:00:00Z",
      "2026-01-11T00:00:00Z",
      "2026-01-12T00:00:00Z",
      "2026-01-13T00:00:00Z",
      "2026-01-15T00:00:00Z",
    ]);
    expect(runs("0 0 */1 * MON", T0, 2)).toEqual(["2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"]);
  });

  it("the rest of the §4 table", () => {
    expect({
      "0 0 1-7 * MON": runs("0 0 1-7 * MON", "2026-01-31T00:00:00Z", 9),
      "0 0 1 * 0-6": runs("0 0 1 * 0-6", T0, 2),
      "0 0 1 * *,1": runs("0 0 1 * *,1", T0, 2),
      "0 0 ? * MON": runs("0 0 ? * MON", T0, 2),
      "0 0 * * MON": runs("0 0 * * MON", T0, 2),
      "0 0 29 2 MON": runs("0 0 29 2 MON", T0, 5),
      "0 0 * * 5": runs("0 0 * * 5", T0, 2),
    }).toEqual({
      "0 0 1-7 * MON": [
        "2026-02-01T00:00:00Z",
        "2026-02-02T00:00:00Z",
        "2026-02-03T00:00:00Z",
        "2026-02-04T00:00:00Z",
        "2026-02-05T00:00:00Z",
        "2026-02-06T00:00:00Z",
        "2026-02-07T00:00:00Z",
        "2026-02-09T00:00:00Z",
        "2026-02-16T00:00:00Z",
      ],
      "0 0 1 * 0-6": ["2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z"],
      "0 0 1 * *,1": ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"],
      "0 0 ? * MON": ["2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"],
      "0 0 * * MON": ["2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"],
      "0 0 29 2 MON": [
        "2026-02-02T00:00:00Z",
        "2026-02-09T00:00:00Z",
        "2026-02-16T00:00:00Z",
        "2026-02-23T00:00:00Z",
        "2027-02-01T00:00:00Z",
      ],
      "0 0 * * 5": ["2026-01-09T00:00:00Z", "2026-01-16T00:00:00Z"],
    });
  });
});

describe("nextAfter: time zones and DST (§5, batch spec §4.2–§4.3)", () => {
  it("Europe/Paris 0 2 * * * from 2026-01-05T00:00Z runs at 02:00 CET = 01:00Z", () => {
    expect(runs("0 2 * * *", T0, 1, "Europe/Paris")).toEqual(["2026-01-05T01:00:00Z"]);
    expect(runs("0 2 * * *", T0, 1)).toEqual(["2026-01-05T02:00:00Z"]);
  });

  it("spring 2026-03-29 in Paris: 02:30 does not exist and is skipped, no catch-up", () => {
    expect(runs("30 2 * * *", "2026-03-27T12:00:00Z", 3, "Europe/Paris")).toEqual([
      "2026-03-28T01:30:00Z",
      "2026-03-30T00:30:00Z",
      "2026-03-31T00:30:00Z",
    ]);
    expect(runs("15 2,3 * * *", "2024-03-30T12:00:00Z", 2, "Europe/Paris")).toEqual([
      "2024-03-31T01:15:00Z",
      "2024-04-01T00:15:00Z",
    ]);
  });

  it("autumn 2026-10-25 in Paris: 02:30 fires twice, CEST then CET", () => {
    expect(runs("30 2 * * *", "2026-10-24T12:00:00Z", 3, "Europe/Paris")).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-25T01:30:00Z",
      "2026-10-26T01:30:00Z",
    ]);
    // Asked in the middle of the overlap, the second pass is still to come.
    expect(runs("30,45 2 * * *", "2026-10-25T00:35:00Z", 3, "Europe/Paris")).toEqual([
      "2026-10-25T00:45:00Z",
      "2026-10-25T01:30:00Z",
      "2026-10-25T01:45:00Z",
    ]);
  });

  it("hourly schedules stay continuous in absolute time across both changes", () => {
    expect(runs("0 * * * *", "2026-03-28T22:30:00Z", 4, "Europe/Paris")).toEqual([
      "2026-03-28T23:00:00Z",
      "2026-03-29T00:00:00Z",
      "2026-03-29T01:00:00Z",
      "2026-03-29T02:00:00Z",
    ]);
    expect(runs("0 * * * *", "2026-10-24T23:30:00Z", 3, "Europe/Paris")).toEqual([
      "2026-10-25T00:00:00Z",
      "2026-10-25T01:00:00Z",
      "2026-10-25T02:00:00Z",
    ]);
  });

  it("New York 0 1-3 * * * on 2024-11-03: 01:00 EDT, 01:00 EST, 02:00 EST, 03:00 EST", () => {
    expect(runs("0 1-3 * * *", "2024-11-03T00:00:00Z", 4, "America/New_York")).toEqual([
      "2024-11-03T05:00:00Z",
      "2024-11-03T06:00:00Z",
      "2024-11-03T07:00:00Z",
      "2024-11-03T08:00:00Z",
    ]);
  });

  it("Sydney: 02:30 twice on 2024-04-07, skipped on 2024-10-06", () => {
    expect(runs("30 2 * * *", "2024-04-06T00:00:00Z", 2, "Australia/Sydney")).toEqual([
      "2024-04-06T15:30:00Z",
      "2024-04-06T16:30:00Z",
    ]);
    expect(runs("30 2 * * *", "2024-10-05T00:00:00Z", 1, "Australia/Sydney")).toEqual([
      "2024-10-06T15:30:00Z",
    ]);
  });

  it("uses a legacy TZ= prefix over the timeZone argument", () => {
    expect(runs("TZ=Asia/Kolkata 0 2 * * *", T0, 1, "Europe/Paris")).toEqual([
      "2026-01-05T20:30:00Z",
    ]);
  });
});
