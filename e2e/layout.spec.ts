import { expect, test, type Locator, type Page } from "@playwright/test";

// Resizable panes and the tablet layouts (app/components/Splitter.tsx, use-pane-sizes.ts,
// split-panes.css): drag a splitter with the mouse and with a finger, move one with the keyboard,
// reload and find the same sizes, and work the lab on a tablet held either way.
// Needs `npm run build` first (playwright.config.ts serves dist/).

const LAYOUT_KEY = "batch-lab.layout";

const pane = (page: Page, name: "lesson" | "editor" | "cluster" | "terminal") =>
  page.locator(`#lab-${name}`);
const terminalRows = (page: Page) => page.locator('[data-testid="terminal"] .xterm-rows');

async function open(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.locator(".yaml-editor .monaco-editor")).toBeVisible();
  return errors;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not laid out");
  return b;
}

const valueNow = async (splitter: Locator) => Number(await splitter.getAttribute("aria-valuenow"));

/** Drag a splitter from its middle by (dx, dy) with the mouse, in steps, as a hand would. */
async function drag(page: Page, splitter: Locator, dx: number, dy: number) {
  const b = await box(splitter);
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/** The same with a finger: touch events (which the browser turns into pointer events). */
async function touchDrag(page: Page, splitter: Locator, dx: number, dy: number) {
  const b = await box(splitter);
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: [{ x: x + (dx * i) / 6, y: y + (dy * i) / 6 }],
    });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
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

const jobManifest = (name: string) => [
  "apiVersion: batch/v1",
  "kind: Job",
  `metadata: {name: ${name}}`,
  `spec: {template: {spec: {restartPolicy: Never, containers: [{name: calc, image: "busybox:1.36", command: [sh, -c, "expr 1 + 2"]}]}}}`,
];

/** The page never scrolls sideways: nothing is wider than the window. */
async function expectNoHorizontalOverflow(page: Page) {
  // A string: the e2e project is type-checked without the DOM library.
  const { scrollWidth, clientWidth, bodyScroll } = await page.evaluate<{
    scrollWidth: number;
    clientWidth: number;
    bodyScroll: number;
  }>(`({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    bodyScroll: document.body.scrollWidth,
  })`);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(bodyScroll).toBeLessThanOrEqual(clientWidth);
}

