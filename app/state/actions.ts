import type { KubeObject } from "../../src/api/types.ts";
import type { Completion } from "../../src/kubectl/complete.ts";
import type { Chunk, CommandResult, EditRequest } from "../../src/kubectl/output.ts";
import type { Speed } from "./store.ts";

/**
 * What components may ask of the lab, as plain (bound) functions. Implemented by
 * `app/lab/runtime.ts` (`LabRuntime.boundActions()`).
 */
export interface LabActions {
  readonly setEditorText: (text: string) => void;
  /**
   * Apply the editor's text (`kubectl apply -f job.yaml`) and record it for replay; on a tab
   * `kubectl edit` opened, save the edit instead (printed in the terminal too; the tab closes
   * once saved).
   */
  readonly applyEditor: () => void;
  /**
   * `kubectl edit`: open (or show) a tab with the object's YAML, remembered as that edit.
   * Returns a line for the terminal to print.
   */
  readonly openEdit: (req: EditRequest) => string | undefined;
  /** Show another of the mode's editor files. */
  readonly openFile: (name: string) => void;
  /** Replace the editor's files (tabs: new, rename, close), showing `active` (else the first). */
  readonly setFiles: (files: Readonly<Record<string, string>>, active?: string) => void;
  /** The object as it is live in the cluster now (read-only; for the editor's dry run and diff). */
  readonly liveObject: (
    kind: string,
    namespace: string | undefined,
    name: string,
  ) => KubeObject | undefined;
  /** Run one terminal line and record it for replay. */
  readonly exec: (line: string) => CommandResult;
  /**
   * Start a terminal line: chunks stream to `cb.onChunk`, `cb.onDone` gets the result once it
   * ends (by itself, Ctrl+C, or the cluster being replaced). `get -w`, `logs -f`, `wait`, `watch`
   * keep running as the clock flows; the line is recorded for replay with when it stopped.
   */
  readonly startLine: (line: string, cb: LineCallbacks) => TerminalRun;
  /** Tab completion for the terminal line, with object names from the live cluster. */
  readonly complete: (line: string, cursor: number) => Completion;
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
  /**
   * The terminal registers here to print output that comes from elsewhere (a `kubectl edit`
   * saved or cancelled in the editor); returns the unsubscribe function.
   */
  readonly onTerminalOutput: (listener: TerminalPrinter) => () => void;
}

/** Types `line` into the terminal and presses Enter; resolves once the line ran. */
export type TerminalTyping = (line: string) => Promise<void>;

/** Prints chunks in the terminal, as if a command it ran had written them. */
export type TerminalPrinter = (chunks: readonly Chunk[]) => void;

export interface LineCallbacks {
  onChunk(chunk: Chunk): void;
  onDone(result: CommandResult): void;
}

/** A terminal line started with `startLine`. */
export interface TerminalRun {
  /** Ctrl+C: stop it now (exit status 130); `onDone` follows. No-op once it ended. */
  interrupt(): void;
}
