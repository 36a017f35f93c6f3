import { defaultCronJob, defaultJob, defaultPod, generateJobSelector } from "./defaults.ts";
import type { FieldError } from "./errors.ts";
import type { ConfigMap, CronJob, Job, KubeObject, Pod, Secret } from "./types.ts";
import { validateJob, validatePod } from "./validation.ts";
import { validateCronJob } from "./validation-cronjob.ts";
import { validateObjectMeta } from "./validation-meta.ts";

/**
 * Per-kind registry strategies (pkg/registry/…/strategy.go): defaulting, create preparation,
 * validation, and which fields an update may change.
 */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** Apply API defaults to a fresh copy. */
  default(obj: T): void;
  /** After the uid is known, before validation (e.g. the Job selector). */
  prepareCreate?(obj: T): void;
  validate(obj: T): FieldError[];
  /** Validation on update (replaces `validate`): the object rules plus what may not change. */
  validateUpdate?(next: T, old: T): FieldError[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const jobStrategy: Strategy<Job> = {
  default: defaultJob,
  prepareCreate: generateJobSelector,
  validate: validateJob,
  validateUpdate(next, old) {
    const n = next.spec;
    const o = old.spec;
    // On update the selector and generated labels are carried over from the stored object.
    n.selector ??= o.selector;
    if (!n.manualSelector) {
      const labels = (n.template.metadata ??= {}).labels ?? {};
      for (const [k, v] of Object.entries(o.template.metadata?.labels ?? {})) {
        if (k.endsWith("controller-uid") || k.endsWith("job-name")) labels[k] ??= v;
      }
      n.template.metadata.labels = labels;
    }
    // ValidateJobSpecUpdate: the spec rules, then completions, selector, template, the rest.
    const errs = validateJob(next);
    if (n.completions !== o.completions) {
      if (o.completionMode === "Indexed" && n.completions === n.parallelism) {
        // allowed: scaling an Indexed Job in tandem
      } else if (o.completionMode === "Indexed") {
        errs.push({
          type: "Invalid",
          field: "spec.completions",
          value: n.completions ?? null,
          detail: "can only be modified in tandem with spec.parallelism",
        });
      } else {
        errs.push({
          type: "Invalid",
          field: "spec.completions",
          value: n.completions ?? null,
          detail: "field is immutable",
        });
      }
    }
    const immutable = (f: keyof Job["spec"]) => {
      if (!same(n[f], o[f]))
        errs.push({
          type: "Invalid",
          field: `spec.${f}`,
          value: n[f] ?? null,
          detail: "field is immutable",
        });
    };
    immutable("selector");
    if (!same(n.template, o.template)) {
      errs.push({
        type: "Invalid",
        field: "spec.template",
        value: templateForMessage(n.template),
        detail: "field is immutable",
      });
    }
    for (const f of [
      "completionMode",
      "podFailurePolicy",
      "backoffLimitPerIndex",
      "managedBy",
      "successPolicy",
    ] as const)
      immutable(f);
    return errs;
  },
};

/** The JSON the 1.34 server prints for an immutable template: internal Go field names (spec §6.1, §13). */
function templateForMessage(t: Job["spec"]["template"]): unknown {
  return { metadata: { creationTimestamp: null, labels: t.metadata?.labels }, Spec: t.spec };
}

const podStrategy: Strategy<Pod> = {
  default: defaultPod,
  validate: validatePod,
  validateUpdate(next, old) {
    const base = validatePod(next);
    if (base.length) return base;
    // Pod updates may not change fields other than image and a few scheduling details.
    const a = {
      ...next.spec,
      containers: next.spec.containers.map((c) => ({ ...c, image: undefined })),
    };
    const b = {
      ...old.spec,
      containers: old.spec.containers.map((c) => ({ ...c, image: undefined })),
    };
    if (same(a, b)) return [];
    return [
      {
        type: "Forbidden",
        field: "spec",
        detail:
          "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
      },
    ];
  },
};

const cronJobStrategy: Strategy<CronJob> = {
  default: defaultCronJob,
  validate: (cj) => validateCronJob(cj),
  validateUpdate: (next, old) => validateCronJob(next, old),
};

const plain = <T extends KubeObject>(): Strategy<T> => ({
  default: (o) => {
    o.metadata.namespace ??= "default";
  },
  validate: (o) => validateObjectMeta(o.metadata),
});

const secretStrategy: Strategy<Secret> = {
  default: (s) => {
    s.metadata.namespace ??= "default";
    s.type ??= "Opaque";
    // stringData is write-only: the server merges it into data, base64-encoded, and drops it.
    if (s.stringData) {
      const data = { ...s.data };
      for (const [k, v] of Object.entries(s.stringData)) data[k] = base64(v);
      s.data = data;
      delete s.stringData;
    }
  },
  validate: (s) => validateObjectMeta(s.metadata),
};

export const strategies: Record<string, Strategy<never>> = {
  Job: jobStrategy,
  Pod: podStrategy,
  CronJob: cronJobStrategy,
  Secret: secretStrategy,
  ConfigMap: plain<ConfigMap>(),
  PersistentVolumeClaim: plain<KubeObject>(),
  Service: plain<KubeObject>(),
  ServiceAccount: plain<KubeObject>(),
  Event: plain<KubeObject>(),
};

function base64(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}
