import {
  bindPvc,
  defaultPvc,
  defaultService,
  type PersistentVolumeClaim,
  type Service,
} from "./core-objects.ts";
import { defaultCronJob, defaultJob, defaultPod, generateJobSelector } from "./defaults.ts";
import type { FieldError } from "./errors.ts";
import type { ConfigMap, CronJob, Job, KubeObject, Pod, Secret } from "./types.ts";
import { internalPodTemplate } from "./internal-json.ts";
import {
  internalPodFailurePolicy,
  internalSuccessPolicy,
  validateJob,
  validatePod,
} from "./validation.ts";
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

/**
 * apiequality.Semantic.DeepEqual, near enough: key order does not matter (a manifest may list
 * fields in any order), null and absent are the same, and so are an empty and an absent list.
 */
function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && !v.length);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!same(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

/**
 * On create the real server validates before the Job's labels are defaulted from its template
 * (that copy happens when the object is read back, spec §1.2), so a label the server generated
 * from an over-long name is reported once, at `spec.template.labels`, not also at `metadata.labels`.
 */
function validateJobCreate(job: Job): FieldError[] {
  const copied =
    job.metadata.labels !== undefined &&
    same(job.metadata.labels, job.spec?.template?.metadata?.labels);
  if (!copied) return validateJob(job);
  const { labels: _copied, ...metadata } = job.metadata;
  return validateJob({ ...job, metadata });
}

const jobStrategy: Strategy<Job> = {
  default: defaultJob,
  prepareCreate: generateJobSelector,
  validate: validateJobCreate,
  validateUpdate(next, old) {
    const n = next.spec;
    const o = old.spec;
    // On update the selector and generated labels are carried over from the stored object.
    n.selector ??= o.selector;
    if (!n.manualSelector && n.template) {
      const labels = (n.template.metadata ??= {}).labels ?? {};
      for (const [k, v] of Object.entries(o.template.metadata?.labels ?? {})) {
        if (k.endsWith("controller-uid") || k.endsWith("job-name")) labels[k] ??= v;
      }
      n.template.metadata.labels = labels;
    }
    // jobStrategy.ValidateUpdate: ValidateJob, then ValidateJobSpecUpdate — whose repeat of the
    // spec rules kubectl drops as duplicates — then completions, selector, template, the rest.
    const errs = validateJob(next);
    if (!same(n.completions, o.completions)) {
      if (n.completionMode !== "Indexed") {
        errs.push({
          type: "Invalid",
          field: "spec.completions",
          value: n.completions ?? null,
          detail: "field is immutable",
        });
      } else if (n.completions !== undefined && n.completions !== n.parallelism) {
        // Elastic Indexed Jobs (GA in 1.31): completions may change together with parallelism.
        errs.push({
          type: "Invalid",
          field: "spec.completions",
          value: n.completions,
          detail: "can only be modified in tandem with spec.parallelism",
        });
      }
    }
    const immutable = (f: keyof Job["spec"], value: unknown = n[f] ?? null) => {
      if (!same(n[f], o[f]))
        errs.push({ type: "Invalid", field: `spec.${f}`, value, detail: "field is immutable" });
    };
    immutable("selector");
    if (!same(n.template, o.template)) {
      errs.push({
        type: "Invalid",
        field: "spec.template",
        value: internalPodTemplate(n.template),
        detail: "field is immutable",
      });
    }
    immutable("completionMode");
    immutable("podFailurePolicy", internalPodFailurePolicy(n.podFailurePolicy));
    immutable("backoffLimitPerIndex");
    immutable("managedBy");
    immutable("successPolicy", internalSuccessPolicy(n.successPolicy));
    return errs;
  },
};

/** The fields `ValidatePodUpdate` lets a Pod update change (1.34 wording, joined by ","). */
const updatablePodSpecFields = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

const podStrategy: Strategy<Pod> = {
  default: defaultPod,
  validate: validatePod,
  /**
   * ValidatePodUpdate: the pod rules, then containers may not be added or removed, images may
   * change, activeDeadlineSeconds may only shrink, tolerations may only grow; anything else is
   * Forbidden. The real message ends with a go-cmp diff of the spec, whose spacing go-cmp
   * randomises on purpose — the lab prints the sentence only.
   */
  validateUpdate(next, old) {
    const errs = validatePod(next);
    const n = next.spec;
    const o = old.spec;
    for (const kind of ["containers", "initContainers"] as const) {
      const nc = n[kind] ?? [];
      const oc = o[kind] ?? [];
      if (nc.length !== oc.length) {
        errs.push({
          type: "Forbidden",
          field: `spec.${kind}`,
          detail: "pod updates may not add or remove containers",
        });
        return errs;
      }
      nc.forEach((c, i) => {
        if (!c.image) errs.push({ type: "Required", field: `spec.${kind}[${i}].image` });
      });
    }
    const nd = n.activeDeadlineSeconds;
    const od = o.activeDeadlineSeconds;
    if (nd !== undefined) {
      if (nd < 0 || nd > 2147483647) {
        errs.push({
          type: "Invalid",
          field: "spec.activeDeadlineSeconds",
          value: nd,
          detail: "must be between 0 and 2147483647, inclusive",
        });
        return errs;
      }
      if (od !== undefined && od < nd) {
        errs.push({
          type: "Invalid",
          field: "spec.activeDeadlineSeconds",
          value: nd,
          detail: "must be less than or equal to previous value",
        });
        return errs;
      }
    } else if (od !== undefined) {
      errs.push({
        type: "Invalid",
        field: "spec.activeDeadlineSeconds",
        value: null,
        detail: "must not update from a positive integer to nil value",
      });
    }
    const oldTolerations = o.tolerations ?? [];
    const newTolerations = n.tolerations ?? [];
    for (const t of oldTolerations) {
      const kept = newTolerations.some((c) =>
        same({ ...t, tolerationSeconds: c.tolerationSeconds }, c),
      );
      if (!kept) {
        errs.push({
          type: "Forbidden",
          field: "spec.tolerations",
          detail: "existing toleration can not be modified except its tolerationSeconds",
        });
        break;
      }
    }
    const munge = (spec: Pod["spec"], images: Pod["spec"]) => ({
      ...spec,
      containers: spec.containers.map((c, i) => ({ ...c, image: images.containers[i]?.image })),
      initContainers: spec.initContainers?.map((c, i) => ({
        ...c,
        image: images.initContainers?.[i]?.image,
      })),
      activeDeadlineSeconds: images.activeDeadlineSeconds,
      tolerations: images.tolerations,
      terminationGracePeriodSeconds:
        (images.terminationGracePeriodSeconds ?? 0) < 0 && spec.terminationGracePeriodSeconds === 1
          ? images.terminationGracePeriodSeconds
          : spec.terminationGracePeriodSeconds,
    });
    if (!same(munge(n, o), o))
      errs.push({
        type: "Forbidden",
        field: "spec",
        detail: `pod updates may not change fields other than ${updatablePodSpecFields.join(",")}`,
      });
    return errs;
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
  PersistentVolumeClaim: {
    default: defaultPvc,
    // Bound at once: the default StorageClass provisions a volume immediately (kind's
    // local-path provisioner binds on first consumer; the lab binds on create, issue #3).
    prepareCreate: bindPvc,
    validate: (o) => validateObjectMeta(o.metadata),
  } satisfies Strategy<PersistentVolumeClaim>,
  Service: {
    default: defaultService,
    validate: (o) => validateObjectMeta(o.metadata),
  } satisfies Strategy<Service>,
  ServiceAccount: plain<KubeObject>(),
  Event: plain<KubeObject>(),
};

function base64(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}
