import { describe, expect, test } from "vitest";
import { jobStatus, jobYaml, scenario } from "./harness.ts";

/** Spec §10 A–D: what a learner sees step by step (busybox cached on no node, seed 1). */
describe("job timelines (spec §10)", () => {
  test("A: one-shot success", () => {
    const s = scenario({ "x.yaml": jobYaml("x", "", "echo hi; sleep 5", "restartPolicy: Never") });
    expect(
      s.run(`
      kubectl apply -f x.yaml
      kubectl get jobs,pods
      sleep 2s
      kubectl get jobs,pods
      sleep 6s
      kubectl get jobs,pods
      kubectl logs job/x
      kubectl describe job x
    `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f x.yaml
      job.batch/x created
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/x   Running   0/1           0s         0s

      NAME          READY   STATUS              RESTARTS   AGE
      pod/x-rg26b   0/1     ContainerCreating   0          0s
      $ sleep 2s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/x   Running   0/1           2s         2s

      NAME          READY   STATUS    RESTARTS   AGE
      pod/x-rg26b   1/1     Running   0          2s
      $ sleep 6s
      $ kubectl get jobs,pods
      NAME          STATUS     COMPLETIONS   DURATION   AGE
      job.batch/x   Complete   1/1           7s         8s

      NAME          READY   STATUS      RESTARTS   AGE
      pod/x-rg26b   0/1     Completed   0          8s
      $ kubectl logs job/x
      hi
      $ kubectl describe job x
      Name:             x
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=x
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=x
      Annotations:      <none>
      Parallelism:      1
      Completions:      1
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    6
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Completed At:     Mon, 05 Jan 2026 00:00:07 +0000
      Duration:         7s
      Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=x
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=x
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo hi; sleep 5
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From            Message
        ----    ------            ----  ----            -------
        Normal  SuccessfulCreate  8s    job-controller  Created pod: x-rg26b
        Normal  Completed         1s    job-controller  Job completed
      "
    `);
    expect(jobStatus(s, "x")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": "2026-01-05T00:00:07Z", "lastTransitionTime": "2026-01-05T00:00:07Z", "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods" }, { "type": "Complete", "status": "True", "lastProbeTime": "2026-01-05T00:00:07Z", "lastTransitionTime": "2026-01-05T00:00:07Z", "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods" } ], "startTime": "2026-01-05T00:00:00Z", "completionTime": "2026-01-05T00:00:07Z", "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("B: backoffLimit 2, Never, exit 1", () => {
    const s = scenario({
      "b.yaml": jobYaml("b", "backoffLimit: 2", "exit 1", "restartPolicy: Never"),
    });
    expect(
      s.run(`
      kubectl apply -f b.yaml
      sleep 3s
      kubectl get jobs,pods
      sleep 10s
      kubectl get jobs,pods
      sleep 30s
      kubectl get jobs,pods
      kubectl describe job b
    `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f b.yaml
      job.batch/b created
      $ sleep 3s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/b   Running   0/1           3s         3s

      NAME          READY   STATUS   RESTARTS   AGE
      pod/b-rg26b   0/1     Error    0          3s
      $ sleep 10s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/b   Running   0/1           13s        13s

      NAME          READY   STATUS   RESTARTS   AGE
      pod/b-rg26b   0/1     Error    0          13s
      pod/b-xhzzx   0/1     Error    0          2s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME          STATUS   COMPLETIONS   DURATION   AGE
      job.batch/b   Failed   0/1           43s        43s

      NAME          READY   STATUS   RESTARTS   AGE
      pod/b-gsppq   0/1     Error    0          12s
      pod/b-rg26b   0/1     Error    0          43s
      pod/b-xhzzx   0/1     Error    0          32s
      $ kubectl describe job b
      Name:             b
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=b
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=b
      Annotations:      <none>
      Parallelism:      1
      Completions:      1
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    2
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 3 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=b
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=b
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            exit 1
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type     Reason                Age   From            Message
        ----     ------                ----  ----            -------
        Normal   SuccessfulCreate      43s   job-controller  Created pod: b-rg26b
        Normal   SuccessfulCreate      32s   job-controller  Created pod: b-xhzzx
        Normal   SuccessfulCreate      12s   job-controller  Created pod: b-gsppq
        Warning  BackoffLimitExceeded  11s   job-controller  Job has reached the specified backoff limit
      "
    `);
    expect(jobStatus(s, "b")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:32Z", "lastTransitionTime": "2026-01-05T00:00:32Z", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:32Z", "lastTransitionTime": "2026-01-05T00:00:32Z", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 3, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("C: backoffLimit 2, OnFailure, exit 1", () => {
    const s = scenario({
      "c.yaml": jobYaml("c", "backoffLimit: 2", "exit 1", "restartPolicy: OnFailure"),
    });
    expect(
      s.run(`
      kubectl apply -f c.yaml
      sleep 2s
      kubectl get jobs,pods
      sleep 6s
      kubectl get jobs,pods
      sleep 5s
      kubectl get jobs,pods
      sleep 30s
      kubectl get jobs,pods
      kubectl logs job/c
    `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f c.yaml
      job.batch/c created
      $ sleep 2s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/c   Running   0/1           2s         2s

      NAME          READY   STATUS             RESTARTS     AGE
      pod/c-rg26b   0/1     CrashLoopBackOff   1 (1s ago)   2s
      $ sleep 6s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/c   Running   0/1           8s         8s

      NAME          READY   STATUS             RESTARTS     AGE
      pod/c-rg26b   0/1     CrashLoopBackOff   1 (7s ago)   8s
      $ sleep 5s
      $ kubectl get jobs,pods
      NAME          STATUS          COMPLETIONS   DURATION   AGE
      job.batch/c   FailureTarget   0/1           13s        13s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME          STATUS   COMPLETIONS   DURATION   AGE
      job.batch/c   Failed   0/1           43s        43s
      $ kubectl logs job/c
      error: timed out waiting for the condition
      "
    `);
    expect(jobStatus(s, "c")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:12Z", "lastTransitionTime": "2026-01-05T00:00:12Z", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:13Z", "lastTransitionTime": "2026-01-05T00:00:13Z", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("D: activeDeadlineSeconds 15, sleep 600", () => {
    const s = scenario({
      "d.yaml": jobYaml("d", "activeDeadlineSeconds: 15", "sleep 600", "restartPolicy: Never"),
    });
    expect(
      s.run(`
      kubectl apply -f d.yaml
      sleep 14s
      kubectl get jobs,pods
      sleep 2s
      kubectl get jobs,pods
      sleep 30s
      kubectl get jobs,pods
      kubectl describe job d
    `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f d.yaml
      job.batch/d created
      $ sleep 14s
      $ kubectl get jobs,pods
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job.batch/d   Running   0/1           14s        14s

      NAME          READY   STATUS    RESTARTS   AGE
      pod/d-rg26b   1/1     Running   0          14s
      $ sleep 2s
      $ kubectl get jobs,pods
      NAME          STATUS          COMPLETIONS   DURATION   AGE
      job.batch/d   FailureTarget   0/1           16s        16s

      NAME          READY   STATUS        RESTARTS   AGE
      pod/d-rg26b   1/1     Terminating   0          16s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME          STATUS   COMPLETIONS   DURATION   AGE
      job.batch/d   Failed   0/1           46s        46s
      $ kubectl describe job d
      Name:                     d
      Namespace:                default
      Selector:                 batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:                   batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                                batch.kubernetes.io/job-name=d
                                controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                                job-name=d
      Annotations:              <none>
      Parallelism:              1
      Completions:              1
      Completion Mode:          NonIndexed
      Suspend:                  false
      Backoff Limit:            6
      Start Time:               Mon, 05 Jan 2026 00:00:00 +0000
      Active Deadline Seconds:  15s
      Pods Statuses:            0 Active (0 Ready) / 0 Succeeded / 1 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=d
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=d
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            sleep 600
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type     Reason            Age   From            Message
        ----     ------            ----  ----            -------
        Normal   SuccessfulCreate  46s   job-controller  Created pod: d-rg26b
        Normal   SuccessfulDelete  31s   job-controller  Deleted pod: d-rg26b
        Warning  DeadlineExceeded  0s    job-controller  Job was active longer than specified deadline
      "
    `);
    expect(jobStatus(s, "d")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:15Z", "lastTransitionTime": "2026-01-05T00:00:15Z", "reason": "DeadlineExceeded", "message": "Job was active longer than specified deadline" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:46Z", "lastTransitionTime": "2026-01-05T00:00:46Z", "reason": "DeadlineExceeded", "message": "Job was active longer than specified deadline" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });
});
