import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster.ts";
import { complete } from "./complete.ts";
import { Session } from "./session.ts";

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo hi"]
      restartPolicy: Never
`;

function setup() {
  const cluster = createCluster();
  const s = new Session({ cluster, readFile: (p) => (p === "job.yaml" ? job : undefined) });
  s.exec("kubectl apply -f job.yaml");
  return cluster;
}

const at = (line: string, cluster = setup()) => complete(line, line.length, cluster);

describe("complete", () => {
  it("completes shell commands and kubectl verbs", () => {
    expect(at("ku")).toEqual({ from: 0, candidates: ["kubectl"] });
    expect(at("kubectl de")).toEqual({ from: 8, candidates: ["delete", "describe"] });
    expect(at("timeout 30s kubectl ge").candidates).toEqual(["get"]);
  });

  it("completes flags from the verb's registry entry", () => {
    expect(at("kubectl get --sh").candidates).toEqual(["--show-kind", "--show-labels"]);
    expect(at("kubectl logs -").candidates).toContain("--previous");
    expect(at("kubectl get pods -o ").candidates).toEqual([
      "custom-columns=",
      "json",
      "jsonpath-as-json=",
      "jsonpath=",
      "name",
      "wide",
      "yaml",
    ]);
    expect(at("kubectl patch job pi --type=m").candidates).toEqual(["--type=merge"]);
  });

  it("completes kinds and object names from the store", () => {
    expect(at("kubectl get jo").candidates).toEqual(["jobs"]);
    expect(at("kubectl describe job ").candidates).toEqual(["pi"]);
    expect(at("kubectl delete job/").candidates).toEqual(["job/pi"]);
    const pods = at("kubectl logs ").candidates;
    expect(pods).toHaveLength(3);
    expect(pods).toContain("job/");
    expect(at("kubectl create ").candidates).toEqual(["configmap", "cronjob", "job", "secret"]);
  });

  it("completes pipe filters", () => {
    expect(at("kubectl get pods | gr").candidates).toEqual(["grep"]);
  });
});
