import type { ITheme } from "@xterm/xterm";
import type { Theme } from "../../theme/theme.ts";

/** xterm.js theme key → the CSS variable (styles.css) holding its colour in the current theme. */
const VARS = {
  background: "--terminal-bg",
  foreground: "--term-fg",
  cursor: "--term-cursor",
  cursorAccent: "--terminal-bg",
  selectionBackground: "--term-selection",
  red: "--term-red",
  brightRed: "--term-bright-red",
  green: "--term-green",
  yellow: "--term-yellow",
  blue: "--term-blue",
  brightBlack: "--term-bright-black",
} as const satisfies Partial<Record<keyof ITheme, `--${string}`>>;

/**
 * The terminal's colours, read from the page's CSS variables so there is one palette (xterm.js
 * paints with the values it is given, not with CSS). Read after `data-theme` changed.
 */
export function xtermTheme(style: Pick<CSSStyleDeclaration, "getPropertyValue">): ITheme {
  const theme: ITheme = {};
  for (const [key, name] of Object.entries(VARS)) {
    const value = style.getPropertyValue(name).trim();
    if (value) theme[key as keyof typeof VARS] = value;
  }
  return theme;
}

/**
 * xterm.js lifts text that is too faint against the background to this contrast ratio. The light
 * theme needs it for colours programs choose themselves (the prompt's 256-colour green, dim text);
 * the dark theme keeps its colours as they are (1 = off).
 */
export const MIN_CONTRAST: Record<Theme, number> = { dark: 1, light: 4.5 };
