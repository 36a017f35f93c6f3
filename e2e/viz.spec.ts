import { expect, test, type Page } from "@playwright/test";

// "See it happen" (issue #7): the timeline, the "why" panel, time travel and failure injection,
// driven as a learner would. Needs `npm run build` first (playwright.config.ts serves dist/).

test.use({ viewport: { width: 1280, height: 720 } });

const editor = (page: Page) => page.locator(".yaml-editor .monaco-editor");

const job = (name: string, spec: string, script: string) =>
  [
    "apiVersion: batch/v1",
    "kind: Job",
    `metadata: {name: ${name}}`,
    `spec: {${spec}template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "${script}"]}]}}}`,
  ].join("\n");

async function open(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
  const play = page.getByTestId("clock-play");
  if ((await play.getAttribute("aria-label"))?.startsWith("Pause")) await play.click();
  return errors;
}

/** Paste a manifest into the editor and press Apply. */
async function apply(page: Page, text: string, expected: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.locator(".yaml-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText(expected);
}

/** Press "Next event" until `done` holds. */
async function stepUntil(page: Page, done: () => Promise<boolean>, maxSteps = 300) {
  const next = page.getByTestId("clock-next");
  for (let i = 0; i < maxSteps && !(await done()); i++) {
    if (await next.isDisabled()) break;
    await next.click();
  }
}

const whyText = (page: Page) => page.getByTestId("why-panel").innerText();

test("backoffLimit 2: three failed pods, growing back-off gaps, the why panel, undo", async ({
  page,
}) => {
  const errors = await open(page);
  const before = await page.getByTestId("clock-now").textContent();
  await apply(
    page,
    job("flaky", "backoffLimit: 2, ", "echo failing; exit 1"),
    "job.batch/flaky created",
  );
  await page.getByTestId("job-select").click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  await expect(page.getByTestId("why-panel")).toContainText(
    "1 pod active = parallelism 1: no new pod",
  );

  // Each wait is explained while it runs.
  await stepUntil(page, async () =>
    (await whyText(page)).includes("back-off 10 s after 1 failure"),
  );
  await expect(page.getByTestId("why-panel")).toContainText(
    /next pod allowed in \d+ s \(back-off 10 s after 1 failure\)/,
  );
  await stepUntil(page, async () => (await whyText(page)).includes("1 failure ≤ backoffLimit 2"));
  await expect(page.getByTestId("why-panel")).toContainText(
    "1 failure ≤ backoffLimit 2: 2 more failures fail the job",
  );
  await expect(page.getByTestId("gantt-backoff-pending")).toContainText("back-off 10 s");
  await stepUntil(page, async () =>
    (await whyText(page)).includes("back-off 20 s after 2 failures"),
  );
  await expect(page.getByTestId("why-panel")).toContainText(
    /next pod allowed in \d+ s \(back-off 20 s after 2 failures\)/,
  );
  const header = page.locator('[data-testid="job-header"][data-job="flaky"]');
  await stepUntil(page, async () => (await header.getAttribute("data-status")) === "Failed");
  await expect(page.getByTestId("why-panel")).toContainText(
    "3 failures > backoffLimit 2: job failed (BackoffLimitExceeded)",
  );
  await expect(
    page.getByTestId("why-panel").getByRole("link", { name: "backoffLimit" }).first(),
  ).toHaveAttribute("href", /kubernetes\.io\/docs\/concepts\/workloads\/controllers\/job\//);

  await page.screenshot({ path: "test-results/viz-why.png" });
  // The timeline: three failed pods, the gaps between them labelled and growing.
  const rows = page.locator(
    '[data-testid="gantt-job"][data-job="flaky"] [data-testid="gantt-row"]',
  );
  await expect(rows).toHaveCount(3);
  await expect(rows.and(page.locator('[data-state="failed"]'))).toHaveCount(3);
  await expect(page.getByTestId("gantt-backoff")).toHaveText(["back-off 10 s", "back-off 20 s"]);
  await expect(page.getByTestId("gantt-job").first()).toContainText("BackoffLimitExceeded");
  await expect(
    page.locator('[data-testid="pod-card"][data-pod^="flaky-"][data-status="Error"]'),
  ).toHaveCount(3);

  // The same in the table twin.
  await page.getByTestId("view-table").click();
  await expect(page.getByTestId("table-view").getByRole("row")).not.toHaveCount(0);
  await expect(page.getByRole("table", { name: "Pods" }).locator("tbody tr")).toHaveCount(3);
  await page.getByTestId("view-canvas").click();

  // Scrubbing back shows the cluster with one pod.
  const scrub = page.getByTestId("timeline-scrub");
  const min = Number(await scrub.getAttribute("min"));
  await scrub.fill(String(min + 5000));
  await expect(page.getByTestId("preview-banner")).toBeVisible();
  await expect(page.locator('[data-testid="pod-card"][data-pod^="flaky-"]')).toHaveCount(1);
  await page.getByTestId("timeline-live").click();
  await expect(page.locator('[data-testid="pod-card"][data-pod^="flaky-"]')).toHaveCount(3);

  // Undo returns to before the apply; redo brings the failed Job back.
  await page.getByTestId("travel-undo").click();
  await expect(page.locator('[data-testid="pod-card"][data-pod^="flaky-"]')).toHaveCount(0);
  await expect(page.getByTestId("job-header")).toHaveCount(0);
  await expect(page.getByTestId("clock-now")).toHaveText(before!);
  await page.getByTestId("travel-redo").click();
  await expect(header).toHaveAttribute("data-status", "Failed");
  await expect(
    page.locator('[data-testid="pod-card"][data-pod^="flaky-"][data-status="Error"]'),
  ).toHaveCount(3);
  expect(errors).toEqual([]);
});

test("a killed pod is replaced; jump to the next pod exit", async ({ page }) => {
  const errors = await open(page);
  await apply(page, job("victim", "", "sleep 300"), "job.batch/victim created");
  const pods = page.locator('[data-testid="pod-card"][data-pod^="victim-"]');
  await stepUntil(page, async () => (await pods.first().getAttribute("data-status")) === "Running");
  const first = await pods.first().getAttribute("data-pod");
  await page.screenshot({ path: "test-results/viz-1-pod.png" });
  await pods.first().locator(".pod__hit").click();
  await expect(page.getByTestId("inspector")).toContainText(first!);
  await page.getByTestId("inspector-tab-yaml").click();
  await expect(page.getByTestId("inspector-yaml")).toContainText(`name: ${first}`);
  await page.getByTestId("fault-kill").click();
  await expect(page.locator(`[data-testid="pod-card"][data-pod="${first}"]`)).toHaveAttribute(
    "data-status",
    "Error",
  );
  // The Job controller replaces it after the 10 s creation back-off.
  await page.getByTestId("travel-jump").click();
  await page.getByTestId("jump-backoff").click();
  await stepUntil(page, async () => (await pods.count()) === 2);
  await expect(pods).toHaveCount(2);
  await stepUntil(page, async () => (await pods.nth(1).getAttribute("data-status")) === "Running");
  await expect(pods.nth(1)).toHaveAttribute("data-status", "Running");
  await expect(page.getByTestId("timeline")).toContainText("exit 137");
  expect(errors).toEqual([]);
});

test("the canvas at 20 and 300 pods", async ({ page }) => {
  const errors = await open(page);
  await apply(
    page,
    job("twenty", "completions: 20, parallelism: 20, ", "sleep 30"),
    "job.batch/twenty created",
  );
  await stepUntil(
    page,
    async () =>
      (await page
        .locator('[data-testid="pod-card"][data-pod^="twenty-"][data-status="Running"]')
        .count()) >= 20,
  );
  await page.screenshot({ path: "test-results/viz-20-pods.png" });
  await page.getByTestId("travel-undo").click();
  await expect(page.locator('[data-testid="pod-card"][data-pod^="twenty-"]')).toHaveCount(0);

  await apply(
    page,
    job("wide", "completions: 300, parallelism: 300, ", "sleep 30"),
    "job.batch/wide created",
  );
  await page.getByTestId("clock-speed-10").click();
  await page.getByTestId("clock-play").click();
  await expect
    .poll(
      () =>
        page.locator('[data-testid="pod-card"][data-pod^="wide-"][data-status="Running"]').count(),
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThanOrEqual(300);
  await page.getByTestId("clock-play").click();
  await page.screenshot({ path: "test-results/viz-300-pods.png" });
  await page.getByTestId("view-table").click();
  await expect(page.getByRole("table", { name: "Pods" }).locator("tbody tr")).toHaveCount(300);
  expect(errors).toEqual([]);
});

test("past 300 pods the canvas shows the newest 300, says so, and the table lists them all", async ({
  page,
}) => {
  const errors = await open(page);
  await apply(
    page,
    job("huge", "completions: 420, parallelism: 420, ", "sleep 30"),
    "job.batch/huge created",
  );
  await page.getByTestId("clock-speed-10").click();
  await page.getByTestId("clock-play").click();
  await expect(page.getByTestId("pod-legend")).toContainText("420", { timeout: 30_000 });
  await page.getByTestId("clock-play").click();
  await expect(page.getByTestId("pod-grid-capped")).toHaveText(
    "The newest 300 of 420 pods; the legend counts them all, the table view lists them all.",
  );
  await expect(page.locator('[data-testid="pod-card"][data-pod^="huge-"]')).toHaveCount(300);
  await expect(page.getByTestId("gantt-hidden-rows")).toHaveText(
    "220 earlier pods not shown (the table view lists every pod)",
  );
  await expect(page.getByTestId("gantt-row")).toHaveCount(200);
  await page.getByTestId("view-table").click();
  await expect(page.getByRole("table", { name: "Pods" }).locator("tbody tr")).toHaveCount(420);
  expect(errors).toEqual([]);
});

test("every control has a name; events are filterable and live", async ({ page }) => {
  await open(page);
  await apply(page, job("named", "backoffLimit: 0, ", "exit 3"), "job.batch/named created");
  await stepUntil(
    page,
    async () =>
      (await page
        .locator('[data-testid="job-header"][data-job="named"]')
        .getAttribute("data-status")) === "Failed",
  );
  // Role/name checks (axe-core is not installed yet): every visible button has a name.
  for (const b of await page.getByRole("button").all()) {
    if (!(await b.isVisible())) continue;
    const name = (await b.getAttribute("aria-label")) ?? (await b.innerText()).trim();
    const title = (await b.getAttribute("title")) ?? "";
    expect(name || title, (await b.getAttribute("data-testid")) ?? "a button").not.toBe("");
  }
  await expect(page.getByTestId("events-live")).toContainText("BackoffLimitExceeded");
  await page.getByTestId("events").locator("summary").click();
  await page.getByTestId("events-filter").fill("BackoffLimit");
  await expect(page.getByTestId("events").locator(".events__list li")).toHaveCount(1);
});
