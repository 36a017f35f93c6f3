import { validateScheduleField, validateTimeZone, type CronFieldError } from "../cron/index.ts";
import { defaultPodSpec } from "./defaults.ts";
import type { FieldError } from "./errors.ts";
import type { CronJob, CronJobSpec, JobSpec } from "./types.ts";
import { validateJobSpec } from "./validation.ts";
import { nonNegative, validateObjectMeta } from "./validation-meta.ts";

const policies = ["Allow", "Forbid", "Replace"];

/** The controller appends `-<8-digit unix minutes>` and a Job name is a 63-character label. */
export const MAX_CRONJOB_NAME = 63 - 11;

function fromCron(e: CronFieldError): FieldError {
  return e.type === "Required"
    ? { type: "Required", field: e.field, ...(e.detail ? { detail: e.detail } : {}) }
    : {
        type: "Invalid",
        field: e.field,
        value: e.value,
        ...(e.detail ? { detail: e.detail } : {}),
      };
}

/**
 * ValidateCronJobCreate / ValidateCronJobUpdate (pkg/apis/batch/validation, release-1.34), in
 * the server's order (spec §4.1, §6.2; cron-semantics.md §8): metadata, schedule,
 * startingDeadlineSeconds, timeZone (on update only if it changed), concurrencyPolicy, the job
 * template, the two history limits — and, on create only, the 52-character name limit last.
 */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata);
  errs.push(...validateCronJobSpec(cj.spec ?? ({} as CronJobSpec), old?.spec));
  // Skipped on update so that older, longer-named CronJobs can still be changed or deleted.
  const name = cj.metadata.name;
  if (old === undefined && name !== undefined && name.length > MAX_CRONJOB_NAME) {
    errs.push({
      type: "Invalid",
      field: "metadata.name",
      value: name,
      detail: `must be no more than ${MAX_CRONJOB_NAME} characters`,
    });
  }
  return errs;
}

/** validateCronJobSpec. */
function validateCronJobSpec(s: CronJobSpec, old: CronJobSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const oldSchedule = old ? { schedule: old.schedule ?? "", timeZone: old.timeZone } : undefined;
  errs.push(...validateScheduleField(s.schedule, s.timeZone, { old: oldSchedule }).map(fromCron));
  errs.push(...nonNegative("spec.startingDeadlineSeconds", s.startingDeadlineSeconds));
  if (old === undefined || old.timeZone !== s.timeZone)
    errs.push(...validateTimeZone(s.timeZone, "spec.timeZone").map(fromCron));
  // The API server defaults "" and unset to Allow, so only a wrong word reaches this.
  const policy = s.concurrencyPolicy as string | undefined;
  if (policy === undefined || policy === "") {
    errs.push({ type: "Required", field: "spec.concurrencyPolicy" });
  } else if (!policies.includes(policy)) {
    errs.push({
      type: "Unsupported",
      field: "spec.concurrencyPolicy",
      value: policy,
      supported: policies,
    });
  }
  errs.push(...validateJobTemplateSpec(s.jobTemplate?.spec));
  errs.push(...nonNegative("spec.successfulJobsHistoryLimit", s.successfulJobsHistoryLimit));
  errs.push(...nonNegative("spec.failedJobsHistoryLimit", s.failedJobsHistoryLimit));
  return errs;
}

/**
 * ValidateJobTemplateSpec: the Job spec rules, then the two selector rules — a CronJob's Jobs
 * always get a generated selector (spec §4.1).
 */
function validateJobTemplateSpec(spec: JobSpec | undefined): FieldError[] {
  const path = "spec.jobTemplate.spec";
  const errs = validateJobSpec(withTemplate(spec), path, {});
  if (spec?.selector !== undefined) {
    errs.push({
      type: "Invalid",
      field: `${path}.selector`,
      value: spec.selector,
      detail: "`selector` will be auto-generated",
    });
  }
  if (spec?.manualSelector === true) {
    errs.push({
      type: "Unsupported",
      field: `${path}.manualSelector`,
      value: true,
      supported: ["nil", "false"],
    });
  }
  return errs;
}

/**
 * In Go the job template is a struct that is always there, pod-spec defaults included, so a
 * manifest without one is reported as an empty pod template (no containers, restartPolicy
 * Always), not as a missing field.
 */
function withTemplate(spec: JobSpec | undefined): JobSpec {
  if (spec?.template?.spec !== undefined) return spec;
  const podSpec = { containers: [] };
  defaultPodSpec(podSpec);
  return { ...spec, template: { ...spec?.template, metadata: {}, spec: podSpec } };
}
