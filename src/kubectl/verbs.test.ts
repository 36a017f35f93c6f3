import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster.ts";
import { text } from "./output.ts";
import { Session } from "./session.ts";

const files: Record<string, string> = {
  "pi.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(20)"]
`,
  "cj.yaml": `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.36
`,
};

function lab() {
  const cluster = createCluster();
  const s = new Session({ cluster, readFile: (p) => files[p] });
  return (line: string) => text(s.exec(line));
}

describe("kubectl verbs, whole outputs", () => {
  it("get: names, jsonpath, custom columns, sort, several kinds", () => {
    const k = lab();
    k("kubectl apply -f pi.yaml");
    k("kubectl wait --for=condition=complete job/pi");
    expect(k("kubectl get jobs -o name")).toBe("job.batch/pi\n");
    expect(
      k(
        "kubectl get jobs -o jsonpath='{range .items[*]}{.metadata.name}: {.status.succeeded}{\"\\n\"}{end}'",
      ),
    ).toBe("pi: 1\n");
    expect(k("kubectl get job pi -o custom-columns=NAME:.metadata.name,OK:.status.succeeded")).toBe(
      "NAME   OK\npi     1\n",
    );
    expect(k("kubectl get jobs,pods --no-headers").split("\n")[0]).toMatch(
      /^job\.batch\/pi\s+Complete/,
    );
    expect(k("kubectl get pods --sort-by=.metadata.nope")).toBe(
      'error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
    );
    expect(k("kubectl get jobs nope")).toBe(
      'Error from server (NotFound): jobs.batch "nope" not found\n',
    );
    expect(k("kubectl get widgets")).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
    expect(k("kubectl get rs")).toBe("No resources found in default namespace.\n");
    expect(k("kubectl get pods -o wat")).toBe(
      'error: unable to match a printer suitable for the output format "wat", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(k("kubectl get jobs --field-selector status.phase=Running")).toBe(
      'Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "status.phase=Running": field label not supported: status.phase\n',
    );
    expect(
      k("kubectl get job pi -o json").startsWith(
        '{\n    "apiVersion": "batch/v1",\n    "kind": "Job",\n',
      ),
    ).toBe(true);
  });

  it("create: generators, --from, dry runs", () => {
    const k = lab();
    expect(
      k("kubectl create secret generic creds --from-literal=user=admin --dry-run=client -o yaml"),
    ).toBe("apiVersion: v1\ndata:\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: creds\n");
    expect(k("kubectl create configmap cfg --from-literal=a=1")).toBe("configmap/cfg created\n");
    expect(k("kubectl create job x --from=cronjob/nope")).toBe(
      'Error from server (NotFound): cronjobs.batch "nope" not found\n',
    );
    expect(k("kubectl create job x")).toBe(
      "error: either --image or --from must be specified\nSee 'kubectl create job -h' for help and examples\n",
    );
    expect(k("kubectl create cronjob c --image=busybox --schedule='*/5 * * * *' -- date")).toBe(
      "cronjob.batch/c created\n",
    );
    expect(k("kubectl create job manual --from=cronjob/c")).toBe("job.batch/manual created\n");
    expect(
      k(
        "kubectl get job manual -o jsonpath='{.metadata.annotations}{\" \"}{.metadata.ownerReferences[0].kind}'",
      ),
    ).toBe('{"cronjob.kubernetes.io/instantiate":"manual"} CronJob');
  });

  it("apply: the removed v1beta1 CronJob gets kubectl's error and a hint", () => {
    const k = lab();
    expect(k("kubectl apply -f cj.yaml")).toBe(
      'error: resource mapping not found for name: "hello" namespace: "" from "cj.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\nlab: CronJob is served as batch/v1 since Kubernetes 1.25 (batch/v1beta1 was removed); write apiVersion: batch/v1\n',
    );
  });

  it("patch: merge, json, strategic, no change, immutable", () => {
    const k = lab();
    k("kubectl apply -f pi.yaml");
    expect(k('kubectl patch job pi --type=merge -p \'{"spec":{"backoffLimit":2}}\'')).toBe(
      "job.batch/pi patched\n",
    );
    expect(
      k(
        'kubectl patch job pi --type=json -p \'[{"op":"replace","path":"/spec/backoffLimit","value":2}]\'',
      ),
    ).toBe("job.batch/pi patched (no change)\n");
    expect(k('kubectl patch job pi -p \'{"spec":{"completions":3}}\'')).toBe(
      'The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable\n',
    );
    expect(k("kubectl patch job pi")).toBe(
      "error: must specify --patch or --patch-file containing the contents of the patch\n",
    );
    expect(k("kubectl get job pi -o jsonpath={.spec.backoffLimit}")).toBe("2");
  });

  it("delete: force warning, selectors, nothing found", () => {
    const k = lab();
    k("kubectl apply -f pi.yaml");
    expect(k("kubectl delete pods -l job-name=pi --force")).toMatch(
      /^Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated\. The resource may continue to run on the cluster indefinitely\.\npod "pi-\w{5}" force deleted from default namespace\n$/,
    );
    expect(k("kubectl delete jobs -l app=none")).toBe("No resources found\n");
    expect(k("kubectl delete job")).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    expect(k("kubectl delete job pi --grace-period=5 --force")).toBe(
      "error: --force and --grace-period greater than 0 cannot be specified together\n",
    );
  });

  it("unknown verbs and flags: cobra's words", () => {
    const k = lab();
    expect(k("kubectl desribe pods")).toBe(
      'error: unknown command "desribe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n',
    );
    expect(k("kubectl get pods --wat")).toBe(
      "error: unknown flag: --wat\nSee 'kubectl get --help' for usage.\n",
    );
    expect(k("kubectl exec -it x -- sh")).toMatch(
      /^error: "kubectl exec" is not available in this lab/,
    );
  });

  it("explain: kubectl's layout from the schema", () => {
    const k = lab();
    expect(k("kubectl explain job.spec.suspend")).toBe(
      "GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\nFIELD: suspend <boolean>\n\n\nDESCRIPTION:\n" +
        k("kubectl explain job.spec.suspend").split("DESCRIPTION:\n")[1],
    );
    expect(k("kubectl explain job.spec.nope")).toBe('error: field "nope" does not exist\n');
    expect(k("kubectl explain jobs").split("\n").slice(0, 8)).toEqual([
      "GROUP:      batch",
      "KIND:       Job",
      "VERSION:    v1",
      "",
      "DESCRIPTION:",
      "    Job represents the configuration of a single job.",
      "FIELDS:",
      "  apiVersion\t<string>",
    ]);
  });
});
