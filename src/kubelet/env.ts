import type { ConfigMap, Container, Pod, Secret } from "../api/types.ts";
import type { NodeContext } from "./node-context.ts";

export interface ConfigError {
  error: string;
}

function decodeBase64(s: string): string {
  try {
    return atob(s);
  } catch {
    return s;
  }
}

function fieldRef(pod: Pod, path: string, node: NodeContext): string {
  const m = pod.metadata;
  const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
  if (label) return m.labels?.[label[1]] ?? "";
  const ann = /^metadata\.annotations\['(.+)'\]$/.exec(path);
  if (ann) return m.annotations?.[ann[1]] ?? "";
  switch (path) {
    case "metadata.name":
      return m.name ?? "";
    case "metadata.namespace":
      return m.namespace ?? "";
    case "metadata.uid":
      return m.uid ?? "";
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "";
    case "status.hostIP":
      return node.hostIP;
    case "status.podIP":
      return node.podIP(m.uid!);
    default:
      return "";
  }
}

/**
 * The container's environment as the kubelet builds it: service variables of the cluster,
 * HOSTNAME, `env` (values, downward API, Secret and ConfigMap keys) and `envFrom`. A missing
 * Secret/ConfigMap or key is a CreateContainerConfigError with the kubelet's message.
 */
export function containerEnv(
  pod: Pod,
  c: Container,
  node: NodeContext,
): { env: Record<string, string> } | ConfigError {
  const ns = pod.metadata.namespace ?? "default";
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: pod.spec.hostname ?? pod.metadata.name ?? "",
    KUBERNETES_SERVICE_HOST: "10.96.0.1",
    KUBERNETES_SERVICE_PORT: "443",
    KUBERNETES_SERVICE_PORT_HTTPS: "443",
    KUBERNETES_PORT: "tcp://10.96.0.1:443",
    KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
    KUBERNETES_PORT_443_TCP_PROTO: "tcp",
    KUBERNETES_PORT_443_TCP_PORT: "443",
    KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
    HOME: "/root",
  };
  for (const from of c.envFrom ?? []) {
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref) continue;
    const kind = from.secretRef ? "Secret" : "ConfigMap";
    const obj = node.store.get<Secret | ConfigMap>(kind, ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind === "Secret" ? "secret" : "configmap"} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(obj.data ?? {}))
      env[(from.prefix ?? "") + k] = kind === "Secret" ? decodeBase64(v) : v;
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      env[e.name] = expandRefs(e.value ?? "", env);
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) env[e.name] = fieldRef(pod, vf.fieldRef.fieldPath, node);
    else if (vf.secretKeyRef || vf.configMapKeyRef) {
      const ref = (vf.secretKeyRef ?? vf.configMapKeyRef)!;
      const kind = vf.secretKeyRef ? "Secret" : "ConfigMap";
      const word = kind === "Secret" ? "secret" : "configmap";
      const obj = node.store.get<Secret | ConfigMap>(kind, ns, ref.name);
      if (!obj) {
        if (ref.optional) continue;
        return { error: `${word} "${ref.name}" not found` };
      }
      const raw = obj.data?.[ref.key];
      if (raw === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}` };
      }
      env[e.name] = kind === "Secret" ? decodeBase64(raw) : raw;
    }
  }
  return { env };
}

/** `$(VAR)` references in env values expand to earlier variables (Kubernetes syntax, not the shell's). */
function expandRefs(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) =>
    m === "$$" ? "$" : name !== undefined && name in env ? env[name] : m,
  );
}
