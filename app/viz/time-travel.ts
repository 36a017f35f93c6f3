import type { LabInput, ReplayLog } from "../lab/replay.ts";

/**
 * Undo / redo / reset over the replay log (DESIGN.md "The one idea": the state after input k is
 * the replay of inputs 1..k, so no snapshot of the simulator is needed). Pure functions.
 */

/** Lines that only read the cluster: undo skips over them to the last line that changed it. */
const READ_ONLY =
  /^\s*(?:(?:kubectl|k)\s+(?:get|describe|logs|explain|api-resources|api-versions|version|cluster-info|top|config|completion|help|--help|-h)\b|lab\s+(?:fault\s+list|help)\b|(?:date|echo|clear|help|history)\b)/;

export const changesCluster = (input: LabInput): boolean =>
  input.source === "apply" || !READ_ONLY.test(input.line);

export interface Undone {
  /** The inputs taken off the log (oldest first), to put back on redo. */
  inputs: LabInput[];
  /** The time the lab had reached when undo was pressed (redo returns there). */
  now: number;
}

/**
 * The log before its last change: trailing read-only lines and the last changing input go; the
 * clock returns to the instant that input ran. Undefined when there is nothing to undo.
 */
export function undoLog(log: ReplayLog): { log: ReplayLog; undone: Undone } | undefined {
  if (log.overflowed) return undefined;
  const inputs = log.inputs;
  let k = inputs.length - 1;
  while (k >= 0 && !changesCluster(inputs[k])) k--;
  if (k < 0) return undefined;
  return {
    log: { ...log, inputs: inputs.slice(0, k), now: inputs[k].at },
    undone: { inputs: inputs.slice(k), now: log.now },
  };
}

/** The log with undone inputs put back, at the time reached before the undo. */
export function redoLog(log: ReplayLog, undone: Undone): ReplayLog {
  const last = undone.inputs[undone.inputs.length - 1];
  return {
    ...log,
    inputs: [...log.inputs, ...undone.inputs],
    now: Math.max(undone.now, last?.at ?? log.now),
  };
}

/** Back to the start: no inputs, the start instant. */
export function rewindLog(log: ReplayLog): { log: ReplayLog; undone: Undone } | undefined {
  if (log.overflowed || log.inputs.length === 0) return undefined;
  return {
    log: { ...log, inputs: [], now: Date.parse(log.start) },
    undone: { inputs: log.inputs, now: log.now },
  };
}
