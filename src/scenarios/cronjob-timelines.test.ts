import { describe, expect, it } from "vitest";
import type { CronJob } from "../api/types.ts";
import { scenario, type Scenario } from "./harness.ts";

// CronJob timelines of batch spec §10 E–F and the controller rules of §4.4–4.8, as a learner
// sees them in the terminal. The clock starts at 2026-01-05T00:00:00Z (Unix minute 29459520).

/** A CronJob manifest with a busybox `sh -c` container; `spec` lines go under `spec:`. */
function cronJobYaml(name: string, spec: string, script: string, jobSpec = ""): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l.trim()}`)
  .join("\n")}
  jobTemplate:
    spec:
${jobSpec
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => `      ${l.trim()}`)
  .join("\n")}
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: busybox:1.36
            command: ["sh", "-c", ${JSON.stringify(script)}]
`;
}

const hello = "date; echo Hello from the Kubernetes cluster";

/** Change a stored CronJob as `kubectl edit` would: read, copy, change, update. */
function edit(s: Scenario, name: string, change: (cj: CronJob) => void): void {
  const live = s.cluster.store.get<CronJob>("CronJob", "default", name)!;
  const next = structuredClone(live);
  change(next);
  s.cluster.api.update(next);
  s.cluster.settle();
}

describe("§10 E: a */1 CronJob created at 00:00:00", () => {
  it("creates <name>-<unix minutes> at each minute + 100 ms and keeps 3 successful Jobs", () => {
    const s = scenario({ "hello.yaml": cronJobYaml("hello", `schedule: "*/1 * * * *"`, hello) });
    // The first time is the first one strictly after creation: 00:01:00, not 00:00:00 (§4.5).
    expect(
      s.run(`
        kubectl apply -f hello.yaml
        kubectl get cronjobs
        sleep 60s
        kubectl get jobs
        sleep 1s
        kubectl get cronjobs
        kubectl get jobs
        kubectl get jobs hello-29459521 -o jsonpath={.metadata.annotations}
        sleep 2s
        kubectl get cronjobs
        kubectl get cronjob hello -o jsonpath={.status}
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f hello.yaml
      cronjob.batch/hello created
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     False     0        <none>          0s
      $ sleep 60s
      $ kubectl get jobs
      No resources found in default namespace.
      $ sleep 1s
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     False     1        1s              61s
      $ kubectl get jobs
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      hello-29459521   Running   0/1           1s         1s
      $ kubectl get jobs hello-29459521 -o jsonpath={.metadata.annotations}
      {"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-05T00:01:00Z"}$ sleep 2s
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     False     0        3s              63s
      $ kubectl get cronjob hello -o jsonpath={.status}
      {"lastScheduleTime":"2026-01-05T00:01:00Z","lastSuccessfulTime":"2026-01-05T00:01:02Z"}"
    `);
    // The 4th successful Job's completion deletes the oldest one, before SawCompletedJob.
    expect(
      s.run(`
        sleep 3m
        kubectl get jobs
        kubectl describe cronjob hello
      `),
    ).toMatchInlineSnapshot(`
      "$ sleep 3m
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459522   Complete   1/1           1s         2m3s
      hello-29459523   Complete   1/1           1s         63s
      hello-29459524   Complete   1/1           1s         3s
      $ kubectl describe cronjob hello
      Name:                          hello
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */1 * * * *
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
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            date; echo Hello from the Kubernetes cluster
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 05 Jan 2026 00:04:00 +0000
      Active Jobs:         <none>
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  3m3s  cronjob-controller  Created job hello-29459521
        Normal  SawCompletedJob   3m1s  cronjob-controller  Saw completed job: hello-29459521, condition: Complete
        Normal  SuccessfulCreate  2m3s  cronjob-controller  Created job hello-29459522
        Normal  SawCompletedJob   2m2s  cronjob-controller  Saw completed job: hello-29459522, condition: Complete
        Normal  SuccessfulCreate  63s   cronjob-controller  Created job hello-29459523
        Normal  SawCompletedJob   62s   cronjob-controller  Saw completed job: hello-29459523, condition: Complete
        Normal  SuccessfulCreate  3s    cronjob-controller  Created job hello-29459524
        Normal  SuccessfulDelete  2s    cronjob-controller  Deleted job hello-29459521
        Normal  SawCompletedJob   2s    cronjob-controller  Saw completed job: hello-29459524, condition: Complete
      "
    `);
  });
});

describe("§10 F: suspend and unsuspend", () => {
  it("without a deadline, unsuspending runs the single latest missed time at once", () => {
    const s = scenario({
      "hello.yaml": cronJobYaml("hello", `schedule: "*/1 * * * *"\nsuspend: true`, hello),
    });
    expect(
      s.run(`
        kubectl apply -f hello.yaml
        sleep 3m30s
        kubectl get cronjobs
        kubectl get jobs
        kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
        kubectl get jobs
        sleep 30s
        kubectl get jobs
        sleep 1s
        kubectl get jobs
        kubectl get cronjobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f hello.yaml
      cronjob.batch/hello created
      $ sleep 3m30s
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     True      0        <none>          3m30s
      $ kubectl get jobs
      No resources found in default namespace.
      $ kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
      cronjob.batch/hello patched
      $ kubectl get jobs
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      hello-29459523   Running   0/1           0s         0s
      $ sleep 30s
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459523   Complete   1/1           2s         30s
      $ sleep 1s
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459523   Complete   1/1           2s         31s
      hello-29459524   Running    0/1           1s         1s
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     False     1        1s              4m1s
      "
    `);
  });

  it("with startingDeadlineSeconds, missed times beyond the deadline are skipped silently", () => {
    const s = scenario({
      "report.yaml": cronJobYaml(
        "report",
        `schedule: "*/5 * * * *"\nsuspend: true\nstartingDeadlineSeconds: 60`,
        hello,
      ),
    });
    expect(
      s.run(`
        kubectl apply -f report.yaml
        sleep 12m
        kubectl patch cronjob report -p '{"spec":{"suspend":false}}'
        kubectl get jobs
        sleep 3m
        kubectl get jobs
        sleep 1s
        kubectl get jobs
        kubectl describe cronjob report
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f report.yaml
      cronjob.batch/report created
      $ sleep 12m
      $ kubectl patch cronjob report -p '{"spec":{"suspend":false}}'
      cronjob.batch/report patched
      $ kubectl get jobs
      No resources found in default namespace.
      $ sleep 3m
      $ kubectl get jobs
      No resources found in default namespace.
      $ sleep 1s
      $ kubectl get jobs
      NAME              STATUS    COMPLETIONS   DURATION   AGE
      report-29459535   Running   0/1           1s         1s
      $ kubectl describe cronjob report
      Name:                          report
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */5 * * * *
      Concurrency Policy:            Allow
      Suspend:                       False
      Successful Job History Limit:  3
      Failed Job History Limit:      1
      Starting Deadline Seconds:     60s
      Selector:                      <unset>
      Parallelism:                   <unset>
      Completions:                   <unset>
      Pod Template:
        Labels:  <none>
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            date; echo Hello from the Kubernetes cluster
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 05 Jan 2026 00:15:00 +0000
      Active Jobs:         report-29459535
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  1s    cronjob-controller  Created job report-29459535
      "
    `);
  });

  it("more than 100 missed times: TooManyMissedTimes, and the latest still runs (§12)", () => {
    const s = scenario({
      "hello.yaml": cronJobYaml("hello", `schedule: "*/1 * * * *"\nsuspend: true`, hello),
    });
    expect(
      s.run(`
        kubectl apply -f hello.yaml
        sleep 2h
        kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
        kubectl get jobs
        kubectl get events --field-selector involvedObject.kind=CronJob
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f hello.yaml
      cronjob.batch/hello created
      $ sleep 2h
      $ kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
      cronjob.batch/hello patched
      $ kubectl get jobs
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      hello-29459640   Running   0/1           0s         0s
      $ kubectl get events --field-selector involvedObject.kind=CronJob
      LAST SEEN   TYPE      REASON               OBJECT          MESSAGE
      0s          Warning   TooManyMissedTimes   cronjob/hello   too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew
      0s          Normal    SuccessfulCreate     cronjob/hello   Created job hello-29459640
      "
    `);
  });

  it("cleans up history while suspended", () => {
    const s = scenario({
      "hello.yaml": cronJobYaml("hello", `schedule: "*/1 * * * *"`, hello),
    });
    s.run(`
      kubectl apply -f hello.yaml
      sleep 3m30s
    `);
    expect(
      s.run(`
        kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
        kubectl get jobs
        kubectl patch cronjob hello -p '{"spec":{"successfulJobsHistoryLimit":1}}'
        kubectl get jobs
        sleep 5m
        kubectl get cronjobs
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
      cronjob.batch/hello patched
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459521   Complete   1/1           2s         2m30s
      hello-29459522   Complete   1/1           1s         90s
      hello-29459523   Complete   1/1           1s         30s
      $ kubectl patch cronjob hello -p '{"spec":{"successfulJobsHistoryLimit":1}}'
      cronjob.batch/hello patched
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459523   Complete   1/1           1s         30s
      $ sleep 5m
      $ kubectl get cronjobs
      NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      hello   */1 * * * *   <none>     True      0        5m30s           8m30s
      $ kubectl get jobs
      NAME             STATUS     COMPLETIONS   DURATION   AGE
      hello-29459523   Complete   1/1           1s         5m30s
      "
    `);
  });
});

describe("history limits (§4.4 step 2)", () => {
  it("with 0 kept, a finished Job is deleted by the cleanup step, before step 3 could report it", () => {
    const s = scenario({
      "hello.yaml": cronJobYaml(
        "hello",
        `schedule: "*/1 * * * *"\nsuccessfulJobsHistoryLimit: 0`,
        hello,
      ),
    });
    expect(
      s.run(`
        kubectl apply -f hello.yaml
        sleep 65s
        kubectl get jobs
        kubectl get cronjob hello -o jsonpath={.status}
        kubectl get events --field-selector involvedObject.kind=CronJob
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f hello.yaml
      cronjob.batch/hello created
      $ sleep 65s
      $ kubectl get jobs
      No resources found in default namespace.
      $ kubectl get cronjob hello -o jsonpath={.status}
      {"lastScheduleTime":"2026-01-05T00:01:00Z","lastSuccessfulTime":"2026-01-05T00:01:02Z"}$ kubectl get events --field-selector involvedObject.kind=CronJob
      LAST SEEN   TYPE     REASON             OBJECT          MESSAGE
      5s          Normal   SuccessfulCreate   cronjob/hello   Created job hello-29459521
      3s          Normal   SuccessfulDelete   cronjob/hello   Deleted job hello-29459521
      "
    `);
  });
});

describe("concurrencyPolicy (§4.4 step 8)", () => {
  it("Forbid: a Job that outlasts the period blocks the next time, which runs late", () => {
    const s = scenario({
      "slow.yaml": cronJobYaml(
        "slow",
        `schedule: "*/1 * * * *"\nconcurrencyPolicy: Forbid`,
        "echo working; sleep 90; echo done",
      ),
    });
    expect(
      s.run(`
        kubectl apply -f slow.yaml
        sleep 2m1s
        kubectl get jobs
        kubectl get cronjobs
        sleep 40s
        kubectl get jobs
        kubectl describe cronjob slow
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f slow.yaml
      cronjob.batch/slow created
      $ sleep 2m1s
      $ kubectl get jobs
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      slow-29459521   Running   0/1           61s        61s
      $ kubectl get cronjobs
      NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      slow   */1 * * * *   <none>     False     1        61s             2m1s
      $ sleep 40s
      $ kubectl get jobs
      NAME            STATUS     COMPLETIONS   DURATION   AGE
      slow-29459521   Complete   1/1           92s        101s
      slow-29459522   Running    0/1           9s         9s
      $ kubectl describe cronjob slow
      Name:                          slow
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */1 * * * *
      Concurrency Policy:            Forbid
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
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo working; sleep 90; echo done
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 05 Jan 2026 00:02:00 +0000
      Active Jobs:         slow-29459522
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  101s  cronjob-controller  Created job slow-29459521
        Normal  JobAlreadyActive  41s   cronjob-controller  Not starting job because prior execution is running and concurrency policy is Forbid
        Normal  SawCompletedJob   9s    cronjob-controller  Saw completed job: slow-29459521, condition: Complete
        Normal  SuccessfulCreate  9s    cronjob-controller  Created job slow-29459522
      "
    `);
  });

  it("Forbid with startingDeadlineSeconds: a time blocked past its deadline is skipped", () => {
    const s = scenario({
      "slow.yaml": cronJobYaml(
        "slow",
        `schedule: "*/1 * * * *"\nconcurrencyPolicy: Forbid\nstartingDeadlineSeconds: 10`,
        "echo working; sleep 90; echo done",
      ),
    });
    expect(
      s.run(`
        kubectl apply -f slow.yaml
        sleep 3m1s
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f slow.yaml
      cronjob.batch/slow created
      $ sleep 3m1s
      $ kubectl get jobs
      NAME            STATUS     COMPLETIONS   DURATION   AGE
      slow-29459521   Complete   1/1           92s        2m1s
      slow-29459523   Running    0/1           1s         1s
      "
    `);
  });

  it("Replace: the running Job is deleted, then the new one created", () => {
    const s = scenario({
      "sweep.yaml": cronJobYaml(
        "sweep",
        `schedule: "*/10 * * * *"\nconcurrencyPolicy: Replace`,
        "echo sweeping; sleep 900",
      ),
    });
    expect(
      s.run(`
        kubectl apply -f sweep.yaml
        sleep 20m1s
        kubectl get jobs
        kubectl get pods
        kubectl describe cronjob sweep
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f sweep.yaml
      cronjob.batch/sweep created
      $ sleep 20m1s
      $ kubectl get jobs
      NAME             STATUS    COMPLETIONS   DURATION   AGE
      sweep-29459540   Running   0/1           1s         1s
      $ kubectl get pods
      NAME                   READY   STATUS              RESTARTS   AGE
      sweep-29459530-wxdsj   1/1     Terminating         0          10m
      sweep-29459540-pklg4   0/1     ContainerCreating   0          1s
      $ kubectl describe cronjob sweep
      Name:                          sweep
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */10 * * * *
      Concurrency Policy:            Replace
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
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo sweeping; sleep 900
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 05 Jan 2026 00:20:00 +0000
      Active Jobs:         sweep-29459540
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  10m   cronjob-controller  Created job sweep-29459530
        Normal  SuccessfulDelete  1s    cronjob-controller  Deleted job sweep-29459530
        Normal  SuccessfulCreate  1s    cronjob-controller  Created job sweep-29459540
      "
    `);
  });
});

describe("Jobs created or deleted behind the controller's back, and errors", () => {
  it("a Job from `create job --from`: UnexpectedJob while it runs, then lastSuccessfulTime", () => {
    const s = scenario({
      "backup.yaml": cronJobYaml("backup", `schedule: "0 2 * * *"`, "echo saving; sleep 5"),
    });
    expect(
      s.run(`
        kubectl apply -f backup.yaml
        kubectl create job --from=cronjob/backup backup-manual-1
        sleep 10s
        kubectl get cronjobs
        kubectl get cronjob backup -o jsonpath={.status}
        kubectl describe cronjob backup
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f backup.yaml
      cronjob.batch/backup created
      $ kubectl create job --from=cronjob/backup backup-manual-1
      job.batch/backup-manual-1 created
      $ sleep 10s
      $ kubectl get cronjobs
      NAME     SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      backup   0 2 * * *   <none>     False     0        <none>          10s
      $ kubectl get cronjob backup -o jsonpath={.status}
      {"lastSuccessfulTime":"2026-01-05T00:00:07Z"}$ kubectl describe cronjob backup
      Name:                          backup
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      0 2 * * *
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
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo saving; sleep 5
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  <unset>
      Active Jobs:         <none>
      Events:
        Type     Reason         Age               From                Message
        ----     ------         ----              ----                -------
        Warning  UnexpectedJob  8s (x2 over 10s)  cronjob-controller  Saw a job that the controller did not create or forgot: backup-manual-1
      "
    `);
  });

  it("an active Job deleted by hand: MissingJob, and the next time runs as usual", () => {
    const s = scenario({
      "slow.yaml": cronJobYaml("slow", `schedule: "*/1 * * * *"`, "sleep 300"),
    });
    expect(
      s.run(`
        kubectl apply -f slow.yaml
        sleep 61s
        kubectl delete job slow-29459521
        kubectl get cronjobs
        sleep 60s
        kubectl get jobs
        kubectl describe cronjob slow
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f slow.yaml
      cronjob.batch/slow created
      $ sleep 61s
      $ kubectl delete job slow-29459521
      job.batch "slow-29459521" deleted from default namespace
      $ kubectl get cronjobs
      NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      slow   */1 * * * *   <none>     False     0        1s              61s
      $ sleep 60s
      $ kubectl get jobs
      NAME            STATUS    COMPLETIONS   DURATION   AGE
      slow-29459522   Running   0/1           1s         1s
      $ kubectl describe cronjob slow
      Name:                          slow
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */1 * * * *
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
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            sleep 300
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 05 Jan 2026 00:02:00 +0000
      Active Jobs:         slow-29459522
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  61s   cronjob-controller  Created job slow-29459521
        Normal  MissingJob        60s   cronjob-controller  Active job went missing: slow-29459521
        Normal  SuccessfulCreate  1s    cronjob-controller  Created job slow-29459522
      "
    `);
  });

  it("a new schedule takes effect at its own next time", () => {
    const s = scenario({
      "report.yaml": cronJobYaml("report", `schedule: "0 2 * * *"`, hello),
    });
    expect(
      s.run(`
        kubectl apply -f report.yaml
        sleep 10m30s
        kubectl patch cronjob report -p '{"spec":{"schedule":"*/15 * * * *"}}'
        kubectl get jobs
        sleep 4m30s
        kubectl get jobs
        sleep 1s
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f report.yaml
      cronjob.batch/report created
      $ sleep 10m30s
      $ kubectl patch cronjob report -p '{"spec":{"schedule":"*/15 * * * *"}}'
      cronjob.batch/report patched
      $ kubectl get jobs
      No resources found in default namespace.
      $ sleep 4m30s
      $ kubectl get jobs
      No resources found in default namespace.
      $ sleep 1s
      $ kubectl get jobs
      NAME              STATUS    COMPLETIONS   DURATION   AGE
      report-29459535   Running   0/1           1s         1s
      "
    `);
  });

  it("a schedule that never fires: InvalidSchedule, no Job, no timer", () => {
    const s = scenario({
      "never.yaml": cronJobYaml("never", `schedule: "0 0 30 2 *"`, hello),
    });
    // Accepted by the API server (robfig parses it); the controller finds no next time.
    expect(
      s.run(`
        kubectl apply -f never.yaml
        kubectl get events
        sleep 24h
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f never.yaml
      cronjob.batch/never created
      $ kubectl get events
      LAST SEEN   TYPE      REASON            OBJECT          MESSAGE
      0s          Warning   InvalidSchedule   cronjob/never   invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second
      $ sleep 24h
      $ kubectl get jobs
      No resources found in default namespace.
      "
    `);
    expect(s.cluster.nextEventAt()).toBeUndefined();
  });

  it("a legacy TZ= schedule (stored before 1.29) runs in its zone with UnsupportedSchedule", () => {
    const s = scenario({
      "legacy.yaml": cronJobYaml("legacy", `schedule: "0 2 * * *"`, hello),
    });
    s.run("kubectl apply -f legacy.yaml");
    // Only an update can carry TZ= (creation rejects it). The annotation is still written in
    // spec.timeZone's zone — UTC here — as getJobFromTemplate2 does.
    edit(s, "legacy", (cj) => (cj.spec.schedule = "TZ=Europe/Paris 0 2 * * *"));
    expect(
      s.run(`
        sleep 61m
        kubectl get jobs
        kubectl get jobs legacy-29459580 -o jsonpath={.metadata.annotations}
        kubectl get events
      `),
    ).toMatchInlineSnapshot(`
      "$ sleep 61m
      $ kubectl get jobs
      NAME              STATUS     COMPLETIONS   DURATION   AGE
      legacy-29459580   Complete   1/1           2s         60s
      $ kubectl get jobs legacy-29459580 -o jsonpath={.metadata.annotations}
      {"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-05T01:00:00Z"}$ kubectl get events
      LAST SEEN   TYPE      REASON                OBJECT                      MESSAGE
      60s         Normal    Scheduled             pod/legacy-29459580-n6xq9   Successfully assigned default/legacy-29459580-n6xq9 to node-1
      60s         Normal    Pulling               pod/legacy-29459580-n6xq9   Pulling image "busybox:1.36"
      59s         Normal    Pulled                pod/legacy-29459580-n6xq9   Successfully pulled image "busybox:1.36" in 859ms (859ms including waiting). Image size: 2155872 bytes.
      59s         Normal    Created               pod/legacy-29459580-n6xq9   Created container: main
      59s         Normal    Started               pod/legacy-29459580-n6xq9   Started container main
      60s         Normal    SuccessfulCreate      job/legacy-29459580         Created pod: legacy-29459580-n6xq9
      58s         Normal    Completed             job/legacy-29459580         Job completed
      58s         Warning   UnsupportedSchedule   cronjob/legacy              CRON_TZ or TZ used in schedule "TZ=Europe/Paris 0 2 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details
      60s         Normal    SuccessfulCreate      cronjob/legacy              Created job legacy-29459580
      58s         Normal    SawCompletedJob       cronjob/legacy              Saw completed job: legacy-29459580, condition: Complete
      "
    `);
  });

  it("an unparseable schedule written past validation: both controller warnings", () => {
    const s = scenario({ "hello.yaml": cronJobYaml("hello", `schedule: "*/1 * * * *"`, hello) });
    s.run("kubectl apply -f hello.yaml");
    // updateCronJob reports it and queues nothing; the sync already queued for 00:01 reports
    // it again and stops.
    edit(s, "hello", (cj) => (cj.spec.schedule = "61 * * * *"));
    expect(
      s.run(`
        kubectl get events
        sleep 2m
        kubectl get events
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl get events
      LAST SEEN   TYPE      REASON                       OBJECT          MESSAGE
      0s          Warning   UnParseableCronJobSchedule   cronjob/hello   unparseable schedule for cronjob: 61 * * * *
      $ sleep 2m
      $ kubectl get events
      LAST SEEN   TYPE      REASON                       OBJECT          MESSAGE
      2m          Warning   UnParseableCronJobSchedule   cronjob/hello   unparseable schedule for cronjob: 61 * * * *
      60s         Warning   UnparseableSchedule          cronjob/hello   unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61
      $ kubectl get jobs
      No resources found in default namespace.
      "
    `);
  });

  it("a Job the API server rejects: FailedCreate, retried with back-off", () => {
    // 52 characters: accepted, but an Indexed Job's last pod name would exceed 63 (§6.2).
    const name = "nightly-report-aggregation-for-all-regional-warehous";
    const s = scenario({
      "long.yaml": cronJobYaml(
        name,
        `schedule: "*/1 * * * *"`,
        "echo part $JOB_COMPLETION_INDEX",
        "completionMode: Indexed\ncompletions: 20\nparallelism: 2",
      ),
    });
    // client-go's back-off: retries after 5, 10, 20 … ms, each one a FailedCreate.
    expect(
      s.run(`
        kubectl apply -f long.yaml
        sleep 61s
        kubectl get jobs
        kubectl describe cronjob ${name}
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f long.yaml
      cronjob.batch/nightly-report-aggregation-for-all-regional-warehous created
      $ sleep 61s
      $ kubectl get jobs
      No resources found in default namespace.
      $ kubectl describe cronjob nightly-report-aggregation-for-all-regional-warehous
      Name:                          nightly-report-aggregation-for-all-regional-warehous
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */1 * * * *
      Concurrency Policy:            Allow
      Suspend:                       False
      Successful Job History Limit:  3
      Failed Job History Limit:      1
      Starting Deadline Seconds:     <unset>
      Selector:                      <unset>
      Parallelism:                   2
      Completions:                   20
      Pod Template:
        Labels:  <none>
        Containers:
         main:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo part $JOB_COMPLETION_INDEX
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  <unset>
      Active Jobs:         <none>
      Events:
        Type     Reason        Age              From                Message
        ----     ------        ----             ----                -------
        Warning  FailedCreate  1s (x8 over 1s)  cronjob-controller  Error creating job: Job.batch "nightly-report-aggregation-for-all-regional-warehous-29459521" is invalid: metadata.name: Invalid value: "nightly-report-aggregation-for-all-regional-warehous-29459521": will not able to create pod with invalid DNS label: nightly-report-aggregation-for-all-regional-warehous-29459521-19
      "
    `);
  });
});

describe("deleting a CronJob (§7.5)", () => {
  it("garbage-collects its Jobs and their Pods", () => {
    const s = scenario({
      "slow.yaml": cronJobYaml("slow", `schedule: "*/1 * * * *"`, "sleep 150"),
    });
    expect(
      s.run(`
        kubectl apply -f slow.yaml
        sleep 3m5s
        kubectl get jobs,pods
        kubectl delete cronjob slow
        kubectl get jobs,pods
        sleep 31s
        kubectl get jobs,pods
        sleep 2h
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f slow.yaml
      cronjob.batch/slow created
      $ sleep 3m5s
      $ kubectl get jobs,pods
      NAME                      STATUS    COMPLETIONS   DURATION   AGE
      job.batch/slow-29459521   Running   0/1           2m5s       2m5s
      job.batch/slow-29459522   Running   0/1           65s        65s
      job.batch/slow-29459523   Running   0/1           5s         5s

      NAME                      READY   STATUS    RESTARTS   AGE
      pod/slow-29459521-wxdsj   1/1     Running   0          2m5s
      pod/slow-29459522-7f7n7   1/1     Running   0          65s
      pod/slow-29459523-f9pbj   1/1     Running   0          5s
      $ kubectl delete cronjob slow
      cronjob.batch "slow" deleted from default namespace
      $ kubectl get jobs,pods
      NAME                      READY   STATUS        RESTARTS   AGE
      pod/slow-29459521-wxdsj   1/1     Terminating   0          2m5s
      pod/slow-29459522-7f7n7   1/1     Terminating   0          65s
      pod/slow-29459523-f9pbj   1/1     Terminating   0          5s
      $ sleep 31s
      $ kubectl get jobs,pods
      No resources found in default namespace.
      $ sleep 2h
      "
    `);
    expect(s.cluster.nextEventAt()).toBeUndefined();
  });
});
