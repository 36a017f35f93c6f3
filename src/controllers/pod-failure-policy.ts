import type { Pod, PodFailurePolicyRule } from "../api/types.ts";

export interface PolicyMatch {
  action: PodFailurePolicyRule["action"];
  message: string;
}

/**
 * Match a failed pod against `podFailurePolicy` rules in order (spec §2.6). The FailJob message
 * is the controller's: `Container <c> for pod <ns>/<pod> failed with exit code <n> matching FailJob rule at index <i>`.
 */
export function matchFailurePolicy(
  policy: { rules: PodFailurePolicyRule[] },
  pod: Pod,
): PolicyMatch | undefined {
  if (pod.status?.phase !== "Failed") return undefined;
  const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
  for (const [i, rule] of policy.rules.entries()) {
    if (rule.onExitCodes) {
      const { containerName, operator, values } = rule.onExitCodes;
      for (const cs of [
        ...(pod.status.initContainerStatuses ?? []),
        ...(pod.status.containerStatuses ?? []),
      ]) {
        const code = cs.state.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        if (containerName && cs.name !== containerName) continue;
        const hit = operator === "In" ? values.includes(code) : !values.includes(code);
        if (hit)
          return {
            action: rule.action,
            message: `Container ${cs.name} for pod ${ref} failed with exit code ${code} matching ${rule.action} rule at index ${i}`,
          };
      }
    }
    for (const pc of rule.onPodConditions ?? []) {
      const want = pc.status ?? "True";
      if (pod.status.conditions?.some((c) => c.type === pc.type && c.status === want)) {
        return {
          action: rule.action,
          message: `Pod ${ref} has condition ${pc.type} matching ${rule.action} rule at index ${i}`,
        };
      }
    }
  }
  return undefined;
}
