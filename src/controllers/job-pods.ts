import type { Job, Pod } from "../api/types.ts";
import { clone } from "../api/store.ts";
import { INDEX_LABEL, TRACKING_FINALIZER } from "./job-util.ts";

/** The pod the Job controller creates from its template (spec §1.3). */
export function podFromTemplate(job: Job, index?: number): Pod {
  const t = job.spec.template;
  const name = job.metadata.name!;
  const labels = { ...(t.metadata?.labels ?? {}) };
  const annotations = { ...(t.metadata?.annotations ?? {}) };
  const spec = clone(t.spec);
  let generateName = `${name}-`;
  if (index !== undefined) {
    labels[INDEX_LABEL] = String(index);
    annotations[INDEX_LABEL] = String(index);
    const suffix = `-${index}-`;
    generateName = name.slice(0, Math.max(0, 58 - suffix.length)) + suffix;
    spec.hostname = `${name}-${index}`;
    if (job.spec.backoffLimitPerIndex !== undefined)
      annotations["batch.kubernetes.io/job-index-failure-count"] ??= "0";
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      if (c.env?.some((e) => e.name === "JOB_COMPLETION_INDEX")) continue;
      (c.env ??= []).push({
        name: "JOB_COMPLETION_INDEX",
        valueFrom: {
          fieldRef: { apiVersion: "v1", fieldPath: `metadata.labels['${INDEX_LABEL}']` },
        },
      });
    }
  }
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          name,
          uid: job.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      finalizers: [TRACKING_FINALIZER],
    },
    spec,
  };
  if (Object.keys(annotations).length) pod.metadata.annotations = annotations;
  return pod;
}
