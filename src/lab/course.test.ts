import { describe, expect, it } from "vitest";
import { loadPack, mapSource } from "./loader.ts";
import { verifyExercise } from "./verify.ts";

/**
 * Every exercise of the built-in course proves itself (STYLE.md, Learn Git Branching): its
 * reference solution meets every goal from the start state, each known-wrong solution leaves
 * its named goal unmet, and every command in solutions and hints is real kubectl. Drafts are
 * skipped with their reason in the test name, never silently passed.
 */
const files = import.meta.glob<string>("/public/packs/batch-course/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const prefix = "/public/packs/batch-course/";
const source = mapSource(
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k.slice(prefix.length), v])),
);
const { pack, problems } = await loadPack(source);

describe("the built-in course pack", () => {
  it("loads with no problem: schema, every locale complete, every file present", () => {
    expect(problems).toEqual([]);
    expect(pack).toBeDefined();
  });

  it("has at least 25 checked exercises", () => {
    const ready = pack!.exercises.filter((e) => e.status === "ready");
    expect(ready.length).toBeGreaterThanOrEqual(25);
  });

  for (const ex of pack?.exercises ?? []) {
    const name = `${ex.chapter} ${ex.id}`;
    if (ex.status === "draft") {
      it.skip(`${name} — draft: ${ex.draftReason}`, () => {});
      continue;
    }
    it(`${name}: reference passes, wrong solutions fail their goal`, () => {
      const report = verifyExercise(ex, pack!.meta.locales);
      expect(report.problems).toEqual([]);
      expect(report.status).toBe("pass");
    });
  }
});
