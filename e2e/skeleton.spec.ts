import { expect, test, type Page } from "@playwright/test";

// A learner's first session in the full lab (app/LabApp.tsx): write a Job in the editor, apply it,
// step virtual time until its pod completes, and check it with kubectl in the terminal.
// Needs `npm run build` first (playwright.config.ts serves dist/).

test.use({ viewport: { width: 1280, height: 720 } });

const editor = (page: Page) => page.locator(".yaml-editor .monaco-editor");
const terminalRows = (page: Page) => page.locator('[data-testid="terminal"] .xterm-rows');

/**
 * Replace the editor's text by typing it, as a learner would: select all, then type line by line.
 * Nested parts are written in YAML flow style (`{…}`, `[…]`) so that Monaco's auto-indent after a
 * newline cannot change their meaning. Newlines are inserted as text rather than pressed as Enter:
 * a completion list that pops up late would take an Enter as "accept this suggestion".
 */
async function typeManifest(page: Page, lines: string[]) {
  await page.locator(".yaml-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.insertText("\n");
    await page.keyboard.type(line);
  }
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+Home"); // scroll back to the start of the text
  await expect(page.locator(".yaml-editor .view-lines")).toHaveText(lines.join("\n"), {
    useInnerText: true,
  });
}

const jobManifest = (name: string, spec: string, script = "expr 1 + 2") => [
  "apiVersion: batch/v1",
  "kind: Job",
  `metadata: {name: ${name}}`,
  `spec: {${spec}template: {spec: {restartPolicy: Never, containers: [{name: calc, image: "busybox:1.36", command: [sh, -c, "${script}"]}]}}}`,
];

async function runInTerminal(page: Page, line: string) {
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

async function stepUntil(page: Page, done: () => Promise<boolean>, maxSteps = 200) {
  const next = page.getByTestId("clock-next");
  for (let i = 0; i < maxSteps && !(await done()); i++) {
    if (await next.isDisabled()) break; // nothing scheduled: the condition cannot come true
    await next.click();
  }
}

test("apply a Job, watch its pod complete, read it with kubectl", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
  await expect(page.getByTestId("clock-now")).toHaveText(/^Mon 05 Jan 2026 00:00:\d\d UTC$/);
  await expect(terminalRows(page)).toContainText("Batch Lab");
  // Pause first, so the test decides when virtual time moves.
  await page.getByTestId("clock-play").click();
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Play virtual time");

  await typeManifest(page, jobManifest("sum", ""));
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/sum created");

  const card = page.getByTestId("pod-card");
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-tone", "pending"); // Pending or ContainerCreating
  await expect(page.getByTestId("job-header")).toHaveAttribute("data-status", "Running");
  await stepUntil(page, async () => (await card.getAttribute("data-status")) === "Completed");
  await expect(card).toHaveAttribute("data-status", "Completed");
  await expect(card).toContainText("Completed");
  // The Job controller notices the finished pod at its next sync.
  const header = page.getByTestId("job-header");
  await stepUntil(page, async () => (await header.getAttribute("data-status")) === "Complete");
  await expect(header).toHaveAttribute("data-status", "Complete");
  await expect(page.getByTestId("job-completions")).toHaveText("1/1");
  await expect(page.getByTestId("clock-since")).not.toHaveText("+0s since start");
  await page.screenshot({ path: "test-results/lab-1-pod.png" });

  await runInTerminal(page, "kubectl get jobs");
  await expect(terminalRows(page)).toHaveText(/NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE/);
  await expect(terminalRows(page)).toHaveText(/sum\s+Complete\s+1\/1\s/);
  await runInTerminal(page, "kubectl logs job/sum");
  await expect(terminalRows(page)).toHaveText(/\$ kubectl logs job\/sum\s*3\s*\$/);

  // A bigger Job: 20 completions, 5 at a time, at 100×.
  await typeManifest(
    page,
    jobManifest("many", "completions: 20, parallelism: 5, ", "sleep 3; expr 1 + 2"),
  );
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/many created");
  await stepUntil(
    page,
    async () => (await page.locator('[data-pod^="many-"][data-status="Running"]').count()) >= 3,
  );
  await page.screenshot({ path: "test-results/lab-20-pods-running.png" });
  await page.getByTestId("clock-speed-100").click();
  await page.getByTestId("clock-play").click();
  const many = page.locator('[data-testid="job-header"][data-job="many"]');
  await expect(many).toHaveAttribute("data-status", "Complete", { timeout: 30_000 });
  await page.getByTestId("clock-play").click();
  await expect(page.locator('[data-testid="pod-card"][data-status="Completed"]')).toHaveCount(21);
  await page.screenshot({ path: "test-results/lab-20-pods-done.png" });

  expect(pageErrors).toEqual([]);
});

test("the cluster, the editor and the clock survive a reload", async ({ page }) => {
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
  await page.getByTestId("clock-play").click(); // pause
  await page.getByTestId("clock-speed-10").click();
  await typeManifest(page, jobManifest("keep", ""));
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/keep created");
  await stepUntil(
    page,
    async () => (await page.getByTestId("job-header").getAttribute("data-status")) === "Complete",
  );
  const pod = await page.getByTestId("pod-card").getAttribute("data-pod");
  // Space toggles play when focus is not in the editor or the terminal.
  await page.getByRole("heading", { name: "Batch Lab" }).click();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Pause virtual time");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Play virtual time");
  const now = await page.getByTestId("clock-now").textContent();

  await page.reload();
  await expect(page.getByTestId("job-header")).toHaveAttribute("data-status", "Complete");
  await expect(page.getByTestId("pod-card")).toHaveAttribute("data-pod", pod!);
  await expect(page.getByTestId("clock-now")).toHaveText(now!);
  await expect(page.getByTestId("clock-speed-10")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".yaml-editor .view-lines")).toContainText("metadata: {name: keep}");
});

test("failures and 120 pods stay readable", async ({ page }) => {
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
  await page.getByTestId("clock-play").click(); // pause
  await typeManifest(page, jobManifest("flaky", "backoffLimit: 2, ", "echo failing; exit 1"));
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/flaky created");
  await typeManifest(page, jobManifest("wide", "completions: 120, parallelism: 40, ", "sleep 20"));
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/wide created");

  const wide = page.locator('[data-testid="pod-card"][data-pod^="wide-"]');
  await stepUntil(
    page,
    async () =>
      (await wide.count()) >= 40 &&
      (await page.locator('[data-pod^="flaky-"][data-status="Error"]').count()) >= 1,
  );
  await page.getByTestId("clock-speed-10").click();
  await page.getByTestId("clock-play").click();
  await expect(page.locator('[data-testid="job-header"][data-job="flaky"]')).toHaveAttribute(
    "data-status",
    "Failed",
    { timeout: 30_000 },
  );
  await page.getByTestId("clock-play").click();
  await expect(page.locator('[data-pod^="flaky-"][data-status="Error"]')).toHaveCount(3);
  await page.screenshot({ path: "test-results/lab-failed-and-wide.png" });

  await page.getByTestId("clock-speed-100").click();
  await page.getByTestId("clock-play").click();
  await expect(page.locator('[data-testid="job-header"][data-job="wide"]')).toHaveAttribute(
    "data-status",
    "Complete",
    { timeout: 30_000 },
  );
  await expect(wide.and(page.locator('[data-status="Completed"]'))).toHaveCount(120);
  await page.screenshot({ path: "test-results/lab-120-pods.png" });
});
