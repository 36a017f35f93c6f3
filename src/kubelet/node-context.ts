import type { ObjectStore } from "../api/store.ts";
import type { Pod } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import type { Rng } from "../sim/rng.ts";
import type { Backoff } from "./backoff.ts";
import type { ImageManager } from "./images.ts";
import type { LogStore } from "./logs.ts";
import type { FileSystem, Network } from "../runtime/types.ts";
import type { KubeletFaults } from "./fault-hooks.ts";

/** Events a kubelet emits on a pod (source `kubelet`, host = node name). */
export interface PodEvents {
  normal(pod: Pod, reason: string, message: string): void;
  warn(pod: Pod, reason: string, message: string): void;
}

/** What a pod worker may use of its node. */
export interface NodeContext {
  readonly nodeName: string;
  readonly hostIP: string;
  readonly clock: Clock;
  readonly store: ObjectStore;
  readonly rng: Rng;
  readonly events: PodEvents;
  readonly images: ImageManager;
  readonly logs: LogStore;
  readonly restartBackoff: Backoff;
  /** The pod's IP (stable per pod uid). */
  podIP(uid: string): string;
  /** A fresh 64-hex-digit container id. */
  containerId(): string;
  /** The shared filesystem of a pod volume (emptyDir, PVC) by key. */
  volume(key: string): FileSystem;
  /** The cluster network as `pod` sees it (Service DNS, endpoints). */
  network(pod: Pod): Network;
  /** Lab failure injection (src/faults.ts), when the cluster has it. */
  readonly faults?: KubeletFaults;
}
