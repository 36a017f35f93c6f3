import { describe, expect, it } from "vitest";
import { CATALOGS, detectLocale, format, LOCALES, translate } from "./i18n.ts";

/** The names a text fills in: `{name}` and `{n, plural, …}` (and those inside plural forms). */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|\})/g)) names.add(m[1]);
  return [...names].sort();
}

describe("locale catalogs", () => {
  const reference = CATALOGS.en;
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has every key of en, and no other`, () => {
      const keys = Object.keys(CATALOGS[locale]).sort();
      expect(keys).toEqual(Object.keys(reference).sort());
    });

    it(`${locale} fills the same placeholders as en`, () => {
      const mismatched = Object.entries(reference)
        .filter(([k, text]) => {
          const other = CATALOGS[locale][k as keyof typeof reference] ?? "";
          return placeholders(other).join() !== placeholders(text).join();
        })
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });

    it(`${locale} has no empty text`, () => {
      const empty = Object.entries(CATALOGS[locale]).filter(([, v]) => v.trim() === "");
      expect(empty).toEqual([]);
    });
  }
});

describe("format", () => {
  it("fills placeholders and plural forms by each language's rules", () => {
    expect(translate("en", "cluster.counts", { cronjobs: 0, jobs: 1, pods: 2, nodes: 1 })).toBe(
      "0 CronJobs · 1 Job · 2 Pods · 1 node",
    );
    expect(translate("fr", "cluster.counts", { cronjobs: 0, jobs: 1, pods: 2, nodes: 1 })).toBe(
      "0 CronJob · 1 Job · 2 Pods · 1 nœud",
    );
    const restarts = (n: number) =>
      translate("ru", "pod.summary", {
        name: "p",
        status: "Running",
        restarts: n,
        node: "n",
        age: "1s",
      });
    expect([1, 3, 5, 21].map(restarts)).toEqual([
      "Pod p: Running, 1 перезапуск, узел n, возраст 1s",
      "Pod p: Running, 3 перезапуска, узел n, возраст 1s",
      "Pod p: Running, 5 перезапусков, узел n, возраст 1s",
      "Pod p: Running, 21 перезапуск, узел n, возраст 1s",
    ]);
  });

  it("leaves unknown placeholders and stray braces as written", () => {
    expect(format("en", "a {b} {c", { x: 1 })).toBe("a {b} {c");
  });

  it("picks the browser's first language it speaks", () => {
    expect(detectLocale(["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(detectLocale(["ru"])).toBe("ru");
    expect(detectLocale(["ja"])).toBe("en");
    expect(detectLocale([])).toBe("en");
  });
});
