import { DEFAULT_SEED, DEFAULT_START, type Cluster } from "../../src/cluster.ts";
import { complete, type Completion } from "../../src/kubectl/complete.ts";
import type { Chunk, CommandResult, EditRequest } from "../../src/kubectl/output.ts";
import { closeFile, editFileName, uniqueName } from "../files/files.ts";
import { translate, type Translate } from "../i18n/i18n.ts";
import type {
  LabActions,
  LineCallbacks,
  TerminalPrinter,
  TerminalRun,
  TerminalTyping,
} from "../state/actions.ts";
import { SPEEDS, type ClockSettings, type LabStore, type Speed } from "../state/store.ts";
import { applyMarkers } from "./apply-markers.ts";
import { ClusterBridge } from "./bridge.ts";
import { FrameStepper } from "./clock-loop.ts";
import { KEYS, type KeyValueStore } from "./persist.ts";
import { advanceRunning, nextInstant, pollAll, type RunningLine } from "./running.ts";
import {
  appendInput,
  closeStreams,
  emptyLog,
  parseLog,
  replayLog,
  serializeLog,
  stopInput,
  withNow,
  type LabInput,
  type ReplayLog,
} from "./replay.ts";
import { EDITOR_FILE, LabShell, type FileLookup, type LabEngine } from "./shell.ts";

/** requestAnimationFrame, injectable. */
export interface FrameScheduler {
  request(cb: (wallNow: number) => void): number;
  cancel(id: number): void;
}

/** The mode the lab starts in and returns to: a free cluster, today's lab. */
export const SANDBOX = "sandbox";

/**
 * What the lab runs: the free sandbox, or an exercise's cluster (built by app/lesson). Each mode
 * keeps its own replay log and editor files, so switching back and forth loses nothing.
 */
export interface LabMode {
  /** SANDBOX, or an id naming the exercise; its storage keys derive from it. */
  id: string;
  /** Recorded in the replay log; a saved log with another seed or start is not replayed. */
  seed: number;
  start: string;
  /** A fresh engine in the mode's start state (the sandbox: an empty cluster). */
  create(): LabEngine;
  /** The editor's files when none were saved, in tab order; the first is shown. */
  files: Readonly<Record<string, string>>;
}

/** Where a mode's state is saved (the sandbox keeps the keys it always had). */
function modeKeys(id: string) {
  if (id === SANDBOX) {
    const { replay, replayNow, replayFailed, editorFiles: files } = KEYS;
    return { replay, replayNow, replayFailed, files };
  }
  const p = `batch-lab:mode:${id}:`;
  return {
    replay: `${p}cluster-log`,
    replayNow: `${p}cluster-now`,
    replayFailed: `${p}cluster-log:unrestorable`,
    files: `${p}files`,
  };
}

/** Saved editor files: `{ active, files, edits? }`, or undefined when not that. */
function parseFiles(
  text: string | null,
):
  | { active: string; files: Record<string, string>; edits: Record<string, EditRequest> }
  | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as { active?: unknown; files?: unknown; edits?: unknown };
    const files = v.files;
    if (typeof v.active !== "string" || typeof files !== "object" || files === null)
      return undefined;
    const entries = Object.entries(files as Record<string, unknown>);
    if (!entries.every(([, t]) => typeof t === "string")) return undefined;
    const names = new Set(entries.map(([name]) => name));
    // Tabs `kubectl edit` opened (an unreadable entry just makes its tab a plain file).
    const edits: Record<string, EditRequest> = {};
    if (typeof v.edits === "object" && v.edits !== null) {
      for (const [name, req] of Object.entries(v.edits as Record<string, unknown>)) {
        if (names.has(name) && isEditRequest(req)) edits[name] = req;
      }
    }
    return {
      active: v.active,
      files: Object.fromEntries(entries) as Record<string, string>,
      edits,
    };
  } catch {
    return undefined;
  }
}

