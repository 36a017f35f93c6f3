import type { ApiServer } from "../api/apiserver.ts";
import { renderFieldError, StatusError } from "../api/errors.ts";
import type { EventRecorder } from "../api/events.ts";
import type { ObjectStore, WatchEvent } from "../api/store.ts";
import type { CronJob, CronJobStatus, Job, OwnerReference } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import {
  controllerOf,
  controllerSchedule,
  cronJobEvents,
  decide,
  jobsOverHistoryLimits,
  reconcileActive,
  requeueAfter,
  withoutActive,
  type CronJobEvent,
} from "./cronjob-reconcile.ts";
import { jobFromTemplate, normalizeStatus, sameStatus, withCreated } from "./cronjob-writes.ts";
import { objectKey, splitKey, WorkQueue } from "./work-queue.ts";

/** client-go's per-item exponential failure back-off: 5 ms doubling up to 1000 s. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 1_000_000;

/** What steps 4–10 leave behind: the status to write and when to sync again. */
interface Outcome {
  status: CronJobStatus;
  /** Sync again after this many ms (the next schedule time + 100 ms). */
  requeue?: number;
  /** The sync failed (FailedCreate, FailedDelete…): retry with back-off. */
  failed?: boolean;
}

/**
 * The CronJob controller v2 (kubernetes pkg/controller/cronjob, spec §4.4–4.8). It syncs a
 * CronJob when the CronJob is added or updated, when one of its Jobs is added, updated or
 * deleted, and at its next schedule time + 100 ms: it never polls, so a year of `*\/5` costs
 * what its 105,120 Jobs cost. The decisions are pure functions in cronjob-reconcile.ts; this
 * class reads the store, makes the API calls and records the events.
 */