test.describe("at 1280 × 720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("dragging the editor | cluster splitter with the mouse resizes both panes", async ({
    page,
  }) => {
    const errors = await open(page);
    const splitter = page.getByTestId("splitter-editor");
    const editor0 = await box(pane(page, "editor"));
    const cluster0 = await box(pane(page, "cluster"));
    const splitter0 = await box(splitter);

    await drag(page, splitter, 80, 0);
    const editor1 = await box(pane(page, "editor"));
    const cluster1 = await box(pane(page, "cluster"));
    expect(editor1.width).toBeCloseTo(editor0.width + 80, 0);
    expect(cluster1.width).toBeCloseTo(cluster0.width - 80, 0);
    // The splitter followed the pointer, and says where it is.
    expect((await box(splitter)).x).toBeCloseTo(splitter0.x + 80, 0);
    expect(await valueNow(splitter)).toBeGreaterThan(50);

    // Too far: the cluster keeps its minimum width.
    await drag(page, splitter, 2000, 0);
    expect((await box(pane(page, "cluster"))).width).toBeCloseTo(380, 0);
    await expectNoHorizontalOverflow(page);

    // Double-click: back to the default (half each).
    await splitter.dblclick();
    await expect(splitter).toHaveAttribute("aria-valuenow", "50");
    expect((await box(pane(page, "editor"))).width).toBeCloseTo(editor0.width, 0);
    expect(errors).toEqual([]);
  });

  test("the editor and the terminal follow their panes as splitters move", async ({ page }) => {
    await open(page);
    const monaco = page.locator(".yaml-editor .monaco-editor");
    const xterm = page.locator(".terminal__xterm .xterm-screen");
    await expect(xterm).toBeVisible();
    const fits = async () => {
      const [e, m, t, x] = await Promise.all([
        box(pane(page, "editor")),
        box(monaco),
        box(pane(page, "terminal")),
        box(xterm),
      ]);
      return {
        // Monaco fills its pane's width; xterm's grid fills the terminal to within one cell.
        editor: Math.round(e.x + e.width - (m.x + m.width)),
        terminal: t.x + t.width - (x.x + x.width) < 30 && x.x + x.width <= t.x + t.width,
        rows: t.y + t.height - (x.y + x.height) < 24 && x.y + x.height <= t.y + t.height,
      };
    };
    expect(await fits()).toEqual({ editor: 0, terminal: true, rows: true });
    await drag(page, page.getByTestId("splitter-editor"), -100, 0);
    await drag(page, page.getByTestId("splitter-terminal"), 0, -120);
    await drag(page, page.getByTestId("splitter-lesson"), 150, 0);
    await expect.poll(fits).toEqual({ editor: 0, terminal: true, rows: true });
    await drag(page, page.getByTestId("splitter-terminal"), 0, 200);
    await expect.poll(fits).toEqual({ editor: 0, terminal: true, rows: true });
  });

  test("a splitter is a focusable window splitter the keyboard moves", async ({ page }) => {
    await open(page);
    const splitter = page.getByRole("separator", { name: "Resize the terminal" });
    await expect(splitter).toHaveAttribute("aria-orientation", "horizontal");
    await expect(splitter).toHaveAttribute("aria-controls", "lab-editor lab-cluster");
    await expect(splitter).toHaveAttribute("tabindex", "0");
    const min = Number(await splitter.getAttribute("aria-valuemin"));
    const max = Number(await splitter.getAttribute("aria-valuemax"));
    const start = await valueNow(splitter);
    expect(start).toBeGreaterThan(min);
    expect(start).toBeLessThan(max);
    const terminal0 = await box(pane(page, "terminal"));

    await splitter.focus();
    await page.keyboard.press("ArrowUp"); // the pane above shrinks, the terminal grows
    const up = await valueNow(splitter);
    expect(up).toBeLessThan(start);
    expect((await box(pane(page, "terminal"))).height).toBeCloseTo(terminal0.height + 16, 0);
    await page.keyboard.press("Shift+ArrowDown"); // a bigger step
    expect(await valueNow(splitter)).toBeGreaterThan(start);
    // The cross-axis arrows are not this splitter's.
    const here = await valueNow(splitter);
    await page.keyboard.press("ArrowLeft");
    expect(await valueNow(splitter)).toBe(here);
    await page.keyboard.press("Home");
    expect(await valueNow(splitter)).toBe(min);
    await page.keyboard.press("End");
    expect(await valueNow(splitter)).toBe(max);

    // The lesson column's splitter moves with Left/Right.
    const lesson = page.getByRole("separator", { name: "Resize the course panel" });
    await expect(lesson).toHaveAttribute("aria-orientation", "vertical");
    await expect(lesson).toHaveAttribute("aria-controls", "lab-lesson");
    const width0 = (await box(pane(page, "lesson"))).width;
    await lesson.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect((await box(pane(page, "lesson"))).width).toBeCloseTo(width0 + 32, 0);
  });

  test("sizes survive a reload; a damaged stored value is ignored", async ({ page }) => {
    await open(page);
    await drag(page, page.getByTestId("splitter-editor"), -120, 0);
    await drag(page, page.getByTestId("splitter-terminal"), 0, -90);
    await drag(page, page.getByTestId("splitter-lesson"), 60, 0);
    const sizes = async () =>
      Promise.all(
        (["lesson", "editor", "cluster", "terminal"] as const).map(async (p) => {
          const b = await box(pane(page, p));
          return [Math.round(b.width), Math.round(b.height)];
        }),
      );
    const before = await sizes();
    const stored = await page.evaluate<string | null>(`localStorage.getItem("${LAYOUT_KEY}")`);
    expect(stored).toMatch(/^\{"lesson":380,"wide":\{"editor":0\.\d+,"terminal":0\.\d+\}/);

    await page.reload();
    await expect(page.locator(".yaml-editor .monaco-editor")).toBeVisible();
    expect(await sizes()).toEqual(before);

    // Not JSON, then nonsense values: the defaults, and no error.
    for (const bad of ["{not json", '{"lesson":-5,"wide":{"editor":7,"terminal":"x"}}']) {
      await page.evaluate(`localStorage.setItem("${LAYOUT_KEY}", ${JSON.stringify(bad)})`);
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.reload();
      await expect(page.getByTestId("splitter-editor")).toHaveAttribute("aria-valuenow", "50");
      expect(errors).toEqual([]);
    }
  });

  test("a narrower window re-clamps the panes; a wider one gives the preference back", async ({
    page,
  }) => {
    await open(page);
    const splitter = page.getByTestId("splitter-editor");
    await splitter.focus();
    await page.keyboard.press("End"); // as wide as the editor may be
    const wide = await valueNow(splitter);
    await page.setViewportSize({ width: 1100, height: 720 });
    await expect
      .poll(async () => Math.round((await box(pane(page, "cluster"))).width))
      .toBeGreaterThanOrEqual(380);
    await expectNoHorizontalOverflow(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => valueNow(splitter)).toBe(wide);
  });
});

