import { expect, test, type Page } from "@playwright/test";

// A learner works through the course's first Job in the terminal (issue #5): applies the editor's
// job.yaml with kubectl, watches its pod with `get pods -w` until Ctrl+C, reads it with describe,
// logs and a jsonpath query; completes a word with Tab, recalls a line with ↑, and stops a
// `logs -f` with Ctrl+C. Needs `npm run build` first (playwright.config.ts serves dist/).

test.use({ viewport: { width: 1440, height: 900 } });

const terminal = (page: Page) => page.getByTestId("terminal");

/** The terminal's visible lines (xterm's DOM renderer), non-breaking spaces as spaces. */
async function screen(page: Page): Promise<string[]> {
  const rows = await terminal(page).locator(".xterm-rows > div").allTextContents();
  const lines = rows.map((r) => r.replace(/\u00a0/g, " ").trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Wait until the screen (its lines joined by \n) matches. */
async function expectScreen(page: Page, pattern: RegExp) {
  await expect.poll(async () => (await screen(page)).join("\n")).toMatch(pattern);
}

async function focusTerminal(page: Page) {
  await terminal(page).locator(".xterm-helper-textarea").focus();
}

/** Clear the screen (Ctrl+L), type a line and press Enter. */
async function run(page: Page, line: string) {
  await focusTerminal(page);
  await page.keyboard.press("Control+L");
  await expectScreen(page, /^\$$/);
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

/** The pi Job of the course's first chapter; nested parts in flow style (Monaco auto-indents). */
const PI_JOB = [
  "apiVersion: batch/v1",
  "kind: Job",
  "metadata: {name: pi}",
  'spec: {backoffLimit: 4, template: {spec: {restartPolicy: Never, containers: [{name: pi, image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(50)"]}]}}}',
];

async function typeManifest(page: Page, lines: string[]) {
  await page.locator(".yaml-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  for (const [i, line] of lines.entries()) {
    // As text, not keystrokes: Monaco is slow to type into, and auto-closes brackets as typed.
    await page.keyboard.insertText((i > 0 ? "\n" : "") + line);
  }
  await page.keyboard.press("Escape");
  await expect(page.locator(".yaml-editor .view-lines")).toHaveText(lines.join("\n"), {
    useInnerText: true,
  });
}

test("a learner's first Job, from the terminal", async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("/");
  await expect(terminal(page).locator(".xterm-rows")).toContainText("Batch Lab");
  // Pause: the test decides when virtual time flows.
  await page.getByTestId("clock-play").click();
  await expect(page.getByTestId("clock-play")).toHaveAccessibleName("Play virtual time");
  await page.getByTestId("clock-speed-10").click();

  await typeManifest(page, PI_JOB);
  await run(page, "kubectl apply -f job.yaml");
  await expectScreen(page, /^\$ kubectl apply -f job\.yaml\njob\.batch\/pi created\n\$$/);

  // `get pods -w` streams rows as the clock plays, until Ctrl+C.
  await run(page, "kubectl get pods -w");
  await expectScreen(
    page,
    /^\$ kubectl get pods -w\nNAME +READY +STATUS +RESTARTS +AGE\npi-\w{5} +0\/1 +(Pending|ContainerCreating) +0 +0s$/,
  );
  await page.getByTestId("clock-play").click();
  await expectScreen(page, /\npi-\w{5} +1\/1 +Running +0 +\d+s\n/);
  await expectScreen(page, /\npi-\w{5} +0\/1 +Completed +0 +\d+s$/);
  await page.getByTestId("clock-play").click(); // pause again
  await focusTerminal(page);
  await page.keyboard.press("Control+C");
  await expectScreen(page, /\npi-\w{5} +0\/1 +Completed +0 +\d+s\n\^C\n\$$/);
  await page.screenshot({ path: test.info().outputPath("terminal-watch.png") });

  // describe is longer than the screen: its head, then its tail.
  await run(page, "kubectl describe job pi | head -4");
  await expectScreen(
    page,
    /^\$ kubectl describe job pi \| head -4\nName: +pi\nNamespace: +default\nSelector: +batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\nLabels: +batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\n\$$/,
  );
  await run(page, "kubectl describe job pi");
  await expectScreen(
    page,
    /\n {2}Normal {2}SuccessfulCreate +\d+s +job-controller +Created pod: pi-\w{5}\n {2}Normal {2}Completed +\d+s +job-controller +Job completed\n\$$/,
  );

  await run(page, "kubectl logs job/pi");
  await expectScreen(
    page,
    /^\$ kubectl logs job\/pi\n3\.1415926535897932384626433832795028841971693993751\n\$$/,
  );

  await run(page, "kubectl get job pi -o jsonpath='{.status.succeeded}'");
  await expectScreen(page, /^\$ kubectl get job pi -o jsonpath='\{\.status\.succeeded\}'\n1\n\$$/);

  // Tab completes the kind; ↑ recalls the line.
  await focusTerminal(page);
  await page.keyboard.press("Control+L");
  await page.keyboard.type("kubectl get jo");
  await page.keyboard.press("Tab");
  await expectScreen(page, /^\$ kubectl get jobs$/);
  await page.keyboard.press("Enter");
  await expectScreen(
    page,
    /^\$ kubectl get jobs\nNAME +STATUS +COMPLETIONS +DURATION +AGE\npi +Complete +1\/1 +\d+s +\d+s\n\$$/,
  );
  await page.keyboard.press("Control+L");
  await page.keyboard.press("ArrowUp");
  await expectScreen(page, /^\$ kubectl get jobs$/);
  await page.keyboard.press("ArrowUp");
  await expectScreen(page, /^\$ kubectl get job pi -o jsonpath='\{\.status\.succeeded\}'$/);
  await page.keyboard.press("Control+U");

  // `logs -f` follows a container that runs on; Ctrl+C stops it and the prompt comes back.
  await run(
    page,
    "kubectl create job ticker --image=busybox:1.36 -- sh -c 'while true; do echo tick; sleep 1; done'",
  );
  await expectScreen(page, /\njob\.batch\/ticker created\n\$$/);
  await page.getByTestId("clock-speed-1").click();
  await page.getByTestId("clock-play").click();
  await expect(page.locator('[data-pod^="ticker-"][data-status="Running"]')).toHaveCount(1);
  await page.getByTestId("clock-play").click(); // pause
  await run(page, "kubectl logs -f job/ticker");
  await expectScreen(page, /^\$ kubectl logs -f job\/ticker\n(tick\n)*tick$/);
  const ticks = async () => (await screen(page)).filter((l) => l === "tick").length;
  const before = await ticks();
  await page.getByTestId("clock-play").click(); // new lines follow as virtual time flows
  await expect.poll(ticks).toBeGreaterThanOrEqual(before + 2);
  await focusTerminal(page);
  await page.keyboard.press("Control+C");
  await expectScreen(page, /\ntick\n\^C\n\$$/);
  await page.screenshot({ path: test.info().outputPath("terminal-logs-f.png") });
  await page.getByTestId("clock-play").click();
  const lines = (await screen(page)).length;
  await page.waitForTimeout(300); // the clock is paused and nothing follows the logs any more
  expect((await screen(page)).length).toBe(lines);
  await run(page, "date");
  await expectScreen(page, /^\$ date\n\w{3} \w{3} +\d+ \d\d:\d\d:\d\d UTC 2026\n\$$/);

  expect(pageErrors).toEqual([]);
});