function isEditRequest(v: unknown): v is EditRequest {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    ["ref", "kind", "name", "yaml"].every((k) => typeof r[k] === "string") &&
    (r.namespace === undefined || typeof r.namespace === "string")
  );
}

export interface LabRuntimeOptions {
  store: LabStore;
  storage: KeyValueStore;
  /** The editor's text when nothing was saved. */
  defaultEditorText: string;
  frames?: FrameScheduler;
  seed?: number;
  start?: string;
  /** The lab's own messages (notices) in the learner's language; English by default. */
  t?: Translate;
  /** Called with each new cluster before anything runs on it (app/viz records its history). */
  observe?: (cluster: Cluster) => void;
}

/** How often (wall ms) the advancing clock is written to storage while time flows. */
const SAVE_CLOCK_EVERY_MS = 1000;

const browserFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

function parseClock(text: string | null): ClockSettings | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<ClockSettings>;
    if (typeof v.playing !== "boolean" || !SPEEDS.includes(v.speed as Speed)) return undefined;
    return { playing: v.playing, speed: v.speed as Speed };
  } catch {
    return undefined;
  }
}

/**
 * The lab's engine room: one cluster and one kubectl session (a LabShell), the animation-frame
 * loop that lets virtual time flow at the chosen speed, the replay log that makes the cluster
 * survive a reload, and the actions the UI calls. The store's cluster mirror is written by its
 * ClusterBridge only; this class writes the other slices (clock settings, editor, apply result).
 */
export class LabRuntime {
  private shell!: LabEngine;
  private log!: ReplayLog;
  private mode: LabMode;
  private readonly typists = new Set<TerminalTyping>();
  private readonly printers = new Set<TerminalPrinter>();
  private readonly t: Translate;
  private readonly defaultEditorText: string;
  private readonly bridge: ClusterBridge;
  private readonly stepper = new FrameStepper();
  private readonly frames: FrameScheduler;
  private readonly store: LabStore;
  private readonly storage: KeyValueStore;
  private readonly seed: number;
  private readonly start: string;
  private frame: number | undefined;
  private lastClockSave = -Infinity;
  private applySeq = 0;
  /** Terminal lines running while the clock flows (see startLine). */
  private live: LiveLine[] = [];
  private readonly observe: ((cluster: Cluster) => void) | undefined;

  constructor(opts: LabRuntimeOptions) {
    this.observe = opts.observe;
    this.store = opts.store;
    this.storage = opts.storage;
    this.frames = opts.frames ?? browserFrames;
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.start = opts.start ?? DEFAULT_START;
    this.bridge = new ClusterBridge(this.store);
    this.t = opts.t ?? ((key, params) => translate("en", key, params));
    this.defaultEditorText = opts.defaultEditorText;
    this.mode = this.sandboxMode();

    const clock = parseClock(this.storage.get(KEYS.clock)) ?? { playing: true, speed: 1 };
    this.store.setState({ clock });
    this.enterMode();
  }

  /** The sandbox's mode (what `switchMode` returns to for free play). */
  sandboxMode(): LabMode {
    const options = { seed: this.seed, start: this.start };
    return {
      id: SANDBOX,
      ...options,
      create: () => new LabShell(options),
      files: { [EDITOR_FILE]: this.defaultEditorText },
    };
  }

  private get keys() {
    return modeKeys(this.mode.id);
  }

  /** The engine running now (an exercise's adapter exposes its ExerciseRun). */
  currentEngine(): LabEngine {
    return this.shell;
  }

  currentMode(): LabMode {
    return this.mode;
  }

  /**
   * Run another mode's cluster from now on: its saved log is replayed (or its start state built),
   * its editor files shown. The mode left keeps its log and files for when the learner returns.
   */
  switchMode(mode: LabMode): void {
    const previous = this.mode;
    const old = this.shell;
    this.stopLive();
    this.saveNow();
    this.mode = mode;
    try {
      this.enterMode();
    } catch (e) {
      this.mode = previous;
      this.enterMode();
      throw e;
    }
    old.dispose?.();
  }

