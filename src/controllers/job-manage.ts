import type { Job, Pod } from "../api/types.ts";
import {
  hasBackoffLimitPerIndex,
  INDEX_FAILURE_COUNT,
  INDEX_IGNORED_FAILURE_COUNT,
  indexFailureCount,
  indexIgnoredFailureCount,
  lastFailedPerIndex,
} from "./job-indexes.ts";
import { podFromTemplate } from "./job-pods.ts";
import { matchFailurePolicy } from "./pod-failure-policy.ts";
import { creationBackoff, failureTime, isReady, isTerminal, podIndex } from "./job-util.ts";

/** At most this many pods are created or deleted in one sync (spec §2.1). */
export const MAX_POD_CHANGES = 500;

/** What manageJob may do to the world: the controller's writes. */
export interface JobActions {
  createPod(job: Job, pod: Pod): boolean;
  deletePod(job: Job, pod: Pod): boolean;
  requeue(job: Job, delayMs: number): void;
}

export interface SyncState {
  job: Job;
  /** Every pod the Job controls (as read at the start of the sync). */
  pods: Pod[];
  active: Pod[];
  completed: Set<number>;
  failedIndexes: Set<number>;
  succeeded: number;
  backoff: { failuresAfterLastSuccess: number; lastFailureTime: number };
  now: number;
}

/**
 * manageJob (spec §2.4): delete surplus pods or create missing ones. Returns true when pod
 * creation was blocked by the Job-wide creation back-off (the `status.active = 0` quirk).
 */
export function manageJob(act: JobActions, st: SyncState): boolean {
  const { job } = st;
  const spec = job.spec;
  let active = st.active;
  if (spec.suspend) {
    // Suspended: every active pod goes, none is counted (§2.9).
    for (const p of active.slice(0, MAX_POD_CHANGES)) act.deletePod(job, p);
    return false;
  }
  const indexed = spec.completionMode === "Indexed";
  let want: number;
  if (spec.completions !== undefined)
    want = Math.max(0, Math.min(spec.parallelism!, spec.completions - st.succeeded));
  else want = st.succeeded > 0 ? active.length : spec.parallelism!;

  if (indexed) {
    // Pods of completed, failed or out-of-range indexes and duplicates go first (§2.4, §2.7).
    const seen = new Set<number>();
    const keep: Pod[] = [];
    let deleted = 0;
    for (const p of active) {
      const i = podIndex(p);
      const surplus =
        i === undefined ||
        i >= spec.completions! ||
        st.completed.has(i) ||
        st.failedIndexes.has(i) ||
        seen.has(i);
      if (surplus) {
        if (act.deletePod(job, p)) deleted++;
      } else {
        seen.add(i);
        keep.push(p);
      }
    }
    if (deleted > 0) return false;
    active = keep;
  }
  if (active.length > want) {
    // Prefer not-ready over ready, unscheduled over scheduled, pending over running (§2.4).
    const rank = (p: Pod) =>
      !p.spec.nodeName ? 0 : p.status?.phase === "Pending" ? 1 : isReady(p) ? 3 : 2;
    const victims = [...active]
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, Math.min(active.length - want, MAX_POD_CHANGES));
    for (const p of victims) act.deletePod(job, p);
    return false;
  }
  // Terminating pods hold their place only with podReplacementPolicy Failed (§2.4).
  const waitForTerminating = spec.podReplacementPolicy === "Failed" || !!spec.podFailurePolicy;
  const terminating = st.pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p));
  let diff = Math.min(
    want - active.length - (waitForTerminating ? terminating.length : 0),
    MAX_POD_CHANGES,
  );
  if (diff <= 0) return false;

  if (!indexed) {
    const bo = st.backoff;
    const remaining = bo.lastFailureTime + creationBackoff(bo.failuresAfterLastSuccess) - st.now;
    if (bo.failuresAfterLastSuccess > 0 && remaining > 0) {
      act.requeue(job, Math.max(remaining, 1000));
      return true;
    }
    return createInBatches(
      act,
      job,
      Array.from({ length: diff }, () => podFromTemplate(job)),
    );
  }

  // Indexed: the lowest indexes neither succeeded, failed, nor held by a pod (§2.4).
  const held = new Set<number>();
  for (const p of active) held.add(podIndex(p)!);
  if (waitForTerminating) for (const p of terminating) held.add(podIndex(p) ?? -1);
  const perIndex = hasBackoffLimitPerIndex(job);
  const lastFailed = perIndex ? lastFailedPerIndex(st.pods) : new Map<number, Pod>();
  if (!perIndex) {
    const bo = st.backoff;
    const remaining = bo.lastFailureTime + creationBackoff(bo.failuresAfterLastSuccess) - st.now;
    if (bo.failuresAfterLastSuccess > 0 && remaining > 0) {
      act.requeue(job, Math.max(remaining, 1000));
      return true;
    }
  }
  const toCreate: Pod[] = [];
  let soonest = Infinity;
  for (let i = 0; i < spec.completions! && diff > 0; i++) {
    if (st.completed.has(i) || st.failedIndexes.has(i) || held.has(i)) continue;
    let counts: [number, number] | undefined;
    if (perIndex) {
      // Per-index back-off from that index's last failure and its failure count (§2.5).
      const last = lastFailed.get(i);
      counts = replacementCounts(job, last);
      if (last) {
        const readyAt = failureTime(last) + creationBackoff(counts[0] + counts[1]);
        if (readyAt > st.now) {
          soonest = Math.min(soonest, readyAt);
          continue;
        }
      }
    }
    const pod = podFromTemplate(job, i);
    if (counts) {
      const ann = (pod.metadata.annotations ??= {});
      ann[INDEX_FAILURE_COUNT] = String(counts[0]);
      if (counts[1] > 0) ann[INDEX_IGNORED_FAILURE_COUNT] = String(counts[1]);
    }
    toCreate.push(pod);
    diff--;
  }
  if (soonest < Infinity) act.requeue(job, Math.max(soonest - st.now, 1000));
  createInBatches(act, job, toCreate);
  return false;
}

/** Failure counts a replacement pod of an index starts with (indexed_job_utils.go). */
function replacementCounts(job: Job, last: Pod | undefined): [number, number] {
  if (!last) return [0, 0];
  const ignored =
    job.spec.podFailurePolicy !== undefined &&
    matchFailurePolicy(job.spec.podFailurePolicy, last)?.action === "Ignore";
  return ignored
    ? [indexFailureCount(last), indexIgnoredFailureCount(last) + 1]
    : [indexFailureCount(last) + 1, indexIgnoredFailureCount(last)];
}

/**
 * Slow start (spec §2.1): create in batches of 1, 2, 4, … and stop at the first batch with a
 * failure, so a template the API server rejects costs one FailedCreate event, not hundreds.
 */
function createInBatches(act: JobActions, job: Job, pods: Pod[]): boolean {
  let next = 0;
  for (let batch = 1; next < pods.length; batch *= 2) {
    let ok = true;
    for (const p of pods.slice(next, next + batch)) ok = act.createPod(job, p) && ok;
    next += batch;
    if (!ok) break;
  }
  return false;
}
