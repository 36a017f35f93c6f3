import type { KubeObject } from "../../src/api/types.ts";

/**
 * Small facts of Kubernetes the views need, restated here because the UI may not import the
 * controllers (eslint layers). Each cites the spec section it reproduces.
 */

/** The completion index label of Indexed Jobs' pods (spec §1.3). */
export const INDEX_LABEL = "batch.kubernetes.io/job-completion-index";

/** Pod-creation back-off after n consecutive failures: 10 s × 2^(n-1), capped at 10 min (§2.5). */
export function creationBackoffMs(n: number): number {
  if (n <= 0) return 0;
  return Math.min(10_000 * 2 ** (n - 1), 600_000);
}

/** The uid of the controller owner of a kind (how the garbage collector sees ownership). */
export function ownerUid(o: KubeObject, kind: string): string | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind)?.uid;
}

/** kubernetes.io reference anchors for the fields the "why" panel cites. */
const JOB_DOC = "https://kubernetes.io/docs/concepts/workloads/controllers/job/";
const CRON_DOC = "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/";
export const FIELD_DOCS: Record<string, string> = {
  parallelism: `${JOB_DOC}#controlling-parallelism`,
  completions: `${JOB_DOC}#parallel-jobs`,
  backoffLimit: `${JOB_DOC}#pod-backoff-failure-policy`,
  "pod back-off": `${JOB_DOC}#pod-backoff-failure-policy`,
  activeDeadlineSeconds: `${JOB_DOC}#job-termination-and-cleanup`,
  suspend: `${JOB_DOC}#suspending-a-job`,
  completionMode: `${JOB_DOC}#completion-mode`,
  backoffLimitPerIndex: `${JOB_DOC}#backoff-limit-per-index`,
  podFailurePolicy: `${JOB_DOC}#pod-failure-policy`,
  ttlSecondsAfterFinished:
    "https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/",
  restartPolicy: `${JOB_DOC}#handling-pod-and-container-failures`,
  podReplacementPolicy: `${JOB_DOC}#pod-replacement-policy`,
  schedule: `${CRON_DOC}#schedule-syntax`,
  concurrencyPolicy: `${CRON_DOC}#concurrency-policy`,
  startingDeadlineSeconds: `${CRON_DOC}#starting-deadline`,
  "cronjob suspend": `${CRON_DOC}#schedule-suspension`,
  timeZone: `${CRON_DOC}#time-zones`,
  successfulJobsHistoryLimit: `${CRON_DOC}#jobs-history-limits`,
  failedJobsHistoryLimit: `${CRON_DOC}#jobs-history-limits`,
  CrashLoopBackOff:
    "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts",
};
