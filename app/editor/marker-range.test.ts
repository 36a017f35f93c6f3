import { describe, expect, test } from "vitest";
import { markerRange, type LineMetrics } from "./marker-range.ts";

/** LineMetrics over plain text, with Monaco's 1-based columns (max column = length + 1). */
function metrics(text: string): LineMetrics {
  const lines = text.split("\n");
  const line = (n: number) => lines[n - 1] ?? "";
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (n) => line(n).length + 1,
    getLineFirstNonWhitespaceColumn: (n) => {
      const i = line(n).search(/\S/);
      return i < 0 ? 0 : i + 1;
    },
    getLineLastNonWhitespaceColumn: (n) => {
      const m = /\S\s*$/.exec(line(n));
      return m ? m.index + 2 : 0;
    },
  };
}

const text = "spec:\n  backoffLimit: 4\n\n  template: {}";
const at = (line: number, column: number, extra = {}) => ({
  line,
  column,
  severity: "error" as const,
  message: "m",
  ...extra,
});

describe("markerRange", () => {
  test("without an end, underlines the text of the line from the column", () => {
    expect(markerRange(metrics(text), at(2, 17))).toEqual({
      startLineNumber: 2,
      startColumn: 17,
      endLineNumber: 2,
      endColumn: 18,
    });
  });

  test("column 1 of an indented line starts at the text, not the indentation", () => {
    expect(markerRange(metrics(text), at(2, 1))).toEqual({
      startLineNumber: 2,
      startColumn: 3,
      endLineNumber: 2,
      endColumn: 18,
    });
  });

  test("an explicit range is kept", () => {
    expect(markerRange(metrics(text), at(2, 3, { endLine: 4, endColumn: 5 }))).toEqual({
      startLineNumber: 2,
      startColumn: 3,
      endLineNumber: 4,
      endColumn: 5,
    });
  });

  test("positions beyond the text are clamped to it", () => {
    expect(markerRange(metrics(text), at(99, 99))).toEqual({
      startLineNumber: 4,
      startColumn: 14,
      endLineNumber: 4,
      endColumn: 15,
    });
  });

  test("the range is never empty when the line has a character to underline", () => {
    expect(markerRange(metrics(text), at(2, 18))).toEqual({
      startLineNumber: 2,
      startColumn: 17,
      endLineNumber: 2,
      endColumn: 18,
    });
  });
});
