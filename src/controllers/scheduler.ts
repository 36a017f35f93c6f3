import type { EventRecorder } from "../api/events.ts";
import type { ObjectStore } from "../api/store.ts";
import type { Node, Pod } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import { objectKey, splitKey, WorkQueue } from "./work-queue.ts";

/**
 * kube-scheduler, reduced: binds each unscheduled pod to the ready node with the fewest
 * running pods (ties by name), and emits `Scheduled` (spec §3.5).
 */
export class Scheduler {
  private queue: WorkQueue;
  /** node → uids of its pods that are not finished (kept from the watch, not recounted). */
  private load = new Map<string, Set<string>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, "schedule", (k) => this.schedule(k));
    store.watch((ev) => {
      if (ev.kind !== "Pod") return;
      const pod = ev.object as Pod;
      const node = pod.spec.nodeName;
      if (node) {
        const set = this.load.get(node) ?? new Set<string>();
        this.load.set(node, set);
        const done =
          ev.type === "DELETED" ||
          pod.status?.phase === "Succeeded" ||
          pod.status?.phase === "Failed";
        if (done) set.delete(pod.metadata.uid!);
        else set.add(pod.metadata.uid!);
      }
      if (ev.type === "DELETED") return;
      if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp)
        this.queue.add(objectKey(pod.metadata.namespace, pod.metadata.name!));
    });
  }

  private schedule(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.store.get<Pod>("Pod", ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = this.store
      .list<Node>("Node")
      .filter(
        (n) =>
          !n.spec.unschedulable &&
          n.status.conditions.some((c) => c.type === "Ready" && c.status === "True"),
      );
    if (nodes.length === 0) return;
    const load = (n: string) => this.load.get(n)?.size ?? 0;
    const target = nodes
      .map((n) => n.metadata.name!)
      .sort((a, b) => load(a) - load(b) || (a < b ? -1 : 1))[0];
    // The pods/binding subresource: only spec.nodeName changes, the rest is shared (frozen).
    const updated = this.store.update({ ...pod, spec: { ...pod.spec, nodeName: target } }, true);
    this.events.record(
      updated,
      "Normal",
      "Scheduled",
      `Successfully assigned ${ns}/${name} to ${target}`,
      { component: "default-scheduler" },
    );
  }
}
