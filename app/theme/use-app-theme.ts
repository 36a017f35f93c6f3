import { useSyncExternalStore } from "react";
import type { Theme } from "./theme.ts";

/**
 * The app's colour theme for what cannot read CSS variables by itself (Monaco, xterm.js): `light`
 * when the root element says `data-theme="light"`, else dark. Follows changes live.
 */
export function useAppTheme(): Theme {
  return useSyncExternalStore(subscribe, read, () => "dark");
}

function read(): Theme {
  return document.documentElement.dataset.theme === "light" ? "light" : "dark";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
