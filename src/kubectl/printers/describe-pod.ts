import type { Container, KubeEvent, Pod } from "../../api/types.ts";
import { describeContainers, describeVolumes, seccompProfile } from "./describe-containers.ts";
import {
  controllerOf,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./describe-meta.ts";
import { tabbed } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";
import { age, rfc1123z } from "./human-duration.ts";

/** `kubectl describe pod`: kubectl describe.go describePod (release-1.34). */
export function describePod(
  pod: Pod,
  events: readonly KubeEvent[] | undefined,
  now: number,
): string {
  return tabbed((w) => {
    const m = pod.metadata;
    const st = pod.status ?? {};
    w.write(0, `Name:\t${m.name ?? ""}\n`);
    w.write(0, `Namespace:\t${m.namespace ?? ""}\n`);
    if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
    if (pod.spec.serviceAccountName)
      w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
    w.write(
      0,
      pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ""}\n` : "Node:\t<none>\n",
    );
    if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    printLabelsMultiline(w, "Labels", m.labels);
    printAnnotationsMultiline(w, "Annotations", m.annotations);
    if (m.deletionTimestamp && st.phase !== "Failed" && st.phase !== "Succeeded") {
      w.write(0, `Status:\tTerminating (lasts ${age(m.deletionTimestamp, now)})\n`);
      const grace = m.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      w.write(0, `Termination Grace Period:\t${grace}s\n`);
    } else {
      w.write(0, `Status:\t${st.phase ?? ""}\n`);
    }
    if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
    if (st.message) w.write(0, `Message:\t${st.message}\n`);
    const seccomp = seccompProfile(pod.spec.securityContext);
    if (seccomp?.type) {
      w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === "Localhost")
        w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    w.write(0, `IP:\t${st.podIP ?? ""}\n`);
    if (st.podIPs?.length) {
      w.write(0, "IPs:\n");
      for (const ip of st.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
    } else {
      w.write(0, "IPs:\t<none>\n");
    }
    const controlledBy = controllerOf(pod);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (pod.spec.initContainers?.length) {
      describeContainers(
        w,
        "Init Containers",
        pod.spec.initContainers,
        st.initContainerStatuses ?? [],
        pod,
        "",
      );
    }
    describeContainers(w, "Containers", pod.spec.containers, st.containerStatuses ?? [], pod, "");
    if (st.conditions?.length) {
      // The trailing spaces are kubectl's ("%v \t%v \n").
      w.write(0, "Conditions:\n  Type\tStatus\n");
      for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, pod.spec.volumes, "");
    w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
    printLabelsMultiline(w, "Node-Selectors", pod.spec.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", pod.spec.tolerations);
    if (events) describeEvents(w, events, now);
  });
}

/**
 * kubectl `qos.GetPodQOS`: `status.qosClass` when the kubelet set it, else computed from the
 * containers' cpu/memory requests and limits (quantities compared as written).
 */
export function qosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all: Container[] = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const tracked = ["cpu", "memory"];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of tracked) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
