import { describe, expect, it } from "vitest";
import { createCluster } from "./cluster.ts";
import type { Job, Pod } from "./api/types.ts";
import { Session } from "./kubectl/session.ts";

const JOB = (name: string, extra = "", cmd = "sleep 60") => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec: {${extra}template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "${cmd}"]}]}}}
`;

function lab() {
  const cluster = createCluster({ seed: 1 });
  const files: Record<string, string> = {};
  const session = new Session({ cluster, readFile: (p) => files[p] });
  const run = (line: string) => {
    const r = session.exec(line);
    return r.chunks.map((c) => c.text).join("");
  };
  const pods = (job: string) =>
    cluster.store
      .list<Pod>("Pod")
      .filter((p) => p.metadata.name!.startsWith(job + "-"))
      .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1))
      .map(
        (p) =>
          `${p.spec.nodeName ?? "-"} ${p.status?.phase}${p.metadata.deletionTimestamp ? " (deleting)" : ""}`,
      );
  const job = (name: string) => cluster.store.get<Job>("Job", "default", name)!;
  return { cluster, files, run, pods, job };
}

describe("lab fault", () => {
  it("kill: the container exits 137, the pod fails and the Job replaces it", () => {
    const { cluster, files, run, pods, job } = lab();
    files["j.yaml"] = JOB("k");
    run("kubectl apply -f j.yaml");
    cluster.advance(5000);
    const name = cluster.store.list<Pod>("Pod")[0].metadata.name!;
    expect(run(`lab fault kill pod/${name}`)).toBe(
      `pod/${name}: containers killed (exit code 137)\n`,
    );
    const killed = cluster.store.get<Pod>("Pod", "default", name)!;
    expect(killed.status?.containerStatuses?.[0].state.terminated).toMatchObject({
      exitCode: 137,
      reason: "Error",
    });
    cluster.advance(15_000); // 1 s sync + 10 s creation back-off
    expect(job("k").status?.failed).toBe(1);
    expect(pods("k")).toEqual(["node-1 Failed", "node-1 Running"]);
  });

  it("exit: the next N runs of a Job's pods exit with the code", () => {
    const { cluster, files, run, job } = lab();
    files["j.yaml"] = JOB("x", "backoffLimit: 5, ", "sleep 5");
    run("kubectl apply -f j.yaml");
    expect(run("lab fault exit job/x --runs=2 --exit-code=3 --after=2s")).toBe(
      "job/x: the next 2 container runs exit with code 3 after 2s\n",
    );
    cluster.advance(120_000);
    const codes = cluster.store
      .list<Pod>("Pod")
      .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1))
      .map((p) => p.status?.containerStatuses?.[0].state.terminated?.exitCode);
    expect(codes).toEqual([3, 3, 0]);
    expect(job("x").status?.succeeded).toBe(1);
    expect(run("lab fault list")).toBe("no faults armed\n");
  });

  it("node NotReady: taints, evicts after tolerationSeconds 300 and the Job replaces the pod", () => {
    const { cluster, files, run, pods, job } = lab();
    files["j.yaml"] = JOB("nr", "", "sleep 3600");
    run("kubectl apply -f j.yaml");
    cluster.advance(5000);
    expect(pods("nr")).toEqual(["node-1 Running"]);
    expect(run("lab fault node node-1 NotReady")).toBe("node/node-1: NotReady\n");
    expect(run("kubectl get nodes")).toMatch(/node-1\s+NotReady/);
    cluster.advance(299_000);
    expect(pods("nr")).toEqual(["node-1 Running"]);
    cluster.advance(3000);
    // A deleted pod counts as failed at once; its replacement waits out the 10 s back-off (§2.5).
    expect(pods("nr")).toEqual(["node-1 Running (deleting)"]);
    expect(job("nr").status?.failed).toBe(1);
    cluster.advance(10_000);
    expect(pods("nr")).toEqual(["node-1 Running (deleting)", "node-2 Running"]);
    expect(run("kubectl get events --field-selector reason=TaintManagerEviction")).toMatch(
      /Marking for deletion Pod default\/nr-/,
    );
    cluster.advance(60_000);
    expect(pods("nr")).toEqual(["node-2 Running"]);
    run("lab fault node node-1 Ready");
    expect(run("kubectl get nodes")).toMatch(/node-1\s+Ready/);
  });

  it("slow-pulls stretches image pulls; the lesson hook takes precedence", () => {
    const a = lab();
    a.files["j.yaml"] = JOB("s", "", "true");
    a.run("lab fault slow-pulls 100");
    a.run("kubectl apply -f j.yaml");
    a.cluster.advance(10_000);
    expect(a.pods("s")).toEqual(["node-1 Pending"]);
    a.cluster.advance(120_000);
    expect(a.pods("s")).toEqual(["node-1 Succeeded"]);

    const b = lab();
    b.cluster.setContainerFault(() => ({ exitCode: 42, afterMs: 0 }));
    b.files["j.yaml"] = JOB("h", "backoffLimit: 0, ");
    b.run("kubectl apply -f j.yaml");
    b.cluster.advance(20_000);
    expect(
      b.cluster.store.list<Pod>("Pod")[0].status?.containerStatuses?.[0].state.terminated?.exitCode,
    ).toBe(42);
  });

  it("usage errors say what is wrong", () => {
    const { run } = lab();
    expect(run("lab fault kill pod/nope")).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(run("lab fault frobnicate")).toMatch(
      /^lab fault: unknown fault "frobnicate"\nUsage: lab fault/,
    );
  });
});
