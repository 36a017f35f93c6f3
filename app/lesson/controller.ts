import { createStore, type StoreApi } from "zustand/vanilla";
import { loadPack, type GoalStatus, type Pack, type PackProblem } from "../../src/lab/index.ts";
import type { LocaleStore } from "../i18n/locale-store.ts";
import type { KeyValueStore } from "../lab/persist.ts";
import type { LabRuntime } from "../lab/runtime.ts";
import type { LabStore } from "../state/store.ts";
import { ExerciseEngine, exerciseMode, startFiles } from "./exercise-engine.ts";
import { DEFAULT_PACK, isPackName, packUrl } from "./pack-choice.ts";
import { prefetchingSource } from "./pack-source.ts";
import {
  emptyProgress,
  parseProgress,
  progressKey,
  serializeProgress,
  type ExerciseProgress,
  type Progress,
  type ProgressError,
} from "./progress.ts";

/** The built-in course, served from public/. */
export const COURSE_URL = packUrl(DEFAULT_PACK);
/** Wall time between two solution steps, so each one can be read as it runs. */
export const SOLUTION_STEP_MS = 900;
/** Goals about time alone (deadlines, "held for") are re-read this often while time flows. */
const GOALS_EVERY_MS = 200;
/**
 * …and the learner's commands are looked at this often: a `kubectl logs` changes nothing in the
 * cluster (no store update), yet a `usedCommand` goal may tick with it.
 */
const POLL_MS = 250;

export type ImportOutcome = { ok: true; done: number } | { ok: false; error: ProgressError };

export interface LessonState {
  status: "loading" | "ready" | "error";
  /** The pack asked for (a folder under /packs/; see pack-choice.ts). */
  packName: string;
  /** Why the pack could not be loaded (in English: it is a problem of the pack, for its author). */
  loadError?: string;
  /**
   * What kind of failure: an invalid pack name (nothing was fetched), the loader's problems
   * (listed in `loadProblems`), or the network.
   */
  loadFailure?: "badName" | "problems" | "fetch";
  /** The loader's problems with the pack (in English, for its author). */
  loadProblems?: readonly PackProblem[];
  pack?: Pack;
  /** The exercise whose cluster the lab runs; undefined: the sandbox. */
  current?: string;
  goals: readonly GoalStatus[];
  allMet: boolean;
  /** Set while the reference solution is being replayed. */
  replay?: { step: number; total: number };
  progress: Progress;
  lastImport?: ImportOutcome;
}

export type LessonStore = StoreApi<LessonState>;

export interface LessonControllerOptions {
  runtime: LabRuntime;
  labStore: LabStore;
  locale: LocaleStore;
  storage: KeyValueStore;
  /** Wall-clock milliseconds (performance.now in the page). */
  wallNow?: () => number;
  /** Wait this many wall milliseconds (setTimeout in the page; instant in tests). */
  sleep?: (ms: number) => Promise<void>;
  /** The pack to load (a folder under /packs/); default the built-in course. */
  packName?: string;
}

const sameGoals = (a: readonly GoalStatus[], b: readonly GoalStatus[]) =>
  a.length === b.length && a.every((g, i) => JSON.stringify(g) === JSON.stringify(b[i]));

/**
 * The lesson side of the lab: loads the course pack, switches the runtime between the sandbox and
 * an exercise's cluster, re-reads the exercise's goals as the cluster changes, keeps the learner's
 * progress, shows hints and replays the solution. Components read its store (`useLesson`); the
 * cluster itself stays the runtime's.
 */
export class LessonController {
  readonly store: LessonStore;
  private readonly runtime: LabRuntime;
  private readonly labStore: LabStore;
  private readonly locale: LocaleStore;
  private readonly storage: KeyValueStore;
  private readonly wallNow: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly unsubscribe: (() => void)[] = [];
  private evaluated = { engine: undefined as unknown, key: "", at: -Infinity, now: 0 };
  /** Bumped to cancel a solution replay in progress. */
  private replayToken = 0;
  private loading: Promise<void> | undefined;
  /** Bumped when another pack is asked for: a load still in flight is then dropped. */
  private loadToken = 0;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(opts: LessonControllerOptions) {
    this.runtime = opts.runtime;
    this.labStore = opts.labStore;
    this.locale = opts.locale;
    this.storage = opts.storage;
    this.wallNow = opts.wallNow ?? (() => performance.now());
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const packName = opts.packName ?? DEFAULT_PACK;
    this.store = createStore<LessonState>()(() => ({
      status: "loading",
      packName,
      goals: [],
      allMet: false,
      progress: emptyProgress(packName),
    }));
    this.unsubscribe.push(
      this.labStore.subscribe(() => this.refreshGoals()),
      this.locale.subscribe(() => {
        const engine = this.engine();
        if (engine) engine.lesson.locale = this.locale.getState().locale;
        this.refreshGoals(true);
      }),
    );
  }

