import type { CronJob, Job, Pod } from "../../src/api/types.ts";
import type { CronLane } from "./gantt.ts";
import { creationBackoffMs, FIELD_DOCS } from "./k8s.ts";

/** One line of the controller's reasoning, with the spec field it comes from. */
export interface Reason {
  text: string;
  /** The field (or mechanism) that decides it; links to its kubernetes.io documentation. */
  field?: string;
  href?: string;
  /** info: a fact; wait: something will happen later; bad: a failure; ok: done well. */
  tone: "info" | "wait" | "bad" | "ok";
}

const reason = (text: string, tone: Reason["tone"], field?: string): Reason => ({
  text,
  tone,
  ...(field ? { field, href: FIELD_DOCS[field] } : {}),
});

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
/** Whole seconds, rounded up: "in 17 s" must not say 16 while 16.2 s remain. */
const secs = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

function terminatedAt(pod: Pod): number | undefined {
  let latest: number | undefined;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const f = cs.state.terminated?.finishedAt;
    if (f) latest = Math.max(latest ?? -Infinity, Date.parse(f));
  }
  return latest;
}

/** spec §2.5 lastFailureTime of a failed (or deleted-while-not-succeeded) pod. */
function failureTime(pod: Pod): number {
  const t = terminatedAt(pod);
  if (t !== undefined) return t;
  if (pod.metadata.deletionTimestamp)
    return (
      Date.parse(pod.metadata.deletionTimestamp) -
      (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000
    );
  return Date.parse(pod.metadata.creationTimestamp ?? "");
}

const isTerminal = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
const isActive = (p: Pod) => !isTerminal(p) && !p.metadata.deletionTimestamp;
const cond = (job: Job, type: string) =>
  job.status?.conditions?.find((c) => c.type === type && c.status === "True");

/**
 * When the Job controller will next allow a pod to be created, if it is holding one back now
 * (spec §2.5): n consecutive failures since the last success ⇒ wait 10 s × 2^(n-1) after the last.
 */
export function creationBackoff(
  job: Job,
  pods: readonly Pod[],
  now: number,
): { n: number; delay: number; until: number } | undefined {
  const lastOk = Math.max(
    -Infinity,
    ...pods.filter((p) => p.status?.phase === "Succeeded").map((p) => terminatedAt(p) ?? 0),
  );
  const failed = pods
    .filter(
      (p) =>
        p.status?.phase === "Failed" ||
        (p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded"),
    )
    .map(failureTime)
    .filter((t) => t > lastOk);
  // Failed pods may be gone already (deleted, or cleaned up): status.failed still counts them.
  const n =
    (job.status?.succeeded ?? 0) === 0
      ? Math.max(job.status?.failed ?? 0, failed.length)
      : failed.length;
  if (n === 0 || failed.length === 0) return undefined;
  const last = Math.max(...failed);
  const delay = creationBackoffMs(n);
  if (now >= last + delay) return undefined;
  return { n, delay, until: last + delay };
}

/** The Job controller's current reasoning about a Job, in plain words (spec §2). */
export function whyJob(job: Job, pods: readonly Pod[], now: number): Reason[] {
  const out: Reason[] = [];
  const spec = job.spec;
  const st = job.status ?? {};
  const failed = st.failed ?? 0;
  const succeeded = st.succeeded ?? 0;
  const limit = spec.backoffLimit ?? 6;
  const parallelism = spec.parallelism ?? 1;
  const onFailure = spec.template.spec.restartPolicy === "OnFailure";
  const active = pods.filter(isActive);
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p));

  const finished = cond(job, "Failed") ?? cond(job, "Complete");
  const target = cond(job, "FailureTarget") ?? cond(job, "SuccessCriteriaMet");
  const decided = finished ?? target;
  if (decided) {
    const r = decided.reason ?? "";
    if (r === "BackoffLimitExceeded")
      out.push(
        reason(
          onFailure && failed <= limit
            ? `container restarts reached backoffLimit ${limit} (restartPolicy OnFailure): job failed (BackoffLimitExceeded)`
            : `${plural(failed, "failure")} > backoffLimit ${limit}: job failed (BackoffLimitExceeded)`,
          "bad",
          "backoffLimit",
        ),
      );
    else if (r === "DeadlineExceeded")
      out.push(
        reason(
          `active longer than activeDeadlineSeconds ${spec.activeDeadlineSeconds}: job failed (DeadlineExceeded)`,
          "bad",
          "activeDeadlineSeconds",
        ),
      );
    else if (r === "CompletionsReached")
      out.push(
        reason(
          spec.completions !== undefined
            ? `${succeeded} succeeded = completions ${spec.completions}: job complete`
            : `a pod succeeded and none is active (no completions set): job complete`,
          "ok",
          "completions",
        ),
      );
    else if (r === "PodFailurePolicy")
      out.push(reason(`${decided.message ?? ""}: job failed`, "bad", "podFailurePolicy"));
    else out.push(reason(`${decided.type}: ${r} — ${decided.message ?? ""}`, "info"));
    if (!finished && terminating.length > 0)
      out.push(
        reason(
          `waiting for ${plural(terminating.length, "terminating pod")} to end before the final condition`,
          "wait",
          "podReplacementPolicy",
        ),
      );
    if (finished && decided.type === "Failed" && failed > 0 && !onFailure)
      out.push(reason(`the ${plural(failed, "failed pod")} stay for their logs`, "info"));
    if (finished && spec.ttlSecondsAfterFinished !== undefined) {
      const at =
        Date.parse(finished.lastTransitionTime ?? "") + spec.ttlSecondsAfterFinished * 1000;
      out.push(
        reason(
          `ttlSecondsAfterFinished ${spec.ttlSecondsAfterFinished}: deleted with its pods in ${secs(at - now)}`,
          "wait",
          "ttlSecondsAfterFinished",
        ),
      );
    }
    return out;
  }

  if (spec.suspend) {
    out.push(
      reason("suspend: true — no pod runs; resuming restarts the deadline", "wait", "suspend"),
    );
    return out;
  }

  // How many pods the controller wants (spec §2.4).
  const completions = spec.completions;
  const want =
    completions !== undefined
      ? Math.max(0, Math.min(parallelism, completions - succeeded))
      : succeeded > 0
        ? active.length
        : parallelism;
  const why =
    completions !== undefined && completions - succeeded < parallelism
      ? `completions ${completions} − ${succeeded} succeeded = ${completions - succeeded}`
      : `parallelism ${parallelism}`;
  const bo = creationBackoff(job, pods, now);
  if (completions === undefined && succeeded > 0)
    out.push(
      reason(
        `a pod succeeded (work queue, no completions): no new pod; the job completes when the ${plural(active.length, "active pod")} end`,
        "info",
        "completions",
      ),
    );
  else if (active.length >= want)
    out.push(
      reason(
        `${plural(active.length, "pod")} active = ${why}: no new pod`,
        "info",
        why.startsWith("parallelism") ? "parallelism" : "completions",
      ),
    );
  else if (bo)
    out.push(
      reason(
        `next pod allowed in ${secs(bo.until - now)} (back-off ${bo.delay / 1000} s after ${plural(bo.n, "failure")})`,
        "wait",
        "pod back-off",
      ),
    );
  else
    out.push(
      reason(
        `${active.length} active < ${why}: creating ${plural(want - active.length, "pod")}`,
        "info",
        "parallelism",
      ),
    );

  if (completions !== undefined)
    out.push(
      reason(
        `${succeeded} of completions ${completions} succeeded${spec.completionMode === "Indexed" ? ` (indexes ${st.completedIndexes || "none"})` : ""}`,
        succeeded > 0 ? "ok" : "info",
        spec.completionMode === "Indexed" ? "completionMode" : "completions",
      ),
    );

  // Pods that finished but still carry the tracking finalizer are not counted yet (spec §2.3).
  const uncounted = pods.filter(
    (p) => isTerminal(p) && p.metadata.finalizers?.includes("batch.kubernetes.io/job-tracking"),
  ).length;
  if (uncounted > 0)
    out.push(
      reason(
        `${plural(uncounted, "finished pod")} not counted yet: the controller syncs 1 s after a pod changes`,
        "wait",
      ),
    );

  // Failure accounting (spec §2.6).
  if (onFailure) {
    const restarts = active.reduce(
      (n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + c.restartCount, 0),
      0,
    );
    out.push(
      reason(
        `${plural(restarts, "container restart")}; backoffLimit ${limit}: the job fails when restarts reach ${Math.max(limit, 1)} (restartPolicy OnFailure)`,
        restarts > 0 ? "wait" : "info",
        "backoffLimit",
      ),
    );
  } else if (failed > 0)
    out.push(
      reason(
        `${plural(failed, "failure")} ≤ backoffLimit ${limit}: ${limit + 1 - failed === 1 ? "1 more failure fails" : `${limit + 1 - failed} more failures fail`} the job`,
        "wait",
        "backoffLimit",
      ),
    );
  else out.push(reason(`no failures yet; backoffLimit ${limit}`, "info", "backoffLimit"));

  for (const p of active) {
    const cs = p.status?.containerStatuses?.[0];
    const w = cs?.state.waiting;
    if (w?.reason === "CrashLoopBackOff") {
      const last = Date.parse(cs?.lastState.terminated?.finishedAt ?? "");
      const m = /^back-off (?:(\d+)m)?(?:(\d+)s)?/.exec(w.message ?? "");
      const delay = m ? (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000 : 0;
      out.push(
        reason(
          `pod ${p.metadata.name} restarts its container in ${secs(last + delay - now)} (CrashLoopBackOff ${delay / 1000} s after ${plural(cs?.restartCount ?? 0, "restart")})`,
          "wait",
          "CrashLoopBackOff",
        ),
      );
    } else if (w && /ImagePull|ErrImage/.test(w.reason ?? ""))
      out.push(
        reason(
          `pod ${p.metadata.name} is stuck in ${w.reason}: it never fails by itself — only activeDeadlineSeconds or a delete ends it`,
          "bad",
          "activeDeadlineSeconds",
        ),
      );
  }

  if (spec.activeDeadlineSeconds !== undefined && st.startTime) {
    const at = Date.parse(st.startTime) + spec.activeDeadlineSeconds * 1000;
    out.push(
      reason(
        `activeDeadlineSeconds ${spec.activeDeadlineSeconds}: the job fails in ${secs(at - now)} unless done`,
        "wait",
        "activeDeadlineSeconds",
      ),
    );
  }
  return out;
}

function clock(t: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: timeZone ?? "UTC",
    }).format(t);
  } catch {
    return new Date(t).toISOString().slice(11, 16);
  }
}

