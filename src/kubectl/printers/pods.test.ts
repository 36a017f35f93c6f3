import { describe, expect, it } from "vitest";
import type { Pod } from "../../api/types.ts";
import { podTable } from "./pods.ts";
import { printTable } from "./table.ts";
import { at, cs, job, now, pod } from "./test-fixtures.ts";

const onFailure = job({
  name: "loop",
  uid: "bb000000-0000-4000-8000-000000000001",
  restartPolicy: "OnFailure",
  command: ["sh", "-c", "exit 1"],
});
const term = (
  reason: string | undefined,
  exitCode: number,
  start: number,
  end: number,
  signal?: number,
) => ({
  terminated: {
    exitCode,
    ...(reason ? { reason } : {}),
    ...(signal ? { signal } : {}),
    startedAt: at(start),
    finishedAt: at(end),
    containerID: "containerd://x",
  },
});

const completed = pod({
  name: "pi-x7k2p",
  phase: "Succeeded",
  statuses: [cs("pi", term("Completed", 0, 2, 11))],
});
const running = pod({
  name: "pi-r9m4t",
  ready: true,
  statuses: [cs("pi", { running: { startedAt: at(2) } }, { ready: true })],
});
const crashLoop = pod({
  name: "loop-b8c2d",
  job: onFailure,
  statuses: [
    cs(
      "loop",
      {
        waiting: {
          reason: "CrashLoopBackOff",
          message: "back-off 20s restarting failed container=loop pod=loop-b8c2d_default(uid)",
        },
      },
      { restartCount: 3, lastState: term("Error", 1, 39, 40) },
    ),
  ],
});
const creating = pod({
  name: "pi-q5w8z",
  phase: "Pending",
  created: 58,
  statuses: [cs("pi", { waiting: { reason: "ContainerCreating" } })],
});
const failed = pod({
  name: "fail-h3j6k",
  phase: "Failed",
  statuses: [cs("fail", term("Error", 1, 2, 3))],
});
const pullBackOff = pod({
  name: "bad-image",
  phase: "Pending",
  statuses: [
    cs("bad", {
      waiting: { reason: "ImagePullBackOff", message: 'Back-off pulling image "busybox:nope"' },
    }),
  ],
});
const terminating: Pod = {
  ...pod({
    name: "slow-t4v7n",
    ready: true,
    statuses: [cs("slow", { running: { startedAt: at(2) } }, { ready: true })],
  }),
};
terminating.metadata = {
  ...terminating.metadata,
  deletionTimestamp: at(45),
  deletionGracePeriodSeconds: 30,
};

