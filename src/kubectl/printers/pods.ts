import type { Container, ContainerStatus, Pod } from "../../api/types.ts";
import { age, humanDuration, instant } from "./human-duration.ts";
import type { Column, Table } from "./table.ts";

/**
 * `kubectl get pods` rows: kubernetes `pkg/printers/internalversion/printers.go` printPod
 * (release-1.34), spec §3.6.
 */

export const POD_COLUMNS: Column[] = [
  { name: "Name" },
  { name: "Ready" },
  { name: "Status" },
  { name: "Restarts" },
  { name: "Age" },
  { name: "IP", wide: true },
  { name: "Node", wide: true },
  { name: "Nominated Node", wide: true },
  { name: "Readiness Gates", wide: true },
];

/** A sidecar: an init container with `restartPolicy: Always` runs beside the main containers. */
const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === "Always";

const condTrue = (pod: Pod, type: string): boolean =>
  (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of one pod, as printPod computes them. */
export function podSummary(pod: Pod, now: number): PodSummary {
  const st = pod.status ?? {};
  const phase = st.phase ?? "";
  let reason: string = st.reason || phase;
  // A pod held by scheduling gates shows SchedulingGated whatever its phase.
  for (const c of st.conditions ?? [])
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";

  const initSpecs = new Map((pod.spec.initContainers ?? []).map((c) => [c.name, c]));
  const total =
    pod.spec.containers.length +
    (pod.spec.initContainers ?? []).filter((c) => isRestartable(c)).length;
  let readyCount = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, s: ContainerStatus): number | undefined => {
    const t = instant(s.lastState?.terminated?.finishedAt);
    return t !== undefined && (a === undefined || t > a) ? t : a;
  };

  let initializing = false;
  const initStatuses = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    lastRestart = later(lastRestart, c);
    const sidecar = isRestartable(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, c);
    }
    const term = c.state.terminated;
    const waiting = c.state.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (term) {
      // The first unfinished init container decides: a failure shows its reason or code.
      if (!term.reason)
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || condTrue(pod, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = st.containerStatuses ?? [];
    // Walked last to first, so the first container's state is the one left in `reason`.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      lastRestart = later(lastRestart, c);
      const term = c.state.terminated;
      if (c.state.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    // A finished container beside a running one: the pod is still working.
    if (reason === "Completed" && hasRunning)
      reason = condTrue(pod, "Ready") ? "Running" : "NotReady";
  }

  if (pod.metadata.deletionTimestamp && st.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed")
    reason = "Terminating";

  const restartsText =
    restarts !== 0 && lastRestart !== undefined
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${readyCount}/${total}`, status: reason, restarts: restartsText };
}

/** The pod table (all columns; `printTable` hides the wide ones unless asked). */
export function podTable(pods: readonly Pod[], now: number): Table {
  return {
    columns: POD_COLUMNS,
    rows: pods.map((pod) => {
      const s = podSummary(pod, now);
      // kubectl reads status.podIPs[0]; podIP (always podIPs[0] on a real server) is the fallback.
      const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || "<none>";
      return {
        object: pod,
        cells: [
          pod.metadata.name ?? "",
          s.ready,
          s.status,
          s.restarts,
          age(pod.metadata.creationTimestamp, now),
          ip,
          pod.spec.nodeName || "<none>",
          "<none>",
          "<none>",
        ],
      };
    }),
  };
}
