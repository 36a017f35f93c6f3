import { describe, expect, it } from "vitest";
import { formatSchedule, parseSchedule } from "./parse.ts";

const error = (spec: string): string | undefined => {
  const r = parseSchedule(spec);
  return r.ok ? undefined : r.error;
};

/** The five value sets and star marks, one readable line per field (or the error). */
function fields(spec: string): string[] | string {
  const r = parseSchedule(spec);
  if (!r.ok) return r.error;
  const s = r.schedule;
  if (s.kind === "every") return `every ${s.delaySeconds}s`;
  return [
    `minute ${s.minute.join(",")}`,
    `hour ${s.hour.join(",")}`,
    `dom ${s.dayOfMonth.join(",")}${s.dayOfMonthStar ? " *" : ""}`,
    `month ${s.month.join(",")}`,
    `dow ${s.dayOfWeek.join(",")}${s.dayOfWeekStar ? " *" : ""}`,
  ];
}

const ALL_MINUTES = Array.from({ length: 60 }, (_, i) => i).join(",");
const ALL_HOURS = Array.from({ length: 24 }, (_, i) => i).join(",");
const ALL_DOM = Array.from({ length: 31 }, (_, i) => i + 1).join(",");
const ALL_MONTHS = "1,2,3,4,5,6,7,8,9,10,11,12";
const ALL_DOW = "0,1,2,3,4,5,6";

describe("parseSchedule: accepted syntax (cron-semantics §2)", () => {
  it("reads lists, ranges, steps, names in ranges and steps", () => {
    expect(fields("5/15 6-16/4 1,15 JAN-mar,Dec mon-FRI")).toEqual([
      "minute 5,20,35,50",
      "hour 6,10,14",
      "dom 1,15",
      "month 1,2,3,12",
      "dow 1,2,3,4,5",
    ]);
    expect(fields("0 0 * JAN/3 MON/2")).toEqual([
      "minute 0",
      "hour 0",
      `dom ${ALL_DOM} *`,
      "month 1,4,7,10",
      "dow 1,3,5",
    ]);
  });

  it("treats `?` exactly like `*`, in any field", () => {
    expect(fields("? ? ? ? ?")).toEqual([
      `minute ${ALL_MINUTES}`,
      `hour ${ALL_HOURS}`,
      `dom ${ALL_DOM} *`,
      `month ${ALL_MONTHS}`,
      `dow ${ALL_DOW} *`,
    ]);
  });

  it("keeps robfig's quirks: empty items, duplicates, `+5`, `007`, `*-5`, long steps", () => {
    expect(fields("1,,2 0,0,3 ,5 1-10/5,5 *-5")).toEqual([
      "minute 1,2",
      "hour 0,3",
      "dom 5",
      "month 1,5,6",
      `dow ${ALL_DOW} *`,
    ]);
    expect(fields("+5 007 */61 1-12/1 */7")).toEqual([
      "minute 5",
      "hour 7",
      "dom 1",
      `month ${ALL_MONTHS}`,
      "dow 0",
    ]);
  });

  it("accepts a comma-only field (an empty set: never fires)", () => {
    expect(fields("0 0 , * *")).toEqual([
      "minute 0",
      "hour 0",
      "dom ",
      `month ${ALL_MONTHS}`,
      `dow ${ALL_DOW} *`,
    ]);
  });

  it("splits on any run of white space and ignores it at both ends", () => {
    expect(fields(" 0\t2\n* *  * ")).toEqual(fields("0 2 * * *"));
  });

  it("sets the star mark for `*`, `?`, `*/1`, `*,x` only (§2.3)", () => {
    const marks = (dom: string, dow: string): string => {
      const r = parseSchedule(`0 0 ${dom} * ${dow}`);
      if (!r.ok || r.schedule.kind !== "cron") return "error";
      return `${r.schedule.dayOfMonthStar ? "*" : "-"}${r.schedule.dayOfWeekStar ? "*" : "-"}`;
    };
    expect({
      "* *": marks("*", "*"),
      "? ?": marks("?", "?"),
      "*/1 ?/1": marks("*/1", "?/1"),
      "*,5 *,1": marks("*,5", "*,1"),
      "*/2 */2": marks("*/2", "*/2"),
      "1-31 0-6": marks("1-31", "0-6"),
      "1-31/1 0-6/1": marks("1-31/1", "0-6/1"),
    }).toEqual({
      "* *": "**",
      "? ?": "**",
      "*/1 ?/1": "**",
      "*,5 *,1": "**",
      "*/2 */2": "--",
      "1-31 0-6": "--",
      "1-31/1 0-6/1": "--",
    });
  });
});

