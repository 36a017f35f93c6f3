import { expect, test, type Page } from "@playwright/test";

// A learner working through the course (app/lesson): pick exercises from the chapter map, solve
// one from each chapter by typing in the editor or the terminal, watch the goals tick as virtual
// time passes, get it wrong once and read what was expected and what was found, replay a
// solution, carry progress over in a file, and switch the lab to French.
// Needs `npm run build` first (playwright.config.ts serves dist/).

test.use({ viewport: { width: 1280, height: 720 }, locale: "en-US" });

const panel = (page: Page) => page.getByTestId("lesson-panel");
const terminalRows = (page: Page) => page.locator('[data-testid="terminal"] .xterm-rows');
const goal = (page: Page, id: string) => page.locator(`[data-testid="goal"][data-goal="${id}"]`);

/** Open an exercise from the chapter map (expanding its chapter first). */
async function openExercise(page: Page, chapter: string, id: string) {
  const contents = page.getByTestId("lesson-contents");
  if (await contents.isVisible()) {
    if ((await contents.getAttribute("aria-pressed")) !== "true") await contents.click();
  }
  const details = page.locator(`[data-testid="chapter"][data-chapter="${chapter}"] details`);
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await page.locator(`[data-testid="exercise-link"][data-exercise="${id}"]`).click();
  await expect(page.getByTestId("exercise")).toHaveAttribute("data-exercise", id);
}

/** Replace the editor's text by typing it (flow-style YAML, as in skeleton.spec.ts). */
async function typeManifest(page: Page, lines: string[]) {
  await page.locator(".yaml-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.insertText("\n");
    await page.keyboard.type(line);
  }
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+Home");
  await expect(page.locator(".yaml-editor .view-lines")).toHaveText(lines.join("\n"), {
    useInnerText: true,
  });
}

async function runInTerminal(page: Page, line: string) {
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

/** Let virtual time flow at 100× until `done`, then pause again. */
async function fastForward(page: Page, done: () => Promise<void>) {
  await page.getByTestId("clock-speed-100").click();
  const play = page.getByTestId("clock-play");
  if ((await play.getAttribute("aria-label")) === "Play virtual time") await play.click();
  await done();
  await play.click();
}

async function start(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByTestId("chapter-map")).toBeVisible();
  await expect(page.locator(".yaml-editor .monaco-editor")).toBeVisible();
  await expect(terminalRows(page)).toContainText("Batch Lab");
  // Pause: the test decides when virtual time moves.
  await page.getByTestId("clock-play").click();
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Play virtual time");
  return errors;
}

