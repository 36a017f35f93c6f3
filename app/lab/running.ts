import type { Cluster } from "../../src/cluster.ts";
import type { RunningCommand } from "../../src/kubectl/session.ts";

/**
 * A terminal command that keeps running while the clock flows (`get -w`, `logs -f`, `wait`,
 * `watch`, `timeout D …`), and the virtual instant it is to be stopped at when known (replay:
 * the instant the learner pressed Ctrl+C).
 */
export interface RunningLine {
  readonly command: RunningCommand;
  until?: number;
}

/** Wake-ups handled per advance at most (habit 7): `watch -n 0.1` for a virtual week is 6M. */
const MAX_WAKEUPS = 100_000;

/** Poll every command still running; returns those that are done now. */
export function pollAll(lines: Iterable<RunningLine>): RunningLine[] {
  const ended: RunningLine[] = [];
  for (const l of lines) if (!l.command.done && l.command.poll()) ended.push(l);
  return ended;
}

/**
 * Advance the cluster to `to` as the clock loop and the replay both do: stopping at each running
 * command's own instant (a `timeout`, the next `watch` frame, a replayed Ctrl+C) to poll it there,
 * so what a command does at such an instant happens at the same virtual time live and in replay.
 * Commands whose `until` is passed are interrupted at it. Returns the lines that ended.
 */
export function advanceRunning(cluster: Cluster, lines: RunningLine[], to: number): RunningLine[] {
  const ended: RunningLine[] = [];
  const live = () => lines.filter((l) => !l.command.done && !ended.includes(l));
  let last: number | undefined;
  for (let n = 0; n < MAX_WAKEUPS; n++) {
    let next = Infinity;
    for (const l of live())
      next = Math.min(next, l.command.wakeAt() ?? Infinity, l.until ?? Infinity);
    // Nothing before `to`; or a wake-up that stays in the past (it would spin; the poll after the
    // advance sees it again).
    if (next >= to || (next === last && next <= cluster.now())) break;
    last = next;
    if (next > cluster.now()) cluster.advanceTo(next);
    ended.push(...pollAll(live()));
    for (const l of live()) {
      if (l.until !== undefined && l.until <= cluster.now()) {
        l.command.interrupt();
        ended.push(l);
      }
    }
  }
  if (to > cluster.now()) cluster.advanceTo(to);
  ended.push(...pollAll(live()));
  return ended;
}

/** The next instant anything happens: a cluster event or a running command's own wake-up. */
export function nextInstant(cluster: Cluster, lines: Iterable<RunningLine>): number | undefined {
  let next = cluster.nextEventAt() ?? Infinity;
  for (const l of lines) if (!l.command.done) next = Math.min(next, l.command.wakeAt() ?? Infinity);
  return next === Infinity ? undefined : next;
}
