import { createCluster, type Cluster } from "../cluster.ts";
import type { CommandResult } from "../kubectl/output.ts";
import { Session } from "../kubectl/session.ts";
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
    this.session = new Session({
      cluster: this.cluster,
      readFile: (p) => {
        const path = normalizePath(p);
        return this.overlay?.[path] ?? this.files.get(path);
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
    const rule = blockedBy(line, this.exercise.commands);
    if (rule !== undefined) {
      const text = render(this.locale, msg("run.blocked", { rule, hint: msg("run.blockedHint") }));
      const result: CommandResult = {
        chunks: [{ stream: "stderr", text: text + "\n" }],
        exitCode: 1,
      };
      this.actions.push({ t: this.cluster.now(), line, exitCode: 1 });
      return result;
    }
    const result = this.session.exec(line, stdin);
    this.record(line, result.exitCode);
    return result;
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
    this.files.set(normalizePath(file), text);
    return this.exec(`kubectl apply -f ${normalizePath(file)}`);
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
  return new ExerciseRun(ex, { locale }, pack.meta.locales);
}
