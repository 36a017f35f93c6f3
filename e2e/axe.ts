import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

// Accessibility (issue 7 item 8): axe-core's WCAG 2.1 A/AA checks, for the specs that need them.
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** The serious and critical violations on the page now, one line each (with the first nodes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours are checked at rest: a badge fading in (opacity 0.3 → 1) is not a contrast problem.
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)),
  )`);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) })))
  `);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} ${n.failureSummary ?? ""}`)
          .join(" | ")}`,
    );
}
