import type { FieldError } from "./errors.ts";
import type { Job, JobSpec, LabelSelector, PodFailurePolicyRule } from "./types.ts";
import { validatePodTemplateSpec } from "./validation-pod.ts";
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  nonNegative,
  qualifiedNameErrors,
  scalarText,
  validateLabels,
  validateObjectMeta,
} from "./validation-meta.ts";

export { podSpecWarnings, validatePod, validatePodSpec } from "./validation-pod.ts";

/**
 * Job validation (pkg/apis/batch/validation, release-1.34) in the server's order (spec §6.2):
 * ValidateJob = object meta, ValidateJobSpec (validateJobSpec, then the selector rules), then the
 * Indexed pod-hostname check. `validateJobSpec` is also the CronJob's job template check.
 */

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
/** A manifest value as a plain record (anything else as `{}`): bad input must not throw. */
const rec = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
const MAX_INT32 = 2147483647;

/** `%q` of a Go []string: `["a" "b"]`. */
const goQuotedList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(" ")}]`;

const actions = ["Count", "FailIndex", "FailJob", "Ignore"];
const exitCodeOperators = ["In", "NotIn"];
const conditionStatuses = ["False", "True", "Unknown"];

/** The internal batch types print with Go field names (field.Error renders them as JSON). */
export function internalPodFailurePolicy(p: JobSpec["podFailurePolicy"]): unknown {
  if (!isObj(p)) return null;
  return {
    Rules: Array.isArray(p.rules)
      ? p.rules.map((r) => ({
          Action: r?.action ?? "",
          OnExitCodes: isObj(r?.onExitCodes)
            ? {
                ContainerName: r.onExitCodes.containerName ?? null,
                Operator: r.onExitCodes.operator ?? "",
                Values: r.onExitCodes.values ?? null,
              }
            : null,
          OnPodConditions: Array.isArray(r?.onPodConditions)
            ? r.onPodConditions.map((c) => ({ Type: c?.type ?? "", Status: c?.status ?? "" }))
            : null,
        }))
      : null,
  };
}

export function internalSuccessPolicy(p: JobSpec["successPolicy"]): unknown {
  if (!isObj(p)) return null;
  return {
    Rules: Array.isArray(p.rules)
      ? p.rules.map((r) => ({
          SucceededIndexes: r?.succeededIndexes ?? null,
          SucceededCount: r?.succeededCount ?? null,
        }))
      : null,
  };
}

function validateOnExitCodes(
  req: NonNullable<PodFailurePolicyRule["onExitCodes"]>,
  path: string,
  containerNames: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const op = req.operator as string | undefined;
  if (!op)
    errs.push({
      type: "Required",
      field: `${path}.operator`,
      detail: `valid values: ${goQuotedList(exitCodeOperators)}`,
    });
  else if (!exitCodeOperators.includes(op))
    errs.push({
      type: "Unsupported",
      field: `${path}.operator`,
      value: op,
      supported: exitCodeOperators,
    });
  if (req.containerName !== undefined && !containerNames.has(req.containerName))
    errs.push({
      type: "Invalid",
      field: `${path}.containerName`,
      value: req.containerName,
      detail: "must be one of the container or initContainer names in the pod template",
    });
  const values = list(req.values);
  if (values.length === 0)
    errs.push({
      type: "Invalid",
      field: `${path}.values`,
      value: req.values ?? null,
      detail: "at least one value is required",
    });
  else if (values.length > 255)
    errs.push({ type: "TooMany", field: `${path}.values`, value: values.length, max: 255 });
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (op === "In" && v === 0)
      errs.push({
        type: "Invalid",
        field: `${path}.values[${j}]`,
        value: v,
        detail: "must not be 0 for the In operator",
      });
    if (seen.has(v)) errs.push({ type: "Duplicate", field: `${path}.values[${j}]`, value: v });
    else seen.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered)
    errs.push({
      type: "Invalid",
      field: `${path}.values`,
      value: values,
      detail: "must be ordered",
    });
  return errs;
}

function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = list(spec.podFailurePolicy?.rules);
  if (rules.length > 20)
    errs.push({ type: "TooMany", field: `${path}.rules`, value: rules.length, max: 20 });
  const tspec = spec.template?.spec;
  const containerNames = new Set(
    [...list(tspec?.containers), ...list(tspec?.initContainers)].map((c) =>
      scalarText(isObj(c) ? c.name : ""),
    ),
  );
  rules.forEach((raw, i) => {
    const rule = rec(raw) as unknown as PodFailurePolicyRule;
    const rp = `${path}.rules[${i}]`;
    const action = rule.action as string | undefined;
    if (!action)
      errs.push({
        type: "Required",
        field: `${rp}.action`,
        detail: `valid values: ${goQuotedList(actions)}`,
      });
    else if (action === "FailIndex") {
      if (spec.backoffLimitPerIndex === undefined)
        errs.push({
          type: "Invalid",
          field: `${rp}.action`,
          value: action,
          detail: "requires the backoffLimitPerIndex to be set",
        });
    } else if (!actions.includes(action))
      errs.push({ type: "Unsupported", field: `${rp}.action`, value: action, supported: actions });
    const onExit = isObj(rule.onExitCodes) ? rule.onExitCodes : undefined;
    const onConds = list(rule.onPodConditions);
    if (onExit) errs.push(...validateOnExitCodes(onExit, `${rp}.onExitCodes`, containerNames));
    if (onConds.length > 0) {
      const cp = `${rp}.onPodConditions`;
      if (onConds.length > 20)
        errs.push({ type: "TooMany", field: cp, value: onConds.length, max: 20 });
      onConds.forEach((c, j) => {
        const type = scalarText(isObj(c) ? c.type : "");
        for (const d of qualifiedNameErrors(type))
          errs.push({ type: "Invalid", field: `${cp}[${j}].type`, value: type, detail: d });
        // An empty status is defaulted to "True" (batch/v1 SetDefaults_Job) before validation.
        const status = isObj(c) ? c.status : undefined;
        if (typeof status === "string" && status !== "" && !conditionStatuses.includes(status))
          errs.push({
            type: "Unsupported",
            field: `${cp}[${j}].status`,
            value: status,
            supported: conditionStatuses,
          });
      });
    }
    if (onExit && onConds.length > 0)
      errs.push({
        type: "Invalid",
        field: rp,
        omitValue: true,
        detail: "specifying both OnExitCodes and OnPodConditions is not supported",
      });
    if (!onExit && onConds.length === 0)
      errs.push({
        type: "Invalid",
        field: rp,
        omitValue: true,
        detail: "specifying one of OnExitCodes and OnPodConditions is required",
      });
  });
  return errs;
}

/** validateIndexesFormat: `1,3-5,7`, increasing, each index below completions; the count of indexes. */
export function indexesFormatError(
  indexes: string,
  completions: number,
): { total: number; error?: string } {
  if (indexes.length === 0) return { total: 0 };
  let last: number | undefined;
  let total = 0;
  const atoi = (s: string) => (/^[+-]?\d+$/.test(s) ? Number(s) : NaN);
  for (const interval of indexes.split(",")) {
    const limits = interval.split("-");
    if (limits.length > 2)
      return {
        total: 0,
        error: `the fragment "${interval}" violates the requirement that an index interval can have at most two parts separated by '-'`,
      };
    const x = atoi(limits[0]);
    if (Number.isNaN(x))
      return { total: 0, error: `cannot convert string to integer for index: "${limits[0]}"` };
    if (x >= completions) return { total: 0, error: `too large index: "${limits[0]}"` };
    if (last !== undefined && last >= x)
      return { total: 0, error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += 1;
    last = x;
    if (limits.length > 1) {
      const y = atoi(limits[1]);
      if (Number.isNaN(y))
        return { total: 0, error: `cannot convert string to integer for index: "${limits[1]}"` };
      if (y >= completions) return { total: 0, error: `too large index: "${limits[1]}"` };
      if (last >= y)
        return { total: 0, error: `non-increasing order, previous: ${last}, current: ${y}` };
      total += y - x;
      last = y;
    }
  }
  return { total };
}

function validateSuccessPolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = list(spec.successPolicy?.rules);
  const rulesPath = `${path}.rules`;
  if (rules.length === 0)
    errs.push({
      type: "Required",
      field: rulesPath,
      detail: "at least one rules must be specified when the successPolicy is specified",
    });
  if (rules.length > 20)
    errs.push({ type: "TooMany", field: rulesPath, value: rules.length, max: 20 });
  // Go dereferences spec.completions here; Indexed without completions was already rejected.
  const completions = spec.completions;
  if (completions === undefined) return errs;
  rules.forEach((raw, i) => {
    const rule = rec(raw);
    const rp = `${rulesPath}[${i}]`;
    const indexes = rule.succeededIndexes as string | undefined;
    const count = rule.succeededCount as number | undefined;
    if (count === undefined && indexes === undefined)
      errs.push({
        type: "Required",
        field: rp,
        detail: "at least one of succeededCount or succeededIndexes must be specified",
      });
    let total = 0;
    if (indexes !== undefined) {
      if (indexes.length > 64 * 1024)
        errs.push({ type: "TooLong", field: `${rp}.succeededIndexes`, max: 64 * 1024 });
      const r = indexesFormatError(indexes, completions);
      total = r.total;
      if (r.error)
        errs.push({
          type: "Invalid",
          field: `${rp}.succeededIndexes`,
          value: indexes,
          detail: `error parsing succeededIndexes: ${r.error}`,
        });
    }
    if (count !== undefined) {
      const cp = `${rp}.succeededCount`;
      errs.push(...nonNegative(cp, count));
      if (count > completions)
        errs.push({
          type: "Invalid",
          field: cp,
          value: count,
          detail: `must be less than or equal to ${completions} (the number of specified completions)`,
        });
      if (indexes !== undefined && count > total)
        errs.push({
          type: "Invalid",
          field: cp,
          value: count,
          detail: `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
        });
    }
  });
  return errs;
}

