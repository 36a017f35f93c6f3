import { describe, expect, test } from "vitest";
import { jobYaml, podYaml, scenario } from "./harness.ts";

/**
 * SIGTERM handlers (`trap … TERM`) in the container's shell, delivered by the kubelet when a pod
 * terminates (spec §3.4): a shell in `wait` runs its trap at once, a foreground command delays
 * it, and PID 1 without a handler (or with `trap '' TERM`) is killed at the end of the grace period.
 */

const TRAP_IN_WAIT = `trap "echo got TERM; exit 143" TERM; echo working; sleep 1000 & wait`;

const pod = (name: string, script: string) => podYaml(name, script, "restartPolicy: Never");

describe("graceful shutdown: trap in the container shell (spec §3.4)", () => {
  test("deleting pods: a trap in `wait` ends at once; foreground sleep, `trap ''` and no trap wait out the grace period", () => {
    const s = scenario({
      "pods.yaml": [
        pod("trap-wait", TRAP_IN_WAIT),
        pod("trap-fg", `trap "echo got TERM; exit 143" TERM; sleep 1000`),
        pod("trap-ignore", `trap '' TERM; sleep 1000 & wait`),
        pod("no-trap", `sleep 1000 & wait`),
      ].join("---\n"),
    });
    expect(
      s.run(`
      kubectl apply -f pods.yaml
      sleep 3s
      kubectl logs trap-wait
      kubectl delete pods --all --wait=false
      kubectl get pods
      sleep 1s
      kubectl get pods
      sleep 28s
      kubectl get pods
      sleep 1s
      kubectl get pods
      kubectl get events --field-selector involvedObject.name=trap-wait
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pods.yaml
      pod/trap-wait created
      pod/trap-fg created
      pod/trap-ignore created
      pod/no-trap created
      $ sleep 3s
      $ kubectl logs trap-wait
      working
      $ kubectl delete pods --all --wait=false
      pod "no-trap" deleted from default namespace
      pod "trap-fg" deleted from default namespace
      pod "trap-ignore" deleted from default namespace
      pod "trap-wait" deleted from default namespace
      $ kubectl get pods
      NAME          READY   STATUS        RESTARTS   AGE
      no-trap       1/1     Terminating   0          3s
      trap-fg       1/1     Terminating   0          3s
      trap-ignore   1/1     Terminating   0          3s
      $ sleep 1s
      $ kubectl get pods
      NAME          READY   STATUS        RESTARTS   AGE
      no-trap       1/1     Terminating   0          4s
      trap-fg       1/1     Terminating   0          4s
      trap-ignore   1/1     Terminating   0          4s
      $ sleep 28s
      $ kubectl get pods
      NAME          READY   STATUS        RESTARTS   AGE
      no-trap       1/1     Terminating   0          32s
      trap-fg       1/1     Terminating   0          32s
      trap-ignore   1/1     Terminating   0          32s
      $ sleep 1s
      $ kubectl get pods
      No resources found in default namespace.
      $ kubectl get events --field-selector involvedObject.name=trap-wait
      LAST SEEN   TYPE     REASON      OBJECT          MESSAGE
      33s         Normal   Scheduled   pod/trap-wait   Successfully assigned default/trap-wait to node-1
      33s         Normal   Pulling     pod/trap-wait   Pulling image "busybox:1.36"
      32s         Normal   Pulled      pod/trap-wait   Successfully pulled image "busybox:1.36" in 868ms (868ms including waiting). Image size: 2155872 bytes.
      32s         Normal   Created     pod/trap-wait   Created container: main
      32s         Normal   Started     pod/trap-wait   Started container main
      30s         Normal   Killing     pod/trap-wait   Stopping container main
      "
    `);
  });

  test("a trap that does not exit: it prints, the loop goes on, SIGKILL ends it at the grace period", () => {
    const s = scenario({
      "pod.yaml": pod("looper", `trap 'echo bye' TERM; while true; do sleep 1; done`),
    });
    expect(
      s.run(`
      kubectl apply -f pod.yaml
      sleep 3s
      kubectl delete pod looper --wait=false
      sleep 2s
      kubectl logs looper
      kubectl get pods
      sleep 28s
      kubectl get pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f pod.yaml
      pod/looper created
      $ sleep 3s
      $ kubectl delete pod looper --wait=false
      pod "looper" deleted from default namespace
      $ sleep 2s
      $ kubectl logs looper
      bye
      $ kubectl get pods
      NAME     READY   STATUS        RESTARTS   AGE
      looper   1/1     Terminating   0          5s
      $ sleep 28s
      $ kubectl get pods
      No resources found in default namespace.
      "
    `);
  });

  test("pod activeDeadlineSeconds: the trap's exit 143 is what podFailurePolicy sees", () => {
    const s = scenario({
      "job.yaml": jobYaml(
        "graceful",
        `backoffLimit: 3
podFailurePolicy:
  rules:
  - action: FailJob
    onExitCodes:
      operator: In
      values: [143]`,
        TRAP_IN_WAIT,
        "restartPolicy: Never\nactiveDeadlineSeconds: 5",
      ),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 8s
      kubectl get job,pods
      kubectl get pods -l job-name=graceful -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.exitCode} {.items[0].status.containerStatuses[0].state.terminated.reason} {.items[0].status.containerStatuses[0].state.terminated.finishedAt}'
      kubectl get job graceful -o jsonpath='{.status.conditions[0].message}'
      kubectl logs job/graceful
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/graceful created
      $ sleep 8s
      $ kubectl get job,pods
      NAME                 STATUS   COMPLETIONS   DURATION   AGE
      job.batch/graceful   Failed   0/1           8s         8s

      NAME                 READY   STATUS   RESTARTS   AGE
      pod/graceful-rg26b   0/1     Error    0          8s
      $ kubectl get pods -l job-name=graceful -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.exitCode} {.items[0].status.containerStatuses[0].state.terminated.reason} {.items[0].status.containerStatuses[0].state.terminated.finishedAt}'
      143 Error 2026-01-05T00:00:05Z$ kubectl get job graceful -o jsonpath='{.status.conditions[0].message}'
      Container main for pod default/graceful-rg26b failed with exit code 143 matching FailJob rule at index 0$ kubectl logs job/graceful
      working
      got TERM
      "
    `);
  });

  test("`trap 'exit 0' TERM`: the container ends Completed (the pod still fails, DeadlineExceeded); a foreground sleep with a trap is killed (137)", () => {
    const s = scenario({
      "job.yaml": [
        jobYaml(
          "zero",
          "backoffLimit: 0",
          `trap 'exit 0' TERM; sleep 1000 & wait`,
          "restartPolicy: Never\nactiveDeadlineSeconds: 5",
        ),
        jobYaml(
          "fg",
          "backoffLimit: 0",
          `trap 'echo got TERM; exit 143' TERM; sleep 1000`,
          "restartPolicy: Never\nactiveDeadlineSeconds: 5",
        ),
      ].join("---\n"),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 8s
      kubectl get jobs
      kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase} {.status.reason} {.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}{"\\n"}{end}'
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/zero created
      job.batch/fg created
      $ sleep 8s
      $ kubectl get jobs
      NAME   STATUS   COMPLETIONS   DURATION   AGE
      fg     Failed   0/1           8s         8s
      zero   Failed   0/1           8s         8s
      $ kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase} {.status.reason} {.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}{"\\n"}{end}'
      fg-vhj5j Failed DeadlineExceeded 137 Error
      zero-9tk9r Failed DeadlineExceeded 0 Completed
      "
    `);
  });

  test("Job activeDeadlineSeconds: the trapping pod is gone at once, the plain one terminates for 30 s", () => {
    const s = scenario({
      "job.yaml": [
        jobYaml("trapping", "activeDeadlineSeconds: 10", TRAP_IN_WAIT, "restartPolicy: Never"),
        jobYaml("plain", "activeDeadlineSeconds: 10", "sleep 1000", "restartPolicy: Never"),
      ].join("---\n"),
    });
    expect(
      s.run(`
      kubectl apply -f job.yaml
      sleep 12s
      kubectl get jobs,pods
      sleep 30s
      kubectl get jobs,pods
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f job.yaml
      job.batch/trapping created
      job.batch/plain created
      $ sleep 12s
      $ kubectl get jobs,pods
      NAME                 STATUS          COMPLETIONS   DURATION   AGE
      job.batch/plain      FailureTarget   0/1           12s        12s
      job.batch/trapping   Failed          0/1           12s        12s

      NAME              READY   STATUS        RESTARTS   AGE
      pod/plain-vhj5j   1/1     Terminating   0          12s
      $ sleep 30s
      $ kubectl get jobs,pods
      NAME                 STATUS   COMPLETIONS   DURATION   AGE
      job.batch/plain      Failed   0/1           42s        42s
      job.batch/trapping   Failed   0/1           42s        42s
      "
    `);
  });
});
