import { createCluster, type Cluster, type ClusterOptions } from "../cluster.ts";
import type { Job } from "../api/types.ts";
import { Session } from "../kubectl/session.ts";

/**
 * A scenario for whole-output tests: a real cluster with a seed, in-memory manifest files and
 * the lab terminal. `run` takes lab-script lines (as `npm run lab` does) and returns the same
 * transcript the runner prints, so a test reads like a lesson transcript (STYLE.md habit 10).
 */
export class Scenario {
  readonly cluster: Cluster;
  readonly session: Session;

  constructor(
    readonly files: Record<string, string> = {},
    opts: ClusterOptions = {},
  ) {
    this.cluster = createCluster(opts);
    this.session = new Session({
      cluster: this.cluster,
      readFile: (p) => this.files[p.replace(/^\.\//, "")],
    });
  }

  run(script: string): string {
    let transcript = "";
    for (const raw of script.split("\n")) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      transcript += `$ ${line}\n`;
      for (const c of this.session.exec(line).chunks) transcript += c.text;
    }
    return transcript;
  }
}

export function scenario(files: Record<string, string> = {}, opts: ClusterOptions = {}): Scenario {
  return new Scenario(files, opts);
}

/** A Job manifest in YAML with a busybox `sh -c` container (most tests vary only these). */
export function jobYaml(name: string, spec: string, script: string, extraPod = ""): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${indent(spec, 2)}
  template:
    spec:
${indent(extraPod, 6)}
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", ${JSON.stringify(script)}]
`;
}

/** A bare Pod manifest with a busybox `sh -c` container; `extraSpec` goes under `spec:`. */
export function podYaml(name: string, script: string, extraSpec = ""): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${indent(extraSpec, 2)}
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(script)}]
`;
}

function indent(s: string, n: number): string {
  return s
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => " ".repeat(n) + l)
    .join("\n");
}

/** A Job's status as compact JSON lines (whole-output assertions on §2.10 serialisation). */
export function jobStatus(s: Scenario, name: string, ns = "default"): string {
  const job = s.cluster.store.get<Job>("Job", ns, name);
  return job ? JSON.stringify(job.status, null, 1).replace(/\n\s*/g, " ") : "<gone>";
}

/** Change a Job's spec through the API server (what `kubectl patch` does), then let controllers react. */
export function patchJob(s: Scenario, name: string, mutate: (spec: Job["spec"]) => void): void {
  const job = structuredClone(s.cluster.store.get<Job>("Job", "default", name)!);
  mutate(job.spec);
  s.cluster.api.update(job);
  s.cluster.settle();
}