  /**
   * Replace the mode's editor files (an exercise's start files, a solution's), showing `active`.
   * A `kubectl edit` tab that is gone was closed without saving: the edit is cancelled.
   */
  replaceFiles(files: Readonly<Record<string, string>>, active?: string): void {
    const names = Object.keys(files);
    const editorFile = active !== undefined && names.includes(active) ? active : names[0];
    if (editorFile === undefined) return;
    const edits = { ...this.store.getState().edits };
    let cancelled = 0;
    for (const name of Object.keys(edits)) {
      if (Object.hasOwn(files, name)) continue;
      delete edits[name];
      cancelled++;
    }
    this.store.setState({ files: { ...files }, edits, editorFile, editorText: files[editorFile] });
    this.saveFiles();
    for (let i = 0; i < cancelled; i++) {
      this.print([{ stream: "stdout", text: "Edit cancelled, no changes made.\n" }]);
    }
  }

  private enterMode(): void {
    const { files, editorFile, edits } = this.loadFiles();
    this.store.setState({
      mode: this.mode.id,
      files,
      edits,
      editorFile,
      editorText: files[editorFile] ?? "",
      lastApply: undefined,
      notice: undefined,
    });
    const restored = this.restore();
    this.shell = restored.shell;
    this.log = restored.log;
    this.stepper.reset();
    this.bridge.attach(this.shell.cluster, Date.parse(this.log.start));
    if (restored.notice) this.store.setState({ notice: restored.notice });
  }

  private loadFiles(): {
    files: Record<string, string>;
    editorFile: string;
    edits: Record<string, EditRequest>;
  } {
    const { files: key } = this.keys;
    // A sandbox saved before it had tabs kept only job.yaml.
    if (this.mode.id === SANDBOX && this.storage.get(key) === null) {
      const text = this.storage.get(KEYS.editor) ?? this.mode.files[EDITOR_FILE] ?? "";
      return { files: { [EDITOR_FILE]: text }, editorFile: EDITOR_FILE, edits: {} };
    }
    const saved = parseFiles(this.storage.get(key));
    const files = { ...(saved?.files ?? this.mode.files) };
    if (Object.keys(files).length === 0) files[EDITOR_FILE] = "";
    const names = Object.keys(files);
    const editorFile = saved && names.includes(saved.active) ? saved.active : names[0];
    return { files, editorFile, edits: saved?.edits ?? {} };
  }

  private saveFiles(): void {
    const { files, editorFile, edits } = this.store.getState();
    const { files: key } = this.keys;
    if (this.mode.id === SANDBOX) this.storage.set(KEYS.editor, files[EDITOR_FILE] ?? "");
    const saved: { active: string; files: typeof files; edits?: typeof edits } = {
      active: editorFile,
      files,
    };
    if (Object.keys(edits).length > 0) saved.edits = edits;
    this.storage.set(key, JSON.stringify(saved));
  }

  private restore(): { shell: LabEngine; log: ReplayLog; notice?: string } {
    const mode = this.mode;
    const keys = this.keys;
    let saved = parseLog(this.storage.get(keys.replay));
    // A log written for another start state (the exercise changed since) describes nothing here.
    if (saved && (saved.seed !== mode.seed || saved.start !== mode.start)) saved = undefined;
    const savedNow = Number(this.storage.get(keys.replayNow));
    if (saved && Number.isFinite(savedNow) && savedNow > saved.now)
      saved = withNow(saved, savedNow);
    if (saved) saved = closeStreams(saved);
    if (saved) {
      const r = replayLog(saved, () => this.createEngine());
      if (r.ok) return { shell: r.shell, log: saved };
      r.shell.dispose?.();
      // Keep what could not be replayed (for a bug report) before the fresh log replaces it.
      this.storage.set(keys.replayFailed, serializeLog(saved));
      const shell = this.createEngine();
      return {
        shell,
        log: emptyLog(mode, shell.cluster.now()),
        notice: this.t("notice.restoreFailed", { error: r.error }),
      };
    }
    const shell = this.createEngine();
    return { shell, log: emptyLog(mode, shell.cluster.now()) };
  }

