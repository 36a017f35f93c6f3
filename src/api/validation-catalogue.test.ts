import { load, YAML11_SCHEMA } from "js-yaml";
import { describe, expect, it } from "vitest";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";
import { ApiServer } from "./apiserver.ts";
import { StatusError } from "./errors.ts";
import { ObjectStore } from "./store.ts";
import type { CronJob, Job, KubeObject, Pod } from "./types.ts";
import { podSpecWarnings } from "./validation.ts";

/**
 * Spec §6: every catalogue row, the common mistakes the real API server (v1.34) reports, the
 * server's order for several causes, immutable updates and apply outcomes — whole messages, as
 * kubectl prints them (spec §6.1).
 */

function server() {
  const clock = new Clock(ms(Date.parse("2026-01-05T00:00:00Z")));
  return new ApiServer(new ObjectStore(clock, new Rng(1)));
}

/** A manifest as kubectl reads it: YAML 1.1 (go-yaml v2), so `yes` is a boolean. */
const yaml = <T = KubeObject>(text: string) => load(text, { schema: YAML11_SCHEMA }) as T;

function job(
  spec: Record<string, unknown> = {},
  pod: Record<string, unknown> = {},
  name = "pi",
): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [{ name: "pi", image: "perl:5.34.0" }],
          ...pod,
        },
      },
      ...spec,
    },
  };
}

const container = (extra: Record<string, unknown>) => ({
  containers: [{ name: "pi", image: "perl:5.34.0", ...extra }],
});

/** What kubectl prints for the error (spec §6.1), or "ok" when the server accepted the object. */
function attempt(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return e.reason === "Invalid" ? e.message : `Error from server (${e.reason}): ${e.message}`;
  }
}

const create = (o: KubeObject) => attempt(() => server().create(o));
const invalid = (...causes: string[]) =>
  causes.length === 1
    ? `The Job "pi" is invalid: ${causes[0]}`
    : `The Job "pi" is invalid: \n${causes.map((c) => `* ${c}`).join("\n")}`;
const badRequest = (detail: string) =>
  `Error from server (BadRequest): Job in version "v1" cannot be handled as a Job: ${detail}`;

const RESTART =
  'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"';
const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("spec §6.2 catalogue", () => {
  it("restartPolicy Always, or missing (defaulted to Always), in a Job and in a CronJob", () => {
    expect(create(job({}, { restartPolicy: "Always" }))).toBe(invalid(RESTART));
    expect(create(job({}, { restartPolicy: undefined }))).toBe(invalid(RESTART));
    const cron: CronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "hello" },
      spec: {
        schedule: "*/1 * * * *",
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } },
        },
      },
    };
    expect(create(cron)).toBe(
      'The CronJob "hello" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  it("negative counts and durations", () => {
    const cases: [string, number][] = [
      ["completions", -1],
      ["parallelism", -2],
      ["backoffLimit", -1],
      ["activeDeadlineSeconds", -5],
      ["ttlSecondsAfterFinished", -1],
    ];
    for (const [field, value] of cases)
      expect(create(job({ [field]: value }))).toBe(
        invalid(`spec.${field}: Invalid value: ${value}: must be greater than or equal to 0`),
      );
  });

  it("containers: missing list, image, name", () => {
    expect(create(job({}, { containers: [] }))).toBe(
      invalid("spec.template.spec.containers: Required value"),
    );
    expect(create(job({}, { containers: [{ name: "pi" }] }))).toBe(
      invalid("spec.template.spec.containers[0].image: Required value"),
    );
    expect(create(job({}, { containers: [{ image: "perl:5.34.0" }] }))).toBe(
      invalid("spec.template.spec.containers[0].name: Required value"),
    );
  });

  it("Indexed: completions required; the last pod hostname must be a DNS label", () => {
    expect(create(job({ completionMode: "Indexed", parallelism: 3 }))).toBe(
      invalid("spec.completions: Required value: when completion mode is Indexed"),
    );
    // Neither set: both default to 1, which is fine.
    expect(create(job({ completionMode: "Indexed" }))).toBe("ok");
    const name = "a".repeat(62);
    expect(create(job({ completionMode: "Indexed", completions: 10 }, {}, name))).toBe(
      `The Job "${name}" is invalid: metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`,
    );
  });

  it("per-index backoff and success policy need Indexed; podFailurePolicy needs Never", () => {
    expect(create(job({ backoffLimitPerIndex: 1 }))).toBe(
      invalid("spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"),
    );
    expect(create(job({ successPolicy: { rules: [{ succeededIndexes: "0" }] } }))).toBe(
      invalid(
        'spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":"0","SucceededCount":null}]}: requires indexed completion mode',
      ),
    );
    const pfp = { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [42] } }] };
    expect(create(job({ podFailurePolicy: pfp }, { restartPolicy: "OnFailure" }))).toBe(
      invalid(
        'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      ),
    );
  });

  it("names: not a DNS subdomain; longer than a label value allows", () => {
    expect(create(job({}, {}, "My_Job"))).toBe(
      `The Job "My_Job" is invalid: metadata.name: Invalid value: "My_Job": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    const long = "a".repeat(64);
    expect(create(job({}, {}, long))).toBe(
      `The Job "${long}" is invalid: spec.template.labels: Invalid value: "${long}": must be no more than 63 characters`,
    );
  });

  it("several mistakes: metadata, the Job fields in validateJobSpec's order, the pod, restartPolicy", () => {
    const spec = {
      ttlSecondsAfterFinished: -1,
      backoffLimit: -1,
      activeDeadlineSeconds: -1,
      completions: -1,
      parallelism: -1,
    };
    expect(
      create(job(spec, { restartPolicy: "Always", containers: [{ name: "pi" }] }, "My_Job")),
    ).toBe(
      [
        'The Job "My_Job" is invalid: ',
        `* metadata.name: Invalid value: "My_Job": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        "* spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
        "* spec.completions: Invalid value: -1: must be greater than or equal to 0",
        "* spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
        "* spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
        "* spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0",
        "* spec.template.spec.containers[0].image: Required value",
        `* ${RESTART}`,
      ].join("\n"),
    );
  });

  it("an unknown restartPolicy is reported by the pod rules and by the Job rules", () => {
    expect(create(job({}, { restartPolicy: "Sometimes" }))).toBe(
      invalid(
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ),
    );
  });
});

