import { LIMITS } from "./limits.ts";
import type { Input } from "./types.ts";

/** stdin over a string (a file, a here-document, or the output of the previous pipe stage). */
export class StringInput implements Input {
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  readAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  readLine(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf("\n", this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    return line;
  }
}

/** A container's stdin: empty (Kubernetes containers get no stdin unless `stdin: true`). */
export const emptyInput = (): Input => new StringInput("");

/**
 * Thrown by a full pipe's write. The writer's stage ends with status 141 (killed by SIGPIPE), as
 * `yes | head -n 1` does on a real system once head has exited.
 */
export class BrokenPipe extends Error {
  constructor() {
    super("broken pipe");
  }
}

/** A buffer for a pipe stage or a command substitution, bounded by LIMITS.maxPipeBytes. */
export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;

  write = (text: string): void => {
    if (this.size + text.length > LIMITS.maxPipeBytes) {
      this.chunks.push(text.slice(0, LIMITS.maxPipeBytes - this.size));
      this.size = LIMITS.maxPipeBytes;
      throw new BrokenPipe();
    }
    this.chunks.push(text);
    this.size += text.length;
  };

  text(): string {
    return this.chunks.join("");
  }
}

/**
 * Wrap a log sink so that a process cannot write more than LIMITS.maxOutputBytes; past it,
 * output is dropped after one note on stderr.
 */
export function limitOutput(
  stdout: (t: string) => void,
  stderr: (t: string) => void,
): { stdout: (t: string) => void; stderr: (t: string) => void } {
  let used = 0;
  let noted = false;
  const wrap =
    (sink: (t: string) => void) =>
    (text: string): void => {
      if (text === "") return;
      if (used + text.length <= LIMITS.maxOutputBytes) {
        used += text.length;
        sink(text);
        return;
      }
      if (!noted) {
        noted = true;
        const room = LIMITS.maxOutputBytes - used;
        if (room > 0) sink(text.slice(0, room));
        used = LIMITS.maxOutputBytes;
        stderr(`\n[batch-lab: output truncated at ${LIMITS.maxOutputBytes} bytes]\n`);
      }
    };
  return { stdout: wrap(stdout), stderr: wrap(stderr) };
}
