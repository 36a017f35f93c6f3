import { describe, expect, it } from "vitest";
import type { Job, Pod } from "../api/types.ts";
import { createCluster } from "../cluster.ts";
import { pickPod } from "./logs.ts";
import { text } from "./output.ts";
import { Session } from "./session.ts";

const START = Date.parse("2026-01-05T00:00:00Z");

const suspended = `apiVersion: batch/v1
kind: Job
metadata:
  name: later
spec:
  suspend: true
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "echo hello"]
`;

function setup() {
  const cluster = createCluster();
  const session = new Session({ cluster, readFile: (p) => ({ "job.yaml": suspended })[p] });
  session.exec("kubectl apply -f job.yaml");
  /** Another actor: resume the Job through the API server, as `kubectl patch` would. */
  const resume = () => {
    const job = structuredClone(cluster.store.get<Job>("Job", "default", "later")!);
    job.spec.suspend = false;
    cluster.api.update(job);
  };
  return { cluster, session, resume };
}

/** Seconds of virtual time since the cluster started, for each chunk. */
const at = (chunks: { at?: number }[]) => chunks.map((c) => (c.at! - START) / 1000);

describe("kubectl logs job/NAME before the Job has a pod (GetFirstPod's watch, spec §7.5)", () => {
  it("waits --pod-running-timeout (20 s) of virtual time, then times out", () => {
    const { cluster, session } = setup();
    const run = session.start("kubectl logs job/later");
    expect(run.done).toBe(false);
    expect(run.endless).toBe(false);
    expect(run.wakeAt()).toBe(START + 20_000);
    cluster.advance(19_999);
    expect(run.poll()).toBe(false);
    expect(run.drive()).toBe(true);
    const r = run.result();
    expect({ out: text(r), code: r.exitCode, at: at(r.chunks) }).toEqual({
      out: "error: timed out waiting for the condition\n",
      code: 1,
      at: [20],
    });
  });

  it("honours --pod-running-timeout, also with -f", () => {
    const { cluster, session } = setup();
    const r = session.exec("kubectl logs -f job/later --pod-running-timeout=5s");
    expect(text(r)).toBe("error: timed out waiting for the condition\n");
    expect(cluster.now() - START).toBe(5_000);
  });

  it("reads the first pod that appears during the wait, without waiting for it to run", () => {
    const { cluster, session, resume } = setup();
    const run = session.start("kubectl logs job/later");
    cluster.advance(4_000);
    expect(run.poll()).toBe(false);
    resume();
    expect(run.drive()).toBe(true);
    const r = run.result();
    const pod = cluster.store.list("Pod")[0].metadata.name;
    // The pod exists from the instant of the resume: kubectl asks for its logs at once and the
    // kubelet answers that the container has not started (no "Found N pods" line: one pod).
    expect({ out: text(r), code: r.exitCode, at: at(r.chunks) }).toEqual({
      out: `Error from server (BadRequest): container "main" in pod "${pod}" is waiting to start: ContainerCreating\n`,
      code: 1,
      at: [4],
    });
  });

  it("prints the logs when the pod has already written them by the time it is polled", () => {
    const { cluster, session, resume } = setup();
    // The browser polls once per clock frame: a frame long enough to run the whole pod.
    const run = session.start("kubectl logs job/later");
    resume();
    cluster.advance(10_000);
    expect(run.poll()).toBe(true);
    expect(text(run.result())).toBe("hello\n");
    expect(run.result().exitCode).toBe(0);
  });

  it("stops on Ctrl+C with exit status 130 and no output", () => {
    const { session } = setup();
    const ctl = new AbortController();
    const run = session.start("kubectl logs -f job/later", { signal: ctl.signal });
    ctl.abort();
    expect(run.done).toBe(true);
    expect(run.result()).toEqual({ chunks: [], exitCode: 130 });
  });

  it("bounds an unlimited wait (--pod-running-timeout=0) like other commands that never end", () => {
    const { session } = setup();
    const run = session.start("kubectl logs job/later --pod-running-timeout=0");
    expect(run.wakeAt()).toBeUndefined();
    expect(run.drive(60_000)).toBe(false);
    run.interrupt();
    expect(run.result().exitCode).toBe(130);
  });
});

describe("pickPod (kubectl's podutils.ByLogging)", () => {
  const pod = (
    name: string,
    o: { node?: string; phase?: string; readyAt?: string; restarts?: number[]; created?: string },
  ): Pod =>
    ({
      kind: "Pod",
      metadata: { name, creationTimestamp: o.created ?? "2026-01-05T00:00:00Z" },
      spec: { nodeName: o.node ?? "node-1", containers: [] },
      status: {
        phase: o.phase ?? "Running",
        conditions: o.readyAt
          ? [{ type: "Ready", status: "True", lastTransitionTime: o.readyAt }]
          : [{ type: "Ready", status: "False" }],
        containerStatuses: (o.restarts ?? [0]).map((n, i) => ({ name: `c${i}`, restartCount: n })),
      },
    }) as unknown as Pod;
  const pick = (...pods: Pod[]) => pickPod(pods)?.metadata.name;

  it("prefers a scheduled pod, then Running/finished over Unknown over Pending", () => {
    expect(pick(pod("a", { node: "" }), pod("b", {}))).toBe("b");
    expect(pick(pod("a", { phase: "Pending" }), pod("b", { phase: "Unknown" }))).toBe("b");
    expect(pick(pod("a", { phase: "Unknown" }), pod("b", { phase: "Failed" }))).toBe("b");
  });

  it("prefers a ready pod, ready for longer, before counting restarts", () => {
    expect(pick(pod("a", { restarts: [3] }), pod("b", { readyAt: "2026-01-05T00:01:00Z" }))).toBe(
      "b",
    );
    expect(
      pick(
        pod("a", { readyAt: "2026-01-05T00:02:00Z", restarts: [4] }),
        pod("b", { readyAt: "2026-01-05T00:01:00Z" }),
      ),
    ).toBe("b");
  });

  it("then the most restarts of one container, then the oldest", () => {
    expect(pick(pod("a", { restarts: [1, 1] }), pod("b", { restarts: [0, 2] }))).toBe("b");
    expect(
      pick(
        pod("a", { created: "2026-01-05T00:00:09Z" }),
        pod("b", { created: "2026-01-05T00:00:01Z" }),
      ),
    ).toBe("b");
  });
});
