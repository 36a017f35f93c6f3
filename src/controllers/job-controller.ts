import type { ApiServer } from "../api/apiserver.ts";
import type { EventRecorder } from "../api/events.ts";
import { clone, jsonEqual, type ObjectStore } from "../api/store.ts";
import type { Job, JobStatus, Pod } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";
import { hasBackoffLimitPerIndex, indexFailureCount, matchSuccessPolicy } from "./job-indexes.ts";
import { manageJob, MAX_POD_CHANGES, type JobActions, type SyncState } from "./job-manage.ts";
import {
  COMPLETIONS_REACHED,
  failure,
  serialiseStatus,
  setCondition,
  type Finish,
} from "./job-status.ts";
import { matchFailurePolicy } from "./pod-failure-policy.ts";
import {
  condition,
  failureTime,
  formatIndexes,
  isActive,
  isFinished,
  isReady,
  isTerminal,
  parseIndexes,
  podIndex,
  restartCountSum,
  TRACKING_FINALIZER,
} from "./job-util.ts";
import { objectKey, splitKey, WorkQueue } from "./work-queue.ts";

/** Pod-driven syncs are batched for 1 s (spec §2.1). */
const POD_SYNC_DELAY_MS = 1000;

interface LiveCounts {
  active: number;
  ready: number;
  terminating: number;
}

/** The controller's in-memory creation back-off per Job (spec §2.5). */
export interface BackoffState {
  failuresAfterLastSuccess: number;
  lastFailureTime: number;
}

/**
 * The Job controller (pkg/controller/job): a level-triggered reconciler. Handlers only enqueue;
 * `sync` reads the Job and its pods, counts, decides, and writes the difference (spec §2).
 * Pod creation and deletion counts live in job-manage.ts, index bookkeeping in job-indexes.ts.
 */
