import type { Clock } from "../sim/clock.ts";
import type { Rng } from "../sim/rng.ts";
import { rfc3339 } from "../sim/time.ts";
import { alreadyExists, notFound, StatusError } from "./errors.ts";
import { qualifiedPlural, resourceFor } from "./resources.ts";
import type { KubeObject } from "./types.ts";

/** A change to the store, as watchers receive it (tldraw-style diff: the object before and after). */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: "ADDED" | "MODIFIED" | "DELETED";
  kind: string;
  object: T;
  old?: T;
}

export type Watcher = (ev: WatchEvent) => void;

/** The alphabet of apimachinery's `utilrand.String` (spec §1.3): no vowels, no 0/1/3. */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/**
 * Freeze an object and everything below it. Subtrees that are already frozen (shared with the
 * previous version of an object, e.g. a pod's spec when only its status changed) are skipped.
 */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) deepFreeze(o[i]);
    else
      for (const k in o) {
        const v = (o as Record<string, unknown>)[k];
        if (typeof v === "object" && v !== null) deepFreeze(v);
      }
  }
  return o;
}

/**
 * A mutable deep copy of a (frozen) object read from the store. API objects are JSON-shaped
 * (plain objects, arrays, strings, numbers, booleans, null), so a direct recursive copy does;
 * it is several times faster than structuredClone, which dominated the engine's profile.
 */
export function clone<T>(o: T): T {
  return copy(o) as T;
}

function copy(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = typeof x === "object" && x !== null ? copy(x) : x;
  }
  return out;
}

/**
 * `JSON.stringify(a) === JSON.stringify(b)` for JSON-shaped values, without building the
 * strings: key order matters, undefined members are skipped (null in arrays), non-finite numbers
 * read as null. Shared subtrees (frozen, reused across versions) compare by reference at once.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ao = typeof a === "object" && a !== null;
  const bo = typeof b === "object" && b !== null;
  if (!ao || !bo) return !ao && !bo && jsonPrimitive(a) === jsonPrimitive(b);
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const u = x[i] === undefined || typeof x[i] === "function" ? null : x[i];
      const v = y[i] === undefined || typeof y[i] === "function" ? null : y[i];
      if (!jsonEqual(u, v)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xk = Object.keys(x);
  const yk = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xk.length && skipped(x[xk[i]])) i++;
    while (j < yk.length && skipped(y[yk[j]])) j++;
    if (i === xk.length || j === yk.length) return i === xk.length && j === yk.length;
    if (xk[i] !== yk[j] || !jsonEqual(x[xk[i]], y[yk[j]])) return false;
    i++;
    j++;
  }
}

const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/** A primitive as JSON spells it (numbers by value: `1` and `1.0` are one). */
function jsonPrimitive(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return undefined;
  return v;
}

const HEX_CODES = Array.from("0123456789abcdef", (ch) => ch.charCodeAt(0));
const DASH = 45;
/** Scratch buffer of `newUid` (36 characters). */
const UID_CODES: number[] = new Array<number>(36).fill(0);

/**
 * The object store behind the simulated API server: every object frozen, every write bumping
 * `resourceVersion`, uids and name suffixes from the seeded RNG, timestamps from the virtual
 * clock. Writes notify watchers synchronously; watchers must only enqueue work (controllers are
 * level-triggered and read the current state when their sync runs).
 */
export class ObjectStore {
  /** kind → namespace ("" for cluster-scoped) → name → object (no key strings to build per read). */
  private byKind = new Map<string, Map<string, Map<string, KubeObject>>>();
  private counts = new Map<string, number>();
  /** kind → owner uid → keys of objects with that owner (fast "pods of job" lookups). */
  private ownerIndex = new Map<string, Map<string, Map<string, KubeObject>>>();
  private watchers: Watcher[] = [];
  private rv = 1000;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  watch(w: Watcher): () => void {
    this.watchers.push(w);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }

