import type { Completion } from "../../../src/kubectl/complete.ts";
import type { Chunk, CommandResult, EditRequest } from "../../../src/kubectl/output.ts";
import type { LineCallbacks, TerminalRun } from "../../state/actions.ts";
import { completionList, completeWord } from "./completion.ts";
import type { History } from "./history.ts";
import { parseKeys, type Key } from "./keys.ts";

/** The part of xterm the controller needs (so it runs, and is tested, without a DOM). */
export interface TerminalHost {
  write(data: string): void;
  cols(): number;
}

export interface TerminalDeps {
  /** Start a line; chunks stream in, `onDone` ends it (possibly before `start` returns). */
  start(line: string, cb: LineCallbacks): TerminalRun;
  complete(line: string, cursor: number): Completion;
  history: History;
  /** `kubectl edit`: open the object in the editor; returns a line to print (or nothing). */
  openEdit?(req: EditRequest): string | undefined;
}

/** Input waiting while a command runs (type-ahead), or a typed line's "it ran" notice. */
type Pending = Key | { type: "notify"; fn: () => void };

const PROMPT = "\x1b[1;38;5;77m$\x1b[0m ";
const PROMPT_WIDTH = 2;
const STDERR_ON = "\x1b[31m";
const RESET = "\x1b[0m";
/** Cursor home, erase the screen and the scrollback. */
const CLEAR = "\x1b[H\x1b[2J\x1b[3J";
/** `watch` draws its frames on the alternate screen, as procps watch (curses) does. */
const ALT_SCREEN_ON = "\x1b[?1049h";
const ALT_SCREEN_OFF = "\x1b[?1049l";
const FRAME = "\x1b[H\x1b[2J";
const MAX_LINE = 4096;

/** Text for xterm: bare `\n` → `\r\n` (xterm moves down without returning otherwise). */
export const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

/**
 * The terminal's line editor: a `$ ` prompt, editing (insert anywhere, backspace/delete,
 * ←/→, Home/End, Ctrl+A/E/U/K/W), history on ↑/↓, Ctrl+C to abandon a line, Ctrl+L and
 * `clear` to clear the screen. Enter runs the line and prints stdout, and stderr in red.
 * Long lines wrap: redraws move up over the rows the line occupies, so editing a wrapped
 * line does not smear it across the screen.
 *
 * A line runs as a command that may keep running (`get -w`, `logs -f`, `wait`, `watch`): its
 * output streams in; Ctrl+C interrupts it (`^C`, then the prompt); keys typed meanwhile wait
 * (type-ahead) and run after it, as in a tty — so a multi-line paste runs line by line. Tab
 * completes bash-like: one candidate in place, several to their common prefix, a second Tab
 * lists them.
 */
export class TerminalController {
  private text = "";
  private cursor = 0;
  /** Row (relative to the prompt's row) the terminal cursor is on now. */
  private cursorRow = 0;
  /** A command is running: keys wait in `pending` (except Ctrl+C). */
  private busy = false;
  private running: TerminalRun | undefined;
  private pending: Pending[] = [];
  private interrupted = false;
  /** The last text a command wrote (does it end with a newline?). */
  private lastOut = "\n";
  private altScreen = false;
  /** The previous key was a Tab that left several candidates (a second one lists them). */
  private tabbed = false;

  constructor(
    private readonly host: TerminalHost,
    private readonly deps: TerminalDeps,
  ) {}

  /** Greet and show the first prompt. */
  start(banner: string): void {
    this.host.write(crlf(banner));
    this.prompt();
  }

  input(data: string): void {
    this.pending.push(...parseKeys(data));
    this.drain();
  }

  /** Resolves once what was typed so far ran (the prompt is back, nothing typed ahead). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.pending.push({ type: "notify", fn: resolve });
      this.drain();
    });
  }

  /** The terminal goes away: stop what runs (its end is not shown) and forget the type-ahead. */
  dispose(): void {
    this.pending = [];
    this.running?.interrupt();
  }

  /** Whether a command is running. */
  isBusy(): boolean {
    return this.busy;
  }

