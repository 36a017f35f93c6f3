import { describe, expect, it } from "vitest";
import { Rng } from "./rng.ts";

describe("Rng", () => {
  it("is reproducible from a seed and from a snapshot of its state", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const first = [a.nextUint32(), a.nextUint32(), a.nextUint32()];
    expect([b.nextUint32(), b.nextUint32(), b.nextUint32()]).toEqual(first);
    const snap = a.snapshot();
    const next = a.string("bcdfghjklmnpqrstvwxz2456789", 5);
    expect(new Rng(snap).string("bcdfghjklmnpqrstvwxz2456789", 5)).toBe(next);
  });

  it("differs between seeds and stays in range", () => {
    expect(new Rng(1).nextUint32()).not.toBe(new Rng(2).nextUint32());
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(27);
      expect(n >= 0 && n < 27).toBe(true);
    }
  });
});
