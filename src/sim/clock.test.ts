import { describe, expect, it } from "vitest";
import { Clock } from "./clock.ts";
import { ms } from "./time.ts";

describe("Clock", () => {
  it("runs events in time order, ties in insertion order, jumping the clock", () => {
    const c = new Clock(ms(1000));
    const seen: string[] = [];
    c.at(3000, "c", () => seen.push(`c@${c.now()}`));
    c.at(2000, "a", () => seen.push(`a@${c.now()}`));
    c.at(2000, "b", () => seen.push(`b@${c.now()}`));
    c.advanceTo(5000);
    expect(seen).toEqual(["a@2000", "b@2000", "c@3000"]);
    expect(c.now()).toBe(5000);
  });

  it("skips cancelled events and reports the next pending one", () => {
    const c = new Clock(ms(0));
    const t = c.after(10, "x", () => {
      throw new Error("must not run");
    });
    c.after(20, "y", () => {});
    t.cancel();
    expect(c.pending()).toBe(1);
    expect(c.peek()).toBe(20);
    expect(c.peekLabel()).toBe("y");
    expect(c.advanceTo(100)).toBe(1);
  });

  it("never moves backwards: scheduling in the past runs at now", () => {
    const c = new Clock(ms(500));
    let at = -1;
    c.at(100, "past", () => (at = c.now()));
    c.step();
    expect(at).toBe(500);
  });

  it("stops at the event limit without skipping time past unprocessed events", () => {
    const c = new Clock(ms(0));
    const loop = () => c.after(1, "loop", loop);
    loop();
    expect(c.advanceTo(1_000_000, 50)).toBe(50);
    expect(c.now()).toBe(50);
  });

  it("costs one event for a long sleep", () => {
    const c = new Clock(ms(0));
    c.after(3600_000 * 24 * 365, "year", () => {});
    expect(c.advanceTo(3600_000 * 24 * 366)).toBe(1);
  });
});
