import { describe, expect, it } from "vitest";
import { formatGoDuration, parseGoDuration } from "./go-duration.ts";

describe("Go durations", () => {
  it("formats like time.Duration.String()", () => {
    expect(
      [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 862, 1034, 0, 3_600_000].map(
        formatGoDuration,
      ),
    ).toEqual(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "862ms", "1.034s", "0s", "1h0m0s"]);
  });

  it("parses with Go's error texts", () => {
    expect(parseGoDuration("1h30m")).toEqual({ ms: 5_400_000 });
    expect(parseGoDuration("90s")).toEqual({ ms: 90_000 });
    expect(parseGoDuration("1.5h")).toEqual({ ms: 5_400_000 });
    expect(parseGoDuration("10")).toEqual({ error: 'time: missing unit in duration "10"' });
    expect(parseGoDuration("2d")).toEqual({ error: 'time: unknown unit "d" in duration "2d"' });
    expect(parseGoDuration("")).toEqual({ error: 'time: invalid duration ""' });
  });
});
