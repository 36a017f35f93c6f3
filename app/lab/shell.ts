import { createCluster, type Cluster } from "../../src/cluster.ts";
import type { Chunk, CommandResult, EditRequest } from "../../src/kubectl/output.ts";
import { Session, type RunningCommand } from "../../src/kubectl/session.ts";

/** The editor's buffer, as the terminal sees it: `kubectl apply -f job.yaml` applies the editor. */
export const EDITOR_FILE = "job.yaml";

/** Where `-f PATH` finds a file's text at the moment a command runs. */
export type FileLookup = (path: string) => string | undefined;

export interface ShellOptions {
  seed: number;
  /** RFC 3339 instant the virtual clock starts at. */
  start: string;
}

/** `./job.yaml` and `job.yaml` are the same file; the lab has no directories. */
export const normalizePath = (p: string): string => p.replace(/^(\.\/)+/, "");

/**
 * What the runtime drives: a cluster, and a way to run a terminal line against it that reports
 * the files the line read (so it can be recorded and replayed). The sandbox uses a LabShell; an
 * exercise uses an adapter over the lesson engine's ExerciseRun (app/lesson/exercise-engine.ts).
 */
export interface LabEngine {
  readonly cluster: Cluster;
  run(line: string, files: FileLookup): { result: CommandResult; read: Record<string, string> };
  /**
   * Start a line that may keep running while the clock flows (`get -w`, `logs -f`, `wait`); its
   * chunks go to `onChunk` as they are written. `read` fills up with the files it reads, also
   * later on (`watch kubectl apply -f job.yaml`), always from `files` as they were at the start.
   * Engines without it run every line to its end (`run`).
   */
  start?(line: string, files: FileLookup, onChunk?: (c: Chunk) => void): StartedLine;
  /**
   * Save a `kubectl edit` buffer (`text`, the tab the edit opened) as kubectl does when its
   * editor closes. Engines without it cannot save edits (their `kubectl edit` opens nothing).
   */
  saveEdit?(req: EditRequest, text: string): CommandResult;
  /** Stop observing the cluster (timelines, injections); called when the engine is replaced. */
  dispose?(): void;
}

export interface StartedLine {
  command: RunningCommand;
  read: Record<string, string>;
}

/**
 * One cluster plus the kubectl session that drives it, with the files a command reads captured,
 * so that a command can be recorded and later replayed with exactly the text it saw.
 * DOM-free: the runtime, the replay and the tests all use it.
 */
export class LabShell implements LabEngine {
  readonly cluster: Cluster;
  readonly session: Session;
  private lookup: FileLookup = () => undefined;
  private reads: Record<string, string> = {};

  constructor(readonly options: ShellOptions) {
    this.cluster = createCluster({ seed: options.seed, start: options.start });
    this.session = new Session({
      cluster: this.cluster,
      // `kubectl edit` opens the object in the lab's editor (LabRuntime.openEdit).
      editor: true,
      readFile: (p) => {
        const path = normalizePath(p);
        const text = this.lookup(path);
        if (text !== undefined) this.reads[path] = text;
        return text;
      },
    });
  }

  /** Run one line; returns what it printed and the files it read (path → text). */
  run(line: string, files: FileLookup): { result: CommandResult; read: Record<string, string> } {
    const read: Record<string, string> = {};
    const r = this.withFiles(files, read, () => this.session.exec(line));
    return { result: r.value ?? internalError(r.error), read };
  }

  start(line: string, files: FileLookup, onChunk?: (c: Chunk) => void): StartedLine {
    const read: Record<string, string> = {};
    const started = this.withFiles(files, read, () => this.session.start(line, { onChunk }));
    if (started.value === undefined) {
      const result = internalError(started.error);
      for (const c of result.chunks) onChunk?.(c);
      return { command: finishedCommand(result), read };
    }
    const command = started.value;
    // Each step of the command sees the same files and notes what it reads; a simulator bug in
    // a later step ends the command (the same way on replay) instead of the page.
    const step = <T>(fn: () => T, fallback: T): T => {
      const r = this.withFiles(files, read, fn);
      if (r.value !== undefined) return r.value;
      if (!command.done) command.interrupt();
      onChunk?.({ stream: "stderr", text: internalError(r.error).chunks[0].text });
      return fallback;
    };
    const wrapped: RunningCommand = {
      get done() {
        return command.done;
      },
      get endless() {
        return command.endless;
      },
      result: () => command.result(),
      poll: () => step(() => command.poll(), true),
      drive: (maxMs?: number) => step(() => command.drive(maxMs), true),
      wakeAt: () => command.wakeAt(),
      interrupt: () => step(() => (command.interrupt(), true), true),
    };
    return { command: wrapped, read };
  }

  saveEdit(req: EditRequest, text: string): CommandResult {
    const r = this.withFiles(
      () => undefined,
      {},
      () => this.session.saveEdit(req, text),
    );
    return r.value ?? internalError(r.error);
  }

  /** Run `fn` with `files` visible to `-f` and reads noted in `read`; catches simulator bugs. */
  private withFiles<T>(
    files: FileLookup,
    read: Record<string, string>,
    fn: () => T,
  ): { value: T; error?: undefined } | { value?: undefined; error: unknown } {
    const before = { lookup: this.lookup, reads: this.reads };
    this.lookup = files;
    this.reads = read;
    try {
      return { value: fn() };
    } catch (e) {
      return { error: e };
    } finally {
      this.lookup = before.lookup;
      this.reads = before.reads;
    }
  }
}

/**
 * A bug in the simulator must not take the page down; the same line fails the same way when
 * replayed, so live and replayed clusters stay identical.
 */
function internalError(e: unknown): CommandResult {
  const message = e instanceof Error ? e.message : String(e);
  const text = `internal error: ${message} (this is a Batch Lab bug)\n`;
  return { chunks: [{ stream: "stderr", text }], exitCode: 1 };
}

function finishedCommand(result: CommandResult): RunningCommand {
  return {
    done: true,
    endless: false,
    result: () => result,
    poll: () => true,
    drive: () => true,
    wakeAt: () => undefined,
    interrupt: () => undefined,
  };
}