describe("common mistakes the server reports (pkg/apis/core/validation)", () => {
  it("container names: duplicates, not a DNS label", () => {
    expect(
      create(
        job(
          {},
          {
            containers: [
              { name: "pi", image: "perl" },
              { name: "pi", image: "busybox" },
            ],
          },
        ),
      ),
    ).toBe(invalid('spec.template.spec.containers[1].name: Duplicate value: "pi"'));
    expect(create(job({}, { containers: [{ name: "My Container", image: "busybox" }] }))).toBe(
      invalid(`spec.template.spec.containers[0].name: Invalid value: "My Container": ${DNS_LABEL}`),
    );
    expect(
      create(
        job(
          {},
          {
            initContainers: [{ name: "pi", image: "busybox" }],
            containers: [{ name: "pi", image: "perl" }],
          },
        ),
      ),
    ).toBe(invalid('spec.template.spec.initContainers[0].name: Duplicate value: "pi"'));
  });

  it("env: empty and invalid names", () => {
    expect(create(job({}, container({ env: [{ name: "", value: "1" }] })))).toBe(
      invalid("spec.template.spec.containers[0].env[0].name: Required value"),
    );
    expect(create(job({}, container({ env: [{ name: "A=B", value: "1" }] })))).toBe(
      invalid(
        `spec.template.spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ),
    );
    // Relaxed names (GA in 1.34): dashes, dots and a leading digit are fine.
    expect(create(job({}, container({ env: [{ name: "1-my.var", value: "1" }] })))).toBe("ok");
  });

  it("volumes: mount of an undeclared volume, mount without a path, duplicate volumes", () => {
    expect(
      create(job({}, container({ volumeMounts: [{ name: "data", mountPath: "/data" }] }))),
    ).toBe(invalid('spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"'));
    expect(
      create(
        job(
          {},
          {
            volumes: [{ name: "data", emptyDir: {} }],
            ...container({ volumeMounts: [{ name: "data" }] }),
          },
        ),
      ),
    ).toBe(invalid("spec.template.spec.containers[0].volumeMounts[0].mountPath: Required value"));
    expect(
      create(
        job(
          {},
          {
            volumes: [
              { name: "data", emptyDir: {} },
              { name: "data", emptyDir: {} },
            ],
          },
        ),
      ),
    ).toBe(invalid('spec.template.spec.volumes[1].name: Duplicate value: "data"'));
    expect(create(job({}, { volumes: [{ name: "cfg", configMap: {} }] }))).toBe(
      invalid("spec.template.spec.volumes[0].configMap.name: Required value"),
    );
  });

  it("imagePullPolicy must be one of the three words", () => {
    expect(create(job({}, container({ imagePullPolicy: "always" })))).toBe(
      invalid(
        'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
      ),
    );
  });

  it("resources: malformed quantities fail decoding; requests above limits fail validation", () => {
    expect(create(job({}, container({ resources: { requests: { cpu: "two" } } })))).toBe(
      badRequest(
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ),
    );
    expect(create(job({}, container({ resources: { limits: { memory: "1GB" } } })))).toBe(
      badRequest(
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ),
    );
    expect(create(job({}, container({ resources: { limits: { memory: "1mm" } } })))).toBe(
      badRequest("unable to parse quantity's suffix"),
    );
    expect(
      create(job({}, container({ resources: { requests: { cpu: "2" }, limits: { cpu: 1 } } }))),
    ).toBe(
      invalid(
        'spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      ),
    );
    expect(
      create(
        job(
          {},
          container({ resources: { requests: { memory: "1536Mi" }, limits: { memory: "1Gi" } } }),
        ),
      ),
    ).toBe(
      invalid(
        'spec.template.spec.containers[0].resources.requests: Invalid value: "1536Mi": must be less than or equal to memory limit of 1Gi',
      ),
    );
    expect(create(job({}, container({ resources: { limits: { cpus: "1" } } })))).toBe(
      invalid(
        'spec.template.spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.template.spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      ),
    );
    expect(create(job({}, container({ resources: { requests: { cpu: "-1" } } })))).toBe(
      invalid(
        'spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ),
    );
  });

  it("a negative terminationGracePeriodSeconds is accepted with a warning, not rejected", () => {
    const j = job({}, { terminationGracePeriodSeconds: -1 });
    expect(create(j)).toBe("ok");
    expect(podSpecWarnings(j.spec.template.spec, "spec.template")).toEqual([
      "spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1",
    ]);
    expect(
      podSpecWarnings(
        { containers: [{ name: "c", resources: { requests: { memory: "100m" } } }] },
        "",
      ),
    ).toEqual([
      'spec.containers[0].resources.requests[memory]: fractional byte value "100m" is invalid, must be an integer',
    ]);
  });

  it("podFailurePolicy rules", () => {
    const pfp = (rule: Record<string, unknown>) => job({ podFailurePolicy: { rules: [rule] } });
    expect(create(pfp({ onExitCodes: { operator: "In", values: [1] } }))).toBe(
      invalid(
        'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      ),
    );
    expect(
      create(
        pfp({
          action: "Ignore",
          onExitCodes: { operator: "In", values: [1] },
          onPodConditions: [{ type: "DisruptionTarget" }],
        }),
      ),
    ).toBe(
      invalid(
        "spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
      ),
    );
    expect(create(pfp({ action: "FailJob" }))).toBe(
      invalid(
        "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
      ),
    );
    expect(
      create(pfp({ action: "FailJob", onExitCodes: { operator: "In", values: [0, 3, 2, 3] } })),
    ).toBe(
      invalid(
        "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
        "spec.podFailurePolicy.rules[0].onExitCodes.values[3]: Duplicate value: 3",
        "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [0,3,2,3]: must be ordered",
      ),
    );
    expect(
      create(
        pfp({
          action: "FailIndex",
          onExitCodes: { operator: "Out", values: [1], containerName: "x" },
        }),
      ),
    ).toBe(
      invalid(
        'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
        'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Out": supported values: "In", "NotIn"',
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "x": must be one of the container or initContainer names in the pod template',
      ),
    );
  });

  it("successPolicy rules", () => {
    const sp = (rules: unknown[]) =>
      job({ completionMode: "Indexed", completions: 5, parallelism: 5, successPolicy: { rules } });
    expect(create(sp([]))).toBe(
      invalid(
        "spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified",
      ),
    );
    expect(create(sp([{}]))).toBe(
      invalid(
        "spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified",
      ),
    );
    expect(create(sp([{ succeededIndexes: "0-2,1", succeededCount: 6 }]))).toBe(
      invalid(
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-2,1": error parsing succeededIndexes: non-increasing order, previous: 2, current: 1',
        "spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)",
        "spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)",
      ),
    );
    expect(create(sp([{ succeededIndexes: "1,3-9" }]))).toBe(
      invalid(
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1,3-9": error parsing succeededIndexes: too large index: "9"',
      ),
    );
    expect(create(sp([{ succeededIndexes: "0-2", succeededCount: 2 }]))).toBe("ok");
  });

  it("label keys and values, on the Job and on its template", () => {
    const j = job({}, {});
    j.metadata.labels = { "app/part/x": "ok", tier: "back end" };
    j.spec.template.metadata = { labels: { "-bad": "x" } };
    expect(create(j)).toBe(
      invalid(
        `metadata.labels: Invalid value: "app/part/x": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        `metadata.labels: Invalid value: "back end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        `spec.template.labels: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ),
    );
  });

  it("a bare Pod: image whitespace is a pod-only rule", () => {
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "hello" },
      spec: { containers: [{ name: "c", image: " busybox" }] },
    };
    expect(create(pod)).toBe(
      'The Pod "hello" is invalid: spec.containers[0].image: Invalid value: " busybox": must not have leading or trailing whitespace',
    );
    expect(create(job({}, { containers: [{ name: "c", image: " busybox" }] }))).toBe("ok");
  });
});

