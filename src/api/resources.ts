/**
 * The resource types the simulated API server serves: kind ↔ plural ↔ group, short names and
 * scope, as `kubectl api-resources` lists them.
 */
export interface ResourceType {
  kind: string;
  plural: string;
  singular: string;
  group: string; // "" for core
  version: string;
  namespaced: boolean;
  shortNames: string[];
}

export const resourceTypes: readonly ResourceType[] = [
  {
    kind: "Pod",
    plural: "pods",
    singular: "pod",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["po"],
  },
  {
    kind: "Job",
    plural: "jobs",
    singular: "job",
    group: "batch",
    version: "v1",
    namespaced: true,
    shortNames: [],
  },
  {
    kind: "CronJob",
    plural: "cronjobs",
    singular: "cronjob",
    group: "batch",
    version: "v1",
    namespaced: true,
    shortNames: ["cj"],
  },
  {
    kind: "Event",
    plural: "events",
    singular: "event",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["ev"],
  },
  {
    kind: "Node",
    plural: "nodes",
    singular: "node",
    group: "",
    version: "v1",
    namespaced: false,
    shortNames: ["no"],
  },
  {
    kind: "Namespace",
    plural: "namespaces",
    singular: "namespace",
    group: "",
    version: "v1",
    namespaced: false,
    shortNames: ["ns"],
  },
  {
    kind: "Secret",
    plural: "secrets",
    singular: "secret",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: [],
  },
  {
    kind: "ConfigMap",
    plural: "configmaps",
    singular: "configmap",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["cm"],
  },
  {
    kind: "PersistentVolumeClaim",
    plural: "persistentvolumeclaims",
    singular: "persistentvolumeclaim",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["pvc"],
  },
  {
    kind: "Service",
    plural: "services",
    singular: "service",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["svc"],
  },
  {
    kind: "ServiceAccount",
    plural: "serviceaccounts",
    singular: "serviceaccount",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["sa"],
  },
];

export const byKind = new Map(resourceTypes.map((r) => [r.kind, r]));

export function resourceFor(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/** `jobs.batch`, `pods` — the resource name used in API error messages. */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `job.batch`, `pod` — the prefix kubectl prints (`job.batch/pi created`). */
export function qualifiedSingular(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** apiVersion string of a type: `batch/v1`, `v1`. */
export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Resolve what a user typed (`job`, `jobs`, `jobs.batch`, `cj`, `po`) to a type, case-insensitively. */
export function resolveResource(input: string): ResourceType | undefined {
  const s = input.toLowerCase();
  for (const r of resourceTypes) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames];
    if (names.includes(s)) return r;
    if (
      r.group &&
      names.some((n) => `${n}.${r.group}` === s || `${n}.${r.version}.${r.group}` === s)
    )
      return r;
  }
  return undefined;
}