  /** Fetch and check the course, restore progress, and return to the exercise the learner was on. */
  load(fetchFn: typeof fetch = (u) => fetch(u)): Promise<void> {
    // Once is enough (React's StrictMode runs effects twice); after a failure, Retry loads again.
    if (this.loading && this.store.getState().status !== "error") return this.loading;
    this.store.setState({
      status: "loading",
      loadError: undefined,
      loadFailure: undefined,
      loadProblems: undefined,
    });
    this.loading = this.fetchPack(fetchFn, this.store.getState().packName, this.loadToken);
    return this.loading;
  }

  /**
   * Load another pack (the selector): the lab goes back to the sandbox meanwhile; each pack keeps
   * its own progress (saved under its id), and the learner returns to where they were in it.
   */
  switchPack(name: string, fetchFn: typeof fetch = (u) => fetch(u)): Promise<void> {
    const state = this.store.getState();
    if (name === state.packName && state.status !== "error" && this.loading) return this.loading;
    this.loadToken++;
    this.replayToken++;
    // Leave the exercise without recording it: the old pack's progress still says where they were.
    if (state.current !== undefined) this.runtime.switchMode(this.runtime.sandboxMode());
    this.store.setState({
      status: "loading",
      packName: name,
      pack: undefined,
      current: undefined,
      goals: [],
      allMet: false,
      replay: undefined,
      lastImport: undefined,
      progress: emptyProgress(name),
      loadError: undefined,
      loadFailure: undefined,
      loadProblems: undefined,
    });
    this.loading = this.fetchPack(fetchFn, name, this.loadToken);
    return this.loading;
  }

  private async fetchPack(fetchFn: typeof fetch, name: string, token: number): Promise<void> {
    if (!isPackName(name)) {
      this.store.setState({
        status: "error",
        loadFailure: "badName",
        loadError: `not a pack name: ${JSON.stringify(name)}`,
      });
      return;
    }
    try {
      const { pack, problems } = await loadPack(prefetchingSource(packUrl(name), fetchFn));
      if (token !== this.loadToken) return;
      if (!pack) {
        const first = problems[0];
        this.store.setState({
          status: "error",
          loadFailure: "problems",
          loadProblems: problems,
          loadError: first ? `${first.file}: ${first.message}` : "the pack is empty",
        });
        return;
      }
      this.usePack(pack);
    } catch (e) {
      if (token !== this.loadToken) return;
      this.store.setState({
        status: "error",
        loadFailure: "fetch",
        loadError: e instanceof Error ? e.message : String(e),
      });
    }
  }

  /** Use an already loaded pack (tests; a pack bundled another way). */
  usePack(pack: Pack): void {
    const ids = pack.exercises.map((e) => e.id);
    const saved = this.storage.get(progressKey(pack.meta.id));
    const parsed = saved ? parseProgress(saved, pack.meta.id, ids) : undefined;
    const progress = parsed?.ok ? parsed.progress : emptyProgress(pack.meta.id);
    this.store.setState({ status: "ready", pack, progress });
    if (progress.current) this.start(progress.current);
    this.poll ??= setInterval(() => this.refreshGoals(), POLL_MS);
  }

  private engine(): ExerciseEngine | undefined {
    const e = this.runtime.currentEngine();
    return e instanceof ExerciseEngine ? e : undefined;
  }

  private exercise(id = this.store.getState().current) {
    return this.store.getState().pack?.exercises.find((e) => e.id === id);
  }

  // ---- modes --------------------------------------------------------------------------------

