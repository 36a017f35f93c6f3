import { describe, expect, test } from "vitest";
import { jobYaml, scenario } from "./harness.ts";

describe("kubectl logs job/NAME waits for a first pod (spec §7.5)", () => {
  test("a suspended Job has no pod: the command gives up after --pod-running-timeout", () => {
    const s = scenario({
      "job.yaml": jobYaml("later", "suspend: true", "echo hello", "restartPolicy: Never"),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      date
      kubectl logs job/later
      date
      kubectl logs -f job/later --pod-running-timeout=1m
      date
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/later created
      $ date
      Mon Jan  5 00:00:00 UTC 2026
      $ kubectl logs job/later
      error: timed out waiting for the condition
      $ date
      Mon Jan  5 00:00:20 UTC 2026
      $ kubectl logs -f job/later --pod-running-timeout=1m
      error: timed out waiting for the condition
      $ date
      Mon Jan  5 00:01:20 UTC 2026
      "
    `);
  });

  test("a failed pod deleted during the backoff: logs waits for the replacement pod", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "flaky",
        "backoffLimit: 3",
        "echo attempt; exit 1",
        "restartPolicy: Never",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      kubectl wait --for=jsonpath='{.status.failed}'=1 job/flaky
      kubectl delete pods -l job-name=flaky
      date
      kubectl logs job/flaky
      date
      kubectl wait --for=jsonpath='{.status.failed}'=2 job/flaky
      kubectl logs job/flaky
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/flaky created
      $ kubectl wait --for=jsonpath='{.status.failed}'=1 job/flaky
      job.batch/flaky condition met
      $ kubectl delete pods -l job-name=flaky
      pod "flaky-rg26b" deleted from default namespace
      $ date
      Mon Jan  5 00:00:02 UTC 2026
      $ kubectl logs job/flaky
      Error from server (BadRequest): container "main" in pod "flaky-xhzzx" is waiting to start: ContainerCreating
      $ date
      Mon Jan  5 00:00:11 UTC 2026
      $ kubectl wait --for=jsonpath='{.status.failed}'=2 job/flaky
      job.batch/flaky condition met
      $ kubectl logs job/flaky
      attempt
      "
    `);
  });
});

describe("kubectl label and annotate on a Job and its pods (spec §1.2)", () => {
  test("a Job's own labels change; its pods can be relabelled and found by the new label", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "work",
        "completions: 2\nparallelism: 2",
        "sleep 60",
        "restartPolicy: Never",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      kubectl label job work team=batch
      kubectl get jobs -l team=batch
      kubectl label pods -l job-name=work stage=one
      kubectl get pods -l stage=one
      kubectl label pods -l job-name=work stage=two
      kubectl label pods -l job-name=work stage=two --overwrite
      kubectl annotate job work owner=ops
      kubectl describe job work
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/work created
      $ kubectl label job work team=batch
      job.batch/work labeled
      $ kubectl get jobs -l team=batch
      NAME   STATUS    COMPLETIONS   DURATION   AGE
      work   Running   0/2           0s         0s
      $ kubectl label pods -l job-name=work stage=one
      pod/work-rg26b labeled
      pod/work-tclzb labeled
      $ kubectl get pods -l stage=one
      NAME         READY   STATUS              RESTARTS   AGE
      work-rg26b   0/1     ContainerCreating   0          0s
      work-tclzb   0/1     ContainerCreating   0          0s
      $ kubectl label pods -l job-name=work stage=two
      'stage' already has a value (one), and --overwrite is false
      'stage' already has a value (one), and --overwrite is false
      $ kubectl label pods -l job-name=work stage=two --overwrite
      pod/work-rg26b labeled
      pod/work-tclzb labeled
      $ kubectl annotate job work owner=ops
      job.batch/work annotated
      $ kubectl describe job work
      Name:             work
      Namespace:        default
      Selector:         batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
      Labels:           batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        batch.kubernetes.io/job-name=work
                        controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                        job-name=work
                        team=batch
      Annotations:      owner: ops
      Parallelism:      2
      Completions:      2
      Completion Mode:  NonIndexed
      Suspend:          false
      Backoff Limit:    6
      Start Time:       Mon, 05 Jan 2026 00:00:00 +0000
      Pods Statuses:    2 Active (0 Ready) / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 batch.kubernetes.io/job-name=work
                 controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
                 job-name=work
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            sleep 60
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From            Message
        ----    ------            ----  ----            -------
        Normal  SuccessfulCreate  0s    job-controller  Created pod: work-rg26b
        Normal  SuccessfulCreate  0s    job-controller  Created pod: work-tclzb
      "
    `);
  });
});
