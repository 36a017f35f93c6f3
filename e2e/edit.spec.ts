import { expect, test, type Page } from "@playwright/test";

// `kubectl edit` in the browser (issue #5): typed in the terminal, it opens the live Job in an
// editor tab; Apply on that tab saves it as kubectl does when its editor closes (`edited`, or the
// API server's error with the tab kept open), and closing the tab cancels the edit.
// Needs `npm run build` first (playwright.config.ts serves dist/).

const terminal = (page: Page) => page.getByTestId("terminal");
const viewLines = (page: Page) => page.locator(".yaml-editor .view-lines");
const tab = (page: Page, name: string) =>
  page.locator(`[data-testid="editor-file-tab"][data-file="${name}"]`);
const EDIT_TAB = "kubectl-edit-job-sleepy.yaml";

/** The terminal's visible lines (xterm's DOM renderer), non-breaking spaces as spaces. */
async function screen(page: Page): Promise<string> {
  const rows = await terminal(page).locator(".xterm-rows > div").allTextContents();
  return rows
    .map((r) => r.replace(/\u00a0/g, " ").trimEnd())
    .join("\n")
    .trimEnd();
}

const expectScreen = (page: Page, pattern: RegExp) =>
  expect.poll(() => screen(page)).toMatch(pattern);

/** Clear the screen (Ctrl+L), type a line and press Enter. */
async function run(page: Page, line: string) {
  await terminal(page).locator(".xterm-helper-textarea").focus();
  await page.keyboard.press("Control+L");
  await expectScreen(page, /^\$$/);
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

/** Replace the buffer by pasting (typing would auto-indent every line after the first). */
async function pasteText(page: Page, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await viewLines(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** In the editor, find `text` (Monaco's find widget selects it) and type `by` over its end. */
async function replaceEnd(page: Page, text: string, cut: number, by: string) {
  await viewLines(page).click();
  await page.keyboard.press("ControlOrMeta+F");
  await page.keyboard.insertText(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape"); // closes the widget; the match stays selected
  await page.keyboard.press("End");
  for (let i = 0; i < cut; i++) await page.keyboard.press("Backspace");
  await page.keyboard.insertText(by);
  await expect(viewLines(page)).toContainText(text.slice(0, text.length - cut) + by);
}

const SLEEPY = [
  "apiVersion: batch/v1",
  "kind: Job",
  "metadata:",
  "  name: sleepy",
  "spec:",
  "  activeDeadlineSeconds: 600",
  "  template:",
  "    spec:",
  "      restartPolicy: Never",
  "      containers:",
  "        - name: main",
  "          image: busybox:1.36",
  '          command: ["sleep", "300"]',
  "",
].join("\n");

test("kubectl edit opens the live Job in a tab; Apply saves it, or shows the API's error", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/");
  await expect(terminal(page).locator(".xterm-rows")).toContainText("Batch Lab");
  await page.getByTestId("clock-play").click(); // paused: nothing changes the Job meanwhile
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Play virtual time");

  await pasteText(page, SLEEPY);
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/sleepy created");

  // kubectl edit: a tab named after the object, with the live object (header, defaults, status).
  await run(page, "kubectl edit job/sleepy");
  await expectScreen(page, /^\$ kubectl edit job\/sleepy\nEditing job\.batch\/sleepy in .*\n\$$/s);
  await expect(tab(page, EDIT_TAB)).toHaveAttribute("aria-current", "true");
  await expect(viewLines(page)).toContainText("# Please edit the object below.");
  await expect(viewLines(page)).toContainText("activeDeadlineSeconds: 600");

  // A mutable field: Ctrl+Enter saves the edit; the tab closes; the terminal says so too.
  await replaceEnd(page, "activeDeadlineSeconds: 600", 3, "90");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/sleepy edited");
  await expect(tab(page, EDIT_TAB)).toHaveCount(0);
  await expectScreen(page, /^job\.batch\/sleepy edited\n\$$/m);
  await run(page, "kubectl get job sleepy -o jsonpath={.spec.activeDeadlineSeconds}");
  await expectScreen(
    page,
    /^\$ kubectl get job sleepy -o jsonpath=\{\.spec\.activeDeadlineSeconds\}\n90\n\$$/,
  );

  // An immutable field: the API server refuses; the tab stays open with the error marked.
  await run(page, "kubectl edit job sleepy");
  await expect(tab(page, EDIT_TAB)).toHaveAttribute("aria-current", "true");
  await expect(viewLines(page)).toContainText("activeDeadlineSeconds: 90");
  await replaceEnd(page, "image: busybox:1.36", 4, "1.37");
  await page.getByTestId("apply-button").click();
  const result = page.getByTestId("apply-result");
  await expect(result).toHaveClass(/apply-result--error/);
  await expect(result).toContainText('error: jobs.batch "sleepy" is invalid');
  await expect(result).toContainText("field is immutable");
  await expect(tab(page, EDIT_TAB)).toHaveAttribute("aria-current", "true");
  // (The error's start scrolled away: kubectl prints the whole PodTemplateSpec, as Go dumps it.)
  await expectScreen(page, /"Image":"busybox:1\.37".*: field is immutable\n\$$/s);
  // Marked on `spec.template` in the tab (the problems list names the line).
  await expect(page.getByTestId("problems").locator("button")).toContainText([
    /^✕ ?The Job "sleepy" is invalid: spec\.template: Invalid value: .*: field is immutable/,
  ]);
  await run(page, "kubectl get job sleepy -o jsonpath={.spec.template.spec.containers[0].image}");
  await expectScreen(page, /\nbusybox:1\.36\n\$$/);

  // Closing the tab cancels the edit (it was changed: the learner confirms losing it).
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Close ${EDIT_TAB}` }).click();
  await expect(tab(page, EDIT_TAB)).toHaveCount(0);
  await expectScreen(page, /^Edit cancelled, no changes made\.\n\$$/m);

  // The saved edit survives a reload (the replay log saves it through kubectl edit again).
  await page.reload();
  await expect(terminal(page).locator(".xterm-rows")).toContainText("Batch Lab");
  await run(page, "kubectl get job sleepy -o jsonpath={.spec.activeDeadlineSeconds}");
  await expectScreen(page, /\n90\n\$$/);
  expect(pageErrors).toEqual([]);
});
