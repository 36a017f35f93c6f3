import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster.ts";
import { Session } from "../kubectl/session.ts";

// The Kubernetes docs' memory-limit example (tasks/configure-pod-container/assign-memory-resource):
// stress allocates 250M under a 100Mi limit, is OOM-killed (exit 137), and restarts with back-off.
const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
    - name: memory-demo-2-ctr
      image: polinux/stress
      resources:
        requests:
          memory: "50Mi"
        limits:
          memory: "100Mi"
      command: ["stress"]
      args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

function run(lines: string[], files: Record<string, string>): string {
  const cluster = createCluster();
  const s = new Session({ cluster, readFile: (p) => files[p] });
  return lines
    .map(
      (l) =>
        `$ ${l}\n` +
        s
          .exec(l)
          .chunks.map((c) => c.text)
          .join(""),
    )
    .join("");
}

describe("OOMKilled", () => {
  it("a container over its memory limit is OOMKilled with exit code 137, then backs off", () => {
    expect(
      run(
        [
          "kubectl apply -f oom.yaml",
          "sleep 3s",
          "kubectl get pod memory-demo-2",
          "kubectl get pod memory-demo-2 -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}:{.status.containerStatuses[0].lastState.terminated.exitCode}",
        ],
        { "oom.yaml": manifest },
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f oom.yaml
      pod/memory-demo-2 created
      $ sleep 3s
      $ kubectl get pod memory-demo-2
      NAME            READY   STATUS             RESTARTS     AGE
      memory-demo-2   0/1     CrashLoopBackOff   1 (1s ago)   3s
      $ kubectl get pod memory-demo-2 -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}:{.status.containerStatuses[0].lastState.terminated.exitCode}
      OOMKilled:137"
    `);
  });

  it("the same stress under a large enough limit keeps running", () => {
    const roomy = manifest.replace('memory: "100Mi"', 'memory: "500Mi"');
    expect(
      run(["kubectl apply -f oom.yaml", "sleep 1m", "kubectl get pod memory-demo-2"], {
        "oom.yaml": roomy,
      }),
    ).toMatchInlineSnapshot(`
      "$ kubectl apply -f oom.yaml
      pod/memory-demo-2 created
      $ sleep 1m
      $ kubectl get pod memory-demo-2
      NAME            READY   STATUS    RESTARTS   AGE
      memory-demo-2   1/1     Running   0          60s
      "
    `);
  });
});
