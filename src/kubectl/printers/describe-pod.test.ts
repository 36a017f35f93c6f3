import { describe, expect, it } from "vitest";
import type { Pod } from "../../api/types.ts";
import { describePod, qosClass } from "./describe-pod.ts";
import { at, cs, event, job, now, pod } from "./test-fixtures.ts";

const uid = "bb000000-0000-4000-8000-000000000001";
const loopJob = job({
  name: "loop",
  uid,
  restartPolicy: "OnFailure",
  command: ["sh", "-c", "exit 1"],
});

/** Timeline C of spec §10 midway: OnFailure, three restarts, backing off. */
const crashLoop: Pod = pod({
  name: "loop-b8c2d",
  job: loopJob,
  statuses: [
    cs(
      "loop",
      {
        waiting: {
          reason: "CrashLoopBackOff",
          message:
            "back-off 40s restarting failed container=loop pod=loop-b8c2d_default(uid-loop-b8c2d)",
        },
      },
      {
        restartCount: 3,
        lastState: {
          terminated: {
            exitCode: 1,
            reason: "Error",
            startedAt: at(39),
            finishedAt: at(40),
            containerID: "containerd://old",
          },
        },
      },
    ),
  ],
});
crashLoop.spec.tolerations = [
  {
    key: "node.kubernetes.io/unreachable",
    operator: "Exists",
    effect: "NoExecute",
    tolerationSeconds: 300,
  },
  {
    key: "node.kubernetes.io/not-ready",
    operator: "Exists",
    effect: "NoExecute",
    tolerationSeconds: 300,
  },
];

const podEvents = (name: string, puid: string) => [
  event({
    kind: "Pod",
    name,
    uid: puid,
    reason: "Scheduled",
    message: `Successfully assigned default/${name} to node-1`,
    first: 0,
    component: "default-scheduler",
  }),
  event({
    kind: "Pod",
    name,
    uid: puid,
    reason: "Pulled",
    message: 'Container image "busybox:1.36" already present on machine',
    first: 1,
    last: 40,
    count: 4,
    component: "kubelet",
    host: "node-1",
  }),
  event({
    kind: "Pod",
    name,
    uid: puid,
    reason: "Created",
    message: "Created container: loop",
    first: 1,
    last: 40,
    count: 4,
    component: "kubelet",
    host: "node-1",
  }),
  event({
    kind: "Pod",
    name,
    uid: puid,
    reason: "Started",
    message: "Started container loop",
    first: 1,
    last: 40,
    count: 4,
    component: "kubelet",
    host: "node-1",
  }),
  event({
    kind: "Pod",
    name,
    uid: puid,
    reason: "BackOff",
    message: `Back-off restarting failed container loop in pod ${name}_default(${puid})`,
    first: 12,
    last: 45,
    count: 3,
    type: "Warning",
    component: "kubelet",
    host: "node-1",
  }),
];

