import type { KubeEvent, Node, Pod } from "../../api/types.ts";
import { printAnnotationsMultiline, printLabelsMultiline } from "./describe-meta.ts";
import { type DescribeWriter, tabbed } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";
import { age, rfc1123z } from "./human-duration.ts";
import { sortedKeys } from "./labels.ts";
import {
  ZERO,
  type Quantity,
  addQuantity,
  formatQuantity,
  maxQuantity,
  parseQuantity,
} from "./quantity.ts";

/**
 * `kubectl describe node`: describe.go describeNode (release-1.34), reduced to the fields the
 * lab's Node type carries. The lab has no Lease objects: the kubelet's lease is shown as held by
 * the node and renewed at `now`. `pods` may be every pod; only the node's non-terminated ones count.
 */
export function describeNode(
  node: Node,
  events: readonly KubeEvent[] | undefined,
  now: number,
  pods: readonly Pod[] = [],
): string {
  return tabbed((w) => {
    const m = node.metadata;
    const st = node.status;
    w.write(0, `Name:\t${m.name ?? ""}\n`);
    const roles = nodeRoles(node);
    w.write(0, `Roles:\t${roles.length ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", m.labels);
    printAnnotationsMultiline(w, "Annotations", m.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(0, "Taints:\t");
    w.writeLine("<none>");
    w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
    w.write(0, "Lease:\n");
    w.write(1, `HolderIdentity:\t${m.name ?? ""}\n`);
    w.write(1, "AcquireTime:\t<unset>\n");
    w.write(1, `RenewTime:\t${rfc1123z(new Date(now).toISOString())}\n`);
    if (st.conditions.length) {
      w.write(
        0,
        "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
      );
      w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of st.conditions) {
        w.write(
          1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
        );
      }
    }
    w.write(0, "Addresses:\n");
    for (const a of st.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [
      ["Capacity", st.capacity],
      ["Allocatable", st.allocatable],
    ] as const) {
      const names = sortedKeys(list);
      if (!names.length) continue;
      w.write(0, `${title}:\n`);
      for (const n of names) w.write(0, `  ${n}:\t${formatQuantity(parseQuantity(list[n]))}\n`);
    }
    const info = st.nodeInfo;
    w.write(0, "System Info:\n");
    for (const [label, key] of [
      ["Machine ID", "machineID"],
      ["System UUID", "systemUUID"],
      ["Boot ID", "bootID"],
      ["Kernel Version", "kernelVersion"],
      ["OS Image", "osImage"],
      ["Operating System", "operatingSystem"],
      ["Architecture", "architecture"],
      ["Container Runtime Version", "containerRuntimeVersion"],
      ["Kubelet Version", "kubeletVersion"],
      ["Kube-Proxy Version", "kubeProxyVersion"],
    ]) {
      w.write(0, `  ${label}:\t${info[key] ?? ""}\n`);
    }
    if (node.spec.podCIDR) {
      w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
      w.write(0, `PodCIDRs:\t${node.spec.podCIDR}\n`); // the API server mirrors podCIDR into podCIDRs
    }
    const onNode = pods.filter(
      (p) =>
        p.spec.nodeName === m.name &&
        p.status?.phase !== "Succeeded" &&
        p.status?.phase !== "Failed",
    );
    describeNodeResource(w, node, onNode, now);
    if (events) describeEvents(w, events, now);
  });
}

/** `findNodeRoles`: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort();
}

type Totals = Record<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits, simplified: containers summed, each init container as a floor. */
function podTotals(pod: Pod, which: "requests" | "limits"): Totals {
  const sum: Totals = {};
  for (const c of pod.spec.containers) {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {}))
      sum[k] = addQuantity(sum[k] ?? ZERO, parseQuantity(v));
  }
  for (const c of pod.spec.initContainers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {}))
      sum[k] = maxQuantity(sum[k] ?? ZERO, parseQuantity(v));
  }
  return sum;
}

const pct = (q: Quantity | undefined, of: Quantity | undefined): number =>
  of && of.milli !== 0 ? Math.trunc(((q?.milli ?? 0) / of.milli) * 100) : 0;
const cell = (q: Quantity | undefined, of: Quantity | undefined): string =>
  `${formatQuantity(q ?? ZERO)} (${pct(q, of)}%)`;

function describeNodeResource(
  w: DescribeWriter,
  node: Node,
  pods: readonly Pod[],
  now: number,
): void {
  const alloc: Totals = {};
  const source = Object.keys(node.status.allocatable).length
    ? node.status.allocatable
    : node.status.capacity;
  for (const [k, v] of Object.entries(source)) alloc[k] = parseQuantity(v);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const reqs: Totals = {};
  const limits: Totals = {};
  for (const p of pods) {
    const r = podTotals(p, "requests");
    const l = podTotals(p, "limits");
    for (const [k, q] of Object.entries(r)) reqs[k] = addQuantity(reqs[k] ?? ZERO, q);
    for (const [k, q] of Object.entries(l)) limits[k] = addQuantity(limits[k] ?? ZERO, q);
    const cells = [
      cell(r.cpu, alloc.cpu),
      cell(l.cpu, alloc.cpu),
      cell(r.memory, alloc.memory),
      cell(l.memory, alloc.memory),
    ];
    w.write(
      1,
      `${p.metadata.namespace ?? ""}\t${p.metadata.name ?? ""}\t\t${cells.join("\t")}\t${age(p.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(
    0,
    "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
  );
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    w.write(1, `${r}\t${cell(reqs[r], alloc[r])}\t${cell(limits[r], alloc[r])}\n`);
  }
}
