import { describe, expect, it } from "vitest";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";
import { ApiServer } from "./apiserver.ts";
import { StatusError } from "./errors.ts";
import { ObjectStore } from "./store.ts";
import type { CronJob, Job } from "./types.ts";

function server() {
  const clock = new Clock(ms(Date.parse("2026-01-05T00:00:00Z")));
  const store = new ObjectStore(clock, new Rng(1));
  return new ApiServer(store);
}

function job(
  spec: Partial<Job["spec"]> = {},
  name = "pi",
  podSpec: Record<string, unknown> = {},
): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [{ name: "pi", image: "perl:5.34.0" }],
          ...podSpec,
        },
      },
      ...spec,
    },
  };
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return `${e.reason}: ${e.message}`;
    throw e;
  }
  return "no error";
}

describe("API server: Jobs", () => {
  it("defaults a Job, generates its selector and labels, and copies them to the Job (spec §1.1–1.2)", () => {
    const api = server();
    const created = api.create(job());
    const uid = created.metadata.uid!;
    expect(created.spec).toMatchObject({
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
    });
    const labels = {
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": uid,
      "job-name": "pi",
    };
    expect(created.spec.template.metadata?.labels).toEqual(labels);
    expect(created.metadata.labels).toEqual(labels);
    expect(created.spec.template.spec.containers[0]).toEqual({
      name: "pi",
      image: "perl:5.34.0",
      imagePullPolicy: "IfNotPresent",
      resources: {},
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
    });
  });

  it("leaves completions unset in work-queue mode", () => {
    const created = server().create(job({ parallelism: 3 }));
    expect([created.spec.parallelism, created.spec.completions]).toEqual([3, undefined]);
  });

  it("rejects the common mistakes with the API server's words (spec §6.2)", () => {
    const api = server();
    expect(errorOf(() => api.create(job({}, "pi", { restartPolicy: "Always" })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(errorOf(() => api.create(job({}, "pi", { restartPolicy: undefined })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(errorOf(() => api.create(job({ completions: -1 })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(errorOf(() => api.create(job({}, "pi", { containers: [] })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.template.spec.containers: Required value',
    );
    expect(errorOf(() => api.create(job({}, "pi", { containers: [{ name: "pi" }] })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.template.spec.containers[0].image: Required value',
    );
    expect(errorOf(() => api.create(job({}, "My_Job")))).toBe(
      `Invalid: The Job "My_Job" is invalid: metadata.name: Invalid value: "My_Job": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(errorOf(() => api.create(job({ completionMode: "Indexed", parallelism: 2 })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.completions: Required value: when completion mode is Indexed',
    );
  });

  it("lists several causes in the server's order", () => {
    expect(
      errorOf(() =>
        server().create(
          job({ parallelism: -2, backoffLimit: -1 }, "pi", { restartPolicy: "Always" }),
        ),
      ),
    ).toBe(
      [
        'Invalid: The Job "pi" is invalid: ',
        "* spec.parallelism: Invalid value: -2: must be greater than or equal to 0",
        "* spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
        '* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      ].join("\n"),
    );
  });

  it("decodes strictly: unknown fields and wrong types are BadRequest (spec §6.1)", () => {
    const api = server();
    const typo = job();
    (typo.spec.template.spec.containers[0] as unknown as Record<string, unknown>).comand = ["x"];
    expect(errorOf(() => api.create(typo))).toBe(
      'BadRequest: Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.template.spec.containers[0].comand"',
    );
    const wrong = job({ completions: "three" as unknown as number });
    expect(errorOf(() => api.create(wrong))).toBe(
      'BadRequest: Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.completions of type int32',
    );
  });

  it("applies: created, unchanged, configured, and immutable template changes (spec §6.3–6.4)", () => {
    const api = server();
    expect(api.apply(job()).result).toBe("created");
    expect(api.apply(job()).result).toBe("unchanged");
    expect(api.apply(job({ backoffLimit: 2 })).result).toBe("configured");
    const changed = job({ backoffLimit: 2 });
    changed.spec.template.spec.containers[0].image = "perl:5.40";
    expect(errorOf(() => api.apply(changed))).toMatch(
      /^Invalid: The Job "pi" is invalid: spec\.template: Invalid value: \{.*\}: field is immutable$/,
    );
    expect(errorOf(() => api.apply(job({ backoffLimit: 2, completions: 3 })))).toBe(
      'Invalid: The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable',
    );
  });

  it("says NotFound and AlreadyExists with the resource's name", () => {
    const api = server();
    api.create(job());
    expect(errorOf(() => api.create(job()))).toBe('AlreadyExists: jobs.batch "pi" already exists');
    expect(errorOf(() => api.delete("Job", "default", "nope"))).toBe(
      'NotFound: jobs.batch "nope" not found',
    );
  });
});

describe("API server: CronJobs", () => {
  const cron = (spec: Partial<CronJob["spec"]>, name = "hello"): CronJob => ({
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] },
          },
        },
      },
      ...spec,
    },
  });

  it("defaults the CronJob but not the Jobs fields of its template (spec §4.1)", () => {
    const created = server().create(cron({}));
    expect(created.spec).toMatchObject({
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(created.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(created.spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy).toBe(
      "Always",
    );
  });

  it("rejects schedules, zones and policies with the API server's words (spec §6.2)", () => {
    const api = server();
    expect(errorOf(() => api.create(cron({ schedule: "*/5 * * *" })))).toBe(
      'Invalid: The CronJob "hello" is invalid: spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
    );
    expect(errorOf(() => api.create(cron({ schedule: "0 0 * * 7" })))).toBe(
      'Invalid: The CronJob "hello" is invalid: spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7',
    );
    expect(errorOf(() => api.create(cron({ timeZone: "Europe/Pariss" })))).toBe(
      'Invalid: The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
    );
    expect(errorOf(() => api.create(cron({ concurrencyPolicy: "Sometimes" as "Allow" })))).toBe(
      'Invalid: The CronJob "hello" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    );
    expect(errorOf(() => api.create(cron({}, "a".repeat(53))))).toBe(
      `Invalid: The CronJob "${"a".repeat(53)}" is invalid: metadata.name: Invalid value: "${"a".repeat(53)}": must be no more than 52 characters`,
    );
    const always = cron({});
    always.spec.jobTemplate.spec.template.spec.restartPolicy = "Always";
    expect(errorOf(() => api.create(always))).toBe(
      'Invalid: The CronJob "hello" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });
});