  /** Run the exercise's cluster (resuming where the learner left it, if they did). */
  start(id: string): void {
    const { pack } = this.store.getState();
    if (!pack || !pack.exercises.some((e) => e.id === id)) return;
    this.replayToken++;
    const before = this.store.getState().current;
    // Set first: the switch publishes the new cluster, and its goals belong to this exercise.
    this.store.setState({ current: id, replay: undefined, goals: [], allMet: false });
    try {
      this.runtime.switchMode(exerciseMode(pack, id, () => this.locale.getState().locale));
    } catch (e) {
      this.store.setState({ current: before });
      this.labStore.setState({ notice: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.updateProgress((p) => ({ ...p, current: id }));
    this.refreshGoals(true);
  }

  /** Back to free play: the sandbox's own cluster and editor, as they were left. */
  sandbox(): void {
    this.replayToken++;
    this.store.setState({ current: undefined, replay: undefined, goals: [], allMet: false });
    this.runtime.switchMode(this.runtime.sandboxMode());
    this.updateProgress((p) => ({ ...p, current: undefined }));
  }

  /** The exercise before (-1) or after (+1) the current one, in course order. */
  neighbour(step: -1 | 1): string | undefined {
    const { pack, current } = this.store.getState();
    if (!pack || !current) return undefined;
    const order = pack.meta.chapters.flatMap((c) =>
      c.exercises.map((dir) => pack.exercises.find((e) => e.dir === dir)?.id),
    );
    const i = order.indexOf(current);
    return i < 0 ? undefined : order[i + step];
  }

  /** Start the exercise over: its start state and its start files. */
  resetExercise(): void {
    const { pack, current } = this.store.getState();
    if (!pack || !current) return;
    this.replayToken++;
    this.store.setState({ replay: undefined });
    this.runtime.resetCluster();
    this.runtime.replaceFiles(startFiles(pack, current));
    this.refreshGoals(true);
  }

  // ---- hints and solution ----------------------------------------------------------------------

  showHint(): void {
    const ex = this.exercise();
    if (!ex) return;
    const reference = this.store.getState().pack?.meta.locales[0] ?? "en";
    const total = ex.strings[reference]?.hints.length ?? 0;
    this.updateExercise(ex.id, (e) => ({ ...e, hints: Math.min(total, (e.hints ?? 0) + 1) }));
  }

  /**
   * Replay the reference solution from the start state: the solution's files go into the editor,
   * then each step is typed into the terminal and run, with a pause between steps.
   */
  async showSolution(): Promise<void> {
    const { pack, current } = this.store.getState();
    const ex = this.exercise();
    if (!pack || !current || !ex) return;
    const token = ++this.replayToken;
    this.runtime.resetCluster();
    const files = { ...startFiles(pack, current), ...ex.solution.files };
    const first = Object.keys(ex.solution.files)[0];
    this.runtime.replaceFiles(files, first);
    this.updateExercise(current, (e) => ({ ...e, solution: true }));
    const steps = ex.solution.script
      .split("\n")
      .map((l) => l.replace(/\r$/, ""))
      .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
    for (const [i, line] of steps.entries()) {
      if (token !== this.replayToken) return;
      this.store.setState({ replay: { step: i + 1, total: steps.length } });
      await this.runtime.typeInTerminal(line);
      this.refreshGoals(true);
      await this.sleep(SOLUTION_STEP_MS);
    }
    if (token === this.replayToken) this.store.setState({ replay: undefined });
  }

  /** Stop a solution replay (the steps already run stay run). */
  stopSolution(): void {
    this.replayToken++;
    this.store.setState({ replay: undefined });
  }

  // ---- goals --------------------------------------------------------------------------------

  /**
   * Re-read the goals when the cluster changed (a new revision), the learner ran something, the
   * engine or language changed — or, for goals about elapsed time, every GOALS_EVERY_MS.
   */
  refreshGoals(force = false): void {
    const engine = this.engine();
    if (!engine) return;
    const lab = this.labStore.getState();
    const key = `${lab.cluster.revision}|${engine.lesson.actions.length}|${engine.lesson.locale}`;
    const wall = this.wallNow();
    const ev = this.evaluated;
    const stale =
      force ||
      ev.engine !== engine ||
      ev.key !== key ||
      (lab.cluster.now !== ev.now && wall - ev.at >= GOALS_EVERY_MS);
    if (!stale) return;
    this.evaluated = { engine, key, at: wall, now: lab.cluster.now };
    const goals = engine.lesson.goals();
    const allMet = goals.length > 0 && goals.every((g) => g.met);
    const prev = this.store.getState();
    if (!sameGoals(prev.goals, goals) || prev.allMet !== allMet)
      this.store.setState({ goals, allMet });
    const id = prev.current;
    if (allMet && id && !prev.progress.exercises[id]?.done) {
      this.updateExercise(id, (e) => ({ ...e, done: new Date().toISOString() }));
    }
  }

  // ---- progress -----------------------------------------------------------------------------

  private updateProgress(f: (p: Progress) => Progress): void {
    const progress = f(this.store.getState().progress);
    this.store.setState({ progress });
    this.storage.set(progressKey(progress.pack), serializeProgress(progress));
  }

  private updateExercise(id: string, f: (e: ExerciseProgress) => ExerciseProgress): void {
    this.updateProgress((p) => ({
      ...p,
      exercises: { ...p.exercises, [id]: f(p.exercises[id] ?? {}) },
    }));
  }

  /** The progress file's text, to download. */
  exportProgress(): string {
    return serializeProgress(this.store.getState().progress, new Date().toISOString());
  }

  /** Replace progress by a file's (checked whole; a bad file changes nothing). */
  importProgress(text: string): ImportOutcome {
    const { pack, progress } = this.store.getState();
    if (!pack) return { ok: false, error: { code: "notProgress" } };
    const ids = pack.exercises.map((e) => e.id);
    const parsed = parseProgress(text, pack.meta.id, ids);
    let outcome: ImportOutcome;
    if (parsed.ok) {
      // The exercise on screen stays: importing records, it does not navigate.
      this.updateProgress(() => ({ ...parsed.progress, current: progress.current }));
      const done = Object.values(parsed.progress.exercises).filter((e) => e.done).length;
      outcome = { ok: true, done };
    } else {
      outcome = { ok: false, error: parsed.error };
    }
    this.store.setState({ lastImport: outcome });
    return outcome;
  }

  refuseImport(error: ProgressError): void {
    this.store.setState({ lastImport: { ok: false, error } });
  }

  dismissImport(): void {
    this.store.setState({ lastImport: undefined });
  }

  dispose(): void {
    this.replayToken++;
    if (this.poll !== undefined) clearInterval(this.poll);
    for (const u of this.unsubscribe) u();
  }
}
