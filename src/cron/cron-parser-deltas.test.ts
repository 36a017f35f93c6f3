// One test per row of cron-semantics.md §7: what Kubernetes does (our result) next to what
// cron-parser 5.10.5 does with the same input, proving each delta is real and handled.
import { CronExpressionParser } from "cron-parser";
import { describe, expect, it } from "vitest";
import { nextRuns } from "./next.ts";
import { parseSchedule } from "./parse.ts";
import { validateTimeZone } from "./validate.ts";

const T0 = "2026-01-05T00:00:00Z";
const iso = (t: number): string => new Date(t).toISOString().replace(".000Z", "Z");

/** Kubernetes: the next runs, or robfig's error. */
function k8s(spec: string, from = T0, n = 3, tz?: string): string[] | string {
  const r = parseSchedule(spec);
  if (!r.ok) return r.error;
  return nextRuns(r.schedule, Date.parse(from), n, tz).map(iso);
}

/** cron-parser called the recommended way (instant + explicit tz). */
function cronParser(expr: string, from = T0, n = 3, tz = "UTC"): string[] | string {
  try {
    const it = CronExpressionParser.parse(expr, { currentDate: new Date(from), tz });
    return it.take(n).map((d) => (d.toISOString() ?? "").replace(".000Z", "Z"));
  } catch (e) {
    return `throws: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const EVERY_MINUTE = ["2026-01-05T00:01:00Z", "2026-01-05T00:02:00Z"];

describe("§7 deltas between Kubernetes and cron-parser 5.x", () => {
  it("1: exactly five fields", () => {
    expect([k8s("* * * *"), k8s("0 * * * * *"), k8s("")]).toEqual([
      "expected exactly 5 fields, found 4: [* * * *]",
      "expected exactly 5 fields, found 6: [0 * * * * *]",
      "empty spec string",
    ]);
    expect([cronParser("* * * *", T0, 2), cronParser("", T0, 2)]).toEqual([
      EVERY_MINUTE,
      EVERY_MINUTE,
    ]);
  });

  it("2: L, W, #, H are rejected", () => {
    expect([k8s("0 0 L * *"), k8s("0 0 * * 1#2"), k8s("H * * * *")]).toEqual([
      'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax',
      'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax',
    ]);
    expect(cronParser("0 0 L * *", T0, 1)).toEqual(["2026-01-31T00:00:00Z"]);
  });

  it("3: 7 is not Sunday", () => {
    expect([k8s("0 0 * * 7"), k8s("0 0 * * 5-7")]).toEqual([
      "end of range (7) above maximum (6): 7",
      "end of range (7) above maximum (6): 5-7",
    ]);
    expect(cronParser("0 0 * * 7", T0, 1)).toEqual(["2026-01-11T00:00:00Z"]);
  });

  it("4: open-ended day-of-week steps stop at Saturday", () => {
    expect(k8s("0 0 * * MON/2", T0, 4)).toEqual([
      "2026-01-07T00:00:00Z",
      "2026-01-09T00:00:00Z",
      "2026-01-12T00:00:00Z",
      "2026-01-14T00:00:00Z",
    ]);
    expect(cronParser("0 0 * * MON/2", T0, 4)).toEqual([
      "2026-01-07T00:00:00Z",
      "2026-01-09T00:00:00Z",
      "2026-01-11T00:00:00Z",
      "2026-01-12T00:00:00Z",
    ]);
  });

  it("5: duplicates and overlaps are fine", () => {
    expect([k8s("0,0 * * * *", T0, 1), k8s("1-10,5 * * * *", T0, 1)]).toEqual([
      ["2026-01-05T01:00:00Z"],
      ["2026-01-05T00:01:00Z"],
    ]);
    expect(cronParser("0,0 * * * *")).toBe(
      "throws: CronMinute Validation error, duplicate values found: 0",
    );
  });

  it("6: empty list items are dropped; a comma-only field never fires", () => {
    expect([k8s("1,,2 * * * *", T0, 2), k8s("0 0 , * *")]).toEqual([
      ["2026-01-05T00:01:00Z", "2026-01-05T00:02:00Z"],
      [],
    ]);
    expect(cronParser("1,,2 * * * *")).toBe("throws: Invalid list value format");
  });

  it("7: `+5` is 5 and `*-5` is `*`", () => {
    expect([k8s("+5 * * * *", T0, 1), k8s("*-5 * * * *", T0, 1)]).toEqual([
      ["2026-01-05T00:05:00Z"],
      ["2026-01-05T00:01:00Z"],
    ]);
    expect([cronParser("+5 * * * *"), cronParser("*-5 * * * *")]).toEqual([
      "throws: Invalid characters, got value: +5",
      "throws: Invalid wildcard, got value: *-5",
    ]);
  });

  it("8: names are exact three-letter tokens", () => {
    expect(k8s("0 0 1 janfeb *")).toBe(
      'failed to parse int from janfeb: strconv.Atoi: parsing "janfeb": invalid syntax',
    );
    expect(cronParser("0 0 1 janfeb *", T0, 1)).toEqual(["2026-12-01T00:00:00Z"]);
  });

  it("9: descriptors are robfig's (@midnight, @every; no @minutely/@weekdays)", () => {
    expect([
      k8s("@midnight", T0, 1),
      k8s("@every 1h", T0, 1),
      k8s("@minutely"),
      k8s("@weekdays"),
    ]).toEqual([
      ["2026-01-06T00:00:00Z"],
      ["2026-01-05T01:00:00Z"],
      "unrecognized descriptor: @minutely",
      "unrecognized descriptor: @weekdays",
    ]);
    expect([cronParser("@midnight"), cronParser("@minutely", T0, 1)]).toEqual([
      'throws: Validation error, cannot resolve alias "mid"',
      ["2026-01-05T00:01:00Z"],
    ]);
  });

  it("10: `*/1` keeps the star mark, so day fields are ANDed", () => {
    expect(k8s("0 0 */1 * MON", T0, 2)).toEqual(["2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"]);
    expect(cronParser("0 0 */1 * MON", T0, 2)).toEqual([
      "2026-01-06T00:00:00Z",
      "2026-01-07T00:00:00Z",
    ]);
  });

  it("11: an impossible date is valid and never fires", () => {
    expect(k8s("0 0 30 2 *")).toEqual([]);
    expect(cronParser("0 0 30 2 *")).toBe("throws: Invalid explicit day of month definition");
  });

  it("12: spring-forward times are skipped, not moved", () => {
    const from = "2026-03-28T12:00:00Z";
    expect(k8s("30 2 * * *", from, 2, "Europe/Paris")).toEqual([
      "2026-03-30T00:30:00Z",
      "2026-03-31T00:30:00Z",
    ]);
    expect(cronParser("30 2 * * *", from, 2, "Europe/Paris")).toEqual([
      "2026-03-29T01:30:00Z",
      "2026-03-30T00:30:00Z",
    ]);
  });

  it("13: fall-back times fire in both passes", () => {
    const from = "2026-10-24T12:00:00Z";
    expect(k8s("30 2 * * *", from, 2, "Europe/Paris")).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-25T01:30:00Z",
    ]);
    expect(cronParser("30 2 * * *", from, 2, "Europe/Paris")).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-26T01:30:00Z",
    ]);
  });

  it("14: TZ=/CRON_TZ= prefixes load a zone (and are refused at admission, validate.ts)", () => {
    expect(k8s("TZ=Asia/Kolkata 0 2 * * *", T0, 1)).toEqual(["2026-01-05T20:30:00Z"]);
    expect(cronParser("TZ=UTC 0 * * * *")).toBe("throws: Invalid characters, got value: TZ=UTC");
  });

  it("15: error texts are robfig's", () => {
    expect(k8s("61 * * * *")).toBe("end of range (61) above maximum (59): 61");
    expect(cronParser("61 * * * *")).toBe(
      "throws: Constraint error, got value 61 expected range 0-59",
    );
  });

  it("16: zone names are exact-case tz database names", () => {
    const details = (tz: string): string[] => validateTimeZone(tz).map((e) => e.detail);
    expect([
      details("europe/paris"),
      details("utc"),
      details("UTC+3"),
      details("US/Eastern"),
    ]).toEqual([
      ["unknown time zone europe/paris"],
      ["unknown time zone utc"],
      ["unknown time zone UTC+3"],
      [],
    ]);
    expect([
      cronParser("0 2 * * *", T0, 1, "europe/paris"),
      cronParser("0 2 * * *", T0, 1, "UTC+3"),
    ]).toEqual([["2026-01-05T01:00:00Z"], ["2026-01-05T23:00:00Z"]]);
  });

  it("17: the search gives up after five years", () => {
    expect(k8s("0 0 29 2 *", "2096-03-01T00:00:00Z", 1)).toEqual([]);
    expect(cronParser("0 0 29 2 *", "2096-03-01T00:00:00Z", 1)).toEqual(["2104-02-29T00:00:00Z"]);
  });
});
