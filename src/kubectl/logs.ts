import type { Job, Pod } from "../api/types.ts";
import { logLines, type LogInstance } from "../kubelet/logs.ts";
import { parseGoDuration } from "../sim/go-duration.ts";
import { rfc3339 } from "../sim/time.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import { lookupType } from "./kinds.ts";
import type { Output } from "./output.ts";
import type { Process } from "./process.ts";
import type { FlagValues } from "./flags.ts";
import { selectorString } from "./printers/labels.ts";
import { matches, parseSelector } from "./selector.ts";

/** kubectl's pod choice for `logs job/NAME` (spec §7.5): most restarts first, then oldest. */
export function pickPod(pods: Pod[]): Pod | undefined {
  // kubectl's podutils.ByLogging: assigned first; Running (and Succeeded/Failed) < Unknown <
  // Pending; ready first; ready for longer first; most restarts (of one container) first; oldest.
  const rank = (p: Pod) =>
    p.status?.phase === "Pending" ? 2 : p.status?.phase === "Unknown" ? 1 : 0;
  const readySince = (p: Pod) => {
    const c = p.status?.conditions?.find((x) => x.type === "Ready");
    return c?.status === "True" ? Date.parse(c.lastTransitionTime ?? "") || 0 : undefined;
  };
  const restarts = (p: Pod) =>
    Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  const ready = (a: Pod, b: Pod) => {
    const ra = readySince(a);
    const rb = readySince(b);
    if ((ra === undefined) !== (rb === undefined)) return ra === undefined ? 1 : -1;
    return ra !== undefined && rb !== undefined ? ra - rb : 0;
  };
  return [...pods].sort(
    (a, b) =>
      Number(!a.spec.nodeName) - Number(!b.spec.nodeName) ||
      rank(a) - rank(b) ||
      ready(a, b) ||
      restarts(b) - restarts(a) ||
      Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!) ||
      (a.metadata.name! < b.metadata.name! ? -1 : 1),
  )[0];
}

interface Source {
  pod: Pod;
  container: string;
}

interface Opts {
  previous: boolean;
  timestamps: boolean;
  tail: number;
  prefix: boolean;
}