describe("spec §6.3 immutable fields and §6.4 apply outcomes", () => {
  it("Job: created, unchanged, configured for mutable fields", () => {
    const api = server();
    const base = job({ completions: 3, parallelism: 1 });
    expect(api.apply(base).result).toBe("created");
    expect(api.apply(job({ completions: 3, parallelism: 1 })).result).toBe("unchanged");
    const mutable = job({
      completions: 3,
      parallelism: 2,
      backoffLimit: 2,
      activeDeadlineSeconds: 60,
      ttlSecondsAfterFinished: 30,
      suspend: true,
    });
    expect(api.apply(mutable).result).toBe("configured");
  });

  it("Job: the same manifest with its keys in another order is unchanged", () => {
    const api = server();
    api.apply(job({ backoffLimit: 2 }, { containers: [{ name: "pi", image: "perl:5.34.0" }] }));
    const reordered = job({}, { containers: [{ image: "perl:5.34.0", name: "pi" }] });
    reordered.spec = { backoffLimit: 2, ...reordered.spec };
    expect(api.apply(reordered).result).toBe("unchanged");
  });

  it("Job: the template, completions and the other immutable fields", () => {
    const api = server();
    api.apply(job());
    const uid = api.store.get<Job>("Job", "default", "pi")!.metadata.uid!;
    const msg = attempt(() =>
      api.apply(job({}, { containers: [{ name: "pi", image: "perl:5.40" }] })),
    );
    expect(
      msg.startsWith(
        `The Job "pi" is invalid: spec.template: Invalid value: {"labels":{"batch.kubernetes.io/controller-uid":"${uid}","batch.kubernetes.io/job-name":"pi","controller-uid":"${uid}","job-name":"pi"},"Spec":{"Volumes":null,"InitContainers":null,"Containers":[{"Name":"pi","Image":"perl:5.40","Command":null,`,
      ),
    ).toBe(true);
    expect(msg.endsWith("}: field is immutable")).toBe(true);
    expect(attempt(() => api.apply(job({ completions: 3 })))).toBe(
      invalid("spec.completions: Invalid value: 3: field is immutable"),
    );
    expect(attempt(() => api.apply(job({ completionMode: "Indexed" })))).toBe(
      invalid('spec.completionMode: Invalid value: "Indexed": field is immutable'),
    );
    expect(attempt(() => api.apply(job({ managedBy: "example.com/mine" })))).toBe(
      invalid('spec.managedBy: Invalid value: "example.com/mine": field is immutable'),
    );
    const pfp = { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [42] } }] };
    expect(attempt(() => api.apply(job({ podFailurePolicy: pfp })))).toBe(
      invalid(
        'spec.podFailurePolicy: Invalid value: {"Rules":[{"Action":"FailJob","OnExitCodes":{"ContainerName":null,"Operator":"In","Values":[42]},"OnPodConditions":null}]}: field is immutable',
      ),
    );
  });

  it("Indexed Job: completions may change only together with parallelism; per-index fields are fixed", () => {
    const api = server();
    const indexed = (spec: Record<string, unknown>) => job({ completionMode: "Indexed", ...spec });
    api.apply(indexed({ completions: 3, parallelism: 3 }));
    expect(attempt(() => api.apply(indexed({ completions: 5, parallelism: 3 })))).toBe(
      invalid(
        "spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism",
      ),
    );
    expect(api.apply(indexed({ completions: 5, parallelism: 5 })).result).toBe("configured");
    expect(
      attempt(() =>
        api.apply(indexed({ completions: 5, parallelism: 5, backoffLimitPerIndex: 1 })),
      ),
    ).toBe(invalid("spec.backoffLimitPerIndex: Invalid value: 1: field is immutable"));
    const successPolicy = { rules: [{ succeededIndexes: "0" }] };
    expect(
      attempt(() => api.apply(indexed({ completions: 5, parallelism: 5, successPolicy }))),
    ).toBe(
      invalid(
        'spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":"0","SucceededCount":null}]}: field is immutable',
      ),
    );
  });

  it("Pod: created, unchanged, configured for labels and image, Forbidden for other spec changes", () => {
    const api = server();
    const pod = (labels: Record<string, string>, c: Record<string, unknown> = {}): Pod => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "hello", labels },
      spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36", ...c }] },
    });
    expect(api.apply(pod({ app: "a" })).result).toBe("created");
    expect(api.apply(pod({ app: "a" })).result).toBe("unchanged");
    expect(api.apply(pod({ app: "b" })).result).toBe("configured");
    expect(api.apply(pod({ app: "b" }, { image: "busybox:1.37" })).result).toBe("configured");
    expect(
      attempt(() => api.apply(pod({ app: "b" }, { image: "busybox:1.37", command: ["sh"] }))),
    ).toBe(
      'The Pod "hello" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });
});

