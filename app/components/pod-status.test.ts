import { describe, expect, it } from "vitest";
import type { ContainerState, Job, Pod, PodPhase } from "../../src/api/types.ts";
import { jobView, podView, statusTone } from "./pod-status.ts";

const NOW = Date.parse("2026-01-05T00:02:00Z");

/** A Job's pod as the API server would hold it, with one container in `state`. */
function pod(
  phase: PodPhase,
  state: ContainerState | undefined,
  extra: Partial<Pod["metadata"]> = {},
  restartCount = 0,
  lastState: ContainerState = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "sum-x7k2p",
      namespace: "default",
      creationTimestamp: "2026-01-05T00:00:30Z",
      ...extra,
    },
    spec: {
      restartPolicy: "Never",
      nodeName: state ? "node-1" : undefined,
      containers: [{ name: "calc", image: "busybox:1.36" }],
    },
    status: {
      phase,
      containerStatuses: state
        ? [
            {
              name: "calc",
              state,
              lastState,
              ready: !!state.running,
              restartCount,
              image: "busybox:1.36",
              imageID: "",
            },
          ]
        : undefined,
    },
  };
}

describe("podView: kubectl's STATUS, with a tone for colour and glyph", () => {
  it("covers the life of a Job's pod", () => {
    const rows = [
      pod("Pending", undefined),
      pod("Pending", { waiting: { reason: "ContainerCreating" } }),
      pod("Running", { running: { startedAt: "2026-01-05T00:00:40Z" } }),
      pod("Succeeded", { terminated: { exitCode: 0, reason: "Completed" } }),
      pod("Failed", { terminated: { exitCode: 1, reason: "Error" } }),
      pod("Running", { waiting: { reason: "CrashLoopBackOff" } }, {}, 3, {
        terminated: { exitCode: 1, reason: "Error", finishedAt: "2026-01-05T00:01:30Z" },
      }),
      pod("Pending", { waiting: { reason: "ErrImagePull" } }),
      pod("Pending", { waiting: { reason: "ImagePullBackOff" } }),
      pod("Running", { running: {} }, { deletionTimestamp: "2026-01-05T00:01:59Z" }),
    ].map((p) => podView(p, NOW));
    expect(rows.map((r) => [r.status, r.tone, r.restarts, r.node ?? "-", r.age])).toEqual([
      ["Pending", "pending", 0, "-", "90s"],
      ["ContainerCreating", "pending", 0, "node-1", "90s"],
      ["Running", "running", 0, "node-1", "90s"],
      ["Completed", "succeeded", 0, "node-1", "90s"],
      ["Error", "failed", 0, "node-1", "90s"],
      ["CrashLoopBackOff", "warning", 3, "node-1", "90s"],
      ["ErrImagePull", "warning", 0, "node-1", "90s"],
      ["ImagePullBackOff", "warning", 0, "node-1", "90s"],
      ["Terminating", "terminating", 0, "node-1", "90s"],
    ]);
  });

  it("tones reasons kubectl prints that are not in the table above", () => {
    expect(
      [
        "ExitCode:2",
        "Signal:9",
        "OOMKilled",
        "DeadlineExceeded",
        "Init:0/1",
        "Init:Error",
        "Init:CrashLoopBackOff",
        "NotReady",
        "Evicted",
      ].map((s) => [s, statusTone(s)]),
    ).toEqual([
      ["ExitCode:2", "failed"],
      ["Signal:9", "failed"],
      ["OOMKilled", "failed"],
      ["DeadlineExceeded", "failed"],
      ["Init:0/1", "pending"],
      ["Init:Error", "failed"],
      ["Init:CrashLoopBackOff", "warning"],
      ["NotReady", "pending"],
      ["Evicted", "failed"],
    ]);
  });
});

describe("jobView", () => {
  const job = (status: Job["status"], spec: Partial<Job["spec"]> = {}, deleting = false): Job => ({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "sum", ...(deleting ? { deletionTimestamp: "2026-01-05T00:01:00Z" } : {}) },
    spec: {
      backoffLimit: 6,
      completions: 5,
      parallelism: 2,
      template: { spec: { containers: [] } },
      ...spec,
    },
    status,
  });
  const cond = (type: string) => ({ conditions: [{ type, status: "True" as const }] });

  it("shows STATUS, COMPLETIONS and failures against backoffLimit", () => {
    const views = [
      job({ active: 2, succeeded: 1, failed: 1 }),
      job({ ...cond("Complete"), succeeded: 5 }),
      job({ ...cond("Failed"), failed: 3 }, { backoffLimit: 2 }),
      job({ ...cond("Suspended") }, { suspend: true }),
      job({ active: 1 }, {}, true),
      job({ active: 1 }, { completions: undefined, parallelism: 3 }),
    ].map(jobView);
    expect(
      views.map((v) => [
        v.status,
        v.tone,
        v.completions,
        v.succeeded,
        v.target,
        v.failed,
        v.backoffLimit,
        v.active,
      ]),
    ).toEqual([
      ["Running", "running", "1/5", 1, 5, 1, 6, 2],
      ["Complete", "succeeded", "5/5", 5, 5, 0, 6, 0],
      ["Failed", "failed", "0/5", 0, 5, 3, 2, 0],
      ["Suspended", "pending", "0/5", 0, 5, 0, 6, 0],
      ["Terminating", "terminating", "0/5", 0, 5, 0, 6, 1],
      ["Running", "running", "0/1 of 3", 0, 1, 0, 6, 1],
    ]);
  });
});