const statusOf = (pod: Pod, c: string) =>
  [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find(
    (s) => s.name === c,
  );

/**
 * The log instance to read, kubectl's error for a container that has none yet, or null for a
 * pod not yet bound to a node: the API server's `LogLocation` then has no location and answers
 * 204 No Content, so kubectl prints nothing and succeeds (kubernetes/kubernetes#44190).
 */
function openLog(ctx: KubectlContext, src: Source, previous: boolean): LogInstance | string | null {
  const { pod, container: c } = src;
  if (!pod.spec.nodeName) return null;
  const status = statusOf(pod, c);
  const waiting = status?.state.waiting;
  const inst = ctx.cluster.logs(pod, c, previous);
  if (previous && !inst)
    return `Error from server (BadRequest): previous terminated container "${c}" in pod "${pod.metadata.name}" not found`;
  if (
    !inst ||
    (waiting &&
      !status?.lastState.terminated &&
      (waiting.reason === "ContainerCreating" ||
        waiting.reason === "PodInitializing" ||
        waiting.reason?.includes("Image")))
  ) {
    const reason = waiting?.reason ?? "ContainerCreating";
    return `Error from server (BadRequest): container "${c}" in pod "${pod.metadata.name}" is waiting to start: ${reason === "ImagePullBackOff" || reason === "ErrImagePull" ? "trying and failing to pull image" : reason}`;
  }
  return inst;
}

function formatLine(src: Source, l: { t: number; text: string }, o: Opts): string {
  const pre = o.prefix ? `[pod/${src.pod.metadata.name}/${src.container}] ` : "";
  const ts = o.timestamps ? rfc3339(l.t).replace("Z", ".000000000Z") + " " : "";
  return `${pre}${ts}${l.text}\n`;
}

/**
 * `logs -f`: print what is there, then each new line as the container writes it; the stream
 * ends when that container instance stops (a restart starts a new stream kubectl does not follow).
 */
function follow(
  ctx: KubectlContext,
  sources: { src: Source; inst: LogInstance }[],
  o: Opts,
  out: Output,
): Process {
  // --tail applies to what is already there; everything written later streams.
  const state = sources.map((s) => ({
    ...s,
    printed: o.tail >= 0 ? Math.max(0, logLines(s.inst).length - o.tail) : 0,
    done: false,
  }));
  const pump = () => {
    for (const s of state) {
      if (s.done) continue;
      const pod = ctx.cluster.store.get<Pod>(
        "Pod",
        s.src.pod.metadata.namespace,
        s.src.pod.metadata.name!,
      );
      const current =
        pod && pod.metadata.uid === s.src.pod.metadata.uid
          ? ctx.cluster.logs(pod, s.src.container)
          : undefined;
      const ended =
        !current || current !== s.inst || !!statusOf(pod!, s.src.container)?.state.terminated;
      const lines = logLines(s.inst);
      const complete =
        ended || s.inst.chunks[s.inst.chunks.length - 1]?.text.endsWith("\n") !== false
          ? lines.length
          : lines.length - 1;
      for (; s.printed < complete; s.printed++) out.out(formatLine(s.src, lines[s.printed], o));
      if (ended) s.done = true;
    }
    return state.every((s) => s.done);
  };
  return { tick: pump, stop: () => undefined };
}

function printOnce(sources: { src: Source; inst: LogInstance }[], o: Opts, out: Output): void {
  for (const { src, inst } of sources) {
    let lines = logLines(inst);
    if (o.tail >= 0) lines = lines.slice(Math.max(0, lines.length - o.tail));
    for (const l of lines) out.out(formatLine(src, l, o));
  }
}

/** Containers to read from a pod: `-c`, `--all-containers`, or the default one (with kubectl's notice). */
function containersOf(
  pod: Pod,
  container: string | undefined,
  all: boolean,
  out: Output,
): string[] | undefined {
  const init = (pod.spec.initContainers ?? []).map((c) => c.name);
  const main = pod.spec.containers.map((c) => c.name);
  if (all) return [...init, ...main];
  if (container) {
    if (!main.includes(container) && !init.includes(container)) {
      out.fail(`error: container ${container} is not valid for pod ${pod.metadata.name}`);
      return undefined;
    }
    return [container];
  }
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  const def = annotated && main.includes(annotated) ? annotated : main[0];
  if (main.length + init.length > 1 && !annotated)
    out.err(
      `Defaulted container "${def}" out of: ${[...main, ...init.map((i) => `${i} (init)`)].join(", ")}\n`,
    );
  return [def];
}

export const logsVerb: Verb = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
  args: "pod-or-type-name",
  flags: [
    { name: "container", short: "c", type: "string", usage: "Print the logs of this container" },
    {
      name: "previous",
      short: "p",
      type: "bool",
      usage:
        "If true, print the logs for the previous instance of the container in a pod if it exists.",
    },
    { name: "follow", short: "f", type: "bool", usage: "Specify if the logs should be streamed." },
    {
      name: "timestamps",
      type: "bool",
      usage: "Include timestamps on each line in the log output",
    },
    {
      name: "tail",
      type: "int",
      default: -1,
      usage:
        "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.",
    },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    {
      name: "prefix",
      type: "bool",
      usage: "Prefix each log line with the log source (pod name and container name)",
    },
    {
      name: "pod-running-timeout",
      type: "duration",
      default: "20s",
      usage: "The length of time to wait until at least one pod is running",
    },
    {
      name: "max-log-requests",
      type: "int",
      default: 5,
      usage:
        "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.",
    },
  ],
  run(ctx, parsed, out) {
    const f = parsed.flags;
    const ns = namespaceOf(parsed);
    const store = ctx.cluster.store;
    const sel = f.selector as string | undefined;
    const target = parsed.args[0];
    const o: Opts = {
      previous: f.previous === true,
      timestamps: f.timestamps === true,
      tail: (f.tail as number) === -1 && sel ? 10 : (f.tail as number),
      prefix: f.prefix === true,
    };
    let pods: Pod[];
    if (sel !== undefined) {
      if (target)
        return out.fail(
          "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples",
        );
      const p = parseSelector(sel);
      if ("error" in p) return out.fail(`error: ${p.error}`);
      pods = store.list<Pod>("Pod", ns).filter((x) => matches(p.reqs, x.metadata.labels));
      if (pods.length === 0) return out.err("No resources found in " + ns + " namespace.\n");
      if (f.follow && pods.length > (f["max-log-requests"] as number))
        return out.fail(
          `error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${f["max-log-requests"] as number}, use --max-log-requests to increase the limit`,
        );
    } else {
      if (!target)
        return out.fail(
          "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
        );
      const slash = target.indexOf("/");
      const type = slash < 0 ? "pod" : target.slice(0, slash);
      const name = slash < 0 ? target : target.slice(slash + 1);
      const rt = lookupType(type);
      if (!rt) return out.fail(`error: the server doesn't have a resource type "${type}"`);
      if (rt.kind === "Pod") {
        const pod = store.get<Pod>("Pod", ns, name);
        if (!pod) return out.fail(`Error from server (NotFound): pods "${name}" not found`);
        pods = [pod];
      } else if (rt.kind === "Job") {
        const job = store.get<Job>("Job", ns, name);
        if (!job) return out.fail(`Error from server (NotFound): jobs.batch "${name}" not found`);
        return firstPodOfJob(ctx, job, parsed.flags, out, (pod) =>
          streamLogs(ctx, [pod], parsed.flags, o, false, out),
        );
      } else
        return out.fail(
          `error: cannot get the logs from ${rt.group ? `${rt.kind}.${rt.group}` : rt.kind}`,
        );
    }
    return streamLogs(ctx, pods, parsed.flags, o, sel !== undefined, out);
  },
};

