// What the CronJob controller writes (spec §4.5, §4.6): the Job for a scheduled time and the
// CronJob's status after creating it — pure functions, as cronjob-reconcile.ts.
import type { CronJob, CronJobStatus, Job, ObjectReference } from "../api/types.ts";
import {
  SCHEDULED_TIMESTAMP_ANNOTATION,
  formatScheduledTimestamp,
  scheduledJobName,
} from "../cron/index.ts";
import { rfc3339 } from "../sim/time.ts";

/** Step 9 bookkeeping: the created Job joins `active`, its time becomes lastScheduleTime. */
export function withCreated(status: CronJobStatus, job: Job, scheduledTime: number): CronJobStatus {
  return {
    ...status,
    active: [...(status.active ?? []), jobReference(job)],
    lastScheduleTime: rfc3339(scheduledTime),
  };
}

/** ref.GetReference of a Job: what `status.active` lists (spec §4.6). */
export function jobReference(job: Job): ObjectReference {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
}

/**
 * getJobFromTemplate2 (spec §4.5): template labels and annotations, the scheduled-timestamp
 * annotation in the CronJob's zone, a controller reference and a copy of the template's spec.
 */
export function jobFromTemplate(cj: CronJob, scheduledTime: number): Job {
  const t = cj.spec.jobTemplate;
  const job: Job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: scheduledJobName(cj.metadata.name!, scheduledTime),
      namespace: cj.metadata.namespace,
      annotations: {
        ...t.metadata?.annotations,
        [SCHEDULED_TIMESTAMP_ANNOTATION]: formatScheduledTimestamp(scheduledTime, cj.spec.timeZone),
      },
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "CronJob",
          name: cj.metadata.name!,
          uid: cj.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    // Shared, not copied: store objects are frozen and the API server copies what it stores.
    spec: t.spec,
  };
  // copyLabels makes an empty map when the template has none; empty maps are omitted.
  const labels = t.metadata?.labels;
  if (labels !== undefined && Object.keys(labels).length > 0) job.metadata.labels = { ...labels };
  return job;
}

/** Status as the API server stores it: empty `active` and unset times omitted. */
export function normalizeStatus(status: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (status.active?.length) out.active = status.active;
  if (status.lastScheduleTime !== undefined) out.lastScheduleTime = status.lastScheduleTime;
  if (status.lastSuccessfulTime !== undefined) out.lastSuccessfulTime = status.lastSuccessfulTime;
  return out;
}

/** Whether two statuses would serialise the same (the write is skipped otherwise). */
export function sameStatus(a: CronJobStatus, b: CronJobStatus): boolean {
  const x = normalizeStatus(a);
  const y = normalizeStatus(b);
  if (x.lastScheduleTime !== y.lastScheduleTime) return false;
  if (x.lastSuccessfulTime !== y.lastSuccessfulTime) return false;
  const ax = x.active ?? [];
  const ay = y.active ?? [];
  return ax.length === ay.length && ax.every((r, i) => sameRef(r, ay[i]));
}

function sameRef(a: ObjectReference, b: ObjectReference | undefined): boolean {
  return (
    b !== undefined &&
    a.uid === b.uid &&
    a.name === b.name &&
    a.namespace === b.namespace &&
    a.resourceVersion === b.resourceVersion &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion
  );
}
