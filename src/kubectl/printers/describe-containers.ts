import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  Volume,
} from "../../api/types.ts";
import type { DescribeWriter } from "./describe-writer.ts";
import { rfc1123z } from "./human-duration.ts";
import { sortedKeys } from "./labels.ts";

/** describe.go `describeContainers` and `describeVolumes`, shared by pods and pod templates. */

/**
 * Containers under `label` (`Containers`, `Init Containers`). `statuses` present for a pod
 * (adds Container ID, Image ID, State…); `space` is `"  "` inside a pod template, where
 * container names get one more space of indent.
 */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  pod: Pod | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeBasicInfo(w, c, status, space);
    describeCommand(w, c);
    if (status) describeState(w, status);
    describeResources(w, c, 2);
    if (c.envFrom?.length) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}

function describeBasicInfo(
  w: DescribeWriter,
  c: Container,
  status: ContainerStatus | undefined,
  space: string,
): void {
  w.write(1, `${space ? " " : ""}${c.name}:\n`);
  if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(2, `Image:\t${c.image ?? ""}\n`);
  if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
  // The API server defaults protocol to TCP; hostPort is not modelled (0).
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
  const hostPorts = (c.ports ?? []).map((p) => `0/${p.protocol ?? "TCP"}`).join(", ");
  w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
  w.write(
    2,
    hostPorts.includes(",")
      ? `Host Ports:\t${hostPorts}\n`
      : `Host Port:\t${hostPorts || "<none>"}\n`,
  );
  const seccomp = seccompProfile(c.securityContext);
  if (seccomp?.type) {
    w.write(2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost")
      w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
}

/** `securityContext.seccompProfile` (typed loosely in the lab's Pod type). */
export function seccompProfile(
  sc: Record<string, unknown> | undefined,
): { type?: string; localhostProfile?: string } | undefined {
  const p = sc?.seccompProfile;
  if (!p || typeof p !== "object") return undefined;
  const { type, localhostProfile } = p as Record<string, unknown>;
  return {
    type: typeof type === "string" ? type : undefined,
    localhostProfile: typeof localhostProfile === "string" ? localhostProfile : undefined,
  };
}

function describeCommand(w: DescribeWriter, c: Container): void {
  for (const [title, items] of [
    ["Command", c.command],
    ["Args", c.args],
  ] as const) {
    if (!items?.length) continue;
    w.write(2, `${title}:\n`);
    for (const item of items) for (const s of item.split("\n")) w.write(3, `${s}\n`);
  }
}

function describeStatus(w: DescribeWriter, stateName: string, state: ContainerState): void {
  if (state.running) {
    w.write(2, `${stateName}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${stateName}:\tWaiting\n`);
  }
}

function describeState(w: DescribeWriter, s: ContainerStatus): void {
  describeStatus(w, "State", s.state);
  if (s.lastState?.terminated) describeStatus(w, "Last State", s.lastState);
  w.write(2, `Ready:\t${s.ready ? "True" : "False"}\n`);
  w.write(2, `Restart Count:\t${s.restartCount}\n`);
}

/** Limits then Requests, resource names sorted; quantities printed as written in the spec. */
export function describeResources(w: DescribeWriter, c: Container, level: number): void {
  for (const [title, list] of [
    ["Limits", c.resources?.limits],
    ["Requests", c.resources?.requests],
  ] as const) {
    const names = sortedKeys(list);
    if (names.length) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${list![n]}\n`);
  }
}

function describeEnvFrom(w: DescribeWriter, c: Container): void {
  w.write(2, "Environment Variables from:\n");
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
    const optional = ref?.optional === true;
    const what = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(3, `${ref?.name ?? ""}\t${what}\tOptional: ${optional}\n`);
  }
}

/** The value a downward-API fieldRef resolves to on this pod (kubectl's EnvValueRetriever). */
function fieldValue(pod: Pod | undefined, path: string): string {
  if (!pod) return "";
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? "";
  const simple: Record<string, string | undefined> = {
    "metadata.name": pod.metadata.name,
    "metadata.namespace": pod.metadata.namespace,
    "metadata.uid": pod.metadata.uid,
    "spec.nodeName": pod.spec.nodeName,
    "spec.serviceAccountName": pod.spec.serviceAccountName,
    "status.hostIP": pod.status?.hostIP,
    "status.podIP": pod.status?.podIP,
  };
  return simple[path] ?? "";
}

function describeEnv(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  const env: EnvVar[] = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      (e.value ?? "")
        .split("\n")
        .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (vf.fieldRef) {
      const { fieldPath, apiVersion = "v1" } = vf.fieldRef;
      w.write(3, `${e.name}:\t${fieldValue(pod, fieldPath)} (${apiVersion}:${fieldPath})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
}

/** `describeVolumes`: one entry per volume with its source type's fields. */
export function describeVolumes(
  w: DescribeWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? " " : ""}${v.name}:\n`);
    if (v.hostPath) {
      w.write(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || "<none>"}\n`,
      );
    } else if (v.emptyDir) {
      const medium = typeof v.emptyDir.medium === "string" ? v.emptyDir.medium : "";
      const size =
        typeof v.emptyDir.sizeLimit === "string" && v.emptyDir.sizeLimit !== "0"
          ? v.emptyDir.sizeLimit
          : "<unset>";
      w.write(
        2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${medium}\n    SizeLimit:\t${size}\n`,
      );
    } else if (v.secret) {
      w.write(
        2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`,
      );
    } else if (v.configMap) {
      w.write(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      const c = v.persistentVolumeClaim;
      w.write(
        2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName}\n    ReadOnly:\t${c.readOnly === true}\n`,
      );
    } else {
      w.write(1, "<unknown>\n");
    }
  }
}
