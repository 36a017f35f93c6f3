import type { CronJob, Job, KubeEvent, PodTemplateSpec } from "../../api/types.ts";
import { describeContainers, describeVolumes } from "./describe-containers.ts";
import {
  controllerOf,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./describe-meta.ts";
import { type DescribeWriter, tabbed } from "./describe-writer.ts";
import { boolPtr } from "./cronjobs.ts";
import { describeEvents } from "./events.ts";
import { humanDuration, instant, rfc1123z } from "./human-duration.ts";
import { selectorString } from "./labels.ts";

/** `kubectl describe job|cronjob`: describe.go describeJob / describeCronJob (release-1.34), spec §7.3/§7.4. */

/** `DescribePodTemplate`: the `Pod Template:` section of Jobs and CronJobs. */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(0, "Pod Template:\n");
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length)
    printAnnotationsMultiline(w, "  Annotations", annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length)
    describeContainers(w, "Init Containers", spec.initContainers, undefined, undefined, "  ");
  describeContainers(w, "Containers", spec.containers, undefined, undefined, "  ");
  describeVolumes(w, spec.volumes, "  ");
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}

/**
 * `capIndexesListOrNone`: interval lists past `softLimit` characters are cut after the next
 * comma, with `...` appended.
 */
export function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return "<none>";
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ",") ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + "...";
}

export function describeJob(
  job: Job,
  events: readonly KubeEvent[] | undefined,
  now: number,
): string {
  return tabbed((w) => {
    const { spec, metadata: m } = job;
    const st = job.status ?? {};
    w.write(0, `Name:\t${m.name ?? ""}\n`);
    w.write(0, `Namespace:\t${m.namespace ?? ""}\n`);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", m.labels);
    printAnnotationsMultiline(w, "Annotations", m.annotations);
    const controlledBy = controllerOf(job);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(0, `Completions:\t${spec.completions ?? "<unset>"}\n`);
    if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined)
      w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    const start = instant(st.startTime);
    const end = instant(st.completionTime);
    if (start !== undefined && end !== undefined)
      w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
    if (spec.activeDeadlineSeconds !== undefined)
      w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${st.active ?? 0} Active${st.ready === undefined ? "" : ` (${st.ready} Ready)`}`;
    w.write(
      0,
      `Pods Statuses:\t${counts} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`,
    );
    if (spec.completionMode === "Indexed")
      w.write(0, `Completed Indexes:\t${capIndexes(st.completedIndexes)}\n`);
    describePodTemplate(w, spec.template);
    if (events) describeEvents(w, events, now);
  });
}

export function describeCronJob(
  cj: CronJob,
  events: readonly KubeEvent[] | undefined,
  now: number,
): string {
  return tabbed((w) => {
    const { spec, metadata: m } = cj;
    w.write(0, `Name:\t${m.name ?? ""}\n`);
    w.write(0, `Namespace:\t${m.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", m.labels);
    printAnnotationsMultiline(w, "Annotations", m.annotations);
    w.write(0, `Schedule:\t${spec.schedule}\n`);
    w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
    w.write(0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
    w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? "<unset>"}\n`);
    w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? "<unset>"}\n`);
    const sds = spec.startingDeadlineSeconds;
    w.write(0, `Starting Deadline Seconds:\t${sds === undefined ? "<unset>" : `${sds}s`}\n`);
    const jt = spec.jobTemplate.spec;
    w.write(0, `Selector:\t${jt.selector ? selectorString(jt.selector) : "<unset>"}\n`);
    w.write(0, `Parallelism:\t${jt.parallelism ?? "<unset>"}\n`);
    w.write(0, `Completions:\t${jt.completions ?? "<unset>"}\n`);
    if (jt.activeDeadlineSeconds !== undefined)
      w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(w, jt.template);
    const last = cj.status?.lastScheduleTime;
    w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : "<unset>"}\n`);
    const active = cj.status?.active ?? [];
    w.write(0, "Active Jobs:\t");
    w.writeLine(active.length ? active.map((a) => a.name ?? "").join(", ") : "<none>");
    if (events) describeEvents(w, events, now);
  });
}
