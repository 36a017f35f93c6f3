import type { Pod } from "../api/types.ts";

/** A container instance that must end with `exitCode` `afterMs` after it started. */
export interface ExitFault {
  exitCode: number;
  afterMs: number;
}

/**
 * What the lab's failure injection (src/faults.ts) may change in a kubelet. Deterministic: the
 * kubelet asks at fixed points (a container starts, an image pull begins), never by chance.
 */
export interface KubeletFaults {
  /** Asked each time a container instance starts; an answer ends that instance early. */
  containerFault(pod: Pod, container: string): ExitFault | undefined;
  /** The duration of an image pull on `node`, as a "slow pulls" fault changes it. */
  pullDuration(ms: number, node: string): number;
}
