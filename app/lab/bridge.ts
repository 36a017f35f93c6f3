import type { Cluster } from "../../src/cluster.ts";
import type { CronJob, Job, KubeEvent, Node, Pod } from "../../src/api/types.ts";
import { MAX_MIRRORED_EVENTS, type ClusterMirror } from "../state/mirror.ts";
import type { LabStore } from "../state/store.ts";

const MIRRORED_KINDS = ["Pod", "Job", "CronJob", "Event", "Node"] as const;
type MirroredKind = (typeof MIRRORED_KINDS)[number];

/**
 * While time flows, object lists are written at most this often (wall ms); the clock every frame.
 * At 100× a frame can change hundreds of pods: re-rendering the canvas, table and timeline 60
 * times a second costs more than a frame, and nobody reads a pod's status for 16 ms.
 */
export const OBJECTS_EVERY_MS = 100;

const isMirrored = (kind: string): kind is MirroredKind =>
  (MIRRORED_KINDS as readonly string[]).includes(kind);

/** Events sorted by when they last happened (then name, for stable ties), the newest kept. */
function recentEvents(events: readonly KubeEvent[]): KubeEvent[] {
  const sorted = [...events].sort(
    (a, b) =>
      (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : 0) ||
      (a.metadata.name! < b.metadata.name! ? -1 : 1),
  );
  return sorted.slice(-MAX_MIRRORED_EVENTS);
}

/**
 * The one writer of the store's cluster mirror (STYLE.md habit 12). It watches the cluster, notes
 * which kinds changed, and on `publish()` — called once per animation frame and after each
 * command — writes fresh lists for those kinds only, plus the clock. Many store changes within a
 * frame (a 100× step can create dozens of pods) become one store update and one render.
 */
export class ClusterBridge {
  private cluster: Cluster | undefined;
  private unwatch: (() => void) | undefined;
  private dirty = new Set<MirroredKind>();
  private startedAt = 0;
  private objectsAt = -Infinity;

  constructor(private readonly store: LabStore) {}

  /** Mirror `cluster` from now on (replacing any previous one) and publish it at once. */
  attach(cluster: Cluster, startedAt: number): void {
    this.detach();
    this.cluster = cluster;
    this.startedAt = startedAt;
    this.unwatch = cluster.watch((ev) => {
      if (isMirrored(ev.kind)) this.dirty.add(ev.kind);
    });
    for (const k of MIRRORED_KINDS) this.dirty.add(k);
    this.publish();
  }

  detach(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.cluster = undefined;
  }

  /**
   * Write what changed since the last publish; a no-op when nothing did. With `wallNow` (the
   * animation frame's time), changed objects wait until OBJECTS_EVERY_MS has passed since they
   * were last written, and only the clock is written in between; without it, everything at once.
   */
  publish(wallNow?: number): void {
    const cluster = this.cluster;
    if (!cluster) return;
    const prev = this.store.getState().cluster;
    const now = cluster.now();
    const nextEventAt = cluster.nextEventAt();
    const d =
      wallNow !== undefined && wallNow - this.objectsAt < OBJECTS_EVERY_MS
        ? new Set<MirroredKind>()
        : this.dirty;
    if (
      d.size === 0 &&
      prev.now === now &&
      prev.nextEventAt === nextEventAt &&
      prev.startedAt === this.startedAt
    ) {
      return;
    }
    const { store } = cluster;
    const next: ClusterMirror = {
      pods: d.has("Pod") ? store.list<Pod>("Pod") : prev.pods,
      jobs: d.has("Job") ? store.list<Job>("Job") : prev.jobs,
      cronjobs: d.has("CronJob") ? store.list<CronJob>("CronJob") : prev.cronjobs,
      events: d.has("Event") ? recentEvents(store.list<KubeEvent>("Event")) : prev.events,
      nodes: d.has("Node") ? store.list<Node>("Node") : prev.nodes,
      now,
      startedAt: this.startedAt,
      nextEventAt,
      revision: d.size > 0 ? prev.revision + 1 : prev.revision,
    };
    if (d.size > 0) {
      this.dirty = new Set();
      this.objectsAt = wallNow ?? -Infinity;
    }
    this.store.setState({ cluster: next });
  }
}
