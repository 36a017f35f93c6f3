import type { KubectlContext } from "./context.ts";
import { formatDate } from "./date.ts";
import { saveEdit } from "./edit.ts";
import { startKubectl } from "./kubectl.ts";
import { Output, type Chunk, type CommandResult, type EditRequest } from "./output.ts";
import { Pipeline } from "./pipes.ts";
import type { Process } from "./process.ts";
import { labCommand } from "./lab-command.ts";
import { HELP_TEXT, parseDuration, timeoutProcess, watchProcess } from "./shell-commands.ts";
import { tokenize } from "./tokenize.ts";

export { parseDuration as parseSleep } from "./shell-commands.ts";

/** A bound on how far one command may drive virtual time by itself (habit 7). */
export const MAX_DRIVE_MS = 24 * 3_600_000;

export interface StartOptions {
  /** Standard input for `kubectl apply -f -` (e.g. the editor's buffer). */
  stdin?: string;
  /** Every chunk as it is written, stamped with the virtual instant (`chunk.at`). */
  onChunk?: (chunk: Chunk) => void;
  /** Aborting it is Ctrl+C. */
  signal?: AbortSignal;
}

/**
 * A command that may still be running. The browser polls it after each clock frame (time moves
 * at the learner's speed) or drives it (time jumps); the headless runner drives it to the end.
 */
export interface RunningCommand {
  readonly done: boolean;
  /** Everything written so far and, once done, the exit status. */
  result(): CommandResult;
  /** React to what the cluster did since the last call (after the UI advanced the clock). */
  poll(): boolean;
  /** Advance the cluster itself, event by event, until done or `maxMs` of virtual time pass. */
  drive(maxMs?: number): boolean;
  /** The virtual instant the command ends or acts by itself (a timeout, the next watch frame). */
  wakeAt(): number | undefined;
  /** Ctrl+C: stop now, exit status 130. */
  interrupt(): void;
  /** Never ends by itself (`get -w`, `watch`, `port-forward`) unless bounded by `timeout`. */
  readonly endless: boolean;
}

/**
 * The lab's terminal: runs one line of input against the cluster. Shared by the browser
 * terminal and the headless runner, so both behave the same.
 */
export class Session {
  constructor(private readonly ctx: KubectlContext) {}

  /**
   * Run one line to its end (scripts, and the bounded case in the UI): a long-running command
   * drives virtual time itself; one that never ends (`get -w`) needs `timeout D` in front.
   */
  exec(line: string, stdin?: string): CommandResult {
    const run = this.start(line, { stdin });
    if (!run.done) {
      if (run.endless) {
        run.interrupt();
        const r = run.result();
        const note =
          "lab: this command runs until Ctrl+C; in a script, bound it: timeout 30s " +
          line.trim() +
          "\n";
        return {
          ...r,
          exitCode: 0,
          chunks: [...r.chunks, { stream: "stderr", text: note, at: this.ctx.cluster.now() }],
        };
      }
      // A command that names its own end (`sleep 7d`, `wait --timeout=48h`) may run to it.
      const own = run.wakeAt();
      const bound =
        own !== undefined ? Math.max(MAX_DRIVE_MS, own - this.ctx.cluster.now()) : MAX_DRIVE_MS;
      if (!run.drive(bound)) {
        run.interrupt();
        const r = run.result();
        const note = `lab: stopped after ${MAX_DRIVE_MS / 3_600_000}h of virtual time\n`;
        return {
          ...r,
          chunks: [...r.chunks, { stream: "stderr", text: note, at: this.ctx.cluster.now() }],
        };
      }
    }
    return run.result();
  }

  /** Start one line; see RunningCommand. Short commands are done on return. */
  start(line: string, opts: StartOptions = {}): RunningCommand {
    const cluster = this.ctx.cluster;
    const out = new Output(() => cluster.now());
    const trimmed = line.trim();
    const finished = (code?: number): RunningCommand => {
      if (code !== undefined) out.exitCode = code;
      cluster.settle();
      return doneCommand(out);
    };
    if (trimmed === "" || trimmed.startsWith("#")) return finished();
    const tok = tokenize(trimmed);
    if ("error" in tok) {
      out.fail(`sh: syntax error: ${tok.error}`, 2);
      return finished();
    }
    const [first, ...pipes] = tok.words;
    const pipeErr = pipes.length ? Pipeline.check(pipes) : undefined;
    if (pipeErr) {
      out.fail(pipeErr, 127);
      return finished();
    }
    // The first stage writes into `inner`; stdout flows through the pipeline into `out`.
    const inner = new Output(() => cluster.now());
    const pipeline = pipes.length ? new Pipeline(pipes, (t) => out.out(t)) : undefined;
    inner.onChunk = (c) => {
      if (c.stream === "stdout" && pipeline) pipeline.write(c.text);
      else if (c.stream === "stdout") out.out(c.text, c.frame);
      else out.err(c.text);
    };
    if (opts.onChunk) out.onChunk = opts.onChunk;
    const ctx = opts.stdin === undefined ? this.ctx : { ...this.ctx, stdin: opts.stdin };
    const proc = this.startStage(ctx, first, inner);
    const finish = (code?: number) => {
      const pc = pipeline?.end();
      out.exitCode = code ?? pc ?? inner.exitCode;
      if (inner.clear) out.clear = true;
      if (inner.edit) out.edit = inner.edit;
      cluster.settle();
    };
    if (!proc || proc.tick()) {
      finish();
      return doneCommand(out);
    }
    return new Running(cluster, proc, out, finish, pipeline, opts.signal);
  }

