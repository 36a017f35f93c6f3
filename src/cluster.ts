import { ApiServer } from "./api/apiserver.ts";
import { EventRecorder } from "./api/events.ts";
import { ObjectStore, type WatchEvent } from "./api/store.ts";
import type { Node, Pod } from "./api/types.ts";
import { GarbageCollector } from "./controllers/garbage-collector.ts";
import { JobController } from "./controllers/job-controller.ts";
import { Scheduler } from "./controllers/scheduler.ts";
import { TtlAfterFinishedController } from "./controllers/ttl-controller.ts";
import { CronJobController } from "./controllers/cronjob-controller.ts";
import { NodeLifecycleController } from "./controllers/node-lifecycle-controller.ts";
import { Faults, type ContainerFault } from "./faults.ts";
import { Kubelet } from "./kubelet/kubelet.ts";
import { LogStore, logLines, type LogInstance } from "./kubelet/logs.ts";
import type { FileSystem } from "./runtime/types.ts";
import { Clock } from "./sim/clock.ts";
import { Rng } from "./sim/rng.ts";
import { ms, parseInstant, rfc3339, type Millis } from "./sim/time.ts";

export const DEFAULT_START = "2026-01-05T00:00:00Z";
export const DEFAULT_SEED = 1;

export interface ClusterOptions {
  /** RFC 3339 instant the virtual clock starts at (default 2026-01-05T00:00:00Z, a Monday). */
  start?: string;
  seed?: number;
  /** Worker node names (default two). */
  nodes?: string[];
  /** Images already on every node. */
  preloadedImages?: string[];
}

/** Events processed by one advance at most: a runaway simulation stops with a clear message. */
export const MAX_EVENTS_PER_ADVANCE = 5_000_000;

/**
 * The facade over the simulated cluster: the UI, kubectl, the lab runner and tests use only this.
 * Everything is deterministic: same options and same calls ⇒ the same objects, names and logs.
 */
export class Cluster {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly logStore = new LogStore();
  readonly kubelets: Kubelet[];
  readonly volumes = new Map<string, FileSystem>();
  /** Deterministic failure injection (src/faults.ts): kill, exit codes, NotReady nodes, slow pulls. */
  readonly faults: Faults;

  constructor(opts: ClusterOptions = {}) {
    const start = parseInstant(opts.start ?? DEFAULT_START);
    if (start === undefined) throw new Error(`invalid start instant: ${opts.start}`);
    this.clock = new Clock(start);
    this.rng = new Rng(opts.seed ?? DEFAULT_SEED);
    this.store = new ObjectStore(this.clock, this.rng);
    this.api = new ApiServer(this.store);
    this.events = new EventRecorder(this.store, this.clock);
    this.faults = new Faults(this.store, this.events, this.clock, (pod, code) =>
      this.kubelets.some(
        (k) => k.nodeName === pod.spec.nodeName && k.killPod(pod.metadata.uid!, code),
      ),
    );
    const nodeNames = opts.nodes ?? ["node-1", "node-2"];
    for (const name of nodeNames)
      this.store.create(makeNode(name, nodeNames.indexOf(name), this.clock.now()));
    this.kubelets = nodeNames.map(
      (n, i) =>
        new Kubelet(n, i, {
          clock: this.clock,
          store: this.store,
          events: this.events,
          rng: this.rng,
          logs: this.logStore,
          volumes: this.volumes,
          faults: this.faults,
        }),
    );
    for (const img of opts.preloadedImages ?? [])
      for (const k of this.kubelets) k.images.preload(img);
    new Scheduler(this.store, this.events, this.clock);
    new JobController(this.api, this.store, this.events, this.clock);
    new GarbageCollector(this.api, this.store, this.clock);
    new TtlAfterFinishedController(this.api, this.store, this.clock);
    new CronJobController(this.api, this.store, this.events, this.clock);
    new NodeLifecycleController(this.api, this.store, this.events, this.clock);
  }

  /** The lesson engine's container-exit hook (src/lab/injections.ts); undefined disarms it. */
  setContainerFault(fn: ContainerFault | undefined): void {
    this.faults.setContainerFault(fn);
  }

  now(): Millis {
    return this.clock.now();
  }

  nowString(): string {
    return rfc3339(this.clock.now());
  }

  /** Advance virtual time by `delta` ms, running every event due. */
  advance(delta: number): void {
    this.advanceTo(this.clock.now() + delta);
  }

  advanceTo(t: number): void {
    const ran = this.clock.advanceTo(t, MAX_EVENTS_PER_ADVANCE);
    if (ran >= MAX_EVENTS_PER_ADVANCE)
      throw new Error(
        `simulation limit: more than ${MAX_EVENTS_PER_ADVANCE} events in one advance`,
      );
  }

  /** Run what is due at the current instant (e.g. the syncs a write just queued), without moving time. */
  settle(): void {
    this.advanceTo(this.clock.now());
  }

  /** Jump to the next event and run it (and any others at the same instant). */
  stepEvent(): boolean {
    const next = this.clock.peek();
    if (next === undefined) return false;
    this.advanceTo(next);
    return true;
  }

  nextEventAt(): Millis | undefined {
    return this.clock.peek();
  }

  /**
   * Advance until `predicate` holds or `timeout` ms pass, checking after each event. Returns
   * whether it held. Used by `kubectl wait` and the lab runner.
   */
  advanceUntil(predicate: () => boolean, timeout: number): boolean {
    const deadline = this.clock.now() + timeout;
    if (predicate()) return true;
    for (let n = 0; n < MAX_EVENTS_PER_ADVANCE; n++) {
      const next = this.clock.peek();
      if (next === undefined || next > deadline) {
        this.clock.advanceTo(deadline);
        return predicate();
      }
      this.clock.step();
      if (predicate()) return true;
    }
    return predicate();
  }

  watch(fn: (ev: WatchEvent) => void): () => void {
    return this.store.watch(fn);
  }

  /** Logs of a container instance (current or previous), or undefined if none were kept. */
  logs(pod: Pod, container: string, previous = false): LogInstance | undefined {
    return this.logStore.get(pod.metadata.uid!, container, previous);
  }

  logText(pod: Pod, container: string, previous = false): string {
    const inst = this.logs(pod, container, previous);
    if (!inst) return "";
    return logLines(inst)
      .map((l) => l.text + "\n")
      .join("");
  }
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}

function makeNode(name: string, index: number, now: number): Node {
  const t = rfc3339(ms(now));
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
      },
    },
    spec: { podCIDR: `10.244.${index + 1}.0/24` },
    status: {
      capacity: { cpu: "4", memory: "8148204Ki", pods: "110", "ephemeral-storage": "102626232Ki" },
      allocatable: {
        cpu: "4",
        memory: "8148204Ki",
        pods: "110",
        "ephemeral-storage": "102626232Ki",
      },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
        {
          type: "DiskPressure",
          status: "False",
          reason: "KubeletHasNoDiskPressure",
          message: "kubelet has no disk pressure",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
        {
          type: "PIDPressure",
          status: "False",
          reason: "KubeletHasSufficientPID",
          message: "kubelet has sufficient PID available",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
      ],
      addresses: [
        { type: "InternalIP", address: `172.18.0.${index + 2}` },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        architecture: "amd64",
        containerRuntimeVersion: "containerd://2.1.3",
        kernelVersion: "6.8.0-lab",
        kubeProxyVersion: "",
        kubeletVersion: "v1.34.0",
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
      },
    },
  };
}
