import { ms, type Millis } from "./time.ts";

/** A timed callback in the event queue. `label` names it for debugging and "next event" UIs. */
export interface TimedEvent {
  readonly at: Millis;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

export interface Timer {
  readonly at: Millis;
  cancel(): void;
}

/**
 * The virtual clock: a priority queue of timed events (binary heap ordered by time, then by
 * insertion order so ties are deterministic). Time only moves by jumping to the next event.
 */
export class Clock {
  private current: Millis;
  private heap: TimedEvent[] = [];
  private seq = 0;
  private live = 0;
  /** Events processed since creation (for benchmarks and limits). */
  processed = 0;

  constructor(start: Millis) {
    this.current = start;
  }

  now(): Millis {
    return this.current;
  }

  /** Schedule `run` at `at` (clamped to now: the past is not reachable). */
  at(at: number, label: string, run: () => void): Timer {
    const ev: TimedEvent = {
      at: ms(Math.max(at, this.current)),
      seq: this.seq++,
      label,
      run,
      cancelled: false,
    };
    this.push(ev);
    this.live++;
    return {
      at: ev.at,
      cancel: () => {
        if (!ev.cancelled) {
          ev.cancelled = true;
          this.live--;
        }
      },
    };
  }

  after(delay: number, label: string, run: () => void): Timer {
    return this.at(this.current + delay, label, run);
  }

  /** Number of pending (not cancelled) events. */
  pending(): number {
    return this.live;
  }

  /** Time of the next pending event, or undefined when the queue is empty. */
  peek(): Millis | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Label of the next pending event. */
  peekLabel(): string | undefined {
    this.dropCancelled();
    return this.heap[0]?.label;
  }

  /** Run the next event (jumping the clock to it). Returns false when there is none. */
  step(): boolean {
    this.dropCancelled();
    const ev = this.pop();
    if (!ev) return false;
    this.live--;
    this.current = ev.at;
    this.processed++;
    ev.run();
    return true;
  }

  /**
   * Run every event due at or before `until`, then set the clock to `until`. `limit` bounds the
   * events processed (a runaway simulation stops there, the clock left at the last event run).
   * Returns how many events ran.
   */
  advanceTo(until: number, limit = Infinity): number {
    let n = 0;
    while (n < limit) {
      const next = this.peek();
      if (next === undefined || next > until) break;
      this.step();
      n++;
    }
    const next = this.peek();
    if (until > this.current && (next === undefined || next > until)) this.current = ms(until);
    return n;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private less(a: TimedEvent, b: TimedEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(ev: TimedEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): TimedEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
