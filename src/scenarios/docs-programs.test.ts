import { describe, expect, test } from "vitest";
import { jobStatus, scenario } from "./harness.ts";

/** Spec §8 examples 4, 5 and 7 with the Kubernetes docs' own images and programs (bash, python). */
describe("the docs' Indexed examples run their real programs (spec §8)", () => {
  test("4: bash array in an init container, rev in busybox: oof rab zab xuq zyx", () => {
    const s = scenario({
      "indexed-job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: 'indexed-job'
spec:
  completions: 5
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: 'input'
        image: 'docker.io/library/bash'
        command:
        - "bash"
        - "-c"
        - |
          items=(foo bar baz qux xyz)
          echo \${items[$JOB_COMPLETION_INDEX]} > /input/data.txt
        volumeMounts:
        - mountPath: /input
          name: input
      containers:
      - name: 'worker'
        image: 'docker.io/library/busybox'
        command:
        - "rev"
        - "/input/data.txt"
        volumeMounts:
        - mountPath: /input
          name: input
      volumes:
      - name: input
        emptyDir: {}
`,
    });
    expect(
      s.run(`
      kubectl apply -f indexed-job.yaml
      sleep 2s
      kubectl get pods
      sleep 2s
      kubectl get pods
      kubectl describe job indexed-job | grep -E "Pods Statuses|Completed Indexes"
      sleep 10s
      kubectl get pods
      kubectl describe job indexed-job | grep -E "Pods Statuses|Completed Indexes"
      kubectl logs indexed-job-0-rg26b
      kubectl logs -l batch.kubernetes.io/job-completion-index=3
      kubectl logs job/indexed-job -c input
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f indexed-job.yaml
      job.batch/indexed-job created
      $ sleep 2s
      $ kubectl get pods
      NAME                  READY   STATUS              RESTARTS   AGE
      indexed-job-0-rg26b   0/1     ContainerCreating   0          2s
      indexed-job-1-tclzb   0/1     ContainerCreating   0          2s
      indexed-job-2-2v6md   0/1     ContainerCreating   0          2s
      $ sleep 2s
      $ kubectl get pods
      NAME                  READY   STATUS      RESTARTS   AGE
      indexed-job-0-rg26b   0/1     Completed   0          4s
      indexed-job-1-tclzb   0/1     Completed   0          4s
      indexed-job-2-2v6md   0/1     Completed   0          4s
      indexed-job-3-qzlw9   0/1     Init:0/1    0          1s
      indexed-job-4-4jq9b   0/1     Init:0/1    0          1s
      $ kubectl describe job indexed-job | grep -E "Pods Statuses|Completed Indexes"
      Pods Statuses:      2 Active (0 Ready) / 3 Succeeded / 0 Failed
      Completed Indexes:  0-2
      $ sleep 10s
      $ kubectl get pods
      NAME                  READY   STATUS      RESTARTS   AGE
      indexed-job-0-rg26b   0/1     Completed   0          14s
      indexed-job-1-tclzb   0/1     Completed   0          14s
      indexed-job-2-2v6md   0/1     Completed   0          14s
      indexed-job-3-qzlw9   0/1     Completed   0          11s
      indexed-job-4-4jq9b   0/1     Completed   0          11s
      $ kubectl describe job indexed-job | grep -E "Pods Statuses|Completed Indexes"
      Pods Statuses:      0 Active (0 Ready) / 5 Succeeded / 0 Failed
      Completed Indexes:  0-4
      $ kubectl logs indexed-job-0-rg26b
      Defaulted container "worker" out of: worker, input (init)
      oof
      $ kubectl logs -l batch.kubernetes.io/job-completion-index=3
      Defaulted container "worker" out of: worker, input (init)
      xuq
      $ kubectl logs job/indexed-job -c input
      Found 5 pods, using pod/indexed-job-0-rg26b
      "
    `);
    expect(
      ["0", "1", "2", "3", "4"].map((i) => {
        const pod = s.cluster.store
          .list("Pod")
          .find((p) => p.metadata.labels?.["batch.kubernetes.io/job-completion-index"] === i)!;
        return s.cluster.logText(pod as never, "worker");
      }),
    ).toEqual(["oof\n", "rab\n", "zab\n", "xuq\n", "zyx\n"]);
  });

  test("5: python even indexes exit 1 twice: completedIndexes 1,3,5,7,9, FailedIndexes", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: job-backoff-limit-per-index-example
spec:
  completions: 10
  parallelism: 3
  completionMode: Indexed
  backoffLimitPerIndex: 1
  maxFailedIndexes: 5
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: example
        image: python
        command:
        - python3
        - -c
        - |
          import os, sys
          print("Hello world")
          if int(os.environ.get("JOB_COMPLETION_INDEX")) % 2 == 0:
            sys.exit(1)
`,
    });
    s.run("kubectl apply -f job.yaml");
    s.cluster.advance(15 * 60_000);
    expect(jobStatus(s, "job-backoff-limit-per-index-example")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:28Z", "lastTransitionTime": "2026-01-05T00:00:28Z", "reason": "FailedIndexes", "message": "Job has failed indexes" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:28Z", "lastTransitionTime": "2026-01-05T00:00:28Z", "reason": "FailedIndexes", "message": "Job has failed indexes" } ], "startTime": "2026-01-05T00:00:00Z", "succeeded": 5, "failed": 10, "terminating": 0, "completedIndexes": "1,3,5,7,9", "failedIndexes": "0,2,4,6,8", "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
    expect(
      s.run(`
      kubectl get jobs
      kubectl logs job/job-backoff-limit-per-index-example
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl get jobs
      NAME                                  STATUS   COMPLETIONS   DURATION   AGE
      job-backoff-limit-per-index-example   Failed   5/10          15m        15m
      $ kubectl logs job/job-backoff-limit-per-index-example
      Found 15 pods, using pod/job-backoff-limit-per-index-example-0-rg26b
      Hello world
      "
    `);
  });

  test("7: success policy with python, only index 2 exits 0", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
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
        image: python
        command:
          - python3
          - -c
          - |
            import os, sys
            if os.environ.get("JOB_COMPLETION_INDEX") == "2":
              sys.exit(0)
            else:
              sys.exit(1)
      restartPolicy: Never
metadata:
  name: job-success
`,
    });
    s.run("kubectl apply -f job.yaml");
    s.cluster.advance(5 * 60_000);
    expect(jobStatus(s, "job-success")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": "2026-01-05T00:00:11Z", "lastTransitionTime": "2026-01-05T00:00:11Z", "reason": "SuccessPolicy", "message": "Matched rules at index 0" }, { "type": "Complete", "status": "True", "lastProbeTime": "2026-01-05T00:00:12Z", "lastTransitionTime": "2026-01-05T00:00:12Z", "reason": "SuccessPolicy", "message": "Matched rules at index 0" } ], "startTime": "2026-01-05T00:00:00Z", "completionTime": "2026-01-05T00:00:12Z", "succeeded": 1, "failed": 4, "terminating": 0, "completedIndexes": "2", "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("6: the pod failure policy example's bash command exits 42 after 5 s", () => {
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
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 60s
      kubectl get jobs
      kubectl get job job-pod-failure-policy-example -o jsonpath='{.status.conditions[*].message}'
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/job-pod-failure-policy-example created
      $ sleep 60s
      $ kubectl get jobs
      NAME                             STATUS   COMPLETIONS   DURATION   AGE
      job-pod-failure-policy-example   Failed   0/12          60s        60s
      $ kubectl get job job-pod-failure-policy-example -o jsonpath='{.status.conditions[*].message}'
      Container main for pod default/job-pod-failure-policy-example-rg26b failed with exit code 42 matching FailJob rule at index 0 Container main for pod default/job-pod-failure-policy-example-rg26b failed with exit code 42 matching FailJob rule at index 0"
    `);
  });
});
