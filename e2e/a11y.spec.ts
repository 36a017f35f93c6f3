import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe.ts";

// Accessibility (issue 7 item 8): axe-core's WCAG checks on the lab's main views, with no serious
// or critical violation allowed.

test("the sandbox with a running Job has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("apply-button")).toBeVisible();
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("pod-card").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
