import type { EventRecorder } from "./api/events.ts";
import type { ObjectStore } from "./api/store.ts";
import type { Node, Pod } from "./api/types.ts";
import type { ExitFault, KubeletFaults } from "./kubelet/fault-hooks.ts";
import type { Clock } from "./sim/clock.ts";
import { rfc3339 } from "./sim/time.ts";

export type { ExitFault } from "./kubelet/fault-hooks.ts";

/**
 * The lesson engine's hook (src/lab/injections.ts): asked each time a container instance starts;
 * an answer ends that instance with `exitCode` `afterMs` after it started.
 */
export type ContainerFault = (pod: Pod, container: string) => ExitFault | undefined;

/** "The next `runs` container runs of Job `job` exit with `exitCode` after `afterMs`." */
export interface JobExitFault extends ExitFault {
  namespace: string;
  job: string;
  runs: number;
}

/** What is armed right now, for `lab fault list` and the UI. */
export interface FaultState {
  jobExits: readonly JobExitFault[];
  /** Image pulls take this many times as long (1 = normal). */
  pullFactor: number;
  notReadyNodes: readonly string[];
}

const controllerJob = (pod: Pod) =>
  pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === "Job")?.name;

/**
 * Deterministic failure injection for the lab (issue #7): kill a pod's containers, make the next
 * N runs of a Job's pods exit with a code, mark a node NotReady, slow image pulls. Every fault acts
 * at a virtual instant or at a fixed point of the kubelet's work (a container starts, a pull
 * begins), never by chance, so a replayed session fails exactly as the live one did.
 */
export class Faults implements KubeletFaults {
  private hook: ContainerFault | undefined;
  private jobExits: JobExitFault[] = [];
  private pullFactor = 1;

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
    private readonly killPod: (pod: Pod, exitCode: number) => boolean,
  ) {}

  /** The lesson engine's hook; it is asked before the lab's own Job faults. */
  setContainerFault(fn: ContainerFault | undefined): void {
    this.hook = fn;
  }

  /** Arm: the next `runs` container runs of the Job's pods exit with `exitCode` after `afterMs`. */
  failNextRuns(
    namespace: string,
    job: string,
    runs: number,
    exitCode: number,
    afterMs = 1000,
  ): void {
    this.jobExits = this.jobExits.filter((f) => !(f.namespace === namespace && f.job === job));
    if (runs > 0) this.jobExits.push({ namespace, job, runs, exitCode, afterMs });
  }

  /** Image pulls take `factor` times as long from now on (1 = back to normal). */
  slowImagePulls(factor: number): void {
    this.pullFactor = Math.max(0, factor);
  }

  /** Kill a pod's running containers now (exit 137 unless told otherwise); false if none ran. */
  kill(pod: Pod, exitCode = 137): boolean {
    return this.killPod(pod, exitCode);
  }

  /**
   * Mark a node NotReady (its kubelet stops posting status: `Ready=Unknown`, as the node
   * lifecycle controller writes it) or Ready again. The node lifecycle controller then taints it
   * and evicts its pods (src/controllers/node-lifecycle-controller.ts).
   */
  setNodeReady(name: string, ready: boolean): boolean {
    const node = this.store.get<Node>("Node", undefined, name);
    if (!node) return false;
    const now = rfc3339(this.clock.now());
    const conditions = node.status.conditions.map((c) => {
      if (c.type !== "Ready") return c;
      const status = ready ? "True" : "Unknown";
      if (c.status === status) return c;
      return ready
        ? {
            ...c,
            status,
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          }
        : {
            ...c,
            status,
            reason: "NodeStatusUnknown",
            message: "Kubelet stopped posting node status.",
            lastTransitionTime: now,
          };
    });
    if (conditions.every((c, i) => c === node.status.conditions[i])) return true;
    const updated = this.store.updateStatus(
      { ...node, status: { ...node.status, conditions } },
      true,
    );
    const state = ready ? "NodeReady" : "NodeNotReady";
    this.events.record(updated, "Normal", state, `Node ${name} status is now: ${state}`, {
      component: "node-controller",
    });
    return true;
  }

  state(): FaultState {
    const notReadyNodes = this.store
      .list<Node>("Node")
      .filter((n) => !n.status.conditions.some((c) => c.type === "Ready" && c.status === "True"))
      .map((n) => n.metadata.name!);
    return {
      jobExits: this.jobExits.map((f) => ({ ...f })),
      pullFactor: this.pullFactor,
      notReadyNodes,
    };
  }

  // ---- KubeletFaults --------------------------------------------------------------------------

  containerFault(pod: Pod, container: string): ExitFault | undefined {
    const fromHook = this.hook?.(pod, container);
    if (fromHook) return fromHook;
    const job = controllerJob(pod);
    if (job === undefined) return undefined;
    const ns = pod.metadata.namespace ?? "default";
    const f = this.jobExits.find((x) => x.job === job && x.namespace === ns);
    if (!f) return undefined;
    f.runs--;
    if (f.runs <= 0) this.jobExits = this.jobExits.filter((x) => x !== f);
    return { exitCode: f.exitCode, afterMs: f.afterMs };
  }

  pullDuration(ms: number, _node: string): number {
    return Math.round(ms * this.pullFactor);
  }
}
