import type { CronJob, Job, KubeEvent, KubeObject, Node, Pod } from "../../src/api/types.ts";

/** One version of an object as the watch stream delivered it; `obj` undefined = deleted. */
export interface Version<T extends KubeObject = KubeObject> {
  t: number;
  obj: T | undefined;
}

export interface ObjectHistory<T extends KubeObject = KubeObject> {
  uid: string;
  kind: string;
  name: string;
  namespace: string;
  versions: Version<T>[];
}

/** One occurrence of an event (an aggregated Event whose count grew is one more occurrence). */
export interface EventOccurrence {
  t: number;
  type: string;
  reason: string;
  message: string;
  kind: string;
  name: string;
  uid: string;
  namespace: string;
}

/** What the recorder reads: a store watch event (src/api/store.ts WatchEvent, structurally). */
export interface WatchLike {
  type: "ADDED" | "MODIFIED" | "DELETED";
  kind: string;
  object: KubeObject;
}

const RECORDED = new Set(["Pod", "Job", "CronJob", "Node"]);

/**
 * Versions kept at most; past it, the histories of the longest-gone objects are dropped. About
 * 1.3 KB each with their events (3000 CronJob runs: 30,000 versions, +39 MB of heap).
 */
export const MAX_VERSIONS = 30_000;
/** Event occurrences kept at most (the oldest go first). */
export const MAX_OCCURRENCES = 20_000;

/**
 * The cluster's past for the timeline, the scrubber and the "why" panel: every version of every
 * Pod, Job, CronJob and Node with the virtual instant it appeared, and every event occurrence.
 * A pure recorder over the watch stream (the store's objects are frozen, so a version is a shared
 * reference, not a copy). Bounded (habit 7): the longest-deleted objects are forgotten first.
 */
export class VizHistory {
  readonly histories = new Map<string, ObjectHistory>();
  readonly events: EventOccurrence[] = [];
  private byUid = new Map<string, EventOccurrence[]>();
  private counts = new Map<string, number>();
  private versions = 0;
  /** Bumped on every recorded change; memoised views key on it. */
  revision = 0;
  /** Set once something was forgotten to stay within bounds. */
  truncated = false;

  constructor(readonly start: number) {}

  record(ev: WatchLike, t: number): void {
    if (ev.kind === "Event") return this.recordEvent(ev, t);
    if (!RECORDED.has(ev.kind)) return;
    const m = ev.object.metadata;
    const uid = m.uid ?? `${ev.kind}/${m.namespace ?? ""}/${m.name}`;
    let h = this.histories.get(uid);
    if (!h) {
      h = { uid, kind: ev.kind, name: m.name ?? "", namespace: m.namespace ?? "", versions: [] };
      this.histories.set(uid, h);
    }
    const obj = ev.type === "DELETED" ? undefined : ev.object;
    const last = h.versions[h.versions.length - 1];
    // Several writes at one instant: only the last state of that instant matters for the views.
    if (last && last.t === t && last.obj !== undefined) last.obj = obj;
    else {
      h.versions.push({ t, obj });
      this.versions++;
    }
    this.revision++;
    if (this.versions > MAX_VERSIONS) this.forget();
  }

  private recordEvent(ev: WatchLike, t: number): void {
    if (ev.type === "DELETED") return;
    const e = ev.object as KubeEvent;
    const key = `${e.metadata.namespace ?? ""}/${e.metadata.name}`;
    const prev = this.counts.get(key) ?? 0;
    if (e.count <= prev) return;
    this.counts.set(key, e.count);
    this.events.push({
      t,
      type: e.type,
      reason: e.reason,
      message: e.message,
      kind: e.involvedObject.kind ?? "",
      name: e.involvedObject.name ?? "",
      uid: e.involvedObject.uid ?? "",
      namespace: e.involvedObject.namespace ?? "",
    });
    const occ = this.events[this.events.length - 1];
    const list = this.byUid.get(occ.uid);
    if (list) list.push(occ);
    else this.byUid.set(occ.uid, [occ]);
    this.revision++;
    if (this.events.length > MAX_OCCURRENCES) {
      const dropped = this.events.splice(0, this.events.length - MAX_OCCURRENCES);
      for (const d of dropped) {
        const l = this.byUid.get(d.uid);
        if (l && l[0] === d) l.shift();
        if (l?.length === 0) this.byUid.delete(d.uid);
      }
      this.truncated = true;
    }
    if (this.counts.size > MAX_OCCURRENCES) this.counts.clear();
  }

  /** Drop the histories of the objects deleted longest ago until a quarter of the room is free. */
  private forget(): void {
    const gone = [...this.histories.values()]
      .filter((h) => h.versions[h.versions.length - 1]?.obj === undefined)
      .sort((a, b) => a.versions[a.versions.length - 1].t - b.versions[b.versions.length - 1].t);
    for (const h of gone) {
      if (this.versions <= MAX_VERSIONS * 0.75) break;
      this.histories.delete(h.uid);
      this.byUid.delete(h.uid);
      this.versions -= h.versions.length;
    }
    // Everything still exists: thin the oldest versions of each object instead.
    if (this.versions > MAX_VERSIONS * 0.75)
      for (const h of this.histories.values()) {
        if (h.versions.length <= 4) continue;
        const drop = Math.floor(h.versions.length / 2);
        h.versions.splice(1, drop);
        this.versions -= drop;
      }
    this.truncated = true;
  }

  /** Histories of one kind, in the order the objects first appeared. */
  all<T extends KubeObject>(kind: string): ObjectHistory<T>[] {
    const out: ObjectHistory<T>[] = [];
    for (const h of this.histories.values()) if (h.kind === kind) out.push(h as ObjectHistory<T>);
    return out;
  }

  /** Event occurrences about one object (by uid), oldest first. */
  eventsOf(uid: string): readonly EventOccurrence[] {
    return this.byUid.get(uid) ?? [];
  }
}

/** The version of an object at instant `t` (undefined: it did not exist then). */
export function versionAt<T extends KubeObject>(h: ObjectHistory<T>, t: number): T | undefined {
  const v = h.versions;
  let lo = 0;
  let hi = v.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid].t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : v[found].obj;
}

export interface Snapshot {
  pods: Pod[];
  jobs: Job[];
  cronjobs: CronJob[];
  nodes: Node[];
}

/** The cluster as it was at instant `t` (for the scrubber's preview). */
export function snapshotAt(history: VizHistory, t: number): Snapshot {
  const pick = <T extends KubeObject>(kind: string) =>
    history
      .all<T>(kind)
      .map((h) => versionAt(h, t))
      .filter((o): o is T => o !== undefined);
  return {
    pods: pick<Pod>("Pod"),
    jobs: pick<Job>("Job"),
    cronjobs: pick<CronJob>("CronJob"),
    nodes: pick<Node>("Node"),
  };
}

/** What recordCluster needs of a cluster (src/cluster.ts Cluster has it). */
export interface Recordable {
  now(): number;
  watch(fn: (ev: WatchLike) => void): () => void;
  store: { list<T extends KubeObject>(kind: string): T[] };
}

/**
 * Record a cluster's watch stream into a fresh history, starting with what already exists (the
 * nodes the cluster was built with). Returns it and the unsubscribe.
 */
export function recordCluster(cluster: Recordable): { history: VizHistory; stop: () => void } {
  const history = new VizHistory(cluster.now());
  for (const kind of RECORDED)
    for (const object of cluster.store.list(kind))
      history.record({ type: "ADDED", kind, object }, cluster.now());
  const stop = cluster.watch((ev) => history.record(ev, cluster.now()));
  return { history, stop };
}