  /**
   * Output from elsewhere (a `kubectl edit` saved in the editor): while a command runs it is
   * written among that command's output; at the prompt it goes above a fresh prompt, with the
   * line being typed kept as it was.
   */
  print(chunks: readonly Chunk[]): void {
    if (!chunks.some((c) => c.text)) return;
    if (this.busy) {
      for (const c of chunks) this.output(c);
      return;
    }
    const { text, cursor } = this;
    this.host.write((this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : "") + "\r\x1b[J");
    for (const c of chunks) this.output(c);
    if (!this.lastOut.endsWith("\n")) this.host.write("\r\n");
    this.lastOut = "\n";
    this.cursorRow = 0;
    this.redraw(text, cursor);
  }

  private drain(): void {
    while (this.pending.length > 0) {
      if (this.busy) {
        // Ctrl+C reaches a running command at once and drops what was typed ahead of it.
        const i = this.pending.findIndex((k) => k.type === "interrupt");
        if (i < 0) return;
        this.pending.splice(0, i + 1);
        this.interrupt();
        continue;
      }
      const k = this.pending.shift()!;
      if (k.type === "notify") k.fn();
      else this.key(k);
    }
  }

  private interrupt(): void {
    this.interrupted = true;
    this.running?.interrupt();
  }

  /** After the terminal changed width: xterm reflowed the line; recompute where the cursor is. */
  resized(): void {
    this.cursorRow = Math.floor((PROMPT_WIDTH + this.cursor) / Math.max(1, this.host.cols()));
  }

  /** The line being edited (for tests and for the view's accessibility text). */
  line(): string {
    return this.text;
  }

  private prompt(): void {
    this.text = "";
    this.cursor = 0;
    this.cursorRow = 0;
    this.host.write(PROMPT);
  }

