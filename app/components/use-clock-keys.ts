import { useEffect } from "react";
import { useLabActions } from "../state/hooks.ts";

/**
 * Elements that own Space and the arrow keys themselves (text entry, the editor, the terminal,
 * the pane splitters, which arrows move).
 */
const OWNS_KEYS =
  'input, textarea, select, [contenteditable="true"], [role="textbox"], [role="separator"], .monaco-editor, .xterm';
/** …and those where Space means "press" or "follow". */
const OWNS_SPACE = "button, a[href], summary, [role='button']";

/**
 * Space toggles play, → jumps to the next event — unless focus is somewhere that uses those keys
 * (the editor, the terminal, a form control, a button, where Space means "press").
 */
export function useClockKeys(): void {
  const actions = useLabActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(OWNS_KEYS)) return;
      if (e.key === " ") {
        if (target?.closest(OWNS_SPACE)) return;
        e.preventDefault();
        actions.togglePlay();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        actions.stepEvent();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);
}
