import { describe, expect, it } from "vitest";
import type { Job } from "../api/types.ts";
import { scenario, type Scenario } from "./harness.ts";

// The course's CronJobs (chapters 001 and 003), in the lab's own manifests, run for a simulated
// week: each creates the Jobs Kubernetes would — same instants (schedule time + 100 ms), names
// (`<cronjob>-<unix minutes>`) and scheduled-timestamp annotations (batch spec §4.3–4.5) — and
// the terminal shows what a learner would see. The clock starts on Monday 2026-01-05 00:00 UTC.

// A simulated week of an every-10 or every-15-minutes CronJob is a thousand Jobs: seconds of work.
const WEEK = { timeout: 60_000 };

const ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
const MIN = 60_000;
const T0 = Date.parse("2026-01-05T00:00:00Z");

/** Every Job creation from now on: `<instant, ms> <name> <scheduled-timestamp annotation>`. */
function creations(s: Scenario): string[] {
  const seen: string[] = [];
  s.cluster.watch((ev) => {
    if (ev.kind !== "Job" || ev.type !== "ADDED") return;
    const job = ev.object as Job;
    const when = new Date(s.cluster.now()).toISOString();
    seen.push(`${when} ${job.metadata.name} ${job.metadata.annotations?.[ANNOTATION]}`);
  });
  return seen;
}

/** `sleep 24h` n times (the terminal's longest sleep is a day). */
const days = (n: number) => Array.from({ length: n }, () => "sleep 24h").join("\n");

/**
 * The creations a UTC schedule that fires every `every` minutes would make after T0, written
 * independently of the cron code: minute k·every, created 100 ms later, annotation in UTC.
 */
function everyMinutes(name: string, every: number, until: number): string[] {
  const out: string[] = [];
  for (let t = T0 + every * MIN; t < until; t += every * MIN) {
    const iso = new Date(t).toISOString();
    out.push(`${iso.replace(".000Z", ".100Z")} ${name}-${t / MIN} ${iso.replace(".000Z", "Z")}`);
  }
  return out;
}

const nightlyBackup = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-backup
spec:
  schedule: "0 2 * * *"
  timeZone: Europe/Paris
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: busybox:1.36
            command: ["sh", "-c", "echo backup started at $(date); sleep 20; echo backup finished"]
