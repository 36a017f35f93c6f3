import { expect, test, type Page } from "@playwright/test";

// Drives the manifest editor (Monaco + monaco-yaml + the Kubernetes schema) the way a learner does:
// typing, hovering, Ctrl+Space. Needs `npm run build` first (playwright.config.ts serves dist/).

const editor = (page: Page) => page.locator(".yaml-editor .monaco-editor");
const hoverWidget = (page: Page) => page.locator(".monaco-hover:not(.hidden)");
/** A token on screen, e.g. the key `backoffLimit` (Monaco renders each token as a span). */
const token = (page: Page, text: string) =>
  page.locator(".yaml-editor .view-line span span", { hasText: new RegExp(`^${text}$`) });
const squiggles = (page: Page) =>
  page.locator(".yaml-editor .squiggly-error, .yaml-editor .squiggly-warning");

async function openEditor(page: Page) {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
  await expect(token(page, "backoffLimit")).toBeVisible();
  return pageErrors;
}

/**
 * Replaces the whole buffer by pasting, as a learner would. (`keyboard.insertText` counts as typing:
 * Monaco would auto-indent every line after the first.)
 */
async function pasteText(page: Page, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  // A string expression: this file is type-checked without the DOM library.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.locator(".yaml-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

test("an invalid restartPolicy gets the schema's enum message", async ({ page }) => {
  const pageErrors = await openEditor(page);
  await expect(squiggles(page)).toHaveCount(0);

  await token(page, "Never").dblclick();
  await page.keyboard.type("Sometimes");

  await expect(page.locator(".yaml-editor .squiggly-warning")).toHaveCount(1);
  await token(page, "Sometimes").hover();
  await expect(hoverWidget(page)).toContainText(
    'Value is not accepted. Valid values: "Always", "Never", "OnFailure".',
  );
  await page.screenshot({ path: "test-results/editor.png" });
  expect(pageErrors).toEqual([]);
});

test("hovering backoffLimit shows the field's documentation", async ({ page }) => {
  await openEditor(page);
  await token(page, "backoffLimit").hover();
  await expect(hoverWidget(page)).toContainText(
    "Specifies the number of retries before marking this job failed.",
  );
});

test("Ctrl+Space in the Job spec offers ttlSecondsAfterFinished", async ({ page }) => {
  await openEditor(page);
  await token(page, "backoffLimit").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("ttl");
  await page.keyboard.press("Control+Space");

  const suggestion = page.locator(".suggest-widget .monaco-list-row", {
    hasText: "ttlSecondsAfterFinished",
  });
  await expect(suggestion).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator(".yaml-editor .view-lines")).toContainText("ttlSecondsAfterFinished:");
});

test("each document of a multi-document file is validated against its own kind", async ({
  page,
}) => {
  await openEditor(page);
  await pasteText(
    page,
    [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db-credentials",
      "type: Opaque",
      "stringData:",
      "  password: s3cr3t",
      "---",
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata:",
      "  name: migrate",
      "spec:",
      "  backofLimit: 2",
      "  template:",
      "    spec:",
      "      restartPolicy: OnFailure",
      "      containers:",
      "        - name: migrate",
      "          image: busybox:1.36",
      "---", // a trailing empty document is skipped by kubectl, and not flagged here
      "",
    ].join("\n"),
  );

  // Only the misspelt Job field is flagged (the empty document at the end is fine too): `type`
  // and `stringData` are valid for a Secret, although the Job schema would reject both, so the
  // Secret was checked against the Secret schema. The schema and the API server's dry run each
  // say so in their own words.
  const problems = page.getByTestId("problems").locator("button");
  await expect(problems).toHaveCount(2);
  await expect(problems.filter({ hasText: "Property backofLimit is not allowed." })).toHaveCount(1);
  await expect(problems.filter({ hasText: 'unknown field "spec.backofLimit"' })).toHaveCount(1);
  await token(page, "backofLimit").hover();
  await expect(hoverWidget(page)).toContainText("Property backofLimit is not allowed.");

  // And the Secret document really is validated (against the Secret schema, not skipped).
  await page.mouse.move(0, 0);
  await token(page, "Opaque").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("immutable: maybe");
  await expect(problems.filter({ hasText: "Incorrect type. Expected" })).toHaveCount(1);
  await token(page, "maybe").hover();
  await expect(hoverWidget(page)).toContainText("Incorrect type. Expected");
});

test("Ctrl+Enter applies; the schema's markers and the API server's are kept apart", async ({
  page,
}) => {
  const pageErrors = await openEditor(page);
  await token(page, "Never").dblclick();
  await page.keyboard.type("Sometimes");
  await expect(page.locator(".yaml-editor .squiggly-warning")).toHaveCount(1);

  // Remove metadata (lines 3-4): still schema-valid, but the API server wants a name.
  await token(page, "metadata").click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Delete");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("apply-result")).toContainText('The Job "" is invalid:');

  // The simulated API server reports the missing name (on `kind:`) and the restartPolicy.
  const external = page.locator(".yaml-editor .squiggly-error");
  await expect(external.first()).toBeVisible();
  await expect(page.locator(".yaml-editor .squiggly-warning")).toHaveCount(1);
  await token(page, "Job").hover();
  await expect(hoverWidget(page)).toContainText(
    'The Job "" is invalid: metadata.name: Required value: name or generateName is required',
  );

  // Fixing the schema problem re-validates the document: the schema's warning and the API
  // server's restartPolicy errors go, the missing name stays.
  await page.mouse.move(0, 0);
  await token(page, "Sometimes").dblclick();
  await page.keyboard.type("Never");
  await expect(page.locator(".yaml-editor .squiggly-warning")).toHaveCount(0);
  const problems = page.getByTestId("problems").locator("button");
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText("metadata.name: Required value");
  expect(pageErrors).toEqual([]);
});

test("an empty key, which silences the YAML worker, is still reported", async ({ page }) => {
  await openEditor(page);
  // yaml-language-server throws on `: x` under a closed schema and drops the document's markers
  // (TOOLCHAIN.md §6.8); the main-thread js-yaml check reports the line instead.
  await pasteText(
    page,
    ["apiVersion: batch/v1", "kind: Job", "spec:", "  : 3", "  backoffLimit: 4", ""].join("\n"),
  );
  await expect(page.locator(".yaml-editor .squiggly-error")).toHaveCount(1);
  await token(page, "3").hover();
  await expect(hoverWidget(page)).toContainText("Empty mapping key: a key is missing before ':'.");
});
