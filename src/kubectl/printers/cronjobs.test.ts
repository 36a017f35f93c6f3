import { describe, expect, it } from "vitest";
import type { CronJob } from "../../api/types.ts";
import { cronJobTable } from "./cronjobs.ts";
import { printTable } from "./table.ts";
import { helloCronJob, now } from "./test-fixtures.ts";

const fresh: CronJob = {
  ...helloCronJob,
  spec: { ...helloCronJob.spec, schedule: "*/1 * * * *" },
  status: {},
};

describe("kubectl get cronjobs (spec §7.1)", () => {
  it("matches the spec's example line for a new CronJob", () => {
    expect(printTable(cronJobTable([fresh], now(10)))).toBe(
      `NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
hello   */1 * * * *   <none>     False     0        <none>          10s
`,
    );
  });

  it("shows ACTIVE, LAST SCHEDULE, a time zone and a suspended CronJob", () => {
    const paris: CronJob = {
      ...helloCronJob,
      metadata: { ...helloCronJob.metadata, name: "nightly" },
      spec: {
        ...helloCronJob.spec,
        schedule: "0 2 * * *",
        timeZone: "Europe/Paris",
        suspend: true,
      },
      status: {},
    };
    expect(printTable(cronJobTable([helloCronJob, paris], now(75)))).toBe(
      `NAME      SCHEDULE    TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
hello     * * * * *   <none>         False     1        15s             75s
nightly   0 2 * * *   Europe/Paris   True      0        <none>          75s
`,
    );
  });

  it("adds CONTAINERS IMAGES SELECTOR with -o wide", () => {
    expect(printTable(cronJobTable([helloCronJob], now(75)), { wide: true })).toBe(
      `NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR
hello   * * * * *   <none>     False     1        15s             75s   hello        busybox:1.28   <none>
`,
    );
  });
});
