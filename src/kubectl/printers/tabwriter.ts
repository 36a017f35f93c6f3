/**
 * Go `text/tabwriter` (as vendored by kubectl from github.com/liggitt/tabwriter, which adds
 * `RememberWidths`), reduced to what kubectl uses: left alignment, a pad character, no
 * escapes, no form feeds. Text is split into cells at tabs; the text after a line's last tab
 * belongs to no column and is never padded. A column block is a run of consecutive lines that
 * all have a cell in that column — so alignment is per block, which is why kubectl describe
 * aligns `Name:` with `Pods Statuses:` but not with the `Pod Template:` section.
 */

export interface TabwriterConfig {
  minwidth: number;
  padding: number;
  padchar: string;
  /** liggitt/tabwriter `RememberWidths`: column widths kept (and grown) across calls, for `get -w`. */
  rememberedWidths?: number[];
}

/** kubectl `printers.GetNewTabWriter`: `NewWriter(out, 6, 4, 3, ' ', RememberWidths)`. */
export const TABLE_TABWRITER: TabwriterConfig = { minwidth: 6, padding: 3, padchar: " " };

/** kubectl describe `tabbedString`: `out.Init(buf, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABWRITER: TabwriterConfig = { minwidth: 0, padding: 2, padchar: " " };

/** Width of a cell as Go counts it: UTF-8 runes (code points), not UTF-16 units. */
const runeCount = (s: string): number => [...s].length;

/** Align `text` exactly as a Go tabwriter would after writing it and calling Flush. */
export function tabwrite(text: string, cfg: TabwriterConfig): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = "";
      cells.forEach((c, j) => {
        s += c;
        if (j < widths.length) s += cfg.padchar.repeat(Math.max(0, widths[j] - runeCount(c)));
      });
      out.push(i + 1 === lines.length ? s : s + "\n");
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then measure it.
      writeLines(line0, t);
      line0 = t;
      let width = cfg.minwidth;
      for (; t < line1; t++) {
        const cells = lines[t];
        if (column >= cells.length - 1) break;
        width = Math.max(width, runeCount(cells[column]) + cfg.padding);
      }
      const remembered = cfg.rememberedWidths;
      if (remembered) {
        while (remembered.length < column) remembered.push(widths[remembered.length]);
        if (remembered.length === column) remembered.push(width);
        else if (remembered[column] > width) width = remembered[column];
        else remembered[column] = width;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t; // Go's loop increment then skips line t, which has no cell in this column
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("");
}