describe("parseSchedule: descriptors (§3)", () => {
  it("maps each descriptor to its cron equivalent", () => {
    expect(fields("@yearly")).toEqual([
      "minute 0",
      "hour 0",
      "dom 1",
      "month 1",
      `dow ${ALL_DOW} *`,
    ]);
    expect(fields("@annually")).toEqual(fields("@yearly"));
    expect(fields("@monthly")).toEqual([
      "minute 0",
      "hour 0",
      "dom 1",
      `month ${ALL_MONTHS}`,
      `dow ${ALL_DOW} *`,
    ]);
    expect(fields("@weekly")).toEqual([
      "minute 0",
      "hour 0",
      `dom ${ALL_DOM} *`,
      `month ${ALL_MONTHS}`,
      "dow 0",
    ]);
    expect(fields("@daily")).toEqual(fields("0 0 * * *"));
    expect(fields("@midnight")).toEqual(fields("0 0 * * *"));
    expect(fields("@hourly")).toEqual(fields("0 * * * *"));
  });

  it("reads @every as a Go duration truncated to whole seconds, at least 1 s", () => {
    const every = [
      "1h30m",
      "90s",
      "1.5h",
      "2m3.5s",
      "500ms",
      "0",
      "0s",
      "-1h",
      "+3m",
      ".5h",
      "1µs",
      "1h0m0.999s",
    ];
    expect(Object.fromEntries(every.map((d) => [d, fields(`@every ${d}`)]))).toEqual({
      "1h30m": "every 5400s",
      "90s": "every 90s",
      "1.5h": "every 5400s",
      "2m3.5s": "every 123s",
      "500ms": "every 1s",
      "0": "every 1s",
      "0s": "every 1s",
      "-1h": "every 1s",
      "+3m": "every 180s",
      ".5h": "every 1800s",
      "1µs": "every 1s",
      "1h0m0.999s": "every 3600s",
    });
  });

  it("rejects other descriptors and malformed durations with robfig's texts", () => {
    const specs = [
      "@reboot",
      "@minutely",
      "@weekdays",
      "@DAILY",
      "@daily ",
      "@every",
      "@every 1d",
      "@every 5",
      "@every  1h",
      "@every 1h ",
      "@every 1h30",
      "@every h",
      "@every Xm",
      "@every 9999999999h",
    ];
    expect(Object.fromEntries(specs.map((s) => [s, error(s)]))).toEqual({
      "@reboot": "unrecognized descriptor: @reboot",
      "@minutely": "unrecognized descriptor: @minutely",
      "@weekdays": "unrecognized descriptor: @weekdays",
      "@DAILY": "unrecognized descriptor: @DAILY",
      "@daily ": "unrecognized descriptor: @daily ",
      "@every": "unrecognized descriptor: @every",
      "@every 1d": 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"',
      "@every 5": 'failed to parse duration @every 5: time: missing unit in duration "5"',
      "@every  1h": 'failed to parse duration @every  1h: time: invalid duration " 1h"',
      "@every 1h ":
        'failed to parse duration @every 1h : time: unknown unit "h " in duration "1h "',
      "@every 1h30": 'failed to parse duration @every 1h30: time: missing unit in duration "1h30"',
      "@every h": 'failed to parse duration @every h: time: invalid duration "h"',
      "@every Xm": 'failed to parse duration @every Xm: time: invalid duration "Xm"',
      "@every 9999999999h":
        'failed to parse duration @every 9999999999h: time: invalid duration "9999999999h"',
    });
  });

  it("does not trim before looking for `@`: ' @daily' is a one-field line", () => {
    expect(error(" @daily")).toBe("expected exactly 5 fields, found 1: [@daily]");
  });
});

