/** What a command wrote, in order: stdout and stderr interleaved as a terminal shows them. */
export interface Chunk {
  stream: "stdout" | "stderr";
  text: string;
}

export interface CommandResult {
  chunks: Chunk[];
  exitCode: number;
}

export class Output {
  readonly chunks: Chunk[] = [];
  exitCode = 0;

  out(text: string): void {
    if (text) this.chunks.push({ stream: "stdout", text });
  }

  err(text: string): void {
    if (text) this.chunks.push({ stream: "stderr", text });
  }

  /** `error: …` on stderr, exit 1 — kubectl's usual failure. */
  fail(text: string, code = 1): void {
    this.err(text.endsWith("\n") ? text : text + "\n");
    this.exitCode = code;
  }

  result(): CommandResult {
    return { chunks: this.chunks, exitCode: this.exitCode };
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