/**
 * kubectl `polymorphichelpers.GetFirstPod` for `logs job/NAME` (spec §7.5): list the pods of the
 * Job's selector and pick one (`Found N pods, using pod/x` when several); with none, watch for
 * the first pod added or modified, up to `--pod-running-timeout` (virtual time), then fail with
 * `watchtools.UntilWithoutRetry`'s `wait.ErrWaitTimeout`: "timed out waiting for the condition".
 * A timeout of 0 waits without limit (`watchtools.ContextWithOptionalTimeout`). Once a pod is
 * found kubectl reads its logs at once: it does not wait for the pod to run.
 */
function firstPodOfJob(
  ctx: KubectlContext,
  job: Job,
  flags: FlagValues,
  out: Output,
  then: (pod: Pod) => void | Process,
): void | Process {
  const sel = parseSelector(selectorString(job.spec.selector));
  const ns = job.metadata.namespace;
  const podsOfJob = () =>
    "error" in sel
      ? []
      : ctx.cluster.store.list<Pod>("Pod", ns).filter((p) => matches(sel.reqs, p.metadata.labels));
  const listed = podsOfJob();
  const first = pickPod(listed);
  if (first) {
    if (listed.length > 1)
      out.err(`Found ${listed.length} pods, using pod/${first.metadata.name}\n`);
    return then(first);
  }
  const timeout = parseGoDuration(String(flags["pod-running-timeout"]));
  const ms = "ms" in timeout ? timeout.ms : 20_000;
  const deadline = ms > 0 ? ctx.cluster.now() + ms : undefined;
  let next: Process | undefined;
  let finished = false;
  return {
    tick: () => {
      if (finished) return true;
      if (next) return (finished = next.tick());
      // The watch's first event: the earliest written of the pods that appeared meanwhile.
      const seen = podsOfJob().sort(
        (a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
      )[0];
      if (seen) {
        const p = then(seen);
        if (!p || p.tick()) return (finished = true);
        next = p;
        return false;
      }
      if (deadline !== undefined && ctx.cluster.now() >= deadline) {
        out.fail("error: timed out waiting for the condition");
        return (finished = true);
      }
      return false;
    },
    wakeAt: () => (next ? next.wakeAt?.() : deadline),
    stop: (reason) => next?.stop(reason),
  };
}

/** Read (or follow) the logs of the chosen pods: the request kubectl sends once it has them. */
function streamLogs(
  ctx: KubectlContext,
  pods: Pod[],
  f: FlagValues,
  o: Opts,
  bySelector: boolean,
  out: Output,
): void | Process {
  const sources: { src: Source; inst: LogInstance }[] = [];
  for (const pod of pods) {
    const cs = containersOf(
      pod,
      f.container as string | undefined,
      f["all-containers"] === true,
      out,
    );
    if (!cs) return;
    for (const c of cs) {
      const inst = openLog(ctx, { pod, container: c }, o.previous);
      if (inst === null) continue;
      if (typeof inst === "string") {
        out.fail(inst);
        if (!bySelector) return;
        continue;
      }
      sources.push({ src: { pod, container: c }, inst });
    }
  }
  if (!f.follow || o.previous) return printOnce(sources, o, out);
  const p = follow(ctx, sources, o, out);
  return p.tick() ? undefined : p;
}

export { follow as followLogs, type Source as LogSource, type Opts as LogOpts };
