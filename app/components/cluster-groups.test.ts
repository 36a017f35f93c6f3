import { expect, it } from "vitest";
import type { CronJob, Job, OwnerReference, Pod } from "../../src/api/types.ts";
import { groupCluster } from "./cluster-groups.ts";

const owner = (kind: string, uid: string): OwnerReference[] => [
  { apiVersion: "batch/v1", kind, name: uid, uid, controller: true },
];
const meta = (name: string, created: string, ownerReferences?: OwnerReference[]) => ({
  name,
  uid: name,
  creationTimestamp: `2026-01-05T00:00:${created}Z`,
  ownerReferences,
});
const job = (name: string, created: string, cron?: string): Job => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: meta(name, created, cron ? owner("CronJob", cron) : undefined),
  spec: { template: { spec: { containers: [] } } },
});
const pod = (name: string, created: string, jobUid?: string): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: meta(name, created, jobUid ? owner("Job", jobUid) : undefined),
  spec: { containers: [] },
});
const cron: CronJob = {
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: meta("nightly", "00"),
  spec: {
    schedule: "* * * * *",
    jobTemplate: { spec: { template: { spec: { containers: [] } } } },
  },
};

it("puts pods under their Job, Jobs under their CronJob; newest Job first", () => {
  const g = groupCluster(
    [
      pod("b-2", "09", "b"),
      pod("a-1", "02", "a"),
      pod("b-1", "08", "b"),
      pod("lone", "05"),
      pod("orphan", "01", "gone"),
    ],
    [job("a", "01"), job("b", "07"), job("nightly-1", "03", "nightly")],
    [cron],
  );
  const names = (ps: readonly Pod[]) => ps.map((p) => p.metadata.name);
  expect({
    cronjobs: g.cronjobs.map((c) => [
      c.cronjob.metadata.name,
      c.jobs.map((j) => j.job.metadata.name),
    ]),
    jobs: g.jobs.map((j) => [j.job.metadata.name, names(j.pods)]),
    pods: names(g.pods),
  }).toEqual({
    cronjobs: [["nightly", ["nightly-1"]]],
    jobs: [
      ["b", ["b-1", "b-2"]],
      ["a", ["a-1"]],
    ],
    pods: ["orphan", "lone"],
  });
});
