/** What a command wrote, in order: stdout and stderr interleaved as a terminal shows them. */
export interface Chunk {
  stream: "stdout" | "stderr";
  text: string;
  /** Virtual instant (epoch ms) the text was written; streaming commands write over time. */
  at?: number;
  /** `watch`: clear the screen before this chunk (a new frame); a transcript just prints it. */
  frame?: boolean;
}

/** `kubectl edit`: the live object for the UI's editor; saving goes through `Session.saveEdit`. */
export interface EditRequest {
  /** `job.batch/pi`: what kubectl names the object. */
  ref: string;
  kind: string;
  namespace?: string;
  name: string;
  /** The object as `kubectl edit` opens it (YAML, with kubectl's comment header). */
  yaml: string;
}

export interface CommandResult {
  chunks: Chunk[];
  exitCode: number;
  /** `clear` / Ctrl+L: the terminal should clear its screen before showing the chunks. */
  clear?: boolean;
  /** `kubectl edit`: open this in the editor. */
  edit?: EditRequest;
}

export class Output {
  readonly chunks: Chunk[] = [];
  exitCode = 0;
  clear?: boolean;
  edit?: EditRequest;
  /** Called with every chunk as it is written (streaming commands). */
  onChunk?: (c: Chunk) => void;

  constructor(private readonly clock?: () => number) {}

  private push(c: Chunk): void {
    if (this.clock) c.at = this.clock();
    this.chunks.push(c);
    this.onChunk?.(c);
  }

  out(text: string, frame?: boolean): void {
    if (text) this.push(frame ? { stream: "stdout", text, frame } : { stream: "stdout", text });
  }

  err(text: string): void {
    if (text) this.push({ stream: "stderr", text });
  }

  /** `error: …` on stderr, exit 1 — kubectl's usual failure. */
  fail(text: string, code = 1): void {
    this.err(text.endsWith("\n") ? text : text + "\n");
    this.exitCode = code;
  }

  result(): CommandResult {
    const r: CommandResult = { chunks: this.chunks, exitCode: this.exitCode };
    if (this.clear) r.clear = true;
    if (this.edit) r.edit = this.edit;
    return r;
  }

  stdout(): string {
    return this.chunks
      .filter((c) => c.stream === "stdout")
      .map((c) => c.text)
      .join("");
  }
}

export function text(r: CommandResult): string {
  return r.chunks.map((c) => c.text).join("");
}
