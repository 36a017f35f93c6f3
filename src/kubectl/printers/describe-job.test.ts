import { describe, expect, it } from "vitest";
import type { Job } from "../../api/types.ts";
import { capIndexes, describeCronJob, describeJob } from "./describe-job.ts";
import {
  event,
  failedJob,
  helloCronJob,
  job,
  now,
  PI_UID,
  piJob,
  piJobEvents,
} from "./test-fixtures.ts";

describe("kubectl describe job (spec §7.3)", () => {
  it("describes the pi Job after success", () => {
    expect(describeJob(piJob, piJobEvents, now(60))).toBe(
      `Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=${PI_UID}
Labels:           batch.kubernetes.io/controller-uid=${PI_UID}
                  batch.kubernetes.io/job-name=pi
                  controller-uid=${PI_UID}
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    4
Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
Completed At:     Mon, 05 Jan 2026 00:00:12 +0000
Duration:         12s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=${PI_UID}
           batch.kubernetes.io/job-name=pi
           controller-uid=${PI_UID}
           job-name=pi
  Containers:
   pi:
    Image:      perl:5.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  60s   job-controller  Created pod: pi-x7k2p
  Normal  Completed         48s   job-controller  Job completed
`,
    );
  });

  it("describes a failed Job with a deadline, a TTL and a CronJob owner; no events", () => {
    const j: Job = {
      ...failedJob,
      metadata: {
        ...failedJob.metadata,
        annotations: {
          "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-05T00:01:00Z",
          "kubectl.kubernetes.io/last-applied-configuration": "{}\n",
        },
        ownerReferences: [
          {
            apiVersion: "batch/v1",
            kind: "CronJob",
            name: "nightly",
            uid: "c1",
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...failedJob.spec, activeDeadlineSeconds: 100, ttlSecondsAfterFinished: 300 },
    };
    j.spec.template = {
      ...j.spec.template,
      spec: { ...j.spec.template.spec, containers: [{ name: "fail", image: "busybox:1.36" }] },
    };
    expect(describeJob(j, [], now(90))).toBe(
      `Name:                        fail
Namespace:                   default
Selector:                    batch.kubernetes.io/controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
Labels:                      batch.kubernetes.io/controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
                             batch.kubernetes.io/job-name=fail
                             controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
                             job-name=fail
Annotations:                 batch.kubernetes.io/cronjob-scheduled-timestamp: 2026-01-05T00:01:00Z
Controlled By:               CronJob/nightly
Parallelism:                 1
Completions:                 1
Completion Mode:             NonIndexed
Suspend:                     false
Backoff Limit:               2
TTL Seconds After Finished:  300
Start Time:                  Mon, 05 Jan 2026 00:00:00 +0000
Active Deadline Seconds:     100s
Pods Statuses:               0 Active (0 Ready) / 0 Succeeded / 3 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
           batch.kubernetes.io/job-name=fail
           controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
           job-name=fail
  Containers:
   fail:
    Image:         busybox:1.36
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`,
    );
  });

  it("describes an Indexed work-queue Job midway, with env and aggregated events", () => {
    const uid = "dd000000-0000-4000-8000-000000000001";
    const j = job({
      name: "indexed",
      uid,
      command: ["sh", "-c", "echo $JOB_COMPLETION_INDEX"],
      spec: { completions: 5, parallelism: 3, completionMode: "Indexed" },
      status: {
        startTime: "2026-01-05T00:00:00Z",
        active: 2,
        ready: 2,
        succeeded: 3,
        completedIndexes: "0-2",
        terminating: 0,
      },
    });
    j.spec.template.spec.containers[0].env = [
      { name: "GREETING", value: "hello\nworld" },
      { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
      { name: "TOKEN", valueFrom: { secretKeyRef: { name: "api", key: "token" } } },
    ];
    const events = [
      event({
        kind: "Job",
        name: "indexed",
        uid,
        reason: "SuccessfulCreate",
        message: "Created pod: indexed-0-abcde",
        first: 0,
        component: "job-controller",
      }),
      event({
        kind: "Job",
        name: "indexed",
        uid,
        reason: "SuccessfulCreate",
        message: "Created pod: indexed-1-fghij",
        first: 0,
        component: "job-controller",
      }),
      event({
        kind: "Job",
        name: "indexed",
        uid,
        reason: "SuccessfulCreate",
        message: "Created pod: indexed-2-klmno",
        first: 0,
        component: "job-controller",
      }),
      event({
        kind: "Job",
        name: "indexed",
        uid,
        reason: "FailedCreate",
        message: 'Error creating: pods "x" is forbidden',
        first: 5,
        last: 40,
        count: 4,
        type: "Warning",
        component: "job-controller",
      }),
    ];
    expect(describeJob(j, events, now(130))).toBe(
      `Name:               indexed
Namespace:          default
Selector:           batch.kubernetes.io/controller-uid=${uid}
Labels:             batch.kubernetes.io/controller-uid=${uid}
                    batch.kubernetes.io/job-name=indexed
                    controller-uid=${uid}
                    job-name=indexed
Annotations:        <none>
Parallelism:        3
Completions:        5
Completion Mode:    Indexed
Suspend:            false
Backoff Limit:      6
Start Time:         Mon, 05 Jan 2026 00:00:00 +0000
Pods Statuses:      2 Active (2 Ready) / 3 Succeeded / 0 Failed
Completed Indexes:  0-2
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=${uid}
           batch.kubernetes.io/job-name=indexed
           controller-uid=${uid}
           job-name=indexed
  Containers:
   indexed:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      echo $JOB_COMPLETION_INDEX
    Environment:
      GREETING:    hello
                   world
      POD_NAME:     (v1:metadata.name)
      TOKEN:       <set to the key 'token' in secret 'api'>  Optional: false
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type     Reason            Age                 From            Message
  ----     ------            ----                ----            -------
  Normal   SuccessfulCreate  2m10s               job-controller  Created pod: indexed-0-abcde
  Normal   SuccessfulCreate  2m10s               job-controller  Created pod: indexed-1-fghij
  Normal   SuccessfulCreate  2m10s               job-controller  Created pod: indexed-2-klmno
  Warning  FailedCreate      90s (x4 over 2m5s)  job-controller  Error creating: pods "x" is forbidden
`,
    );
  });

  it("omits the Events section with --show-events=false", () => {
    expect(describeJob(piJob, undefined, now(60)).endsWith("  Tolerations:     <none>\n")).toBe(
      true,
    );
  });

  it("caps long index lists after the next comma", () => {
    const long = Array.from({ length: 40 }, (_, i) => String(i * 2)).join(",");
    expect([capIndexes(""), capIndexes("0-4"), capIndexes(long)]).toEqual([
      "<none>",
      "0-4",
      "0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,...",
    ]);
  });
});

describe("kubectl describe cronjob (spec §7.4)", () => {
  it("describes the hello CronJob with one active Job", () => {
    const events = [
      event({
        kind: "CronJob",
        name: "hello",
        uid: "c1d2",
        reason: "SuccessfulCreate",
        message: "Created job hello-29459521",
        first: 60,
        component: "cronjob-controller",
      }),
    ];
    expect(describeCronJob(helloCronJob, events, now(75))).toBe(
      `Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      * * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.28
    Port:       <none>
    Host Port:  <none>
    Command:
      /bin/sh
      -c
      date; echo Hello from the Kubernetes cluster
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 05 Jan 2026 00:01:00 +0000
Active Jobs:         hello-29459521
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  15s   cronjob-controller  Created job hello-29459521
`,
    );
  });

  it("shows a starting deadline, a deadline and no active Jobs", () => {
    const cj = {
      ...helloCronJob,
      spec: {
        ...helloCronJob.spec,
        startingDeadlineSeconds: 60,
        suspend: true,
        jobTemplate: {
          spec: {
            ...helloCronJob.spec.jobTemplate.spec,
            activeDeadlineSeconds: 30,
            completions: 2,
          },
        },
      },
      status: {},
    };
    const text = describeCronJob(cj, [], now(75));
    expect(text.split("Pod Template:")[0]).toBe(
      `Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      * * * * *
Concurrency Policy:            Allow
Suspend:                       True
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     60s
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   2
Active Deadline Seconds:       30s
`,
    );
    expect(text.split("  Tolerations:")[1]).toBe(
      `       <none>
Last Schedule Time:  <unset>
Active Jobs:         <none>
Events:              <none>
`,
    );
  });
});
