import { describe, expect, test } from "vitest";
import type { Pod } from "../api/types.ts";
import { jobStatus, jobYaml, patchJob, scenario } from "./harness.ts";

const never = "restartPolicy: Never";

describe("job controller features (spec §2)", () => {
  test("course: backoffLimit 3 with exit 1 ends with 4 failed pods and BackoffLimitExceeded", () => {
    const s = scenario({
      "job.yaml": jobYaml("example-backofflimit-job", "backoffLimit: 3", "exit 1", never),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 3m
      kubectl get jobs example-backofflimit-job
      kubectl get pods -l job-name=example-backofflimit-job
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/example-backofflimit-job created
      $ sleep 3m
      $ kubectl get jobs example-backofflimit-job
      NAME                       STATUS   COMPLETIONS   DURATION   AGE
      example-backofflimit-job   Failed   0/1           3m         3m
      $ kubectl get pods -l job-name=example-backofflimit-job
      NAME                             READY   STATUS   RESTARTS   AGE
      example-backofflimit-job-gsppq   0/1     Error    0          2m29s
      example-backofflimit-job-rg26b   0/1     Error    0          3m
      example-backofflimit-job-s44mt   0/1     Error    0          109s
      example-backofflimit-job-xhzzx   0/1     Error    0          2m49s
      "
    `);
  });

  test("Indexed (spec §8 ex. 4, busybox form): names, hostname, JOB_COMPLETION_INDEX, completedIndexes", () => {
    const s = scenario({
      "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: indexed-job
spec:
  completions: 5
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: input
        image: busybox
        command: ["sh", "-c", "set -- foo bar baz qux xyz; shift $JOB_COMPLETION_INDEX; echo $1 > /input/data.txt"]
        volumeMounts: [{mountPath: /input, name: input}]
      containers:
      - name: worker
        image: busybox
        command: ["sh", "-c", "rev /input/data.txt; hostname; sleep $((JOB_COMPLETION_INDEX * 2))"]
        volumeMounts: [{mountPath: /input, name: input}]
      volumes:
      - name: input
        emptyDir: {}
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 4s
      kubectl get pods
      kubectl describe job indexed-job | grep Indexes
      sleep 30s
      kubectl get jobs,pods
      kubectl describe job indexed-job | grep Indexes
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/indexed-job created
      $ sleep 4s
      $ kubectl get pods
      NAME                  READY   STATUS              RESTARTS   AGE
      indexed-job-0-rg26b   0/1     Completed           0          4s
      indexed-job-1-tclzb   1/1     Running             0          4s
      indexed-job-2-2v6md   1/1     Running             0          4s
      indexed-job-3-vt8zz   0/1     ContainerCreating   0          2s
      $ kubectl describe job indexed-job | grep Indexes
      Completed Indexes:  0
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME                    STATUS     COMPLETIONS   DURATION   AGE
      job.batch/indexed-job   Complete   5/5           15s        34s

      NAME                      READY   STATUS      RESTARTS   AGE
      pod/indexed-job-0-rg26b   0/1     Completed   0          34s
      pod/indexed-job-1-tclzb   0/1     Completed   0          34s
      pod/indexed-job-2-2v6md   0/1     Completed   0          34s
      pod/indexed-job-3-vt8zz   0/1     Completed   0          32s
      pod/indexed-job-4-slrz9   0/1     Completed   0          30s
      $ kubectl describe job indexed-job | grep Indexes
      Completed Indexes:  0-4
      "
    `);
    const logs = s.cluster.store
      .list<Pod>("Pod")
      .map((p) => `${p.metadata.name}: ${s.cluster.logText(p, "worker").replace(/\n/g, " ")}`);
    expect(logs).toMatchInlineSnapshot(`
      [
        "indexed-job-0-rg26b: oof indexed-job-0 ",
        "indexed-job-1-tclzb: rab indexed-job-1 ",
        "indexed-job-2-2v6md: zab indexed-job-2 ",
        "indexed-job-3-vt8zz: xuq indexed-job-3 ",
        "indexed-job-4-slrz9: zyx indexed-job-4 ",
      ]
    `);
  });

  test("backoffLimitPerIndex (spec §8 ex. 5): even indexes fail twice, Job fails with FailedIndexes", () => {
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
        image: busybox
        command: ["sh", "-c", "echo Hello world; exit $((1 - JOB_COMPLETION_INDEX % 2))"]
`,
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 2m
      kubectl get jobs
      kubectl get pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/job-backoff-limit-per-index-example created
      $ sleep 2m
      $ kubectl get jobs
      NAME                                  STATUS   COMPLETIONS   DURATION   AGE
      job-backoff-limit-per-index-example   Failed   5/10          2m         2m
      $ kubectl get pods
      NAME                                          READY   STATUS      RESTARTS   AGE
      job-backoff-limit-per-index-example-0-rg26b   0/1     Error       0          2m
      job-backoff-limit-per-index-example-0-v6lrs   0/1     Error       0          109s
      job-backoff-limit-per-index-example-1-tclzb   0/1     Completed   0          2m
      job-backoff-limit-per-index-example-2-2v6md   0/1     Error       0          2m
      job-backoff-limit-per-index-example-2-4f446   0/1     Error       0          109s
      job-backoff-limit-per-index-example-3-qkpmq   0/1     Completed   0          118s
      job-backoff-limit-per-index-example-4-5g2gn   0/1     Error       0          107s
      job-backoff-limit-per-index-example-4-hfsqb   0/1     Error       0          118s
      job-backoff-limit-per-index-example-5-8wk55   0/1     Completed   0          118s
      job-backoff-limit-per-index-example-6-px6x2   0/1     Error       0          116s
      job-backoff-limit-per-index-example-6-z5fb8   0/1     Error       0          105s
      job-backoff-limit-per-index-example-7-j6xf5   0/1     Completed   0          116s
      job-backoff-limit-per-index-example-8-2n4df   0/1     Error       0          116s
      job-backoff-limit-per-index-example-8-97x9l   0/1     Error       0          105s
      job-backoff-limit-per-index-example-9-cp4ww   0/1     Completed   0          114s
      "
    `);
    expect(jobStatus(s, "job-backoff-limit-per-index-example")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:17Z", "lastTransitionTime": "2026-01-05T00:00:17Z", "reason": "FailedIndexes", "message": "Job has failed indexes" }, { "type": "Failed", "status": "True", "lastProbeTime": "2026-01-05T00:00:17Z", "lastTransitionTime": "2026-01-05T00:00:17Z", "reason": "FailedIndexes", "message": "Job has failed indexes" } ], "startTime": "2026-01-05T00:00:00Z", "succeeded": 5, "failed": 10, "terminating": 0, "completedIndexes": "1,3,5,7,9", "failedIndexes": "0,2,4,6,8", "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
    const annotations = s.cluster.store
      .list<Pod>("Pod")
      .filter((p) => p.metadata.name!.includes("-0-"))
      .map((p) => p.metadata.annotations);
    expect(annotations).toMatchInlineSnapshot(`
      [
        {
          "batch.kubernetes.io/job-completion-index": "0",
          "batch.kubernetes.io/job-index-failure-count": "0",
        },
        {
          "batch.kubernetes.io/job-completion-index": "0",
          "batch.kubernetes.io/job-index-failure-count": "1",
        },
      ]
    `);
  });

  test("maxFailedIndexes exceeded fails the Job at once and deletes the running pods", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "mfi",
        "completions: 4\nparallelism: 4\ncompletionMode: Indexed\nbackoffLimitPerIndex: 0\nmaxFailedIndexes: 1",
        "if [ $JOB_COMPLETION_INDEX -lt 2 ]; then exit 3; fi; sleep 600",
        never,
      ),
    });
    expect(s.run("kubectl apply -f job.yaml\nsleep 4s\nkubectl get jobs,pods"))
      .toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/mfi created
      $ sleep 4s
      $ kubectl get jobs,pods
      NAME            STATUS          COMPLETIONS   DURATION   AGE
      job.batch/mfi   FailureTarget   0/4           4s         4s

      NAME              READY   STATUS        RESTARTS   AGE
      pod/mfi-0-rg26b   0/1     Error         0          4s
      pod/mfi-1-tclzb   0/1     Error         0          4s
      pod/mfi-2-2v6md   1/1     Terminating   0          4s
      pod/mfi-3-8zz2r   1/1     Terminating   0          4s
      "
    `);
    expect(jobStatus(s, "mfi")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "FailureTarget", "status": "True", "lastProbeTime": "2026-01-05T00:00:02Z", "lastTransitionTime": "2026-01-05T00:00:02Z", "reason": "MaxFailedIndexesExceeded", "message": "Job has exceeded the specified maximal number of failed indexes" } ], "startTime": "2026-01-05T00:00:00Z", "failed": 4, "terminating": 2, "failedIndexes": "0,1", "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("work queue: parallelism 3 without completions winds down after the first success", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "queue",
        "parallelism: 3",
        "case $HOSTNAME in *) sleep $(( $(date +%s) % 7 + 3 ));; esac",
        never,
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 2s
      kubectl get jobs,pods
      sleep 30s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/queue created
      $ sleep 2s
      $ kubectl get jobs,pods
      NAME              STATUS    COMPLETIONS   DURATION   AGE
      job.batch/queue   Running   0/1 of 3      2s         2s

      NAME              READY   STATUS    RESTARTS   AGE
      pod/queue-2v6md   1/1     Running   0          2s
      pod/queue-rg26b   1/1     Running   0          2s
      pod/queue-tclzb   1/1     Running   0          2s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME              STATUS     COMPLETIONS   DURATION   AGE
      job.batch/queue   Complete   3/1 of 3      9s         32s

      NAME              READY   STATUS      RESTARTS   AGE
      pod/queue-2v6md   0/1     Completed   0          32s
      pod/queue-rg26b   0/1     Completed   0          32s
      pod/queue-tclzb   0/1     Completed   0          32s
      "
    `);
  });

  test("deleting a running Job pod by hand counts as a failure; the replacement waits only for the back-off", () => {
    const s = scenario({ "job.yaml": jobYaml("del", "backoffLimit: 1", "sleep 600", never) });
    s.run("kubectl apply -f job.yaml\nsleep 3s");
    const pod = s.cluster.store.list<Pod>("Pod")[0];
    s.cluster.api.delete("Pod", "default", pod.metadata.name!);
    expect(s.run("sleep 2s\nkubectl get jobs,pods\nsleep 10s\nkubectl get jobs,pods"))
      .toMatchInlineSnapshot(`
      "$ sleep 2s
      $ kubectl get jobs,pods
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      job.batch/del   Running   0/1           5s         5s

      NAME            READY   STATUS        RESTARTS   AGE
      pod/del-rg26b   1/1     Terminating   0          5s
      $ sleep 10s
      $ kubectl get jobs,pods
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      job.batch/del   Running   0/1           15s        15s

      NAME            READY   STATUS        RESTARTS   AGE
      pod/del-lqg7x   1/1     Running       0          2s
      pod/del-rg26b   1/1     Terminating   0          15s
      "
    `);
    expect(jobStatus(s, "del")).toMatchInlineSnapshot(
      `"{ "startTime": "2026-01-05T00:00:00Z", "active": 1, "failed": 1, "terminating": 1, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });

  test("podReplacementPolicy Failed waits for the terminating pod before replacing it", () => {
    const s = scenario({
      "job.yaml": jobYaml("prp", "podReplacementPolicy: Failed", "sleep 600", never),
    });
    s.run("kubectl apply -f job.yaml\nsleep 3s");
    const pod = s.cluster.store.list<Pod>("Pod")[0];
    s.cluster.api.delete("Pod", "default", pod.metadata.name!);
    expect(
      s.run(
        "sleep 2s\nkubectl get jobs,pods\nsleep 30s\nkubectl get jobs,pods\nsleep 11s\nkubectl get jobs,pods",
      ),
    ).toMatchInlineSnapshot(`
      "$ sleep 2s
      $ kubectl get jobs,pods
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      job.batch/prp   Running   0/1           5s         5s

      NAME            READY   STATUS        RESTARTS   AGE
      pod/prp-rg26b   1/1     Terminating   0          5s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      job.batch/prp   Running   0/1           35s        35s
      $ sleep 11s
      $ kubectl get jobs,pods
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      job.batch/prp   Running   0/1           46s        46s

      NAME            READY   STATUS    RESTARTS   AGE
      pod/prp-lqg7x   1/1     Running   0          3s
      "
    `);
    expect(jobStatus(s, "prp")).toMatchInlineSnapshot(
      `"{ "startTime": "2026-01-05T00:00:00Z", "active": 1, "failed": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 1 }"`,
    );
  });

  test("status.active is written as 0 while creation is blocked by back-off (quirk §2.4)", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "quirk",
        "completions: 2\nparallelism: 2",
        "case $HOSTNAME in quirk-rg26b) exit 1;; esac; sleep 100",
        never,
      ),
    });
    expect(s.run("kubectl apply -f job.yaml\nsleep 4s\nkubectl get pods")).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/quirk created
      $ sleep 4s
      $ kubectl get pods
      NAME          READY   STATUS    RESTARTS   AGE
      quirk-rg26b   0/1     Error     0          4s
      quirk-tclzb   1/1     Running   0          4s
      "
    `);
    expect(jobStatus(s, "quirk")).toMatchInlineSnapshot(
      `"{ "startTime": "2026-01-05T00:00:00Z", "failed": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 1 }"`,
    );
  });

  test("at most 500 pods are created per sync", () => {
    const s = scenario({
      "job.yaml": jobYaml("wide", "completions: 600\nparallelism: 600", "sleep 60", never),
    });
    s.run("kubectl apply -f job.yaml");
    const count = () => s.cluster.store.list<Pod>("Pod").length;
    const first = count();
    s.cluster.advance(1500);
    expect([first, count()]).toEqual([500, 600]);
  });

  test("created suspended: no pods, no startTime, Suspended condition and event", () => {
    const s = scenario({
      "job.yaml": jobYaml("sus", "suspend: true\nactiveDeadlineSeconds: 5", "sleep 1", never),
    });
    expect(s.run("kubectl apply -f job.yaml\nsleep 60s\nkubectl get jobs,pods"))
      .toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/sus created
      $ sleep 60s
      $ kubectl get jobs,pods
      NAME            STATUS      COMPLETIONS   DURATION   AGE
      job.batch/sus   Suspended   0/1                      60s
      "
    `);
    expect(jobStatus(s, "sus")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "Suspended", "status": "True", "lastProbeTime": "2026-01-05T00:00:00Z", "lastTransitionTime": "2026-01-05T00:00:00Z", "reason": "JobSuspended", "message": "Job suspended" } ], "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
    patchJob(s, "sus", (spec) => (spec.suspend = false));
    expect(s.run("sleep 10s\nkubectl get jobs,pods")).toMatchInlineSnapshot(`
      "$ sleep 10s
      $ kubectl get jobs,pods
      NAME            STATUS     COMPLETIONS   DURATION   AGE
      job.batch/sus   Complete   1/1           3s         70s

      NAME            READY   STATUS      RESTARTS   AGE
      pod/sus-9tk9r   0/1     Completed   0          10s
      "
    `);
    expect(jobStatus(s, "sus")).toMatchInlineSnapshot(
      `"{ "conditions": [ { "type": "Suspended", "status": "False", "lastProbeTime": "2026-01-05T00:01:00Z", "lastTransitionTime": "2026-01-05T00:01:00Z", "reason": "JobResumed", "message": "Job resumed" }, { "type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": "2026-01-05T00:01:03Z", "lastTransitionTime": "2026-01-05T00:01:03Z", "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods" }, { "type": "Complete", "status": "True", "lastProbeTime": "2026-01-05T00:01:03Z", "lastTransitionTime": "2026-01-05T00:01:03Z", "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods" } ], "startTime": "2026-01-05T00:01:00Z", "completionTime": "2026-01-05T00:01:03Z", "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}, "ready": 0 }"`,
    );
  });
});
