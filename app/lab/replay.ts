import type { EditRequest } from "../../src/kubectl/output.ts";
import { advanceRunning, type RunningLine } from "./running.ts";
import { LabShell, type LabEngine, type ShellOptions } from "./shell.ts";

/**
 * The learner's inputs, each with the virtual time it happened at. Replaying them, in order, into
 * a fresh cluster with the same seed and start rebuilds the same cluster — names, uids, logs and
 * all — because the simulation is deterministic (DESIGN.md "The one idea"). This is how cluster
 * state survives a reload without serialising controllers, timers or running shell scripts.
 */
export interface LabInput {
  /** Virtual time (ms since the epoch) when the input ran. */
  at: number;
  /**
   * Where it came from: the Apply button, a terminal line, or a `kubectl edit` saved from its
   * editor tab (Apply on that tab).
   */
  source: "apply" | "terminal" | "edit";
  /**
   * The command line that ran (Apply runs `kubectl apply -f job.yaml`); for an `edit`, the
   * `kubectl edit job.batch/NAME` that opened the tab (a label: replay saves `edit` with `text`).
   */
  line: string;
  /** For an `edit`: what `kubectl edit` opened (the object and the text it showed). */
  edit?: EditRequest;
  /** For an `edit`: the tab's text when it was saved. */
  text?: string;
  /** Files the command read (e.g. the editor's text as `job.yaml`), exactly as it saw them. */
  files?: Record<string, string>;
  /**
   * The line kept running while the clock flowed (`get -w`, `logs -f`, `wait`, `watch`) instead
   * of driving time to its end: replay starts it the same way and polls it as time passes.
   */
  stream?: true;
  /** For a `stream` line: the virtual time it stopped (Ctrl+C, or by itself); unset while running. */
  until?: number;
}

export interface ReplayLog extends ShellOptions {
  version: typeof LOG_VERSION;
  inputs: LabInput[];
  /** Virtual time the lab had reached when the log was last saved. */
  now: number;
  /** Set once the log outgrew its limits: it no longer describes the cluster, so it is not replayed. */
  overflowed?: boolean;
}

export const LOG_VERSION = 1;
/** Inputs kept at most; one learner session is far below this. */
export const MAX_INPUTS = 2000;
/** Serialised size kept at most (localStorage quotas are ~5 MB per origin, in UTF-16 code units). */
export const MAX_LOG_CHARS = 1_500_000;

export function emptyLog(options: ShellOptions, now: number): ReplayLog {
  return { version: LOG_VERSION, seed: options.seed, start: options.start, inputs: [], now };
}

/** Serialised sizes of logs seen, so that appending does not re-serialise the whole log. */
const sizes = new WeakMap<ReplayLog, number>();
const sizeOf = (log: ReplayLog): number => sizes.get(log) ?? serializeLog(log).length;

/** The log with one more input, or with `overflowed` set when a limit would be passed. */
export function appendInput(log: ReplayLog, input: LabInput): ReplayLog {
  if (log.overflowed) return { ...log, now: input.at };
  const next: ReplayLog = { ...log, inputs: [...log.inputs, input], now: input.at };
  // An upper bound: `now` may have gained digits, and a comma joins the input to the list.
  const size = sizeOf(log) + JSON.stringify(input).length + 16;
  if (next.inputs.length > MAX_INPUTS || size > MAX_LOG_CHARS) {
    return { ...log, inputs: [], overflowed: true, now: input.at };
  }
  sizes.set(next, size);
  return next;
}

export function withNow(log: ReplayLog, now: number): ReplayLog {
  if (log.now === now) return log;
  const next = { ...log, now };
  const size = sizes.get(log);
  // Epoch milliseconds keep their 13 digits for centuries: the size stays (within the margin).
  if (size !== undefined) sizes.set(next, size);
  return next;
}

