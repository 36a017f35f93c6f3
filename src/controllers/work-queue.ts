import type { Clock, Timer } from "../sim/clock.ts";

/**
 * client-go's delaying work queue on the virtual clock: a key is processed at most once per due
 * time; adding a key that is already due sooner does nothing (AddAfter semantics).
 */
export class WorkQueue {
  private due = new Map<string, Timer>();

  constructor(
    private readonly clock: Clock,
    private readonly label: string,
    private readonly reconcile: (key: string) => void,
  ) {}

  add(key: string, delayMs = 0): void {
    const at = this.clock.now() + Math.max(0, delayMs);
    const existing = this.due.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    this.due.set(
      key,
      this.clock.at(
        at,
        this.label,
        () => {
          this.due.delete(key);
          this.reconcile(key);
        },
        key,
      ),
    );
  }

  /** When `key` is next due, if queued. */
  dueAt(key: string): number | undefined {
    return this.due.get(key)?.at;
  }

  forget(key: string): void {
    this.due.get(key)?.cancel();
    this.due.delete(key);
  }
}

export const objectKey = (namespace: string | undefined, name: string) =>
  `${namespace ?? ""}/${name}`;

export function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