describe("strict decoding (spec §6.1)", () => {
  it("lists every unknown field, in the order the server meets them (keys sorted, as kubectl sends them)", () => {
    const j = yaml<Job>(`
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  foo: 1
spec:
  zzz: true
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: a
        image: busybox
      - name: b
        image: busybox
        volumeMounts:
        - name: data
          mountpath: /data
`);
    expect(create(j)).toBe(
      badRequest(
        'strict decoding error: unknown field "metadata.foo", unknown field "spec.template.spec.containers[1].volumeMounts[0].mountpath", unknown field "spec.zzz"',
      ),
    );
  });

  it("names the Go type for each wrong value; lists and map keys are not in the path", () => {
    const cases: [string, string][] = [
      [
        "completions: '3'",
        "json: cannot unmarshal string into Go struct field JobSpec.spec.completions of type int32",
      ],
      [
        "completions: 1.5",
        "json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.completions of type int32",
      ],
      [
        "completions: 3000000000",
        "json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.completions of type int32",
      ],
      [
        "activeDeadlineSeconds: '60'",
        "json: cannot unmarshal string into Go struct field JobSpec.spec.activeDeadlineSeconds of type int64",
      ],
      [
        "suspend: 'true'",
        "json: cannot unmarshal string into Go struct field JobSpec.spec.suspend of type bool",
      ],
      [
        "template: []",
        "json: cannot unmarshal array into Go struct field JobSpec.spec.template of type v1.PodTemplateSpec",
      ],
    ];
    for (const [line, error] of cases) {
      const j = yaml<Job>(
        `apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  ${line}\n`,
      );
      expect(create(j)).toBe(badRequest(error));
    }
    const inContainer: [string, string][] = [
      [
        "image: 5",
        "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string",
      ],
      [
        "command: echo hi",
        "json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string",
      ],
      [
        "args: [1]",
        "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args of type string",
      ],
      [
        "env: [{name: DEBUG, value: yes}]",
        "json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
      ],
    ];
    for (const [line, error] of inContainer) {
      const j = yaml<Job>(
        `apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        ${line}\n`,
      );
      expect(create(j)).toBe(badRequest(error));
    }
    const labels: [string, string][] = [
      [
        "labels: [a]",
        "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string",
      ],
      [
        "labels: {version: 1.0}",
        "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
      ],
    ];
    for (const [line, error] of labels) {
      const j = yaml<Job>(
        `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  ${line}\nspec: {}\n`,
      );
      expect(create(j)).toBe(badRequest(error));
    }
  });

  it("reads YAML 1.1 booleans the way kubectl does: `suspend: yes` is true", () => {
    const j = yaml<Job>(`
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  suspend: yes
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox}]
`);
    expect(server().create(j).spec.suspend).toBe(true);
  });
});
