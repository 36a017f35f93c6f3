import { LIMITS } from "../limits.ts";
import type { Effect } from "../types.ts";
import type { Gen } from "./effects.ts";

/**
 * Background jobs (`cmd &`, `wait`, `kill %1`) as green threads on the virtual clock. Each thread
 * is a generator; when it yields `sleep`/`cpu` it is parked until now+ms, and the scheduler tells
 * the kubelet to resume the process at the earliest wake-up of all threads. Ties go to the
 * thread created first (the main script), so interleavings are deterministic. When the main
 * script ends the container ends, and with it its background jobs (they die with PID 1).
 */

interface Thread {
  pid: number;
  gen: Gen<number>;
  wakeAt: number;
  kind: Effect["type"];
  /** Parked in `wait`: for one pid, or for every job ("all"). */
  waiting?: number | "all";
  done: boolean;
  status: number;
}

export class Jobs {
  private threads: Thread[] = [];
  private nextPid = 7;
  /** `$!`. */
  lastPid: number | undefined;
  private readonly now: () => number;
  private main: Thread | undefined;
  /** The signal that interrupted the main script's `wait` (the builtin returns 128+signal). */
  private interruptedBy: number | undefined;

  constructor(now: () => number) {
    this.now = now;
  }

  /** Start a background job; undefined when LIMITS.maxJobs are already running. */
  spawn(gen: Gen<number>): number | undefined {
    if (this.threads.filter((t) => !t.done).length > LIMITS.maxJobs) return undefined;
    if (this.threads.length > 4 * LIMITS.maxJobs) {
      this.threads = this.threads.filter(
        (t) => !t.done || t.pid === 0 || t.pid >= this.nextPid - LIMITS.maxJobs,
      );
    }
    const pid = this.nextPid++;
    this.threads.push({ pid, gen, wakeAt: this.now(), kind: "cpu", done: false, status: 0 });
    this.lastPid = pid;
    return pid;
  }

  /** Exit status of a finished job; undefined while it runs or when the pid is unknown. */
  status(pid: number): number | undefined {
    const t = this.threads.find((x) => x.pid === pid);
    return t?.done ? t.status : undefined;
  }

  has(pid: number): boolean {
    return this.threads.some((x) => x.pid === pid);
  }

  alive(): number[] {
    return this.threads.filter((t) => !t.done && t.pid !== 0).map((t) => t.pid);
  }

  /** `kill PID`: the job ends with 128+signal. */
  kill(pid: number, signal = 15): boolean {
    const t = this.threads.find((x) => x.pid === pid && !x.done);
    if (!t) return false;
    t.done = true;
    t.status = 128 + signal;
    t.gen.return(t.status);
    return true;
  }

  /**
   * A trapped signal arrived: when the main script is parked in `wait`, the wait ends now (POSIX:
   * `wait` returns >128 at once so the trap can run). True when the main script was woken; the
   * caller (the kubelet) must then resume the process at this instant.
   */
  interrupt(signo: number): boolean {
    const m = this.main;
    if (!m || m.done || m.waiting === undefined) return false;
    m.waiting = undefined;
    m.wakeAt = this.now();
    this.interruptedBy = signo;
    return true;
  }

  /** The signal that ended the main script's last `wait` early, once (then undefined). */
  takeInterrupt(): number | undefined {
    const s = this.interruptedBy;
    this.interruptedBy = undefined;
    return s;
  }

  /** Drive the main script and every job until the main script returns. */
  *run(main: Gen<number>): Generator<Effect, number, void> {
    const mainThread: Thread = {
      pid: 0,
      gen: main,
      wakeAt: this.now(),
      kind: "cpu",
      done: false,
      status: 0,
    };
    this.threads.unshift(mainThread);
    this.main = mainThread;
    for (;;) {
      const t = this.pick();
      if (!t) return mainThread.status; // everyone waits on each other: cannot happen, but never spin
      const delay = t.wakeAt - this.now();
      if (delay > 0) {
        yield { type: t.kind, ms: delay };
        // Resumed before t's wake-up: a signal interrupted the main script's `wait` (interrupt()).
        if (this.now() < t.wakeAt) continue;
      }
      t.waiting = undefined;
      const r = t.gen.next();
      if (r.done) {
        t.done = true;
        t.status = r.value;
        if (t === mainThread) return r.value;
        continue;
      }
      const eff = r.value;
      if (eff.type === "wait") {
        t.waiting = eff.pid ?? "all";
        t.wakeAt = this.now();
      } else {
        t.kind = eff.type;
        t.wakeAt = this.now() + eff.ms;
      }
    }
  }

  private runnable(t: Thread): boolean {
    if (t.done) return false;
    if (t.waiting === undefined) return true;
    if (t.waiting === "all") return this.threads.every((o) => o === t || o.pid === 0 || o.done);
    const w = t.waiting;
    return !this.threads.some((o) => o.pid === w && !o.done);
  }

  private pick(): Thread | undefined {
    let best: Thread | undefined;
    for (const t of this.threads) {
      if (this.runnable(t) && (!best || t.wakeAt < best.wakeAt)) best = t;
    }
    return best;
  }
}
