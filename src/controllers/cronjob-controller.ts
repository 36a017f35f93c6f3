import type { ApiServer } from "../api/apiserver.ts";
import { StatusError } from "../api/errors.ts";
import type { EventRecorder } from "../api/events.ts";
import { clone, type ObjectStore } from "../api/store.ts";
import type { CronJob, CronJobStatus, Job, ObjectReference } from "../api/types.ts";
import {
  formatRfc1123z,
  formatScheduledTimestamp,
  loadLocation,
  nextScheduleTime,
  nextScheduleTimeDuration,
  parseSchedule,
  SCHEDULED_TIMESTAMP_ANNOTATION,
  scheduledJobName,
  type ScheduleState,
} from "../cron/index.ts";
import type { Clock } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";
import { condition, isFinished } from "./job-util.ts";
import { objectKey, splitKey, WorkQueue } from "./work-queue.ts";

/**
 * The CronJob controller v2 (pkg/controller/cronjob, spec §4.4): event and timer driven, it wakes
 * only when an owned Job changes or at the next schedule time + 100 ms — never by polling.
 */
export class CronJobController {
  private queue: WorkQueue;

  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, "cronjob-sync", (k) => this.sync(k));
    store.watch((ev) => {
      if (ev.kind === "CronJob") {
        const cj = ev.object as CronJob;
        const key = objectKey(cj.metadata.namespace, cj.metadata.name!);
        if (ev.type === "DELETED") return this.queue.forget(key);
        const old = ev.old as CronJob | undefined;
        if (
          !old ||
          old.metadata.generation !== cj.metadata.generation ||
          (cj.metadata.deletionTimestamp && !old.metadata.deletionTimestamp)
        ) {
          this.queue.forget(key);
          this.queue.add(key);
        }
        return;
      }
      if (ev.kind !== "Job") return;
      const job = ev.object as Job;
      const ref = job.metadata.ownerReferences?.find((r) => r.controller && r.kind === "CronJob");
      if (ref) this.queue.add(objectKey(job.metadata.namespace, ref.name));
    });
  }

  private event(cj: CronJob, type: "Normal" | "Warning", reason: string, message: string): void {
    this.events.record(cj, type, reason, message, { component: "cronjob-controller" });
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cj = this.store.get<CronJob>("CronJob", ns, name);
    if (!cj) return;
    const now = this.clock.now();
    const status: CronJobStatus = clone(cj.status ?? {});
    const jobs = this.store
      .listOwnedBy<Job>("Job", cj.metadata.uid!)
      .filter((j) =>
        j.metadata.ownerReferences?.some((r) => r.uid === cj.metadata.uid && r.controller),
      );

    // History cleanup, also while suspended (spec §4.4 step 2).
    this.cleanupHistory(cj, jobs);

    // Reconcile status.active (step 3).
    const active = (status.active ??= []);
    for (const j of jobs) {
      const listed = active.some((a) => a.uid === j.metadata.uid);
      const finished = isFinished(j);
      if (!listed && !finished && !j.metadata.deletionTimestamp) {
        this.event(
          cj,
          "Warning",
          "UnexpectedJob",
          `Saw a job that the controller did not create or forgot: ${j.metadata.name}`,
        );
      } else if (listed && finished) {
        status.active = (status.active ?? []).filter((a) => a.uid !== j.metadata.uid);
        this.event(
          cj,
          "Normal",
          "SawCompletedJob",
          `Saw completed job: ${j.metadata.name}, condition: ${condition(j, "Complete") ? "Complete" : "Failed"}`,
        );
      }
      const done = condition(j, "Complete");
      if (
        done &&
        j.status?.completionTime &&
        (!status.lastSuccessfulTime ||
          Date.parse(j.status.completionTime) > Date.parse(status.lastSuccessfulTime))
      ) {
        status.lastSuccessfulTime = j.status.completionTime;
      }
    }
    for (const a of [...(status.active ?? [])]) {
      const live = this.store.get<Job>("Job", a.namespace, a.name!);
      if (!live || live.metadata.uid !== a.uid) {
        status.active = (status.active ?? []).filter((x) => x.uid !== a.uid);
        this.event(cj, "Normal", "MissingJob", `Active job went missing: ${a.name}`);
      }
    }

    const requeue = this.schedule(cj, status, now);
    this.writeStatus(cj, status);
    if (requeue !== undefined) this.queue.add(key, requeue);
  }

  /** Steps 4–10: decide whether a Job is due now and create it. Returns the requeue delay. */
  private schedule(cj: CronJob, status: CronJobStatus, now: number): number | undefined {
    const spec = cj.spec;
    if (cj.metadata.deletionTimestamp) return undefined;
    if (spec.timeZone !== undefined) {
      const loc = loadLocation(spec.timeZone);
      if (!loc.ok) {
        this.event(
          cj,
          "Warning",
          "UnknownTimeZone",
          `invalid timeZone: "${spec.timeZone}": ${loc.error}`,
        );
        return undefined;
      }
    }
    if (spec.suspend) return undefined;
    const parsed = parseSchedule(spec.schedule);
    if (!parsed.ok) {
      this.event(
        cj,
        "Warning",
        "UnparseableSchedule",
        `unparseable schedule: "${spec.schedule}" : ${parsed.error}`,
      );
      return undefined;
    }
    if (/^\s*(CRON_)?TZ=/.test(spec.schedule)) {
      this.event(
        cj,
        "Warning",
        "UnsupportedSchedule",
        `CRON_TZ or TZ used in schedule "${spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    }
    const state: ScheduleState = {
      creationTimestamp: Date.parse(cj.metadata.creationTimestamp!),
      lastScheduleTime: status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : undefined,
      startingDeadlineSeconds: spec.startingDeadlineSeconds,
      timeZone: spec.timeZone,
    };
    const next = nextScheduleTime(parsed.schedule, state, now);
    if (!next.ok) {
      this.event(
        cj,
        "Warning",
        "InvalidSchedule",
        `invalid schedule: ${spec.schedule} : ${next.error}`,
      );
      return undefined;
    }
    const requeue = () =>
      nextScheduleTimeDuration(
        parsed.schedule,
        {
          ...state,
          lastScheduleTime: status.lastScheduleTime
            ? Date.parse(status.lastScheduleTime)
            : undefined,
        },
        now,
      );
    const scheduled = next.scheduledTime;
    if (scheduled === undefined) return requeue();
    if (next.tooManyMissed) {
      this.event(
        cj,
        "Warning",
        "TooManyMissedTimes",
        "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
      );
    }
    if (
      spec.startingDeadlineSeconds !== undefined &&
      scheduled + spec.startingDeadlineSeconds * 1000 < now
    ) {
      this.event(
        cj,
        "Warning",
        "MissSchedule",
        `Missed scheduled time to start a job: ${formatRfc1123z(scheduled)}`,
      );
      return requeue();
    }
    const jobName = scheduledJobName(cj.metadata.name!, scheduled);
    if (
      (status.active ?? []).some((a) => a.name === jobName) ||
      (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)
    ) {
      return requeue();
    }
    if (spec.concurrencyPolicy === "Forbid" && (status.active ?? []).length > 0) {
      this.event(
        cj,
        "Normal",
        "JobAlreadyActive",
        "Not starting job because prior execution is running and concurrency policy is Forbid",
      );
      return requeue();
    }
    if (spec.concurrencyPolicy === "Replace") {
      for (const a of [...(status.active ?? [])]) {
        try {
          this.api.delete("Job", a.namespace, a.name!, { propagationPolicy: "Background" });
          this.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${a.name}`);
        } catch (e) {
          if (!(e instanceof StatusError && e.reason === "NotFound")) {
            this.event(
              cj,
              "Warning",
              "FailedDelete",
              `Deleted job: ${e instanceof Error ? e.message : String(e)}`,
            );
            return requeue();
          }
        }
        status.active = (status.active ?? []).filter((x) => x.uid !== a.uid);
      }
    }
    const job = this.jobFromTemplate(cj, jobName, scheduled);
    let created: Job;
    try {
      created = this.api.create(job);
    } catch (e) {
      if (e instanceof StatusError && e.reason === "AlreadyExists") {
        const existing = this.store.get<Job>("Job", cj.metadata.namespace, jobName);
        if (existing && existing.metadata.ownerReferences?.some((r) => r.uid === cj.metadata.uid)) {
          status.lastScheduleTime = rfc3339(scheduled);
        }
        return requeue();
      }
      this.event(
        cj,
        "Warning",
        "FailedCreate",
        `Error creating job: ${e instanceof Error ? e.message : String(e)}`,
      );
      return requeue();
    }
    this.event(cj, "Normal", "SuccessfulCreate", `Created job ${created.metadata.name}`);
    const ref: ObjectReference = {
      apiVersion: "batch/v1",
      kind: "Job",
      name: created.metadata.name,
      namespace: created.metadata.namespace,
      uid: created.metadata.uid,
      resourceVersion: created.metadata.resourceVersion,
    };
    (status.active ??= []).push(ref);
    status.lastScheduleTime = rfc3339(scheduled);
    return requeue();
  }

  /** The Job for a scheduled time (spec §4.5). */
  private jobFromTemplate(cj: CronJob, name: string, scheduled: number): Job {
    const t = cj.spec.jobTemplate;
    const annotations = {
      ...(t.metadata?.annotations ?? {}),
      [SCHEDULED_TIMESTAMP_ANNOTATION]: formatScheduledTimestamp(scheduled, cj.spec.timeZone),
    };
    const job: Job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        annotations,
        ownerReferences: [
          {
            apiVersion: "batch/v1",
            kind: "CronJob",
            name: cj.metadata.name!,
            uid: cj.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: clone(t.spec),
    };
    if (t.metadata?.labels && Object.keys(t.metadata.labels).length)
      job.metadata.labels = { ...t.metadata.labels };
    return job;
  }

  /** Keep at most the history limits of finished Jobs, oldest (by startTime) deleted first. */
  private cleanupHistory(cj: CronJob, jobs: Job[]): void {
    const groups: [Job[], number][] = [
      [
        jobs.filter((j) => condition(j, "Complete") && !j.metadata.deletionTimestamp),
        cj.spec.successfulJobsHistoryLimit ?? 3,
      ],
      [
        jobs.filter((j) => condition(j, "Failed") && !j.metadata.deletionTimestamp),
        cj.spec.failedJobsHistoryLimit ?? 1,
      ],
    ];
    for (const [list, limit] of groups) {
      if (list.length <= limit) continue;
      const start = (j: Job) => (j.status?.startTime ? Date.parse(j.status.startTime) : Infinity);
      const sorted = [...list].sort(
        (a, b) => start(a) - start(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1),
      );
      for (const j of sorted.slice(0, list.length - limit)) {
        try {
          this.api.delete("Job", j.metadata.namespace, j.metadata.name!, {
            propagationPolicy: "Background",
          });
          this.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${j.metadata.name}`);
        } catch (e) {
          this.event(
            cj,
            "Warning",
            "FailedDelete",
            `Deleted job: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
    }
  }

  private writeStatus(cj: CronJob, status: CronJobStatus): void {
    const out: CronJobStatus = {};
    if (status.active?.length) out.active = status.active;
    if (status.lastScheduleTime) out.lastScheduleTime = status.lastScheduleTime;
    if (status.lastSuccessfulTime) out.lastSuccessfulTime = status.lastSuccessfulTime;
    if (JSON.stringify(out) === JSON.stringify(cj.status ?? {})) return;
    const live = this.store.get<CronJob>("CronJob", cj.metadata.namespace, cj.metadata.name!);
    if (live) this.store.updateStatus({ ...live, status: out });
  }
}
