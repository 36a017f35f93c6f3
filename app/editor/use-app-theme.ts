import { useSyncExternalStore } from "react";

/**
 * The app's colour theme, for Monaco (which cannot read CSS variables): `light` when the root
 * element says `data-theme="light"`, else dark (the lab's default). Follows changes live.
 */
export function useAppTheme(): "dark" | "light" {
  return useSyncExternalStore(subscribe, read, () => "dark");
}

function read(): "dark" | "light" {
  return document.documentElement.dataset.theme === "light" ? "light" : "dark";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
