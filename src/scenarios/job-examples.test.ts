import { describe, expect, test } from "vitest";
import { jobStatus, patchJob, scenario } from "./harness.ts";

const pi = (name: string, extra = "") => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${extra}
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

/** Spec §8: the Kubernetes docs' examples with the outcomes a real cluster shows. */
describe("worked examples (spec §8)", () => {
  test("1: pi completes in about 10 s and logs 2000 digits", () => {
    const s = scenario({ "pi.yaml": pi("pi") });
    expect(
      s.run(`
      kubectl apply -f pi.yaml
      sleep 20s
      kubectl get jobs,pods
      kubectl logs jobs/pi | wc -c
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pi.yaml
      job.batch/pi created
      $ sleep 20s
      $ kubectl get jobs,pods
      NAME           STATUS     COMPLETIONS   DURATION   AGE
      job.batch/pi   Complete   1/1           17s        20s

      NAME           READY   STATUS      RESTARTS   AGE
      pod/pi-rg26b   0/1     Completed   0          20s
      $ kubectl logs jobs/pi | wc -c
      2002
      "
    `);
    expect(s.run("kubectl describe job pi")).toMatchInlineSnapshot(`
      "$ kubectl describe job pi
      Name:             pi
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=pi
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=pi
      Annotations:      <none>
      Parallelism:      1
      Completions:      1
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    4
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Completed At:     Mon, 05 Jan 2026 00:00:17 +0000
      Duration:         17s
      Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=pi
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
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
        Normal  SuccessfulCreate  20s   job-controller  Created pod: pi-rg26b
        Normal  Completed         3s    job-controller  Job completed
      "
    `);
  });

  test("2: pi-with-timeout completes within its deadline", () => {
    const s = scenario({ "pi.yaml": pi("pi-with-timeout", "  activeDeadlineSeconds: 100") });
    expect(
      s.run(`
      kubectl apply -f pi.yaml
      sleep 120s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pi.yaml
      job.batch/pi-with-timeout created
      $ sleep 120s
      $ kubectl get jobs,pods
      NAME                        STATUS     COMPLETIONS   DURATION   AGE
      job.batch/pi-with-timeout   Complete   1/1           17s        2m

      NAME                        READY   STATUS      RESTARTS   AGE
      pod/pi-with-timeout-rg26b   0/1     Completed   0          2m
      "
    `);
  });

  test("3: pi-with-ttl disappears 100 s after completion, pods with it", () => {
    const s = scenario({ "pi.yaml": pi("pi-with-ttl", "  ttlSecondsAfterFinished: 100") });
    expect(
      s.run(`
      kubectl apply -f pi.yaml
      sleep 20s
      kubectl get jobs,pods
      sleep 96s
      kubectl get jobs,pods
      sleep 2s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pi.yaml
      job.batch/pi-with-ttl created
      $ sleep 20s
      $ kubectl get jobs,pods
      NAME                    STATUS     COMPLETIONS   DURATION   AGE
      job.batch/pi-with-ttl   Complete   1/1           17s        20s

      NAME                    READY   STATUS      RESTARTS   AGE
      pod/pi-with-ttl-rg26b   0/1     Completed   0          20s
      $ sleep 96s
      $ kubectl get jobs,pods
      NAME                    STATUS     COMPLETIONS   DURATION   AGE
      job.batch/pi-with-ttl   Complete   1/1           17s        116s

      NAME                    READY   STATUS      RESTARTS   AGE
      pod/pi-with-ttl-rg26b   0/1     Completed   0          116s
      $ sleep 2s
      $ kubectl get jobs,pods
      No resources found in default namespace.
      "
    `);
  });

  test("6: pod failure policy FailJob on exit code 42 terminates the other pods", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: job-pod-failure-policy-example
spec:
  completions: 12
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: docker.io/library/bash:5
        command: ["bash"]
        args:
        - -c
        - echo "Hello world!" && sleep 5 && exit 42
  backoffLimit: 6
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
`,
    });
    // The three pods start together and all exit 42 before the controller's next sync: the Job
    // fails with the first one's message, and all three count as failed.
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 9s
      kubectl get jobs,pods
      sleep 40s
      kubectl get jobs,pods
      kubectl describe job job-pod-failure-policy-example
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/job-pod-failure-policy-example created
      $ sleep 9s
      $ kubectl get jobs,pods
      NAME                                       STATUS   COMPLETIONS   DURATION   AGE
      job.batch/job-pod-failure-policy-example   Failed   0/12          9s         9s

      NAME                                       READY   STATUS   RESTARTS   AGE
      pod/job-pod-failure-policy-example-2v6md   0/1     Error    0          9s
      pod/job-pod-failure-policy-example-rg26b   0/1     Error    0          9s
      pod/job-pod-failure-policy-example-tclzb   0/1     Error    0          9s
      $ sleep 40s
      $ kubectl get jobs,pods
      NAME                                       STATUS   COMPLETIONS   DURATION   AGE
      job.batch/job-pod-failure-policy-example   Failed   0/12          49s        49s

      NAME                                       READY   STATUS   RESTARTS   AGE
      pod/job-pod-failure-policy-example-2v6md   0/1     Error    0          49s
      pod/job-pod-failure-policy-example-rg26b   0/1     Error    0          49s
      pod/job-pod-failure-policy-example-tclzb   0/1     Error    0          49s
      $ kubectl describe job job-pod-failure-policy-example
      Name:             job-pod-failure-policy-example
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=job-pod-failure-policy-example
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=job-pod-failure-policy-example
      Annotations:      <none>
      Parallelism:      3
      Completions:      12
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    6
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 3 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=job-pod-failure-policy-example
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=job-pod-failure-policy-example
        Containers:
         main:
          Image:      docker.io/library/bash:5
          Port:       <none>
          Host Port:  <none>
          Command:
            bash
          Args:
            -c
            echo "Hello world!" && sleep 5 && exit 42
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type     Reason            Age   From            Message
        ----     ------            ----  ----            -------
        Normal   SuccessfulCreate  49s   job-controller  Created pod: job-pod-failure-policy-example-rg26b
        Normal   SuccessfulCreate  49s   job-controller  Created pod: job-pod-failure-policy-example-tclzb
        Normal   SuccessfulCreate  49s   job-controller  Created pod: job-pod-failure-policy-example-2v6md
        Warning  PodFailurePolicy  42s   job-controller  Container main for pod default/job-pod-failure-policy-example-rg26b failed with exit code 42 matching FailJob rule at index 0
      "
    `);
    expect(jobStatus(s, "job-pod-failure-policy-example")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:07Z", "lastTransitionTime": "2026-01-05T00:00:07Z", "reason": "PodFailurePolicy", "message": "Container main for pod default/job-pod-failure-policy-example-rg26b failed with exit code 42 matching FailJob rule at index 0" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:07Z", "lastTransitionTime": "2026-01-05T00:00:07Z", "reason": "PodFailurePolicy", "message": "Container main for pod default/job-pod-failure-policy-example-rg26b failed with exit code 42 matching FailJob rule at index 0" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 3, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("6b: FailJob deletes the pods still running, and counts them as failed", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: fj
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep $((5 + JOB_COMPLETION_INDEX * 100)); exit 42"]
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes: {operator: In, values: [42]}
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 8s
      kubectl get jobs,pods
      sleep 35s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/fj created
      $ sleep 8s
      $ kubectl get jobs,pods
      NAME           STATUS          COMPLETIONS   DURATION   AGE
      job.batch/fj   FailureTarget   0/3           8s         8s

      NAME             READY   STATUS        RESTARTS   AGE
      pod/fj-0-rg26b   0/1     Error         0          8s
      pod/fj-1-tclzb   1/1     Terminating   0          8s
      pod/fj-2-2v6md   1/1     Terminating   0          8s
      $ sleep 35s
      $ kubectl get jobs,pods
      NAME           STATUS   COMPLETIONS   DURATION   AGE
      job.batch/fj   Failed   0/3           43s        43s

      NAME             READY   STATUS   RESTARTS   AGE
      pod/fj-0-rg26b   0/1     Error    0          43s
      "
    `);
    expect(jobStatus(s, "fj")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:07Z", "lastTransitionTime": "2026-01-05T00:00:07Z", "reason": "PodFailurePolicy", "message": "Container main for pod default/fj-0-rg26b failed with exit code 42 matching FailJob rule at index 0" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:38Z", "lastTransitionTime": "2026-01-05T00:00:38Z", "reason": "PodFailurePolicy", "message": "Container main for pod default/fj-0-rg26b failed with exit code 42 matching FailJob rule at index 0" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 3, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("7: success policy — index 2 succeeding completes the Job, the rest are deleted", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: job-success
spec:
  parallelism: 10
  completions: 10
  completionMode: Indexed
  successPolicy:
    rules:
    - succeededIndexes: 0,2-3
      succeededCount: 1
  template:
    spec:
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "if [ $JOB_COMPLETION_INDEX = 2 ]; then exit 0; else sleep 3600; fi"]
      restartPolicy: Never
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 5s
      kubectl get jobs
      kubectl get pods
      sleep 40s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/job-success created
      $ sleep 5s
      $ kubectl get jobs
      NAME          STATUS    COMPLETIONS   DURATION   AGE
      job-success   Running   1/10          5s         5s
      $ kubectl get pods
      NAME                  READY   STATUS        RESTARTS   AGE
      job-success-0-rg26b   1/1     Terminating   0          5s
      job-success-1-tclzb   1/1     Terminating   0          5s
      job-success-2-2v6md   0/1     Completed     0          5s
      job-success-3-8zz2r   1/1     Terminating   0          5s
      job-success-4-9gzk4   1/1     Terminating   0          5s
      job-success-5-zps6l   1/1     Terminating   0          5s
      job-success-6-5dkpg   1/1     Terminating   0          5s
      job-success-7-2hfbt   1/1     Terminating   0          5s
      job-success-8-ccx6t   1/1     Terminating   0          5s
      job-success-9-xss44   1/1     Terminating   0          5s
      $ sleep 40s
      $ kubectl get jobs,pods
      NAME                    STATUS     COMPLETIONS   DURATION   AGE
      job.batch/job-success   Complete   1/10          33s        45s

      NAME                      READY   STATUS      RESTARTS   AGE
      pod/job-success-2-2v6md   0/1     Completed   0          45s
      "
    `);
    expect(jobStatus(s, "job-success")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": "2026-01-05T00:00:02Z", "lastTransitionTime": "2026-01-05T00:00:02Z", "reason": "SuccessPolicy", "message": "Matched rules at index 0" }, { "type": "Complete", "status": "True", "lastProbeTime": "2026-01-05T00:00:33Z", "lastTransitionTime": "2026-01-05T00:00:33Z", "reason": "SuccessPolicy", "message": "Matched rules at index 0" } ], "startTime": "2026-01-05T00:00:00Z", "completionTime": "2026-01-05T00:00:33Z", "succeeded": 1, "terminating": 0, "completedIndexes": "2", "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("9: suspend and resume", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: myjob
spec:
  completions: 5
  parallelism: 1
  template:
    spec:
      containers:
      - name: main
        image: busybox
        command: ["sleep", "20"]
      restartPolicy: Never
`,
    });
    expect(s.run("kubectl apply -f job.yaml\nsleep 5s")).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/myjob created
      $ sleep 5s
      "
    `);
    patchJob(s, "myjob", (spec) => (spec.suspend = true));
    expect(s.run("kubectl get jobs,pods\nsleep 40s\nkubectl get jobs,pods")).toMatchInlineSnapshot(`
      "$ kubectl get jobs,pods
      NAME              STATUS      COMPLETIONS   DURATION   AGE
      job.batch/myjob   Suspended   0/5           5s         5s

      NAME              READY   STATUS        RESTARTS   AGE
      pod/myjob-rg26b   1/1     Terminating   0          5s
      $ sleep 40s
      $ kubectl get jobs,pods
      NAME              STATUS      COMPLETIONS   DURATION   AGE
      job.batch/myjob   Suspended   0/5           45s        45s
      "
    `);
    patchJob(s, "myjob", (spec) => (spec.suspend = false));
    expect(s.run("sleep 2s\nkubectl describe job myjob")).toMatchInlineSnapshot(`
      "$ sleep 2s
      $ kubectl describe job myjob
      Name:             myjob
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=myjob
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=myjob
      Annotations:      <none>
      Parallelism:      1
      Completions:      5
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    6
      Start Time:       Mon, 05 Jan 2026 00:00:45 +0000
      Pods Statuses:    1 Active (0 Ready) / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=myjob
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=myjob
        Containers:
         main:
          Image:      busybox
          Port:       <none>
          Host Port:  <none>
          Command:
            sleep
            20
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From            Message
        ----    ------            ----  ----            -------
        Normal  SuccessfulCreate  47s   job-controller  Created pod: myjob-rg26b
        Normal  SuccessfulDelete  42s   job-controller  Deleted pod: myjob-rg26b
        Normal  Suspended         42s   job-controller  Job suspended
        Normal  SuccessfulCreate  2s    job-controller  Created pod: myjob-mmj4c
        Normal  Resumed           2s    job-controller  Job resumed
      "
    `);
    expect(jobStatus(s, "myjob")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "Suspended", "status": "False", "lastProbeTime": "2026-01-05T00:00:45Z", "lastTransitionTime": "2026-01-05T00:00:45Z", "reason": "JobResumed", "message": "Job resumed" } ], "startTime": "2026-01-05T00:00:45Z", "active": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });
});
