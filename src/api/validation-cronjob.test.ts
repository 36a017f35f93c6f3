import { describe, expect, it } from "vitest";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";
import { ApiServer } from "./apiserver.ts";
import { defaultCronJob } from "./defaults.ts";
import { renderFieldError, StatusError } from "./errors.ts";
import { ObjectStore } from "./store.ts";
import type { CronJob } from "./types.ts";
import { validateCronJob } from "./validation-cronjob.ts";

function server(): ApiServer {
  const clock = new Clock(ms(Date.parse("2026-01-05T00:00:00Z")));
  return new ApiServer(new ObjectStore(clock, new Rng(1)));
}

function cronJob(change: (cj: CronJob) => void = () => {}): CronJob {
  const cj: CronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "backup" },
    spec: {
      schedule: "0 2 * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              containers: [{ name: "backup", image: "busybox:1.36" }],
            },
          },
        },
      },
    },
  };
  change(cj);
  return cj;
}

/** What kubectl prints for a create of this manifest (stderr for an error). */
function create(change: (cj: CronJob) => void): string {
  try {
    server().create(cronJob(change));
    return "created";
  } catch (e) {
    if (e instanceof StatusError) return e.message;
    throw e;
  }
}

const long = "a".repeat(53);

describe("CronJob validation (spec §4.1, §6.2; cron-semantics.md §8)", () => {
  it.each<[string, (cj: CronJob) => void, string]>([
    [
      "a name longer than 52 characters",
      (cj) => (cj.metadata.name = long),
      `The CronJob "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 52 characters`,
    ],
    ["a name of exactly 52 characters", (cj) => (cj.metadata.name = "a".repeat(52)), "created"],
    [
      "four schedule fields",
      (cj) => (cj.spec.schedule = "*/5 * * *"),
      `The CronJob "backup" is invalid: spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]`,
    ],
    [
      "minute 61",
      (cj) => (cj.spec.schedule = "61 * * * *"),
      `The CronJob "backup" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61`,
    ],
    [
      "day of week 7",
      (cj) => (cj.spec.schedule = "0 0 * * 7"),
      `The CronJob "backup" is invalid: spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7`,
    ],
    [
      "a TZ= prefix",
      (cj) => (cj.spec.schedule = "TZ=UTC 0 * * * *"),
      `The CronJob "backup" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`,
    ],
    [
      "a CRON_TZ= prefix with a bad zone",
      (cj) => (cj.spec.schedule = "CRON_TZ=Nowhere/Bogus 0 * * * *"),
      `The CronJob "backup" is invalid: \n* spec.schedule: Invalid value: "CRON_TZ=Nowhere/Bogus 0 * * * *": provided bad location Nowhere/Bogus: unknown time zone Nowhere/Bogus\n* spec.schedule: Invalid value: "CRON_TZ=Nowhere/Bogus 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`,
    ],
    [
      "an empty schedule",
      (cj) => (cj.spec.schedule = ""),
      `The CronJob "backup" is invalid: spec.schedule: Required value`,
    ],
    ["@every (accepted by robfig)", (cj) => (cj.spec.schedule = "@every 1h30m"), "created"],
    ["a never-matching day (accepted)", (cj) => (cj.spec.schedule = "0 0 30 2 *"), "created"],
    [
      "an unknown zone",
      (cj) => (cj.spec.timeZone = "Europe/Pariss"),
      `The CronJob "backup" is invalid: spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss`,
    ],
    [
      "a zone in the wrong case",
      (cj) => (cj.spec.timeZone = "europe/paris"),
      `The CronJob "backup" is invalid: spec.timeZone: Invalid value: "europe/paris": unknown time zone europe/paris`,
    ],
    [
      "timeZone: Local",
      (cj) => (cj.spec.timeZone = "Local"),
      `The CronJob "backup" is invalid: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones`,
    ],
    [
      'timeZone: ""',
      (cj) => (cj.spec.timeZone = ""),
      `The CronJob "backup" is invalid: spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string`,
    ],
    ["timeZone: Europe/Paris", (cj) => (cj.spec.timeZone = "Europe/Paris"), "created"],
    [
      "concurrencyPolicy: Sometimes",
      (cj) => (cj.spec.concurrencyPolicy = "Sometimes" as "Allow"),
      `The CronJob "backup" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"`,
    ],
    [
      'concurrencyPolicy: "" (defaulted to Allow)',
      (cj) => (cj.spec.concurrencyPolicy = "" as "Allow"),
      "created",
    ],
    [
      "a template selector",
      (cj) => (cj.spec.jobTemplate.spec.selector = { matchLabels: { app: "backup" } }),
      `The CronJob "backup" is invalid: spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"backup"}}: \`selector\` will be auto-generated`,
    ],
    [
      "manualSelector: true",
      (cj) => (cj.spec.jobTemplate.spec.manualSelector = true),
      `The CronJob "backup" is invalid: spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"`,
    ],
    ["manualSelector: false", (cj) => (cj.spec.jobTemplate.spec.manualSelector = false), "created"],
    [
      "restartPolicy: Always",
      (cj) => (cj.spec.jobTemplate.spec.template.spec.restartPolicy = "Always"),
      `The CronJob "backup" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`,
    ],
    [
      "no restartPolicy (defaulted to Always)",
      (cj) => delete cj.spec.jobTemplate.spec.template.spec.restartPolicy,
      `The CronJob "backup" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`,
    ],
    [
      "no jobTemplate",
      (cj) => delete (cj.spec as Partial<CronJob["spec"]>).jobTemplate,
      `The CronJob "backup" is invalid: \n* spec.jobTemplate.spec.template.spec.containers: Required value\n* spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`,
    ],
    [
      "negative deadline and history limits",
      (cj) => {
        cj.spec.startingDeadlineSeconds = -5;
        cj.spec.successfulJobsHistoryLimit = -1;
        cj.spec.failedJobsHistoryLimit = -2;
      },
      `The CronJob "backup" is invalid: \n* spec.startingDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0\n* spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0\n* spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0`,
    ],
    [
      "zero history limits (valid)",
      (cj) => {
        cj.spec.successfulJobsHistoryLimit = 0;
        cj.spec.failedJobsHistoryLimit = 0;
      },
      "created",
    ],
  ])("%s", (_, change, expected) => {
    expect(create(change)).toBe(expected);
  });

  it("reports several mistakes in the server's order, the name length last", () => {
    const name = "Backup-".repeat(8) + "x";
    expect(
      create((cj) => {
        cj.metadata.name = name;
        cj.spec.schedule = "61 * * * *";
        cj.spec.startingDeadlineSeconds = -1;
        cj.spec.timeZone = "Mars/Olympus";
        cj.spec.concurrencyPolicy = "Sometimes" as "Allow";
        cj.spec.jobTemplate.spec.selector = { matchLabels: { x: "y" } };
        cj.spec.jobTemplate.spec.backoffLimit = -1;
        delete cj.spec.jobTemplate.spec.template.spec.restartPolicy;
        cj.spec.failedJobsHistoryLimit = -1;
      }),
    ).toBe(
      `The CronJob "${name}" is invalid: \n` +
        `* metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n` +
        `* spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n` +
        `* spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0\n` +
        `* spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus\n` +
        `* spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"\n` +
        `* spec.jobTemplate.spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0\n` +
        `* spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n` +
        `* spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"x":"y"}}: \`selector\` will be auto-generated\n` +
        `* spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0\n` +
        `* metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    );
  });

  it("on update: no name-length check, zone checked only when changed, an old TZ= may stay", () => {
    const render = (cj: CronJob, old: CronJob) => {
      defaultCronJob(cj);
      return validateCronJob(cj, old).map(renderFieldError);
    };
    const longName = cronJob((cj) => (cj.metadata.name = long));
    expect(render(longName, longName)).toEqual([]);
    const legacy = cronJob((cj) => (cj.spec.schedule = "TZ=Europe/Paris 0 2 * * *"));
    expect(
      render(
        cronJob((cj) => (cj.spec.schedule = "TZ=UTC 0 3 * * *")),
        legacy,
      ),
    ).toEqual([]);
    expect(
      render(
        cronJob((cj) => {
          cj.spec.schedule = "TZ=UTC 0 3 * * *";
          cj.spec.timeZone = "UTC";
        }),
        legacy,
      ),
    ).toEqual([
      `spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule`,
    ]);
  });
});

describe("CronJob defaults (spec §4.1)", () => {
  it("defaults policy, suspend and history limits, pod defaults in the template, not Job defaults", () => {
    const created = server().create(cronJob());
    expect(created.spec).toEqual({
      schedule: "0 2 * * *",
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: {},
        spec: {
          template: {
            metadata: {},
            spec: {
              restartPolicy: "OnFailure",
              terminationGracePeriodSeconds: 30,
              dnsPolicy: "ClusterFirst",
              schedulerName: "default-scheduler",
              securityContext: {},
              containers: [
                {
                  name: "backup",
                  image: "busybox:1.36",
                  imagePullPolicy: "IfNotPresent",
                  terminationMessagePath: "/dev/termination-log",
                  terminationMessagePolicy: "File",
                  resources: {},
                },
              ],
            },
          },
        },
      },
    });
    expect(created.metadata.namespace).toBe("default");
    expect(created.status).toBeUndefined();
  });

  it("keeps what the manifest sets", () => {
    const created = server().create(
      cronJob((cj) => {
        cj.spec.concurrencyPolicy = "Forbid";
        cj.spec.suspend = true;
        cj.spec.successfulJobsHistoryLimit = 0;
        cj.spec.failedJobsHistoryLimit = 5;
        cj.spec.startingDeadlineSeconds = 300;
        cj.spec.timeZone = "Europe/Paris";
      }),
    );
    expect(created.spec).toMatchObject({
      concurrencyPolicy: "Forbid",
      suspend: true,
      successfulJobsHistoryLimit: 0,
      failedJobsHistoryLimit: 5,
      startingDeadlineSeconds: 300,
      timeZone: "Europe/Paris",
    });
  });
});