export class JobController implements JobActions {
  private queue: WorkQueue;
  private backoff = new Map<string, BackoffState>();
  /** Consecutive pod-creation failures per Job uid (the queue's rate limiter). */
  private createFailures = new Map<string, number>();

  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, "job-sync", (k) => this.sync(k));
    store.watch((ev) => {
      if (ev.kind === "Job") {
        const job = ev.object as Job;
        const key = objectKey(job.metadata.namespace, job.metadata.name!);
        if (ev.type === "DELETED") return this.jobDeleted(job);
        // Create and spec changes sync at once; status writes (our own) do not trigger a sync.
        const old = ev.old as Job | undefined;
        if (!old || old.metadata.generation !== job.metadata.generation) this.queue.add(key);
        return;
      }
      if (ev.kind !== "Pod") return;
      const pod = ev.object as Pod;
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === "Job");
      if (!ref) return;
      this.queue.add(objectKey(pod.metadata.namespace, ref.name), POD_SYNC_DELAY_MS);
    });
  }

  event(job: Job, type: "Normal" | "Warning", reason: string, message: string): void {
    this.events.record(job, type, reason, message, { component: "job-controller" });
  }

  requeue(job: Job, delayMs: number): void {
    this.queue.add(objectKey(job.metadata.namespace, job.metadata.name!), delayMs);
  }

  /** A deleted Job's pods must not stay blocked by the tracking finalizer (spec §2.12). */
  private jobDeleted(job: Job): void {
    this.backoff.delete(job.metadata.uid!);
    this.clock.after(0, "job-orphan-finalizers", () => {
      for (const pod of this.store.listOwnedBy<Pod>("Pod", job.metadata.uid!))
        this.removeFinalizer(pod);
    });
  }

  private removeFinalizer(pod: Pod): void {
    if (!pod.metadata.finalizers?.includes(TRACKING_FINALIZER)) return;
    this.store.patchMeta("Pod", pod.metadata.namespace, pod.metadata.name!, (m) => {
      m.finalizers = m.finalizers?.filter((f) => f !== TRACKING_FINALIZER);
      if (m.finalizers?.length === 0) delete m.finalizers;
    });
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.store.get<Job>("Job", ns, name);
    if (!job || isFinished(job) || job.metadata.deletionTimestamp) return;
    const managedBy = job.spec.managedBy;
    if (managedBy && managedBy !== "kubernetes.io/job-controller") return;
    if (job.spec.completionMode !== "NonIndexed" && job.spec.completionMode !== "Indexed") {
      this.event(
        job,
        "Warning",
        "UnknownCompletionMode",
        "Skipped Job sync because completion mode is unknown",
      );
      return;
    }
    const now = this.clock.now();
    const nowStr = rfc3339(now);
    const spec = job.spec;
    const indexed = spec.completionMode === "Indexed";
    const perIndex = hasBackoffLimitPerIndex(job);
    const status: JobStatus = clone(job.status ?? {});
    const uid = job.metadata.uid!;
    const pods = this.store
      .listOwnedBy<Pod>("Pod", uid)
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller));
    // With the default replacement policy and no pod failure policy, a deleted pod that has not
    // succeeded is a failed pod at once (spec §2.2 step 2 quirk).
    const deletedIsFailed = spec.podReplacementPolicy !== "Failed" && !spec.podFailurePolicy;
    const scm = condition(job, "SuccessCriteriaMet");

    // 1. Count newly finished pods, once each, while they still carry the finalizer (§2.3).
    const completed = indexed
      ? parseIndexes(status.completedIndexes, spec.completions)
      : new Set<number>();
    const failedIndexes = perIndex
      ? parseIndexes(status.failedIndexes, spec.completions)
      : new Set<number>();
    const bo = this.backoff.get(uid) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
    const counted: Pod[] = [];
    const newFailures: number[] = [];
    let newSucceeded = 0;
    let latestSuccess = -Infinity;
    let failJob: string | undefined;
    for (const p of pods) {
      if (!p.metadata.finalizers?.includes(TRACKING_FINALIZER)) continue;
      const phase = p.status?.phase;
      const i = indexed ? podIndex(p) : undefined;
      if (phase === "Succeeded") {
        counted.push(p);
        if (!indexed) newSucceeded++;
        else if (i !== undefined && i < spec.completions! && !failedIndexes.has(i)) {
          if (!completed.has(i)) newSucceeded++;
          completed.add(i);
        }
        latestSuccess = Math.max(latestSuccess, failureTime(p));
        continue;
      }
      if (phase !== "Failed" && !(p.metadata.deletionTimestamp && deletedIsFailed)) continue;
      counted.push(p);
      // Pods that fail after the success criteria were met are not failures (§2.7).
      if (scm) continue;
      const match = spec.podFailurePolicy
        ? matchFailurePolicy(spec.podFailurePolicy, p)
        : undefined;
      if (match?.action === "Ignore") continue;
      if (match?.action === "FailJob") failJob ??= match.message;
      newFailures.push(failureTime(p));
      if (perIndex && i !== undefined && i < spec.completions!) {
        if (match?.action === "FailIndex" || indexFailureCount(p) + 1 > spec.backoffLimitPerIndex!)
          failedIndexes.add(i);
      }
    }
    // A success resets the consecutive-failure count to the failures after it (§2.5).
    if (newSucceeded > 0 || latestSuccess > -Infinity)
      bo.failuresAfterLastSuccess = newFailures.filter((t) => t > latestSuccess).length;
    else bo.failuresAfterLastSuccess += newFailures.length;
    for (const t of newFailures) bo.lastFailureTime = Math.max(bo.lastFailureTime, t);
    this.backoff.set(uid, bo);
    if (indexed) {
      status.completedIndexes = formatIndexes(completed);
      status.succeeded = completed.size;
    } else status.succeeded = (status.succeeded ?? 0) + newSucceeded;
    status.failed = (status.failed ?? 0) + newFailures.length;
    if (perIndex) status.failedIndexes = formatIndexes(failedIndexes);

    const suspended = spec.suspend === true;
    const conditions = (status.conditions ??= []);

    // 2. Suspend / resume bookkeeping (§2.9).
    // Their events follow the pod deletions/creations of this sync, as the real controller
    // records them with the status update (describe shows SuccessfulDelete, then Suspended).
    const susp = conditions.find((c) => c.type === "Suspended");
    let suspendEvent: "Suspended" | "Resumed" | undefined;
    if (suspended && susp?.status !== "True") {
      setCondition(conditions, "Suspended", "JobSuspended", "Job suspended", nowStr);
      suspendEvent = "Suspended";
    } else if (!suspended && susp?.status === "True") {
      setCondition(conditions, "Suspended", "JobResumed", "Job resumed", nowStr, "False");
      // Resuming restarts the clock of activeDeadlineSeconds.
      status.startTime = nowStr;
      suspendEvent = "Resumed";
    }
    if (!status.startTime && !suspended) status.startTime = nowStr;
    const startMs = status.startTime ? Date.parse(status.startTime) : undefined;

    // 3. The finishing condition, first match wins (§2.2 step 5).
    const active = pods.filter(isActive);
    let finish: Finish | undefined;
    const ft = condition(job, "FailureTarget");
    if (scm) finish = { type: "SuccessCriteriaMet", reason: scm.reason!, message: scm.message! };
    else if (ft) finish = { type: "FailureTarget", reason: ft.reason!, message: ft.message! };
    else if (failJob)
      finish = { type: "FailureTarget", reason: "PodFailurePolicy", message: failJob };
    else if (status.failed > spec.backoffLimit! || this.restartLimitReached(job, active))
      finish = failure("BackoffLimitExceeded");
    else if (spec.activeDeadlineSeconds !== undefined && startMs !== undefined && !suspended) {
      const deadline = startMs + spec.activeDeadlineSeconds * 1000;
      if (now >= deadline) finish = failure("DeadlineExceeded");
      else this.queue.add(key, deadline - now);
    }
    if (!finish && perIndex) {
      if (spec.maxFailedIndexes !== undefined && failedIndexes.size > spec.maxFailedIndexes)
        finish = failure("MaxFailedIndexesExceeded");
      else if (failedIndexes.size > 0 && failedIndexes.size + completed.size >= spec.completions!)
        finish = failure("FailedIndexes");
    }
    if (!finish && indexed) {
      const msg = matchSuccessPolicy(spec.successPolicy?.rules, spec.completions!, completed);
      if (msg) finish = { type: "SuccessCriteriaMet", reason: "SuccessPolicy", message: msg };
    }

    let blockedByBackoff = false;
    // The pods as the writes of this sync left them (read once, after manageJob).
    let after: LiveCounts | undefined;
    if (finish) {
      // 4a. Finishing: every active pod goes. Those of a failing Job count as failed; pods
      // lingering after a success policy matched do not (§2.2 step 6, §2.3, §2.7).
      if (finish.type === "FailureTarget" && !ft)
        setCondition(conditions, "FailureTarget", finish.reason, finish.message, nowStr);
      if (finish.type === "SuccessCriteriaMet" && !scm)
        setCondition(conditions, finish.type, finish.reason, finish.message, nowStr);
      for (const p of active.slice(0, MAX_POD_CHANGES))
        if (this.deletePod(job, p) && finish.type === "FailureTarget") status.failed++;
    } else {
      // 4b. manageJob (§2.4), then the completion test (§2.7).
      const state: SyncState = {
        job,
        pods,
        active,
        completed,
        failedIndexes,
        succeeded: status.succeeded,
        backoff: bo,
        now,
      };
      blockedByBackoff = manageJob(this, state);
      after = this.liveCounts(uid);
      const succeeded = status.succeeded;
      const reached =
        spec.completions !== undefined ? succeeded >= spec.completions : succeeded > 0;
      if (reached && after.active === 0) {
        finish = COMPLETIONS_REACHED;
        setCondition(conditions, finish.type, finish.reason, finish.message, nowStr);
      }
    }

    if (suspendEvent) this.event(job, "Normal", suspendEvent, `Job ${suspendEvent.toLowerCase()}`);

    // 5. The terminal condition waits for terminating pods (§2.8, v1.31+ two-step finish).
    // (Recording the suspend event above wrote no pod: the counts still hold.)
    after ??= this.liveCounts(uid);
    const terminating = after.terminating;
    if (finish && after.active === 0 && terminating === 0) {
      if (finish.type === "SuccessCriteriaMet") {
        setCondition(conditions, "Complete", finish.reason, finish.message, nowStr);
        status.completionTime = nowStr;
        this.event(job, "Normal", "Completed", "Job completed");
        if (!indexed && spec.completions !== undefined && status.succeeded > spec.completions)
          this.event(
            job,
            "Warning",
            "TooManySucceededPods",
            "Too many succeeded pods running after completion count reached",
          );
      } else {
        setCondition(conditions, "Failed", finish.reason, finish.message, nowStr);
        this.event(job, "Warning", finish.reason, finish.message);
      }
    }

    // 6. Write status (§2.10), then release the counted pods.
    // Quirk (§2.4): a sync blocked by the creation back-off writes active 0.
    status.active = blockedByBackoff ? 0 : after.active;
    status.ready = after.ready;
    status.terminating = terminating;
    status.uncountedTerminatedPods ??= {};
    const out = serialiseStatus(status, indexed);
    if (!jsonEqual(out, job.status ?? {})) {
      const current = this.store.get<Job>("Job", ns, name);
      if (current) this.store.updateStatus({ ...current, status: out }, true);
    }
    for (const p of counted)
      this.removeFinalizer(this.store.get<Pod>("Pod", p.metadata.namespace, p.metadata.name!) ?? p);
    if (isFinished({ ...job, status: out })) this.backoff.delete(uid);
  }

  /** Active, ready-and-active and terminating pods owned by `uid`, in one pass. */
  private liveCounts(uid: string): LiveCounts {
    const c: LiveCounts = { active: 0, ready: 0, terminating: 0 };
    for (const p of this.store.listOwnedBy<Pod>("Pod", uid)) {
      if (isActive(p)) {
        c.active++;
        if (isReady(p)) c.ready++;
      } else if (p.metadata.deletionTimestamp && !isTerminal(p)) c.terminating++;
    }
    return c;
  }

  /** OnFailure: restarts of running pods reaching backoffLimit fail the Job (spec §2.6). */
  private restartLimitReached(job: Job, active: Pod[]): boolean {
    if (job.spec.template.spec.restartPolicy !== "OnFailure") return false;
    let sum = 0;
    for (const p of active)
      if (p.status?.phase === "Pending" || p.status?.phase === "Running") sum += restartCountSum(p);
    const limit = job.spec.backoffLimit!;
    return limit === 0 ? sum > 0 : sum >= limit;
  }

  createPod(job: Job, pod: Pod): boolean {
    try {
      // `pod` is podFromTemplate's fresh object, handed over.
      const created = this.api.create(pod, { trusted: true, owned: true });
      this.event(job, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
      this.createFailures.delete(job.metadata.uid!);
      return true;
    } catch (e) {
      this.event(
        job,
        "Warning",
        "FailedCreate",
        `Error creating: ${e instanceof Error ? e.message : String(e)}`,
      );
      // A failed sync is retried by the rate-limited queue: 1 s doubling to 60 s (DefaultJobApiBackOff).
      const n = this.createFailures.get(job.metadata.uid!) ?? 0;
      this.createFailures.set(job.metadata.uid!, n + 1);
      this.queue.add(
        objectKey(job.metadata.namespace, job.metadata.name!),
        Math.min(1000 * 2 ** n, 60_000),
      );
      return false;
    }
  }

  /**
   * Delete a pod after releasing its tracking finalizer, so the deletion itself is never counted
   * twice: suspend and surplus deletions are not counted at all; a finishing Job's are counted
   * by the caller (spec §2.3). Returns whether the pod was deleted by this call.
   */
  deletePod(job: Job, pod: Pod): boolean {
    const live = this.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.deletionTimestamp || isTerminal(live)) return false;
    this.removeFinalizer(live);
    try {
      this.api.delete("Pod", pod.metadata.namespace, pod.metadata.name!);
      this.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
      return true;
    } catch (e) {
      this.event(
        job,
        "Warning",
        "FailedDelete",
        `Error deleting: ${e instanceof Error ? e.message : String(e)}`,
      );
      return false;
    }
  }
}
