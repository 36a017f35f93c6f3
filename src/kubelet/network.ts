import type { Service } from "../api/core-objects.ts";
import type { Container, Pod } from "../api/types.ts";
import { defaultCommand, lookupImage } from "../runtime/images.ts";
import type { DialResult, EndpointContainer, Network } from "../runtime/types.ts";
import { containerEnv } from "./env.ts";
import type { NodeContext } from "./node-context.ts";

/**
 * The cluster network as a container sees it — CoreDNS names and kube-proxy, reduced: a Service
 * is reachable as `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local` (single labels are
 * searched in the pod's namespace) or by its ClusterIP; pods by their IP. A connection to a
 * Service port lands on one of its ready endpoints (pods matching the selector, Running and
 * Ready, not terminating), taken in turn; a Service without ready endpoints rejects it
 * (`Connection refused`, as kube-proxy's REJECT rule does), a port the Service does not expose
 * goes nowhere (timeout). Which process answers is the runtime's business (the image decides).
 */

const CLUSTER_DOMAIN = "svc.cluster.local";

const ready = (p: Pod) =>
  p.status?.phase === "Running" &&
  !p.metadata.deletionTimestamp &&
  (p.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

const matches = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string> = {},
) =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The network of one pod (DNS search starts in its namespace). */
export function podNetwork(node: NodeContext, from: Pod, turns: Map<string, number>): Network {
  const ns = from.metadata.namespace ?? "default";
  return {
    dial(host: string, port: number): DialResult {
      const svc = findService(node, ns, host);
      if (svc) return dialService(node, svc, port, turns);
      if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
        const pod = node.store.list<Pod>("Pod").find((p) => p.status?.podIP === host && ready(p));
        if (!pod) return { kind: "timeout", ip: host };
        return connected(node, pod, host, port);
      }
      return { kind: "unresolved" };
    },
  };
}

function findService(node: NodeContext, ns: string, host: string): Service | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
    return node.store.list<Service>("Service").find((s) => s.spec?.clusterIP === host);
  const labels = host.split(".");
  let name: string;
  let namespace = ns;
  if (labels.length === 1) name = labels[0];
  else {
    const rest = labels.slice(2).join(".");
    if (labels.length > 2 && rest !== "svc" && rest !== CLUSTER_DOMAIN) return undefined;
    [name, namespace] = labels;
  }
  return node.store.get<Service>("Service", namespace, name);
}

function dialService(
  node: NodeContext,
  svc: Service,
  port: number,
  turns: Map<string, number>,
): DialResult {
  const ip = svc.spec.clusterIP ?? "";
  const sp = (svc.spec.ports ?? []).find((p) => p.port === port);
  if (!sp) return { kind: "timeout", ip };
  const ns = svc.metadata.namespace ?? "default";
  const endpoints = node.store
    .list<Pod>("Pod", ns)
    .filter((p) => matches(svc.spec.selector, p.metadata.labels) && ready(p));
  if (endpoints.length === 0) return { kind: "refused", ip };
  const key = `${ns}/${svc.metadata.name}`;
  const turn = turns.get(key) ?? 0;
  turns.set(key, turn + 1);
  const pod = endpoints[turn % endpoints.length];
  const target = sp.targetPort ?? sp.port;
  let targetPort = typeof target === "number" ? target : Number(target);
  if (Number.isNaN(targetPort)) {
    // A named targetPort: the endpoint's container port of that name.
    const named = pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
    if (!named) return { kind: "refused", ip };
    targetPort = named.containerPort;
  }
  return connected(node, pod, ip, targetPort);
}

function connected(node: NodeContext, pod: Pod, ip: string, port: number): DialResult {
  const running = new Set(
    (pod.status?.containerStatuses ?? []).filter((s) => s.state.running).map((s) => s.name),
  );
  const containers: EndpointContainer[] = pod.spec.containers
    .filter((c) => running.has(c.name))
    .map((c) => endpointContainer(node, pod, c));
  return { kind: "connected", ip, pod: pod.metadata.name ?? "", port, containers };
}

function endpointContainer(node: NodeContext, pod: Pod, c: Container): EndpointContainer {
  const image = lookupImage(c.image ?? "");
  const defaults = defaultCommand(c.image ?? "");
  const argv = c.command
    ? [...c.command, ...(c.args ?? [])]
    : [...defaults.entrypoint, ...(c.args ?? defaults.cmd)];
  const env = containerEnv(pod, c, node);
  return {
    name: c.name,
    image: image?.repository ?? c.image ?? "",
    argv,
    env: "env" in env ? env.env : {},
    ports: (c.ports ?? []).map((p) => p.containerPort),
  };
}
