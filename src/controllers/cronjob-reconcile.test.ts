import { describe, expect, it } from "vitest";
import type { CronJob, CronJobStatus, Job } from "../api/types.ts";
import {
  decide,
  jobsOverHistoryLimits,
  reconcileActive,
  type ScheduleDecision,
} from "./cronjob-reconcile.ts";
import { jobFromTemplate, withCreated } from "./cronjob-writes.ts";

// Given these objects, one reconcile decides exactly this (STYLE.md: sample-controller tests).
// T0 = 2026-01-05T00:00:00Z, Unix minute 29459520 (spec §0).
const T0 = Date.parse("2026-01-05T00:00:00Z");
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

function cronJob(spec: Partial<CronJob["spec"]> = {}, meta: Partial<CronJob["metadata"]> = {}) {
  const cj: CronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: {
      name: "hello",
      namespace: "default",
      uid: "cj-uid",
      creationTimestamp: "2026-01-05T00:00:00Z",
      ...meta,
    },
    spec: {
      schedule: "*/1 * * * *",
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: {},
        spec: {
          template: {
            spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] },
          },
        },
      },
      ...spec,
    },
  };
  return cj;
}

type Finish = "Complete" | "Failed" | undefined;

function job(name: string, finish: Finish, startTime?: string, completionTime?: string): Job {
  const conditions =
    finish === undefined
      ? []
      : finish === "Complete"
        ? [
            { type: "SuccessCriteriaMet", status: "True" },
            { type: "Complete", status: "True" },
          ]
        : [
            { type: "FailureTarget", status: "True" },
            { type: "Failed", status: "True" },
          ];
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "default", uid: `${name}-uid`, resourceVersion: "7" },
    spec: { template: { spec: { containers: [] } } },
    status: {
      ...(startTime ? { startTime } : {}),
      ...(completionTime ? { completionTime } : {}),
      conditions: conditions as NonNullable<Job["status"]>["conditions"],
    },
  };
}

const ref = (name: string) => ({
  apiVersion: "batch/v1",
  kind: "Job",
  name,
  namespace: "default",
  resourceVersion: "7",
  uid: `${name}-uid`,
});

/** A decision as a line a reader can check: action, job, replaced jobs, events, requeue. */
function summary(d: ScheduleDecision): string {
  const events = d.events.map((e) => `${e.type} ${e.reason}: ${e.message}`);
  const head =
    d.action === "run"
      ? `run ${d.jobName} for ${new Date(d.scheduledTime).toISOString()}` +
        (d.replace.length ? ` replacing ${d.replace.map((r) => r.name).join(",")}` : "")
      : d.action === "wait"
        ? `wait ${d.requeueAfter === undefined ? "forever" : `${d.requeueAfter} ms`}`
        : "stop";
  return [head, ...events].join("\n");
}

describe("history limits (spec §4.4 step 2)", () => {
  it("deletes the oldest successful beyond 3 by startTime, then the oldest failed beyond 1", () => {
    const jobs = [
      job("hello-4", "Complete", "2026-01-05T00:04:00Z"),
      job("hello-1", "Complete", "2026-01-05T00:01:00Z"),
      job("hello-3", "Complete", "2026-01-05T00:03:00Z"),
      job("hello-2", "Complete", "2026-01-05T00:02:00Z"),
      job("hello-5", "Failed", "2026-01-05T00:05:00Z"),
      job("hello-6", "Failed", "2026-01-05T00:06:00Z"),
      job("hello-7", undefined, "2026-01-05T00:07:00Z"),
    ];
    expect(jobsOverHistoryLimits(cronJob(), jobs).map((j) => j.metadata.name)).toEqual([
      "hello-1",
      "hello-5",
    ]);
  });

  it("sorts Jobs without startTime last and equal times by name; 0 keeps none; unset keeps all", () => {
    const jobs = [
      job("b", "Complete"),
      job("a", "Complete"),
      job("d", "Complete", "2026-01-05T00:01:00Z"),
      job("c", "Complete", "2026-01-05T00:01:00Z"),
      job("x", "Failed"),
    ];
    const names = (cj: CronJob) => jobsOverHistoryLimits(cj, jobs).map((j) => j.metadata.name);
    expect(names(cronJob({ successfulJobsHistoryLimit: 1 }))).toEqual(["c", "d", "a"]);
    expect(names(cronJob({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }))).toEqual([
      "c",
      "d",
      "a",
      "b",
      "x",
    ]);
    expect(
      names(cronJob({ successfulJobsHistoryLimit: undefined, failedJobsHistoryLimit: undefined })),
    ).toEqual([]);
  });
});

