import { canonicalQuantity, decodeQuantity } from "./go-quantity.ts";
import type { PodTemplateSpec } from "./types.ts";

/**
 * The JSON the 1.34 API server prints for an internal (`pkg/apis/core`) value in a field error,
 * e.g. `spec.template: Invalid value: {"labels":{…},"Spec":{…}}: field is immutable` (spec §6.1,
 * §6.3). Internal types carry no JSON tags, so fields appear with their Go names, in declaration
 * order, zero values included; the embedded ObjectMeta keeps its tags and, since 1.34, omits the
 * zero creationTimestamp. PodSpec and Container are laid out field by field; deeper structs the
 * lab rarely sees are rendered with capitalised keys only (spec §6.1: match prefix and suffix).
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const cap = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
const sortedKeys = (o: Obj) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Generic fallback: capitalised keys, maps' keys sorted as Go's encoder sorts them. */
function goish(v: unknown, isMap = false): unknown {
  if (Array.isArray(v)) return v.map((x) => goish(x));
  if (!isObj(v)) return v ?? null;
  const out: Obj = {};
  for (const k of isMap ? sortedKeys(v) : Object.keys(v)) out[isMap ? k : cap(k)] = goish(v[k]);
  return out;
}

const stringMap = (m: unknown) =>
  isObj(m) ? Object.fromEntries(sortedKeys(m).map((k) => [k, m[k]])) : null;

function resourceList(m: unknown): unknown {
  if (!isObj(m)) return null;
  return Object.fromEntries(
    sortedKeys(m).map((k) => {
      const q = decodeQuantity(m[k]);
      return [k, "error" in q ? m[k] : canonicalQuantity(q)];
    }),
  );
}

const arr = (v: unknown, f: (x: unknown) => unknown) => (Array.isArray(v) ? v.map(f) : null);

function container(raw: unknown): unknown {
  const c = isObj(raw) ? raw : {};
  const res = isObj(c.resources) ? c.resources : {};
  return {
    Name: c.name ?? "",
    Image: c.image ?? "",
    Command: c.command ?? null,
    Args: c.args ?? null,
    WorkingDir: c.workingDir ?? "",
    Ports: arr(c.ports, (p) => goish(p)),
    EnvFrom: arr(c.envFrom, (e) => goish(e)),
    Env: arr(c.env, (e) => {
      const x = isObj(e) ? e : {};
      return { Name: x.name ?? "", Value: x.value ?? "", ValueFrom: goish(x.valueFrom) };
    }),
    Resources: {
      Limits: resourceList(res.limits),
      Requests: resourceList(res.requests),
      Claims: goish(res.claims),
    },
    ResizePolicy: goish(c.resizePolicy),
    RestartPolicy: c.restartPolicy ?? null,
    RestartPolicyRules: goish(c.restartPolicyRules),
    VolumeMounts: arr(c.volumeMounts, (m) => {
      const x = isObj(m) ? m : {};
      return {
        Name: x.name ?? "",
        ReadOnly: x.readOnly ?? false,
        RecursiveReadOnly: x.recursiveReadOnly ?? null,
        MountPath: x.mountPath ?? "",
        SubPath: x.subPath ?? "",
        MountPropagation: x.mountPropagation ?? null,
        SubPathExpr: x.subPathExpr ?? "",
      };
    }),
    VolumeDevices: goish(c.volumeDevices),
    LivenessProbe: goish(c.livenessProbe),
    ReadinessProbe: goish(c.readinessProbe),
    StartupProbe: goish(c.startupProbe),
    Lifecycle: goish(c.lifecycle),
    TerminationMessagePath: c.terminationMessagePath ?? "",
    TerminationMessagePolicy: c.terminationMessagePolicy ?? "",
    ImagePullPolicy: c.imagePullPolicy ?? "",
    SecurityContext: goish(c.securityContext),
    Stdin: c.stdin ?? false,
    StdinOnce: c.stdinOnce ?? false,
    TTY: c.tty ?? false,
  };
}

