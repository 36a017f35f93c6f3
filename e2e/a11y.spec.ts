import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";

// Accessibility (issue 7 item 8): axe-core's WCAG checks on the lab's main views, with no serious
// or critical violation allowed.
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))
  `);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

test("the sandbox with a running Job has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("apply-button")).toBeVisible();
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("pod-card").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