export class CronJobController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, "cronjob-sync", (k) => this.sync(k));
    store.watch((ev) => {
      if (ev.kind === "CronJob") this.onCronJob(ev as WatchEvent<CronJob>);
      else if (ev.kind === "Job") this.onJob(ev as WatchEvent<Job>);
    });
  }

  /** The CronJob informer's handlers (NewControllerV2, updateCronJob). */
  private onCronJob(ev: WatchEvent<CronJob>): void {
    const cj = ev.object;
    const key = objectKey(cj.metadata.namespace, cj.metadata.name!);
    if (ev.type === "DELETED") {
      // Kubernetes enqueues and its sync finds nothing; dropping the key is the same.
      this.queue.forget(key);
      this.failures.delete(key);
      return;
    }
    const old = ev.old;
    if (ev.type === "ADDED" || old === undefined) return this.queue.add(key);
    if (old.metadata.resourceVersion === cj.metadata.resourceVersion) return;
    if (old.spec.schedule !== cj.spec.schedule || old.spec.timeZone !== cj.spec.timeZone) {
      // A new schedule or zone: sync at its next time (an earlier queued sync stays, §4.4 step 10).
      const parsed = controllerSchedule(cj);
      if (!parsed.ok) {
        // Only an unvalidated write gets here. Watchers only queue work: record it just after.
        const event = cronJobEvents.unparseableOnUpdate(cj.spec.schedule);
        this.clock.after(0, "cronjob-event", () => this.record(cj, [event]));
        return;
      }
      const delay = requeueAfter(cj, parsed, cj.status ?? {}, this.clock.now());
      if (delay !== undefined) this.queue.add(key, delay);
      return;
    }
    // Any other change — spec (suspend, policy, limits…) or status, ours included — syncs now.
    this.queue.add(key);
  }

  /** The Job informer's handlers (addJob, updateJob, deleteJob): wake the controlling CronJob. */
  private onJob(ev: WatchEvent<Job>): void {
    const job = ev.object;
    const ns = job.metadata.namespace;
    const ref = controllerOf(job);
    if (ev.type === "MODIFIED" && ev.old !== undefined) {
      if (ev.old.metadata.resourceVersion === job.metadata.resourceVersion) return;
      const before = controllerOf(ev.old);
      if (before !== undefined && !sameOwner(before, ref)) this.enqueueOwner(ns, before);
    }
    if (ref !== undefined) this.enqueueOwner(ns, ref);
  }

  /** resolveControllerRef: only a CronJob with that name and uid. */
  private enqueueOwner(ns: string | undefined, ref: OwnerReference): void {
    if (ref.kind !== "CronJob") return;
    const cj = this.store.get<CronJob>("CronJob", ns, ref.name);
    if (cj?.metadata.uid === ref.uid) this.queue.add(objectKey(ns, ref.name));
  }

  private record(cj: CronJob, events: readonly CronJobEvent[]): void {
    for (const e of events)
      this.events.record(cj, e.type, e.reason, e.message, { component: "cronjob-controller" });
  }

  /**
   * getJobsToBeReconciled: the Jobs whose controller reference names this CronJob (read
   * through the owner index, so a sync costs the CronJob's Jobs, not the namespace's), in
   * name order — `<cronjob>-<unix minutes>` names sort by schedule time.
   */
  private jobsOf(cj: CronJob): Job[] {
    const jobs: Job[] = [];
    for (const j of this.store.listOwnedBy<Job>("Job", cj.metadata.uid!))
      if (controllerOf(j)?.name === cj.metadata.name) jobs.push(j);
    if (jobs.length > 1) jobs.sort(byName);
    return jobs;
  }

  /** One sync of a CronJob (spec §4.4 steps 1–10). */
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cj = this.store.get<CronJob>("CronJob", ns, name);
    if (!cj) {
      this.failures.delete(key);
      return;
    }
    // Step 1.
    const jobs = this.jobsOf(cj);
    let status: CronJobStatus = cj.status ?? {};
    // Step 2, before anything else and whatever the CronJob's state. Because it runs first,
    // a Job that finishes and pushes its kind over the limit shows SuccessfulDelete (for the
    // oldest) before its own SawCompletedJob, in the same instant.
    for (const job of jobsOverHistoryLimits(cj, jobs))
      if (this.deleteJob(cj, job)) status = withoutActive(status, job.metadata.uid);
    // Step 3.
    const reconciled = reconcileActive(status, jobs, (ref) =>
      ref.name === undefined ? false : this.store.get("Job", ref.namespace, ref.name) !== undefined,
    );
    this.record(cj, reconciled.events);
    // Steps 4–10.
    const outcome = this.schedule(cj, reconciled.status);
    if (!sameStatus(outcome.status, cj.status ?? {})) {
      const live = this.store.get<CronJob>("CronJob", ns, name);
      if (live) this.store.updateStatus({ ...live, status: normalizeStatus(outcome.status) });
    }
    if (outcome.requeue !== undefined) {
      this.failures.delete(key);
      this.queue.add(key, outcome.requeue);
    } else if (outcome.failed) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.queue.add(key, Math.min(RETRY_BASE_MS * 2 ** n, RETRY_MAX_MS));
    }
  }

  /** Steps 4–10: decide, then replace and create as decided. */
  private schedule(cj: CronJob, before: CronJobStatus): Outcome {
    const now = this.clock.now();
    const decision = decide(cj, before, now);
    this.record(cj, decision.events);
    if (decision.action === "stop") return { status: before };
    if (decision.action === "wait") return { status: before, requeue: decision.requeueAfter };
    let status = before;
    for (const ref of decision.replace) {
      const job =
        ref.name === undefined ? undefined : this.store.get<Job>("Job", ref.namespace, ref.name);
      if (!job) {
        this.record(cj, [cronJobEvents.failedGet(`jobs.batch "${ref.name ?? ""}" not found`)]);
        return { status, failed: true };
      }
      if (!this.deleteJob(cj, job)) return { status, failed: true };
      status = withoutActive(status, job.metadata.uid);
    }
    let created: Job;
    try {
      // Trusted: the template was strictly decoded when the CronJob was written.
      created = this.api.create(jobFromTemplate(cj, decision.scheduledTime), { trusted: true });
      this.record(cj, [cronJobEvents.successfulCreate(created.metadata.name!)]);
    } catch (e) {
      if (!(e instanceof StatusError) || e.reason !== "AlreadyExists") {
        this.record(cj, [cronJobEvents.failedCreate(serverMessage(e))]);
        return { status, failed: true };
      }
      // The name is the lock (§4.5): a Job of ours we did not list yet is adopted silently;
      // anyone else's leaves the time unhandled, with no requeue, as in Kubernetes.
      const existing = this.store.get<Job>("Job", cj.metadata.namespace, decision.jobName);
      if (!existing) return { status, failed: true };
      if (controllerOf(existing)?.uid !== cj.metadata.uid) return { status };
      if (status.active?.some((a) => a.uid === existing.metadata.uid)) return { status };
      created = existing;
    }
    status = withCreated(status, created, decision.scheduledTime);
    return { status, requeue: requeueAfter(cj, decision.run, status, now) };
  }

  /** deleteJob (Background propagation): SuccessfulDelete, or FailedDelete and false. */
  private deleteJob(cj: CronJob, job: Job): boolean {
    try {
      this.api.delete("Job", job.metadata.namespace, job.metadata.name!, {
        propagationPolicy: "Background",
      });
    } catch (e) {
      this.record(cj, [cronJobEvents.failedDelete(serverMessage(e))]);
      return false;
    }
    this.record(cj, [cronJobEvents.successfulDelete(job.metadata.name!)]);
    return true;
  }
}

function byName(a: Job, b: Job): number {
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}

function sameOwner(a: OwnerReference, b: OwnerReference | undefined): boolean {
  return b !== undefined && a.uid === b.uid && a.name === b.name && a.kind === b.kind;
}

/**
 * An API error as the controller's client sees it (`err.Error()`): the server's own wording,
 * e.g. `Job.batch "x" is invalid: <cause>` or `… is invalid: [<cause>, <cause>]`, not kubectl's.
 */
function serverMessage(e: unknown): string {
  if (!(e instanceof StatusError)) return e instanceof Error ? e.message : String(e);
  if (e.reason !== "Invalid" || e.causes.length === 0) return e.message;
  const causes = [...new Set(e.causes.map(renderFieldError))];
  const kind = e.kind === "Job" ? "Job.batch" : (e.kind ?? "");
  const body = causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`;
  return `${kind} "${e.objectName ?? ""}" is invalid: ${body}`;
}
