import { lazy, Suspense, useEffect } from "react";
import type { EditorMarker } from "../editor/types.ts";
import { EDITOR_FILE } from "../lab/shell.ts";
import { useEditorText, useLabActions, useLastApply } from "../state/hooks.ts";
import "./apply-panel.css";

const YamlEditor = lazy(() => import("../editor/YamlEditor.tsx"));
const NO_MARKERS: readonly EditorMarker[] = [];

/** Ctrl/Cmd+Enter applies from anywhere but the terminal (the editor has its own binding). */
function useApplyShortcut(apply: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest(".monaco-editor, .xterm")) return;
      e.preventDefault();
      apply();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [apply]);
}

/** The manifest editor, its Apply button, and what the last apply printed. */
export function ApplyPanel() {
  const text = useEditorText();
  const last = useLastApply();
  const actions = useLabActions();
  const apply = actions.applyEditor;
  useApplyShortcut(apply);
  // Kept until the next apply, as kubectl's output is (the editor moves them with edits).
  const markers = last?.markers ?? NO_MARKERS;
  return (
    <section className="apply-panel" aria-label="Manifest editor">
      <div className="apply-panel__bar">
        <span className="apply-panel__file" title="kubectl apply -f job.yaml applies this buffer">
          {EDITOR_FILE}
        </span>
        <span className="apply-panel__hint">
          <kbd>Ctrl</kbd>+<kbd>Space</kbd> complete · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> apply
        </span>
        <button
          type="button"
          className="apply-panel__apply"
          onClick={apply}
          aria-keyshortcuts="Control+Enter"
          data-testid="apply-button"
        >
          Apply
        </button>
      </div>
      <div className="apply-panel__editor">
        <Suspense fallback={<div className="apply-panel__loading">Loading editor…</div>}>
          <YamlEditor
            path={EDITOR_FILE}
            value={text}
            onChange={actions.setEditorText}
            markers={markers}
            onApply={apply}
          />
        </Suspense>
      </div>
      <div
        className={`apply-result${last ? (last.ok ? " apply-result--ok" : " apply-result--error") : ""}`}
        role="status"
        aria-live="polite"
        data-testid="apply-result"
      >
        {last ? (
          <ul key={last.seq} className="apply-result__lines">
            {last.lines.map((l, i) => (
              <li key={i} className={`apply-result__line apply-result__line--${l.stream}`}>
                {l.text}
              </li>
            ))}
          </ul>
        ) : (
          <span className="apply-result__idle">Not applied yet.</span>
        )}
      </div>
    </section>
  );
}
