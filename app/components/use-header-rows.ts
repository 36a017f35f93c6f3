import { useLayoutEffect, useRef } from "react";

/** Set on the header when its items do not fit one row: the clock then gets a row of its own. */
export const HEADER_ROWS_CLASS = "lab__header--rows";

/** Whether any item of a flex row wrapped onto a second line (it starts below the first's end). */
function wraps(header: HTMLElement): boolean {
  const items = [...header.children];
  const first = items[0]?.getBoundingClientRect();
  if (!first) return false;
  return items.some((el) => el.getBoundingClientRect().top >= first.bottom);
}

/**
 * Lays the header out on one row when everything fits, else on two: brand and buttons, then the
 * clock. How wide the items are depends on the language, so this measures rather than guessing
 * a breakpoint: it tries one row and keeps it if nothing wrapped. Runs before paint, on mount,
 * when the window is resized, when `deps` (the language) change and when web fonts arrive.
 */
export function useHeaderRows<T extends HTMLElement>(deps: readonly unknown[]) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return;
    const fit = () => {
      header.classList.remove(HEADER_ROWS_CLASS);
      header.classList.toggle(HEADER_ROWS_CLASS, wraps(header));
    };
    fit();
    window.addEventListener("resize", fit);
    document.fonts?.addEventListener("loadingdone", fit);
    return () => {
      window.removeEventListener("resize", fit);
      document.fonts?.removeEventListener("loadingdone", fit);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's
  }, deps);
  return ref;
}