/** The CronJob controller's reasoning (spec §4.4), with the lane's classified ticks. */
export function whyCronJob(
  cj: CronJob,
  jobs: readonly Job[],
  lane: CronLane | undefined,
  now: number,
): Reason[] {
  const out: Reason[] = [];
  const spec = cj.spec;
  const tz = spec.timeZone;
  const policy = spec.concurrencyPolicy ?? "Allow";
  const active = (cj.status?.active ?? []).map((r) => r.name ?? "");
  const zone = tz ? ` ${tz}` : " UTC";
  if (spec.suspend) {
    out.push(
      reason(
        "suspend: true — no Jobs are created; on resume only the most recent missed tick runs",
        "wait",
        "cronjob suspend",
      ),
    );
  } else if (lane?.next !== undefined) {
    const running = active[active.length - 1];
    let what = "creates a Job";
    if (running && policy === "Forbid")
      what = `will be skipped if job ${running} is still active (concurrencyPolicy Forbid)`;
    else if (running && policy === "Replace")
      what = `deletes job ${running} and creates a new one (concurrencyPolicy Replace)`;
    out.push(
      reason(
        `next tick ${clock(lane.next, tz)}${zone} (in ${secs(lane.next - now)}): ${what}`,
        "wait",
        running && policy !== "Allow" ? "concurrencyPolicy" : "schedule",
      ),
    );
  }
  const ticks = lane?.ticks ?? [];
  const last = ticks[ticks.length - 1];
  if (last) {
    const at = `tick ${clock(last.t, tz)}`;
    if (last.kind === "skipped") {
      const blocker = active[0] ?? jobs.find((j) => !j.status?.completionTime)?.metadata.name;
      out.push(
        reason(
          `${at} skipped: concurrencyPolicy Forbid and job ${blocker ?? "(previous)"} still active`,
          "bad",
          "concurrencyPolicy",
        ),
      );
    } else if (last.kind === "replaced")
      out.push(
        reason(
          `${at}: the still-running job was deleted and ${last.job} created (concurrencyPolicy Replace)`,
          "info",
          "concurrencyPolicy",
        ),
      );
    else if (last.kind === "missed")
      out.push(
        reason(
          spec.suspend
            ? `${at} missed: the CronJob is suspended`
            : spec.startingDeadlineSeconds !== undefined
              ? `${at} missed: not started within startingDeadlineSeconds ${spec.startingDeadlineSeconds}`
              : `${at} missed`,
          "bad",
          spec.suspend ? "cronjob suspend" : "startingDeadlineSeconds",
        ),
      );
    else out.push(reason(`${at}: created job ${last.job}`, "ok", "schedule"));
  }
  if (active.length > 0)
    out.push(
      reason(
        `${plural(active.length, "active job")} (${active.join(", ")}); concurrencyPolicy ${policy}`,
        "info",
        "concurrencyPolicy",
      ),
    );
  const finishedOk = jobs.filter((j) =>
    j.status?.conditions?.some((c) => c.type === "Complete" && c.status === "True"),
  ).length;
  const finishedBad = jobs.filter((j) =>
    j.status?.conditions?.some((c) => c.type === "Failed" && c.status === "True"),
  ).length;
  out.push(
    reason(
      `history: keeps ${spec.successfulJobsHistoryLimit ?? 3} successful (has ${finishedOk}) and ${spec.failedJobsHistoryLimit ?? 1} failed (has ${finishedBad}); older ones are deleted`,
      "info",
      "successfulJobsHistoryLimit",
    ),
  );
  if (spec.startingDeadlineSeconds !== undefined)
    out.push(
      reason(
        `startingDeadlineSeconds ${spec.startingDeadlineSeconds}: a tick not started within it is skipped silently`,
        "info",
        "startingDeadlineSeconds",
      ),
    );
  return out;
}
