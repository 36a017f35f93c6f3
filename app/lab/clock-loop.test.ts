import { expect, it } from "vitest";
import { FrameStepper, MAX_FRAME_WALL_MS } from "./clock-loop.ts";

it("turns wall frames into whole virtual milliseconds at the chosen speed", () => {
  const s = new FrameStepper();
  const walls = [1000, 1016.25, 1032.5, 1048.75, 1065, 5000, 5016];
  expect(walls.map((w) => s.step(w, 10))).toEqual([
    0,
    162,
    163,
    162,
    163,
    MAX_FRAME_WALL_MS * 10,
    160,
  ]);
  const slow = new FrameStepper();
  // 0.6 ms per frame at 1×: the remainder carries, nothing is lost.
  expect([0, 0.6, 1.2, 1.8, 2.4].map((w) => slow.step(w, 1))).toEqual([0, 0, 1, 0, 1]);
});
