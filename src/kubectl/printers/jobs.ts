import type { Container, Job, JobCondition } from "../../api/types.ts";
import { age, humanDuration, instant } from "./human-duration.ts";
import { formatLabelSelector } from "./labels.ts";
import type { Column, Table } from "./table.ts";

/** `kubectl get jobs` rows: printers.go printJob (release-1.34), spec §7.1. */

export const JOB_COLUMNS: Column[] = [
  { name: "Name" },
  { name: "Status" },
  { name: "Completions" },
  { name: "Duration" },
  { name: "Age" },
  { name: "Containers", wide: true },
  { name: "Images", wide: true },
  { name: "Selector", wide: true },
];

const hasCondition = (conds: JobCondition[] | undefined, type: string): boolean =>
  (conds ?? []).some((c) => c.type === type && c.status === "True");

/**
 * STATUS, first match: Complete → Failed → Terminating → Suspended → FailureTarget → Running.
 * `SuccessCriteriaMet` has no value of its own (a Job waiting on terminating pods shows Running).
 */
export function jobStatus(job: Job): string {
  const conds = job.status?.conditions;
  if (hasCondition(conds, "Complete")) return "Complete";
  if (hasCondition(conds, "Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (hasCondition(conds, "Suspended")) return "Suspended";
  if (hasCondition(conds, "FailureTarget")) return "FailureTarget";
  return "Running";
}

/** COMPLETIONS: `3/5`; work-queue Jobs (no completions) `1/1 of 3` when parallelism > 1. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: empty before startTime; frozen at completionTime; otherwise still counting (even when Failed). */
export function jobDuration(job: Job, now: number): string {
  const start = instant(job.status?.startTime);
  if (start === undefined) return "";
  const end = instant(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

/** `layoutContainerCells`: names and images comma-joined, in spec order. */
export function containerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(","), containers.map((c) => c.image ?? "").join(",")];
}

export function jobTable(jobs: readonly Job[], now: number): Table {
  return {
    columns: JOB_COLUMNS,
    rows: jobs.map((job) => ({
      object: job,
      cells: [
        job.metadata.name ?? "",
        jobStatus(job),
        jobCompletions(job),
        jobDuration(job, now),
        age(job.metadata.creationTimestamp, now),
        ...containerCells(job.spec.template.spec.containers),
        formatLabelSelector(job.spec.selector),
      ],
    })),
  };
}
