import { describe, expect, it } from "vitest";
import type { CronJob, Job, Pod } from "../../src/api/types.ts";
import { createCluster } from "../../src/cluster.ts";
import { translate } from "../i18n/i18n.ts";
import { Session } from "../../src/kubectl/session.ts";
import { ganttModel } from "./gantt.ts";
import { recordCluster } from "./history.ts";
import { whyCronJob, whyJob } from "./why.ts";

function lab(manifest: string) {
  const cluster = createCluster({ seed: 1 });
  const { history } = recordCluster(cluster);
  const session = new Session({ cluster, readFile: () => manifest });
  session.exec("kubectl apply -f m.yaml");
  const job = (name: string) => cluster.store.get<Job>("Job", "default", name)!;
  const pods = () => cluster.store.list<Pod>("Pod");
  return { cluster, history, job, pods, session };
}

const FLAKY = `apiVersion: batch/v1
kind: Job
metadata: {name: flaky}
spec: {backoffLimit: 2, template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "exit 1"]}]}}}
`;

describe("whyJob", () => {
  it("explains each back-off wait and the final failure of a backoffLimit 2 Job", () => {
    const { cluster, history, job, pods } = lab(FLAKY);
    const texts = () => whyJob(job("flaky"), pods(), cluster.now()).map((r) => r.text);
    expect(texts()).toEqual([
      "1 pod active = parallelism 1: no new pod",
      "0 of completions 1 succeeded",
      "no failures yet; backoffLimit 2",
    ]);
    // The first pod fails at ≈1.6 s; the controller counts it a second later.
    cluster.advance(4000);
    expect(texts()).toEqual([
      "next pod allowed in 7 s (back-off 10 s after 1 failure)",
      "0 of completions 1 succeeded",
      "1 failure ≤ backoffLimit 2: 2 more failures fail the job",
    ]);
    const [wait, , count] = whyJob(job("flaky"), pods(), cluster.now());
    expect(translate("fr", wait.key, wait.params)).toBe(
      "prochain Pod autorisé dans 7 s (back-off de 10 s après 1 échec)",
    );
    expect(translate("ru", count.key, count.params)).toBe(
      "1 неудача ≤ backoffLimit 2: ещё 2 неудачи — и Job завершится неудачей",
    );
    cluster.advance(12_000);
    expect(texts()[0]).toMatch(/^next pod allowed in \d+ s \(back-off 20 s after 2 failures\)$/);
    cluster.advance(60_000);
    expect(texts()).toEqual([
      "3 failures > backoffLimit 2: job failed (BackoffLimitExceeded)",
      "the 3 failed pods stay for their logs",
    ]);
    const stay = whyJob(job("flaky"), pods(), cluster.now())[1];
    expect([1, 3, 5].map((count) => translate("ru", stay.key, { ...stay.params, count }))).toEqual([
      "1 неудачный Pod остаётся ради логов",
      "3 неудачных Pod-а остаются ради логов",
      "5 неудачных Pod-ов остаются ради логов",
    ]);
    const r = whyJob(job("flaky"), pods(), cluster.now())[0];
    expect(r.href).toBe(
      "https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy",
    );

    const g = ganttModel(history, cluster.now());
    const lane = g.jobs[0];
    expect(
      lane.rows.map((row) => [row.state, row.exitCode, row.backoffBefore?.label ?? ""]),
    ).toEqual([
      ["failed", 1, ""],
      ["failed", 1, "back-off 10 s"],
      ["failed", 1, "back-off 20 s"],
    ]);
    expect(lane.marks.map((m) => m.label)).toEqual(["BackoffLimitExceeded"]);
    // Bound, started and failed within one instant each: only what lasted shows.
    expect(lane.rows[0].segments.map((s) => s.kind)).toEqual(["creating", "failed", "pull"]);
  });

  it("shows parallelism and completions at work", () => {
    const { cluster, job, pods } = lab(`apiVersion: batch/v1
kind: Job
metadata: {name: many}
spec: {completions: 5, parallelism: 2, template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "sleep 10"]}]}}}
`);
    cluster.advance(3000);
    expect(whyJob(job("many"), pods(), cluster.now())[0].text).toBe(
      "2 pods active = parallelism 2: no new pod",
    );
    cluster.advance(30_000);
    expect(whyJob(job("many"), pods(), cluster.now())[0].text).toBe(
      "1 pod active = completions 5 − 4 succeeded = 1: no new pod",
    );
    cluster.advance(30_000);
    expect(whyJob(job("many"), pods(), cluster.now()).map((r) => r.text)).toEqual([
      "5 succeeded = completions 5: job complete",
    ]);
  });

  it("OnFailure: restarts against backoffLimit and the CrashLoopBackOff wait", () => {
    const { cluster, job, pods } = lab(`apiVersion: batch/v1
kind: Job
metadata: {name: crash}
spec: {backoffLimit: 3, template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "exit 2"]}]}}}
`);
    cluster.advance(5000);
    const texts = whyJob(job("crash"), pods(), cluster.now()).map((r) => r.text);
    expect(texts[2]).toBe(
      "1 container restart; backoffLimit 3: the job fails when restarts reach 3 (restartPolicy OnFailure)",
    );
    expect(texts[3]).toMatch(
      /^pod crash-\w+ restarts its container in \d+ s \(CrashLoopBackOff 10 s after 1 restart\)$/,
    );
  });
});

describe("whyCronJob and the cron lane", () => {
  it("Forbid: a Job that outlasts the period makes the next tick skipped", () => {
    const { cluster, history, session } = lab("");
    const cj = `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec: {schedule: "*/1 * * * *", concurrencyPolicy: Forbid, jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "sleep 90"]}]}}}}}
`;
    const s2 = new Session({ cluster, readFile: () => cj });
    s2.exec("kubectl apply -f cj.yaml");
    void session;
    cluster.advance(150_000); // 00:02:30: the 00:01 Job runs until ≈00:02:32
    const g = ganttModel(history, cluster.now());
    expect(g.cronjobs[0].ticks).toEqual([
      { t: Date.parse("2026-01-05T00:01:00Z"), kind: "created", job: "hello-29459521" },
      { t: Date.parse("2026-01-05T00:02:00Z"), kind: "skipped" },
    ]);
    const c = cluster.store.get<CronJob>("CronJob", "default", "hello")!;
    const jobs = cluster.store.list<Job>("Job");
    expect(whyCronJob(c, jobs, g.cronjobs[0], cluster.now()).map((r) => r.text)).toEqual([
      "next tick 00:03 UTC (in 30 s): will be skipped if job hello-29459521 is still active (concurrencyPolicy Forbid)",
      "tick 00:02 skipped: concurrencyPolicy Forbid and job hello-29459521 still active",
      "1 active job (hello-29459521); concurrencyPolicy Forbid",
      "history: keeps 3 successful (has 0) and 1 failed (has 0); older ones are deleted",
    ]);
  });
});
