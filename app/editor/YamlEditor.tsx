import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { MessageKey } from "../i18n/i18n.ts";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";
import { MARKER_OWNER, THEME, monaco } from "./monaco.ts";
import { markerRange } from "./marker-range.ts";
import { problemRows, type Problem } from "./problems.ts";
import { useCronLocale } from "./cron-locale.ts";
import { findSchedules, scheduleHint } from "./schedules.ts";
import { registerSnippets } from "./snippets.ts";
import { yamlSyntaxMarkers } from "./yaml-syntax.ts";
import type { EditorMarker, YamlEditorHandle, YamlEditorProps } from "./types.ts";
import "./yaml-editor.css";

export type { EditorMarker, YamlEditorHandle, YamlEditorProps } from "./types.ts";

/** How long typing must pause before the main-thread syntax fallback runs. */
const SYNTAX_FALLBACK_DELAY_MS = 600;
/** How long typing must pause before the schedule hints are recomputed. */
const HINT_DELAY_MS = 300;
/** Bounds the onChange texts remembered while the parent has not echoed them (see pendingEchoesRef). */
const MAX_PENDING_ECHOES = 200;

registerSnippets();

function modelUri(path: string): monaco.Uri {
  const clean = path.replace(/^\/+/, "") || "manifest.yaml";
  return monaco.Uri.parse(`file:///${clean}`);
}

function toMarkerData(
  model: monaco.editor.ITextModel,
  marker: EditorMarker,
): monaco.editor.IMarkerData {
  return {
    ...markerRange(model, marker),
    severity:
      marker.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: marker.message,
    source: marker.source,
  };
}

function severityOf(s: monaco.MarkerSeverity): Problem["severity"] {
  if (s === monaco.MarkerSeverity.Error) return "error";
  if (s === monaco.MarkerSeverity.Warning) return "warning";
  return "info";
}

/** monaco-yaml names its schema by URI ("yaml-schema: https://…"): the list says "schema". */
function shortSource(source: string | undefined): string | undefined {
  if (source?.startsWith("yaml-schema")) return "schema";
  return source;
}

/** Every marker of a model, whoever set it, as problem rows. */
function modelProblems(model: monaco.editor.ITextModel): Problem[] {
  return problemRows(
    monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      severity: severityOf(m.severity),
      message: m.message,
      source: shortSource(m.source),
    })),
  );
}

/** Keeps one marker owner of the current model in step with a prop. */
function useOwnerMarkers(
  editorRef: React.RefObject<monaco.editor.IStandaloneCodeEditor | null>,
  owner: string,
  markers: readonly EditorMarker[] | undefined,
  path: string,
) {
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      owner,
      (markers ?? []).map((m) => toMarkerData(model, m)),
    );
    return () => {
      if (!model.isDisposed()) monaco.editor.setModelMarkers(model, owner, []);
    };
  }, [editorRef, owner, markers, path]);
}

/**
 * Monaco in YAML mode with Kubernetes schema validation, hover docs and completion (monaco-yaml),
 * snippets, markers from the API server (on Apply, and from its dry run while typing), a
 * problems list that jumps to each, schedule hints after CronJob `schedule:` lines, and
 * Ctrl/Cmd+Enter to apply.
 * Default export so the app can `React.lazy(() => import("./editor/YamlEditor"))`.
 */
