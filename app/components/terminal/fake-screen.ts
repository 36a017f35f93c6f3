/**
 * A tiny VT100 screen for tests: enough of what xterm does with the controller's output
 * (autowrap with the pending-wrap column, CR, LF, CUU/CUD/CUF, ED, EL, the alternate screen
 * `?1049h/l`, SGR ignored) to assert
 * what the learner would see. Test-only.
 */
export class FakeScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;
  /** The normal screen while the alternate one is shown. */
  private saved: { rows: string[][]; row: number; col: number } | undefined;

  constructor(readonly cols: number) {}

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === "\x1b") {
        // eslint-disable-next-line no-control-regex -- escape sequences are the input
        const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) continue;
        i += m[0].length - 1;
        if (m[1] === "?") this.mode(m[2], m[3]);
        else this.csi(m[3], m[2] === "" ? [] : m[2].split(";").map(Number));
      } else if (ch === "\r") {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === "\n") {
        this.lineFeed();
      } else {
        if (this.pendingWrap) {
          this.lineFeed();
          this.col = 0;
          this.pendingWrap = false;
        }
        const line = (this.rows[this.row] ??= []);
        while (line.length < this.col) line.push(" ");
        line[this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  private mode(n: string, set: string): void {
    if (n !== "1049") return;
    if (set === "h" && !this.saved) {
      this.saved = { rows: this.rows, row: this.row, col: this.col };
      this.rows = [[]];
      this.row = 0;
      this.col = 0;
    } else if (set === "l" && this.saved) {
      ({ rows: this.rows, row: this.row, col: this.col } = this.saved);
      this.saved = undefined;
    }
  }

  private lineFeed(): void {
    this.row++;
    this.rows[this.row] ??= [];
    this.pendingWrap = false;
  }

  private csi(cmd: string, args: number[]): void {
    const n = args[0] ?? 1;
    this.pendingWrap = false;
    switch (cmd) {
      case "A":
        this.row = Math.max(0, this.row - n);
        break;
      case "B":
        this.row += n;
        this.rows[this.row] ??= [];
        break;
      case "C":
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case "H":
        this.row = 0;
        this.col = 0;
        break;
      case "J":
        if ((args[0] ?? 0) === 0) {
          this.rows[this.row] = (this.rows[this.row] ?? []).slice(0, this.col);
          this.rows.length = this.row + 1;
        } else {
          this.rows = [[]];
        }
        break;
      case "K":
        this.rows[this.row] = (this.rows[this.row] ?? []).slice(0, this.col);
        break;
      default: // SGR and the rest: no effect on the text
    }
  }

  /** The screen's lines, trailing spaces trimmed. */
  text(): string[] {
    return this.rows.map((r) =>
      Array.from(r, (c) => c ?? " ")
        .join("")
        .trimEnd(),
    );
  }
}
