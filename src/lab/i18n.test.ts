import { describe, expect, it } from "vitest";
import { en } from "./i18n/en.ts";
import { fill, MESSAGES, msg, render } from "./i18n/format.ts";

describe("engine strings", () => {
  it("every locale has exactly the English keys, none empty", () => {
    const keys = Object.keys(en).sort();
    for (const [loc, table] of Object.entries(MESSAGES)) {
      expect(Object.keys(table).sort(), loc).toEqual(keys);
      for (const [k, v] of Object.entries(table))
        if (!["filter.none", "list.and"].includes(k) && k !== "actual.count")
          expect(v.trim(), `${loc} ${k}`).not.toBe("");
    }
  });

  it("every locale uses the same parameters as English", () => {
    const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();
    for (const [loc, table] of Object.entries(MESSAGES))
      for (const [k, v] of Object.entries(table))
        expect(params(v), `${loc} ${k}`).toEqual(params(en[k as keyof typeof en]));
  });

  it("plurals follow each language's rules", () => {
    expect(
      ["en", "fr", "ru"].map((l) =>
        [1, 2, 5].map((n) => fill(l, "{n} {n:a|b|c}", { n: String(n) })),
      ),
    ).toEqual([
      ["1 a", "2 b", "5 b"],
      ["1 a", "2 b", "5 b"],
      ["1 a", "2 b", "5 c"],
    ]);
  });

  it("renders nested messages in the learner's language", () => {
    const m = msg("detail", {
      expected: msg("expected.podCount", {
        owner: msg("owner.job", { name: "pi" }),
        filters: msg("filter.some", { list: msg("filter.phase", { phase: "Succeeded" }) }),
        bounds: msg("bounds.equals", { n: 5 }),
      }),
      actual: msg("actual.count", { n: 3 }),
    });
    expect(["en", "fr", "ru"].map((l) => render(l, m))).toEqual([
      "expected pods of Job pi in phase Succeeded: exactly 5, found 3",
      "attendu : pods du Job pi en phase Succeeded : exactement 5 ; constaté : 3",
      "ожидалось: поды Job pi (фаза Succeeded): ровно 5; сейчас: 3",
    ]);
  });
});