  /** A fresh engine of the current mode, shown to `observe` before anything runs on it. */
  private createEngine(): LabEngine {
    const engine = this.mode.create();
    this.observe?.(engine.cluster);
    return engine;
  }

  /** The replay log as it stands, with the time reached (time travel reads it). */
  currentLog(): ReplayLog {
    return withNow(this.log, this.shell.cluster.now());
  }

  /**
   * Continue from the cluster a log describes (undo, redo, reset to start): its inputs replayed
   * into a fresh cluster — the simulation is deterministic, so this is that state exactly
   * (DESIGN.md "The one idea"). Pauses the clock. False (and a notice) when replay failed.
   */
  travelTo(log: ReplayLog): boolean {
    const r = replayLog(log, () => this.createEngine());
    if (!r.ok) {
      r.shell.dispose?.();
      this.store.setState({ notice: this.t("notice.restoreFailed", { error: r.error }) });
      return false;
    }
    const old = this.shell;
    this.shell = r.shell;
    old.dispose?.();
    this.log = log;
    this.pause();
    this.stepper.reset();
    this.bridge.attach(this.shell.cluster, Date.parse(this.mode.start));
    this.saveLog();
    this.store.setState({ lastApply: undefined });
    return true;
  }

  /** Start the animation-frame loop. */
  startLoop(): void {
    if (this.frame !== undefined) return;
    const tick = (wallNow: number) => {
      this.frame = this.frames.request(tick);
      this.onFrame(wallNow);
    };
    this.frame = this.frames.request(tick);
  }

  stopLoop(): void {
    if (this.frame !== undefined) this.frames.cancel(this.frame);
    this.frame = undefined;
    this.stepper.reset();
  }

  /** Write everything that is only saved periodically (call on pagehide). */
  flush(): void {
    this.saveNow();
  }

  private onFrame(wallNow: number): void {
    const { playing, speed } = this.store.getState().clock;
    if (playing) {
      const delta = this.stepper.step(wallNow, speed);
      if (delta > 0) this.guard(() => this.advanceLive(this.shell.cluster.now() + delta));
    } else {
      this.stepper.reset();
    }
    // Also when paused: an Apply shows up in a running `get -w` at once.
    if (this.live.length > 0) this.guard(() => this.endLive(pollAll(this.live)));
    this.bridge.publish(wallNow);
    const now = this.shell.cluster.now();
    if (now !== this.log.now && wallNow - this.lastClockSave >= SAVE_CLOCK_EVERY_MS) {
      this.lastClockSave = wallNow;
      this.saveNow();
    }
  }

  /** Run a simulation step; a runaway simulation pauses the clock with a message instead of throwing. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.setClock({ playing: false });
      this.store.setState({
        notice: this.t("notice.simulationStopped", {
          message: e instanceof Error ? e.message : String(e),
        }),
      });
    }
  }

  /** Save the whole log (after an input); it carries the current time too. */
  private saveLog(): void {
    this.log = withNow(this.log, this.shell.cluster.now());
    this.storage.set(this.keys.replay, serializeLog(this.log));
    this.storage.set(this.keys.replayNow, String(this.log.now));
  }

  /** Save only the time reached (cheap: the clock moves every frame; the log rarely changes). */
  private saveNow(): void {
    this.log = withNow(this.log, this.shell.cluster.now());
    this.storage.set(this.keys.replayNow, String(this.log.now));
  }