describe("kubectl describe pod", () => {
  it("describes a pod in CrashLoopBackOff with its restarts and aggregated events", () => {
    // Listed out of time order: describe sorts by last occurrence.
    const [scheduled, pulled, created, started, backoff] = podEvents(
      "loop-b8c2d",
      "uid-loop-b8c2d",
    );
    expect(describePod(crashLoop, [backoff, scheduled, pulled, created, started], now(60))).toBe(
      `Name:             loop-b8c2d
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.2
Start Time:       Mon, 05 Jan 2026 00:00:01 +0000
Labels:           batch.kubernetes.io/controller-uid=${uid}
                  batch.kubernetes.io/job-name=loop
                  controller-uid=${uid}
                  job-name=loop
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  Job/loop
Containers:
  loop:
    Container ID:  containerd://loop0123456789abcdef
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Mon, 05 Jan 2026 00:00:39 +0000
      Finished:     Mon, 05 Jan 2026 00:00:40 +0000
    Ready:          False
    Restart Count:  3
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    BestEffort
Node-Selectors:               <none>
Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  60s                default-scheduler  Successfully assigned default/loop-b8c2d to node-1
  Normal   Pulled     20s (x4 over 59s)  kubelet            Container image "busybox:1.36" already present on machine
  Normal   Created    20s (x4 over 59s)  kubelet            Created container: loop
  Normal   Started    20s (x4 over 59s)  kubelet            Started container loop
  Warning  BackOff    15s (x3 over 48s)  kubelet            Back-off restarting failed container loop in pod loop-b8c2d_default(uid-loop-b8c2d)
`,
    );
  });

  it("describes a terminating pod with an init container, env, mounts, volumes and resources", () => {
    const j = job({
      name: "work",
      uid: "ee000000-0000-4000-8000-000000000001",
      command: ["sleep", "600"],
    });
    const spec = j.spec.template.spec;
    spec.initContainers = [
      {
        name: "setup",
        image: "busybox:1.36",
        command: ["sh", "-c", "echo ready > /work/flag"],
        volumeMounts: [{ name: "work", mountPath: "/work" }],
      },
    ];
    spec.containers[0] = {
      ...spec.containers[0],
      env: [{ name: "MODE", value: "fast" }],
      envFrom: [
        { configMapRef: { name: "settings" } },
        { prefix: "DB_", secretRef: { name: "db", optional: true } },
      ],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
      volumeMounts: [
        { name: "work", mountPath: "/work" },
        { name: "creds", mountPath: "/etc/creds", readOnly: true },
      ],
    };
    spec.volumes = [
      { name: "work", emptyDir: {} },
      { name: "creds", secret: { secretName: "db" } },
    ];
    spec.nodeSelector = { "kubernetes.io/os": "linux" };
    const p = pod({
      name: "work-k2m4p",
      job: j,
      ready: true,
      initStatuses: [
        cs("setup", {
          terminated: { exitCode: 0, reason: "Completed", startedAt: at(2), finishedAt: at(2) },
        }),
      ],
      statuses: [cs("work", { running: { startedAt: at(3) } }, { ready: true })],
    });
    p.metadata = { ...p.metadata, deletionTimestamp: at(50), deletionGracePeriodSeconds: 30 };
    p.status = { ...p.status, qosClass: "Burstable" };
    expect(describePod(p, [], now(60))).toBe(
      `Name:                      work-k2m4p
Namespace:                 default
Priority:                  0
Service Account:           default
Node:                      node-1/172.18.0.2
Start Time:                Mon, 05 Jan 2026 00:00:01 +0000
Labels:                    batch.kubernetes.io/controller-uid=ee000000-0000-4000-8000-000000000001
                           batch.kubernetes.io/job-name=work
                           controller-uid=ee000000-0000-4000-8000-000000000001
                           job-name=work
Annotations:               <none>
Status:                    Terminating (lasts 10s)
Termination Grace Period:  30s
IP:                        10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  Job/work
Init Containers:
  setup:
    Container ID:  containerd://setup0123456789abcdef
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo ready > /work/flag
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 05 Jan 2026 00:00:02 +0000
      Finished:     Mon, 05 Jan 2026 00:00:02 +0000
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /work from work (rw)
Containers:
  work:
    Container ID:  containerd://work0123456789abcdef
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sleep
      600
    State:          Running
      Started:      Mon, 05 Jan 2026 00:00:03 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  128Mi
    Requests:
      cpu:     100m
      memory:  64Mi
    Environment Variables from:
      settings  ConfigMap                 Optional: false
      db        Secret with prefix 'DB_'  Optional: true
    Environment:
      MODE:  fast
    Mounts:
      /etc/creds from creds (ro)
      /work from work (rw)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  work:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  creds:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  db
    Optional:    false
QoS Class:       Burstable
Node-Selectors:  kubernetes.io/os=linux
Tolerations:     <none>
Events:          <none>
`,
    );
  });

  it("computes the QoS class when the kubelet has not reported it", () => {
    const base = pod({ name: "q", statuses: [] });
    delete base.status!.qosClass;
    const withResources = (r: Pod["spec"]["containers"][0]["resources"]): Pod => ({
      ...base,
      spec: { ...base.spec, containers: [{ ...base.spec.containers[0], resources: r }] },
    });
    expect([
      qosClass(base),
      qosClass(withResources({ requests: { cpu: "100m" } })),
      qosClass(withResources({ limits: { cpu: "1", memory: "1Gi" } })),
      qosClass(
        withResources({
          requests: { cpu: "500m", memory: "1Gi" },
          limits: { cpu: "1", memory: "1Gi" },
        }),
      ),
    ]).toEqual(["BestEffort", "Burstable", "Guaranteed", "Burstable"]);
  });
});
