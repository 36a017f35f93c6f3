import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFS,
  keyboardMove,
  layoutMode,
  lessonBounds,
  moveStackedCluster,
  moveStackedEditor,
  moveWideEditor,
  moveWideTop,
  parsePrefs,
  percentOf,
  resolveStacked,
  resolveWide,
  serializePrefs,
  splitBounds,
} from "./pane-layout.ts";

describe("layoutMode", () => {
  it("docks the lesson on laptops, makes it a drawer on tablets, stacks the panes in portrait", () => {
    expect([1920, 1280, 1100, 1099, 1024, 900, 899, 768, 390].map(layoutMode)).toEqual([
      "wide",
      "wide",
      "wide",
      "drawer",
      "drawer",
      "drawer",
      "stacked",
      "stacked",
      "stacked",
    ]);
  });
});

describe("splitBounds", () => {
  it("keeps both panes at their minimum, and the first under its maximum", () => {
    expect(splitBounds(1000, 300, 340)).toEqual({ min: 300, max: 660 });
    expect(splitBounds(1000, 240, 100, 500)).toEqual({ min: 240, max: 500 });
  });

  it("shares a room too small for both minimums in proportion", () => {
    expect(splitBounds(320, 300, 340)).toEqual({ min: 150, max: 150 });
    expect(splitBounds(0, 300, 340)).toEqual({ min: 0, max: 0 });
  });
});

describe("keyboardMove (APG window splitter)", () => {
  const bounds = { min: 300, max: 660 };
  it("moves a vertical splitter with Left/Right, 16 px or 96 px with Shift, clamped", () => {
    expect(keyboardMove("ArrowRight", false, "vertical", 400, bounds)).toBe(416);
    expect(keyboardMove("ArrowLeft", false, "vertical", 400, bounds)).toBe(384);
    expect(keyboardMove("ArrowRight", true, "vertical", 400, bounds)).toBe(496);
    expect(keyboardMove("ArrowLeft", true, "vertical", 350, bounds)).toBe(300);
    expect(keyboardMove("ArrowRight", true, "vertical", 650, bounds)).toBe(660);
  });

  it("moves a horizontal splitter with Up/Down", () => {
    expect(keyboardMove("ArrowDown", false, "horizontal", 400, bounds)).toBe(416);
    expect(keyboardMove("ArrowUp", false, "horizontal", 400, bounds)).toBe(384);
  });

  it("sends Home and End to the minimum and maximum", () => {
    expect(keyboardMove("Home", false, "vertical", 400, bounds)).toBe(300);
    expect(keyboardMove("End", false, "horizontal", 400, bounds)).toBe(660);
  });

  it("leaves other keys (and the cross-axis arrows) alone", () => {
    expect(keyboardMove("ArrowUp", false, "vertical", 400, bounds)).toBeUndefined();
    expect(keyboardMove("ArrowLeft", false, "horizontal", 400, bounds)).toBeUndefined();
    expect(keyboardMove("Enter", false, "vertical", 400, bounds)).toBeUndefined();
    expect(keyboardMove(" ", false, "vertical", 400, bounds)).toBeUndefined();
  });
});

describe("percentOf", () => {
  it("reports a size as a percentage of the room, to one decimal", () => {
    expect(percentOf(250, 1000)).toBe(25);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(10, 0)).toBe(0);
  });
});

describe("wide layout", () => {
  // 1280 × 720 with the lesson column open: a main area of about 950 × 620.
  it("gives the defaults' sizes when they fit", () => {
    expect(resolveWide(DEFAULT_PREFS.wide, 956, 606)).toEqual({
      rowRoom: 950,
      editor: 475,
      editorBounds: { min: 340, max: 570 },
      columnRoom: 600,
      top: 420,
      topBounds: { min: 280, max: 504 },
    });
  });

  it("clamps what the window no longer has room for, and keeps the preference", () => {
    const prefs = { editor: 0.75, terminal: 0.1 };
    const sizes = resolveWide(prefs, 806, 500);
    expect([sizes.editor, sizes.top]).toEqual([420, 398]);
    // A bigger window gets the preference back.
    const big = resolveWide(prefs, 2006, 1006);
    expect([big.editor, big.top]).toEqual([1500, 900]);
  });

  it("turns a splitter's new position into shares of the room", () => {
    const sizes = resolveWide(DEFAULT_PREFS.wide, 1006, 606);
    expect(moveWideEditor(DEFAULT_PREFS.wide, 600, sizes)).toEqual({ editor: 0.6, terminal: 0.3 });
    // Past the cluster's minimum: stops there.
    expect(moveWideEditor(DEFAULT_PREFS.wide, 990, sizes)).toEqual({
      editor: 0.62,
      terminal: 0.3,
    });
    expect(moveWideTop(DEFAULT_PREFS.wide, 450, sizes)).toEqual({ editor: 0.5, terminal: 0.25 });
  });
});

