import type { Job, Pod } from "../../src/api/types.ts";
import { age } from "../../src/kubectl/printers/human-duration.ts";
import { jobCompletions, jobStatus } from "../../src/kubectl/printers/jobs.ts";
import { podSummary } from "../../src/kubectl/printers/pods.ts";

/**
 * What the cluster view shows for a Pod or a Job. The STATUS text is exactly kubectl's (the
 * printers in src/kubectl/printers); this file adds the colour family ("tone") each status is
 * drawn in and a glyph, so that status is never told by colour alone.
 */
export type Tone = "pending" | "running" | "succeeded" | "failed" | "warning" | "terminating";

export const TONE_GLYPH: Record<Tone, string> = {
  pending: "◷",
  running: "▶",
  succeeded: "✓",
  failed: "✕",
  warning: "!",
  terminating: "◌",
};

/** Waiting reasons that mean "stuck, needs the learner's attention" rather than "on its way". */
const WARNING = new Set([
  "CrashLoopBackOff",
  "ErrImagePull",
  "ImagePullBackOff",
  "ErrImageNeverPull",
  "InvalidImageName",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
  "PreStartHookError",
  "PostStartHookError",
]);
const PENDING = new Set(["Pending", "ContainerCreating", "PodInitializing", "SchedulingGated"]);
const FAILED = new Set([
  "Error",
  "Failed",
  "OOMKilled",
  "DeadlineExceeded",
  "Evicted",
  "StartError",
  "ContainerCannotRun",
  "ContainerStatusUnknown",
  "BackoffLimitExceeded",
]);

/** The tone of a kubectl pod STATUS (`Init:…` by the reason after the prefix). */
export function statusTone(status: string, phase?: string): Tone {
  const s = status.startsWith("Init:") ? status.slice(5) : status;
  if (status === "Terminating") return "terminating";
  if (s === "Completed") return status.startsWith("Init:") ? "pending" : "succeeded";
  if (s === "Running") return "running";
  if (WARNING.has(s)) return "warning";
  if (FAILED.has(s) || /^(ExitCode|Signal):/.test(s)) return "failed";
  if (PENDING.has(s) || /^\d+\/\d+$/.test(s)) return "pending";
  switch (phase) {
    case "Succeeded":
      return "succeeded";
    case "Failed":
      return "failed";
    case "Running":
      return "running";
    default:
      return "pending";
  }
}

export interface PodView {
  name: string;
  /** kubectl's STATUS column. */
  status: string;
  tone: Tone;
  /** Restart count (the number kubectl prints before "(… ago)"). */
  restarts: number;
  node: string | undefined;
  /** kubectl's AGE column. */
  age: string;
}

export function podView(pod: Pod, now: number): PodView {
  const s = podSummary(pod, now);
  return {
    name: pod.metadata.name ?? "",
    status: s.status,
    tone: statusTone(s.status, pod.status?.phase),
    restarts: Number.parseInt(s.restarts, 10) || 0,
    node: pod.spec.nodeName || undefined,
    age: age(pod.metadata.creationTimestamp, now),
  };
}

export interface JobView {
  name: string;
  /** kubectl's STATUS column: Complete, Failed, Running, Suspended, Terminating, FailureTarget. */
  status: string;
  tone: Tone;
  /** kubectl's COMPLETIONS column, e.g. `3/5`. */
  completions: string;
  succeeded: number;
  /** Successful pods the Job needs (1 for a work-queue Job without `completions`). */
  target: number;
  failed: number;
  /** `spec.backoffLimit` (defaulted to 6 by the API server). */
  backoffLimit: number;
  active: number;
}

const JOB_TONE: Record<string, Tone> = {
  Complete: "succeeded",
  Failed: "failed",
  Terminating: "terminating",
  Suspended: "pending",
  FailureTarget: "failed",
  Running: "running",
};

export function jobView(job: Job): JobView {
  const status = jobStatus(job);
  return {
    name: job.metadata.name ?? "",
    status,
    tone: JOB_TONE[status] ?? "running",
    completions: jobCompletions(job),
    succeeded: job.status?.succeeded ?? 0,
    target: job.spec.completions ?? 1,
    failed: job.status?.failed ?? 0,
    backoffLimit: job.spec.backoffLimit ?? 6,
    active: job.status?.active ?? 0,
  };
}
