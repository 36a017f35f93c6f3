import type { ContainerStatus, CronJob, Job, KubeEvent, Pod, PodPhase } from "../../api/types.ts";

/**
 * Objects shaped like the simulator's (spec §1.3, §2.10, §11), for the printer tests. The lab
 * clock starts at 2026-01-05T00:00:00Z; `at(s)` is that instant plus `s` seconds.
 */

export const T0 = Date.parse("2026-01-05T00:00:00Z");
export const at = (s: number): string =>
  new Date(T0 + s * 1000).toISOString().replace(".000Z", "Z");
export const now = (s: number): number => T0 + s * 1000;

export const PI_UID = "5f1c3d2a-8b7e-4c1f-9a0d-2e6b7c8d9e0f";

export function jobLabels(name: string, uid: string): Record<string, string> {
  return {
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": name,
    "controller-uid": uid,
    "job-name": name,
  };
}

interface JobOpts {
  name: string;
  uid?: string;
  created?: number;
  image?: string;
  command?: string[];
  restartPolicy?: "Never" | "OnFailure";
  spec?: Partial<Job["spec"]>;
  status?: Job["status"];
}

/** A Job as the API server stores it after defaulting (spec §1.1, §11). */
export function job(o: JobOpts): Job {
  const uid = o.uid ?? PI_UID;
  const labels = jobLabels(o.name, uid);
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: o.name,
      namespace: "default",
      uid,
      resourceVersion: "1",
      generation: 1,
      creationTimestamp: at(o.created ?? 0),
      labels,
    },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
      suspend: false,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: o.name,
              image: o.image ?? "busybox:1.36",
              command: o.command,
              imagePullPolicy: "IfNotPresent",
              terminationMessagePath: "/dev/termination-log",
              terminationMessagePolicy: "File",
              resources: {},
            },
          ],
          restartPolicy: o.restartPolicy ?? "Never",
          terminationGracePeriodSeconds: 30,
          dnsPolicy: "ClusterFirst",
          schedulerName: "default-scheduler",
          securityContext: {},
        },
      },
      ...o.spec,
    },
    status: o.status ?? { ready: 0, terminating: 0, uncountedTerminatedPods: {} },
  };
}

const cond = (
  type: string,
  reason: string,
  message: string,
  t: string,
): NonNullable<Job["status"]>["conditions"] & object => [
  { type, status: "True", reason, message, lastProbeTime: t, lastTransitionTime: t },
];

/** The docs' pi Job (spec §8.1) after success at 00:00:12 (spec §11). */
export const piJob: Job = job({
  name: "pi",
  image: "perl:5.34.0",
  command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
  spec: { backoffLimit: 4 },
  status: {
    conditions: [
      ...cond(
        "SuccessCriteriaMet",
        "CompletionsReached",
        "Reached expected number of succeeded pods",
        at(12),
      ),
      ...cond(
        "Complete",
        "CompletionsReached",
        "Reached expected number of succeeded pods",
        at(12),
      ),
    ],
    startTime: at(0),
    completionTime: at(12),
    succeeded: 1,
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
});

/** Timeline B of spec §10: backoffLimit 2, three failed pods, FailureTarget then Failed. */
export const failedJob: Job = job({
  name: "fail",
  uid: "0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f",
  command: ["sh", "-c", "exit 1"],
  spec: { backoffLimit: 2 },
  status: {
    conditions: [
      ...cond(
        "FailureTarget",
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit",
        at(35),
      ),
      ...cond(
        "Failed",
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit",
        at(35),
      ),
    ],
    startTime: at(0),
    failed: 3,
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
});

let serial = 0;
function eventName(obj: string, s: number): string {
  // client-go: "<object>.<hex UnixNano>" (a per-instant sequence keeps names apart).
  return `${obj}.${(BigInt(now(s)) * 1_000_000n + BigInt(serial++)).toString(16)}`;
}

interface EventOpts {
  kind: string;
  name: string;
  uid: string;
  reason: string;
  message: string;
  first: number;
  last?: number;
  count?: number;
  type?: "Normal" | "Warning";
  component: string;
  host?: string;
  fieldPath?: string;
}

/** An Event as the lab's EventRecorder writes it (src/api/events.ts). */
export function event(o: EventOpts): KubeEvent {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: eventName(o.name, o.first), namespace: "default" },
    involvedObject: {
      apiVersion: o.kind === "Pod" ? "v1" : "batch/v1",
      kind: o.kind,
      name: o.name,
      namespace: "default",
      uid: o.uid,
      resourceVersion: "1",
      ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}),
    },
    reason: o.reason,
    message: o.message,
    source: o.host ? { component: o.component, host: o.host } : { component: o.component },
    firstTimestamp: at(o.first),
    lastTimestamp: at(o.last ?? o.first),
    count: o.count ?? 1,
    type: o.type ?? "Normal",
    reportingComponent: o.component,
    reportingInstance: o.host ?? "",
  };
}

