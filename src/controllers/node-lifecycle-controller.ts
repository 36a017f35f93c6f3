import type { ApiServer } from "../api/apiserver.ts";
import type { EventRecorder } from "../api/events.ts";
import type { ObjectStore } from "../api/store.ts";
import type { Node, Pod, Taint } from "../api/types.ts";
import type { Clock, Timer } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";

/** The taint the node lifecycle controller puts on a node whose kubelet stopped reporting. */
export const UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

type Toleration = {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
};

const isReady = (n: Node) =>
  n.status.conditions.some((c) => c.type === "Ready" && c.status === "True");
const isTerminal = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

/**
 * How long a pod tolerates the NoExecute `unreachable` taint: the matching toleration's
 * `tolerationSeconds` (the API server adds 300 s by default, DefaultTolerationSeconds), 0 when no
 * toleration matches, undefined when one matches without a limit (the pod is never evicted).
 */
export function tolerationSecondsFor(pod: Pod, taint: Taint): number | undefined {
  const tols = (pod.spec.tolerations ?? []) as Toleration[];
  const match = tols.find(
    (t) =>
      (t.effect === undefined || t.effect === "" || t.effect === taint.effect) &&
      ((t.operator === "Exists" && (t.key === undefined || t.key === "" || t.key === taint.key)) ||
        ((t.operator ?? "Equal") === "Equal" && t.key === taint.key)),
  );
  if (!match) return 0;
  return match.tolerationSeconds === undefined ? undefined : Math.max(0, match.tolerationSeconds);
}

/**
 * The node lifecycle controller and its taint-based eviction, reduced (spec §9 of the lab:
 * simplified). When a Node's `Ready` condition is not `True` it taints the node
 * `node.kubernetes.io/unreachable` (NoSchedule + NoExecute); every pod on it that does not
 * tolerate NoExecute is deleted once its `tolerationSeconds` (300 s by default) have passed since
 * the taint was added — event `TaintManagerEviction` — and its Job replaces it as for any deleted
 * pod. When the node is Ready again the taints go and pending evictions are cancelled.
 * Simplified: the real controller waits 40 s of missed heartbeats before it marks the node; here
 * the lab marks it at once, and the node's kubelet still carries out the deletion.
 */
export class NodeLifecycleController {
  private evictions = new Map<string, Timer>();

  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {
    store.watch((ev) => {
      if (ev.kind === "Node") {
        const name = ev.object.metadata.name!;
        if (ev.type !== "DELETED") clock.after(0, `node-lifecycle ${name}`, () => this.sync(name));
        return;
      }
      if (ev.kind !== "Pod") return;
      const pod = ev.object as Pod;
      const uid = pod.metadata.uid!;
      if (ev.type === "DELETED" || isTerminal(pod) || pod.metadata.deletionTimestamp) {
        this.evictions.get(uid)?.cancel();
        this.evictions.delete(uid);
        return;
      }
      const node = pod.spec.nodeName;
      if (!node || this.evictions.has(uid)) return;
      const n = store.get<Node>("Node", undefined, node);
      const taint = n?.spec.taints?.find(
        (t) => t.key === UNREACHABLE_TAINT && t.effect === "NoExecute",
      );
      if (taint) this.scheduleEviction(pod, taint);
    });
  }

  private sync(name: string): void {
    const node = this.store.get<Node>("Node", undefined, name);
    if (!node) return;
    const ready = isReady(node);
    const others = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT);
    const ours = (node.spec.taints ?? []).filter((t) => t.key === UNREACHABLE_TAINT);
    if (ready && ours.length > 0) {
      this.store.update({ ...node, spec: { ...node.spec, taints: others } }, true);
      for (const p of this.podsOn(name)) {
        this.evictions.get(p.metadata.uid!)?.cancel();
        this.evictions.delete(p.metadata.uid!);
      }
      return;
    }
    if (ready || ours.length > 0) return;
    const timeAdded = rfc3339(this.clock.now());
    const noExecute: Taint = { key: UNREACHABLE_TAINT, effect: "NoExecute", timeAdded };
    const taints: Taint[] = [
      ...others,
      { key: UNREACHABLE_TAINT, effect: "NoSchedule", timeAdded },
      noExecute,
    ];
    this.store.update({ ...node, spec: { ...node.spec, taints } }, true);
    for (const p of this.podsOn(name)) {
      this.events.record(p, "Warning", "NodeNotReady", "Node is not ready", {
        component: "node-controller",
      });
      this.scheduleEviction(p, noExecute);
    }
  }

  private podsOn(node: string): Pod[] {
    return this.store
      .list<Pod>("Pod")
      .filter((p) => p.spec.nodeName === node && !isTerminal(p) && !p.metadata.deletionTimestamp);
  }

  private scheduleEviction(pod: Pod, taint: Taint): void {
    const seconds = tolerationSecondsFor(pod, taint);
    if (seconds === undefined) return;
    const uid = pod.metadata.uid!;
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : this.clock.now();
    const { namespace, name } = pod.metadata;
    this.evictions.set(
      uid,
      this.clock.at(added + seconds * 1000, `taint-eviction ${name}`, () => {
        this.evictions.delete(uid);
        const live = this.store.get<Pod>("Pod", namespace, name!);
        if (!live || live.metadata.uid !== uid || live.metadata.deletionTimestamp) return;
        const node = this.store.get<Node>("Node", undefined, live.spec.nodeName!);
        if (!node || isReady(node)) return;
        this.events.record(
          live,
          "Normal",
          "TaintManagerEviction",
          `Marking for deletion Pod ${namespace ?? "default"}/${name}`,
          { component: "taint-eviction-controller" },
        );
        this.api.delete("Pod", namespace, name!);
      }),
    );
  }
}
