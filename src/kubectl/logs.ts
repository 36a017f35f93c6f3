import { notFound } from "../api/errors.ts";
import type { Job, Pod } from "../api/types.ts";
import { logLines } from "../kubelet/logs.ts";
import { rfc3339 } from "../sim/time.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import type { Output } from "./output.ts";

/** kubectl's pod choice for `logs job/NAME` (spec §7.5): most restarts first, then oldest. */
function pickPod(pods: Pod[]): Pod | undefined {
  const rank = (p: Pod) =>
    p.status?.phase === "Pending" ? 2 : p.status?.phase === "Unknown" ? 1 : 0;
  const restarts = (p: Pod) =>
    (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  return [...pods].sort(
    (a, b) =>
      Number(!a.spec.nodeName) - Number(!b.spec.nodeName) ||
      rank(a) - rank(b) ||
      restarts(b) - restarts(a) ||
      Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!) ||
      (a.metadata.name! < b.metadata.name! ? -1 : 1),
  )[0];
}

function printPodLogs(
  ctx: KubectlContext,
  pod: Pod,
  container: string | undefined,
  previous: boolean,
  timestamps: boolean,
  tail: number | undefined,
  out: Output,
): void {
  const names = pod.spec.containers.map((c) => c.name);
  const c = container ?? names[0];
  if (!names.includes(c) && !(pod.spec.initContainers ?? []).some((x) => x.name === c)) {
    out.fail(`error: container ${c} is not valid for pod ${pod.metadata.name}`);
    return;
  }
  const status = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find((s) => s.name === c);
  const waiting = status?.state.waiting;
  const inst = ctx.cluster.logs(pod, c, previous);
  if (previous && !inst) {
    out.fail(
      `Error from server (BadRequest): previous terminated container "${c}" in pod "${pod.metadata.name}" not found`,
    );
    return;
  }
  if (
    !inst ||
    (waiting &&
      !status?.lastState.terminated &&
      (waiting.reason === "ContainerCreating" ||
        waiting.reason === "PodInitializing" ||
        waiting.reason?.includes("Image")))
  ) {
    const reason = waiting?.reason ?? "ContainerCreating";
    out.fail(
      `Error from server (BadRequest): container "${c}" in pod "${pod.metadata.name}" is waiting to start: ${reason === "ImagePullBackOff" || reason === "ErrImagePull" ? "trying and failing to pull image" : reason}`,
    );
    return;
  }
  let lines = logLines(inst);
  if (tail !== undefined && tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  for (const l of lines)
    out.out(`${timestamps ? rfc3339(l.t).replace("Z", ".000000000Z") + " " : ""}${l.text}\n`);
}

export const logsVerb: Verb = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
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
    { name: "tail", type: "int", default: -1, usage: "Lines of recent log file to display." },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    {
      name: "prefix",
      type: "bool",
      usage: "Prefix each log line with the log source (pod name and container name)",
    },
  ],
  run(ctx, parsed, out) {
    const ns = namespaceOf(parsed);
    const store = ctx.cluster.store;
    const container = parsed.flags.container as string | undefined;
    const previous = parsed.flags.previous === true;
    const timestamps = parsed.flags.timestamps === true;
    const tail = parsed.flags.tail as number;
    const target = parsed.args[0];
    if (!target) {
      out.fail(
        "error: expected POD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
      );
      return;
    }
    let pod: Pod | undefined;
    if (target.includes("/")) {
      const [type, name] = [
        target.slice(0, target.indexOf("/")),
        target.slice(target.indexOf("/") + 1),
      ];
      if (/^(jobs?|jobs?\.batch)$/.test(type)) {
        const job = store.get<Job>("Job", ns, name);
        if (!job)
          return out.fail(`Error from server (NotFound): ${notFound("jobs.batch", name).message}`);
        const pods = store.listOwnedBy<Pod>("Pod", job.metadata.uid!);
        pod = pickPod(pods);
        if (!pod) return out.fail(`error: timed out waiting for the condition`);
        if (pods.length > 1) out.err(`Found ${pods.length} pods, using pod/${pod.metadata.name}\n`);
      } else if (/^(pods?|po)$/.test(type)) {
        pod = store.get<Pod>("Pod", ns, name);
        if (!pod) return out.fail(`Error from server (NotFound): pods "${name}" not found`);
      } else {
        return out.fail(`error: cannot get the logs from ${type}`);
      }
    } else {
      pod = store.get<Pod>("Pod", ns, target);
      if (!pod) return out.fail(`Error from server (NotFound): pods "${target}" not found`);
    }
    printPodLogs(ctx, pod, container, previous, timestamps, tail, out);
  },
};
