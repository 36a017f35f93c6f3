import type { FieldError } from "./errors.ts";
import { canonicalQuantity, compareQuantity, decodeQuantity } from "./go-quantity.ts";
import type { Container, Pod, PodSpec, PodTemplateSpec, Volume } from "./types.ts";
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  validateAnnotations,
  validateLabels,
  validateObjectMeta,
} from "./validation-meta.ts";

/**
 * API-server validation of pods and pod templates (pkg/apis/core/validation, release-1.34):
 * ValidatePodSpec and what it calls, in the server's order (spec §6.2). Job rules are in
 * validation.ts; rendering is in errors.ts.
 */

const restartPolicies = ["Always", "OnFailure", "Never"];
const pullPolicies = ["Always", "IfNotPresent", "Never"];
const dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const terminationMessagePolicies = ["File", "FallbackToLogsOnError"];
const standardContainerResources = new Set(["cpu", "memory", "ephemeral-storage"]);
const standardResources = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);
/** Volume sources the lab knows; more than one in a volume is rejected, none means emptyDir. */
const volumeSources = ["hostPath", "emptyDir", "secret", "persistentVolumeClaim", "configMap"];

const str = (v: unknown) => (typeof v === "string" ? v : "");
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
/** A manifest value as a plain record (anything else as `{}`): bad input must not throw. */
const rec = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/** ValidateVolumes: the source, then the name; a volume with errors cannot be mounted. */
function validateVolumes(volumes: Volume[] | undefined, path: string) {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(volumes).forEach((raw, i) => {
    const v = rec(raw) as Volume & Record<string, unknown>;
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const set = volumeSources.filter((s) => v[s] !== undefined);
    for (const extra of set.slice(1))
      el.push({
        type: "Forbidden",
        field: `${p}.${extra}`,
        detail: "may not specify more than 1 volume type",
      });
    if (isObj(v.configMap) && !str(v.configMap.name))
      el.push({ type: "Required", field: `${p}.configMap.name` });
    if (isObj(v.secret) && !str(v.secret.secretName))
      el.push({ type: "Required", field: `${p}.secret.secretName` });
    if (isObj(v.persistentVolumeClaim) && !str(v.persistentVolumeClaim.claimName))
      el.push({ type: "Required", field: `${p}.persistentVolumeClaim.claimName` });
    if (isObj(v.hostPath) && !str(v.hostPath.path))
      el.push({ type: "Required", field: `${p}.hostPath.path` });
    const name = str(v.name);
    if (!name) el.push({ type: "Required", field: `${p}.name` });
    else
      for (const d of dns1123LabelErrors(name))
        el.push({ type: "Invalid", field: `${p}.name`, value: name, detail: d });
    if (names.has(name)) el.push({ type: "Duplicate", field: `${p}.name`, value: name });
    if (el.length === 0) names.add(name);
    errs.push(...el);
  });
  return { names, errs };
}

/** ValidateEnv with RelaxedEnvironmentVariableValidation (GA in 1.34). */
function validateEnv(env: Container["env"], path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(env).forEach((raw, i) => {
    const e = rec(raw);
    const name = str(e.name);
    const p = `${path}[${i}]`;
    if (!name) errs.push({ type: "Required", field: `${p}.name` });
    else if ([...name].some((c) => c < " " || c > "~" || c === "="))
      errs.push({
        type: "Invalid",
        field: `${p}.name`,
        value: name,
        detail:
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
      });
    if (isObj(e.valueFrom) && str(e.value) !== "") {
      const sources = Object.values(e.valueFrom).filter((s) => s !== undefined).length;
      if (sources > 0)
        errs.push({
          type: "Invalid",
          field: `${p}.valueFrom`,
          value: "",
          detail: "may not be specified when `value` is not empty",
        });
    }
  });
  return errs;
}

/** ValidateVolumeMounts: name, its volume, mountPath, uniqueness of the mount point. */
function validateVolumeMounts(
  mounts: Container["volumeMounts"],
  path: string,
  volumes: Set<string>,
) {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  list(mounts).forEach((raw, i) => {
    const m = rec(raw);
    const p = `${path}[${i}]`;
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push({ type: "Required", field: `${p}.name` });
    if (!volumes.has(name)) errs.push({ type: "NotFound", field: `${p}.name`, value: name });
    if (!mountPath) errs.push({ type: "Required", field: `${p}.mountPath` });
    if (points.has(mountPath))
      errs.push({
        type: "Invalid",
        field: `${p}.mountPath`,
        value: mountPath,
        detail: "must be unique",
      });
    points.add(mountPath);
  });
  return errs;
}

/** validateContainerResourceName: standard names only, or an extended `domain/name`. */
function resourceNameErrors(name: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!name.includes("/")) {
    if (!standardResources.has(name) && !name.startsWith("hugepages-"))
      errs.push({
        type: "Invalid",
        field: path,
        value: name,
        detail: "must be a standard resource type or fully qualified",
      });
    if (!standardContainerResources.has(name) && !name.startsWith("hugepages-"))
      errs.push({
        type: "Invalid",
        field: path,
        value: name,
        detail: "must be a standard resource for containers",
      });
  }
  return errs;
}

