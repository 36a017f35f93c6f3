import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, BACKOFF_RESET_MS } from "./timing.ts";

/**
 * client-go `flowcontrol.Backoff` as the kubelet uses it for container restarts and image
 * pulls (spec §3.3): the first retry is immediate, then 10 s, 20 s, … capped at 300 s; an entry
 * untouched for 10 minutes is forgotten.
 */
export class Backoff {
  private entries = new Map<string, { delay: number; lastUpdate: number }>();

  /**
   * When may `key` retry, given the failure at `failedAt`? Returns the delay to wait from
   * `failedAt` (0 = at once). A stale entry is dropped here.
   */
  waitFor(key: string, failedAt: number): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    if (failedAt - e.lastUpdate > BACKOFF_RESET_MS) {
      this.entries.delete(key); // it ran long enough: start over
      return 0;
    }
    return e.delay;
  }

  /** A retry happens at `now`: the next wait grows. */
  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e) {
      this.entries.set(key, { delay: BACKOFF_INITIAL_MS, lastUpdate: now });
    } else {
      this.entries.set(key, { delay: Math.min(e.delay * 2, BACKOFF_MAX_MS), lastUpdate: now });
    }
  }

  /** The delay the next wait would use (for the CrashLoopBackOff message). */
  current(key: string): number {
    return this.entries.get(key)?.delay ?? BACKOFF_INITIAL_MS;
  }

  forget(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