/** Internal PodSecurityContext also holds the host namespaces that v1 keeps in PodSpec. */
function podSecurityContext(spec: Obj): unknown {
  if (!isObj(spec.securityContext)) return null;
  const s = spec.securityContext;
  return {
    HostNetwork: spec.hostNetwork ?? false,
    HostPID: spec.hostPID ?? false,
    HostIPC: spec.hostIPC ?? false,
    ShareProcessNamespace: spec.shareProcessNamespace ?? null,
    HostUsers: spec.hostUsers ?? null,
    SELinuxOptions: goish(s.seLinuxOptions),
    WindowsOptions: goish(s.windowsOptions),
    RunAsUser: s.runAsUser ?? null,
    RunAsGroup: s.runAsGroup ?? null,
    RunAsNonRoot: s.runAsNonRoot ?? null,
    SupplementalGroups: s.supplementalGroups ?? null,
    SupplementalGroupsPolicy: s.supplementalGroupsPolicy ?? null,
    FSGroup: s.fsGroup ?? null,
    FSGroupChangePolicy: s.fsGroupChangePolicy ?? null,
    Sysctls: goish(s.sysctls),
    SeccompProfile: goish(s.seccompProfile),
    AppArmorProfile: goish(s.appArmorProfile),
    SELinuxChangePolicy: s.seLinuxChangePolicy ?? null,
  };
}

function podSpec(raw: unknown): unknown {
  const s = isObj(raw) ? raw : {};
  return {
    Volumes: arr(s.volumes, (v) => goish(v)),
    InitContainers: arr(s.initContainers, container),
    Containers: arr(s.containers, container),
    EphemeralContainers: goish(s.ephemeralContainers),
    RestartPolicy: s.restartPolicy ?? "",
    TerminationGracePeriodSeconds: s.terminationGracePeriodSeconds ?? null,
    ActiveDeadlineSeconds: s.activeDeadlineSeconds ?? null,
    DNSPolicy: s.dnsPolicy ?? "",
    NodeSelector: stringMap(s.nodeSelector),
    ServiceAccountName: s.serviceAccountName ?? "",
    AutomountServiceAccountToken: s.automountServiceAccountToken ?? null,
    NodeName: s.nodeName ?? "",
    SecurityContext: podSecurityContext(s),
    ImagePullSecrets: goish(s.imagePullSecrets),
    Hostname: s.hostname ?? "",
    Subdomain: s.subdomain ?? "",
    SetHostnameAsFQDN: s.setHostnameAsFQDN ?? null,
    Affinity: goish(s.affinity),
    SchedulerName: s.schedulerName ?? "",
    Tolerations: goish(s.tolerations),
    HostAliases: goish(s.hostAliases),
    PriorityClassName: s.priorityClassName ?? "",
    Priority: s.priority ?? null,
    PreemptionPolicy: s.preemptionPolicy ?? null,
    DNSConfig: goish(s.dnsConfig),
    ReadinessGates: goish(s.readinessGates),
    RuntimeClassName: s.runtimeClassName ?? null,
    Overhead: resourceList(s.overhead),
    EnableServiceLinks: s.enableServiceLinks ?? null,
    TopologySpreadConstraints: goish(s.topologySpreadConstraints),
    OS: goish(s.os),
    SchedulingGates: goish(s.schedulingGates),
    ResourceClaims: goish(s.resourceClaims),
    Resources: goish(s.resources),
    HostnameOverride: s.hostnameOverride ?? null,
  };
}

/** `*core.PodTemplateSpec` as field.Error prints it. */
export function internalPodTemplate(t: PodTemplateSpec | undefined): unknown {
  const meta = isObj(t?.metadata) ? t.metadata : {};
  const out: Obj = {};
  for (const k of ["name", "generateName", "namespace"] as const) if (meta[k]) out[k] = meta[k];
  if (isObj(meta.labels) && Object.keys(meta.labels).length) out.labels = stringMap(meta.labels);
  if (isObj(meta.annotations) && Object.keys(meta.annotations).length)
    out.annotations = stringMap(meta.annotations);
  out.Spec = podSpec(t?.spec);
  return out;
}
