import { DEFAULT_SEED, DEFAULT_START } from "../../src/cluster.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import type { LabActions } from "../state/actions.ts";
import { SPEEDS, type ClockSettings, type LabStore, type Speed } from "../state/store.ts";
import { applyMarkers } from "./apply-markers.ts";
import { ClusterBridge } from "./bridge.ts";
import { FrameStepper } from "./clock-loop.ts";
import { KEYS, type KeyValueStore } from "./persist.ts";
import {
  appendInput,
  emptyLog,
  parseLog,
  replayLog,
  serializeLog,
  withNow,
  type LabInput,
  type ReplayLog,
} from "./replay.ts";
import { EDITOR_FILE, LabShell, type FileLookup } from "./shell.ts";

/** requestAnimationFrame, injectable. */
export interface FrameScheduler {
  request(cb: (wallNow: number) => void): number;
  cancel(id: number): void;
}

export interface LabRuntimeOptions {
  store: LabStore;
  storage: KeyValueStore;
  /** The editor's text when nothing was saved. */
  defaultEditorText: string;
  frames?: FrameScheduler;
  seed?: number;
  start?: string;
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
  private shell: LabShell;
  private log: ReplayLog;
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

  constructor(opts: LabRuntimeOptions) {
    this.store = opts.store;
    this.storage = opts.storage;
    this.frames = opts.frames ?? browserFrames;
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.start = opts.start ?? DEFAULT_START;
    this.bridge = new ClusterBridge(this.store);

    const editorText = this.storage.get(KEYS.editor) ?? opts.defaultEditorText;
    const clock = parseClock(this.storage.get(KEYS.clock)) ?? { playing: true, speed: 1 };
    this.store.setState({ editorText, clock });

    const restored = this.restore();
    this.shell = restored.shell;
    this.log = restored.log;
    this.bridge.attach(this.shell.cluster, Date.parse(this.log.start));
    if (restored.notice) this.store.setState({ notice: restored.notice });
  }

  private restore(): { shell: LabShell; log: ReplayLog; notice?: string } {
    const options = { seed: this.seed, start: this.start };
    let saved = parseLog(this.storage.get(KEYS.replay));
    const savedNow = Number(this.storage.get(KEYS.replayNow));
    if (saved && Number.isFinite(savedNow) && savedNow > saved.now)
      saved = withNow(saved, savedNow);
    if (saved) {
      const r = replayLog(saved);
      if (r.ok) return { shell: r.shell, log: saved };
      // Keep what could not be replayed (for a bug report) before the fresh log replaces it.
      this.storage.set(KEYS.replayFailed, serializeLog(saved));
      const shell = new LabShell(options);
      return {
        shell,
        log: emptyLog(options, shell.cluster.now()),
        notice: `The saved cluster could not be restored (${r.error}); this is a fresh cluster.`,
      };
    }
    const shell = new LabShell(options);
    return { shell, log: emptyLog(options, shell.cluster.now()) };
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
      if (delta > 0) this.guard(() => this.shell.cluster.advance(delta));
    } else {
      this.stepper.reset();
    }
    this.bridge.publish();
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
        notice: `The simulation stopped: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** Save the whole log (after an input); it carries the current time too. */
  private saveLog(): void {
    this.log = withNow(this.log, this.shell.cluster.now());
    this.storage.set(KEYS.replay, serializeLog(this.log));
    this.storage.set(KEYS.replayNow, String(this.log.now));
  }

  /** Save only the time reached (cheap: the clock moves every frame; the log rarely changes). */
  private saveNow(): void {
    this.log = withNow(this.log, this.shell.cluster.now());
    this.storage.set(KEYS.replayNow, String(this.log.now));
  }

  private editorFiles(): FileLookup {
    const text = this.store.getState().editorText;
    return (p) => (p === EDITOR_FILE ? text : undefined);
  }

  /** Run a line as the learner's input: record it (with the files it read) and publish. */
  private record(source: LabInput["source"], line: string): CommandResult {
    const at = this.shell.cluster.now();
    const { result, read } = this.shell.run(line, this.editorFiles());
    const input: LabInput = { at, source, line };
    if (Object.keys(read).length > 0) input.files = read;
    const before = this.log.overflowed;
    this.log = appendInput(this.log, input);
    if (this.log.overflowed && !before) {
      this.store.setState({
        notice: "The cluster's history is too long to keep: it will not survive a reload.",
      });
    }
    this.saveLog();
    this.bridge.publish();
    return result;
  }

  /** The actions with `this` bound, safe to pass around as callbacks (`onClick={a.play}`). */
  boundActions(): LabActions {
    return Object.freeze({
      setEditorText: (text: string) => this.setEditorText(text),
      applyEditor: () => this.applyEditor(),
      exec: (line: string) => this.exec(line),
      play: () => this.play(),
      pause: () => this.pause(),
      togglePlay: () => this.togglePlay(),
      setSpeed: (speed: Speed) => this.setSpeed(speed),
      stepEvent: () => this.stepEvent(),
      dismissNotice: () => this.dismissNotice(),
      resetCluster: () => this.resetCluster(),
    });
  }

  // ---- LabActions ---------------------------------------------------------------------------

  setEditorText(text: string): void {
    this.store.setState({ editorText: text });
    this.storage.set(KEYS.editor, text);
  }

  applyEditor(): void {
    const text = this.store.getState().editorText;
    const result = this.record("apply", `kubectl apply -f ${EDITOR_FILE}`);
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
        markers: applyMarkers(text, EDITOR_FILE, result),
      },
    });
  }

  exec(line: string): CommandResult {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return { chunks: [], exitCode: 0 };
    return this.record("terminal", line);
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
    this.guard(() => this.shell.cluster.stepEvent());
    this.bridge.publish();
    this.saveNow();
  }

  dismissNotice(): void {
    this.store.setState({ notice: undefined });
  }

  resetCluster(): void {
    const options = { seed: this.seed, start: this.start };
    this.shell = new LabShell(options);
    this.log = emptyLog(options, this.shell.cluster.now());
    this.bridge.attach(this.shell.cluster, Date.parse(this.start));
    this.saveLog();
    this.store.setState({ lastApply: undefined, notice: undefined });
  }

  dispose(): void {
    this.stopLoop();
    this.saveNow();
    this.bridge.detach();
  }
}