export const piJobEvents: KubeEvent[] = [
  event({
    kind: "Job",
    name: "pi",
    uid: PI_UID,
    reason: "SuccessfulCreate",
    message: "Created pod: pi-x7k2p",
    first: 0,
    component: "job-controller",
  }),
  event({
    kind: "Job",
    name: "pi",
    uid: PI_UID,
    reason: "Completed",
    message: "Job completed",
    first: 12,
    component: "job-controller",
  }),
];

interface PodOpts {
  name: string;
  job?: Job;
  created?: number;
  phase?: PodPhase;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  ready?: boolean;
  initialized?: boolean;
}

/** A Job pod bound to node-1 (spec §1.3), with the container statuses given. */
export function pod(o: PodOpts): Pod {
  const j = o.job ?? piJob;
  const tpl = j.spec.template;
  const ready = o.ready ?? false;
  const t = at(o.created ?? 0);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: o.name,
      namespace: "default",
      uid: `uid-${o.name}`,
      creationTimestamp: t,
      labels: { ...tpl.metadata!.labels },
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          name: j.metadata.name!,
          uid: j.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      finalizers: ["batch.kubernetes.io/job-tracking"],
    },
    spec: { ...tpl.spec, nodeName: "node-1", serviceAccountName: "default", priority: 0 },
    status: {
      phase: o.phase ?? "Running",
      conditions: [
        {
          type: "PodReadyToStartContainers",
          status: "True",
          lastProbeTime: null,
          lastTransitionTime: t,
        },
        {
          type: "Initialized",
          status: o.initialized === false ? "False" : "True",
          lastProbeTime: null,
          lastTransitionTime: t,
        },
        {
          type: "Ready",
          status: ready ? "True" : "False",
          lastProbeTime: null,
          lastTransitionTime: t,
        },
        {
          type: "ContainersReady",
          status: ready ? "True" : "False",
          lastProbeTime: null,
          lastTransitionTime: t,
        },
        { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: t },
      ],
      hostIP: "172.18.0.2",
      podIP: "10.244.1.5",
      podIPs: [{ ip: "10.244.1.5" }],
      startTime: at((o.created ?? 0) + 1),
      containerStatuses: o.statuses ?? [],
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
      qosClass: "BestEffort",
    },
  };
}

/** A container status; `state`/`lastState` as the kubelet reports them. */
export function cs(
  name: string,
  state: ContainerStatus["state"],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return {
    name,
    state,
    lastState: {},
    ready: false,
    restartCount: 0,
    image: "docker.io/library/busybox:1.36",
    imageID:
      "docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447",
    containerID: `containerd://${name}0123456789abcdef`,
    started: !!state.running,
    ...extra,
  };
}

/** The hello CronJob of spec §8.8, one minute after creation: one Job active. */
export const helloCronJob: CronJob = {
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: {
    name: "hello",
    namespace: "default",
    uid: "c1d2e3f4-0000-4000-8000-000000000001",
    resourceVersion: "3",
    generation: 1,
    creationTimestamp: at(0),
  },
  spec: {
    schedule: "* * * * *",
    concurrencyPolicy: "Allow",
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: {},
      spec: {
        template: {
          metadata: {},
          spec: {
            containers: [
              {
                name: "hello",
                image: "busybox:1.28",
                imagePullPolicy: "IfNotPresent",
                command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"],
                terminationMessagePath: "/dev/termination-log",
                terminationMessagePolicy: "File",
                resources: {},
              },
            ],
            restartPolicy: "OnFailure",
            terminationGracePeriodSeconds: 30,
            dnsPolicy: "ClusterFirst",
            schedulerName: "default-scheduler",
            securityContext: {},
          },
        },
      },
    },
  },
  status: {
    active: [
      {
        apiVersion: "batch/v1",
        kind: "Job",
        name: "hello-29459521",
        namespace: "default",
        uid: "j-1",
        resourceVersion: "5",
      },
    ],
    lastScheduleTime: at(60),
  },
};
