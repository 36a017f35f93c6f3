import type { Cluster } from "../../src/cluster.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import { Session } from "../../src/kubectl/session.ts";
import type { ReplayLog } from "../lab/replay.ts";
import type { LabStore } from "../state/store.ts";
import { recordCluster } from "./history.ts";
import { jump, type JumpTarget } from "./jumps.ts";
import { redoLog, rewindLog, undoLog, type Undone } from "./time-travel.ts";
import { createVizStore, type VizStore } from "./viz-store.ts";

/** What VizLab needs of app/lab/runtime.ts's LabRuntime. */
export interface TravelRuntime {
  currentLog(): ReplayLog;
  travelTo(log: ReplayLog): boolean;
  currentEngine(): { cluster: Cluster };
  pause(): void;
  flush(): void;
}

/**
 * The visualisation's engine room: records each cluster's history as it is built (the runtime's
 * `observe` hook), and does time travel (undo / redo / reset to start by replaying the input log),
 * jumps (next event, pod exit, back-off expiry, cron tick) and read-only inspection.
 */
export class VizLab {
  readonly store: VizStore = createVizStore();
  private runtime: TravelRuntime | undefined;
  private stopRecording: (() => void) | undefined;
  private redo: { undone: Undone; base: ReplayLog["inputs"] }[] = [];

  constructor(private readonly lab: LabStore) {}

  /** The runtime's `observe` option: start recording a new cluster's history. */
  readonly observe = (cluster: Cluster): void => {
    this.stopRecording?.();
    const { history, stop } = recordCluster(cluster);
    this.stopRecording = stop;
    this.store.setState({ history, scrubAt: undefined });
  };

  connect(runtime: TravelRuntime): void {
    this.runtime = runtime;
    this.refresh();
  }

  private get rt(): TravelRuntime {
    if (!this.runtime) throw new Error("VizLab is not connected to a runtime");
    return this.runtime;
  }

  /** Recompute whether undo / redo can act (after anything that may have changed the log). */
  refresh(): void {
    const log = this.runtime?.currentLog();
    const top = this.redo[this.redo.length - 1];
    // A new input since the undo starts a new branch: the undone inputs cannot come back.
    if (top && log && log.inputs !== top.base) this.redo = [];
    this.store.setState({
      canUndo: log !== undefined && undoLog(log) !== undefined,
      canRedo: this.redo.length > 0,
    });
  }

  private travel(next: { log: ReplayLog; undone: Undone } | undefined): void {
    if (!next) return;
    if (this.rt.travelTo(next.log)) {
      this.redo.push({ undone: next.undone, base: this.rt.currentLog().inputs });
    }
    this.refresh();
  }

  undo(): void {
    this.refresh();
    this.travel(undoLog(this.rt.currentLog()));
  }

  rewind(): void {
    this.refresh();
    this.travel(rewindLog(this.rt.currentLog()));
  }

  redoOne(): void {
    this.refresh();
    const top = this.redo.pop();
    if (!top) return;
    const base = this.rt.currentLog();
    this.rt.travelTo(redoLog(base, top.undone));
    this.refresh();
  }

  /** The learner's inputs so far (applies, commands, faults), for the timeline's marks. */
  inputs(): ReplayLog["inputs"] {
    return this.runtime?.currentLog().inputs ?? [];
  }

  /** Jump virtual time to the next instant of a kind; false when there is none. */
  jump(target: JumpTarget): boolean {
    const history = this.store.getState().history;
    const cluster = this.rt.currentEngine().cluster;
    if (!history) return false;
    this.rt.pause();
    try {
      const ok = jump(cluster, history, target);
      this.rt.flush();
      return ok;
    } catch (e) {
      this.lab.setState({ notice: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  /** Run a read-only kubectl line (get -o yaml, describe, logs) without recording it. */
  inspect(line: string): CommandResult {
    const session = new Session({
      cluster: this.rt.currentEngine().cluster,
      readFile: () => undefined,
    });
    return session.exec(line);
  }

  dispose(): void {
    this.stopRecording?.();
  }
}