describe("stacked layout", () => {
  it("places the terminal, then the editor; the cluster gets the rest", () => {
    expect(resolveStacked({ editor: 0.35, terminal: 0.25 }, 812)).toEqual({
      room: 800,
      editor: 280,
      editorBounds: { min: 160, max: 340 },
      cluster: 320,
      clusterBounds: { min: 260, max: 424 },
      terminal: 200,
    });
  });

  it("keeps every pane usable in a short window", () => {
    const s = resolveStacked({ editor: 0.7, terminal: 0.25 }, 542);
    expect([s.editor, s.cluster, s.terminal]).toEqual([160, 260, 110]);
  });

  it("moves one boundary at a time: the editor's leaves the terminal, the cluster's the editor", () => {
    const prefs = { editor: 0.35, terminal: 0.25 };
    const s = resolveStacked(prefs, 812);
    expect(moveStackedEditor(prefs, 320, s)).toEqual({ editor: 0.4, terminal: 0.25 });
    expect(moveStackedCluster(prefs, 400, s)).toEqual({ editor: 0.35, terminal: 0.15 });
    // No further than the terminal's minimum.
    expect(moveStackedCluster(prefs, 700, s)).toEqual({ editor: 0.35, terminal: 0.12 });
  });
});

describe("lessonBounds", () => {
  it("docked, leaves the panes their room; as a drawer, a strip of them visible", () => {
    expect(lessonBounds("wide", 1280)).toEqual({ min: 240, max: 548 });
    expect(lessonBounds("wide", 1100)).toEqual({ min: 240, max: 368 });
    expect(lessonBounds("wide", 2560)).toEqual({ min: 240, max: 720 });
    expect(lessonBounds("stacked", 768)).toEqual({ min: 240, max: 672 });
  });
});

describe("stored preferences", () => {
  it("round-trip", () => {
    const prefs = {
      lesson: 400,
      wide: { editor: 0.61234567, terminal: 0.2 },
      stacked: { editor: 0.4, terminal: 0.3 },
    };
    expect(serializePrefs(prefs)).toBe(
      '{"lesson":400,"wide":{"editor":0.6123,"terminal":0.2},"stacked":{"editor":0.4,"terminal":0.3}}',
    );
    expect(parsePrefs(serializePrefs(prefs))).toEqual({
      ...prefs,
      wide: { editor: 0.6123, terminal: 0.2 },
    });
  });

  it("are the defaults when missing or not JSON, or not an object", () => {
    for (const raw of [null, undefined, "", "{", "null", "42", '"x"', "[0.5]"]) {
      expect(parsePrefs(raw)).toEqual(DEFAULT_PREFS);
    }
  });

  it("keep the good fields of a damaged value and default the others", () => {
    expect(
      parsePrefs(
        JSON.stringify({
          lesson: 1e9,
          wide: { editor: 0.7, terminal: "0.2" },
          stacked: { editor: 0.8, terminal: 0.5 },
        }),
      ),
    ).toEqual({
      lesson: DEFAULT_PREFS.lesson,
      wide: { editor: 0.7, terminal: DEFAULT_PREFS.wide.terminal },
      stacked: DEFAULT_PREFS.stacked,
    });
    expect(parsePrefs('{"lesson":300,"wide":{"editor":-1,"terminal":1},"stacked":7}')).toEqual({
      ...DEFAULT_PREFS,
      lesson: 300,
    });
  });
});
