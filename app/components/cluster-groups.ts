import type { CronJob, Job, KubeObject, Pod } from "../../src/api/types.ts";

export interface JobGroup {
  job: Job;
  pods: Pod[];
}

export interface CronJobGroup {
  cronjob: CronJob;
  jobs: JobGroup[];
}

export interface ClusterGroups {
  cronjobs: CronJobGroup[];
  /** Jobs no CronJob owns, newest first. */
  jobs: JobGroup[];
  /** Pods no (present) Job owns, oldest first. */
  pods: Pod[];
}

const controllerUid = (o: KubeObject, kind: string): string | undefined =>
  o.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind)?.uid;

const created = (o: KubeObject) => o.metadata.creationTimestamp ?? "";
const byName = (a: KubeObject, b: KubeObject) =>
  (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
const oldestFirst = (a: KubeObject, b: KubeObject) =>
  created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : byName(a, b);
const newestFirst = (a: KubeObject, b: KubeObject) =>
  created(a) > created(b) ? -1 : created(a) < created(b) ? 1 : byName(a, b);

/**
 * Pods under the Job that controls them, Jobs under their CronJob (by controller
 * ownerReference uid, as the garbage collector sees ownership).
 */
export function groupCluster(
  pods: readonly Pod[],
  jobs: readonly Job[],
  cronjobs: readonly CronJob[],
): ClusterGroups {
  const jobGroups = new Map<string, JobGroup>();
  for (const job of [...jobs].sort(newestFirst))
    jobGroups.set(job.metadata.uid ?? "", { job, pods: [] });
  const bare: Pod[] = [];
  for (const pod of [...pods].sort(oldestFirst)) {
    const owner = controllerUid(pod, "Job");
    const g = owner === undefined ? undefined : jobGroups.get(owner);
    if (g) g.pods.push(pod);
    else bare.push(pod);
  }
  const cronGroups = new Map<string, CronJobGroup>();
  for (const cj of [...cronjobs].sort(oldestFirst)) {
    cronGroups.set(cj.metadata.uid ?? "", { cronjob: cj, jobs: [] });
  }
  const looseJobs: JobGroup[] = [];
  for (const g of jobGroups.values()) {
    const owner = controllerUid(g.job, "CronJob");
    const cg = owner === undefined ? undefined : cronGroups.get(owner);
    if (cg) cg.jobs.push(g);
    else looseJobs.push(g);
  }
  return { cronjobs: [...cronGroups.values()], jobs: looseJobs, pods: bare };
}
