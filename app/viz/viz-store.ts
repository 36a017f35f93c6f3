import { createStore, type StoreApi } from "zustand/vanilla";
import type { VizHistory } from "./history.ts";

/** What the inspector and the "why" panel are about. */
export interface Selection {
  kind: "Pod" | "Job" | "CronJob" | "Node";
  name: string;
  namespace?: string;
}

export type CanvasView = "canvas" | "table";
export type Theme = "dark" | "light";

export interface VizState {
  /** The current cluster's recorded past (replaced when the cluster is rebuilt). */
  history: VizHistory | undefined;
  selection: Selection | undefined;
  /** An instant the timeline is being scrubbed to: the canvas shows the cluster then. */
  scrubAt: number | undefined;
  view: CanvasView;
  timelineOpen: boolean;
  theme: Theme;
  canUndo: boolean;
  canRedo: boolean;
  /** The "slow image pulls" fault switch as last set from the UI. */
  slowPulls: boolean;
}

export type VizStore = StoreApi<VizState>;

export function createVizStore(init: Partial<VizState> = {}): VizStore {
  return createStore<VizState>()(() => ({
    history: undefined,
    selection: undefined,
    scrubAt: undefined,
    view: "canvas",
    timelineOpen: true,
    theme: "dark",
    canUndo: false,
    canRedo: false,
    slowPulls: false,
    ...init,
  }));
}
