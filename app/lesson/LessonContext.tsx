import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { LessonController, LessonState } from "./controller.ts";

const LessonContext = createContext<LessonController | null>(null);

export function LessonProvider({
  controller,
  children,
}: {
  controller: LessonController;
  children: ReactNode;
}) {
  return <LessonContext.Provider value={controller}>{children}</LessonContext.Provider>;
}

export function useLessonController(): LessonController {
  const c = useContext(LessonContext);
  if (!c) throw new Error("lesson hooks must be used inside <LessonProvider>");
  return c;
}

/** Read the lesson store through a selector. */
export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(useLessonController().store, selector);
}