  /** `kubectl edit` saved in the UI's editor. */
  saveEdit(req: EditRequest, text: string): CommandResult {
    const r = saveEdit(this.ctx, req, text);
    this.ctx.cluster.settle();
    return r;
  }

  private startStage(ctx: KubectlContext, words: string[], out: Output): Process | undefined {
    const [cmd, ...args] = words;
    const cluster = ctx.cluster;
    switch (cmd) {
      case "kubectl":
      case "k":
        return startKubectl(ctx, args, out);
      case "sleep": {
        const d = args[0] !== undefined ? parseDuration(args[0]) : undefined;
        if (d === undefined) {
          out.fail(
            args[0] === undefined
              ? "sleep: missing operand"
              : `sleep: invalid time interval '${args[0]}'`,
          );
          return undefined;
        }
        const end = cluster.now() + d;
        return { tick: () => cluster.now() >= end, wakeAt: () => end, stop: () => undefined };
      }
      case "timeout":
        return timeoutProcess(ctx, args, out, (c, w, o) => this.startStage(c, w, o));
      case "watch":
        return watchProcess(ctx, args, out, (c, w, o) => this.startStage(c, w, o));
      case "lab":
        return labCommand(ctx, args, out);
      case "date":
        out.out(formatDate(cluster.now()) + "\n");
        return undefined;
      case "echo":
        out.out(args.join(" ") + "\n");
        return undefined;
      case "clear":
        out.clear = true;
        return undefined;
      case "help":
        out.out(HELP_TEXT);
        return undefined;
      default:
        out.fail(`sh: ${cmd}: not available in this lab (type 'help' for what is)`, 127);
        return undefined;
    }
  }
}

function doneCommand(out: Output): RunningCommand {
  return {
    done: true,
    endless: false,
    result: () => out.result(),
    poll: () => true,
    drive: () => true,
    wakeAt: () => undefined,
    interrupt: () => undefined,
  };
}

class Running implements RunningCommand {
  done = false;

  constructor(
    private readonly cluster: KubectlContext["cluster"],
    private readonly proc: Process,
    private readonly out: Output,
    private readonly finish: (code?: number) => void,
    private readonly pipeline: Pipeline | undefined,
    signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener("abort", () => this.interrupt());
  }

  get endless(): boolean {
    return this.proc.endless === true;
  }

  result(): CommandResult {
    return this.out.result();
  }

  private end(code?: number): boolean {
    if (!this.done) {
      this.done = true;
      this.finish(code);
    }
    return true;
  }

  poll(): boolean {
    if (this.done) return true;
    if (this.proc.tick()) return this.end();
    if (this.pipeline?.closed()) {
      this.proc.stop("pipe");
      return this.end();
    }
    return false;
  }

  wakeAt(): number | undefined {
    return this.proc.wakeAt?.();
  }

  drive(maxMs = MAX_DRIVE_MS): boolean {
    const deadline = this.cluster.now() + maxMs;
    for (let n = 0; n < 10_000_000 && !this.done; n++) {
      if (this.poll()) return true;
      const next = this.cluster.nextEventAt();
      const wake = this.wakeAt();
      const target = Math.min(next ?? Infinity, wake ?? Infinity);
      if (target > deadline) {
        this.cluster.advanceTo(deadline);
        return this.poll();
      }
      if (target === Infinity) return false; // nothing will ever happen again
      if (next !== undefined && next <= target) this.cluster.stepEvent();
      else this.cluster.advanceTo(target);
    }
    return this.done;
  }

  interrupt(): void {
    if (this.done) return;
    this.proc.stop("interrupt");
    this.end(130);
  }
}