`;

describe("nightly backup: 0 2 * * * in Europe/Paris, Forbid, history 3/1", () => {
  it("runs at 02:00 Paris time (01:00 UTC in winter) every day of the week", () => {
    const s = scenario({ "backup.yaml": nightlyBackup });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f backup.yaml
        kubectl get cronjobs
        ${days(6)}
        sleep 65m
        kubectl get cronjobs
        kubectl get jobs
        kubectl get job nightly-backup-29468220 -o jsonpath={.metadata.annotations}
        kubectl logs job/nightly-backup-29468220
        kubectl describe cronjob nightly-backup
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f backup.yaml
      cronjob.batch/nightly-backup created
      $ kubectl get cronjobs
      NAME             SCHEDULE    TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      nightly-backup   0 2 * * *   Europe/Paris   False     0        <none>          0s
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 65m
      $ kubectl get cronjobs
      NAME             SCHEDULE    TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      nightly-backup   0 2 * * *   Europe/Paris   False     0        5m              6d1h
      $ kubectl get jobs
      NAME                      STATUS     COMPLETIONS   DURATION   AGE
      nightly-backup-29465340   Complete   1/1           21s        2d
      nightly-backup-29466780   Complete   1/1           21s        24h
      nightly-backup-29468220   Complete   1/1           21s        5m
      $ kubectl get job nightly-backup-29468220 -o jsonpath={.metadata.annotations}
      {"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-11T02:00:00+01:00"}$ kubectl logs job/nightly-backup-29468220
      backup started at Sun Jan 11 01:00:00 UTC 2026
      backup finished
      $ kubectl describe cronjob nightly-backup
      Name:                          nightly-backup
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      0 2 * * *
      Concurrency Policy:            Forbid
      Suspend:                       False
      Successful Job History Limit:  3
      Failed Job History Limit:      1
      Starting Deadline Seconds:     300s
      Selector:                      <unset>
      Parallelism:                   <unset>
      Completions:                   <unset>
      Pod Template:
        Labels:  <none>
        Containers:
         backup:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo backup started at $(date); sleep 20; echo backup finished
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Sun, 11 Jan 2026 01:00:00 +0000
      Active Jobs:         <none>
      Events:
        Type    Reason            Age    From                Message
        ----    ------            ----   ----                -------
        Normal  SuccessfulCreate  5m     cronjob-controller  Created job nightly-backup-29468220
        Normal  SuccessfulDelete  4m39s  cronjob-controller  Deleted job nightly-backup-29463900
        Normal  SawCompletedJob   4m39s  cronjob-controller  Saw completed job: nightly-backup-29468220, condition: Complete
      "
    `);
    s.run("sleep 23h");
    expect(created).toEqual([
      "2026-01-05T01:00:00.100Z nightly-backup-29459580 2026-01-05T02:00:00+01:00",
      "2026-01-06T01:00:00.100Z nightly-backup-29461020 2026-01-06T02:00:00+01:00",
      "2026-01-07T01:00:00.100Z nightly-backup-29462460 2026-01-07T02:00:00+01:00",
      "2026-01-08T01:00:00.100Z nightly-backup-29463900 2026-01-08T02:00:00+01:00",
      "2026-01-09T01:00:00.100Z nightly-backup-29465340 2026-01-09T02:00:00+01:00",
      "2026-01-10T01:00:00.100Z nightly-backup-29466780 2026-01-10T02:00:00+01:00",
      "2026-01-11T01:00:00.100Z nightly-backup-29468220 2026-01-11T02:00:00+01:00",
    ]);
  });

  it("skips 02:00 on the spring-forward night (2026-03-29): it does not exist in Paris", () => {
    const s = scenario({ "backup.yaml": nightlyBackup }, { start: "2026-03-27T00:00:00Z" });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f backup.yaml
        ${days(3)}
        sleep 5m
        kubectl get jobs
        kubectl get cronjobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f backup.yaml
      cronjob.batch/nightly-backup created
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 5m
      $ kubectl get jobs
      NAME                      STATUS     COMPLETIONS   DURATION   AGE
      nightly-backup-29576220   Complete   1/1           22s        2d23h
      nightly-backup-29577660   Complete   1/1           21s        47h
      nightly-backup-29580480   Complete   1/1           21s        5m
      $ kubectl get cronjobs
      NAME             SCHEDULE    TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      nightly-backup   0 2 * * *   Europe/Paris   False     0        5m              3d
      "
    `);
    s.run(days(1));
    expect(created).toEqual([
      "2026-03-27T01:00:00.100Z nightly-backup-29576220 2026-03-27T02:00:00+01:00",
      "2026-03-28T01:00:00.100Z nightly-backup-29577660 2026-03-28T02:00:00+01:00",
      "2026-03-30T00:00:00.100Z nightly-backup-29580480 2026-03-30T02:00:00+02:00",
      "2026-03-31T00:00:00.100Z nightly-backup-29581920 2026-03-31T02:00:00+02:00",
    ]);
  });

  it("runs twice on the fall-back night (2026-10-25): 02:00 happens in CEST and in CET", () => {
    // Created at 02:00 CEST on the 23rd: the first run is the next one, on the 24th (§4.5).
    const s = scenario({ "backup.yaml": nightlyBackup }, { start: "2026-10-23T00:00:00Z" });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f backup.yaml
        ${days(2)}
        sleep 65m
        kubectl get jobs
        kubectl describe cronjob nightly-backup
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f backup.yaml
      cronjob.batch/nightly-backup created
      $ sleep 24h
      $ sleep 24h
      $ sleep 65m
      $ kubectl get jobs
      NAME                      STATUS     COMPLETIONS   DURATION   AGE
      nightly-backup-29880000   Complete   1/1           22s        25h
      nightly-backup-29881440   Complete   1/1           21s        65m
      nightly-backup-29881500   Complete   1/1           21s        5m
      $ kubectl describe cronjob nightly-backup
      Name:                          nightly-backup
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      0 2 * * *
      Concurrency Policy:            Forbid
      Suspend:                       False
      Successful Job History Limit:  3
      Failed Job History Limit:      1
      Starting Deadline Seconds:     300s
      Selector:                      <unset>
      Parallelism:                   <unset>
      Completions:                   <unset>
      Pod Template:
        Labels:  <none>
        Containers:
         backup:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo backup started at $(date); sleep 20; echo backup finished
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Sun, 25 Oct 2026 01:00:00 +0000
      Active Jobs:         <none>
      Events:
        Type    Reason            Age    From                Message
        ----    ------            ----   ----                -------
        Normal  SuccessfulCreate  5m     cronjob-controller  Created job nightly-backup-29881500
        Normal  SawCompletedJob   4m39s  cronjob-controller  Saw completed job: nightly-backup-29881500, condition: Complete
      "
    `);
    s.run(days(1));
    expect(created).toEqual([
      "2026-10-24T00:00:00.100Z nightly-backup-29880000 2026-10-24T02:00:00+02:00",
      "2026-10-25T00:00:00.100Z nightly-backup-29881440 2026-10-25T02:00:00+02:00",
      "2026-10-25T01:00:00.100Z nightly-backup-29881500 2026-10-25T02:00:00+01:00",
      "2026-10-26T01:00:00.100Z nightly-backup-29882940 2026-10-26T02:00:00+01:00",
    ]);
  });
});