test("complete an exercise of every chapter, and get one wrong first", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await start(page);
  await expect(page.getByTestId("mode-pill")).toHaveText("Sandbox");
  await page.screenshot({ path: "test-results/course-1-map.png" });

  // 8.0 — the terminal only: kubectl apply is blocked, kubectl create job is the lesson.
  await openExercise(page, "8.0", "create-job-imperatively");
  await expect(page.getByTestId("mode-pill")).toHaveText("Exercise");
  await expect(page.getByTestId("clock-now")).toHaveText("Mon 05 Jan 2026 09:00:00 UTC");
  await expect(goal(page, "job-created")).toHaveAttribute("data-met", "false");
  await runInTerminal(page, "kubectl apply -f job.yaml");
  await expect(terminalRows(page)).toContainText("kubectl apply");
  await runInTerminal(
    page,
    'kubectl create job hello --image=busybox:1.37 -- echo "hello from a Job"',
  );
  await expect(terminalRows(page)).toContainText("job.batch/hello created");
  await expect(goal(page, "job-created")).toHaveAttribute("data-met", "true");
  await fastForward(page, () =>
    expect(goal(page, "job-complete")).toHaveAttribute("data-met", "true"),
  );
  await runInTerminal(page, "kubectl logs job/hello");
  await expect(terminalRows(page)).toContainText("hello from a Job");
  await expect(page.getByTestId("goals-count")).toHaveText("4/4 met");
  await expect(page.getByTestId("learned")).toBeVisible();
  await page.screenshot({ path: "test-results/course-2-8.0-solved.png" });

  // 8.1 — wrong first: the starting file as it is prints 10 digits and says nothing of retries.
  await openExercise(page, "8.1", "one-shot");
  await expect(page.locator('[data-testid="editor-file-tab"][aria-current="true"]')).toHaveText(
    /job\.yaml/,
  );
  await expect(page.locator(".yaml-editor .view-lines")).toContainText("print bpi(10)");
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/pi created");
  await fastForward(page, () => expect(goal(page, "complete")).toHaveAttribute("data-met", "true"));
  const unmet = goal(page, "one-completion");
  await expect(unmet).toHaveAttribute("data-met", "false");
  await expect(unmet.getByTestId("goal-expected")).not.toBeEmpty();
  await expect(unmet.getByTestId("goal-actual")).not.toBeEmpty();
  await expect(goal(page, "digits")).toHaveAttribute("data-met", "false");
  await expect(page.getByTestId("learned")).toHaveCount(0);
  await page.screenshot({ path: "test-results/course-3-8.1-wrong.png" });

  // …then right: start over, and write the Job as asked.
  await page.getByTestId("reset-exercise").click();
  await expect(page.getByTestId("job-header")).toHaveCount(0);
  await typeManifest(page, [
    "apiVersion: batch/v1",
    "kind: Job",
    "metadata: {name: pi}",
    'spec: {completions: 1, backoffLimit: 4, template: {spec: {restartPolicy: Never, containers: [{name: pi, image: "perl:5.34.0", command: [perl, -Mbignum=bpi, -wle, "print bpi(100)"]}]}}}',
  ]);
  await page.getByTestId("apply-button").click();
  await expect(goal(page, "one-completion")).toHaveAttribute("data-met", "true");
  await fastForward(page, () => expect(page.getByTestId("learned")).toBeVisible());
  await runInTerminal(page, "kubectl logs job/pi");
  await expect(terminalRows(page)).toContainText("3.14159265358979323846");
  await page.screenshot({ path: "test-results/course-4-8.1-solved.png" });

  // 8.2 — a CronJob run by hand, from the terminal.
  await openExercise(page, "8.2", "manual-run");
  await runInTerminal(page, "kubectl get cronjobs");
  await expect(terminalRows(page)).toContainText("backup");
  await runInTerminal(page, "kubectl create job --from=cronjob/backup backup-manual-1");
  await expect(terminalRows(page)).toContainText("job.batch/backup-manual-1 created");
  await expect(goal(page, "manual")).toHaveAttribute("data-met", "true");
  await fastForward(page, () => expect(page.getByTestId("learned")).toBeVisible());
  await runInTerminal(page, "kubectl logs job/backup-manual-1");
  await expect(terminalRows(page)).toContainText("backup done");

  // 8.3 — a Job that always fails: backoffLimit 3 means 4 failed pods, then BackoffLimitExceeded.
  await openExercise(page, "8.3", "backoff-never");
  await typeManifest(page, [
    "apiVersion: batch/v1",
    "kind: Job",
    "metadata: {name: always-fails}",
    'spec: {backoffLimit: 3, template: {spec: {restartPolicy: Never, containers: [{name: fail, image: "busybox:1.37", command: [sh, -c, "echo trying; exit 1"]}]}}}',
  ]);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/always-fails created");
  await expect(goal(page, "limit-3")).toHaveAttribute("data-met", "true");
  await fastForward(page, () =>
    expect(goal(page, "gave-up")).toHaveAttribute("data-met", "true", { timeout: 30_000 }),
  );
  await expect(page.getByTestId("learned")).toBeVisible();
  await page.screenshot({ path: "test-results/course-5-8.3-solved.png" });

  // 8.4 — a migration behind an init container that takes a backup first.
  await openExercise(page, "8.4", "migration-init-container");
  await typeManifest(page, [
    "apiVersion: batch/v1",
    "kind: Job",
    "metadata: {name: migrate-v2-3}",
    "spec: {backoffLimit: 0, activeDeadlineSeconds: 1800, template: {spec: {restartPolicy: Never, volumes: [{name: backup, emptyDir: {}}], " +
      'initContainers: [{name: pre-migration-backup, image: "busybox:1.37", volumeMounts: [{name: backup, mountPath: /backup}], command: [sh, -c, "echo dump > /backup/pre-migration.sql"]}], ' +
      'containers: [{name: migrate, image: "busybox:1.37", volumeMounts: [{name: backup, mountPath: /backup}], command: [sh, -c, "test -f /backup/pre-migration.sql && echo found pre-migration backup, migrating schema to v2.3"]}]}}}',
  ]);
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/migrate-v2-3 created");
  await fastForward(page, () => expect(page.getByTestId("learned")).toBeVisible());
  await page.screenshot({ path: "test-results/course-6-8.4-solved.png" });

  // The map ticks what was done.
  await page.getByTestId("lesson-contents").click();
  await expect(page.getByTestId("course-progress")).toHaveText(/^5 of \d+ done$/);
  for (const id of [
    "create-job-imperatively",
    "one-shot",
    "manual-run",
    "backoff-never",
    "migration-init-container",
  ]) {
    await expect(
      page.locator(`[data-testid="exercise-link"][data-exercise="${id}"]`),
    ).toHaveAttribute("data-state", "done");
  }
  await page.screenshot({ path: "test-results/course-7-progress.png" });

  // Progress survives a reload, and so does the exercise's cluster.
  await page.reload();
  await expect(page.getByTestId("exercise")).toHaveAttribute(
    "data-exercise",
    "migration-init-container",
  );
  await expect(page.getByTestId("learned")).toBeVisible();
  await page.getByTestId("lesson-contents").click();
  await page.getByTestId("open-sandbox").click();
  await expect(page.getByTestId("mode-pill")).toHaveText("Sandbox");
  await expect(page.getByTestId("clock-now")).toHaveText(/^Mon 05 Jan 2026 00:0\d:\d\d UTC$/);
  expect(errors).toEqual([]);
});