/**
 * ValidateContainerResourceRequirements. Quantities were parsed at decode time (strict-decode.ts
 * rejects malformed ones), so only sign and request ≤ limit remain; Go walks the maps in random
 * order, the manifest's order is one of those.
 */
function validateResources(res: Container["resources"], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const r = rec(res);
  const limits = isObj(r.limits) ? r.limits : {};
  const requests = isObj(r.requests) ? r.requests : {};
  for (const [kind, map] of [
    ["limits", limits],
    ["requests", requests],
  ] as const) {
    for (const [name, raw] of Object.entries(map)) {
      const p = `${path}.${kind}[${name}]`;
      errs.push(...resourceNameErrors(name, p));
      const q = decodeQuantity(raw);
      if ("error" in q) continue;
      if (q.nano < 0n)
        errs.push({
          type: "Invalid",
          field: p,
          value: canonicalQuantity(q),
          detail: "must be greater than or equal to 0",
        });
      if (kind !== "requests") continue;
      // Extended resources (`example.com/gpu`) and hugepages cannot be overcommitted.
      const overcommit =
        (!name.includes("/") || name.includes("kubernetes.io/")) && !name.startsWith("hugepages-");
      if (!(name in limits)) {
        if (!overcommit)
          errs.push({
            type: "Required",
            field: `${path}.limits`,
            detail: "Limit must be set for non overcommitable resources",
          });
        continue;
      }
      const l = decodeQuantity(limits[name]);
      if ("error" in l) continue;
      const cmp = compareQuantity(q, l);
      if (cmp !== 0 && !overcommit)
        errs.push({
          type: "Invalid",
          field: `${path}.requests`,
          value: canonicalQuantity(q),
          detail: `must be equal to ${name} limit of ${canonicalQuantity(l)}`,
        });
      else if (cmp > 0)
        errs.push({
          type: "Invalid",
          field: `${path}.requests`,
          value: canonicalQuantity(q),
          detail: `must be less than or equal to ${name} limit of ${canonicalQuantity(l)}`,
        });
    }
  }
  return errs;
}

/** validateContainerCommon: what every container kind must satisfy. */
function validateContainerCommon(c: Record<string, unknown>, p: string, volumes: Set<string>) {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push({ type: "Required", field: `${p}.name` });
  else
    for (const d of dns1123LabelErrors(name))
      errs.push({ type: "Invalid", field: `${p}.name`, value: name, detail: d });
  // Only an empty image is rejected here; whitespace is a pod-only rule (pod templates keep " ").
  if (!str(c.image)) errs.push({ type: "Required", field: `${p}.image` });
  const tmp = c.terminationMessagePolicy;
  if (typeof tmp === "string" && tmp !== "" && !terminationMessagePolicies.includes(tmp))
    errs.push({
      type: "Unsupported",
      field: `${p}.terminationMessagePolicy`,
      value: tmp,
      supported: terminationMessagePolicies,
    });
  list(c.ports as { containerPort?: number }[] | undefined).forEach((port, j) => {
    const cp = isObj(port) ? port.containerPort : undefined;
    const pp = `${p}.ports[${j}].containerPort`;
    if (!cp) errs.push({ type: "Required", field: pp });
    else if (typeof cp === "number" && (cp < 1 || cp > 65535))
      errs.push({
        type: "Invalid",
        field: pp,
        value: cp,
        detail: "must be between 1 and 65535, inclusive",
      });
  });
  errs.push(...validateEnv(c.env as Container["env"], `${p}.env`));
  errs.push(
    ...validateVolumeMounts(
      c.volumeMounts as Container["volumeMounts"],
      `${p}.volumeMounts`,
      volumes,
    ),
  );
  // An empty imagePullPolicy is defaulted by the server before validation.
  const ipp = c.imagePullPolicy;
  if (typeof ipp === "string" && ipp !== "" && !pullPolicies.includes(ipp))
    errs.push({
      type: "Unsupported",
      field: `${p}.imagePullPolicy`,
      value: ipp,
      supported: pullPolicies,
    });
  errs.push(...validateResources(c.resources as Container["resources"], `${p}.resources`));
  return errs;
}

/** validateContainers: at least one; names unique among the regular containers. */
function validateContainers(
  containers: Container[] | undefined,
  path: string,
  volumes: Set<string>,
) {
  const cs = list(containers);
  if (cs.length === 0) return [{ type: "Required", field: path } as FieldError];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  cs.forEach((raw, i) => {
    const c = rec(raw);
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, p, volumes));
    const name = str(c.name);
    if (names.has(name)) errs.push({ type: "Duplicate", field: `${p}.name`, value: name });
    else names.add(name);
    if (c.restartPolicy !== undefined)
      errs.push({
        type: "Forbidden",
        field: `${p}.restartPolicy`,
        detail: "may not be set for non-init containers",
      });
  });
  return errs;
}