describe("parseSchedule: robfig error texts (§8, batch spec §4.2, §6.2)", () => {
  it("reports each error class with the offending item", () => {
    const specs = [
      "",
      "*/5 * * *",
      "0 * * * * *",
      "   ",
      "61 * * * *",
      "0 0 * * 7",
      "0 0 * * 5-7",
      "0 24 * * *",
      "0 0 0 * *",
      "0 0 * 0 *",
      "0 0 * 13 *",
      "30-10 * * * *",
      "0 0 L * *",
      "0 0 15W * *",
      "0 0 * * 1#2",
      "0 0 * * 5L",
      "H * * * *",
      "0x5 * * * *",
      "1.5 * * * *",
      "-5 * * * *",
      "*/-5 * * * *",
      "*/0 * * * *",
      "5/0 * * * *",
      "1-2-3 * * * *",
      "*/2/3 * * * *",
      "0 0 1 JANUARY *",
      "0 0 * * MONDAY",
      "0 0 1 janfeb *",
      "jan * * * *",
      "99999999999999999999 * * * *",
      "9999999999 * * * *",
      '"x" * * * *',
      "1,x,99 * * * *",
      "x 99 * * *",
    ];
    expect(Object.fromEntries(specs.map((s) => [s, error(s)]))).toEqual({
      "": "empty spec string",
      "*/5 * * *": "expected exactly 5 fields, found 4: [*/5 * * *]",
      "0 * * * * *": "expected exactly 5 fields, found 6: [0 * * * * *]",
      "   ": "expected exactly 5 fields, found 0: []",
      "61 * * * *": "end of range (61) above maximum (59): 61",
      "0 0 * * 7": "end of range (7) above maximum (6): 7",
      "0 0 * * 5-7": "end of range (7) above maximum (6): 5-7",
      "0 24 * * *": "end of range (24) above maximum (23): 24",
      "0 0 0 * *": "beginning of range (0) below minimum (1): 0",
      "0 0 * 0 *": "beginning of range (0) below minimum (1): 0",
      "0 0 * 13 *": "end of range (13) above maximum (12): 13",
      "30-10 * * * *": "beginning of range (30) beyond end of range (10): 30-10",
      "0 0 L * *": 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      "0 0 15W * *": 'failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax',
      "0 0 * * 1#2": 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax',
      "0 0 * * 5L": 'failed to parse int from 5L: strconv.Atoi: parsing "5L": invalid syntax',
      "H * * * *": 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax',
      "0x5 * * * *": 'failed to parse int from 0x5: strconv.Atoi: parsing "0x5": invalid syntax',
      "1.5 * * * *": 'failed to parse int from 1.5: strconv.Atoi: parsing "1.5": invalid syntax',
      "-5 * * * *": 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
      "*/-5 * * * *": "negative number (-5) not allowed: -5",
      "*/0 * * * *": "step of range should be a positive number: */0",
      "5/0 * * * *": "step of range should be a positive number: 5/0",
      "1-2-3 * * * *": "too many hyphens: 1-2-3",
      "*/2/3 * * * *": "too many slashes: */2/3",
      "0 0 1 JANUARY *":
        'failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax',
      "0 0 * * MONDAY":
        'failed to parse int from MONDAY: strconv.Atoi: parsing "MONDAY": invalid syntax',
      "0 0 1 janfeb *":
        'failed to parse int from janfeb: strconv.Atoi: parsing "janfeb": invalid syntax',
      "jan * * * *": 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax',
      "99999999999999999999 * * * *":
        'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
      "9999999999 * * * *": "end of range (9999999999) above maximum (59): 9999999999",
      '"x" * * * *':
        'failed to parse int from "x": strconv.Atoi: parsing "\\"x\\"": invalid syntax',
      "1,x,99 * * * *": 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
      "x 99 * * *": 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
    });
  });
});

describe("parseSchedule: legacy TZ=/CRON_TZ= prefixes", () => {
  it("loads the zone (exact case) and parses the rest", () => {
    const ok = parseSchedule("CRON_TZ=Europe/Paris 0 2 * * *");
    expect(ok.ok && ok.schedule.location).toBe("Europe/Paris");
    expect(error("TZ=Nowhere/Bogus 0 * * * *")).toBe(
      "provided bad location Nowhere/Bogus: unknown time zone Nowhere/Bogus",
    );
    expect(error("TZ=europe/paris 0 * * * *")).toBe(
      "provided bad location europe/paris: unknown time zone europe/paris",
    );
    expect(error("TZ=../etc 0 * * * *")).toBe(
      "provided bad location ../etc: time: invalid location name",
    );
    expect(error("TZ=UTC ")).toBe("expected exactly 5 fields, found 0: []");
  });

  it("flags robfig's panic on a prefix without a space", () => {
    expect(parseSchedule("TZ=UTC")).toEqual({
      ok: false,
      error: "runtime error: slice bounds out of range [:-1]",
      panic: true,
    });
  });

  it("formatSchedule prepends spec.timeZone unless the schedule mentions TZ (controller)", () => {
    expect([
      formatSchedule("0 2 * * *", "Europe/Paris"),
      formatSchedule("0 2 * * *", undefined),
      formatSchedule("TZ=UTC 0 2 * * *", "Europe/Paris"),
      formatSchedule("0 2 * * *", "Europe/Pariss"),
    ]).toEqual(["TZ=Europe/Paris 0 2 * * *", "0 2 * * *", "TZ=UTC 0 2 * * *", "0 2 * * *"]);
  });
});
