import type { EventRecorder } from "../api/events.ts";
import type { ObjectStore, WatchEvent } from "../api/store.ts";
import type { Pod } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import { hexDigest } from "../sim/hash.ts";
import type { Rng } from "../sim/rng.ts";
import { MemoryFs } from "../runtime/fs.ts";
import type { FileSystem } from "../runtime/types.ts";
import { Backoff } from "./backoff.ts";
import type { KubeletFaults } from "./fault-hooks.ts";
import { ImageManager } from "./images.ts";
import type { LogStore } from "./logs.ts";
import type { NodeContext, PodEvents } from "./node-context.ts";
import { podNetwork } from "./network.ts";
import { PodWorker } from "./pod-worker.ts";

export interface KubeletDeps {
  clock: Clock;
  store: ObjectStore;
  events: EventRecorder;
  rng: Rng;
  logs: LogStore;
  /** Volumes shared across the cluster (PVCs) by key. */
  volumes: Map<string, FileSystem>;
  /** Lab failure injection (src/faults.ts). */
  faults?: KubeletFaults;
}

/**
 * The kubelet of one node: it watches pods bound to its node and runs one PodWorker each.
 * Watch callbacks only schedule work on the clock (never write synchronously), as informer
 * handlers only enqueue.
 */
export class Kubelet {
  private workers = new Map<string, PodWorker>();
  /** Pods of this node that finished (their worker released) and are not deleted yet. */
  private finished = new Set<string>();
  private admitting = new Set<string>();
  private ipCounter = 0;
  private ips = new Map<string, string>();
  private seq = 0;
  readonly images: ImageManager;
  readonly ctx: NodeContext;

  constructor(
    readonly nodeName: string,
    readonly nodeIndex: number,
    private readonly deps: KubeletDeps,
  ) {
    const events: PodEvents = {
      normal: (pod, reason, message) =>
        deps.events.record(pod, "Normal", reason, message, {
          component: "kubelet",
          host: nodeName,
        }),
      warn: (pod, reason, message) =>
        deps.events.record(pod, "Warning", reason, message, {
          component: "kubelet",
          host: nodeName,
        }),
    };
    const restartBackoff = new Backoff();
    /** Round-robin position per Service (kube-proxy spreads connections over endpoints). */
    const turns = new Map<string, number>();
    this.images = new ImageManager(deps.clock, deps.rng, events, new Backoff(), (d) =>
      deps.faults ? deps.faults.pullDuration(d, nodeName) : d,
    );
    this.ctx = {
      nodeName,
      hostIP: `172.18.0.${nodeIndex + 2}`,
      clock: deps.clock,
      store: deps.store,
      rng: deps.rng,
      events,
      images: this.images,
      logs: deps.logs,
      restartBackoff,
      faults: deps.faults,
      podIP: (uid) => {
        let ip = this.ips.get(uid);
        if (!ip)
          this.ips.set(uid, (ip = `10.244.${nodeIndex + 1}.${2 + (this.ipCounter++ % 250)}`));
        return ip;
      },
      containerId: () => hexDigest(`${nodeName}/${this.seq++}`),
      network: (pod) => podNetwork(this.ctx, pod, turns),
      volume: (key) => {
        let v = deps.volumes.get(key);
        if (!v) deps.volumes.set(key, (v = new MemoryFs(() => deps.clock.now())));
        return v;
      },
    };
    deps.store.watch((ev) => this.onPod(ev));
  }

  private onPod(ev: WatchEvent): void {
    if (ev.kind !== "Pod") return;
    const pod = ev.object as Pod;
    if (pod.spec.nodeName !== this.nodeName) return;
    const uid = pod.metadata.uid!;
    const worker = this.workers.get(uid);
    if (ev.type === "DELETED") {
      if (worker || this.finished.delete(uid)) {
        worker?.stop();
        this.workers.delete(uid);
        this.ips.delete(uid);
        this.deps.clock.after(0, "kubelet cleanup", () => this.cleanup(uid));
      }
      return;
    }
    if (!worker) {
      if (
        pod.status?.phase === "Succeeded" ||
        pod.status?.phase === "Failed" ||
        this.admitting.has(uid)
      )
        return;
      this.admitting.add(uid);
      this.deps.clock.after(0, "kubelet admit", () => this.admit(pod), pod.metadata.name);
      return;
    }
    worker.observe(pod);
    if (pod.metadata.deletionTimestamp) {
      const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
      this.deps.clock.after(0, `kubelet kill ${pod.metadata.name}`, () =>
        this.workers.get(uid)?.terminate(grace),
      );
    } else if (worker.finished()) {
      // A pod that reached Succeeded/Failed never runs again: let its worker go (a 10,000-pod
      // Job would otherwise keep 10,000 workers), remembering the uid for the cleanup at deletion.
      worker.stop();
      this.workers.delete(uid);
      this.finished.add(uid);
    }
  }

  private admit(pod: Pod): void {
    const uid = pod.metadata.uid!;
    const live = this.deps.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.uid !== uid) {
      this.admitting.delete(uid);
      return;
    }
    const worker = new PodWorker(live, this.ctx);
    this.workers.set(uid, worker);
    this.admitting.delete(uid);
    if (live.metadata.deletionTimestamp)
      worker.terminate(live.metadata.deletionGracePeriodSeconds ?? 0);
    else worker.start();
  }

  private cleanup(uid: string): void {
    this.deps.logs.drop(uid);
    for (const k of [...this.deps.volumes.keys()])
      if (k.startsWith(`${uid}/`)) this.deps.volumes.delete(k);
    this.ctx.restartBackoff.forget(`${uid}/`);
  }

  /** Kill the running containers of a pod now, as an OOM kill or `kill -9` would (lab fault). */
  killPod(uid: string, exitCode = 137): boolean {
    return this.workers.get(uid)?.kill(exitCode) ?? false;
  }

  /** Pods currently managed on this node. */
  podCount(): number {
    return this.workers.size;
  }
}
