/**
 * The duration model of the simulated node (documented in docs/durations.md). Kubernetes fixes
 * the ordering and the back-off arithmetic; these latencies are the lab's choice, picked to look
 * like a small real cluster (kind/minikube on a laptop) and to reproduce the course's timings.
 */

/** Pod sandbox (pause container + network) set-up before the first image pull. */
export const SANDBOX_MS = 500;
/** Container create + start once the image is present. */
export const CONTAINER_START_MS = 200;
/** A pull with `Always` of an image already on the node (only the manifest is fetched). */
export const MANIFEST_CHECK_MS = 400;
/** Registry round trips before layers download. */
export const PULL_OVERHEAD_MS = 800;
/** Effective download + unpack rate of the node. */
export const PULL_BYTES_PER_MS = 40_000; // 40 MB/s
/** Time for the registry to answer "not found". */
export const PULL_FAILURE_MS = 1_200;

/** Image pull time for `sizeBytes`, with ±10 % seeded jitter (`u` in [0,1)). */
export function pullDuration(sizeBytes: number, u: number): number {
  const base = PULL_OVERHEAD_MS + sizeBytes / PULL_BYTES_PER_MS;
  return Math.round(base * (0.9 + 0.2 * u));
}

/** Container restart and image pull back-off (kubelet): 10 s doubling, cap 5 min, reset after 10 min. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
export const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;
