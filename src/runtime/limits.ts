import type { Effect, StepBudget } from "./types.ts";

/**
 * Every limit of the container runtime in one place (STYLE.md habit 7). Hitting one is a clear
 * message, never a frozen tab.
 */
export const LIMITS = {
  /** Interpreter steps between two `{type:"cpu", ms: stepCpuMs}` yields. */
  stepBudget: 10_000,
  /** Virtual time one step budget costs (10,000 steps per 100 ms): a slow shell, so a busy loop can be fast-forwarded cheaply. */
  stepCpuMs: 100,
  /** Bytes a process may write to its log (stdout + stderr) before output is dropped. */
  maxOutputBytes: 1024 * 1024,
  /** Bytes a pipe stage or command substitution may buffer before its writer gets SIGPIPE. */
  maxPipeBytes: 1024 * 1024,
  /** Nested shell function calls (and `.`/`eval` levels). */
  maxCallDepth: 100,
  /** Nested `$(…)` / backticks. */
  maxSubstDepth: 16,
  /** Programs started by programs (`sh -c 'sh -c …'`, `env sh`). */
  maxProgramDepth: 16,
  /** Size of a script the shell agrees to parse. */
  maxScriptBytes: 256 * 1024,
  /** Background jobs alive at once in one shell. */
  maxJobs: 64,
  /** The longest single sleep effect (`sleep infinity` is a series of these). ~24.8 days. */
  maxSleepMs: 2 ** 31 - 1,
} as const;

export const CPU_TICK: Effect = { type: "cpu", ms: LIMITS.stepCpuMs };

/** Count `n` steps; yields one cpu effect each time the budget runs out. */
export function* tick(budget: StepBudget, n = 1): Generator<Effect, void, void> {
  budget.steps += n;
  while (budget.steps >= LIMITS.stepBudget) {
    budget.steps -= LIMITS.stepBudget;
    yield CPU_TICK;
  }
}