  private editorFiles(): FileLookup {
    const { files } = this.store.getState();
    return (p) => (Object.hasOwn(files, p) ? files[p] : undefined);
  }

  /** Run a line as the learner's input: record it (with the files it read) and publish. */
  private record(source: LabInput["source"], line: string): CommandResult {
    const at = this.shell.cluster.now();
    const { result, read } = this.shell.run(line, this.editorFiles());
    const input: LabInput = { at, source, line };
    if (Object.keys(read).length > 0) input.files = read;
    this.append(input);
    return result;
  }

  private append(input: LabInput): void {
    const before = this.log.overflowed;
    this.log = appendInput(this.log, input);
    if (this.log.overflowed && !before) {
      this.store.setState({
        notice: this.t("notice.historyTooLong"),
      });
    }
    this.saveLog();
    this.bridge.publish();
  }

  /** The actions with `this` bound, safe to pass around as callbacks (`onClick={a.play}`). */
  boundActions(): LabActions {
    return Object.freeze({
      setEditorText: (text: string) => this.setEditorText(text),
      applyEditor: () => this.applyEditor(),
      openEdit: (req: EditRequest) => this.openEdit(req),
      openFile: (name: string) => this.openFile(name),
      setFiles: (files: Readonly<Record<string, string>>, active?: string) =>
        this.replaceFiles(files, active),
      liveObject: (kind: string, namespace: string | undefined, name: string) =>
        this.shell.cluster.store.get(kind, namespace, name),
      exec: (line: string) => this.exec(line),
      startLine: (line: string, cb: LineCallbacks) => this.startLine(line, cb),
      complete: (line: string, cursor: number) => this.complete(line, cursor),
      play: () => this.play(),
      pause: () => this.pause(),
      togglePlay: () => this.togglePlay(),
      setSpeed: (speed: Speed) => this.setSpeed(speed),
      stepEvent: () => this.stepEvent(),
      dismissNotice: () => this.dismissNotice(),
      resetCluster: () => this.resetCluster(),
      typeInTerminal: (line: string) => this.typeInTerminal(line),
      onTerminalInput: (listener: TerminalTyping) => this.onTerminalInput(listener),
      onTerminalOutput: (listener: TerminalPrinter) => this.onTerminalOutput(listener),
    });
  }

  // ---- LabActions ---------------------------------------------------------------------------

  setEditorText(text: string): void {
    const { editorFile, files } = this.store.getState();
    this.store.setState({ editorText: text, files: { ...files, [editorFile]: text } });
    this.saveFiles();
  }

  openFile(name: string): void {
    const { files } = this.store.getState();
    if (!Object.hasOwn(files, name)) return;
    this.store.setState({ editorFile: name, editorText: files[name] });
    this.saveFiles();
  }

  applyEditor(): void {
    const { editorText: text, editorFile, edits } = this.store.getState();
    if (Object.hasOwn(edits, editorFile)) return this.saveEdit(editorFile);
    const result = this.record("apply", `kubectl apply -f ${editorFile}`);
    this.showApply(result, text, editorFile);
  }

  /**
   * What an apply (or a saved edit) printed, under the editor, with markers on `file` (from
   * `markersFrom`: the API server's error without what kubectl wrote around it).
   */
  private showApply(
    result: CommandResult,
    text: string,
    file: string,
    markersFrom: CommandResult = result,
  ): void {
    const lines = result.chunks.flatMap((c) =>
      c.text
        .replace(/\n$/, "")
        .split("\n")
        .map((t) => ({ stream: c.stream, text: t })),
    );
    this.store.setState({
      lastApply: {
        seq: ++this.applySeq,
        ok: result.exitCode === 0,
        lines,
        markers: applyMarkers(text, file, markersFrom),
        file,
      },
    });
  }

