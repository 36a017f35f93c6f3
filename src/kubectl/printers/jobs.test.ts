import { describe, expect, it } from "vitest";
import type { Job } from "../../api/types.ts";
import { jobTable } from "./jobs.ts";
import { printTable } from "./table.ts";
import { at, failedJob, job, now, piJob } from "./test-fixtures.ts";

const workQueue: Job = job({
  name: "wq",
  uid: "aa000000-0000-4000-8000-000000000001",
  created: 30,
  spec: { parallelism: 3, completions: undefined },
  status: {
    startTime: at(30),
    active: 2,
    succeeded: 1,
    ready: 2,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
});
const suspended: Job = job({
  name: "sus",
  uid: "aa000000-0000-4000-8000-000000000002",
  spec: { suspend: true, completions: 5 },
  status: {
    conditions: [
      {
        type: "Suspended",
        status: "True",
        reason: "JobSuspended",
        message: "Job suspended",
        lastProbeTime: at(0),
        lastTransitionTime: at(0),
      },
    ],
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
});
const deadline: Job = job({
  name: "slow",
  uid: "aa000000-0000-4000-8000-000000000003",
  spec: { activeDeadlineSeconds: 15 },
  status: {
    conditions: [
      {
        type: "FailureTarget",
        status: "True",
        reason: "DeadlineExceeded",
        message: "Job was active longer than specified deadline",
        lastTransitionTime: at(15),
      },
    ],
    startTime: at(0),
    terminating: 1,
    ready: 0,
    uncountedTerminatedPods: {},
  },
});
const deleting: Job = {
  ...job({
    name: "gone",
    uid: "aa000000-0000-4000-8000-000000000004",
    status: { startTime: at(0), active: 1, ready: 1, terminating: 0 },
  }),
};
deleting.metadata = { ...deleting.metadata, deletionTimestamp: at(50) };
const met: Job = job({
  name: "met",
  uid: "aa000000-0000-4000-8000-000000000005",
  spec: { completions: 3, parallelism: 3 },
  status: {
    conditions: [
      {
        type: "SuccessCriteriaMet",
        status: "True",
        reason: "CompletionsReached",
        message: "Reached expected number of succeeded pods",
        lastTransitionTime: at(40),
      },
    ],
    startTime: at(0),
    succeeded: 3,
    terminating: 1,
    ready: 0,
  },
});

describe("kubectl get jobs (spec §7.1)", () => {
  it("prints STATUS in kubectl's order of precedence and the COMPLETIONS forms", () => {
    const table = jobTable(
      [piJob, failedJob, workQueue, suspended, deadline, deleting, met],
      now(60),
    );
    expect(printTable(table)).toBe(
      `NAME   STATUS          COMPLETIONS   DURATION   AGE
pi     Complete        1/1           12s        60s
fail   Failed          0/1           60s        60s
wq     Running         1/1 of 3      30s        30s
sus    Suspended       0/5                      60s
slow   FailureTarget   0/1           60s        60s
gone   Terminating     0/1           60s        60s
met    Running         3/3           60s        60s
`,
    );
  });

  it("keeps a work-queue Job's completions at 3/1 of 3 when all three pods succeed", () => {
    const done = { ...workQueue, status: { ...workQueue.status, active: 0, succeeded: 3 } };
    expect(printTable(jobTable([done], now(90)), { noHeaders: true })).toBe(
      "wq    Running   3/1 of 3   60s   60s\n",
    );
  });

  it("adds CONTAINERS IMAGES SELECTOR with -o wide", () => {
    expect(printTable(jobTable([piJob, failedJob], now(3600)), { wide: true })).toBe(
      `NAME   STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES         SELECTOR
pi     Complete   1/1           12s        60m   pi           perl:5.34.0    batch.kubernetes.io/controller-uid=5f1c3d2a-8b7e-4c1f-9a0d-2e6b7c8d9e0f
fail   Failed     0/1           60m        60m   fail         busybox:1.36   batch.kubernetes.io/controller-uid=0b7d9f4e-1c2a-4e3b-8f5d-6a7b8c9d0e1f
`,
    );
  });

  it("supports --no-headers, --show-labels, -L, --show-kind and -A", () => {
    expect(printTable(jobTable([piJob], now(60)), { noHeaders: true, showKind: true })).toBe(
      "job.batch/pi   Complete   1/1   12s   60s\n",
    );
    expect(
      printTable(jobTable([piJob], now(60)), {
        withNamespace: true,
        labelColumns: ["batch.kubernetes.io/job-name"],
        showLabels: true,
      }),
    ).toBe(
      `NAMESPACE   NAME   STATUS     COMPLETIONS   DURATION   AGE   JOB-NAME   LABELS
default     pi     Complete   1/1           12s        60s   pi         batch.kubernetes.io/controller-uid=5f1c3d2a-8b7e-4c1f-9a0d-2e6b7c8d9e0f,batch.kubernetes.io/job-name=pi,controller-uid=5f1c3d2a-8b7e-4c1f-9a0d-2e6b7c8d9e0f,job-name=pi
`,
    );
  });

  it("prints nothing for an empty list", () => {
    expect(printTable(jobTable([], now(0)))).toBe("");
  });
});