for (const viewport of [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
]) {
  test.describe(`on a ${viewport.width} × ${viewport.height} tablet`, () => {
    test.use({ viewport, hasTouch: true });

    test("every pane is reachable, nothing scrolls sideways, and a Job can be typed and applied", async ({
      page,
    }) => {
      const errors = await open(page);
      await expectNoHorizontalOverflow(page);

      // The header's controls all sit inside the window.
      for (const id of ["clock-play", "clock-next", "travel-undo", "reset-cluster", "lang-ru"]) {
        const b = await box(page.getByTestId(id));
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
        expect(b.height).toBeGreaterThanOrEqual(32); // touch target
      }
      for (const p of ["editor", "cluster", "terminal"] as const) {
        await expect(pane(page, p)).toBeInViewport({ ratio: 0.99 });
        const b = await box(pane(page, p));
        expect(b.width).toBeGreaterThanOrEqual(300);
        expect(b.height).toBeGreaterThanOrEqual(96);
      }

      // The lesson panel is a drawer: closed at first, opened from its rail, closed with Escape.
      const rail = page.getByTestId("lesson-toggle");
      await expect(rail).toBeInViewport();
      await rail.click();
      await expect(pane(page, "lesson")).toBeInViewport({ ratio: 0.99 });
      await expect(page.getByTestId("chapter").first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.keyboard.press("Escape");
      await expect(rail).toBeFocused();

      await page.getByTestId("clock-play").click(); // pause: the test moves time
      await typeManifest(page, jobManifest("tablet"));
      await page.getByTestId("apply-button").click();
      await expect(page.getByTestId("apply-result")).toHaveText("job.batch/tablet created");
      await expect(page.getByTestId("pod-card")).toHaveCount(1);
      await expect(page.getByTestId("pod-card")).toBeInViewport();

      await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
      await page.keyboard.type("kubectl get jobs");
      await page.keyboard.press("Enter");
      await expect(terminalRows(page)).toHaveText(/NAME\s+STATUS[\s\S]*tablet\s/);
      await expectNoHorizontalOverflow(page);
      expect(errors).toEqual([]);
    });

    test("a finger drags a splitter", async ({ page }) => {
      await open(page);
      const splitter = page.getByTestId("splitter-terminal");
      const terminal0 = await box(pane(page, "terminal"));
      await touchDrag(page, splitter, 0, -80);
      await expect
        .poll(async () => Math.round((await box(pane(page, "terminal"))).height))
        .toBe(Math.round(terminal0.height + 80));
      await expectNoHorizontalOverflow(page);
    });
  });
}