/** validateInitContainers: names unique across init and regular containers. */
function validateInitContainers(
  inits: Container[] | undefined,
  containers: Container[] | undefined,
  path: string,
  volumes: Set<string>,
) {
  const errs: FieldError[] = [];
  const names = new Set(list(containers).map((c) => str(isObj(c) ? c.name : "")));
  list(inits).forEach((raw, i) => {
    const c = rec(raw);
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, p, volumes));
    const rp = c.restartPolicy;
    if (rp !== undefined && rp !== "Always")
      errs.push({
        type: "Unsupported",
        field: `${p}.restartPolicy`,
        value: rp,
        supported: ["Always"],
      });
    const name = str(c.name);
    if (names.has(name)) errs.push({ type: "Duplicate", field: `${p}.name`, value: name });
    else if (name) names.add(name);
  });
  return errs;
}

/** ValidatePodSpec, for a bare Pod (`spec`) or a template (`spec.template.spec`). */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const s = rec(spec) as unknown as PodSpec;
  const vols = validateVolumes(s.volumes, `${path}.volumes`);
  const errs: FieldError[] = [...vols.errs];
  errs.push(...validateContainers(s.containers, `${path}.containers`, vols.names));
  errs.push(
    ...validateInitContainers(s.initContainers, s.containers, `${path}.initContainers`, vols.names),
  );
  const rp = s.restartPolicy as string | undefined;
  if (rp === "") errs.push({ type: "Required", field: `${path}.restartPolicy` });
  else if (rp !== undefined && !restartPolicies.includes(rp))
    errs.push({
      type: "Unsupported",
      field: `${path}.restartPolicy`,
      value: rp,
      supported: restartPolicies,
    });
  const dp = s.dnsPolicy;
  if (dp !== undefined && dp !== "" && !dnsPolicies.includes(dp))
    errs.push({
      type: "Unsupported",
      field: `${path}.dnsPolicy`,
      value: dp,
      supported: dnsPolicies,
    });
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  for (const f of ["serviceAccountName", "nodeName"] as const) {
    const v = s[f];
    if (v)
      for (const d of dns1123SubdomainErrors(v))
        errs.push({ type: "Invalid", field: `${path}.${f}`, value: v, detail: d });
  }
  const ads = s.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > 2147483647))
    errs.push({
      type: "Invalid",
      field: `${path}.activeDeadlineSeconds`,
      value: ads,
      detail: "must be between 1 and 2147483647, inclusive",
    });
  for (const f of ["hostname", "subdomain"] as const) {
    const v = s[f];
    if (v)
      for (const d of dns1123LabelErrors(v))
        errs.push({ type: "Invalid", field: `${path}.${f}`, value: v, detail: d });
  }
  return errs;
}

/** ValidatePodTemplateSpec: the template's labels and annotations (at `…template.labels`), its spec. */
export function validatePodTemplateSpec(
  t: PodTemplateSpec | undefined,
  path: string,
): FieldError[] {
  const meta = rec(t?.metadata);
  return [
    ...validateLabels(rec(meta.labels), `${path}.labels`),
    ...validateAnnotations(rec(meta.annotations), `${path}.annotations`),
    ...validatePodSpec(t?.spec, `${path}.spec`),
  ];
}

/** ValidatePod: metadata, spec, then the pod-only container rules. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = [...validateObjectMeta(pod.metadata), ...validatePodSpec(pod.spec, "spec")];
  for (const kind of ["containers", "initContainers"] as const) {
    list(pod.spec?.[kind]).forEach((c, i) => {
      const image = str(isObj(c) ? c.image : "");
      if (image !== image.trim())
        errs.push({
          type: "Invalid",
          field: `spec.${kind}[${i}].image`,
          value: image,
          detail: "must not have leading or trailing whitespace",
        });
    });
  }
  return errs;
}

/**
 * Warnings the server returns with a successful write (pkg/api/pod/warnings.go), printed by
 * kubectl as `Warning: <text>`. `prefix` is `` for a Pod, `spec.template` for a Job.
 */
export function podSpecWarnings(spec: PodSpec | undefined, prefix: string): string[] {
  const out: string[] = [];
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  const s = isObj(spec) ? spec : undefined;
  for (const kind of ["initContainers", "containers"] as const) {
    list(s?.[kind]).forEach((c, i) => {
      const res = isObj(c) && isObj(c.resources) ? c.resources : {};
      for (const k of ["limits", "requests"] as const) {
        const m = isObj(res[k]) ? res[k] : {};
        if (!("memory" in m)) continue;
        const q = decodeQuantity(m.memory);
        if (!("error" in q) && q.nano % 1_000_000_000n !== 0n)
          out.push(
            `${at(`spec.${kind}[${i}].resources.${k}[memory]`)}: fractional byte value "${canonicalQuantity(q)}" is invalid, must be an integer`,
          );
      }
    });
  }
  const tgps = s?.terminationGracePeriodSeconds;
  if (typeof tgps === "number" && tgps < 0)
    out.push(
      `${at("spec.terminationGracePeriodSeconds")}: must be >= 0; negative values are invalid and will be treated as 1`,
    );
  return out;
}
