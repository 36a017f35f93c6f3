import type { ApiServer } from "../api/apiserver.ts";
import type { EventRecorder } from "../api/events.ts";
import { clone, type ObjectStore } from "../api/store.ts";
import type { Job, JobCondition, JobStatus, Pod } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";
import { podFromTemplate } from "./job-pods.ts";
import { matchFailurePolicy } from "./pod-failure-policy.ts";
import {
  condition,
  creationBackoff,
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
/** At most this many pods are created or deleted in one sync. */
const MAX_POD_CHANGES = 500;

interface BackoffState {
  failuresAfterLastSuccess: number;
  lastFailureTime: number;
}

interface Finish {
  type: "SuccessCriteriaMet" | "FailureTarget";
  reason: string;
  message: string;
}

const failureMessages: Record<string, string> = {
  BackoffLimitExceeded: "Job has reached the specified backoff limit",
  DeadlineExceeded: "Job was active longer than specified deadline",
  MaxFailedIndexesExceeded: "Job has exceeded the specified maximal number of failed indexes",
  FailedIndexes: "Job has failed indexes",
};

/**
 * The Job controller (pkg/controller/job): a level-triggered reconciler. Handlers only enqueue;
 * `sync` reads the Job and its pods, counts, decides, and writes the difference (spec §2).
 */
export class JobController {
  private queue: WorkQueue;
  private backoff = new Map<string, BackoffState>();

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

  private event(job: Job, type: "Normal" | "Warning", reason: string, message: string): void {
    this.events.record(job, type, reason, message, { component: "job-controller" });
  }

  /** A deleted Job's pods must not stay blocked by the tracking finalizer. */
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
    const status: JobStatus = clone(job.status ?? {});
    const pods = this.store
      .listOwnedBy<Pod>("Pod", job.metadata.uid!)
      .filter((p) =>
        p.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid && r.controller),
      );
    const replaceTerminating = spec.podReplacementPolicy !== "Failed" && !spec.podFailurePolicy;

    // 1. classify and count (spec §2.2–2.3): a pod is counted once, while it still has the finalizer.
    const counted: Pod[] = [];
    let newSucceeded = 0;
    let newFailed = 0;
    let failJob: string | undefined;
    const completed = parseIndexes(status.completedIndexes, spec.completions ?? Infinity);
    const bo = this.backoff.get(job.metadata.uid!) ?? {
      failuresAfterLastSuccess: 0,
      lastFailureTime: 0,
    };
    for (const p of pods) {
      if (!p.metadata.finalizers?.includes(TRACKING_FINALIZER)) continue;
      const phase = p.status?.phase;
      if (phase === "Succeeded") {
        newSucceeded++;
        const i = podIndex(p);
        if (indexed && i !== undefined && i < spec.completions!) completed.add(i);
        counted.push(p);
        bo.failuresAfterLastSuccess = 0;
      } else if (phase === "Failed" || (p.metadata.deletionTimestamp && replaceTerminating)) {
        counted.push(p);
        const match = spec.podFailurePolicy
          ? matchFailurePolicy(spec.podFailurePolicy, p)
          : undefined;
        if (match?.action === "Ignore") continue;
        if (match?.action === "FailJob") failJob ??= match.message;
        newFailed++;
        bo.failuresAfterLastSuccess++;
        bo.lastFailureTime = Math.max(bo.lastFailureTime, failureTime(p));
      }
    }
    this.backoff.set(job.metadata.uid!, bo);
    if (indexed) {
      status.completedIndexes = formatIndexes(completed);
      status.succeeded = completed.size;
    } else status.succeeded = (status.succeeded ?? 0) + newSucceeded;
    status.failed = (status.failed ?? 0) + newFailed;

    let active = pods.filter(isActive);
    const terminating = () =>
      this.store
        .listOwnedBy<Pod>("Pod", job.metadata.uid!)
        .filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;
    const suspended = spec.suspend === true;
    const conditions = (status.conditions ??= []);

    // 2. suspend / resume bookkeeping (spec §2.9)
    const susp = conditions.find((c) => c.type === "Suspended");
    if (suspended && susp?.status !== "True") {
      this.setCondition(conditions, "Suspended", "JobSuspended", "Job suspended", nowStr);
      this.event(job, "Normal", "Suspended", "Job suspended");
    } else if (!suspended && susp?.status === "True") {
      this.setCondition(conditions, "Suspended", "JobResumed", "Job resumed", nowStr, "False");
      status.startTime = nowStr;
      this.event(job, "Normal", "Resumed", "Job resumed");
    }
    if (!status.startTime && !suspended) status.startTime = nowStr;
    const startMs = status.startTime ? Date.parse(status.startTime) : undefined;
    if (spec.activeDeadlineSeconds !== undefined && startMs !== undefined && !suspended) {
      const deadline = startMs + spec.activeDeadlineSeconds * 1000;
      if (deadline > now) this.queue.add(key, deadline - now);
    }

    // 3. finishing condition (spec §2.2 step 5)
    let finish: Finish | undefined;
    const scm = condition(job, "SuccessCriteriaMet");
    const ft = condition(job, "FailureTarget");
    if (scm) finish = { type: "SuccessCriteriaMet", reason: scm.reason!, message: scm.message! };
    else if (ft) finish = { type: "FailureTarget", reason: ft.reason!, message: ft.message! };
    else if (failJob)
      finish = { type: "FailureTarget", reason: "PodFailurePolicy", message: failJob };
    else if (status.failed > spec.backoffLimit! || this.restartLimitReached(job, pods)) {
      finish = {
        type: "FailureTarget",
        reason: "BackoffLimitExceeded",
        message: failureMessages.BackoffLimitExceeded,
      };
    } else if (
      spec.activeDeadlineSeconds !== undefined &&
      startMs !== undefined &&
      !suspended &&
      now - startMs >= spec.activeDeadlineSeconds * 1000
    ) {
      finish = {
        type: "FailureTarget",
        reason: "DeadlineExceeded",
        message: failureMessages.DeadlineExceeded,
      };
    }

    let blockedByBackoff = false;
    if (finish?.type === "FailureTarget") {
      if (!ft)
        this.setCondition(conditions, "FailureTarget", finish.reason, finish.message, nowStr);
      // Active pods are deleted and counted as failed now (spec §2.2 step 6, §2.3).
      for (const p of active.slice(0, MAX_POD_CHANGES)) {
        this.deletePod(job, p);
        status.failed++;
      }
      if (terminating() === 0) {
        this.setCondition(conditions, "Failed", finish.reason, finish.message, nowStr);
        this.event(job, "Warning", finish.reason, finish.message);
      }
    } else {
      if (!finish)
        blockedByBackoff = this.manage(job, key, status, active, pods, completed, bo, now);
      active = this.store.listOwnedBy<Pod>("Pod", job.metadata.uid!).filter(isActive);
      // 4. success (spec §2.7)
      const succeeded = status.succeeded ?? 0;
      const reached =
        spec.completions !== undefined ? succeeded >= spec.completions : succeeded > 0;
      if (!finish && reached && active.length === 0) {
        finish = {
          type: "SuccessCriteriaMet",
          reason: "CompletionsReached",
          message: "Reached expected number of succeeded pods",
        };
        this.setCondition(conditions, "SuccessCriteriaMet", finish.reason, finish.message, nowStr);
      }
      if (finish?.type === "SuccessCriteriaMet" && active.length === 0 && terminating() === 0) {
        this.setCondition(conditions, "Complete", finish.reason, finish.message, nowStr);
        status.completionTime = nowStr;
        this.event(job, "Normal", "Completed", "Job completed");
        if (spec.completions !== undefined && succeeded > spec.completions) {
          this.event(
            job,
            "Warning",
            "TooManySucceededPods",
            "Too many succeeded pods running after completion count reached",
          );
        }
      }
    }

    // 5. write status (spec §2.10 serialisation) and release counted pods
    const live = this.store.listOwnedBy<Pod>("Pod", job.metadata.uid!);
    const activeNow = live.filter(isActive);
    status.active = blockedByBackoff ? 0 : activeNow.length;
    status.ready = activeNow.filter(isReady).length;
    status.terminating = live.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;
    status.uncountedTerminatedPods ??= {};
    const out = serialiseStatus(status, indexed);
    if (JSON.stringify(out) !== JSON.stringify(job.status ?? {})) {
      const current = this.store.get<Job>("Job", ns, name);
      if (current) this.store.updateStatus({ ...current, status: out });
    }
    for (const p of counted)
      this.removeFinalizer(this.store.get<Pod>("Pod", p.metadata.namespace, p.metadata.name!) ?? p);
    const finished = conditions.some(
      (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
    );
    if (finished) this.backoff.delete(job.metadata.uid!);
  }

  /** OnFailure: the restart counts of running pods reaching backoffLimit fail the Job (spec §2.6). */
  private restartLimitReached(job: Job, pods: Pod[]): boolean {
    if (job.spec.template.spec.restartPolicy !== "OnFailure") return false;
    let sum = 0;
    for (const p of pods)
      if (p.status?.phase === "Pending" || p.status?.phase === "Running") sum += restartCountSum(p);
    const limit = job.spec.backoffLimit!;
    return limit === 0 ? sum > 0 : sum >= limit;
  }

  /** manageJob (spec §2.4): delete surplus or create missing pods. Returns true when blocked by back-off. */
  private manage(
    job: Job,
    key: string,
    status: JobStatus,
    active: Pod[],
    pods: Pod[],
    completed: Set<number>,
    bo: BackoffState,
    now: number,
  ): boolean {
    const spec = job.spec;
    if (spec.suspend) {
      for (const p of active.slice(0, MAX_POD_CHANGES)) this.deletePod(job, p);
      return false;
    }
    const indexed = spec.completionMode === "Indexed";
    const succeeded = status.succeeded ?? 0;
    let want: number;
    if (spec.completions !== undefined)
      want = Math.max(0, Math.min(spec.parallelism!, spec.completions - succeeded));
    else want = succeeded > 0 ? active.length : spec.parallelism!;
    if (indexed) {
      // Extra pods for completed or out-of-range indexes and duplicates go first.
      const seen = new Set<number>();
      for (const p of active) {
        const i = podIndex(p);
        if (i === undefined || i >= spec.completions! || completed.has(i) || seen.has(i))
          this.deletePod(job, p);
        else seen.add(i);
      }
      active = active.filter(
        (p) =>
          !p.metadata.deletionTimestamp &&
          this.store.get("Pod", p.metadata.namespace, p.metadata.name!) &&
          seen.has(podIndex(p)!),
      );
    }
    if (active.length > want) {
      const order = (p: Pod) =>
        !p.spec.nodeName ? 0 : p.status?.phase === "Pending" ? 1 : isReady(p) ? 3 : 2;
      const victims = [...active]
        .sort((a, b) => order(a) - order(b))
        .slice(0, Math.min(active.length - want, MAX_POD_CHANGES));
      for (const p of victims) this.deletePod(job, p);
      return false;
    }
    const terminatingCount =
      spec.podReplacementPolicy === "Failed" || spec.podFailurePolicy
        ? pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length
        : 0;
    let diff = Math.min(want - active.length - terminatingCount, MAX_POD_CHANGES);
    if (diff <= 0) return false;
    const remaining = bo.lastFailureTime + creationBackoff(bo.failuresAfterLastSuccess) - now;
    if (bo.failuresAfterLastSuccess > 0 && remaining > 0) {
      this.queue.add(key, Math.max(remaining, 1000));
      return true;
    }
    if (indexed) {
      const held = new Set<number>();
      for (const p of pods) {
        const i = podIndex(p);
        if (
          i !== undefined &&
          (isActive(p) || (terminatingCount > 0 && p.metadata.deletionTimestamp && !isTerminal(p)))
        )
          held.add(i);
      }
      for (let i = 0; i < spec.completions! && diff > 0; i++) {
        if (completed.has(i) || held.has(i)) continue;
        this.createPod(job, i);
        diff--;
      }
    } else {
      for (let n = 0; n < diff; n++) this.createPod(job, undefined);
    }
    return false;
  }

  private createPod(job: Job, index: number | undefined): void {
    try {
      const pod = this.api.create(podFromTemplate(job, index));
      this.event(job, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
    } catch (e) {
      this.event(
        job,
        "Warning",
        "FailedCreate",
        `Error creating: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /**
   * Delete a pod after releasing its tracking finalizer: suspend and surplus deletions are never
   * counted; deletions of a finishing Job are counted by the caller (spec §2.3).
   */
  private deletePod(job: Job, pod: Pod): void {
    const live = this.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.deletionTimestamp) return;
    this.removeFinalizer(live);
    try {
      this.api.delete("Pod", pod.metadata.namespace, pod.metadata.name!);
      this.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
    } catch (e) {
      this.event(
        job,
        "Warning",
        "FailedDelete",
        `Error deleting: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private setCondition(
    conds: JobCondition[],
    type: string,
    reason: string,
    message: string,
    now: string,
    status: "True" | "False" = "True",
  ): void {
    const existing = conds.find((c) => c.type === type);
    if (existing) {
      if (existing.status !== status) existing.lastTransitionTime = now;
      Object.assign(existing, { status, reason, message, lastProbeTime: now });
      return;
    }
    conds.push({ type, status, lastProbeTime: now, lastTransitionTime: now, reason, message });
  }
}

/** omitempty rules of batch/v1 JobStatus (spec §2.10). */
function serialiseStatus(s: JobStatus, indexed: boolean): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  out.terminating = s.terminating ?? 0;
  if (indexed && s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes) out.failedIndexes = s.failedIndexes;
  out.uncountedTerminatedPods = s.uncountedTerminatedPods ?? {};
  out.ready = s.ready ?? 0;
  return out;
}
