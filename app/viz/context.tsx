import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { VizLab } from "./viz-lab.ts";
import { createVizStore, type VizState } from "./viz-store.ts";

const VizContext = createContext<VizLab | null>(null);

export function VizProvider({ viz, children }: { viz: VizLab; children: ReactNode }) {
  return <VizContext.Provider value={viz}>{children}</VizContext.Provider>;
}

/** The VizLab, or undefined outside a VizProvider (components then show the live view only). */
export function useVizLab(): VizLab | undefined {
  return useContext(VizContext) ?? undefined;
}

const FALLBACK: VizState = {
  history: undefined,
  selection: undefined,
  scrubAt: undefined,
  view: "canvas",
  timelineOpen: false,
  theme: "dark",
  canUndo: false,
  canRedo: false,
  slowPulls: false,
};

export function useViz<T>(selector: (s: VizState) => T): T {
  const viz = useContext(VizContext);
  // A store that never changes stands in outside a provider, so the hook order stays fixed.
  return useStore(viz?.store ?? FALLBACK_STORE, selector);
}

const FALLBACK_STORE = createVizStore(FALLBACK);