  get<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    return this.byKind
      .get(kind)
      ?.get(namespace ?? "")
      ?.get(name) as T | undefined;
  }

  /** Objects of a kind, sorted by namespace then name (the API server lists in key order). */
  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    const byNs = this.byKind.get(kind);
    if (!byNs) return [];
    const out: T[] = [];
    if (namespace !== undefined) {
      // The "" bucket also holds cluster-scoped objects (namespace unset): not a match for "".
      for (const o of byNs.get(namespace)?.values() ?? [])
        if (o.metadata.namespace === namespace) out.push(o as T);
      return out.sort((a, b) => cmp(a.metadata.name!, b.metadata.name!));
    }
    for (const m of byNs.values()) for (const o of m.values()) out.push(o as T);
    return out.sort(
      (a, b) =>
        cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
        cmp(a.metadata.name!, b.metadata.name!),
    );
  }

  /**
   * Objects of `kind` that name `ownerUid` in their ownerReferences (unsorted: in the order they
   * were last written).
   */
  listOwnedBy<T extends KubeObject>(kind: string, ownerUid: string): T[] {
    const objs = this.ownerIndex.get(kind)?.get(ownerUid);
    return objs ? ([...objs.values()] as T[]) : [];
  }

  /** How many objects of `kind` name `ownerUid` in their ownerReferences (no list built). */
  countOwnedBy(kind: string, ownerUid: string): number {
    return this.ownerIndex.get(kind)?.get(ownerUid)?.size ?? 0;
  }

  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  /**
   * A version-4 uid from the seeded RNG: 8-4-4-4-12 hex digits, "4" and one of "89ab" fixed in
   * place. Built as one string from character codes (every object gets one, events included).
   */
  newUid(): string {
    const c = UID_CODES;
    let i = 0;
    const hex = (n: number) => {
      for (let k = 0; k < n; k++) c[i++] = HEX_CODES[this.rng.int(16)];
    };
    hex(8);
    c[i++] = DASH;
    hex(4);
    c[i++] = DASH;
    c[i++] = HEX_CODES[4];
    hex(3);
    c[i++] = DASH;
    c[i++] = HEX_CODES[8 + this.rng.int(4)];
    hex(3);
    c[i++] = DASH;
    hex(12);
    return String.fromCharCode.apply(null, c);
  }

  /**
   * Create an object (already defaulted and validated). Fills name from generateName, uid,
   * resourceVersion, generation and creationTimestamp. Throws StatusError AlreadyExists.
   * With `owned`, the caller hands over an object it built fresh and will not touch again
   * (an event), so it is frozen in place instead of copied.
   */
  create<T extends KubeObject>(input: T, owned = false): T {
    const obj = owned ? input : clone(input);
    const meta = obj.metadata;
    const rt = resourceFor(obj.kind);
    if (!meta.name && meta.generateName) {
      // apiserver names.SimpleNameGenerator: prefix cut to 58 characters + 5 random ones.
      const prefix =
        meta.generateName.length > 58 ? meta.generateName.slice(0, 58) : meta.generateName;
      do meta.name = prefix + this.rng.string(NAME_ALPHABET, 5);
      while (this.get(obj.kind, meta.namespace, meta.name));
    }
    const name = meta.name!;
    if (this.get(obj.kind, meta.namespace, name)) {
      throw alreadyExists(rt ? qualifiedPlural(rt) : obj.kind, name);
    }
    meta.uid ??= this.newUid();
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp = rfc3339(this.clock.now());
    if ("spec" in obj && obj.kind !== "Pod") meta.generation = 1;
    deepFreeze(obj);
    this.put(obj);
    this.emit({ type: "ADDED", kind: obj.kind, object: obj });
    return obj;
  }

  /**
   * Replace an object's metadata and spec (not its status: that has its own write path).
   * `generation` is bumped when the spec changed. Throws NotFound.
   */
  update<T extends KubeObject>(next: T, owned = false): T {
    const old = this.mustGet<T>(next.kind, next.metadata.namespace, next.metadata.name!);
    // `owned`: the caller built `next` for this write and will not touch it again; it may share
    // frozen subtrees with `old` (deepFreeze skips them), so no copy is needed.
    const obj = (owned ? { ...next } : clone(next)) as T & { spec?: unknown; status?: unknown };
    const oldWithStatus = old as T & { spec?: unknown; status?: unknown };
    // The old status is frozen: the new version can share it.
    if ("status" in oldWithStatus) obj.status = oldWithStatus.status;
    else delete obj.status;
    obj.metadata = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      deletionTimestamp: old.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
      generation: old.metadata.generation,
    };
    if (obj.metadata.generation !== undefined && !jsonEqual(obj.spec, oldWithStatus.spec)) {
      obj.metadata.generation++;
    }
    return this.commit(old, obj);
  }

  /**
   * Write only the status of an object (the `/status` subresource). With `owned`, the caller
   * hands over a status it built fresh and will not touch again, so it is frozen, not copied.
   */
  updateStatus<T extends KubeObject & { status?: unknown }>(next: T, owned = false): T {
    const old = this.mustGet<T>(next.kind, next.metadata.namespace, next.metadata.name!);
    const obj = { ...old, status: owned ? next.status : clone(next.status) } as T;
    return this.commit(old, obj);
  }

  /** Change metadata only (labels, finalizers, ownerReferences) through a mutator on a copy. */
  patchMeta<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    mutate: (m: T["metadata"]) => void,
  ): T | undefined {
    const old = this.get<T>(kind, namespace, name);
    if (!old) return undefined;
    const metadata = clone(old.metadata);
    mutate(metadata);
    const obj = { ...old, metadata } as T;
    return this.commit(old, obj);
  }

  /**
   * Delete. With `gracePeriodSeconds` > 0 (pods on a node) or finalizers present the object is
   * only marked (`deletionTimestamp`) and stays until the kubelet confirms with grace 0 and every
   * finalizer is gone. Returns the object as it now is (marked), or undefined once removed.
   */
  delete<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: { gracePeriodSeconds?: number; finalizers?: string[] } = {},
  ): T | undefined {
    const old = this.mustGet<T>(kind, namespace, name);
    const grace = opts.gracePeriodSeconds ?? 0;
    const meta = old.metadata;
    const finalizers = [
      ...(meta.finalizers ?? []),
      ...(opts.finalizers ?? []).filter((f) => !meta.finalizers?.includes(f)),
    ];
    if (grace <= 0 && finalizers.length === 0) {
      this.remove(old);
      return undefined;
    }
    if (
      meta.deletionTimestamp &&
      (meta.deletionGracePeriodSeconds ?? 0) <= grace &&
      finalizers.length === (meta.finalizers ?? []).length
    ) {
      return old; // already marked with an equal or shorter grace period
    }
    const now = this.clock.now();
    const obj = {
      ...old,
      metadata: {
        ...meta,
        finalizers: finalizers.length ? finalizers : undefined,
        deletionTimestamp:
          meta.deletionTimestamp && (meta.deletionGracePeriodSeconds ?? 0) <= grace
            ? meta.deletionTimestamp
            : rfc3339(now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    } as T;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    return this.commit(old, obj);
  }

  private mustGet<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T {
    const o = this.get<T>(kind, namespace, name);
    if (!o) {
      const rt = resourceFor(kind);
      throw notFound(rt ? qualifiedPlural(rt) : kind, name);
    }
    return o;
  }

  private commit<T extends KubeObject>(old: T, obj: T): T {
    const m = obj.metadata;
    // An object marked for deletion disappears once its finalizers are gone and no grace period is pending.
    if (m.deletionTimestamp && !m.finalizers?.length && !m.deletionGracePeriodSeconds) {
      this.remove(old);
      return obj;
    }
    obj.metadata = { ...m, resourceVersion: String(++this.rv) };
    deepFreeze(obj);
    this.put(obj, old);
    this.emit({ type: "MODIFIED", kind: obj.kind, object: obj, old });
    return obj;
  }

  private put(obj: KubeObject, old?: KubeObject): void {
    let byNs = this.byKind.get(obj.kind);
    if (!byNs) this.byKind.set(obj.kind, (byNs = new Map<string, Map<string, KubeObject>>()));
    const ns = obj.metadata.namespace ?? "";
    let m = byNs.get(ns);
    if (!m) byNs.set(ns, (m = new Map<string, KubeObject>()));
    const name = obj.metadata.name!;
    if (!old) this.counts.set(obj.kind, (this.counts.get(obj.kind) ?? 0) + 1);
    m.set(name, obj);
    if (old) this.unindex(old);
    const refs = obj.metadata.ownerReferences;
    if (!refs) return;
    for (const ref of refs) {
      let byOwner = this.ownerIndex.get(obj.kind);
      if (!byOwner)
        this.ownerIndex.set(obj.kind, (byOwner = new Map<string, Map<string, KubeObject>>()));
      let objs = byOwner.get(ref.uid);
      if (!objs) byOwner.set(ref.uid, (objs = new Map<string, KubeObject>()));
      // Re-inserted, not replaced: owned objects list in the order they were last written.
      objs.set(obj.metadata.uid!, obj);
    }
  }

  private unindex(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences;
    if (!refs) return;
    const byOwner = this.ownerIndex.get(obj.kind);
    for (const ref of refs) {
      const objs = byOwner?.get(ref.uid);
      objs?.delete(obj.metadata.uid!);
      if (objs && objs.size === 0) byOwner!.delete(ref.uid);
    }
  }

  private remove(old: KubeObject): void {
    const m = this.byKind.get(old.kind)?.get(old.metadata.namespace ?? "");
    if (m?.delete(old.metadata.name!)) this.counts.set(old.kind, this.counts.get(old.kind)! - 1);
    this.unindex(old);
    this.emit({ type: "DELETED", kind: old.kind, object: old, old });
  }

  private emit(ev: WatchEvent): void {
    for (const w of this.watchers) w(ev);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { StatusError };
