import { createCluster, type Cluster } from "../cluster.ts";
import type { CommandResult, EditRequest } from "../kubectl/output.ts";
import { Session, type RunningCommand, type StartOptions } from "../kubectl/session.ts";
import { blockedBy } from "./commands.ts";
import { evaluateGoals, type GoalStatus } from "./goals/index.ts";
import { parseDuration, type Action } from "./goals/context.ts";
import { msg, render } from "./i18n/format.ts";
import { armInjections, type InjectionSetup } from "./injections.ts";
import { Timeline } from "./timeline.ts";
import type { Exercise, ExerciseStrings, Injection, Pack } from "./types.ts";

/** `./job.yaml` and `job.yaml` name the same editor file. */
const normalizePath = (p: string) => p.replace(/^(\.\/)+/, "");

export interface RunOptions {
  locale?: string;
  /**
   * Where `-f PATH` finds an editor file (the UI's editor); without it, `files`. A script run's
   * files (`runScript`) and the start objects come first either way.
   */
  readFile?: (path: string) => string | undefined;
  /** `kubectl edit` opens the UI's editor (saved through `saveEdit`); headless runs have none. */
  editor?: boolean;
}

/** One line of a script run: what was typed and what it printed. */
export interface ScriptStep {
  line: string;
  result: CommandResult;
}

/**
 * An exercise being worked on: a cluster built from the exercise's start state, a terminal
 * session on it, a timeline observing it, the learner's commands, and the goals evaluated on
 * demand. The UI calls `exec` / `apply` as the learner acts, lets time flow with `cluster`, and
 * re-reads `goals()` whenever the cluster changes. Headless verification uses the same object.
 */
export class ExerciseRun {
  readonly cluster: Cluster;
  readonly session: Session;
  readonly timeline: Timeline;
  readonly actions: Action[] = [];
  /** The editor's files, name → text (`kubectl apply -f job.yaml` reads them). */
  readonly files: Map<string, string>;
  /** Failure injections this cluster cannot perform (missing simulator hook). */
  readonly unsupportedInjections: Injection[];
  hintsShown = 0;
  locale: string;
  private readonly injections: InjectionSetup;
  /** Files a script run adds on top of the editor's (a solution's manifests). */
  private overlay: Record<string, string> | undefined;

  constructor(
    readonly exercise: Exercise,
    opts: RunOptions = {},
    readonly packLocales: string[] = Object.keys(exercise.strings),
  ) {
    this.locale = opts.locale ?? packLocales[0] ?? "en";
    const s = exercise.start;
    this.cluster = createCluster({ start: s.at, seed: s.seed, preloadedImages: s.preloadedImages });
    this.files = new Map(Object.entries(s.files));
    const readFile = opts.readFile;
    this.session = new Session({
      cluster: this.cluster,
      editor: opts.editor === true,
      readFile: (p) => {
        const path = normalizePath(p);
        if (this.overlay && Object.hasOwn(this.overlay, path)) return this.overlay[path];
        return readFile ? readFile(path) : this.files.get(path);
      },
    });
    // Observe from the first instant, so the start objects are part of the history.
    this.timeline = new Timeline(this.cluster);
    this.injections = armInjections(this.cluster, exercise.injections);
    this.unsupportedInjections = this.injections.unsupported;
    this.applyStartObjects();
  }

  private applyStartObjects(): void {
    const s = this.exercise.start;
    for (const o of s.objects) {
      const r = this.withFiles({ [o.path]: o.text }, () =>
        this.session.exec(`kubectl apply -f ${o.path}`),
      );
      if (r.exitCode !== 0)
        throw new Error(
          `start object ${o.path} was refused: ${r.chunks.map((c) => c.text).join("")}`,
        );
    }
    if (s.advance) this.cluster.advance(parseDuration(s.advance) ?? 0);
  }

  private withFiles<T>(files: Record<string, string>, fn: () => T): T {
    const before = this.overlay;
    this.overlay = { ...before, ...files };
    try {
      return fn();
    } finally {
      this.overlay = before;
    }
  }

  /** The exercise's texts in the current locale (falling back to the pack's first locale). */
  strings(): ExerciseStrings {
    return this.exercise.strings[this.locale] ?? this.exercise.strings[this.packLocales[0]];
  }

  /**
   * Run one terminal line as the learner typed it. Lines the exercise blocks are refused
   * without running; every other line is recorded for process goals.
   */
  exec(line: string, stdin?: string): CommandResult {
    const refused = this.refuse(line);
    if (refused) return refused;
    const result = this.session.exec(line, stdin);
    this.record(line, result.exitCode);
    return result;
  }