test("replay a solution step by step, after a confirmation", async ({ page }) => {
  const errors = await start(page);
  await openExercise(page, "8.0", "create-job-imperatively");
  await page.getByTestId("clock-play").click(); // let time flow: `kubectl wait` waits for it
  await page.getByTestId("show-hint").click();
  await expect(page.getByTestId("hints").locator("li")).toHaveCount(1);
  await page.getByTestId("show-solution").click();
  await page.getByTestId("solution-confirm").click();
  await expect(page.getByTestId("solution-progress")).toContainText("step 1 of 3");
  await expect(terminalRows(page)).toContainText("kubectl create job hello");
  await page.screenshot({ path: "test-results/course-8-solution.png" });
  await expect(page.getByTestId("solution-progress")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("learned")).toBeVisible();
  await expect(terminalRows(page)).toContainText("hello from a Job");
  expect(errors).toEqual([]);
});

test("export progress, refuse a bad file, import it back", async ({ page }, info) => {
  const errors = await start(page);
  await openExercise(page, "8.0", "create-job-imperatively");
  await runInTerminal(
    page,
    'kubectl create job hello --image=busybox:1.37 -- echo "hello from a Job"',
  );
  await runInTerminal(page, "sleep 30s");
  await runInTerminal(page, "kubectl logs job/hello");
  await expect(page.getByTestId("learned")).toBeVisible();
  await page.getByTestId("lesson-contents").click();

  const download = page.waitForEvent("download");
  await page.getByTestId("export-progress").click();
  const file = info.outputPath("progress.json");
  await (await download).saveAs(file);

  await page.getByTestId("import-file").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByTestId("import-result")).toHaveText(
    /This file was not imported: it is not a Batch Lab progress file\./,
  );
  await page.screenshot({ path: "test-results/course-9-import-error.png" });

  // A new browser, say: no progress saved, back in the sandbox.
  await page.evaluate('localStorage.removeItem("batch-lab:progress:batch-course")');
  await page.reload();
  await expect(page.getByTestId("mode-pill")).toHaveText("Sandbox");
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-result")).toHaveText("Progress imported: 1 exercise done.");
  await expect(
    page.locator('[data-testid="exercise-link"][data-exercise="create-job-imperatively"]'),
  ).toHaveAttribute("data-state", "done");
  expect(errors).toEqual([]);
});

test("switch to French: the lab and the lesson speak French", async ({ page }) => {
  const errors = await start(page);
  await openExercise(page, "8.1", "one-shot");
  await page.getByTestId("lang-fr").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByTestId("reset-cluster")).toHaveText("Vider le cluster");
  await expect(page.getByTestId("apply-button")).toHaveText("Appliquer");
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName(
    "Faire avancer le temps virtuel",
  );
  await expect(page.getByTestId("mode-pill")).toHaveText("Exercice");
  await expect(panel(page).getByRole("heading", { name: "Objectifs" })).toBeVisible();
  await expect(page.getByTestId("exercise-title")).toHaveText("Un Job ponctuel");
  await expect(goal(page, "complete")).toContainText("pi");
  await expect(page.getByTestId("goals-count")).toHaveText("0/3 atteints");
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("apply-result")).toHaveText("job.batch/pi created"); // kubectl's words
  await page.screenshot({ path: "test-results/course-10-french.png" });
  // The choice is kept.
  await page.reload();
  await expect(page.getByTestId("reset-cluster")).toHaveText("Vider le cluster");
  await page.getByTestId("lang-ru").click();
  await expect(page.getByTestId("reset-cluster")).toHaveText("Сбросить кластер");
  await page.screenshot({ path: "test-results/course-11-russian.png" });
  expect(errors).toEqual([]);
});
