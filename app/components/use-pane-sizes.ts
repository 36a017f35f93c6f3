import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CSSProperties } from "react";
import { browserStorage } from "../lab/persist.ts";
import {
  DEFAULT_PREFS,
  LAYOUT_KEY,
  clamp,
  layoutMode,
  lessonBounds,
  moveStackedCluster,
  moveStackedEditor,
  moveWideEditor,
  moveWideTop,
  parsePrefs,
  resolveStacked,
  resolveWide,
  serializePrefs,
  type Bounds,
  type LayoutMode,
  type PanePrefs,
} from "./pane-layout.ts";

/** What a <Splitter> needs: where it is, where it may go, and how to move it. */
export interface SplitterModel {
  /** The separator's own orientation: `vertical` splits left | right. */
  orientation: "vertical" | "horizontal";
  /** Size of the pane(s) before the splitter, px. */
  value: number;
  bounds: Bounds;
  /** The room the panes on both sides share, px (aria-valuenow is a percentage of it). */
  total: number;
  onChange: (px: number) => void;
  /** Back to the default size (double-click). */
  onReset: () => void;
}

export interface PaneSizes {
  mode: LayoutMode;
  /** Callback ref for the element holding the lesson column and the main area. */
  measureBody: (el: HTMLElement | null) => void;
  /** Callback ref for the grid of editor, cluster and terminal. */
  measureMain: (el: HTMLElement | null) => void;
  bodyStyle: CSSProperties;
  mainStyle: CSSProperties;
  lesson: SplitterModel;
  /** Between the editor and the cluster view. */
  editor: SplitterModel;
  /** Above the terminal. */
  terminal: SplitterModel;
}

function subscribeResize(onChange: () => void) {
  window.addEventListener("resize", onChange);
  return () => window.removeEventListener("resize", onChange);
}
const currentMode = () => layoutMode(window.innerWidth);

/** The layout mode of the current viewport width, updated as the window is resized. */
export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(subscribeResize, currentMode, () => "wide");
}

/** The content-box size of an element, kept up to date; zero until it is first laid out. */
function useElementSize(): [(el: HTMLElement | null) => void, { width: number; height: number }] {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(el);
  }, []);
  return [ref, size];
}

/**
 * CSS `fr` value of a size: px once the grid is measured, a share (scaled to read like px) before.
 * The grid divides its room in these proportions, so both give the same layout.
 */
const fr = (size: number, measured: boolean) =>
  `${Math.max(0, Math.round(size * (measured ? 10 : 10_000)) / 10)}fr`;

/**
 * The sizes of the lab's panes: the user's preferences (restored from and saved to localStorage,
 * key "batch-lab.layout"), clamped to the room the window gives, as CSS variables for the grid
 * and as models for the three splitters. Re-clamps whenever the window or a pane is resized;
 * the preferences themselves are kept, so a window made small and then large again gets them back.
 */
export function usePaneSizes(): PaneSizes {
  const mode = useLayoutMode();
  const [prefs, setPrefs] = useState<PanePrefs>(() => parsePrefs(browserStorage().get(LAYOUT_KEY)));
  const [measureBody, body] = useElementSize();
  const [measureMain, main] = useElementSize();

  // Saved when the user changes them, not when they are first read.
  const restored = useRef(prefs);
  useEffect(() => {
    if (prefs !== restored.current) browserStorage().set(LAYOUT_KEY, serializePrefs(prefs));
  }, [prefs]);

  const measured = main.width > 0 && main.height > 0;
  const lessonLimits = lessonBounds(mode, body.width);
  const lessonPx = body.width > 0 ? clamp(prefs.lesson, lessonLimits) : prefs.lesson;
  const lesson: SplitterModel = {
    orientation: "vertical",
    value: lessonPx,
    bounds: lessonLimits,
    total: body.width,
    onChange: (px) => setPrefs((p) => ({ ...p, lesson: clamp(px, lessonLimits) })),
    onReset: () => setPrefs((p) => ({ ...p, lesson: DEFAULT_PREFS.lesson })),
  };
  const bodyStyle = { "--lesson-width": `${Math.round(lessonPx)}px` } as CSSProperties;

  if (mode === "stacked") {
    const s = resolveStacked(prefs.stacked, main.height);
    const [editorFr, clusterFr, terminalFr] = measured
      ? [s.editor, s.cluster, s.terminal]
      : [
          prefs.stacked.editor,
          1 - prefs.stacked.editor - prefs.stacked.terminal,
          prefs.stacked.terminal,
        ];
    return {
      mode,
      measureBody,
      measureMain,
      bodyStyle,
      mainStyle: {
        "--pane-editor": fr(editorFr, measured),
        "--pane-cluster": fr(clusterFr, measured),
        "--pane-terminal": fr(terminalFr, measured),
      } as CSSProperties,
      lesson,
      editor: {
        orientation: "horizontal",
        value: s.editor,
        bounds: s.editorBounds,
        total: s.room,
        onChange: (px) => setPrefs((p) => ({ ...p, stacked: moveStackedEditor(p.stacked, px, s) })),
        onReset: () =>
          setPrefs((p) => ({
            ...p,
            stacked: { ...p.stacked, editor: DEFAULT_PREFS.stacked.editor },
          })),
      },
      terminal: {
        orientation: "horizontal",
        value: s.cluster,
        bounds: s.clusterBounds,
        total: s.room,
        onChange: (px) =>
          setPrefs((p) => ({ ...p, stacked: moveStackedCluster(p.stacked, px, s) })),
        onReset: () =>
          setPrefs((p) => ({
            ...p,
            stacked: { ...p.stacked, terminal: DEFAULT_PREFS.stacked.terminal },
          })),
      },
    };
  }

  const w = resolveWide(prefs.wide, main.width, main.height);
  const [editorFr, clusterFr, topFr, terminalFr] = measured
    ? [w.editor, w.rowRoom - w.editor, w.top, w.columnRoom - w.top]
    : [prefs.wide.editor, 1 - prefs.wide.editor, 1 - prefs.wide.terminal, prefs.wide.terminal];
  return {
    mode,
    measureBody,
    measureMain,
    bodyStyle,
    mainStyle: {
      "--pane-editor": fr(editorFr, measured),
      "--pane-cluster": fr(clusterFr, measured),
      "--pane-top": fr(topFr, measured),
      "--pane-terminal": fr(terminalFr, measured),
    } as CSSProperties,
    lesson,
    editor: {
      orientation: "vertical",
      value: w.editor,
      bounds: w.editorBounds,
      total: w.rowRoom,
      onChange: (px) => setPrefs((p) => ({ ...p, wide: moveWideEditor(p.wide, px, w) })),
      onReset: () =>
        setPrefs((p) => ({ ...p, wide: { ...p.wide, editor: DEFAULT_PREFS.wide.editor } })),
    },
    terminal: {
      orientation: "horizontal",
      value: w.top,
      bounds: w.topBounds,
      total: w.columnRoom,
      onChange: (px) => setPrefs((p) => ({ ...p, wide: moveWideTop(p.wide, px, w) })),
      onReset: () =>
        setPrefs((p) => ({ ...p, wide: { ...p.wide, terminal: DEFAULT_PREFS.wide.terminal } })),
    },
  };
}
