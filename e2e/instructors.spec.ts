import { expect, test } from "@playwright/test";

// Instructors (issue 8): the pack format is documented in the app, and another pack — here the
// example pack — can be chosen from the lesson panel (or with ?pack=<name>).
test("the instructors' page documents packs, and the example pack can be chosen", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByTestId("chapter-map")).toBeVisible();

  await page.getByTestId("instructors-open").click();
  const doc = page.getByTestId("instructors-doc");
  await expect(doc).toContainText("Writing exercise packs");
  await expect(doc).toContainText("public/packs/<pack>/");
  await page.keyboard.press("Escape");
  await expect(doc).toBeHidden();

  await page.getByTestId("pack-select").selectOption("example");
  await expect(page).toHaveURL(/\?pack=example/);
  await expect(page.getByTestId("exercise-link")).toContainText(["A Pod lost to a node drain"]);

  await page.goto("/?pack=../../etc");
  await expect(page.getByTestId("load-failure")).toBeVisible();
});