describe("status.active (spec §4.4 step 3)", () => {
  it("reports unexpected, completed and missing Jobs and raises lastSuccessfulTime", () => {
    const status: CronJobStatus = {
      active: [ref("hello-1"), ref("hello-2"), ref("hello-3"), ref("gone")],
      lastScheduleTime: "2026-01-05T00:03:00Z",
      lastSuccessfulTime: "2026-01-05T00:00:30Z",
    };
    const jobs = [
      job("hello-1", "Complete", "2026-01-05T00:01:00Z", "2026-01-05T00:01:05Z"),
      job("hello-2", "Failed", "2026-01-05T00:02:00Z"),
      job("hello-3", undefined, "2026-01-05T00:03:00Z"),
      job("manual", undefined, "2026-01-05T00:03:10Z"),
      job("manual-done", "Complete", "2026-01-05T00:00:40Z", "2026-01-05T00:02:30Z"),
    ];
    // "gone" is not among the listed Jobs but the API still finds it by name: it stays.
    const r = reconcileActive(status, jobs, () => true);
    expect(r.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      "Normal SawCompletedJob: Saw completed job: hello-1, condition: Complete",
      "Normal SawCompletedJob: Saw completed job: hello-2, condition: Failed",
      "Warning UnexpectedJob: Saw a job that the controller did not create or forgot: manual",
    ]);
    expect(r.status).toEqual({
      active: [ref("hello-3"), ref("gone")],
      lastScheduleTime: "2026-01-05T00:03:00Z",
      lastSuccessfulTime: "2026-01-05T00:02:30Z",
    });
    const missing = reconcileActive(r.status, jobs, () => false);
    expect(missing.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      "Warning UnexpectedJob: Saw a job that the controller did not create or forgot: manual",
      "Normal MissingJob: Active job went missing: gone",
    ]);
    expect(missing.status.active).toEqual([ref("hello-3")]);
  });
});

