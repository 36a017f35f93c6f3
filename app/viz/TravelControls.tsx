import { useEffect, useRef } from "react";
import { useLab } from "../state/hooks.ts";
import { useViz, useVizLab } from "./context.tsx";
import type { MessageKey } from "../i18n/i18n.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { JumpTarget } from "./jumps.ts";
import "./viz.css";

const JUMPS: { target: JumpTarget; label: MessageKey; title: MessageKey }[] = [
  { target: "event", label: "travel.jumpEvent", title: "travel.jumpEventTitle" },
  { target: "exit", label: "travel.jumpExit", title: "travel.jumpExitTitle" },
  { target: "backoff", label: "travel.jumpBackoff", title: "travel.jumpBackoffTitle" },
  { target: "cron", label: "travel.jumpCron", title: "travel.jumpCronTitle" },
];

const OWNS_KEYS = 'input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm';

/** Undo / redo / reset to start (replays of the input log) and "jump to" the next instant of interest. */
export function TravelControls() {
  const viz = useVizLab();
  const t = useT();
  const canUndo = useViz((s) => s.canUndo);
  const canRedo = useViz((s) => s.canRedo);
  // The log changes with every input: re-check after each publish that carried changes.
  const revision = useLab((s) => s.cluster.revision);
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => viz?.refresh(), [viz, revision]);
  useEffect(() => {
    if (!viz) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== "z") return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(OWNS_KEYS)) return; // the editor's and the terminal's own undo
      e.preventDefault();
      if (e.shiftKey) viz.redoOne();
      else viz.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [viz]);
  if (!viz) return null;
  const go = (target: JumpTarget) => {
    viz.jump(target);
    if (menu.current) menu.current.open = false;
  };
  return (
    <div className="travel" role="group" aria-label={t("travel.label")}>
      <button
        type="button"
        onClick={() => viz.undo()}
        disabled={!canUndo}
        aria-label={t("travel.undo")}
        aria-keyshortcuts="Control+Z"
        title={t("travel.undoTitle")}
        data-testid="travel-undo"
      >
        <span aria-hidden="true">↶</span>
        <span className="travel__word">{t("travel.undo")}</span>
      </button>
      <button
        type="button"
        onClick={() => viz.redoOne()}
        disabled={!canRedo}
        aria-label={t("travel.redo")}
        aria-keyshortcuts="Control+Shift+Z"
        title={t("travel.redoTitle")}
        data-testid="travel-redo"
      >
        <span aria-hidden="true">↷</span>
        <span className="travel__word">{t("travel.redo")}</span>
      </button>
      <button
        type="button"
        onClick={() => viz.rewind()}
        disabled={!canUndo}
        aria-label={t("travel.rewindLabel")}
        title={t("travel.rewindTitle")}
        data-testid="travel-rewind"
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <rect x="1.5" y="1.5" width="2" height="9" rx="0.5" fill="currentColor" />
          <path d="M10.5 1.5v9l-6-4.5z" fill="currentColor" />
        </svg>
        <span className="travel__word">{t("travel.start")}</span>
      </button>
      <details className="travel__jump" ref={menu}>
        <summary title={t("travel.jumpTitle")} data-testid="travel-jump">
          {t("travel.jump")} <span aria-hidden="true">▾</span>
        </summary>
        <ul className="travel__menu">
          {JUMPS.map((j) => (
            <li key={j.target}>
              <button
                type="button"
                onClick={() => go(j.target)}
                title={t(j.title)}
                data-testid={`jump-${j.target}`}
              >
                {t(j.label)}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
