import type {
  ContainerStatus,
  PodCondition,
  PodPhase,
  PodStatus,
  RestartPolicy,
} from "../api/types.ts";

/**
 * Pure pieces of the kubelet's status computation (pkg/kubelet/kubelet_pods.go getPhase and
 * the pod conditions), kept apart from the worker that drives containers.
 */

/** kubelet `getPhase` for the regular containers, once init containers are done. */
export function podPhase(
  statuses: ContainerStatus[],
  restartPolicy: RestartPolicy,
  initDone: boolean,
): PodPhase {
  if (!initDone) return "Pending";
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

/** Set (or flip) a pod condition, keeping `lastTransitionTime` when the status does not change. */
export function setPodCondition(
  status: PodStatus,
  type: string,
  value: "True" | "False",
  now: string,
  reason?: string,
): void {
  const conds = (status.conditions ??= []);
  const existing = conds.find((c) => c.type === type);
  if (existing) {
    if (existing.status !== value) {
      existing.status = value;
      existing.lastTransitionTime = now;
    }
    if (reason) existing.reason = reason;
    else delete existing.reason;
    return;
  }
  const c: PodCondition = { type, status: value, lastProbeTime: null, lastTransitionTime: now };
  if (reason) c.reason = reason;
  // Keep the kubelet's order. The list is normally in order already, so the new condition is
  // inserted where a stable sort would put it; anything else gets the sort.
  const rank = conditionRank(type);
  let at = conds.length;
  while (at > 0 && conditionRank(conds[at - 1].type) > rank) at--;
  let sorted = true;
  for (let i = 1; i < conds.length && sorted; i++)
    sorted = conditionRank(conds[i - 1].type) <= conditionRank(conds[i].type);
  conds.splice(at, 0, c);
  if (!sorted) conds.sort((a, b) => conditionRank(a.type) - conditionRank(b.type));
}

const CONDITION_ORDER = [
  "PodReadyToStartContainers",
  "Initialized",
  "Ready",
  "ContainersReady",
  "PodScheduled",
];
const conditionRank = (type: string) => CONDITION_ORDER.indexOf(type);

/** Ready / ContainersReady from the container states (a finished pod reports reason PodCompleted). */
export function updateReadiness(status: PodStatus, now: string): void {
  const cs = status.containerStatuses ?? [];
  const ready = cs.length > 0 && cs.every((c) => c.ready);
  const done = status.phase === "Succeeded" || status.phase === "Failed";
  const reason = ready ? undefined : done ? "PodCompleted" : "ContainersNotReady";
  setPodCondition(status, "Ready", ready ? "True" : "False", now, reason);
  setPodCondition(status, "ContainersReady", ready ? "True" : "False", now, reason);
  if (!ready && !done) {
    const names = cs.filter((c) => !c.ready).map((c) => c.name);
    for (const t of ["Ready", "ContainersReady"]) {
      const c = status.conditions!.find((x) => x.type === t)!;
      c.message = `containers with unready status: [${names.join(" ")}]`;
    }
  } else {
    for (const c of status.conditions!)
      if (c.type === "Ready" || c.type === "ContainersReady") delete c.message;
  }
}