/** IsDomainPrefixedPath + the 63-byte limit, for `managedBy`. */
function validateManagedBy(v: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (v.length === 0) errs.push({ type: "Required", field: path });
  else {
    const slash = v.indexOf("/");
    const host = slash < 0 ? "" : v.slice(0, slash);
    const rest = slash < 0 ? "" : v.slice(slash + 1);
    if (!host || !rest)
      errs.push({
        type: "Invalid",
        field: path,
        value: v,
        detail: `must be a domain-prefixed path (such as "acme.io/foo")`,
      });
    else {
      for (const d of dns1123SubdomainErrors(host))
        errs.push({ type: "Invalid", field: path, value: host, detail: d });
      if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest))
        errs.push({
          type: "Invalid",
          field: path,
          value: rest,
          detail: "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
        });
    }
  }
  if (v.length > 63) errs.push({ type: "TooLong", field: path, max: 63 });
  return errs;
}

/** validateJobSpec (also run on a CronJob's job template). */
export function validateJobSpec(
  spec: JobSpec,
  path: string,
  _opts: { jobName?: string } = {},
): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(`${path}.parallelism`, spec.parallelism));
  errs.push(...nonNegative(`${path}.completions`, spec.completions));
  errs.push(...nonNegative(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds));
  errs.push(...nonNegative(`${path}.backoffLimit`, spec.backoffLimit));
  errs.push(...nonNegative(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished));
  errs.push(...nonNegative(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex));
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...nonNegative(`${path}.maxFailedIndexes`, spec.maxFailedIndexes));
    if (spec.backoffLimitPerIndex === undefined)
      errs.push({
        type: "Required",
        field: `${path}.backoffLimitPerIndex`,
        detail: "when maxFailedIndexes is specified",
      });
  }
  if (typeof spec.managedBy === "string")
    errs.push(...validateManagedBy(spec.managedBy, `${path}.managedBy`));
  const mode = spec.completionMode as string | undefined;
  const indexed = mode === "Indexed";
  if (mode !== undefined && mode !== "NonIndexed" && !indexed)
    errs.push({
      type: "Unsupported",
      field: `${path}.completionMode`,
      value: mode,
      supported: ["NonIndexed", "Indexed"],
    });
  if (indexed) {
    const { completions: c, parallelism: p, maxFailedIndexes: m } = spec;
    if (c === undefined)
      errs.push({
        type: "Required",
        field: `${path}.completions`,
        detail: "when completion mode is Indexed",
      });
    if (p !== undefined && p > 100000)
      errs.push({
        type: "Invalid",
        field: `${path}.parallelism`,
        value: p,
        detail: "must be less than or equal to 100000 when completion mode is Indexed",
      });
    if (c !== undefined && m !== undefined && m > c)
      errs.push({
        type: "Invalid",
        field: `${path}.maxFailedIndexes`,
        value: m,
        detail: "must be less than or equal to completions",
      });
    if (m !== undefined && m > 100000)
      errs.push({
        type: "Invalid",
        field: `${path}.maxFailedIndexes`,
        value: m,
        detail: "must be less than or equal to 100000",
      });
    if (c !== undefined && c > 100000 && spec.backoffLimitPerIndex !== undefined) {
      if (m === undefined)
        errs.push({
          type: "Required",
          field: `${path}.maxFailedIndexes`,
          detail: "must be specified when completions is above 100000",
        });
      if (p !== undefined && p > 10000)
        errs.push({
          type: "Invalid",
          field: `${path}.parallelism`,
          value: p,
          detail:
            "must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
        });
      if (m !== undefined && m > 10000)
        errs.push({
          type: "Invalid",
          field: `${path}.maxFailedIndexes`,
          value: m,
          detail:
            "must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
        });
    }
  }
  if (mode === undefined || mode === "NonIndexed") {
    if (spec.backoffLimitPerIndex !== undefined)
      errs.push({
        type: "Invalid",
        field: `${path}.backoffLimitPerIndex`,
        value: spec.backoffLimitPerIndex,
        detail: "requires indexed completion mode",
      });
    if (spec.maxFailedIndexes !== undefined)
      errs.push({
        type: "Invalid",
        field: `${path}.maxFailedIndexes`,
        value: spec.maxFailedIndexes,
        detail: "requires indexed completion mode",
      });
  }
  if (spec.podFailurePolicy !== undefined)
    errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy !== undefined) {
    if (!indexed)
      errs.push({
        type: "Invalid",
        field: `${path}.successPolicy`,
        value: internalSuccessPolicy(spec.successPolicy),
        detail: "requires indexed completion mode",
      });
    else errs.push(...validateSuccessPolicy(spec, `${path}.successPolicy`));
  }
  const rpp = spec.podReplacementPolicy as string | undefined;
  if (rpp !== undefined) {
    if (spec.podFailurePolicy !== undefined) {
      if (rpp !== "Failed")
        errs.push({
          type: "Unsupported",
          field: `${path}.podReplacementPolicy`,
          value: rpp,
          supported: ["Failed"],
        });
    } else if (rpp !== "Failed" && rpp !== "TerminatingOrFailed")
      errs.push({
        type: "Unsupported",
        field: `${path}.podReplacementPolicy`,
        value: rpp,
        supported: ["Failed", "TerminatingOrFailed"],
      });
  }
  const tpath = `${path}.template`;
  errs.push(...validatePodTemplateSpec(spec.template, tpath));
  // restartPolicy defaults to Always when absent, hence "Required" for both (spec §6.2).
  const rp = (spec.template?.spec?.restartPolicy ?? "") as string;
  if (rp === "Always" || rp === "")
    errs.push({
      type: "Required",
      field: `${tpath}.spec.restartPolicy`,
      detail: `valid values: "OnFailure", "Never"`,
    });
  else if (rp !== "OnFailure" && rp !== "Never")
    errs.push({
      type: "Unsupported",
      field: `${tpath}.spec.restartPolicy`,
      value: rp,
      supported: ["OnFailure", "Never"],
    });
  else if (spec.podFailurePolicy !== undefined && rp !== "Never")
    errs.push({
      type: "Invalid",
      field: `${tpath}.spec.restartPolicy`,
      value: rp,
      detail: `only "Never" is supported when podFailurePolicy is specified`,
    });
  return errs;
}