describe("temp cleanup: */10 with Replace", () => {
  it("creates 1,008 Jobs in a week, every 10 minutes, keeping the last 3", WEEK, () => {
    const s = scenario({
      "cleanup.yaml": `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tmp-cleanup
spec:
  schedule: "*/10 * * * *"
  concurrencyPolicy: Replace
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: cleanup
            image: busybox:1.36
            command: ["sh", "-c", "echo removing stale files from /tmp; rm -rf /tmp/*; echo done"]
`,
    });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f cleanup.yaml
        ${days(7)}
        sleep 1s
        kubectl get cronjobs
        kubectl get jobs
        kubectl describe cronjob tmp-cleanup
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f cleanup.yaml
      cronjob.batch/tmp-cleanup created
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 1s
      $ kubectl get cronjobs
      NAME          SCHEDULE       TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      tmp-cleanup   */10 * * * *   <none>     False     1        1s              7d
      $ kubectl get jobs
      NAME                   STATUS     COMPLETIONS   DURATION   AGE
      tmp-cleanup-29469570   Complete   1/1           1s         30m
      tmp-cleanup-29469580   Complete   1/1           1s         20m
      tmp-cleanup-29469590   Complete   1/1           1s         10m
      tmp-cleanup-29469600   Running    0/1           1s         1s
      $ kubectl describe cronjob tmp-cleanup
      Name:                          tmp-cleanup
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
         cleanup:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo removing stale files from /tmp; rm -rf /tmp/*; echo done
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 12 Jan 2026 00:00:00 +0000
      Active Jobs:         tmp-cleanup-29469600
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulDelete  60m   cronjob-controller  Deleted job tmp-cleanup-29469510
        Normal  SawCompletedJob   60m   cronjob-controller  Saw completed job: tmp-cleanup-29469540, condition: Complete
        Normal  SuccessfulCreate  50m   cronjob-controller  Created job tmp-cleanup-29469550
        Normal  SuccessfulDelete  50m   cronjob-controller  Deleted job tmp-cleanup-29469520
        Normal  SawCompletedJob   50m   cronjob-controller  Saw completed job: tmp-cleanup-29469550, condition: Complete
        Normal  SuccessfulCreate  40m   cronjob-controller  Created job tmp-cleanup-29469560
        Normal  SuccessfulDelete  40m   cronjob-controller  Deleted job tmp-cleanup-29469530
        Normal  SawCompletedJob   40m   cronjob-controller  Saw completed job: tmp-cleanup-29469560, condition: Complete
        Normal  SuccessfulCreate  30m   cronjob-controller  Created job tmp-cleanup-29469570
        Normal  SuccessfulDelete  30m   cronjob-controller  Deleted job tmp-cleanup-29469540
        Normal  SawCompletedJob   30m   cronjob-controller  Saw completed job: tmp-cleanup-29469570, condition: Complete
        Normal  SuccessfulCreate  20m   cronjob-controller  Created job tmp-cleanup-29469580
        Normal  SuccessfulDelete  20m   cronjob-controller  Deleted job tmp-cleanup-29469550
        Normal  SawCompletedJob   20m   cronjob-controller  Saw completed job: tmp-cleanup-29469580, condition: Complete
        Normal  SuccessfulCreate  10m   cronjob-controller  Created job tmp-cleanup-29469590
        Normal  SuccessfulDelete  10m   cronjob-controller  Deleted job tmp-cleanup-29469560
        Normal  SawCompletedJob   10m   cronjob-controller  Saw completed job: tmp-cleanup-29469590, condition: Complete
        Normal  SuccessfulCreate  1s    cronjob-controller  Created job tmp-cleanup-29469600
      "
    `);
    expect(created).toHaveLength(1008);
    expect(created).toEqual(everyMinutes("tmp-cleanup", 10, T0 + 7 * 24 * 60 * MIN + 1000));
  });
});

describe("health check: */15 with Forbid", () => {
  it("creates 672 Jobs in a week; each fails, and only the last failed one is kept", WEEK, () => {
    const s = scenario({
      "health.yaml": `apiVersion: batch/v1
kind: CronJob
metadata:
  name: health-check
spec:
  schedule: "*/15 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: probe
            image: curlimages/curl:8.10.1
            command:
            - sh
            - -c
            - |
              if curl -fsS http://status.shop.internal/healthz > /dev/null; then
                echo "service up at $(date)"
              else
                echo "service DOWN at $(date)"
                exit 1
              fi
`,
    });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f health.yaml
        ${days(7)}
        sleep 1s
        kubectl get cronjobs
        kubectl get jobs
        kubectl get pods
        kubectl logs job/health-check-29469585
        kubectl describe cronjob health-check
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f health.yaml
      cronjob.batch/health-check created
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 1s
      $ kubectl get cronjobs
      NAME           SCHEDULE       TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      health-check   */15 * * * *   <none>     False     1        1s              7d
      $ kubectl get jobs
      NAME                    STATUS    COMPLETIONS   DURATION   AGE
      health-check-29469585   Failed    0/1           15m        15m
      health-check-29469600   Running   0/1           1s         1s
      $ kubectl get pods
      NAME                          READY   STATUS   RESTARTS   AGE
      health-check-29469585-6d5cg   0/1     Error    0          12m
      health-check-29469585-dlhwj   0/1     Error    0          9m51s
      health-check-29469585-h2dmq   0/1     Error    0          15m
      health-check-29469585-qxsz2   0/1     Error    0          14m
      health-check-29469585-wqbz2   0/1     Error    0          13m
      health-check-29469585-xncgx   0/1     Error    0          4m31s
      health-check-29469585-xz424   0/1     Error    0          14m
      health-check-29469600-b7km8   0/1     Error    0          1s
      $ kubectl logs job/health-check-29469585
      Found 7 pods, using pod/health-check-29469585-h2dmq
      curl: (6) Could not resolve host: status.shop.internal
      service DOWN at Sun Jan 11 23:45:00 UTC 2026
      $ kubectl describe cronjob health-check
      Name:                          health-check
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      */15 * * * *
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
         probe:
          Image:      curlimages/curl:8.10.1
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            if curl -fsS http://status.shop.internal/healthz > /dev/null; then
              echo "service up at $(date)"
            else
              echo "service DOWN at $(date)"
              exit 1
            fi
            
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 12 Jan 2026 00:00:00 +0000
      Active Jobs:         health-check-29469600
      Events:
        Type    Reason            Age    From                Message
        ----    ------            ----   ----                -------
        Normal  SuccessfulDelete  49m    cronjob-controller  Deleted job health-check-29469525
        Normal  SawCompletedJob   49m    cronjob-controller  Saw completed job: health-check-29469540, condition: Failed
        Normal  SuccessfulCreate  45m    cronjob-controller  Created job health-check-29469555
        Normal  SuccessfulDelete  34m    cronjob-controller  Deleted job health-check-29469540
        Normal  SawCompletedJob   34m    cronjob-controller  Saw completed job: health-check-29469555, condition: Failed
        Normal  SuccessfulCreate  30m    cronjob-controller  Created job health-check-29469570
        Normal  SuccessfulDelete  19m    cronjob-controller  Deleted job health-check-29469555
        Normal  SawCompletedJob   19m    cronjob-controller  Saw completed job: health-check-29469570, condition: Failed
        Normal  SuccessfulCreate  15m    cronjob-controller  Created job health-check-29469585
        Normal  SuccessfulDelete  4m30s  cronjob-controller  Deleted job health-check-29469570
        Normal  SawCompletedJob   4m30s  cronjob-controller  Saw completed job: health-check-29469585, condition: Failed
        Normal  SuccessfulCreate  1s     cronjob-controller  Created job health-check-29469600
      "
    `);
    expect(created).toEqual(everyMinutes("health-check", 15, T0 + 7 * 24 * 60 * MIN + 1000));
  });
});

describe("weekly export: 0 1 * * 1, history 4", () => {
  it("runs on Mondays at 01:00 UTC and keeps four weeks of Jobs", () => {
    const s = scenario({
      "export.yaml": `apiVersion: batch/v1
kind: CronJob
metadata:
  name: weekly-export
spec:
  schedule: "0 1 * * 1"
  successfulJobsHistoryLimit: 4
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: exporter
            image: busybox:1.36
            command: ["sh", "-c", "echo exporting last week of metrics; sleep 30; echo export written"]
`,
    });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f export.yaml
        ${days(28)}
        sleep 2h
        kubectl get cronjobs
        kubectl get jobs
        kubectl describe cronjob weekly-export
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f export.yaml
      cronjob.batch/weekly-export created
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 2h
      $ kubectl get cronjobs
      NAME            SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      weekly-export   0 1 * * 1   <none>     False     0        60m             28d
      $ kubectl get jobs
      NAME                     STATUS     COMPLETIONS   DURATION   AGE
      weekly-export-29469660   Complete   1/1           31s        21d
      weekly-export-29479740   Complete   1/1           31s        14d
      weekly-export-29489820   Complete   1/1           31s        7d1h
      weekly-export-29499900   Complete   1/1           31s        60m
      $ kubectl describe cronjob weekly-export
      Name:                          weekly-export
      Namespace:                     default
      Labels:                        <none>
      Annotations:                   <none>
      Schedule:                      0 1 * * 1
      Concurrency Policy:            Allow
      Suspend:                       False
      Successful Job History Limit:  4
      Failed Job History Limit:      1
      Starting Deadline Seconds:     <unset>
      Selector:                      <unset>
      Parallelism:                   <unset>
      Completions:                   <unset>
      Pod Template:
        Labels:  <none>
        Containers:
         exporter:
          Image:      busybox:1.36
          Port:       <none>
          Host Port:  <none>
          Command:
            sh
            -c
            echo exporting last week of metrics; sleep 30; echo export written
          Environment:     <none>
          Mounts:          <none>
        Volumes:           <none>
        Node-Selectors:    <none>
        Tolerations:       <none>
      Last Schedule Time:  Mon, 02 Feb 2026 01:00:00 +0000
      Active Jobs:         <none>
      Events:
        Type    Reason            Age   From                Message
        ----    ------            ----  ----                -------
        Normal  SuccessfulCreate  60m   cronjob-controller  Created job weekly-export-29499900
        Normal  SuccessfulDelete  59m   cronjob-controller  Deleted job weekly-export-29459580
        Normal  SawCompletedJob   59m   cronjob-controller  Saw completed job: weekly-export-29499900, condition: Complete
      "
    `);
    expect(created).toEqual([
      "2026-01-05T01:00:00.100Z weekly-export-29459580 2026-01-05T01:00:00Z",
      "2026-01-12T01:00:00.100Z weekly-export-29469660 2026-01-12T01:00:00Z",
      "2026-01-19T01:00:00.100Z weekly-export-29479740 2026-01-19T01:00:00Z",
      "2026-01-26T01:00:00.100Z weekly-export-29489820 2026-01-26T01:00:00Z",
      "2026-02-02T01:00:00.100Z weekly-export-29499900 2026-02-02T01:00:00Z",
    ]);
  });
});

describe("every five hours: 0 */5 * * *", () => {
  it("runs at 00, 05, 10, 15 and 20 h: 34 Jobs in the first week (00:00 of day 1 is creation)", () => {
    const s = scenario({
      "batch.yaml": `apiVersion: batch/v1
kind: CronJob
metadata:
  name: five-hourly
spec:
  schedule: "0 */5 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: batch
            image: busybox:1.36
            command: ["sh", "-c", "echo processing the latest batch"]
`,
    });
    const created = creations(s);
    expect(
      s.run(`
        kubectl apply -f batch.yaml
        ${days(7)}
        kubectl get cronjobs
        kubectl get jobs
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f batch.yaml
      cronjob.batch/five-hourly created
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ sleep 24h
      $ kubectl get cronjobs
      NAME          SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
      five-hourly   0 */5 * * *   <none>     False     0        4h              7d
      $ kubectl get jobs
      NAME                   STATUS     COMPLETIONS   DURATION   AGE
      five-hourly-29468760   Complete   1/1           1s         14h
      five-hourly-29469060   Complete   1/1           1s         9h
      five-hourly-29469360   Complete   1/1           1s         4h
      "
    `);
    const expected: string[] = [];
    for (let d = 0; d < 7; d++)
      for (const h of [0, 5, 10, 15, 20]) {
        const t = T0 + (d * 24 + h) * 60 * MIN;
        if (t === T0) continue;
        const iso = new Date(t).toISOString();
        expected.push(
          `${iso.replace(".000Z", ".100Z")} five-hourly-${t / MIN} ${iso.replace(".000Z", "Z")}`,
        );
      }
    expect(expected).toHaveLength(34);
    expect(created).toEqual(expected);
  });
});