  /**
   * As `exec`, for a line that may keep running while the UI lets the clock flow (`get -w`,
   * `logs -f`, `wait`, `watch`): refused when blocked, recorded once it ends, with its exit code;
   * an endless one stopped with Ctrl+C counts as `exec` reports it (status 0: the learner saw it).
   */
  start(line: string, opts: StartOptions = {}): RunningCommand {
    const refused = this.refuse(line);
    if (refused) {
      for (const c of refused.chunks) opts.onChunk?.(c);
      return finishedCommand(refused);
    }
    const command = this.session.start(line, opts);
    let recorded = false;
    let interrupted = false;
    const noteEnd = () => {
      if (!command.done || recorded) return;
      recorded = true;
      const code = command.result().exitCode;
      this.record(line, interrupted && command.endless ? 0 : code);
    };
    noteEnd();
    const step = <T>(fn: () => T): T => {
      try {
        return fn();
      } finally {
        noteEnd();
      }
    };
    return {
      get done() {
        return command.done;
      },
      get endless() {
        return command.endless;
      },
      result: () => command.result(),
      poll: () => step(() => command.poll()),
      drive: (maxMs?: number) => step(() => command.drive(maxMs)),
      wakeAt: () => command.wakeAt(),
      interrupt: () =>
        step(() => {
          if (!command.done) interrupted = true;
          command.interrupt();
        }),
    };
  }

  /**
   * Save a `kubectl edit` buffer through this exercise's cluster (the editor tab's Apply),
   * recorded as `kubectl edit REF` with the save's exit code. Refused when the exercise blocks
   * `kubectl edit`.
   */
  saveEdit(req: EditRequest, text: string): CommandResult {
    const line = `kubectl edit ${req.ref}`;
    const refused = this.refuse(line);
    if (refused) return refused;
    const result = this.session.saveEdit(req, text);
    this.record(line, result.exitCode);
    return result;
  }

  /** The refusal of a line the exercise blocks (recorded as failed), or undefined. */
  private refuse(line: string): CommandResult | undefined {
    const rule = blockedBy(line, this.exercise.commands);
    if (rule === undefined) return undefined;
    const text = render(this.locale, msg("run.blocked", { rule, hint: msg("run.blockedHint") }));
    this.actions.push({ t: this.cluster.now(), line, exitCode: 1 });
    return { chunks: [{ stream: "stderr", text: text + "\n" }], exitCode: 1 };
  }

  /**
   * Record a line the UI ran itself (e.g. through `session.start` for a command that runs while
   * the clock flows), so process goals see it. `exec` records on its own.
   */
  record(line: string, exitCode: number): void {
    if (line.trim() !== "" && !line.trim().startsWith("#"))
      this.actions.push({ t: this.cluster.now(), line, exitCode });
  }

  /** Save `text` as an editor file and apply it (the editor's Apply button). */
  apply(text: string, file = "job.yaml"): CommandResult {
    const path = normalizePath(file);
    this.files.set(path, text);
    // Also seen with a `readFile` option (the UI's editor), which `files` does not feed.
    return this.withFiles({ [path]: text }, () => this.exec(`kubectl apply -f ${path}`));
  }

  /** Run a lab script (blank lines and `#` comments skipped) with extra files visible to `-f`. */
  runScript(script: string, files: Record<string, string> = {}): ScriptStep[] {
    const steps: ScriptStep[] = [];
    this.withFiles(files, () => {
      for (const raw of script.split("\n")) {
        const line = raw.replace(/\r$/, "");
        if (line.trim() === "" || line.trim().startsWith("#")) continue;
        steps.push({ line, result: this.exec(line) });
      }
    });
    return steps;
  }

  /** Every goal, evaluated now, in the current locale. */
  goals(): GoalStatus[] {
    return evaluateGoals(
      this.exercise.goals,
      { cluster: this.cluster, timeline: this.timeline, actions: this.actions },
      this.locale,
      this.strings()?.goals ?? {},
    );
  }

  allMet(): boolean {
    return this.goals().every((g) => g.met);
  }

  /** The next rung of the hint ladder (Markdown), or undefined when all were shown. */
  nextHint(): string | undefined {
    const hints = this.strings()?.hints ?? [];
    if (this.hintsShown >= hints.length) return undefined;
    return hints[this.hintsShown++];
  }

  /** Hints shown so far, in the current locale. */
  shownHints(): string[] {
    return (this.strings()?.hints ?? []).slice(0, this.hintsShown);
  }

  dispose(): void {
    this.injections.dispose();
    this.timeline.dispose();
  }
}

/** Start an exercise of a loaded pack. Throws when the id is unknown. */
export function createExerciseRun(
  pack: Pack,
  exerciseId: string,
  opts: RunOptions = {},
): ExerciseRun {
  const ex = pack.exercises.find((e) => e.id === exerciseId);
  if (!ex) throw new Error(`no exercise ${exerciseId} in pack ${pack.meta.id}`);
  const locale =
    opts.locale && pack.meta.locales.includes(opts.locale) ? opts.locale : pack.meta.locales[0];
  return new ExerciseRun(ex, { ...opts, locale }, pack.meta.locales);
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
