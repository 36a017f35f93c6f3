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
  /** Show another of the mode's editor files. */
  readonly openFile: (name: string) => void;
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
  /**
   * Type a line into the terminal and run it there, as if the learner had (lesson demos, the
   * solution replay). Resolves once it ran; without a terminal on screen it just runs.
   */
  readonly typeInTerminal: (line: string) => Promise<void>;
  /** The terminal registers here to receive typed lines; returns the unsubscribe function. */
  readonly onTerminalInput: (listener: TerminalTyping) => () => void;
}

/** Types `line` into the terminal and presses Enter; resolves once the line ran. */
export type TerminalTyping = (line: string) => Promise<void>;
