/**
 * Commands that keep running in virtual time — `get -w`, `logs -f`, `wait`, `watch` — as
 * processes: they write to their Output as the cluster changes and say when they are done.
 * Who moves time is the caller's choice: the headless runner (and `timeout`) drives the cluster
 * itself; the browser lets its clock loop advance and only polls.
 */
export interface Process {
  /** React to what changed since the last call (time passed, objects written). True when finished. */
  tick(): boolean;
  /** Virtual instant the process must be ticked at even if nothing else happens (a timeout). */
  wakeAt?(): number | undefined;
  /** Stop now (Ctrl+C, `timeout`, a closed pipe): release watches, write any last words. */
  stop(reason: StopReason): void;
  /** Never ends by itself (`get -w`, `watch`): a script must bound it with `timeout`. */
  endless?: boolean;
}

export type StopReason = "interrupt" | "timeout" | "pipe";