  /**
   * `kubectl edit` printed its object: open it in a tab named after it and remember the edit.
   * Asked again for the same object, the tab is shown — refreshed from the live object unless
   * the learner already changed its text.
   */
  openEdit(req: EditRequest): string | undefined {
    const { files, edits } = this.store.getState();
    const wanted = editFileName(req.kind, req.name, req.namespace);
    const prev = edits[wanted];
    const same = prev !== undefined && prev.ref === req.ref && prev.namespace === req.namespace;
    const name = same ? wanted : uniqueName(wanted, files);
    const keep = same && files[name] !== prev.yaml;
    const text = keep ? files[name] : req.yaml;
    this.store.setState({
      files: { ...files, [name]: text },
      edits: { ...edits, [name]: keep ? prev : req },
      editorFile: name,
      editorText: text,
    });
    this.saveFiles();
    return this.t("terminal.editOpened", { ref: req.ref, file: name });
  }

  /**
   * Apply on a `kubectl edit` tab: save it as kubectl does when its editor closes (recorded for
   * replay), show what it printed under the editor and in the terminal; once saved (or nothing
   * changed) the tab closes, after an error it stays open with the error marked.
   */
  private saveEdit(file: string): void {
    const { files, edits } = this.store.getState();
    const req = edits[file];
    const text = files[file] ?? "";
    const engine = this.shell;
    let result: CommandResult;
    if (engine.saveEdit) {
      const at = engine.cluster.now();
      result = engine.saveEdit(req, text);
      this.append({ at, source: "edit", line: `kubectl edit ${req.ref}`, edit: req, text });
    } else {
      const msg = `error: this cluster cannot save kubectl edit; change ${req.ref} with kubectl patch or kubectl apply\n`;
      result = { chunks: [{ stream: "stderr", text: msg }], exitCode: 1 };
    }
    // kubectl edit leads the API server's error with `error: jobs.batch "x" is invalid`.
    const apiError = {
      ...result,
      chunks: result.chunks.map((c) =>
        c.stream === "stderr"
          ? { ...c, text: c.text.replace(/^error: \S+ "[^"]*" is invalid\n/, "") }
          : c,
      ),
    };
    this.showApply(result, text, file, apiError);
    this.print(result.chunks);
    if (result.exitCode !== 0) return;
    const state = this.store.getState();
    const rest = { ...state.edits };
    delete rest[file];
    const next = closeFile(state.files, file, state.editorFile);
    this.store.setState({
      files: next.files,
      edits: rest,
      editorFile: next.active,
      editorText: next.files[next.active] ?? "",
    });
    this.saveFiles();
  }

  /** Print in the terminal on screen (the last one registered), if any. */
  private print(chunks: readonly Chunk[]): void {
    const printer = [...this.printers].at(-1);
    if (printer && chunks.length > 0) printer(chunks);
  }

  exec(line: string): CommandResult {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return { chunks: [], exitCode: 0 };
    return this.record("terminal", line);
  }

  // ---- terminal lines that keep running while the clock flows --------------------------------

  /**
   * Start a terminal line. `get -w`, `logs -f`, `wait`, `watch`, `timeout D …` keep running as
   * the clock flows (polled every frame; paused, nothing moves), streaming their chunks, until
   * they end or are interrupted; the replay log records when they stopped. `sleep D` lets its
   * time pass at once, paused or not, as in a script. Engines without `start` run lines to the end.
   */
  startLine(line: string, cb: LineCallbacks): TerminalRun {
    const idle: TerminalRun = { interrupt: () => undefined };
    const trimmed = line.trim();
    const engine = this.shell;
    if (
      trimmed === "" ||
      trimmed.startsWith("#") ||
      !engine.start ||
      /^sleep(\s|$)/.test(trimmed)
    ) {
      const result = this.exec(line);
      for (const c of result.chunks) cb.onChunk(c);
      cb.onDone(result);
      return idle;
    }
    const at = engine.cluster.now();
    const { command, read } = engine.start(line, this.editorFiles(), (c) => cb.onChunk(c));
    const input: LabInput = { at, source: "terminal", line };
    if (Object.keys(read).length > 0) input.files = { ...read };
    if (!command.done) input.stream = true;
    this.append(input);
    if (command.done) {
      cb.onDone(command.result());
      return idle;
    }
    const entry: LiveLine = { command, index: this.log.inputs.length - 1, read, cb, engine };
    this.live.push(entry);
    return {
      interrupt: () => {
        if (!this.live.includes(entry)) return;
        command.interrupt();
        this.endLive([entry]);
      },
    };
  }

  complete(line: string, cursor: number): Completion {
    try {
      return complete(line, cursor, this.shell.cluster);
    } catch {
      return { from: cursor, candidates: [] };
    }
  }

  /** Advance to `to`, polling the running lines at their own instants (see advanceRunning). */
  private advanceLive(to: number): void {
    this.endLive(advanceRunning(this.shell.cluster, this.live, to));
  }

  /** Note in the log when lines stopped, then tell their terminals. */
  private endLive(ended: readonly RunningLine[]): void {
    if (ended.length === 0) return;
    const now = this.shell.cluster.now();
    const lines = ended as LiveLine[];
    this.live = this.live.filter((l) => !lines.includes(l));
    for (const l of lines) {
      if (l.engine === this.shell) this.log = stopInput(this.log, l.index, now, l.read);
    }
    this.saveLog();
    this.bridge.publish();
    for (const l of lines) l.cb.onDone(l.command.result());
  }

  /** Interrupt every running line (the cluster is about to be replaced). */
  private stopLive(): void {
    const lines = this.live;
    for (const l of lines) l.command.interrupt();
    this.endLive(lines);
  }

  private setClock(patch: Partial<ClockSettings>): void {
    const clock = { ...this.store.getState().clock, ...patch };
    this.store.setState({ clock });
    this.storage.set(KEYS.clock, JSON.stringify(clock));
  }

  play(): void {
    this.setClock({ playing: true });
  }

  pause(): void {
    this.setClock({ playing: false });
  }

  togglePlay(): void {
    this.setClock({ playing: !this.store.getState().clock.playing });
  }

  setSpeed(speed: Speed): void {
    this.setClock({ speed });
  }

  stepEvent(): void {
    this.pause();
    this.guard(() => {
      const next = nextInstant(this.shell.cluster, this.live);
      if (next !== undefined) this.advanceLive(next);
    });
    this.bridge.publish();
    this.saveNow();
  }

  dismissNotice(): void {
    this.store.setState({ notice: undefined });
  }

  resetCluster(): void {
    this.stopLive();
    const old = this.shell;
    this.shell = this.createEngine();
    old.dispose?.();
    this.log = emptyLog(this.mode, this.shell.cluster.now());
    this.stepper.reset();
    this.bridge.attach(this.shell.cluster, Date.parse(this.mode.start));
    this.saveLog();
    this.store.setState({ lastApply: undefined, notice: undefined });
  }

  typeInTerminal(line: string): Promise<void> {
    const typist = [...this.typists].at(-1);
    if (typist) return typist(line);
    this.exec(line);
    return Promise.resolve();
  }

  onTerminalInput(listener: TerminalTyping): () => void {
    this.typists.add(listener);
    return () => void this.typists.delete(listener);
  }

  onTerminalOutput(listener: TerminalPrinter): () => void {
    this.printers.add(listener);
    return () => void this.printers.delete(listener);
  }

  dispose(): void {
    this.stopLoop();
    this.stopLive();
    this.saveNow();
    this.bridge.detach();
    this.shell.dispose?.();
  }
}

/** A running terminal line: where it is in the log, what it read, whom to tell when it ends. */
interface LiveLine extends RunningLine {
  index: number;
  read: Record<string, string>;
  cb: LineCallbacks;
  engine: LabEngine;
}