describe("kubectl get pods (spec §3.6)", () => {
  it("shows READY, STATUS and RESTARTS for the usual Job pod states", () => {
    const table = podTable(
      [completed, running, crashLoop, creating, failed, pullBackOff, terminating],
      now(60),
    );
    expect(printTable(table)).toBe(
      `NAME         READY   STATUS              RESTARTS      AGE
pi-x7k2p     0/1     Completed           0             60s
pi-r9m4t     1/1     Running             0             60s
loop-b8c2d   0/1     CrashLoopBackOff    3 (20s ago)   60s
pi-q5w8z     0/1     ContainerCreating   0             2s
fail-h3j6k   0/1     Error               0             60s
bad-image    0/1     ImagePullBackOff    0             60s
slow-t4v7n   1/1     Terminating         0             60s
`,
    );
  });

  it("adds IP NODE NOMINATED NODE READINESS GATES with -o wide", () => {
    const pending: Pod = pod({ name: "pi-q5w8z", phase: "Pending", statuses: [] });
    pending.spec = { ...pending.spec, nodeName: undefined };
    pending.status = { phase: "Pending", conditions: [] };
    expect(printTable(podTable([running, pending], now(150)), { wide: true })).toBe(
      `NAME       READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
pi-r9m4t   1/1     Running   0          2m30s   10.244.1.5   node-1   <none>           <none>
pi-q5w8z   0/1     Pending   0          2m30s   <none>       <none>   <none>           <none>
`,
    );
  });

  it("reports init containers as Init:<i>/<n>, Init:<reason>, Init:ExitCode and Init:Signal", () => {
    const withInit = job({ name: "idx", uid: "bb000000-0000-4000-8000-000000000002" });
    withInit.spec.template.spec.initContainers = [
      { name: "fetch", image: "busybox:1.36" },
      { name: "unpack", image: "busybox:1.36" },
    ];
    const initPod = (
      name: string,
      first: Parameters<typeof cs>[1],
      second?: Parameters<typeof cs>[1],
      restarts = 0,
    ): Pod =>
      pod({
        name,
        job: withInit,
        phase: "Pending",
        initialized: false,
        initStatuses: [
          cs("fetch", first, {
            restartCount: restarts,
            ...(restarts ? { lastState: term("Error", 2, 20, 30) } : {}),
          }),
          cs("unpack", second ?? { waiting: { reason: "PodInitializing" } }),
        ],
        statuses: [cs("idx", { waiting: { reason: "PodInitializing" } })],
      });
    const pods = [
      initPod("idx-a", { running: { startedAt: at(2) } }),
      initPod("idx-b", term("Completed", 0, 2, 3), { running: { startedAt: at(4) } }),
      initPod("idx-c", term("Error", 1, 2, 3)),
      initPod("idx-d", { waiting: { reason: "CrashLoopBackOff" } }, undefined, 2),
      initPod("idx-e", term(undefined, 3, 2, 3)),
      initPod("idx-f", term(undefined, 0, 2, 3), term(undefined, 137, 4, 5, 9)),
    ];
    expect(printTable(podTable(pods, now(60)))).toBe(
      `NAME    READY   STATUS                  RESTARTS      AGE
idx-a   0/1     Init:0/2                0             60s
idx-b   0/1     Init:1/2                0             60s
idx-c   0/1     Init:Error              0             60s
idx-d   0/1     Init:CrashLoopBackOff   2 (30s ago)   60s
idx-e   0/1     Init:ExitCode:3         0             60s
idx-f   0/1     Init:Signal:9           0             60s
`,
    );
  });

  it("lets the first container's state win and revives Completed when another container runs", () => {
    const two = job({ name: "two", uid: "bb000000-0000-4000-8000-000000000003" });
    two.spec.template.spec.containers = [
      { name: "a", image: "busybox:1.36" },
      { name: "b", image: "busybox:1.36" },
    ];
    const mk = (
      name: string,
      a: Parameters<typeof cs>[1],
      b: Parameters<typeof cs>[1],
      ready = false,
    ): Pod =>
      pod({
        name,
        job: two,
        ready,
        statuses: [cs("a", a, { ready: !!a.running }), cs("b", b, { ready: !!b.running })],
      });
    const pods = [
      mk("two-a", term("Completed", 0, 2, 9), { running: { startedAt: at(2) } }, true),
      mk("two-b", term("Completed", 0, 2, 9), { running: { startedAt: at(2) } }, false),
      mk("two-c", { waiting: { reason: "ErrImagePull" } }, term("OOMKilled", 137, 2, 9)),
      mk("two-d", term(undefined, 2, 2, 9), { running: { startedAt: at(2) } }),
      mk("two-e", { running: { startedAt: at(2) } }, term(undefined, 143, 2, 9, 15)),
    ];
    expect(printTable(podTable(pods, now(60)), { noHeaders: true })).toBe(
      `two-a   1/2   Running        0     60s
two-b   1/2   NotReady       0     60s
two-c   0/2   ErrImagePull   0     60s
two-d   1/2   ExitCode:2     0     60s
two-e   1/2   Signal:15      0     60s
`,
    );
  });

  it("starts from status.reason and shows Unknown for a deleted pod on a lost node", () => {
    const evicted = pod({ name: "ev-1", phase: "Failed", statuses: [] });
    evicted.status = {
      ...evicted.status,
      reason: "Evicted",
      message: "The node was low on resource: memory.",
    };
    const deadline = pod({
      name: "dl-1",
      phase: "Failed",
      statuses: [cs("pi", term("Error", 137, 2, 30))],
    });
    deadline.status = { ...deadline.status, reason: "DeadlineExceeded" };
    const lost = pod({
      name: "lost-1",
      ready: true,
      statuses: [cs("pi", { running: { startedAt: at(2) } }, { ready: true })],
    });
    lost.metadata = { ...lost.metadata, deletionTimestamp: at(50) };
    lost.status = { ...lost.status, reason: "NodeLost" };
    expect(printTable(podTable([evicted, deadline, lost], now(60)))).toBe(
      `NAME     READY   STATUS    RESTARTS   AGE
ev-1     0/1     Evicted   0          60s
dl-1     0/1     Error     0          60s
lost-1   1/1     Unknown   0          60s
`,
    );
  });

  it("counts restarts of a restartPolicy Always pod between runs (spec §3.3)", () => {
    const always = pod({
      name: "expr",
      statuses: [
        cs(
          "expr",
          { waiting: { reason: "CrashLoopBackOff" } },
          { restartCount: 5, lastState: term("Completed", 0, 150, 150) },
        ),
      ],
    });
    expect(printTable(podTable([always], now(300)), { noHeaders: true })).toBe(
      "expr   0/1   CrashLoopBackOff   5 (2m30s ago)   5m\n",
    );
  });
});
