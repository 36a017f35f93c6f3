import { EVENT_ID, loadAll, parseEvents, YAMLException } from "js-yaml";
import type { EditorMarker } from "./types.ts";

/**
 * A main-thread YAML check with js-yaml. It backs up monaco-yaml's worker, which drops every marker of
 * a document when yaml-language-server throws internally (TOOLCHAIN.md §6.8), and it needs no Monaco,
 * so the app can also run it before applying a manifest.
 *
 * Reports the first syntax error (js-yaml stops there) or, for text that parses, every mapping entry
 * with an empty key (`: x`): valid YAML, but never what the author meant, and exactly the input that
 * makes the YAML worker throw.
 */
export function yamlSyntaxMarkers(text: string): EditorMarker[] {
  try {
    loadAll(text);
  } catch (error) {
    return [syntaxErrorMarker(error)];
  }
  return emptyKeyMarkers(text);
}

function syntaxErrorMarker(error: unknown): EditorMarker {
  if (error instanceof YAMLException && error.mark) {
    return {
      line: error.mark.line + 1,
      column: error.mark.column + 1,
      severity: "error",
      message: `YAML syntax error: ${error.reason}`,
      source: "js-yaml",
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    line: 1,
    column: 1,
    severity: "error",
    message: `Cannot parse YAML: ${detail}`,
    source: "js-yaml",
  };
}

interface Open {
  kind: "document" | "mapping" | "sequence";
  /** Source offset where the collection starts (-1 for a document). */
  start: number;
  /** Child nodes seen so far; in a mapping, even counts are keys. */
  children: number;
}

function emptyKeyMarkers(text: string): EditorMarker[] {
  const offsets: number[] = [];
  const stack: Open[] = [];
  /** End of the last scalar or alias seen: an empty key's ':' is the next one after it. */
  let lastEnd = 0;
  const node = (isEmptyScalar = false) => {
    const parent = stack.at(-1);
    if (parent?.kind !== "mapping" || parent.children % 2 !== 0 || !isEmptyScalar) return;
    // A block mapping starts at its first key, so an empty first key starts at the mapping's ':'.
    const colon = parent.children === 0 ? parent.start : text.indexOf(":", lastEnd);
    offsets.push(colon >= 0 ? colon : lastEnd);
  };
  const closeChild = () => {
    const parent = stack.at(-1);
    if (parent) parent.children += 1;
  };
  for (const event of parseEvents(text, {})) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: "document", start: -1, children: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        node();
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? "mapping" : "sequence",
          start: event.start,
          children: 0,
        });
        break;
      case EVENT_ID.SCALAR:
        node(event.valueStart < 0 && event.anchorStart < 0 && event.tagStart < 0);
        lastEnd = Math.max(lastEnd, event.valueEnd, event.anchorEnd, event.tagEnd);
        closeChild();
        break;
      case EVENT_ID.ALIAS:
        node();
        lastEnd = Math.max(lastEnd, event.anchorEnd);
        closeChild();
        break;
      case EVENT_ID.POP:
        stack.pop();
        closeChild();
        break;
    }
  }
  return offsets.map((offset) => ({
    line: lineOf(text, offset),
    column: 1,
    severity: "error",
    message: "Empty mapping key: a key is missing before ':'.",
    source: "js-yaml",
  }));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
