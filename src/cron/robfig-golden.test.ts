import { describe, expect, it } from "vitest";
import { nextRuns } from "./next.ts";
import { parseSchedule } from "./parse.ts";
import { ROBFIG_GOLDEN } from "./robfig-golden.ts";

type Golden = [spec: string, after: number, expected: number[] | string];

const cases = ROBFIG_GOLDEN.trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Golden);

function ours(spec: string, after: number, n: number): number[] | string {
  const r = parseSchedule(spec);
  if (!r.ok) return `${r.panic ? "panic" : "error"}: ${r.error}`;
  return nextRuns(r.schedule, after, n);
}

describe("agreement with robfig/cron v3.0.1 on generated schedules", () => {
  it(`matches all ${cases.length} recorded results`, () => {
    const mismatches = cases
      .map(([spec, after, expected]) => {
        const got = ours(spec, after, Array.isArray(expected) ? 4 : 0);
        return { spec, after, expected, got };
      })
      .filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.expected));
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThan(250);
  });
});