export default function YamlEditor({
  value,
  onChange,
  markers,
  checkMarkers,
  onApply,
  theme = "dark",
  path = "manifest.yaml",
  now,
  onReady,
  showProblems = true,
}: YamlEditorProps) {
  const t = useT();
  const [locale] = useLocale();
  const cronLocale = useCronLocale(locale);
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const canApplyRef = useRef<monaco.editor.IContextKey<boolean> | null>(null);
  const hintsRef = useRef<(() => void) | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  /** True while we write `value` into the model, so that write is not echoed back via onChange. */
  const syncingRef = useRef(false);
  /**
   * Texts passed to onChange that the parent has not handed back as `value` yet. React may render
   * an older one after newer keystrokes have landed (updates from Monaco's input events are not
   * always flushed before the next key); writing that stale text back would eat characters and
   * move the cursor. A `value` found here is such an echo and is ignored.
   */
  const pendingEchoesRef = useRef<string[]>([]);

  const emitChange = useEffectEvent((text: string) => onChange(text));
  const apply = useEffectEvent(() => onApply?.());
  const currentValue = useEffectEvent(() => value);
  const currentNow = useEffectEvent(() => now);
  const currentT = useEffectEvent(() => t);
  const currentLocale = useEffectEvent(() => locale);
  const initialTheme = useEffectEvent(() => THEME[theme]);
  const ready = useEffectEvent((h: YamlEditorHandle | null) => onReady?.(h));

  // The editor itself: created once, disposed on unmount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      model: null,
      theme: initialTheme(),
      automaticLayout: true,
      ariaLabel: currentT()("editor.ariaLabel"),
      fontFamily: '"JetBrains Mono", "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      minimap: { enabled: false },
      // Not "dimmed": a faded last line number fails WCAG AA contrast (axe color-contrast).
      renderFinalNewline: "on",
      scrollBeyondLastLine: false,
      padding: { top: 12, bottom: 12 },
      renderLineHighlight: "all",
      renderWhitespace: "trailing",
      guides: { indentation: true },
      fixedOverflowWidgets: true,
      wordBasedSuggestions: "off", // only schema completions and snippets, no words from the buffer
      quickSuggestions: { other: true, strings: true, comments: false },
      suggest: { showWords: false, snippetsPreventQuickSuggestions: false },
      hover: { delay: 300 },
      smoothScrolling: true,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, useShadows: false },
      overviewRulerBorder: false,
    });
    editorRef.current = editor;

    const canApply = editor.createContextKey("batchLabCanApply", false);
    canApplyRef.current = canApply;

    // Fallback syntax check (js-yaml, main thread). Shown only while monaco-yaml reports no error of
    // its own for the model, so in the normal case there is one message per problem, and a syntax
    // error stays visible if the YAML worker loses its markers (TOOLCHAIN.md §6.8).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSyntax = "";
    const runSyntaxFallback = () => {
      const model = editor.getModel();
      if (!model) return;
      const schemaHasError = monaco.editor
        .getModelMarkers({ owner: MARKER_OWNER.schema, resource: model.uri })
        .some((m) => m.severity === monaco.MarkerSeverity.Error);
      const found = schemaHasError ? [] : yamlSyntaxMarkers(model.getValue());
      const key = `${model.uri.toString()}\n${JSON.stringify(found)}`;
      if (key === lastSyntax) return; // setModelMarkers fires onDidChangeMarkers: avoid a loop
      lastSyntax = key;
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER.syntax,
        found.map((m) => toMarkerData(model, m)),
      );
    };
    const scheduleSyntaxFallback = () => {
      clearTimeout(timer);
      timer = setTimeout(runSyntaxFallback, SYNTAX_FALLBACK_DELAY_MS);
    };

    // The schedule hint after each CronJob's `schedule:` line (injected text, not part of the model).
    const hints = editor.createDecorationsCollection();
    let hintTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshHints = () => {
      const model = editor.getModel();
      const at = currentNow();
      if (!model || at === undefined) return hints.clear();
      const decorations = findSchedules(model.getValue()).flatMap((site) => {
        const text = scheduleHint(site, at, currentT(), currentLocale());
        if (!text || site.line > model.getLineCount()) return [];
        const end = model.getLineMaxColumn(site.line);
        return [
          {
            range: new monaco.Range(site.line, end, site.line, end),
            options: {
              after: {
                content: `\u00a0\u00a0⏱ ${text}`,
                inlineClassName: "yaml-editor__cron-hint",
              },
              showIfCollapsed: true,
            },
          },
        ];
      });
      hints.set(decorations);
    };
    hintsRef.current = refreshHints;
    const scheduleHints = () => {
      clearTimeout(hintTimer);
      hintTimer = setTimeout(refreshHints, HINT_DELAY_MS);
    };

    const updateProblems = () => {
      const model = editor.getModel();
      setProblems(model ? modelProblems(model) : []);
    };

    const subscriptions = [
      editor.onDidChangeModelContent(() => {
        scheduleSyntaxFallback();
        scheduleHints();
        if (syncingRef.current) return;
        const text = editor.getValue();
        const pending = pendingEchoesRef.current;
        pending.push(text);
        if (pending.length > MAX_PENDING_ECHOES) pending.shift();
        emitChange(text);
      }),
      editor.onDidChangeModel(() => {
        scheduleSyntaxFallback();
        refreshHints();
        updateProblems();
      }),
      monaco.editor.onDidChangeMarkers((uris) => {
        const uri = editor.getModel()?.uri.toString();
        if (uri && uris.some((u) => u.toString() === uri)) {
          scheduleSyntaxFallback();
          updateProblems();
        }
      }),
    ];

    ready({
      format: () => void editor.getAction("editor.action.formatDocument")?.run(),
      focus: () => editor.focus(),
      reveal: (line, column) => {
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
        editor.focus();
      },
    });

    return () => {
      ready(null);
      clearTimeout(timer);
      clearTimeout(hintTimer);
      hintsRef.current = null;
      hints.clear();
      for (const s of subscriptions) s.dispose();
      editor.dispose();
      editorRef.current = null;
      canApplyRef.current = null;
    };
  }, []);

  // One model per path, so each file keeps its own undo history while it is open.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const uri = modelUri(path);
    const existing = monaco.editor.getModel(uri);
    const model = existing ?? monaco.editor.createModel(currentValue(), "yaml", uri);
    editor.setModel(model);
    pendingEchoesRef.current = [];
    return () => {
      if (!existing) model.dispose();
    };
  }, [path]);

  // Controlled value: write outside changes into the model as an undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const pending = pendingEchoesRef.current;
    const echo = pending.lastIndexOf(value);
    if (echo >= 0) {
      pending.splice(0, echo + 1);
      return;
    }
    pending.length = 0;
    if (model.getValue() === value) return;
    syncingRef.current = true;
    try {
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
      editor.pushUndoStop();
    } finally {
      syncingRef.current = false;
    }
  }, [value, path]);

  useOwnerMarkers(editorRef, MARKER_OWNER.external, markers, path);
  useOwnerMarkers(editorRef, MARKER_OWNER.check, checkMarkers, path);

  // The hints name the next runs: recompute when virtual time reaches another minute.
  const minute = now === undefined ? undefined : Math.floor(now / 60_000);
  useEffect(() => {
    hintsRef.current?.();
  }, [minute, path, locale, cronLocale]);

  // The apply action and the editor's accessible name, in the current language.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.updateOptions({ ariaLabel: t("editor.ariaLabel") });
    const action = editor.addAction({
      id: "batch-lab.apply",
      label: t("editor.applyAction"),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      precondition: "batchLabCanApply",
      contextMenuGroupId: "navigation",
      contextMenuOrder: 0,
      run: () => apply(),
    });
    return () => action.dispose();
  }, [t]);

  useEffect(() => {
    canApplyRef.current?.set(onApply !== undefined);
  }, [onApply]);

  useEffect(() => {
    monaco.editor.setTheme(THEME[theme]);
  }, [theme]);

  const reveal = (p: Problem) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: p.line, column: p.column });
    editor.revealPositionInCenterIfOutsideViewport({ lineNumber: p.line, column: p.column });
    editor.focus();
  };

  return (
    <div className={`yaml-editor-host yaml-editor-host--${theme}`}>
      <div ref={containerRef} className={`yaml-editor yaml-editor--${theme}`} />
      {showProblems && problems.length > 0 && (
        <ul className="yaml-problems" aria-label={t("editor.problems")} data-testid="problems">
          {problems.map((p, i) => (
            <li key={`${p.line}:${p.column}:${i}`}>
              <button
                type="button"
                className={`yaml-problems__row yaml-problems__row--${p.severity}`}
                onClick={() => reveal(p)}
                title={p.message}
              >
                <span
                  className="yaml-problems__icon"
                  aria-label={t(`editor.severity.${p.severity}` as MessageKey)}
                >
                  {p.severity === "error" ? "✕" : p.severity === "warning" ? "!" : "i"}
                </span>
                <span className="yaml-problems__message">{p.message.split("\n")[0]}</span>
                <span className="yaml-problems__where">
                  {p.source ? `${p.source} · ` : ""}
                  {t("editor.where", { line: p.line, column: p.column })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
