import type { JobCondition, JobStatus } from "../api/types.ts";

/** A finishing condition decided by one sync (spec §2.2 step 5, §2.8). */
export interface Finish {
  type: "SuccessCriteriaMet" | "FailureTarget";
  reason: string;
  message: string;
}

/** Messages of the failure reasons (spec §2.11). */
export const failureMessages = {
  BackoffLimitExceeded: "Job has reached the specified backoff limit",
  DeadlineExceeded: "Job was active longer than specified deadline",
  MaxFailedIndexesExceeded: "Job has exceeded the specified maximal number of failed indexes",
  FailedIndexes: "Job has failed indexes",
} as const;

export const COMPLETIONS_REACHED: Finish = {
  type: "SuccessCriteriaMet",
  reason: "CompletionsReached",
  message: "Reached expected number of succeeded pods",
};

export function failure(reason: keyof typeof failureMessages): Finish {
  return { type: "FailureTarget", reason, message: failureMessages[reason] };
}

/**
 * Add a condition, or flip an existing one (order of first appearance is kept, spec §2.8);
 * lastProbeTime = lastTransitionTime = the instant it changed.
 */
export function setCondition(
  conds: JobCondition[],
  type: string,
  reason: string,
  message: string,
  now: string,
  status: "True" | "False" = "True",
): void {
  const existing = conds.find((c) => c.type === type);
  if (existing) {
    if (existing.status === status && existing.reason === reason) return;
    Object.assign(existing, {
      status,
      reason,
      message,
      lastProbeTime: now,
      lastTransitionTime: now,
    });
    return;
  }
  conds.push({ type, status, lastProbeTime: now, lastTransitionTime: now, reason, message });
}

/** omitempty rules of batch/v1 JobStatus (spec §2.10): key order as the API server writes it. */
export function serialiseStatus(s: JobStatus, indexed: boolean): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  out.terminating = s.terminating ?? 0;
  if (indexed && s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes) out.failedIndexes = s.failedIndexes;
  out.uncountedTerminatedPods = s.uncountedTerminatedPods ?? {};
  out.ready = s.ready ?? 0;
  return out;
}
