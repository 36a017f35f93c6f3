import type { Clock } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";
import { clone, type ObjectStore } from "./store.ts";
import type { KubeEvent, KubeObject } from "./types.ts";

/** Events live for one hour after their last occurrence (kube-apiserver `--event-ttl` default). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * client-go's event recorder, reduced to what a learner can observe: events are objects in the
 * store (`kubectl get events`), identical events on the same object are aggregated into one whose
 * `count` grows, and events expire an hour after they last happened.
 */
export class EventRecorder {
  /**
   * Aggregation (client-go's key: object uid, type, reason, message, source) without building a
   * key string per occurrence: object uid → message → the events aggregated under it (more than
   * one only when type, reason or source differ). A 10,000-pod Job keeps 50,000 of these.
   */
  private byObject = new Map<string, Map<string, Aggregate | Aggregate[]>>();
  private seq = 0;
  /** Expiry FIFO (due time, aggregate), consumed from `expiryHead`. */
  private expiryAt: number[] = [];
  private expiryOf: Aggregate[] = [];
  private expiryHead = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {}

  record(
    obj: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: EventSource,
  ): void {
    const m = obj.metadata;
    const ns = m.namespace ?? "default";
    const uid = m.uid ?? "";
    const host = source.host ?? "";
    const nowMs = this.clock.now();
    const now = rfc3339(nowMs);
    let byMessage = this.byObject.get(uid);
    const agg = byMessage?.get(message);
    const found =
      agg === undefined
        ? undefined
        : Array.isArray(agg)
          ? agg.find((a) => a.matches(type, reason, source.component, host))
          : agg.matches(type, reason, source.component, host)
            ? agg
            : undefined;
    const existing = found ? this.store.get<KubeEvent>("Event", ns, found.name) : undefined;
    if (found && existing) {
      const next = clone(existing);
      next.count += 1;
      next.lastTimestamp = now;
      this.store.update(next);
      found.lastTimestamp = now;
      found.lastAt = wholeSecond(nowMs);
      this.scheduleExpiry(found);
      return;
    }
    // Names follow client-go: "<object>.<hex of UnixNano>"; the sequence keeps same-instant events apart.
    const name = `${m.name}.${nanosHex(nowMs, this.seq++ % 1_000_000)}`;
    const ev: KubeEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: m.name,
        namespace: m.namespace,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
      },
      reason,
      message,
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: host,
    };
    this.store.create(ev, true);
    // A new aggregate (also when the event it names was deleted meanwhile: the old one's
    // pending expiry then finds no event and does nothing, as before).
    const fresh = new Aggregate(uid, type, reason, message, source.component, host, ns, name);
    fresh.lastTimestamp = now;
    fresh.lastAt = wholeSecond(nowMs);
    if (!byMessage)
      this.byObject.set(uid, (byMessage = new Map<string, Aggregate | Aggregate[]>()));
    if (agg === undefined) byMessage.set(message, fresh);
    else {
      const list = Array.isArray(agg) ? agg.filter((a) => a !== found) : agg === found ? [] : [agg];
      list.push(fresh);
      byMessage.set(message, list.length === 1 ? list[0] : list);
    }
    this.scheduleExpiry(fresh);
  }

  /**
   * Expiries are due in the order they were armed (the TTL is constant and time only moves
   * forward), so they wait in a FIFO behind one clock timer instead of one timer per event:
   * a 10,000-pod Job records 50,000 events, and a timer each made every clock operation slower.
   */
  private scheduleExpiry(agg: Aggregate): void {
    this.expiryAt.push(this.clock.now() + EVENT_TTL_MS);
    this.expiryOf.push(agg);
    if (this.expiryAt.length - this.expiryHead === 1) this.armSweep();
  }

  private armSweep(): void {
    if (this.expiryHead >= this.expiryAt.length) return;
    this.clock.at(this.expiryAt[this.expiryHead], "event-ttl", () => this.sweep());
  }

  private sweep(): void {
    const now = this.clock.now();
    while (this.expiryHead < this.expiryAt.length && this.expiryAt[this.expiryHead] <= now) {
      const agg = this.expiryOf[this.expiryHead];
      this.expiryOf[this.expiryHead++] = undefined as unknown as Aggregate;
      const ev = this.store.get<KubeEvent>("Event", agg.ns, agg.name);
      if (!ev) continue;
      // A later occurrence re-armed it. (The recorder's own timestamp saves a parse, unless
      // someone else rewrote the event.)
      const last =
        ev.lastTimestamp === agg.lastTimestamp ? agg.lastAt : Date.parse(ev.lastTimestamp);
      if (last + EVENT_TTL_MS > now) continue;
      this.store.delete("Event", agg.ns, agg.name);
      this.forget(agg);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiryAt.length) {
      this.expiryAt = this.expiryAt.slice(this.expiryHead);
      this.expiryOf = this.expiryOf.slice(this.expiryHead);
      this.expiryHead = 0;
    }
    this.armSweep();
  }

  /** Drop an expired aggregate (unless a newer one has taken its place). */
  private forget(agg: Aggregate): void {
    const byMessage = this.byObject.get(agg.uid);
    const cur = byMessage?.get(agg.message);
    if (!byMessage || cur === undefined) return;
    if (cur === agg) byMessage.delete(agg.message);
    else if (Array.isArray(cur) && cur.includes(agg)) {
      const rest = cur.filter((a) => a !== agg);
      byMessage.set(agg.message, rest.length === 1 ? rest[0] : rest);
    } else return;
    if (byMessage.size === 0) this.byObject.delete(agg.uid);
  }
}

/** `Date.parse(rfc3339(t))`: event timestamps have whole seconds. */
const wholeSecond = (t: number) => Math.floor(t / 1000) * 1000;

/** One aggregated event: its key fields, its Event's name, and when it last happened. */
class Aggregate {
  lastTimestamp = "";
  lastAt = 0;

  constructor(
    readonly uid: string,
    readonly type: string,
    readonly reason: string,
    readonly message: string,
    readonly component: string,
    readonly host: string,
    readonly ns: string,
    readonly name: string,
  ) {}

  matches(type: string, reason: string, component: string, host: string): boolean {
    return (
      this.type === type &&
      this.reason === reason &&
      this.component === component &&
      this.host === host
    );
  }
}

const TWO_32 = 2 ** 32;

/**
 * Hex of `ms × 10⁶ + extra` (a UnixNano timestamp) without BigInt: the product exceeds 2^53, so
 * it is computed in two 32-bit halves (ms < 2^42, so every partial product stays exact).
 */
export function nanosHex(ms: number, extra: number): string {
  const hiMs = Math.floor(ms / TWO_32);
  const lo = (ms % TWO_32) * 1_000_000 + extra;
  const carry = Math.floor(lo / TWO_32);
  const hi = hiMs * 1_000_000 + carry;
  const lo32 = (lo % TWO_32).toString(16);
  return hi > 0 ? hi.toString(16) + lo32.padStart(8, "0") : lo32;
}
