import { useCallback, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { CronJob, Job, KubeEvent, Node, Pod } from "../../src/api/types.ts";
import type { LabActions } from "./actions.ts";
import { useLabContext } from "./context.tsx";
import type { ApplyOutcome, ClockSettings, LabState } from "./store.ts";

/** Read the lab store through a selector (prefer the named hooks below). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

export const useLabActions = (): LabActions => useLabContext().actions;

export const usePods = (): readonly Pod[] => useLab((s) => s.cluster.pods);
export const useJobs = (): readonly Job[] => useLab((s) => s.cluster.jobs);
export const useCronJobs = (): readonly CronJob[] => useLab((s) => s.cluster.cronjobs);
export const useEvents = (): readonly KubeEvent[] => useLab((s) => s.cluster.events);
export const useNodes = (): readonly Node[] => useLab((s) => s.cluster.nodes);
export const useEditorText = (): string => useLab((s) => s.editorText);
export const useEditorFile = (): string => useLab((s) => s.editorFile);
/** The names of the current mode's editor files, in order. */
export const useFileNames = (): readonly string[] =>
  useLab(useShallow((s) => Object.keys(s.files)));
export const useMode = (): string => useLab((s) => s.mode);
export const useLastApply = (): ApplyOutcome | undefined => useLab((s) => s.lastApply);
export const useNotice = (): string | undefined => useLab((s) => s.notice);

export interface ClockView extends ClockSettings {
  now: number;
  startedAt: number;
  nextEventAt: number | undefined;
}

/** Virtual time and the play/speed settings (re-renders every frame while time flows). */
export const useClock = (): ClockView =>
  useLab(
    useShallow((s) => ({
      ...s.clock,
      now: s.cluster.now,
      startedAt: s.cluster.startedAt,
      nextEventAt: s.cluster.nextEventAt,
    })),
  );

/**
 * Virtual time rounded down to `stepMs`: components that print ages re-render once per step,
 * not once per animation frame.
 */
export const useNowEvery = (stepMs: number): number =>
  useLab((s) => Math.floor(s.cluster.now / stepMs) * stepMs);

/**
 * Like useNowEvery, and besides at most once per `wallMs` of wall time: for views with hundreds
 * of rows printing ages (the table view at 100× would otherwise re-render every frame).
 */
export function useNowEveryThrottled(stepMs: number, wallMs: number): number {
  const { store } = useLabContext();
  const round = useCallback((n: number) => Math.floor(n / stepMs) * stepMs, [stepMs]);
  const [now, setNow] = useState(() => round(store.getState().cluster.now));
  const shown = useRef(now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const show = () => {
      timer = undefined;
      last = performance.now();
      shown.current = round(store.getState().cluster.now);
      setNow(shown.current);
    };
    const check = () => {
      if (timer !== undefined || round(store.getState().cluster.now) === shown.current) return;
      timer = setTimeout(show, Math.max(0, wallMs - (performance.now() - last)));
    };
    check();
    const unsubscribe = store.subscribe(check);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, round, wallMs]);
  return now;
}
