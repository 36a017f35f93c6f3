import type { RunningCommand } from "../../src/kubectl/session.ts";
import type { Chunk, CommandResult, EditRequest } from "../../src/kubectl/output.ts";
import { createExerciseRun, type ExerciseRun, type Pack } from "../../src/lab/index.ts";
import type { LabMode } from "../lab/runtime.ts";
import type { FileLookup, LabEngine, StartedLine } from "../lab/shell.ts";

const normalizePath = (p: string): string => p.replace(/^(\.\/)+/, "");

type Attempt<T> = { value: T; error?: undefined } | { value?: undefined; error: unknown };

/**
 * The lesson engine's ExerciseRun as the runtime's engine: the cluster built from the exercise's
 * start state (seed, instant, objects, injections, a Timeline observing from the first instant),
 * lines refused when the exercise blocks them and recorded for process goals (`usedCommand`),
 * and `-f` files read from the lab's editor at the moment a line runs, captured for the replay
 * log exactly as LabShell does. Long-running lines (`get -w`, `logs -f`, `wait`) run while the
 * clock flows, and `kubectl edit` opens the editor, saved through the exercise's cluster.
 */
export class ExerciseEngine implements LabEngine {
  readonly lesson: ExerciseRun;
  private lookup: FileLookup = () => undefined;
  private reads: Record<string, string> = {};

  constructor(pack: Pack, exerciseId: string, locale: string) {
    // `-f` files come from the lab's editor (the lookup of the line running), noted for the
    // replay log. The start objects are applied from the pack's own texts (before any lookup).
    this.lesson = createExerciseRun(pack, exerciseId, {
      locale,
      editor: true,
      readFile: (p: string) => {
        const path = normalizePath(p);
        const text = this.lookup(path);
        if (text !== undefined) this.reads[path] = text;
        return text;
      },
    });
  }

  get cluster() {
    return this.lesson.cluster;
  }

  run(line: string, files: FileLookup): { result: CommandResult; read: Record<string, string> } {
    const read: Record<string, string> = {};
    const r = this.withFiles(files, read, () => this.lesson.exec(line));
    return { result: r.value ?? internalError(r.error), read };
  }

  /**
   * As LabShell.start, through ExerciseRun.start: blocked lines refused, every line recorded for
   * process goals once it ends.
   */
  start(line: string, files: FileLookup, onChunk?: (c: Chunk) => void): StartedLine {
    const read: Record<string, string> = {};
    const started = this.withFiles(files, read, () => this.lesson.start(line, { onChunk }));
    if (started.value === undefined) {
      const result = internalError(started.error);
      for (const c of result.chunks) onChunk?.(c);
      this.lesson.record(line, result.exitCode);
      return { command: finishedCommand(result), read };
    }
    const command = started.value;
    const step = <T>(fn: () => T, fallback: T): T => {
      const r = this.withFiles(files, read, fn);
      if (r.value !== undefined) return r.value;
      if (!command.done) command.interrupt(); // ends it, recorded by the lesson
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

  /** A `kubectl edit` tab saved: through the exercise's cluster, recorded for process goals. */
  saveEdit(req: EditRequest, text: string): CommandResult {
    const r = this.withFiles(
      () => undefined,
      {},
      () => this.lesson.saveEdit(req, text),
    );
    return r.value ?? internalError(r.error);
  }

  private withFiles<T>(files: FileLookup, read: Record<string, string>, fn: () => T): Attempt<T> {
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

  dispose(): void {
    this.lesson.dispose();
  }
}

/** As in LabShell: a simulator bug fails the line (the same way on replay), not the page. */
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The editor files an exercise starts with: its start files, plus an empty one for each file its
 * solution applies that the learner must write from scratch (so `kubectl apply -f NAME` finds it).
 */
export function startFiles(pack: Pack, exerciseId: string): Record<string, string> {
  const ex = pack.exercises.find((e) => e.id === exerciseId);
  if (!ex) return {};
  const files: Record<string, string> = { ...ex.start.files };
  for (const name of Object.keys(ex.solution.files)) {
    const applied = new RegExp(`-f\\s+(\\./)?${escapeRe(name)}(\\s|$)`, "m");
    if (!Object.hasOwn(files, name) && applied.test(ex.solution.script)) files[name] = "";
  }
  return files;
}

/** The runtime mode of one exercise: its own replay log and files, keyed by pack and exercise. */
export function exerciseMode(pack: Pack, exerciseId: string, locale: () => string): LabMode {
  const ex = pack.exercises.find((e) => e.id === exerciseId);
  if (!ex) throw new Error(`no exercise ${exerciseId} in pack ${pack.meta.id}`);
  return {
    id: `${pack.meta.id}@${pack.meta.version}/${ex.id}`,
    seed: ex.start.seed,
    start: ex.start.at,
    create: () => new ExerciseEngine(pack, ex.id, locale()),
    files: startFiles(pack, ex.id),
  };
}
