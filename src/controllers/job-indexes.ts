import type { Job, Pod, SuccessPolicyRule } from "../api/types.ts";
import { failureTime, isTerminal, parseIndexes, podIndex } from "./job-util.ts";

/** Pod annotations of Jobs with `backoffLimitPerIndex` (spec §1.3). */
export const INDEX_FAILURE_COUNT = "batch.kubernetes.io/job-index-failure-count";
export const INDEX_IGNORED_FAILURE_COUNT = "batch.kubernetes.io/job-index-ignored-failure-count";

function annotationInt(pod: Pod, key: string): number {
  const v = pod.metadata.annotations?.[key];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

export const indexFailureCount = (pod: Pod) => annotationInt(pod, INDEX_FAILURE_COUNT);
export const indexIgnoredFailureCount = (pod: Pod) =>
  annotationInt(pod, INDEX_IGNORED_FAILURE_COUNT);

/**
 * The latest failed pod of each index (indexed_job_utils.go getNewIndexFailureCounts reads the
 * counts off it): the one with the highest failure count, ties by finish time.
 */
export function lastFailedPerIndex(pods: Pod[]): Map<number, Pod> {
  const out = new Map<number, Pod>();
  for (const p of pods) {
    const failed =
      p.status?.phase === "Failed" ||
      (p.metadata.deletionTimestamp !== undefined && !isTerminal(p));
    if (!failed) continue;
    const i = podIndex(p);
    if (i === undefined) continue;
    const prev = out.get(i);
    const total = (x: Pod) => indexFailureCount(x) + indexIgnoredFailureCount(x);
    if (
      !prev ||
      total(p) > total(prev) ||
      (total(p) === total(prev) && failureTime(p) > failureTime(prev))
    )
      out.set(i, p);
  }
  return out;
}

/** Failure counts a replacement pod for an index carries, given how its predecessor failed. */
export interface IndexCounts {
  failures: number;
  ignored: number;
}

/**
 * Success policy (spec §2.7): rules in order; `succeededIndexes` only → all listed indexes
 * succeeded; `succeededCount` only → that many succeeded; both → that many within the set.
 * Returns the `Matched rules at index <i>` message of the first matching rule.
 */
export function matchSuccessPolicy(
  rules: SuccessPolicyRule[] | undefined,
  completions: number,
  succeeded: Set<number>,
): string | undefined {
  for (const [i, rule] of (rules ?? []).entries()) {
    let hit: boolean;
    if (rule.succeededIndexes !== undefined) {
      const want = parseIndexes(rule.succeededIndexes, completions);
      let n = 0;
      for (const x of want) if (succeeded.has(x)) n++;
      hit = rule.succeededCount !== undefined ? n >= rule.succeededCount : n === want.size;
    } else hit = rule.succeededCount !== undefined && succeeded.size >= rule.succeededCount;
    if (hit) return `Matched rules at index ${i}`;
  }
  return undefined;
}

export const hasBackoffLimitPerIndex = (job: Job) =>
  job.spec.completionMode === "Indexed" && job.spec.backoffLimitPerIndex !== undefined;
