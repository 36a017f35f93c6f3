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
  private byKey = new Map<string, string>(); // aggregation key → event name
  private seq = 0;
  private expiries: { at: number; ns: string; name: string; key: string }[] = [];
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
    const key = [m.uid, type, reason, message, source.component, source.host ?? ""].join("\u0000");
    const now = rfc3339(this.clock.now());
    const existingName = this.byKey.get(key);
    const existing = existingName
      ? this.store.get<KubeEvent>("Event", ns, existingName)
      : undefined;
    if (existing) {
      const next = clone(existing);
      next.count += 1;
      next.lastTimestamp = now;
      this.store.update(next);
      this.scheduleExpiry(ns, existing.metadata.name!, key);
      return;
    }
    // Names follow client-go: "<object>.<hex of UnixNano>"; the sequence keeps same-instant events apart.
    const name = `${m.name}.${nanosHex(this.clock.now(), this.seq++ % 1_000_000)}`;
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
      reportingInstance: source.host ?? "",
    };
    this.store.create(ev, true);
    this.byKey.set(key, name);
    this.scheduleExpiry(ns, name, key);
  }

  /**
   * Expiries are due in the order they were armed (the TTL is constant and time only moves
   * forward), so they wait in a FIFO behind one clock timer instead of one timer per event:
   * a 10,000-pod Job records 50,000 events, and a timer each made every clock operation slower.
   */
  private scheduleExpiry(ns: string, name: string, key: string): void {
    this.expiries.push({ at: this.clock.now() + EVENT_TTL_MS, ns, name, key });
    if (this.expiries.length - this.expiryHead === 1) this.armSweep();
  }

  private armSweep(): void {
    const next = this.expiries[this.expiryHead];
    if (!next) return;
    this.clock.at(next.at, "event-ttl", () => this.sweep());
  }

  private sweep(): void {
    const now = this.clock.now();
    while (this.expiryHead < this.expiries.length && this.expiries[this.expiryHead].at <= now) {
      const { ns, name, key } = this.expiries[this.expiryHead++];
      const ev = this.store.get<KubeEvent>("Event", ns, name);
      if (!ev) continue;
      if (Date.parse(ev.lastTimestamp) + EVENT_TTL_MS > now) continue; // a later occurrence re-armed it
      this.store.delete("Event", ns, name);
      if (this.byKey.get(key) === name) this.byKey.delete(key);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiries.length) {
      this.expiries = this.expiries.slice(this.expiryHead);
      this.expiryHead = 0;
    }
    this.armSweep();
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