/** ValidateLabelSelector (meta/v1/validation): matchLabels, then each expression. */
function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  list(sel.matchExpressions).forEach((raw, i) => {
    const e = rec(raw);
    const p = `${path}.matchExpressions[${i}]`;
    const op = e.operator as string;
    const values = list(e.values as string[] | undefined);
    if (op === "In" || op === "NotIn") {
      if (values.length === 0)
        errs.push({
          type: "Required",
          field: `${p}.values`,
          detail: "must be specified when `operator` is 'In' or 'NotIn'",
        });
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0)
        errs.push({
          type: "Forbidden",
          field: `${p}.values`,
          detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        });
    } else
      errs.push({
        type: "Invalid",
        field: `${p}.operator`,
        value: op ?? "",
        detail: "not a valid selector operator",
      });
    const key = scalarText(e.key);
    for (const d of qualifiedNameErrors(key))
      errs.push({ type: "Invalid", field: `${p}.key`, value: key, detail: d });
    values.forEach((v, j) => {
      for (const d of labelValueErrors(scalarText(v)))
        errs.push({ type: "Invalid", field: `${p}.values[${j}]`, value: v, detail: d });
    });
  });
  return errs;
}

function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of list(sel.matchExpressions)) {
    const has = e.key in labels;
    const inValues = list(e.values).includes(labels[e.key]);
    if (e.operator === "In" && !(has && inValues)) return false;
    if (e.operator === "NotIn" && has && inValues) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const sortedMap = (m: Record<string, string> | undefined) =>
  m ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : null;

/** ValidateJob: metadata, the spec, the selector, then the Indexed pod-hostname check. */
export function validateJob(job: Job): FieldError[] {
  const spec = (isObj(job.spec) ? job.spec : {}) as JobSpec;
  const errs = [...validateObjectMeta(job.metadata), ...validateJobSpec(spec, "spec")];
  if (spec.selector === undefined) errs.push({ type: "Required", field: "spec.selector" });
  else errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const labels = isObj(spec.template?.metadata?.labels) ? spec.template.metadata.labels : {};
  const selectable = !spec.selector || !validateLabelSelector(spec.selector, "").length;
  if (selectable && !selectorMatches(spec.selector, labels))
    errs.push({
      type: "Invalid",
      field: "spec.template.metadata.labels",
      value: sortedMap(spec.template?.metadata?.labels),
      detail: "`selector` does not match template `labels`",
    });
  const name = job.metadata?.name ?? "";
  if (spec.completionMode === "Indexed" && spec.completions !== undefined && spec.completions > 0) {
    // The controller names pods `<job>-<index>-<random>` and sets hostname `<job>-<index>`.
    const last = `${name}-${Math.min(spec.completions, MAX_INT32) - 1}`;
    if (dns1123LabelErrors(last).length)
      errs.push({
        type: "Invalid",
        field: "metadata.name",
        value: name,
        detail: `will not able to create pod with invalid DNS label: ${last}`,
      });
  }
  return errs;
}
