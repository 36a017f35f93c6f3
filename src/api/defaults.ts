import type { Container, CronJob, Job, Pod, PodSpec, PodTemplateSpec } from "./types.ts";

/**
 * API-server defaulting (pkg/apis/core/v1/defaults.go, pkg/apis/batch/v1/defaults.go), applied on
 * create and update. Functions mutate the copy they are given.
 */

/** `Always` when the image has no tag or the tag is `latest`, else `IfNotPresent`. */
export function defaultPullPolicy(image: string | undefined): "Always" | "IfNotPresent" {
  if (!image) return "IfNotPresent";
  if (image.includes("@")) return "IfNotPresent";
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= {};
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

export function defaultPodTemplate(t: PodTemplateSpec): void {
  t.metadata ??= {};
  // metav1.ObjectMeta in a template serialises an empty creationTimestamp as null.
  if (t.spec) defaultPodSpec(t.spec);
}

/** Defaults the API server gives a bare Pod on create (incl. what admission adds). */
export function defaultPod(pod: Pod): void {
  pod.metadata.namespace ??= "default";
  // The registry starts every pod Pending with its QoS class (pkg/registry/core/pod/strategy.go).
  pod.status ??= { phase: "Pending", qosClass: qosClass(pod.spec) };
  defaultPodSpec(pod.spec);
  // SetDefaults_Pod: a container that sets limits but no requests requests its limits.
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = { ...c.resources!.requests };
    for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
    c.resources!.requests = requests;
  }
  pod.spec.enableServiceLinks ??= true;
  pod.spec.serviceAccountName ??= "default";
  pod.spec.priority ??= 0;
  pod.spec.tolerations ??= [
    {
      effect: "NoExecute",
      key: "node.kubernetes.io/not-ready",
      operator: "Exists",
      tolerationSeconds: 300,
    },
    {
      effect: "NoExecute",
      key: "node.kubernetes.io/unreachable",
      operator: "Exists",
      tolerationSeconds: 300,
    },
  ];
}

/** batch/v1 Job defaults (spec §1.1). Labels and selector are generated in `prepareJobCreate`. */
export function defaultJob(job: Job): void {
  const s = job.spec;
  job.metadata.namespace ??= "default";
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.completionMode ??= "NonIndexed";
  s.backoffLimit ??= s.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  s.suspend ??= false;
  s.manualSelector ??= false;
  s.podReplacementPolicy ??= s.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  if (s.template) defaultPodTemplate(s.template);
}

/**
 * batch/v1 SetDefaults_CronJob (spec §4.1): policy (also when empty), suspend and the two
 * history limits. The job template's pod spec gets the pod defaults; its Job fields do not
 * (they appear on each Job the controller creates).
 */
export function defaultCronJob(cj: CronJob): void {
  const s = (cj.spec ??= {} as CronJob["spec"]);
  cj.metadata.namespace ??= "default";
  if (!s.concurrencyPolicy) s.concurrencyPolicy = "Allow";
  s.suspend ??= false;
  s.successfulJobsHistoryLimit ??= 3;
  s.failedJobsHistoryLimit ??= 1;
  if (s.jobTemplate) {
    s.jobTemplate.metadata ??= {};
    if (s.jobTemplate.spec?.template) defaultPodTemplate(s.jobTemplate.spec.template);
  }
}

/**
 * What the Job registry strategy does on create (spec §1.2): generate the selector from the uid
 * and add the four labels to the template. Needs the uid, so it runs after the store assigned one.
 */
export function generateJobSelector(job: Job): void {
  const uid = job.metadata.uid!;
  const name = job.metadata.name ?? "";
  if (job.spec.manualSelector) return;
  job.spec.template ??= { spec: { containers: [] } };
  job.spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
  const labels = (job.spec.template.metadata ??= {}).labels ?? {};
  labels["batch.kubernetes.io/controller-uid"] ??= uid;
  labels["batch.kubernetes.io/job-name"] ??= name;
  labels["controller-uid"] ??= uid;
  labels["job-name"] ??= name;
  job.spec.template.metadata.labels = labels;
  // Quirk (spec §1.2): a Job without labels shows its template's labels as its own.
  if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0)
    job.metadata.labels = { ...labels };
}

/** QoS class (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function qosClass(spec: PodSpec): "Guaranteed" | "Burstable" | "BestEffort" {
  const cs = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const any = cs.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length ||
      Object.keys(c.resources?.limits ?? {}).length,
  );
  if (!any) return "BestEffort";
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return ["cpu", "memory"].every(
      (k) => l[k] !== undefined && (r[k] === undefined || r[k] === l[k]),
    );
  });
  return guaranteed ? "Guaranteed" : "Burstable";
}
