import { resolveResource, resourceTypes, type ResourceType } from "../api/resources.ts";

/**
 * Resource types a real v1.34 cluster serves but Batch Lab does not simulate: kubectl knows
 * their names (so `kubectl get rs` lists nothing instead of failing) and the lab says so when
 * someone tries to create one.
 */
const t = (
  kind: string,
  plural: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
): ResourceType => ({
  kind,
  plural,
  singular: kind.toLowerCase(),
  group,
  version,
  namespaced,
  shortNames,
});

export const unsimulatedTypes: readonly ResourceType[] = [
  t("Endpoints", "endpoints", "", "v1", true, ["ep"]),
  t("LimitRange", "limitranges", "", "v1", true, ["limits"]),
  t("PersistentVolume", "persistentvolumes", "", "v1", false, ["pv"]),
  t("PodTemplate", "podtemplates", "", "v1", true),
  t("ReplicationController", "replicationcontrollers", "", "v1", true, ["rc"]),
  t("ResourceQuota", "resourcequotas", "", "v1", true, ["quota"]),
  t("DaemonSet", "daemonsets", "apps", "v1", true, ["ds"]),
  t("Deployment", "deployments", "apps", "v1", true, ["deploy"]),
  t("ReplicaSet", "replicasets", "apps", "v1", true, ["rs"]),
  t("StatefulSet", "statefulsets", "apps", "v1", true, ["sts"]),
  t("HorizontalPodAutoscaler", "horizontalpodautoscalers", "autoscaling", "v2", true, ["hpa"]),
  t("Ingress", "ingresses", "networking.k8s.io", "v1", true, ["ing"]),
  t("NetworkPolicy", "networkpolicies", "networking.k8s.io", "v1", true, ["netpol"]),
  t("PodDisruptionBudget", "poddisruptionbudgets", "policy", "v1", true, ["pdb"]),
  t("StorageClass", "storageclasses", "storage.k8s.io", "v1", false, ["sc"]),
  t("Role", "roles", "rbac.authorization.k8s.io", "v1", true),
  t("RoleBinding", "rolebindings", "rbac.authorization.k8s.io", "v1", true),
  t("ClusterRole", "clusterroles", "rbac.authorization.k8s.io", "v1", false),
  t("ClusterRoleBinding", "clusterrolebindings", "rbac.authorization.k8s.io", "v1", false),
  t("PriorityClass", "priorityclasses", "scheduling.k8s.io", "v1", false, ["pc"]),
  t("Lease", "leases", "coordination.k8s.io", "v1", true),
];

/** Every type kubectl can name, simulated ones first. */
export const allTypes: readonly ResourceType[] = [...resourceTypes, ...unsimulatedTypes];

export function isSimulated(rt: ResourceType): boolean {
  return resourceTypes.includes(rt);
}

/** `jobs`, `job`, `jobs.batch`, `rs`, `deployments.apps` → a type (case-insensitive). */
export function lookupType(input: string): ResourceType | undefined {
  const known = resolveResource(input);
  if (known) return known;
  const s = input.toLowerCase();
  return unsimulatedTypes.find((r) => {
    const names = [r.plural, r.singular, ...r.shortNames];
    return (
      names.includes(s) ||
      (!!r.group &&
        names.some((n) => `${n}.${r.group}` === s || `${n}.${r.version}.${r.group}` === s))
    );
  });
}

/** kubectl's `all` category, in the order `kubectl get all` prints it. */
export const ALL_CATEGORY = ["Pod", "Service", "CronJob", "Job"];

export function typeOfKind(kind: string): ResourceType | undefined {
  return allTypes.find((r) => r.kind === kind);
}

export function typeForApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
  return allTypes.find(
    (r) => r.kind === kind && (r.group ? `${r.group}/${r.version}` : r.version) === apiVersion,
  );
}
