import type { FieldError } from "./errors.ts";
import type { Container, Job, JobSpec, Pod, PodSpec } from "./types.ts";
import {
  dns1123LabelErrors,
  labelValueErrors,
  nonNegative,
  validateObjectMeta,
} from "./validation-meta.ts";

/**
 * API-server validation (pkg/apis/core/validation, pkg/apis/batch/validation) for what the lab
 * runs. Errors come out in the server's order (spec §6.2); rendering is in errors.ts.
 */

const restartPolicies = ["Always", "OnFailure", "Never"];
const pullPolicies = ["Always", "IfNotPresent", "Never"];

function validateContainers(
  containers: Container[] | undefined,
  path: string,
  volumes: Set<string>,
  required: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) {
    if (required) errs.push({ type: "Required", field: path });
    return errs;
  }
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push({ type: "Required", field: `${p}.name` });
    else {
      for (const d of dns1123LabelErrors(c.name))
        errs.push({ type: "Invalid", field: `${p}.name`, value: c.name, detail: d });
      if (seen.has(c.name)) errs.push({ type: "Duplicate", field: `${p}.name`, value: c.name });
      seen.add(c.name);
    }
    if (!c.image || c.image.trim() === "") errs.push({ type: "Required", field: `${p}.image` });
    if (c.imagePullPolicy !== undefined && !pullPolicies.includes(c.imagePullPolicy)) {
      errs.push({
        type: "Unsupported",
        field: `${p}.imagePullPolicy`,
        value: c.imagePullPolicy,
        supported: pullPolicies,
      });
    }
    (c.env ?? []).forEach((e, j) => {
      if (!e.name) errs.push({ type: "Required", field: `${p}.env[${j}].name` });
    });
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!m.name) errs.push({ type: "Required", field: `${p}.volumeMounts[${j}].name` });
      else if (!volumes.has(m.name))
        errs.push({ type: "NotFound", field: `${p}.volumeMounts[${j}].name`, value: m.name });
      if (!m.mountPath) errs.push({ type: "Required", field: `${p}.volumeMounts[${j}].mountPath` });
    });
  });
  return errs;
}

/** ValidatePodSpec, for a bare Pod (`spec.`) or a template (`spec.template.spec.`). */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec) return [{ type: "Required", field: `${path}.containers` }];
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    if (!v.name) errs.push({ type: "Required", field: `${path}.volumes[${i}].name` });
    else if (volumes.has(v.name))
      errs.push({ type: "Duplicate", field: `${path}.volumes[${i}].name`, value: v.name });
    volumes.add(v.name);
  });
  errs.push(...validateContainers(spec.initContainers, `${path}.initContainers`, volumes, false));
  errs.push(...validateContainers(spec.containers, `${path}.containers`, volumes, true));
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(spec.restartPolicy)) {
    errs.push({
      type: "Unsupported",
      field: `${path}.restartPolicy`,
      value: spec.restartPolicy,
      supported: restartPolicies,
    });
  }
  errs.push(
    ...nonNegative(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds),
  );
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds < 1) {
    errs.push({
      type: "Invalid",
      field: `${path}.activeDeadlineSeconds`,
      value: spec.activeDeadlineSeconds,
      detail: "must be between 1 and 2147483647, inclusive",
    });
  }
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata), ...validatePodSpec(pod.spec, "spec")];
}

