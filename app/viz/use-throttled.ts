import { useEffect, useState } from "react";

/**
 * A counter that changes at most every `ms` of wall time while `active`: views that are costly
 * to derive (the timeline of 300 pods) recompute a few times a second, not on every frame.
 */
export function useWallTicker(ms: number, active = true): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms, active]);
  return n;
}