export function serializeLog(log: ReplayLog): string {
  return JSON.stringify(log);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function parseInput(v: unknown): LabInput | undefined {
  if (!isRecord(v)) return undefined;
  const { at, source, line, files, stream, until } = v;
  if (typeof at !== "number" || !Number.isFinite(at)) return undefined;
  if (source !== "apply" && source !== "terminal" && source !== "edit") return undefined;
  if (typeof line !== "string") return undefined;
  const input: LabInput = { at, source, line };
  if (source === "edit") {
    const edit = parseEditRequest(v.edit);
    if (!edit || typeof v.text !== "string") return undefined;
    input.edit = edit;
    input.text = v.text;
  }
  if (files !== undefined) {
    if (!isRecord(files) || !Object.values(files).every((t) => typeof t === "string")) {
      return undefined;
    }
    input.files = files as Record<string, string>;
  }
  if (stream !== undefined && stream !== true) return undefined;
  if (until !== undefined && (typeof until !== "number" || !Number.isFinite(until))) {
    return undefined;
  }
  if (stream) input.stream = true;
  if (stream && until !== undefined) input.until = until;
  return input;
}

function parseEditRequest(v: unknown): EditRequest | undefined {
  if (!isRecord(v)) return undefined;
  const { ref, kind, namespace, name, yaml } = v;
  if (typeof ref !== "string" || typeof kind !== "string" || typeof name !== "string") {
    return undefined;
  }
  if (typeof yaml !== "string") return undefined;
  if (namespace !== undefined && typeof namespace !== "string") return undefined;
  return namespace === undefined ? { ref, kind, name, yaml } : { ref, kind, namespace, name, yaml };
}

/**
 * The log with input `index` (a `stream` line) marked as stopped at `until`, and the files it
 * read by then. A log that overflowed (its inputs dropped) is returned as it is.
 */
export function stopInput(
  log: ReplayLog,
  index: number,
  until: number,
  files?: Record<string, string>,
): ReplayLog {
  const input = log.inputs[index];
  if (log.overflowed || !input?.stream || input.until !== undefined) return log;
  const stopped: LabInput = { ...input, until };
  if (files && Object.keys(files).length > 0) stopped.files = { ...files };
  const inputs = log.inputs.slice();
  inputs[index] = stopped;
  const next: ReplayLog = { ...log, inputs };
  const size = sizes.get(log);
  if (size !== undefined) {
    sizes.set(next, size + JSON.stringify(stopped).length - JSON.stringify(input).length);
  }
  return next;
}

/**
 * A saved log whose `stream` lines still ran when it was last saved (the page was closed or
 * reloaded while `get -w` ran): they stopped then, at `log.now`.
 */
export function closeStreams(log: ReplayLog): ReplayLog {
  if (!log.inputs.some((i) => i.stream && i.until === undefined)) return log;
  return {
    ...log,
    inputs: log.inputs.map((i) =>
      i.stream && i.until === undefined ? { ...i, until: log.now } : i,
    ),
  };
}

/** A saved log, or undefined when the text is not one (corrupt, foreign, or another version). */
export function parseLog(text: string | null): ReplayLog | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.version !== LOG_VERSION) return undefined;
  const { seed, start, now, inputs, overflowed } = raw;
  if (typeof seed !== "number" || typeof start !== "string" || typeof now !== "number") {
    return undefined;
  }
  if (!Array.isArray(inputs)) return undefined;
  const parsed = inputs.map(parseInput);
  if (parsed.some((i) => i === undefined)) return undefined;
  return {
    version: LOG_VERSION,
    seed,
    start,
    now,
    inputs: parsed as LabInput[],
    ...(overflowed === true ? { overflowed: true } : {}),
  };
}

export type ReplayResult<E extends LabEngine = LabShell> =
  { ok: true; shell: E } | { ok: false; shell: E; error: string; index: number };

/**
 * Rebuild the cluster a log describes: a fresh shell with the log's seed and start (or the engine
 * `create` makes, for a mode with its own start state, such as an exercise); for each
 * input, advance to its time and run it with the files it read; finally advance to `log.now`.
 * Replay stops at the first input that throws (a bug, or a log from an incompatible version)
 * and reports it; the shell is then in the state reached so far.
 */
export function replayLog(log: ReplayLog): ReplayResult;
export function replayLog<E extends LabEngine>(log: ReplayLog, create: () => E): ReplayResult<E>;
export function replayLog(
  log: ReplayLog,
  create: () => LabEngine = () => new LabShell({ seed: log.seed, start: log.start }),
): ReplayResult<LabEngine> {
  const shell = create();
  const { cluster } = shell;
  if (log.overflowed) {
    return { ok: false, shell, index: -1, error: "its history outgrew what the lab keeps" };
  }
  let index = -1;
  // Stream lines still running, each stopped at its `until` (as the live clock loop polled them).
  let running: RunningLine[] = [];
  const advance = (to: number) => {
    const ended = advanceRunning(cluster, running, to);
    running = running.filter((l) => !l.command.done && !ended.includes(l));
  };
  try {
    for (index = 0; index < log.inputs.length; index++) {
      const input = log.inputs[index];
      advance(input.at);
      const files = input.files ?? {};
      if (input.source === "edit") {
        if (!shell.saveEdit) throw new Error("this cluster cannot save kubectl edit");
        shell.saveEdit(input.edit!, input.text ?? "");
      } else if (input.stream && shell.start) {
        const { command } = shell.start(input.line, (p) => files[p]);
        if (!command.done) running.push({ command, until: input.until ?? log.now });
      } else {
        shell.run(input.line, (p) => files[p]);
      }
    }
    advance(log.now);
    for (const l of running) l.command.interrupt();
  } catch (e) {
    return { ok: false, shell, index, error: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, shell };
}
