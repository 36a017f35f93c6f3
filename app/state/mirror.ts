import type { CronJob, Job, KubeEvent, Node, Pod } from "../../src/api/types.ts";

/**
 * The UI's read-only copy of the simulated cluster: plain (frozen) objects as the store lists
 * them, plus the clock. Written by `app/lab/bridge.ts` only; components read it through the
 * selector hooks in `hooks.ts`.
 */
export interface ClusterMirror {
  pods: readonly Pod[];
  jobs: readonly Job[];
  cronjobs: readonly CronJob[];
  /** The most recent events, oldest first (bounded: see MAX_MIRRORED_EVENTS). */
  events: readonly KubeEvent[];
  nodes: readonly Node[];
  /** Virtual time, ms since the epoch. */
  now: number;
  /** Virtual time the cluster was created at. */
  startedAt: number;
  /** Time of the next scheduled event, if any. */
  nextEventAt: number | undefined;
  /** Bumped on every publish that carried object changes (not on clock-only publishes). */
  revision: number;
}

export const MAX_MIRRORED_EVENTS = 200;

export const EMPTY_MIRROR: ClusterMirror = Object.freeze({
  pods: [],
  jobs: [],
  cronjobs: [],
  events: [],
  nodes: [],
  now: 0,
  startedAt: 0,
  nextEventAt: undefined,
  revision: 0,
});
