import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster.ts";
import { complete } from "./complete.ts";
import { Session } from "./session.ts";

const files: Record<string, string> = {
  "job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  labels:
    app: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 600"]
`,
};

/** A cluster with Job `pi` (one running pod) and a terminal; `run` returns the transcript. */
function setup() {
  const cluster = createCluster();
  const session = new Session({ cluster, readFile: (p) => files[p] });
  session.exec("kubectl apply -f job.yaml");
  session.exec("sleep 3s");
  const run = (script: string) =>
    script
      .trim()
      .split("\n")
      .map((l) => l.trim())
      .map((line) => {
        const r = session.exec(line);
        return `$ ${line}\n${r.chunks.map((c) => c.text).join("")}${r.exitCode ? `[exit ${r.exitCode}]\n` : ""}`;
      })
      .join("");
  return { cluster, run };
}

describe("kubectl label", () => {
  it("adds, overwrites, removes and reports what changed (label.go updateDataChangeMsg)", () => {
    const { run } = setup();
    expect(
      run(`
        kubectl label job pi team=blue
        kubectl label job/pi team=red
        kubectl label job/pi team=red app=web
        kubectl label job/pi team=red --overwrite
        kubectl label job/pi team=red
        kubectl label jobs pi team- tier=gold
        kubectl label job pi tier-
        kubectl label job pi tier-
        kubectl get jobs --show-labels
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl label job pi team=blue
      job.batch/pi labeled
      $ kubectl label job/pi team=red
      error: 'team' already has a value (blue), and --overwrite is false
      [exit 1]
      $ kubectl label job/pi team=red app=web
      'team' already has a value (blue), and --overwrite is false
      'app' already has a value (pi), and --overwrite is false
      [exit 1]
      $ kubectl label job/pi team=red --overwrite
      job.batch/pi labeled
      $ kubectl label job/pi team=red
      job.batch/pi not labeled
      $ kubectl label jobs pi team- tier=gold
      job.batch/pi label(s) changed
      $ kubectl label job pi tier-
      job.batch/pi unlabeled
      $ kubectl label job pi tier-
      label "tier" not found.
      job.batch/pi not labeled
      $ kubectl get jobs --show-labels
      NAME   STATUS    COMPLETIONS   DURATION   AGE   LABELS
      pi     Running   0/1           3s         3s    app=pi
      "
    `);
  });

  it("labels the Job's pods by selector, lists labels, and never writes on a dry run", () => {
    const { run } = setup();
    expect(
      run(`
        kubectl label pods -l job-name=pi owner=me
        kubectl label pods --all owner=you --overwrite --dry-run=client
        kubectl label pods --all owner=you --overwrite --dry-run=server -o name
        kubectl label pods --all --list
        kubectl label job pi --list
        kubectl label pods -l job-name=nothing a=b
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl label pods -l job-name=pi owner=me
      pod/pi-rg26b labeled
      $ kubectl label pods --all owner=you --overwrite --dry-run=client
      pod/pi-rg26b labeled (dry run)
      $ kubectl label pods --all owner=you --overwrite --dry-run=server -o name
      pod/pi-rg26b
      $ kubectl label pods --all --list
      Listing labels for Pod./pi-rg26b:
       batch.kubernetes.io/controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
       batch.kubernetes.io/job-name=pi
       controller-uid=3c7b9b06-776d-41df-baf7-89922b3c6550
       job-name=pi
       owner=me
      $ kubectl label job pi --list
      app=pi
      $ kubectl label pods -l job-name=nothing a=b
      "
    `);
  });

  it("prints the object it built for -o (old resourceVersion), honours --resource-version", () => {
    const { cluster, run } = setup();
    const rv = () => cluster.store.get("Job", "default", "pi")!.metadata.resourceVersion!;
    const first = rv();
    const t1 = run(`kubectl label job pi c=d --resource-version=${first}`);
    const second = rv();
    const t2 = run(`
      kubectl label job pi e=f --resource-version=${first}
      kubectl label job pi a=b -o jsonpath='{.metadata.resourceVersion}{"\\n"}'
      kubectl annotate job pi a=b -o jsonpath='{.metadata.resourceVersion}{"\\n"}'
    `);
    expect(second).not.toBe(first);
    expect(
      (t1 + t2)
        .replaceAll(first, "<first>")
        .replaceAll(second, "<second>")
        .replaceAll(rv(), "<third>"),
    ).toMatchInlineSnapshot(`
      "$ kubectl label job pi c=d --resource-version=<first>
      job.batch/pi labeled
      $ kubectl label job pi e=f --resource-version=<first>
      Error from server (Conflict): Operation cannot be fulfilled on jobs.batch "pi": the object has been modified; please apply your changes to the latest version and try again
      [exit 1]
      $ kubectl label job pi a=b -o jsonpath='{.metadata.resourceVersion}{"\\n"}'
      <second>
      $ kubectl annotate job pi a=b -o jsonpath='{.metadata.resourceVersion}{"\\n"}'
      <third>
      "
    `);
  });

  it("rejects what kubectl rejects, with kubectl's and the API server's words", () => {
    const { run } = setup();
    expect(
      run(`
        kubectl label
        kubectl label pods
        kubectl label pods a=b
        kubectl label pods a=b extra
        kubectl label pods x k=1 k-
        kubectl label pods x k=a=b
        kubectl label pods x k=-bad
        kubectl label pods x --all -l a=b c=d
        kubectl label pods x -l a=b c=d
        kubectl label pods x --list -o yaml
        kubectl label pods x y a=b
        kubectl label jobs --all a=b --resource-version=1
        kubectl label job pi a=b --resource-version=1
        kubectl label job pi app=x team=y --overwrite
        kubectl label job pi app=z team=z
        kubectl label job pi "bad key=1"
        kubectl label job pi a=b --dry-run=maybe
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl label
      error: one or more resources must be specified as <resource> <name> or <resource>/<name>
      [exit 1]
      $ kubectl label pods
      error: at least one label update is required
      [exit 1]
      $ kubectl label pods a=b
      error: resource(s) were provided, but no name was specified
      [exit 1]
      $ kubectl label pods a=b extra
      error: all resources must be specified before label changes: extra
      [exit 1]
      $ kubectl label pods x k=1 k-
      error: can not both modify and remove a label in the same command
      [exit 1]
      $ kubectl label pods x k=a=b
      error: invalid label spec: k=a=b
      [exit 1]
      $ kubectl label pods x k=-bad
      error: invalid label value: "k=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      [exit 1]
      $ kubectl label pods x --all -l a=b c=d
      error: cannot set --all and --selector at the same time
      [exit 1]
      $ kubectl label pods x -l a=b c=d
      error: name cannot be provided when a selector is specified
      [exit 1]
      $ kubectl label pods x --list -o yaml
      error: --list and --output may not be specified together
      [exit 1]
      $ kubectl label pods x y a=b
      Error from server (NotFound): pods "x" not found
      Error from server (NotFound): pods "y" not found
      [exit 1]
      $ kubectl label jobs --all a=b --resource-version=1
      error: --resource-version may only be used with a single resource
      [exit 1]
      $ kubectl label job pi a=b --resource-version=1
      Error from server (Conflict): Operation cannot be fulfilled on jobs.batch "pi": the object has been modified; please apply your changes to the latest version and try again
      [exit 1]
      $ kubectl label job pi app=x team=y --overwrite
      job.batch/pi labeled
      $ kubectl label job pi app=z team=z
      'app' already has a value (x), and --overwrite is false
      'team' already has a value (y), and --overwrite is false
      [exit 1]
      $ kubectl label job pi "bad key=1"
      The Job "pi" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      [exit 1]
      $ kubectl label job pi a=b --dry-run=maybe
      error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
      [exit 1]
      "
    `);
  });
});

describe("kubectl annotate", () => {
  it("always says annotated; --overwrite guards changed values only", () => {
    const { run } = setup();
    expect(
      run(`
        kubectl annotate job pi note=hello
        kubectl annotate job pi note=hello
        kubectl annotate job pi note=bye other=x
        kubectl annotate job pi note=bye --overwrite
        kubectl annotate job pi kubernetes.io/change-cause=first
        kubectl annotate job pi kubernetes.io/change-cause=second
        kubectl annotate job pi --list
        kubectl annotate job pi note- missing-
        kubectl annotate pods -l job-name=pi --list
        kubectl annotate job pi a=1 a- b=2 b-
        kubectl annotate job pi "Bad Key=1"
        kubectl annotate job pi x=y -o jsonpath='{.metadata.annotations.x}{"\\n"}'
        kubectl annotate job pi y=z -o jsonpath='{.metadata.annotations[}'
        kubectl label job pi y=z -o jsonpath='{.metadata.labels[}'
        kubectl get job pi -o jsonpath='{.metadata.labels.y}{"\\n"}'
        kubectl label job pi w=v -o foo
        kubectl annotate job pi w=v -o foo
      `),
    ).toMatchInlineSnapshot(`
      "$ kubectl annotate job pi note=hello
      job.batch/pi annotated
      $ kubectl annotate job pi note=hello
      job.batch/pi annotated
      $ kubectl annotate job pi note=bye other=x
      error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)
      [exit 1]
      $ kubectl annotate job pi note=bye --overwrite
      job.batch/pi annotated
      $ kubectl annotate job pi kubernetes.io/change-cause=first
      job.batch/pi annotated
      $ kubectl annotate job pi kubernetes.io/change-cause=second
      job.batch/pi annotated
      $ kubectl annotate job pi --list
      kubectl.kubernetes.io/last-applied-configuration={"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"labels":{"app":"pi"},"name":"pi","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"command":["sh","-c","sleep 600"],"image":"busybox:1.36","name":"main"}],"restartPolicy":"Never"}}}}

      kubernetes.io/change-cause=second
      note=bye
      $ kubectl annotate job pi note- missing-
      job.batch/pi annotated
      $ kubectl annotate pods -l job-name=pi --list
      Listing annotations for Pod./pi-rg26b:
      $ kubectl annotate job pi a=1 a- b=2 b-
      error: can not both modify and remove the following annotation(s) in the same command: a, b
      [exit 1]
      $ kubectl annotate job pi "Bad Key=1"
      The Job "pi" is invalid: metadata.annotations: Invalid value: "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      [exit 1]
      $ kubectl annotate job pi x=y -o jsonpath='{.metadata.annotations.x}{"\\n"}'
      y
      $ kubectl annotate job pi y=z -o jsonpath='{.metadata.annotations[}'
      error: error parsing jsonpath {.metadata.annotations[}, unterminated array
      [exit 1]
      $ kubectl label job pi y=z -o jsonpath='{.metadata.labels[}'
      error: error parsing jsonpath {.metadata.labels[}, unterminated array
      [exit 1]
      $ kubectl get job pi -o jsonpath='{.metadata.labels.y}{"\\n"}'
      z
      $ kubectl label job pi w=v -o foo
      error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
      [exit 1]
      $ kubectl annotate job pi w=v -o foo
      error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
      [exit 1]
      "
    `);
  });
});

describe("the registry", () => {
  it("completes the verbs and their flags", () => {
    const { cluster } = setup();
    const c = (l: string) => complete(l, l.length, cluster).candidates;
    expect([c("kubectl lab"), c("kubectl anno"), c("kubectl label pods --ov")]).toEqual([
      ["label"],
      ["annotate"],
      ["--overwrite"],
    ]);
  });

  it("groups the commands as kubectl's root help does, label and annotate under Settings", () => {
    const { run } = setup();
    expect(run("kubectl help")).toMatchInlineSnapshot(`
      "$ kubectl help
      kubectl controls the Kubernetes cluster manager.

       Find more information at: https://kubernetes.io/docs/reference/kubectl/

      Basic Commands (Beginner):
        create          Create a resource from a file or from stdin
        run             Run a particular image on the cluster

      Basic Commands (Intermediate):
        explain         Get documentation for a resource
        get             Display one or many resources
        edit            Edit a resource on the server
        delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

      Cluster Management Commands:
        cluster-info    Display cluster information
        top             Display resource (CPU/memory) usage

      Troubleshooting and Debugging Commands:
        describe        Show details of a specific resource or group of resources
        logs            Print the logs for a container in a pod
        port-forward    Forward one or more local ports to a pod

      Advanced Commands:
        apply           Apply a configuration to a resource by file name or stdin
        patch           Update fields of a resource
        wait            Experimental: Wait for a specific condition on one or many resources

      Settings Commands:
        label           Update the labels on a resource
        annotate        Update the annotations on a resource

      Other Commands:
        api-resources   Print the supported API resources on the server
        version         Print the client and server version information

      Usage:
        kubectl [flags] [options]

      Use "kubectl <command> --help" for more information about a given command.
      Use "kubectl options" for a list of global command-line options (applies to all commands).
      "
    `);
  });
});