  private key(k: Key): void {
    const { text, cursor } = this;
    const tabbed = this.tabbed;
    this.tabbed = false;
    switch (k.type) {
      case "tab":
        return this.tab(tabbed);
      case "text": {
        const room = MAX_LINE - text.length;
        const add = k.text.slice(0, Math.max(0, room));
        if (!add) return;
        if (cursor === text.length) return this.appendAtEnd(add);
        return this.edit(text.slice(0, cursor) + add + text.slice(cursor), cursor + add.length);
      }
      case "enter":
        return this.enter();
      case "backspace":
        if (cursor > 0) this.edit(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
        return;
      case "delete":
        if (cursor < text.length) this.edit(text.slice(0, cursor) + text.slice(cursor + 1), cursor);
        return;
      case "left":
        return this.edit(text, Math.max(0, cursor - 1));
      case "right":
        return this.edit(text, Math.min(text.length, cursor + 1));
      case "word-left":
        return this.edit(text, wordStart(text, cursor));
      case "word-right":
        return this.edit(text, wordEnd(text, cursor));
      case "home":
        return this.edit(text, 0);
      case "end":
        return this.edit(text, text.length);
      case "kill-before":
        return this.edit(text.slice(cursor), 0);
      case "kill-after":
        return this.edit(text.slice(0, cursor), cursor);
      case "kill-word": {
        const from = wordStart(text, cursor);
        return this.edit(text.slice(0, from) + text.slice(cursor), from);
      }
      case "up": {
        const prev = this.deps.history.up(text);
        if (prev !== undefined) this.edit(prev, prev.length);
        return;
      }
      case "down": {
        const next = this.deps.history.down();
        if (next !== undefined) this.edit(next, next.length);
        return;
      }
      case "interrupt":
        this.moveTo(text.length);
        this.host.write("^C\r\n");
        this.deps.history.reset();
        return this.prompt();
      case "clear-screen":
        this.host.write(CLEAR);
        this.cursorRow = 0;
        return this.redraw(text, cursor);
    }
  }

  private enter(): void {
    const line = this.text;
    this.moveTo(line.length);
    this.host.write("\r\n");
    this.deps.history.push(line);
    if (line.trim() === "clear") {
      this.host.write(CLEAR);
      return this.prompt();
    }
    this.busy = true;
    this.interrupted = false;
    this.lastOut = "\n";
    let sync = true;
    const run = this.deps.start(line, {
      onChunk: (c) => this.output(c),
      onDone: (r) => {
        this.finish(r);
        // Ended later (the clock loop, Ctrl+C): what was typed meanwhile runs now.
        if (!sync) this.drain();
      },
    });
    sync = false;
    if (this.busy) this.running = run;
  }

  private output(c: Chunk): void {
    if (!c.text) return;
    if (c.frame) {
      if (!this.altScreen) this.host.write(ALT_SCREEN_ON);
      this.altScreen = true;
      this.host.write(FRAME);
    }
    const body = crlf(c.text);
    this.host.write(c.stream === "stderr" ? STDERR_ON + body + RESET : body);
    this.lastOut = c.text;
  }

  private finish(result: CommandResult): void {
    if (!this.busy) return;
    this.busy = false;
    this.running = undefined;
    if (this.altScreen) {
      this.host.write(ALT_SCREEN_OFF);
      this.altScreen = false;
      this.lastOut = "\n";
    }
    if (this.interrupted && result.exitCode === 130) {
      // The tty echoes ^C where the cursor is; the shell then starts a new line.
      this.host.write("^C\r\n");
    } else {
      if (result.clear) this.host.write(CLEAR);
      else if (!this.lastOut.endsWith("\n")) this.host.write("\r\n");
      if (result.edit) {
        const note = this.deps.openEdit?.(result.edit);
        if (note) this.host.write(crlf(note.endsWith("\n") ? note : note + "\n"));
      }
    }
    this.interrupted = false;
    this.prompt();
  }

  /** Tab: complete the word before the cursor (see completion.ts). */
  private tab(again: boolean): void {
    const { text, cursor } = this;
    const c = completeWord(text, cursor, this.deps.complete(text, cursor));
    if (c.text !== text) {
      this.edit(c.text, c.cursor);
      this.tabbed = c.candidates.length > 1;
      return;
    }
    if (c.candidates.length < 2) return;
    if (!again) {
      this.tabbed = true;
      return;
    }
    // The second Tab: list the candidates under the line, then the prompt and the line again.
    this.moveTo(text.length);
    const list = completionList(c.candidates, Math.max(1, this.host.cols()));
    this.host.write("\r\n" + list.join("\r\n") + "\r\n");
    this.cursorRow = 0;
    this.redraw(text, cursor);
    this.tabbed = true;
  }

  /** Typing at the end of the line: just echo (no redraw), minding the wrap at the last column. */
  private appendAtEnd(add: string): void {
    this.text += add;
    this.cursor = this.text.length;
    let out = add;
    const cols = Math.max(1, this.host.cols());
    const total = PROMPT_WIDTH + this.cursor;
    // At the last column xterm holds the cursor in a "pending wrap" state; step onto the next row
    // so the cursor row stays floor(total / cols).
    if (total % cols === 0) out += " \r";
    this.cursorRow = Math.floor(total / cols);
    this.host.write(out);
  }

  private edit(text: string, cursor: number): void {
    if (text === this.text) {
      if (cursor !== this.cursor) this.moveTo(cursor);
      return;
    }
    this.redraw(text, cursor);
  }

  /** Rewrite the whole line from the prompt, then put the cursor at `cursor`. */
  private redraw(text: string, cursor: number): void {
    const cols = Math.max(1, this.host.cols());
    let out = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : "";
    out += "\r\x1b[J" + PROMPT + text;
    const total = PROMPT_WIDTH + text.length;
    if (total % cols === 0) out += " \r";
    this.text = text;
    this.cursor = text.length;
    this.cursorRow = Math.floor(total / cols);
    this.host.write(out);
    this.moveTo(cursor);
  }

  /** Move the terminal cursor within the current line. */
  private moveTo(cursor: number): void {
    const cols = Math.max(1, this.host.cols());
    const row = Math.floor((PROMPT_WIDTH + cursor) / cols);
    const col = (PROMPT_WIDTH + cursor) % cols;
    let out = "";
    if (row < this.cursorRow) out += `\x1b[${this.cursorRow - row}A`;
    if (row > this.cursorRow) out += `\x1b[${row - this.cursorRow}B`;
    out += "\r" + (col > 0 ? `\x1b[${col}C` : "");
    this.cursor = cursor;
    this.cursorRow = row;
    this.host.write(out);
  }
}

function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === " ") i--;
  while (i > 0 && text[i - 1] !== " ") i--;
  return i;
}

function wordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && text[i] === " ") i++;
  while (i < text.length && text[i] !== " ") i++;
  return i;
}