describe("what a sync decides (spec §4.4 steps 4–10)", () => {
  const decideAt = (cj: CronJob, now: number, status: CronJobStatus = {}) =>
    summary(decide(cj, status, now));

  it("waits for the first time after creation, then runs it, named in Unix minutes (§4.5)", () => {
    expect(decideAt(cronJob(), T0)).toBe("wait 60100 ms");
    expect(decideAt(cronJob(), T0 + MIN + 100)).toBe(
      "run hello-29459521 for 2026-01-05T00:01:00.000Z",
    );
    const done = { lastScheduleTime: "2026-01-05T00:01:00Z" };
    expect(decideAt(cronJob(), T0 + MIN + 200, done)).toBe("wait 59900 ms");
  });

  it("runs only the latest missed time; more than 100 missed warns and still runs (§12)", () => {
    expect(decideAt(cronJob(), T0 + 50 * MIN + 5000)).toBe(
      "run hello-29459570 for 2026-01-05T00:50:00.000Z",
    );
    expect(decideAt(cronJob(), at("2026-01-05T03:00:00.1Z"))).toBe(
      "run hello-29459700 for 2026-01-05T03:00:00.000Z\n" +
        "Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
    );
  });

  it("skips missed times older than startingDeadlineSeconds silently (§10 F)", () => {
    const cj = cronJob({ schedule: "*/5 * * * *", startingDeadlineSeconds: 60 });
    expect(decideAt(cj, T0 + 12 * MIN)).toBe("wait 180100 ms");
    expect(decideAt(cj, T0 + 15 * MIN + 100)).toBe(
      "run hello-29459535 for 2026-01-05T00:15:00.000Z",
    );
  });

  it("applies Forbid and Replace to the active Jobs", () => {
    const status = { active: [ref("hello-29459521")], lastScheduleTime: "2026-01-05T00:01:00Z" };
    const now = T0 + 2 * MIN + 100;
    expect(decideAt(cronJob({ concurrencyPolicy: "Forbid" }), now, status)).toBe(
      "wait 60000 ms\n" +
        "Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid",
    );
    expect(decideAt(cronJob({ concurrencyPolicy: "Replace" }), now, status)).toBe(
      "run hello-29459522 for 2026-01-05T00:02:00.000Z replacing hello-29459521",
    );
    expect(decideAt(cronJob({ concurrencyPolicy: "Allow" }), now, status)).toBe(
      "run hello-29459522 for 2026-01-05T00:02:00.000Z",
    );
  });

  it("does not run a time twice (active by name, or lastScheduleTime)", () => {
    const now = T0 + MIN + 100;
    expect(decideAt(cronJob(), now, { active: [ref("hello-29459521")] })).toBe("wait 60000 ms");
  });

  it("stops without a timer when deleting, suspended, or the zone or schedule is bad", () => {
    const now = T0 + 5 * MIN;
    expect(decideAt(cronJob({}, { deletionTimestamp: "2026-01-05T00:04:00Z" }), now)).toBe("stop");
    expect(decideAt(cronJob({ suspend: true }), now)).toBe("stop");
    expect(decideAt(cronJob({ suspend: true, timeZone: "Mars/Olympus" }), now)).toBe(
      'stop\nWarning UnknownTimeZone: invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus',
    );
    expect(decideAt(cronJob({ schedule: "61 * * * *" }), now)).toBe(
      'stop\nWarning UnparseableSchedule: unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61',
    );
    expect(decideAt(cronJob({ schedule: "0 0 30 2 *" }), now)).toBe(
      "stop\nWarning InvalidSchedule: invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second",
    );
  });

  it("runs a legacy TZ= schedule in its own zone, with UnsupportedSchedule on every sync (§4.3)", () => {
    const cj = cronJob({ schedule: "TZ=Europe/Paris 0 2 * * *", timeZone: "UTC" });
    const msg =
      'Warning UnsupportedSchedule: CRON_TZ or TZ used in schedule "TZ=Europe/Paris 0 2 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details';
    expect(decideAt(cj, T0)).toBe(`wait 3600100 ms\n${msg}`);
    expect(decideAt(cj, T0 + 60 * MIN + 100)).toBe(
      `run hello-29459580 for 2026-01-05T01:00:00.000Z\n${msg}`,
    );
  });

  it("after a run, waits for the next time + 100 ms (step 10)", () => {
    const created = job("hello-29459521", undefined);
    const status = withCreated({}, created, T0 + MIN);
    expect(status).toEqual({
      active: [ref("hello-29459521")],
      lastScheduleTime: "2026-01-05T00:01:00Z",
    });
    expect(decideAt(cronJob(), T0 + MIN + 100, status)).toBe("wait 60000 ms");
  });
});

describe("the Job of a scheduled time (spec §4.5)", () => {
  it("copies the template, adds the zoned annotation and a controller reference", () => {
    const cj = cronJob({ schedule: "0 2 * * *", timeZone: "Europe/Paris" });
    cj.spec.jobTemplate.metadata = { labels: { app: "backup" }, annotations: { team: "ops" } };
    expect(jobFromTemplate(cj, at("2026-01-05T01:00:00Z"))).toEqual({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name: "hello-29459580",
        namespace: "default",
        labels: { app: "backup" },
        annotations: {
          team: "ops",
          "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-05T02:00:00+01:00",
        },
        ownerReferences: [
          {
            apiVersion: "batch/v1",
            kind: "CronJob",
            name: "hello",
            uid: "cj-uid",
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: cj.spec.jobTemplate.spec,
    });
    expect(
      jobFromTemplate(cronJob(), T0 + MIN).metadata.annotations?.[
        "batch.kubernetes.io/cronjob-scheduled-timestamp"
      ],
    ).toBe("2026-01-05T00:01:00Z");
  });
});
