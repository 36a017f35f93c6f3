/**
 * Signals sent to a container's PID 1 from outside: the kubelet's SIGTERM when a pod terminates
 * (spec §3.4), or `kill` aimed at the shell itself. Deterministic: a signal is delivered at the
 * virtual instant the kubelet sends it, and the process decides synchronously what it means.
 *
 * Linux gives PID 1 of a PID namespace no default action for a signal it has no handler for, so
 * a program that installed none (busybox `sleep`, `sh` without `trap`, python without
 * `signal.signal`) ignores SIGTERM and dies by SIGKILL at the end of the grace period.
 */

/** Signal numbers the shell knows by name (Linux x86-64); EXIT is the shell's pseudo-signal 0. */
export const SIGNAL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["EXIT", 0],
  ["HUP", 1],
  ["INT", 2],
  ["QUIT", 3],
  ["KILL", 9],
  ["USR1", 10],
  ["USR2", 12],
  ["PIPE", 13],
  ["ALRM", 14],
  ["TERM", 15],
  ["CHLD", 17],
]);

export const SIGTERM = 15;

/** The name of signal `n` (`TERM`), or undefined for a number the shell has no name for. */
export function signalName(n: number): string | undefined {
  for (const [name, num] of SIGNAL_NUMBERS) if (num === n) return name;
  return undefined;
}

/**
 * What a process does with a signal, decided at once:
 *  - ignore: no handler (or `trap '' SIG`): nothing happens;
 *  - pending: the handler runs at the process's next safe point (a shell finishes its foreground
 *    command first);
 *  - wake: the handler must run now: the process is suspended in something the signal
 *    interrupts (the shell's `wait` builtin), so the kubelet resumes it at this instant.
 */
export type SignalDisposition = "ignore" | "pending" | "wake";

export type SignalHandler = (signo: number) => SignalDisposition;

/** The signal line into one container's process (the kubelet holds one per running container). */
export class ProcessSignals {
  private handler: SignalHandler | undefined;

  /** PID 1 installs its handler; the returned function removes it again. */
  install(handler: SignalHandler): () => void {
    const previous = this.handler;
    this.handler = handler;
    return () => {
      if (this.handler === handler) this.handler = previous;
    };
  }

  /** Send `signo` to PID 1; true when the process must be resumed now to handle it. */
  send(signo: number): boolean {
    return (this.handler?.(signo) ?? "ignore") === "wake";
  }
}
