import type { Cluster } from "../cluster.ts";
import type { Pod } from "../api/types.ts";
import type { Injection } from "./types.ts";

/**
 * The simulator hook `podExit` needs (not in the cluster yet): the kubelet asks it when a
 * container starts and, when it answers, ends that container with the given exit code after
 * `afterMs` instead of letting its program finish. Proposed as
 * `cluster.setContainerFault(fn)`; detected at run time so packs work once it lands.
 */
export type ContainerFault = (
  pod: Pod,
  container: string,
) => { exitCode: number; afterMs: number } | undefined;

interface FaultCapable {
  setContainerFault?(fn: ContainerFault | undefined): void;
}

export interface InjectionSetup {
  /** Injections that could not be armed, with why (the hook is missing). */
  unsupported: Injection[];
  dispose(): void;
}

const ownedByJob = (pod: Pod, job: string) =>
  pod.metadata.ownerReferences?.some((r) => r.kind === "Job" && r.name === job) ?? false;

/**
 * Arm an exercise's failure injections on a cluster. Deterministic: they act on the next pods of
 * a Job in the order the Job creates them, at virtual instants, never by chance.
 */
export function armInjections(cluster: Cluster, injections: readonly Injection[]): InjectionSetup {
  const unsupported: Injection[] = [];
  const stops: (() => void)[] = [];
  const exits = injections.filter((i) => i.type === "podExit");
  if (exits.length) {
    const c = cluster as unknown as FaultCapable;
    if (typeof c.setContainerFault !== "function") unsupported.push(...exits);
    else {
      const left = exits.map((i) => i.count);
      const decided = new Map<string, { exitCode: number; afterMs: number } | undefined>();
      c.setContainerFault((pod, _container) => {
        const uid = pod.metadata.uid!;
        if (decided.has(uid)) return decided.get(uid);
        let answer: { exitCode: number; afterMs: number } | undefined;
        exits.forEach((inj, k) => {
          if (answer || left[k] <= 0 || !ownedByJob(pod, inj.job)) return;
          left[k]--;
          answer = { exitCode: inj.exitCode, afterMs: (inj.afterSeconds ?? 1) * 1000 };
        });
        decided.set(uid, answer);
        return answer;
      });
      stops.push(() => c.setContainerFault!(undefined));
    }
  }
  const deletes = injections.filter((i) => i.type === "deletePod");
  if (deletes.length) {
    const left = deletes.map((i) => i.count);
    const armed = new Set<string>();
    // A pod drained from its node: deleted through the API once it has been running a while.
    stops.push(
      cluster.watch((ev) => {
        if (ev.kind !== "Pod" || ev.type === "DELETED") return;
        const pod = ev.object as Pod;
        const uid = pod.metadata.uid!;
        if (armed.has(uid) || pod.status?.phase !== "Running") return;
        deletes.forEach((inj, k) => {
          if (armed.has(uid) || left[k] <= 0 || !ownedByJob(pod, inj.job)) return;
          left[k]--;
          armed.add(uid);
          const { namespace, name } = pod.metadata;
          cluster.clock.after((inj.afterSeconds ?? 0) * 1000, `lab: drain ${name}`, () => {
            const live = cluster.store.get<Pod>("Pod", namespace, name!);
            if (live?.metadata.uid === uid && !live.metadata.deletionTimestamp)
              cluster.api.delete("Pod", namespace, name!);
          });
        });
      }),
    );
  }
  return { unsupported, dispose: () => stops.forEach((s) => s()) };
}
