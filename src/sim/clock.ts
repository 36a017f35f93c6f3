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
 * A queued event. It is its own `Timer` handle: no closure or wrapper object per timer (the
 * engine schedules hundreds of thousands of them in a long run).
 */
class QueuedEvent implements TimedEvent, Timer {
  cancelled = false;

  constructor(
    readonly at: Millis,
    readonly seq: number,
    private readonly name: string,
    private readonly detail: string | undefined,
    readonly run: () => void,
    private readonly clock: Clock,
  ) {}

  /** Built on demand: most events are never looked at by name. */
  get label(): string {
    return this.detail === undefined ? this.name : `${this.name} ${this.detail}`;
  }

  cancel(): void {
    if (!this.cancelled) {
      this.cancelled = true;
      this.clock.cancelled();
    }
  }
}

/**
 * The virtual clock: a priority queue of timed events (binary heap ordered by time, then by
 * insertion order so ties are deterministic). Time only moves by jumping to the next event.
 */
export class Clock {
  private current: Millis;
  private heap: QueuedEvent[] = [];
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

  /**
   * Schedule `run` at `at` (clamped to now: the past is not reachable). The event's label is
   * `label`, or `label detail` when a detail is given (joined only when someone asks).
   */
  at(at: number, label: string, run: () => void, detail?: string): Timer {
    const ev = new QueuedEvent(
      ms(at > this.current ? at : this.current),
      this.seq++,
      label,
      detail,
      run,
      this,
    );
    this.push(ev);
    this.live++;
    return ev;
  }

  after(delay: number, label: string, run: () => void, detail?: string): Timer {
    return this.at(this.current + delay, label, run, detail);
  }

  /** A pending event was cancelled (called by its handle). */
  cancelled(): void {
    this.live--;
  }

  /** Number of pending (not cancelled) events. */
  pending(): number {
    return this.live;
  }

  /** Time of the next pending event, or undefined when the queue is empty. */
  peek(): Millis | undefined {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0].at : undefined;
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
    // A handle cancelled after its event ran must not count it twice.
    ev.cancelled = true;
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
    const h = this.heap;
    while (h.length > 0 && h[0].cancelled) this.pop();
  }

  // Sift by moving a hole rather than swapping: the heap is the engine's innermost loop.
  private push(ev: QueuedEvent): void {
    const h = this.heap;
    let i = h.length;
    h.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = h[p];
      if (q.at < ev.at || (q.at === ev.at && q.seq < ev.seq)) break;
      h[i] = q;
      i = p;
    }
    h[i] = ev;
  }

  private pop(): QueuedEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let m = l;
        let c = h[l];
        const r = l + 1;
        if (r < n) {
          const rc = h[r];
          if (rc.at < c.at || (rc.at === c.at && rc.seq < c.seq)) {
            m = r;
            c = rc;
          }
        }
        if (last.at < c.at || (last.at === c.at && last.seq < c.seq)) break;
        h[i] = c;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
