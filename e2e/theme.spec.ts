import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe.ts";

// The light theme (app/theme): the header toggle switches every surface (CSS, Monaco, xterm.js),
// the choice survives a reload, the OS preference is followed until the learner chooses, and the
// light lab passes axe-core's WCAG checks. Needs `npm run build` first (playwright.config.ts serves
// dist/).

test.use({ viewport: { width: 1280, height: 720 }, colorScheme: "dark" });

/** The colours a learner sees first: the page, the header, the editor and the terminal. */
function colours(page: Page): Promise<Record<string, string | undefined>> {
  return page.evaluate(`(() => {
    const style = (sel) => {
      const el = document.querySelector(sel);
      return el ? getComputedStyle(el) : { color: "missing", backgroundColor: "missing" };
    };
    return {
      theme: document.documentElement.dataset.theme,
      page: style("html").backgroundColor,
      header: style(".lab__header").backgroundColor,
      text: style(".lab").color,
      editor: style(".yaml-editor .monaco-editor-background").backgroundColor,
      terminal: style(".terminal").backgroundColor,
      terminalText: style(".xterm-rows").color,
    };
  })()`);
}

const DARK = {
  theme: "dark",
  page: "rgb(11, 16, 21)",
  header: "rgb(13, 19, 26)",
  text: "rgb(219, 227, 236)",
  editor: "rgb(15, 21, 28)",
  terminal: "rgb(10, 15, 20)",
  terminalText: "rgb(214, 222, 232)",
};

const LIGHT = {
  theme: "light",
  page: "rgb(238, 241, 245)",
  header: "rgb(255, 255, 255)",
  text: "rgb(31, 35, 40)",
  editor: "rgb(255, 255, 255)",
  terminal: "rgb(248, 249, 251)",
  terminalText: "rgb(31, 35, 40)",
};

async function open(page: Page) {
  await page.goto("/");
  await expect(page.locator(".yaml-editor .monaco-editor")).toBeVisible();
  await expect(page.locator(".xterm-rows")).toContainText("Batch Lab");
}

const toggle = (page: Page) => page.getByRole("button", { name: "Light theme" });

test("the header toggle turns the whole lab light, and the choice survives a reload", async ({
  page,
}) => {
  await open(page);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  expect(await colours(page)).toEqual(DARK);

  await toggle(page).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => colours(page)).toEqual(LIGHT);
  expect(await page.evaluate('localStorage.getItem("batch-lab.theme")')).toBe("light");

  await page.reload();
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  expect(await colours(page)).toEqual(LIGHT);
});

test("the toggle is reached with Tab, shows its focus, and works from the keyboard", async ({
  page,
}) => {
  await open(page);
  await page.getByTestId("reset-cluster").focus();
  await page.keyboard.press("Tab");
  await expect(toggle(page)).toBeFocused();
  // The lab's focus ring (lab-app.css), in the accent colour.
  expect(
    await page.evaluate(`(() => {
      const s = getComputedStyle(document.activeElement);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor].join(" ");
    })()`),
  ).toBe("solid 2px rgb(76, 141, 255)");

  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("without a choice the lab follows the OS theme; a choice then outranks it", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");

  await toggle(page).click(); // chooses dark explicitly
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("the light lab with a running Job and an open inspector has no serious accessibility violations", async ({
  page,
}) => {
  await open(page);
  await toggle(page).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByTestId("apply-button").click();
  await expect(page.getByTestId("pod-card").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId("job-select").first().click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  await page.getByTestId("exercise-link").first().click();
  await expect(page.getByTestId("goals")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
