import type { EditorMarker } from "./types.ts";

/** The slice of Monaco's ITextModel that placing a marker needs (kept small so it is testable in Node). */
export interface LineMetrics {
  getLineCount(): number;
  getLineMaxColumn(line: number): number;
  getLineFirstNonWhitespaceColumn(line: number): number;
  getLineLastNonWhitespaceColumn(line: number): number;
}

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(Math.trunc(n), lo), hi);

/**
 * Turns a possibly imprecise external marker (only a line, a column past the end, a line beyond the
 * text that changed since it was reported) into a visible range inside the model: clamped, never
 * empty, and, when no end is given, running to the end of the text on the line.
 */
export function markerRange(model: LineMetrics, marker: EditorMarker): MarkerRange {
  const lineCount = model.getLineCount();
  const startLineNumber = clamp(marker.line, 1, lineCount);
  let startColumn = clamp(marker.column, 1, model.getLineMaxColumn(startLineNumber));
  const firstText = model.getLineFirstNonWhitespaceColumn(startLineNumber);
  if (marker.endColumn === undefined && firstText > 0 && startColumn < firstText) {
    startColumn = firstText; // a marker at column 1 of an indented line underlines the text, not the indent
  }
  const endLineNumber = clamp(marker.endLine ?? startLineNumber, startLineNumber, lineCount);
  const maxEnd = model.getLineMaxColumn(endLineNumber);
  let endColumn: number;
  if (marker.endColumn !== undefined) {
    endColumn = clamp(marker.endColumn, 1, maxEnd);
  } else {
    const lastText = model.getLineLastNonWhitespaceColumn(endLineNumber);
    endColumn = lastText > 0 ? lastText : maxEnd;
  }
  if (endLineNumber === startLineNumber && endColumn <= startColumn) {
    endColumn = Math.min(startColumn + 1, maxEnd);
    if (endColumn <= startColumn) startColumn = Math.max(1, endColumn - 1);
  }
  return { startLineNumber, startColumn, endLineNumber, endColumn };
}
