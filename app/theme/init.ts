import { browserStorage } from "../lab/persist.ts";
import { createThemeStore, PREFERS_LIGHT } from "./theme.ts";

/**
 * The page's theme store. Imported first by main.tsx, so `data-theme` is set before React renders
 * anything (no flash of the other theme).
 */
export const appTheme = createThemeStore({
  storage: browserStorage(),
  prefersLight: typeof matchMedia === "function" ? matchMedia(PREFERS_LIGHT) : undefined,
  root: document.documentElement,
});
