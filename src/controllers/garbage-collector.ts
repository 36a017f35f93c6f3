import type { ApiServer } from "../api/apiserver.ts";
import type { ObjectStore } from "../api/store.ts";
import type { KubeObject } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";

const dependentKinds = ["Pod", "Job"];

/**
 * The garbage collector (spec §2.12, §5): Background deletion removes dependents whose owner is
 * gone; Foreground keeps the owner (finalizer `foregroundDeletion`) until its blocking
 * dependents are gone; Orphan strips the owner reference from dependents.
 */
export class GarbageCollector {
  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {
    store.watch((ev) => {
      const m = ev.object.metadata;
      if (ev.type === "DELETED") {
        // Only an object that owns something has dependents to collect (most deletions are
        // events expiring and finished pods: no timer for those).
        if (dependentKinds.some((k) => this.store.countOwnedBy(k, m.uid!) > 0))
          this.clock.after(0, "gc", () => this.ownerGone(ev.object));
        // A dependent leaving may release an owner that is being deleted in the foreground.
        for (const ref of m.ownerReferences ?? [])
          if (this.store.get(ref.kind, m.namespace, ref.name)?.metadata.deletionTimestamp)
            this.clock.after(0, "gc", () => this.checkForeground(ref.kind, m.namespace, ref.name));
        return;
      }
      if (
        m.deletionTimestamp &&
        m.finalizers?.some((f) => f === "foregroundDeletion" || f === "orphan")
      ) {
        this.clock.after(0, "gc", () => this.processOwner(ev.object.kind, m.namespace, m.name!));
      }
    });
  }

  private dependents(owner: KubeObject): KubeObject[] {
    return dependentKinds.flatMap((k) => this.store.listOwnedBy(k, owner.metadata.uid!));
  }

  private ownerGone(owner: KubeObject): void {
    for (const d of this.dependents(owner)) {
      const live = this.store.get(d.kind, d.metadata.namespace, d.metadata.name!);
      if (!live || live.metadata.deletionTimestamp) continue;
      const alive = (live.metadata.ownerReferences ?? []).some((r) => {
        const o = this.store.get(r.kind, live.metadata.namespace, r.name);
        return o && o.metadata.uid === r.uid;
      });
      if (!alive) this.safeDelete(live, "Background");
    }
  }

  private processOwner(kind: string, ns: string | undefined, name: string): void {
    const owner = this.store.get(kind, ns, name);
    if (!owner?.metadata.deletionTimestamp) return;
    const fins = owner.metadata.finalizers ?? [];
    if (fins.includes("orphan")) {
      for (const d of this.dependents(owner)) {
        this.store.patchMeta(d.kind, d.metadata.namespace, d.metadata.name!, (m) => {
          m.ownerReferences = m.ownerReferences?.filter((r) => r.uid !== owner.metadata.uid);
          if (m.ownerReferences?.length === 0) delete m.ownerReferences;
        });
      }
      this.dropFinalizer(owner, "orphan");
      return;
    }
    if (fins.includes("foregroundDeletion")) {
      for (const d of this.dependents(owner))
        if (!d.metadata.deletionTimestamp) this.safeDelete(d, "Foreground");
      this.checkForeground(kind, ns, name);
    }
  }

  private checkForeground(kind: string, ns: string | undefined, name: string): void {
    const owner = this.store.get(kind, ns, name);
    if (
      !owner?.metadata.deletionTimestamp ||
      !owner.metadata.finalizers?.includes("foregroundDeletion")
    )
      return;
    const blocking = this.dependents(owner).filter((d) =>
      d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
    if (blocking.length === 0) this.dropFinalizer(owner, "foregroundDeletion");
  }

  private dropFinalizer(obj: KubeObject, f: string): void {
    this.store.patchMeta(obj.kind, obj.metadata.namespace, obj.metadata.name!, (m) => {
      m.finalizers = m.finalizers?.filter((x) => x !== f);
      if (m.finalizers?.length === 0) delete m.finalizers;
    });
  }

  private safeDelete(obj: KubeObject, propagationPolicy: "Background" | "Foreground"): void {
    try {
      this.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name!, { propagationPolicy });
    } catch {
      // already gone: nothing to collect
    }
  }
}
