import { createStore, type StoreApi } from "zustand/vanilla";
import type { EditRequest } from "../../src/kubectl/output.ts";
import type { EditorMarker } from "../editor/types.ts";
import { EMPTY_MIRROR, type ClusterMirror } from "./mirror.ts";

export const SPEEDS = [1, 10, 100] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ClockSettings {
  playing: boolean;
  speed: Speed;
}

/** What the last Apply printed (kubectl's own lines) and where the editor should mark problems. */
export interface ApplyOutcome {
  /** Increments per apply, so the UI can replay its "just happened" highlight. */
  seq: number;
  ok: boolean;
  lines: readonly { stream: "stdout" | "stderr"; text: string }[];
  markers: readonly EditorMarker[];
  /** The editor file that was applied (the markers belong to it). */
  file?: string;
}

export interface LabState {
  /** The cluster mirror: written by the bridge (app/lab/bridge.ts) only. */
  cluster: ClusterMirror;
  clock: ClockSettings;
  /** The text of the file the editor shows (`editorFile`). */
  editorText: string;
  /** The name of the file the editor shows; `kubectl apply -f NAME` reads its text. */
  editorFile: string;
  /** Every editor file of the current mode, name → text (the shown one mirrors `editorText`). */
  files: Readonly<Record<string, string>>;
  /**
   * The files `kubectl edit` opened, name → what it opened: Apply on such a tab saves the edit
   * (`Session.saveEdit`), closing it cancels the edit.
   */
  edits: Readonly<Record<string, EditRequest>>;
  /** "sandbox", or the exercise whose cluster the lab is running (see LabMode in app/lab/runtime.ts). */
  mode: string;
  lastApply: ApplyOutcome | undefined;
  /** A one-line message about the lab itself (restore failed, simulation limit hit, …). */
  notice: string | undefined;
}

export type LabStore = StoreApi<LabState>;

/** One store per lab (xyflow-style factory), so tests and previews can make their own. */
export function createLabStore(init: Partial<LabState> = {}): LabStore {
  return createStore<LabState>()(() => ({
    cluster: EMPTY_MIRROR,
    clock: { playing: true, speed: 1 },
    editorText: "",
    editorFile: "job.yaml",
    files: {},
    edits: {},
    mode: "sandbox",
    lastApply: undefined,
    notice: undefined,
    ...init,
  }));
}
