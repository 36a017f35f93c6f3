import { expect, it } from "vitest";
import { formatDelay, formatElapsed, formatVirtualTime } from "./clock-format.ts";

it("formats the virtual clock in UTC", () => {
  expect(formatVirtualTime(Date.parse("2026-01-05T00:01:23Z"))).toBe(
    "Mon 05 Jan 2026 00:01:23 UTC",
  );
  expect(formatVirtualTime(Date.parse("2026-03-29T23:59:59.999Z"))).toBe(
    "Sun 29 Mar 2026 23:59:59 UTC",
  );
});

it("formats elapsed virtual time and delays", () => {
  expect([0, 999, 45_000, 83_000, 7_390_000, 273_900_000].map(formatElapsed)).toEqual([
    "0s",
    "0s",
    "45s",
    "1m23s",
    "2h03m10s",
    "3d04h05m",
  ]);
  expect([250, 1000, 90_000].map(formatDelay)).toEqual(["+0.25s", "+1s", "+1m30s"]);
});
