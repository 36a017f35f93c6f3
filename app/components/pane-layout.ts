/**
 * The lab's pane sizes, as pure functions: which arrangement a viewport width gets, where each
 * splitter may go (clamped so no pane becomes unusable), what a key press does to a splitter
 * (WAI-ARIA APG "Window Splitter" pattern), and the stored preferences (parsed defensively: a
 * corrupted value is ignored, never trusted). The React side is use-pane-sizes.ts + Splitter.tsx.
 */

/** Where the stored preferences live in localStorage. */
export const LAYOUT_KEY = "batch-lab.layout";

/**
 * - `wide`: lesson column docked beside the panes; editor | cluster over the terminal.
 * - `drawer`: the same panes, the lesson panel opens over them as a drawer (landscape tablet).
 * - `stacked`: lesson drawer; editor, cluster and terminal one above the other (portrait tablet).
 */
export type LayoutMode = "wide" | "drawer" | "stacked";

/** Below this viewport width the lesson panel becomes a drawer. */
export const DRAWER_BELOW = 1100;
/** Below this viewport width editor, cluster and terminal stack vertically. */
export const STACK_BELOW = 900;

export function layoutMode(viewportWidth: number): LayoutMode {
  if (viewportWidth < STACK_BELOW) return "stacked";
  if (viewportWidth < DRAWER_BELOW) return "drawer";
  return "wide";
}

/** The thickness of a splitter's track in the grid, px (its hit area is larger; see the CSS). */
export const SPLITTER_PX = 6;

/** Smallest sizes, px, below which a pane stops being usable. */
export const MIN_PX = {
  lesson: 240,
  /** What the lesson column must leave to the panes beside it (docked), or visible (drawer). */
  besideLesson: 340 + 6 + 380,
  besideDrawer: 96,
  editor: 340,
  /** The cluster's bar (title, counts, view switch) fits on one or two lines. */
  cluster: 380,
  /** Editor and cluster in the top row, above the terminal: the cluster's bar, nodes, timeline. */
  top: 280,
  terminal: 96,
  /** Stacked: heights. */
  editorStacked: 160,
  clusterStacked: 260,
} as const;

/** The widest the lesson column gets, whatever room there is. */
export const MAX_LESSON_PX = 720;

/** The user's preferences: fractions of the room the panes share, and the lesson's width in px. */
export interface PanePrefs {
  /** Width of the lesson column (docked) or drawer, px. */
  lesson: number;
  /** wide/drawer: the editor's share of the row's width; the terminal's share of the height. */
  wide: { editor: number; terminal: number };
  /** stacked: the editor's and the terminal's shares of the height (the cluster gets the rest). */
  stacked: { editor: number; terminal: number };
}

export const DEFAULT_PREFS: PanePrefs = Object.freeze({
  lesson: 320,
  wide: Object.freeze({ editor: 0.5, terminal: 0.3 }),
  stacked: Object.freeze({ editor: 0.32, terminal: 0.2 }),
});

export interface Bounds {
  min: number;
  max: number;
}

/**
 * Where the size `before` of the pane before a splitter may go, in a room of `total` px shared
 * with the pane after it. When the room is too small for both minimums, they shrink in proportion.
 */
export function splitBounds(
  total: number,
  minBefore: number,
  minAfter: number,
  maxBefore = Infinity,
): Bounds {
  const room = Math.max(0, total);
  if (room < minBefore + minAfter) {
    const at = minBefore + minAfter > 0 ? (room * minBefore) / (minBefore + minAfter) : 0;
    return { min: at, max: at };
  }
  return { min: minBefore, max: Math.max(minBefore, Math.min(maxBefore, room - minAfter)) };
}

export function clamp(value: number, { min, max }: Bounds): number {
  return Math.min(max, Math.max(min, value));
}

/** Arrow-key steps, px: a plain press and one with Shift. */
export const KEY_STEP_PX = { small: 16, large: 96 } as const;

/**
 * The new size of the pane before a splitter after a key press, or undefined when the key is
 * not the splitter's. APG window splitter: the arrows along the splitter's axis move it
 * (Left/Up shrink the pane before it), Home and End move it to its minimum and maximum.
 * `orientation` is the separator's own (a `vertical` separator splits left | right).
 */
export function keyboardMove(
  key: string,
  shiftKey: boolean,
  orientation: "vertical" | "horizontal",
  value: number,
  bounds: Bounds,
): number | undefined {
  const step = shiftKey ? KEY_STEP_PX.large : KEY_STEP_PX.small;
  const [less, more] =
    orientation === "vertical" ? ["ArrowLeft", "ArrowRight"] : ["ArrowUp", "ArrowDown"];
  switch (key) {
    case less:
      return clamp(value - step, bounds);
    case more:
      return clamp(value + step, bounds);
    case "Home":
      return bounds.min;
    case "End":
      return bounds.max;
    default:
      return undefined;
  }
}

/** A px size as a percentage of `total`, to one decimal (what aria-valuenow reports). */
export function percentOf(px: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.round((px / total) * 1000) / 10;
}

/** The share of `room` px that `px` is, for the preferences. */
function share(px: number, room: number): number {
  return room > 0 ? px / room : 0;
}

// ---- wide and drawer: editor | cluster over the terminal ----------------------------------------

export interface WideSizes {
  /** Room the editor and cluster share (the row's width less the splitter). */
  rowRoom: number;
  editor: number;
  editorBounds: Bounds;
  /** Room the top row and terminal share (the height less the splitter). */
  columnRoom: number;
  top: number;
  topBounds: Bounds;
}