/** validateJobSpec (pkg/apis/batch/validation), in the server's order. */
export function validateJobSpec(
  spec: JobSpec,
  path: string,
  opts: { jobName?: string; inCronJob?: boolean },
): FieldError[] {
  const errs: FieldError[] = [];
  if (opts.inCronJob && spec.selector) {
    errs.push({
      type: "Invalid",
      field: `${path}.selector`,
      value: spec.selector,
      detail: "`selector` will be auto-generated",
    });
  }
  if (opts.inCronJob && spec.manualSelector) {
    errs.push({
      type: "NotFound",
      field: `${path}.manualSelector`,
      value: spec.manualSelector,
      detail: "",
    });
  }
  errs.push(...nonNegative(`${path}.parallelism`, spec.parallelism));
  errs.push(...nonNegative(`${path}.completions`, spec.completions));
  errs.push(...nonNegative(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds));
  errs.push(...nonNegative(`${path}.backoffLimit`, spec.backoffLimit));
  errs.push(...nonNegative(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished));
  if (spec.backoffLimitPerIndex !== undefined) {
    errs.push(...nonNegative(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex));
  }
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...nonNegative(`${path}.maxFailedIndexes`, spec.maxFailedIndexes));
    if (spec.backoffLimitPerIndex === undefined) {
      errs.push({
        type: "Required",
        field: `${path}.backoffLimitPerIndex`,
        detail: "when maxFailedIndexes is specified",
      });
    }
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== "NonIndexed" && mode !== "Indexed") {
    errs.push({
      type: "Unsupported",
      field: `${path}.completionMode`,
      value: mode,
      supported: ["NonIndexed", "Indexed"],
    });
  }
  if (mode === "Indexed") {
    if (spec.completions === undefined)
      errs.push({
        type: "Required",
        field: `${path}.completions`,
        detail: "when completion mode is Indexed",
      });
    if (spec.completions !== undefined && opts.jobName) {
      const last = `${opts.jobName}-${Math.max(spec.completions - 1, 0)}`;
      if (dns1123LabelErrors(last).length) {
        errs.push({
          type: "Invalid",
          field: "metadata.name",
          value: opts.jobName,
          detail: `will not able to create pod with invalid DNS label: ${last}`,
        });
      }
    }
  } else {
    if (spec.backoffLimitPerIndex !== undefined) {
      errs.push({
        type: "Invalid",
        field: `${path}.backoffLimitPerIndex`,
        value: spec.backoffLimitPerIndex,
        detail: "requires indexed completion mode",
      });
    }
    if (spec.successPolicy !== undefined) {
      errs.push({
        type: "Invalid",
        field: `${path}.successPolicy`,
        value: spec.successPolicy,
        detail: "requires indexed completion mode",
      });
    }
  }
  const rpp = spec.podReplacementPolicy;
  if (rpp !== undefined) {
    if (rpp !== "TerminatingOrFailed" && rpp !== "Failed") {
      errs.push({
        type: "Unsupported",
        field: `${path}.podReplacementPolicy`,
        value: rpp,
        supported: ["Failed", "TerminatingOrFailed"],
      });
    } else if (spec.podFailurePolicy && rpp !== "Failed") {
      errs.push({
        type: "Unsupported",
        field: `${path}.podReplacementPolicy`,
        value: rpp,
        supported: ["Failed"],
      });
    }
  }
  errs.push(...validateJobTemplate(spec, path));
  return errs;
}

function validateJobTemplate(spec: JobSpec, path: string): FieldError[] {
  const tpath = `${path}.template`;
  if (!spec.template) return [{ type: "Required", field: tpath }];
  const errs: FieldError[] = [];
  for (const v of Object.values(spec.template.metadata?.labels ?? {})) {
    for (const d of labelValueErrors(v))
      errs.push({ type: "Invalid", field: `${tpath}.labels`, value: v, detail: d });
  }
  errs.push(...validatePodSpec(spec.template.spec, `${tpath}.spec`));
  const rp = spec.template.spec?.restartPolicy;
  if (rp !== "OnFailure" && rp !== "Never") {
    errs.push({
      type: "Required",
      field: `${tpath}.spec.restartPolicy`,
      detail: `valid values: "OnFailure", "Never"`,
    });
  } else if (spec.podFailurePolicy && rp !== "Never") {
    errs.push({
      type: "Invalid",
      field: `${tpath}.spec.restartPolicy`,
      value: rp,
      detail: `only "Never" is supported when podFailurePolicy is specified`,
    });
  }
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  return [
    ...validateObjectMeta(job.metadata),
    ...validateJobSpec(job.spec, "spec", { jobName: job.metadata.name }),
  ];
}
