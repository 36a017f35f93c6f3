import { describe, expect, it } from "vitest";
import { age, humanDuration, rfc1123z, shortHumanDuration } from "./human-duration.ts";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (spec §7.2)", () => {
  it("prints every range of the table, truncating", () => {
    const cases: [number, string][] = [
      [-2 * s, "<invalid>"],
      [-1999, "0s"],
      [-1 * s, "0s"],
      [-1, "0s"],
      [0, "0s"],
      [999, "0s"],
      [45 * s, "45s"],
      [89.9 * s, "89s"],
      [119 * s, "119s"],
      [120 * s, "2m"],
      [150 * s, "2m30s"],
      [9 * m + 59 * s, "9m59s"],
      [10 * m, "10m"],
      [179 * m + 59 * s, "179m"],
      [3 * h, "3h"],
      [3 * h + 12 * m + 30 * s, "3h12m"],
      [7 * h + 59 * m, "7h59m"],
      [8 * h, "8h"],
      [47 * h + 59 * m, "47h"],
      [2 * d, "2d"],
      [2 * d + 3 * h, "2d3h"],
      [7 * d + 23 * h, "7d23h"],
      [8 * d, "8d"],
      [400 * d, "400d"],
      [729 * d, "729d"],
      [730 * d, "2y"],
      [3 * 365 * d + 10 * d, "3y10d"],
      [8 * 365 * d, "8y"],
      [20 * 365 * d + 100 * d, "20y"],
    ];
    expect(cases.map(([ms]) => humanDuration(ms))).toEqual(cases.map(([, text]) => text));
  });
});

describe("shortHumanDuration", () => {
  it("uses one unit", () => {
    const cases: [number, string][] = [
      [-5 * s, "<invalid>"],
      [-500, "0s"],
      [59 * s, "59s"],
      [61 * m, "1h"],
      [150 * s, "2m"],
      [25 * h, "1d"],
      [400 * d, "1y"],
    ];
    expect(cases.map(([ms]) => shortHumanDuration(ms))).toEqual(cases.map(([, text]) => text));
  });
});

describe("timestamps", () => {
  const t0 = Date.parse("2026-01-05T00:00:00Z");
  it("ages an RFC 3339 time, <unknown> when unset", () => {
    expect([age("2026-01-05T00:00:00Z", t0 + 75 * s), age(undefined, t0), age("", t0)]).toEqual([
      "75s",
      "<unknown>",
      "<unknown>",
    ]);
  });
  it("formats RFC 1123Z in UTC", () => {
    expect([
      rfc1123z("2026-01-05T00:00:03Z"),
      rfc1123z("2026-02-28T13:45:09Z"),
      rfc1123z(undefined),
    ]).toEqual([
      "Mon, 05 Jan 2026 00:00:03 +0000",
      "Sat, 28 Feb 2026 13:45:09 +0000",
      "Mon, 01 Jan 0001 00:00:00 +0000",
    ]);
  });
});
