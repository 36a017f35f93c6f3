import { createContext, useContext, type ReactNode } from "react";
import type { LabActions } from "./actions.ts";
import type { LabStore } from "./store.ts";

interface LabContextValue {
  store: LabStore;
  actions: LabActions;
}

const LabContext = createContext<LabContextValue | null>(null);

export function LabProvider({
  store,
  actions,
  children,
}: LabContextValue & { children: ReactNode }) {
  return <LabContext.Provider value={{ store, actions }}>{children}</LabContext.Provider>;
}

export function useLabContext(): LabContextValue {
  const ctx = useContext(LabContext);
  if (!ctx) throw new Error("Batch Lab hooks must be used inside <LabProvider>");
  return ctx;
}
