import { describe, expect, it } from "vitest";
import type { CronJob } from "../../src/api/types.ts";
import { createCluster } from "../../src/cluster.ts";
import { ganttModel, MAX_JOB_LANES } from "./gantt.ts";
import { recordCluster } from "./history.ts";

const START = Date.parse("2026-01-05T00:00:00Z");

function everyMinute(limit: number) {
  const c = createCluster({ preloadedImages: ["busybox:1.36"] });
  const { history } = recordCluster(c);
  const cj: CronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "tick" },
    spec: {
      schedule: "* * * * *",
      successfulJobsHistoryLimit: limit,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "date"] }],
            },
          },
        },
      },
    },
  };
  c.api.create(cj);
  return { c, history };
}

describe("ganttModel with a long-running CronJob", () => {
  it("draws every Job while there are few", () => {
    const { c, history } = everyMinute(3);
    c.advanceTo(START + 30 * 60_000 + 5000);
    const m = ganttModel(history, c.now());
    expect(m.jobs).toHaveLength(30);
    expect(m.hiddenJobs).toBe(0);
    expect(m.from).toBe(START);
  });

  it("keeps the most recent Jobs' lanes, says how many it left out, and starts at the first shown", () => {
    const { c, history } = everyMinute(3);
    c.advanceTo(START + 200 * 60_000 + 5000);
    const m = ganttModel(history, c.now());
    expect(m.jobs).toHaveLength(MAX_JOB_LANES);
    expect(m.hiddenJobs).toBe(200 - MAX_JOB_LANES);
    // The newest Job is drawn; the first shown is the (200 - 60 + 1)th tick's.
    expect(m.jobs.at(-1)!.name).toBe(`tick-${(START + 200 * 60_000) / 60_000}`);
    expect(m.jobs[0].name).toBe(`tick-${(START + 141 * 60_000) / 60_000}`);
    expect(m.from).toBeGreaterThan(START + 140 * 60_000);
    expect(m.from).toBeLessThan(START + 141 * 60_000);
    // Every tick in the window is the Job it created, none "missed" at the window's edge.
    const ticks = m.cronjobs[0].ticks;
    expect(ticks).toHaveLength(MAX_JOB_LANES);
    expect(new Set(ticks.map((t) => t.kind))).toEqual(new Set(["created"]));
    // Only the shown Jobs' pods have rows.
    expect(m.jobs.every((j) => j.rows.length === 1)).toBe(true);
  });
});

describe("ganttModel: the Job controller's creation back-off", () => {
  it("labels the growing waits before each replacement, and the one running now", () => {
    const c = createCluster({ preloadedImages: ["busybox:1.36"] });
    const { history } = recordCluster(c);
    c.api.create({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "fail" },
      spec: {
        backoffLimit: 3,
        template: {
          spec: {
            restartPolicy: "Never",
            containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }],
          },
        },
      },
    });
    c.advanceTo(START + 35_000);
    const lane = ganttModel(history, c.now()).jobs[0];
    expect(lane.rows.map((r) => r.backoffBefore?.labelParams?.seconds)).toEqual([
      undefined,
      10,
      20,
    ]);
    // Three failures: the fourth pod may start 40 s after the third failed.
    expect(lane.pendingBackoff?.labelParams?.seconds).toBe(40);
  });
});
