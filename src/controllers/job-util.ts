import type { Job, JobCondition, Pod } from "../api/types.ts";

export const TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const INDEX_LABEL = "batch.kubernetes.io/job-completion-index";

export function condition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === "True");
}

/** Finished = Complete=True or Failed=True; nothing else counts (spec §0). */
export function isFinished(job: Job): boolean {
  return !!(condition(job, "Complete") ?? condition(job, "Failed"));
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** Active = not finished and not being deleted. */
export function isActive(pod: Pod): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

export function podIndex(pod: Pod): number | undefined {
  const v = pod.metadata.labels?.[INDEX_LABEL] ?? pod.metadata.annotations?.[INDEX_LABEL];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Interval strings of `completedIndexes` (spec §2.10): `0-2`, `1,3,5`, `0,1`. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(",");
}

export function parseIndexes(s: string | undefined, limit = Infinity): Set<number> {
  const out = new Set<number>();
  if (!s) return out;
  for (const part of s.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    for (let i = a; i <= b && i < limit; i++) out.add(i);
  }
  return out;
}

/** When did a failed pod finish (spec §2.5): latest container finishedAt, else Ready=False time, else deletion, else creation. */
export function failureTime(pod: Pod): number {
  let latest = -Infinity;
  for (const cs of [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ]) {
    const f = cs.state.terminated?.finishedAt;
    if (f) latest = Math.max(latest, Date.parse(f));
  }
  if (latest > -Infinity) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready" && c.status === "False");
  if (ready?.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (pod.metadata.deletionTimestamp)
    return (
      Date.parse(pod.metadata.deletionTimestamp) -
      (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000
    );
  return Date.parse(pod.metadata.creationTimestamp!);
}

/** Pod-creation back-off after n consecutive failures: 10 s × 2^(n-1), cap 10 min (spec §2.5). */
export function creationBackoff(n: number): number {
  if (n <= 0) return 0;
  return Math.min(10_000 * 2 ** (n - 1), 600_000);
}

export function restartCountSum(pod: Pod): number {
  let n = 0;
  for (const cs of [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ])
    n += cs.restartCount;
  return n;
}
