import { useEffect, useRef, useState } from "react";

export interface Presence<T> {
  key: string;
  item: T;
  /** Gone from the cluster; still shown while it fades out. */
  leaving: boolean;
}

const reducedMotion = (): boolean =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Keep removed items (flagged `leaving`) where they were, so they can fade out in place. */
function merge<T>(prev: readonly Presence<T>[], items: readonly T[], keyOf: (t: T) => string) {
  const current = new Map(items.map((i) => [keyOf(i), i]));
  const out: Presence<T>[] = items.map((item) => ({ key: keyOf(item), item, leaving: false }));
  if (reducedMotion()) return out;
  const position = new Map(out.map((p, i) => [p.key, i]));
  // Re-insert each departed item after the nearest earlier neighbour that is still present.
  let anchor = -1;
  const inserts: { at: number; p: Presence<T> }[] = [];
  for (const p of prev) {
    if (current.has(p.key)) anchor = position.get(p.key)!;
    else inserts.push({ at: anchor, p: { ...p, leaving: true } });
  }
  for (let i = inserts.length - 1; i >= 0; i--) out.splice(inserts[i].at + 1, 0, inserts[i].p);
  return out;
}

/**
 * `items`, plus those that just disappeared, marked `leaving` for `exitMs` (wall time) so the
 * CSS can fade them out. With `prefers-reduced-motion`, removed items go at once.
 */
export function usePresence<T>(
  items: readonly T[],
  keyOf: (t: T) => string,
  exitMs: number,
): Presence<T>[] {
  const [state, setState] = useState(() => ({ items, shown: merge([], items, keyOf) }));
  let shown = state.shown;
  if (state.items !== items) {
    // Derive the next list during render (React's "adjusting state when a prop changes").
    shown = merge(state.shown, items, keyOf);
    setState({ items, shown });
  }

  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const t = timers.current;
    for (const p of shown) {
      if (!p.leaving || t.has(p.key)) continue;
      t.set(
        p.key,
        setTimeout(() => {
          t.delete(p.key);
          setState((s) => ({
            ...s,
            shown: s.shown.filter((x) => !(x.leaving && x.key === p.key)),
          }));
        }, exitMs),
      );
    }
  }, [shown, exitMs]);
  useEffect(() => {
    const t = timers.current;
    return () => {
      for (const id of t.values()) clearTimeout(id);
      t.clear();
    };
  }, []);
  return shown;
}
