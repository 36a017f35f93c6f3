import type { CommandResult } from "../../src/kubectl/output.ts";
import type { Speed } from "./store.ts";

/**
 * What components may ask of the lab, as plain (bound) functions. Implemented by
 * `app/lab/runtime.ts` (`LabRuntime.boundActions()`).
 */
export interface LabActions {
  readonly setEditorText: (text: string) => void;
  /** Apply the editor's text (`kubectl apply -f job.yaml`) and record it for replay. */
  readonly applyEditor: () => void;
  /** Run one terminal line and record it for replay. */
  readonly exec: (line: string) => CommandResult;
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly setSpeed: (speed: Speed) => void;
  /** Jump to the next scheduled event (pauses first). */
  readonly stepEvent: () => void;
  readonly dismissNotice: () => void;
  /** Throw the cluster away and start a fresh one (the editor text is kept). */
  readonly resetCluster: () => void;
}
