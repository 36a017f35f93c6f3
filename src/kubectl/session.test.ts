import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster.ts";
import { text, type Chunk } from "./output.ts";
import { Session } from "./session.ts";

const job = (name: string, cmd: string, restart = "Never") => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: ${restart}
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "${cmd}"]
`;

const files: Record<string, string> = {
  "ok.yaml": job("ok", "echo one; sleep 3; echo two"),
  "slow.yaml": job("slow", "sleep 600"),
};

function setup(editor = false) {
  const cluster = createCluster();
  const session = new Session({ cluster, readFile: (p) => files[p], editor });
  return { cluster, session };
}

describe("Session", () => {
  it("streams get -w rows as virtual time passes, stamped, until Ctrl+C", () => {
    const { cluster, session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    const seen: Chunk[] = [];
    const run = session.start("kubectl get jobs -w", { onChunk: (c) => seen.push(c) });
    expect(run.done).toBe(false);
    expect(run.endless).toBe(true);
    cluster.advance(10_000);
    run.poll();
    run.interrupt();
    expect(run.done).toBe(true);
    expect(run.result().exitCode).toBe(130);
    expect(text(run.result())).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\n" +
        "ok     Running   0/1           0s         0s\n" +
        "ok     Running   0/1           2s         2s\n" +
        "ok     Complete   1/1           5s         5s\n",
    );
    expect(seen.map((c) => c.at! - Date.parse("2026-01-05T00:00:00Z"))).toEqual([0, 2534, 5534]);
  });

  it("interrupts through an AbortSignal", () => {
    const { session } = setup();
    const ctl = new AbortController();
    const run = session.start("kubectl get pods -w", { signal: ctl.signal });
    ctl.abort();
    expect(run.done).toBe(true);
    expect(run.result().exitCode).toBe(130);
  });

  it("bounds a watch with timeout in scripts (exit 124)", () => {
    const { session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    const r = session.exec("timeout 2s kubectl get pods -w");
    expect(r.exitCode).toBe(124);
    expect(session.exec("date").chunks[0].text).toBe("Mon Jan  5 00:00:02 UTC 2026\n");
  });

  it("says how to bound an unbounded watch in a script", () => {
    const { session } = setup();
    expect(text(session.exec("kubectl get pods -w"))).toBe(
      "lab: this command runs until Ctrl+C; in a script, bound it: timeout 30s kubectl get pods -w\n",
    );
  });

  it("follows logs until the container ends", () => {
    const { session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    session.exec("kubectl wait --for=jsonpath={.status.phase}=Running pod -l job-name=ok");
    const r = session.exec("kubectl logs -f job/ok");
    expect(text(r)).toBe("one\ntwo\n");
    // "two" is written when the container writes it, 3 virtual seconds after "one".
    expect(r.chunks.map((c) => c.at! - r.chunks[0].at!)).toEqual([0, 3000]);
  });

  it("waits in virtual time and times out like kubectl", () => {
    const { session } = setup();
    session.exec("kubectl apply -f slow.yaml");
    const r = session.exec("kubectl wait --for=condition=complete job/slow --timeout=15s");
    expect(r.exitCode).toBe(1);
    expect(text(r)).toBe("error: timed out waiting for the condition on jobs/slow\n");
    expect(text(session.exec("date"))).toBe("Mon Jan  5 00:00:15 UTC 2026\n");
  });

  it("pipes into grep, head, tail, wc and sort", () => {
    const { session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    session.exec("kubectl apply -f slow.yaml");
    expect(text(session.exec("kubectl get jobs --no-headers | wc -l"))).toBe("2\n");
    expect(text(session.exec("kubectl get jobs | grep -c slow"))).toBe("1\n");
    expect(text(session.exec("kubectl get jobs -o name | sort -r | head -n 1"))).toBe(
      "job.batch/slow\n",
    );
    expect(session.exec("kubectl get jobs | grep nothing").exitCode).toBe(1);
    expect(text(session.exec("kubectl get jobs | awk '{print $1}'"))).toBe(
      "sh: awk: not available in this lab (pipes work into grep, head, tail, wc and sort)\n",
    );
  });

  it("closes a watch when head has its lines", () => {
    const { session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    const r = session.exec("timeout 1m kubectl get pods -w | head -n 2");
    expect(text(r).split("\n")).toHaveLength(3);
    expect(text(session.exec("date"))).toBe("Mon Jan  5 00:00:00 UTC 2026\n");
  });

  it("flags clear for the terminal and refuses other commands clearly", () => {
    const { session } = setup();
    expect(session.exec("clear")).toEqual({ chunks: [], exitCode: 0, clear: true });
    expect(text(session.exec("ls -la"))).toBe(
      "sh: ls: not available in this lab (type 'help' for what is)\n",
    );
  });

  it("opens kubectl edit in the editor and saves through the API server", () => {
    const { session } = setup(true);
    session.exec("kubectl apply -f ok.yaml");
    const r = session.exec("kubectl edit job/ok");
    expect(r.edit?.ref).toBe("job.batch/ok");
    expect(r.edit?.yaml.startsWith("# Please edit the object below.")).toBe(true);
    const req = r.edit!;
    expect(text(session.saveEdit(req, req.yaml))).toBe("Edit cancelled, no changes made.\n");
    const edited = req.yaml.replace("backoffLimit: 1", "backoffLimit: 3");
    expect(text(session.saveEdit(req, edited))).toBe("job.batch/ok edited\n");
    const bad = req.yaml.replace("image: busybox:1.36", "image: busybox:1.37");
    expect(text(session.saveEdit(req, bad))).toMatch(
      /^error: jobs.batch "ok" is invalid\nThe Job "ok" is invalid: spec.template: Invalid value: .*: field is immutable\n$/,
    );
  });

  it("explains kubectl edit in a script", () => {
    const { session } = setup();
    session.exec("kubectl apply -f ok.yaml");
    expect(text(session.exec("kubectl edit job ok"))).toBe(
      "error: kubectl edit needs an editor: in the lab's terminal it opens job.batch/ok in the YAML editor; in a script, change it with kubectl patch or kubectl apply\n",
    );
  });

  it("prints watch frames every interval", () => {
    const { session } = setup();
    const r = session.exec("timeout 5s watch -n 2 date");
    expect(r.chunks.filter((c) => c.frame)).toHaveLength(3);
    expect(r.chunks[0].text).toBe(
      "Every 2.0s: date                             batch-lab: Mon Jan  5 00:00:00 2026\n\nMon Jan  5 00:00:00 UTC 2026\n",
    );
  });
});
