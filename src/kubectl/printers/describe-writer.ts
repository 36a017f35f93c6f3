import { escapeTerminal } from "./table.ts";
import { DESCRIBE_TABWRITER, tabwrite } from "./tabwriter.ts";

/**
 * kubectl describe's `PrefixWriter` over `tabbedString`'s tabwriter: each level indents by two
 * spaces, text is terminal-escaped, and the tab-separated cells are aligned per column block
 * when the writer is flushed (DescribeEvents flushes before its table).
 */
export class DescribeWriter {
  private pending = "";
  private done = "";

  /** `Write(level, format, …)`: indentation plus text, no newline added. */
  write(level: number, text: string): void {
    this.pending += escapeTerminal("  ".repeat(level) + text);
  }

  /** `WriteLine(a)`: the text and a newline, no indentation. */
  writeLine(text = ""): void {
    this.pending += escapeTerminal(text + "\n");
  }

  flush(): void {
    this.done += tabwrite(this.pending, DESCRIBE_TABWRITER);
    this.pending = "";
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/** Describe text produced by `body`, as `tabbedString` returns it. */
export function tabbed(body: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter();
  body(w);
  return w.toString();
}
