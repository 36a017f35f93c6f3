import { describe, expect, it } from "vitest";
import { previewRuns } from "../../src/cron/index.ts";
import { loadCronLocale } from "./cron-locale.ts";

const from = Date.parse("2026-01-05T00:00:00Z");
const describeIn = (spec: string, locale: string) => {
  const p = previewRuns(spec, undefined, from, 1, locale);
  return p.ok ? p.description : "";
};

describe("schedule descriptions in French and Russian", () => {
  it("stay English until the locale's wording is loaded, then use it", async () => {
    expect(describeIn("0 2 * * *", "en")).toBe("At 02:00");
    await expect(loadCronLocale("fr")).resolves.toBe(true);
    await expect(loadCronLocale("ru")).resolves.toBe(true);
    expect(describeIn("0 2 * * *", "en")).toBe("At 02:00");
    expect(describeIn("0 2 * * *", "fr")).toBe("À 02:00");
    expect(describeIn("0 2 * * *", "ru")).toBe("В 02:00");
  });

  it("words the day-of-month/day-of-week OR rule in each language", async () => {
    await loadCronLocale("fr");
    await loadCronLocale("ru");
    expect(describeIn("30 2 25 * SUN", "en")).toBe(
      "At 02:30, on day 25 of the month, or on Sunday",
    );
    expect(describeIn("30 2 25 * SUN", "fr")).toBe("À 02:30, le 25 du mois, ou dimanche");
    expect(describeIn("30 2 25 * SUN", "ru")).toBe("В 02:30, во 25 число месяца, или воскресенье");
  });
});
