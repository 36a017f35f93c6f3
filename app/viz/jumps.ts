import type { Pod } from "../../src/api/types.ts";
import type { Cluster } from "../../src/cluster.ts";
import { ganttModel } from "./gantt.ts";
import type { VizHistory } from "./history.ts";

export type JumpTarget = "event" | "exit" | "backoff" | "cron";

/** How far a jump may carry virtual time at most (habit 7): a day. */
export const MAX_JUMP_MS = 24 * 3_600_000;

function exitedNow(ev: { kind: string; object: unknown; old?: unknown }): boolean {
  if (ev.kind !== "Pod") return false;
  const pod = ev.object as Pod;
  const old = ev.old as Pod | undefined;
  const ended = (p: Pod | undefined) =>
    (p?.status?.containerStatuses ?? []).map(
      (c) => c.state.terminated?.finishedAt ?? c.lastState.terminated?.finishedAt ?? "",
    );
  const a = ended(old).join();
  const b = ended(pod).join();
  return b !== a && b.replace(/,/g, "") !== "";
}

/** When the next back-off (Job creation back-off or CrashLoopBackOff) runs out, if any. */
export function nextBackoffExpiry(history: VizHistory, now: number): number | undefined {
  let best: number | undefined;
  const take = (t: number) => {
    if (t > now && (best === undefined || t < best)) best = t;
  };
  const g = ganttModel(history, now);
  for (const j of g.jobs) {
    if (j.pendingBackoff) take(j.pendingBackoff.to);
    for (const r of j.rows) {
      const s = r.segments[r.segments.length - 1];
      const m = s?.kind === "crashloop" ? /back-off (\d+) s/.exec(s.label ?? "") : null;
      if (m) take(s.from + Number(m[1]) * 1000);
    }
  }
  return best;
}

/** The next schedule tick of any CronJob. */
export function nextCronTick(history: VizHistory, now: number): number | undefined {
  const ticks = ganttModel(history, now)
    .cronjobs.map((c) => c.next)
    .filter((t): t is number => t !== undefined);
  return ticks.length ? Math.min(...ticks) : undefined;
}

/**
 * Move virtual time to the next instant of interest and run what happens there. Returns false
 * when there is none within MAX_JUMP_MS.
 */
export function jump(cluster: Cluster, history: VizHistory, target: JumpTarget): boolean {
  const now = cluster.now();
  switch (target) {
    case "event":
      return cluster.stepEvent();
    case "exit": {
      let seen = false;
      const stop = cluster.watch((ev) => {
        if (exitedNow(ev)) seen = true;
      });
      try {
        return cluster.advanceUntil(() => seen, MAX_JUMP_MS);
      } finally {
        stop();
      }
    }
    case "backoff": {
      const t = nextBackoffExpiry(history, now);
      if (t === undefined || t - now > MAX_JUMP_MS) return false;
      // The controller acts at the expiry (never sooner than 1 s after its sync): run through it.
      cluster.advanceTo(t);
      return true;
    }
    case "cron": {
      const t = nextCronTick(history, now);
      if (t === undefined || t - now > MAX_JUMP_MS) return false;
      // The CronJob controller wakes 100 ms after the scheduled time (spec §4.4 step 10).
      cluster.advanceTo(t + 100);
      return true;
    }
  }
}
