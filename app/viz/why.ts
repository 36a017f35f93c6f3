import type { CronJob, Job, Pod } from "../../src/api/types.ts";
import { translate, type MessageKey, type Params } from "../i18n/i18n.ts";
import type { CronLane } from "./gantt.ts";
import { creationBackoffMs, FIELD_DOCS } from "./k8s.ts";

/**
 * One line of the controller's reasoning, with the spec field it comes from. `key` + `params` render
 * it in any locale (`t(r.key, r.params)`); `text` is the English rendering.
 */
export interface Reason {
  key: MessageKey;
  params: Params;
  text: string;
  /** The field (or mechanism) that decides it; links to its kubernetes.io documentation. */
  field?: string;
  href?: string;
  /** info: a fact; wait: something will happen later; bad: a failure; ok: done well. */
  tone: "info" | "wait" | "bad" | "ok";
}

const reason = (key: MessageKey, params: Params, tone: Reason["tone"], field?: string): Reason => ({
  key,
  params,
  text: translate("en", key, params),
  tone,
  ...(field ? { field, href: FIELD_DOCS[field] } : {}),
});

/** Whole seconds, rounded up: "in 17 s" must not say 16 while 16.2 s remain. */
const secs = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

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
        onFailure && failed <= limit
          ? reason("why.job.backoffOnFailure", { limit }, "bad", "backoffLimit")
          : reason("why.job.backoffExceeded", { failed, limit }, "bad", "backoffLimit"),
      );
    else if (r === "DeadlineExceeded")
      out.push(
        reason(
          "why.job.deadlineExceeded",
          { deadline: String(spec.activeDeadlineSeconds) },
          "bad",
          "activeDeadlineSeconds",
        ),
      );
    else if (r === "CompletionsReached")
      out.push(
        spec.completions !== undefined
          ? reason(
              "why.job.complete",
              { succeeded, completions: spec.completions },
              "ok",
              "completions",
            )
          : reason("why.job.completeQueue", {}, "ok", "completions"),
      );
    else if (r === "PodFailurePolicy")
      out.push(
        reason(
          "why.job.podFailurePolicy",
          { message: decided.message ?? "" },
          "bad",
          "podFailurePolicy",
        ),
      );
    else
      out.push(
        reason(
          "why.job.condition",
          { type: decided.type, reason: r, message: decided.message ?? "" },
          "info",
        ),
      );
    if (!finished && terminating.length > 0)
      out.push(
        reason(
          "why.job.waitTerminating",
          { count: terminating.length },
          "wait",
          "podReplacementPolicy",
        ),
      );
    if (finished && decided.type === "Failed" && failed > 0 && !onFailure)
      out.push(reason("why.job.failedStay", { count: failed }, "info"));
    if (finished && spec.ttlSecondsAfterFinished !== undefined) {
      const at =
        Date.parse(finished.lastTransitionTime ?? "") + spec.ttlSecondsAfterFinished * 1000;
      out.push(
        reason(
          "why.job.ttl",
          { ttl: spec.ttlSecondsAfterFinished, seconds: secs(at - now) },
          "wait",
          "ttlSecondsAfterFinished",
        ),
      );
    }
    return out;
  }

  if (spec.suspend) {
    out.push(reason("why.job.suspended", {}, "wait", "suspend"));
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
  const byCompletions = completions !== undefined && completions - succeeded < parallelism;
  const why: Params = byCompletions
    ? { completions: completions, succeeded, remaining: completions - succeeded }
    : { parallelism };
  const bo = creationBackoff(job, pods, now);
  if (completions === undefined && succeeded > 0)
    out.push(reason("why.job.queueDone", { active: active.length }, "info", "completions"));
  else if (active.length >= want)
    out.push(
      byCompletions
        ? reason(
            "why.job.enoughCompletions",
            { ...why, active: active.length },
            "info",
            "completions",
          )
        : reason(
            "why.job.enoughParallelism",
            { ...why, active: active.length },
            "info",
            "parallelism",
          ),
    );
  else if (bo)
    out.push(
      reason(
        "why.job.backoff",
        { seconds: secs(bo.until - now), delay: bo.delay / 1000, failures: bo.n },
        "wait",
        "pod back-off",
      ),
    );
  else
    out.push(
      reason(
        byCompletions ? "why.job.createCompletions" : "why.job.createParallelism",
        { ...why, active: active.length, count: want - active.length },
        "info",
        "parallelism",
      ),
    );

  if (completions !== undefined) {
    const indexed = spec.completionMode === "Indexed";
    out.push(
      reason(
        !indexed
          ? "why.job.progress"
          : st.completedIndexes
            ? "why.job.progressIndexed"
            : "why.job.progressIndexedNone",
        { succeeded, completions, indexes: st.completedIndexes ?? "" },
        succeeded > 0 ? "ok" : "info",
        indexed ? "completionMode" : "completions",
      ),
    );
  }

  // Pods that finished but still carry the tracking finalizer are not counted yet (spec §2.3).
  const uncounted = pods.filter(
    (p) => isTerminal(p) && p.metadata.finalizers?.includes("batch.kubernetes.io/job-tracking"),
  ).length;
  if (uncounted > 0) out.push(reason("why.job.uncounted", { count: uncounted }, "wait"));

  // Failure accounting (spec §2.6).
  if (onFailure) {
    const restarts = active.reduce(
      (n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + c.restartCount, 0),
      0,
    );
    out.push(
      reason(
        "why.job.restarts",
        { restarts, limit, reach: Math.max(limit, 1) },
        restarts > 0 ? "wait" : "info",
        "backoffLimit",
      ),
    );
  } else if (failed > 0)
    out.push(
      reason(
        "why.job.failures",
        { failed, limit, left: limit + 1 - failed },
        "wait",
        "backoffLimit",
      ),
    );
  else out.push(reason("why.job.noFailures", { limit }, "info", "backoffLimit"));

  for (const p of active) {
    const cs = p.status?.containerStatuses?.[0];
    const w = cs?.state.waiting;
    if (w?.reason === "CrashLoopBackOff") {
      const last = Date.parse(cs?.lastState.terminated?.finishedAt ?? "");
      const m = /^back-off (?:(\d+)m)?(?:(\d+)s)?/.exec(w.message ?? "");
      const delay = m ? (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000 : 0;
      out.push(
        reason(
          "why.job.crashLoop",
          {
            pod: p.metadata.name ?? "",
            seconds: secs(last + delay - now),
            delay: delay / 1000,
            restarts: cs?.restartCount ?? 0,
          },
          "wait",
          "CrashLoopBackOff",
        ),
      );
    } else if (w && /ImagePull|ErrImage/.test(w.reason ?? ""))
      out.push(
        reason(
          "why.job.imagePull",
          { pod: p.metadata.name ?? "", reason: w.reason ?? "" },
          "bad",
          "activeDeadlineSeconds",
        ),
      );
  }

  if (spec.activeDeadlineSeconds !== undefined && st.startTime) {
    const at = Date.parse(st.startTime) + spec.activeDeadlineSeconds * 1000;
    out.push(
      reason(
        "why.job.deadline",
        { deadline: spec.activeDeadlineSeconds, seconds: secs(at - now) },
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
  const zone = tz ? tz : "UTC";
  if (spec.suspend) {
    out.push(reason("why.cron.suspended", {}, "wait", "cronjob suspend"));
  } else if (lane?.next !== undefined) {
    const running = active[active.length - 1];
    const key: MessageKey =
      running && policy === "Forbid"
        ? "why.cron.nextForbid"
        : running && policy === "Replace"
          ? "why.cron.nextReplace"
          : "why.cron.next";
    out.push(
      reason(
        key,
        { time: clock(lane.next, tz), zone, seconds: secs(lane.next - now), job: running ?? "" },
        "wait",
        running && policy !== "Allow" ? "concurrencyPolicy" : "schedule",
      ),
    );
  }
  const ticks = lane?.ticks ?? [];
  const last = ticks[ticks.length - 1];
  if (last) {
    const time = clock(last.t, tz);
    if (last.kind === "skipped") {
      const blocker = active[0] ?? jobs.find((j) => !j.status?.completionTime)?.metadata.name;
      out.push(
        blocker !== undefined
          ? reason("why.cron.skipped", { time, job: blocker }, "bad", "concurrencyPolicy")
          : reason("why.cron.skippedPrevious", { time }, "bad", "concurrencyPolicy"),
      );
    } else if (last.kind === "replaced")
      out.push(
        reason("why.cron.replaced", { time, job: String(last.job) }, "info", "concurrencyPolicy"),
      );
    else if (last.kind === "missed")
      out.push(
        reason(
          spec.suspend
            ? "why.cron.missedSuspended"
            : spec.startingDeadlineSeconds !== undefined
              ? "why.cron.missedDeadline"
              : "why.cron.missed",
          { time, deadline: spec.startingDeadlineSeconds ?? "" },
          "bad",
          spec.suspend ? "cronjob suspend" : "startingDeadlineSeconds",
        ),
      );
    else out.push(reason("why.cron.created", { time, job: String(last.job) }, "ok", "schedule"));
  }
  if (active.length > 0)
    out.push(
      reason(
        "why.cron.active",
        { count: active.length, names: active.join(", "), policy },
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
      "why.cron.history",
      {
        keepOk: spec.successfulJobsHistoryLimit ?? 3,
        hasOk: finishedOk,
        keepFailed: spec.failedJobsHistoryLimit ?? 1,
        hasFailed: finishedBad,
      },
      "info",
      "successfulJobsHistoryLimit",
    ),
  );
  if (spec.startingDeadlineSeconds !== undefined)
    out.push(
      reason(
        "why.cron.startingDeadline",
        { deadline: spec.startingDeadlineSeconds },
        "info",
        "startingDeadlineSeconds",
      ),
    );
  return out;
}
