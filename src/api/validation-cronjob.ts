import { validateScheduleField, validateTimeZone, type CronFieldError } from "../cron/index.ts";
import type { FieldError } from "./errors.ts";
import type { CronJob } from "./types.ts";
import { validateJobSpec } from "./validation.ts";
import { nonNegative, validateObjectMeta } from "./validation-meta.ts";

const policies = ["Allow", "Forbid", "Replace"];

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

/** ValidateCronJobCreate / Update (pkg/apis/batch/validation), in the server's order (spec §6.2). */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata);
  const name = cj.metadata.name;
  if (name && name.length > 52) {
    errs.push({
      type: "Invalid",
      field: "metadata.name",
      value: name,
      detail: "must be no more than 52 characters",
    });
  }
  const s = cj.spec;
  if (!s) return [...errs, { type: "Required", field: "spec.schedule" }];
  const oldSpec = old ? { schedule: old.spec.schedule, timeZone: old.spec.timeZone } : undefined;
  errs.push(...validateScheduleField(s.schedule, s.timeZone, { old: oldSpec }).map(fromCron));
  errs.push(...nonNegative("spec.startingDeadlineSeconds", s.startingDeadlineSeconds));
  if (!old || old.spec.timeZone !== s.timeZone)
    errs.push(...validateTimeZone(s.timeZone, "spec.timeZone").map(fromCron));
  if (s.concurrencyPolicy !== undefined && !policies.includes(s.concurrencyPolicy)) {
    errs.push({
      type: "Unsupported",
      field: "spec.concurrencyPolicy",
      value: s.concurrencyPolicy,
      supported: policies,
    });
  }
  if (!s.jobTemplate?.spec)
    errs.push({ type: "Required", field: "spec.jobTemplate.spec.template" });
  else
    errs.push(...validateJobSpec(s.jobTemplate.spec, "spec.jobTemplate.spec", { inCronJob: true }));
  errs.push(...nonNegative("spec.successfulJobsHistoryLimit", s.successfulJobsHistoryLimit));
  errs.push(...nonNegative("spec.failedJobsHistoryLimit", s.failedJobsHistoryLimit));
  return errs;
}
