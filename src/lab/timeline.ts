import type { Cluster } from "../cluster.ts";
import type { KubeEvent, KubeObject, Pod } from "../api/types.ts";

/** One version of an object as the watch stream delivered it; `obj` undefined = deleted. */
export interface Version {
  t: number;
  obj: KubeObject | undefined;
}

export interface History {
  uid: string;
  kind: string;
  namespace: string;
  name: string;
  versions: Version[];
}

export interface EventFact {
  name: string;
  namespace: string;
  reason: string;
  type: string;
  kind: string;
  objectName: string;
  message: string;
  count: number;
  firstSeen: number;
}

/** Kinds whose every version is kept (Events are folded into facts, Nodes never change). */
const RECORDED = new Set(["Pod", "Job", "CronJob", "Secret", "ConfigMap"]);

/** Versions kept at most; beyond it the oldest are dropped and `truncated` is set (habit 7). */
export const MAX_VERSIONS = 200_000;

/**
 * An observer over the cluster's watch stream: every version of the objects a lesson talks
 * about, with the virtual instant it appeared, every event ever recorded (events expire from the
 * store after an hour; here they stay), and the last logs of pods before they vanish. Goals
 * about the past ("failed before T", "never more than P pods at once") read it; it never writes
 * to the cluster.
 */
export class Timeline {
  readonly start: number;
  private histories = new Map<string, History>();
  /** kind/namespace/name → uids in the order they appeared. */
  private byName = new Map<string, string[]>();
  private eventFacts = new Map<string, EventFact>();
  private savedLogs = new Map<string, Map<string, string>>();
  private count = 0;
  truncated = false;
  private readonly stop: () => void;

  constructor(private readonly cluster: Cluster) {
    this.start = cluster.now();
    for (const kind of RECORDED)
      for (const o of cluster.store.list(kind)) this.record(o.kind, o, this.start);
    for (const e of cluster.store.list<KubeEvent>("Event")) this.recordEvent(e);
    this.stop = cluster.watch((ev) => {
      const t = cluster.now();
      if (ev.kind === "Event") {
        if (ev.type !== "DELETED") this.recordEvent(ev.object as KubeEvent);
        return;
      }
      if (!RECORDED.has(ev.kind)) return;
      if (ev.kind === "Pod") this.saveLogs(ev.object as Pod, ev.type === "DELETED");
      this.record(ev.kind, ev.type === "DELETED" ? undefined : ev.object, t, ev.object);
    });
  }

  dispose(): void {
    this.stop();
  }

  private record(kind: string, obj: KubeObject | undefined, t: number, ref = obj): void {
    const m = ref!.metadata;
    const uid = m.uid!;
    let h = this.histories.get(uid);
    if (!h) {
      h = { uid, kind, namespace: m.namespace ?? "", name: m.name!, versions: [] };
      this.histories.set(uid, h);
      const key = `${kind}/${h.namespace}/${h.name}`;
      const list = this.byName.get(key) ?? [];
      list.push(uid);
      this.byName.set(key, list);
    }
    if (this.count >= MAX_VERSIONS) {
      this.truncated = true;
      return;
    }
    h.versions.push({ t, obj });
    this.count++;
  }

  private recordEvent(e: KubeEvent): void {
    const key = `${e.metadata.namespace ?? ""}/${e.metadata.name}`;
    const prev = this.eventFacts.get(key);
    this.eventFacts.set(key, {
      name: e.metadata.name!,
      namespace: e.metadata.namespace ?? "",
      reason: e.reason,
      type: e.type,
      kind: e.involvedObject.kind ?? "",
      objectName: e.involvedObject.name ?? "",
      message: e.message,
      count: e.count,
      firstSeen: prev?.firstSeen ?? this.cluster.now(),
    });
  }

  /** Logs disappear with their pod: keep the last text of each container when a pod ends or goes. */
  private saveLogs(pod: Pod, deleted: boolean): void {
    const phase = pod.status?.phase;
    if (!deleted && phase !== "Succeeded" && phase !== "Failed") return;
    const byContainer = new Map<string, string>();
    for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const text = this.cluster.logText(pod, c.name);
      byContainer.set(c.name, text || this.savedLogs.get(pod.metadata.uid!)?.get(c.name) || "");
    }
    this.savedLogs.set(pod.metadata.uid!, byContainer);
  }

  /** Every object of a kind ever seen (current or gone), oldest first. */
  all(kind: string, namespace?: string): History[] {
    const out: History[] = [];
    for (const h of this.histories.values())
      if (h.kind === kind && (namespace === undefined || h.namespace === namespace)) out.push(h);
    return out;
  }

  /** The histories of objects that had this name, oldest first. */
  named(kind: string, namespace: string, name: string): History[] {
    return (this.byName.get(`${kind}/${namespace}/${name}`) ?? []).map((u) =>
      this.histories.get(u)!,
    );
  }

  /** The most recent object with this name (the current one if it exists). */
  latest(kind: string, namespace: string, name: string): History | undefined {
    const list = this.named(kind, namespace, name);
    return list[list.length - 1];
  }

  /** Objects that name `ownerUid` among their owners. */
  ownedBy(kind: string, ownerUid: string): History[] {
    return this.all(kind).filter((h) =>
      h.versions.some((v) => v.obj?.metadata.ownerReferences?.some((r) => r.uid === ownerUid)),
    );
  }

  events(): EventFact[] {
    return [...this.eventFacts.values()];
  }

  /** A container's log text: live while the pod exists, else what was saved when it went. */
  logs(pod: Pod, container: string): string {
    const live = this.cluster.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name!);
    if (live && live.metadata.uid === pod.metadata.uid) {
      const text = this.cluster.logText(live, container);
      if (text) return text;
    }
    return this.savedLogs.get(pod.metadata.uid!)?.get(container) ?? "";
  }
}

/** The last version of a history that still existed. */
export function lastSeen(h: History): KubeObject | undefined {
  for (let i = h.versions.length - 1; i >= 0; i--) if (h.versions[i].obj) return h.versions[i].obj;
  return undefined;
}

/** Whether the object still exists (its last version is not a deletion). */
export function exists(h: History): boolean {
  return h.versions.length > 0 && h.versions[h.versions.length - 1].obj !== undefined;
}

/** When the object first appeared. */
export function createdAt(h: History): number {
  return h.versions[0]?.t ?? 0;
}
