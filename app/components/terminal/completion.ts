import type { Completion } from "../../../src/kubectl/complete.ts";

export interface Completed {
  /** The line after completing (unchanged when there was nothing to add). */
  text: string;
  cursor: number;
  /** What the word could become (several: a second Tab lists them). */
  candidates: readonly string[];
}

/** Words that take a value or a name right after them get no space (`--output=`, `job/`). */
const open = (word: string) => word.endsWith("/") || word.endsWith("=");

/**
 * Bash's Tab on a line: the word before the cursor (from `completion.from`) becomes the only
 * candidate, followed by a space; with several, it grows to their longest common prefix.
 */
export function completeWord(line: string, cursor: number, completion: Completion): Completed {
  const { from, candidates } = completion;
  const word = line.slice(from, cursor);
  const fits = candidates.filter((c) => c.startsWith(word));
  const unchanged = { text: line, cursor, candidates: fits };
  if (fits.length === 0 || from > cursor) return unchanged;
  let insert: string;
  if (fits.length === 1) {
    const only = fits[0];
    const after = line.slice(cursor);
    insert = only + (open(only) || after.startsWith(" ") ? "" : " ");
  } else {
    insert = commonPrefix(fits);
  }
  if (insert === word) return unchanged;
  const text = line.slice(0, from) + insert + line.slice(cursor);
  const at = from + insert.length;
  return {
    text,
    cursor: fits.length === 1 && line.slice(cursor).startsWith(" ") ? at + 1 : at,
    candidates: fits,
  };
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Candidates as bash lists them: in columns two spaces apart, sorted down the columns, as many
 * columns as fit the terminal's width.
 */
export function completionList(candidates: readonly string[], cols: number): string[] {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(candidates.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const word = candidates[c * rows + r];
      if (word !== undefined) cells.push(word.padEnd(width));
    }
    out.push(cells.join("").trimEnd());
  }
  return out;
}
