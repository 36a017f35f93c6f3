import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { KubeObject } from "../../src/api/types.ts";
import { CronPreview } from "../editor/CronPreview.tsx";
import type { EditorMarker, YamlEditorHandle } from "../editor/types.ts";
import { DiffDialog } from "../files/DiffDialog.tsx";
import { FileTabs } from "../files/FileTabs.tsx";
import { addFile, closeFile, FILE_NAME, fileNameProblem, renameFile } from "../files/files.ts";
import type { Template } from "../files/templates.ts";
import { useDryRun } from "../files/use-dry-run.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import {
  useEditorFile,
  useEditorText,
  useFileNames,
  useLab,
  useLabActions,
  useLastApply,
  useNowEvery,
} from "../state/hooks.ts";
import { useAppTheme } from "../theme/use-app-theme.ts";
import "./apply-panel.css";

const YamlEditor = lazy(() => import("../editor/YamlEditor.tsx"));
const NO_MARKERS: readonly EditorMarker[] = [];

/** Ctrl/Cmd+Enter applies from anywhere but the terminal (the editor has its own binding). */
function useApplyShortcut(apply: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest(".monaco-editor, .xterm, dialog")) return;
      e.preventDefault();
      apply();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [apply]);
}

/**
 * The manifest editor: file tabs (each a file the terminal can `kubectl apply -f`), the editor
 * with its problems list and the API server's dry run as you type, the schedule preview of
 * CronJobs, a diff against the live objects, Apply, and what the last apply printed.
 */
export function ApplyPanel() {
  const text = useEditorText();
  const file = useEditorFile();
  const names = useFileNames();
  const files = useLab((s) => s.files);
  const edits = useLab((s) => s.edits);
  const last = useLastApply();
  const t = useT();
  const theme = useAppTheme();
  const actions = useLabActions();
  const apply = actions.applyEditor;
  useApplyShortcut(apply);
  const now = useNowEvery(60_000);
  const [handle, setHandle] = useState<YamlEditorHandle | null>(null);
  const [diffOpen, setDiffOpen] = useState(false);

  const { liveObject } = actions;
  const live = useCallback(
    (o: KubeObject) =>
      typeof o.kind === "string" && typeof o.metadata?.name === "string"
        ? (liveObject(o.kind, o.metadata.namespace ?? "default", o.metadata.name) ??
          liveObject(o.kind, undefined, o.metadata.name))
        : undefined,
    [liveObject],
  );
  const checked = useDryRun(text, file, now, last?.seq ?? 0, live);

  // The text each apply read: its markers describe that text only. Once the text changes, the
  // dry run (same decoding and validation, against the same live objects) speaks for it instead.
  const [applied, setApplied] = useState<{ seq: number; text: string } | undefined>();
  if (last && applied?.seq !== last.seq) setApplied({ seq: last.seq, text });
  const markers = useMemo(() => {
    if (!last || (last.file !== undefined && last.file !== file)) return NO_MARKERS;
    if (applied?.seq === last.seq && applied.text !== text) return NO_MARKERS;
    // One the dry run reports too is shown once.
    const again = new Set(checked.map((m) => m.message));
    const kept = last.markers.filter((m) => !again.has(m.message));
    return kept.length === last.markers.length ? last.markers : kept;
  }, [last, applied, text, file, checked]);

  const onNew = (tpl: Template) => {
    const next = addFile(files, tpl.file, tpl.text);
    actions.setFiles(next.files, next.active);
  };
  const onRename = (from: string, to: string) => {
    if (Object.hasOwn(edits, from)) return t("files.editRename");
    const problem = fileNameProblem(to, files, from);
    if (problem) return FILE_NAME.test(to) ? t("files.exists", { name: to }) : t("files.badName");
    const next = renameFile(files, from, to, file);
    actions.setFiles(next.files, next.active);
    return undefined;
  };
  const onClose = (name: string) => {
    const text = files[name] ?? "";
    // A `kubectl edit` tab closes like quitting the editor: unchanged, the edit is just cancelled.
    const edit = Object.hasOwn(edits, name) ? edits[name] : undefined;
    if (edit) {
      if (text !== edit.yaml && !window.confirm(t("files.editCloseConfirm", { name }))) return;
    } else if (text.trim() !== "" && !window.confirm(t("files.closeConfirm", { name }))) return;
    const next = closeFile(files, name, file);
    actions.setFiles(next.files, next.active);
  };

  return (
    <section className="apply-panel" aria-label={t("editor.label")}>
      <div className="apply-panel__top">
        <FileTabs
          names={names}
          active={file}
          onOpen={actions.openFile}
          onNew={onNew}
          onRename={onRename}
          onClose={onClose}
        />
        <div className="apply-panel__tools">
          <span className="apply-panel__hint">
            <kbd>Ctrl</kbd>+<kbd>Space</kbd> {t("editor.complete")} · <kbd>Ctrl</kbd>+
            <kbd>Enter</kbd> {t("editor.apply")}
          </span>
          <button
            type="button"
            className="apply-panel__tool"
            onClick={() => handle?.format()}
            disabled={!handle}
            title={t("editor.formatTitle")}
            data-testid="format-button"
          >
            {t("editor.format")}
          </button>
          <button
            type="button"
            className="apply-panel__tool"
            onClick={() => setDiffOpen(true)}
            title={t("editor.diffTitle")}
            data-testid="diff-button"
          >
            {t("editor.diff")}
          </button>
          <button
            type="button"
            className="apply-panel__apply"
            onClick={apply}
            aria-keyshortcuts="Control+Enter"
            data-testid="apply-button"
          >
            {t("editor.applyButton")}
          </button>
        </div>
      </div>
      <div className="apply-panel__editor">
        <Suspense fallback={<div className="apply-panel__loading">{t("editor.loading")}</div>}>
          <YamlEditor
            path={file}
            value={text}
            onChange={actions.setEditorText}
            markers={markers}
            checkMarkers={checked}
            onApply={apply}
            theme={theme}
            now={now}
            onReady={setHandle}
          />
        </Suspense>
      </div>
      <CronPreview text={text} now={now} />
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
          <span className="apply-result__idle">{t("editor.notApplied")}</span>
        )}
      </div>
      {diffOpen && (
        <DiffDialog
          file={file}
          text={text}
          now={now}
          live={live}
          theme={theme}
          onApply={apply}
          onClose={() => setDiffOpen(false)}
        />
      )}
    </section>
  );
}