/** The px sizes `prefs` give in a main area of `width` × `height`, clamped. */
export function resolveWide(prefs: PanePrefs["wide"], width: number, height: number): WideSizes {
  const rowRoom = Math.max(0, width - SPLITTER_PX);
  const editorBounds = splitBounds(rowRoom, MIN_PX.editor, MIN_PX.cluster);
  const columnRoom = Math.max(0, height - SPLITTER_PX);
  const topBounds = splitBounds(columnRoom, MIN_PX.top, MIN_PX.terminal);
  return {
    rowRoom,
    editor: clamp(prefs.editor * rowRoom, editorBounds),
    editorBounds,
    columnRoom,
    top: clamp((1 - prefs.terminal) * columnRoom, topBounds),
    topBounds,
  };
}

/** The preferences once the editor | cluster splitter was moved to `editorPx`. */
export function moveWideEditor(prefs: PanePrefs["wide"], editorPx: number, sizes: WideSizes) {
  return { ...prefs, editor: share(clamp(editorPx, sizes.editorBounds), sizes.rowRoom) };
}

/** The preferences once the splitter above the terminal was moved (the top row is `topPx`). */
export function moveWideTop(prefs: PanePrefs["wide"], topPx: number, sizes: WideSizes) {
  const top = clamp(topPx, sizes.topBounds);
  return { ...prefs, terminal: share(sizes.columnRoom - top, sizes.columnRoom) };
}

// ---- stacked: editor / cluster / terminal -----------------------------------------------------

export interface StackedSizes {
  /** The height the three panes share (less the two splitters). */
  room: number;
  editor: number;
  editorBounds: Bounds;
  cluster: number;
  clusterBounds: Bounds;
  terminal: number;
}

/**
 * The px heights `prefs` give in a main area `height` px tall. The terminal is placed first,
 * then the editor; the cluster gets what is left (never less than its minimum if it fits).
 */
export function resolveStacked(prefs: PanePrefs["stacked"], height: number): StackedSizes {
  const room = Math.max(0, height - 2 * SPLITTER_PX);
  // splitBounds is symmetric: the terminal's bounds, with the editor and cluster on the other side.
  const terminalBounds = splitBounds(
    room,
    MIN_PX.terminal,
    MIN_PX.editorStacked + MIN_PX.clusterStacked,
  );
  const terminal = clamp(prefs.terminal * room, terminalBounds);
  const aboveTerminal = room - terminal;
  const editorBounds = splitBounds(aboveTerminal, MIN_PX.editorStacked, MIN_PX.clusterStacked);
  const editor = clamp(prefs.editor * room, editorBounds);
  const cluster = aboveTerminal - editor;
  const clusterBounds = splitBounds(room - editor, MIN_PX.clusterStacked, MIN_PX.terminal);
  return { room, editor, editorBounds, cluster, clusterBounds, terminal };
}

/** The preferences once the editor / cluster splitter was moved (terminal unchanged). */
export function moveStackedEditor(
  prefs: PanePrefs["stacked"],
  editorPx: number,
  sizes: StackedSizes,
) {
  return { ...prefs, editor: share(clamp(editorPx, sizes.editorBounds), sizes.room) };
}

/** The preferences once the cluster / terminal splitter was moved (editor unchanged). */
export function moveStackedCluster(
  prefs: PanePrefs["stacked"],
  clusterPx: number,
  sizes: StackedSizes,
) {
  const cluster = clamp(clusterPx, sizes.clusterBounds);
  return { ...prefs, terminal: share(sizes.room - sizes.editor - cluster, sizes.room) };
}

// ---- the lesson column / drawer ---------------------------------------------------------------

/** Where the lesson column's width may go in a body `bodyWidth` px wide. */
export function lessonBounds(mode: LayoutMode, bodyWidth: number): Bounds {
  const beside = mode === "wide" ? MIN_PX.besideLesson + SPLITTER_PX : MIN_PX.besideDrawer;
  return splitBounds(bodyWidth, MIN_PX.lesson, beside, MAX_LESSON_PX);
}

// ---- stored preferences -----------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A stored share, if it is one (0 < x < 1); otherwise the default. */
function fraction(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 && v < 1 ? v : fallback;
}

function pair(v: unknown, fallback: PanePrefs["wide"]): PanePrefs["wide"] {
  if (!isObject(v)) return fallback;
  const editor = fraction(v.editor, fallback.editor);
  const terminal = fraction(v.terminal, fallback.terminal);
  return { editor, terminal };
}

/**
 * The preferences stored as `raw`, field by field: what is missing, of the wrong type or out of
 * range gets its default, and text that is not JSON at all gives the defaults.
 */
export function parsePrefs(raw: string | null | undefined): PanePrefs {
  if (!raw) return DEFAULT_PREFS;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (!isObject(v)) return DEFAULT_PREFS;
  const lesson =
    typeof v.lesson === "number" &&
    Number.isFinite(v.lesson) &&
    v.lesson >= MIN_PX.lesson &&
    v.lesson <= MAX_LESSON_PX
      ? v.lesson
      : DEFAULT_PREFS.lesson;
  // A share with no room for the other pane (stacked: editor + terminal ≥ 1) is not a layout.
  const stacked = pair(v.stacked, DEFAULT_PREFS.stacked);
  return {
    lesson,
    wide: pair(v.wide, DEFAULT_PREFS.wide),
    stacked: stacked.editor + stacked.terminal < 1 ? stacked : DEFAULT_PREFS.stacked,
  };
}

/** What is stored: rounded, so the value stays short and stable across tiny re-measures. */
export function serializePrefs(prefs: PanePrefs): string {
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return JSON.stringify({
    lesson: Math.round(prefs.lesson),
    wide: { editor: r(prefs.wide.editor), terminal: r(prefs.wide.terminal) },
    stacked: { editor: r(prefs.stacked.editor), terminal: r(prefs.stacked.terminal) },
  });
}
