import { hexDigest } from "../sim/hash.ts";
import type { KubeObject } from "./types.ts";

/**
 * The core/v1 objects Job manifests lean on — Service, PersistentVolumeClaim, ServiceAccount —
 * with the defaults the API server (and, for PVCs, the PV controller with a default
 * StorageClass) gives them, so `kubectl get svc,pvc,sa` and the kubelet see what a kind or
 * minikube cluster shows.
 */

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface Service extends KubeObject {
  spec: {
    type?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    sessionAffinity?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
  };
  status?: { loadBalancer: Record<string, unknown> };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec: {
    accessModes?: string[];
    resources?: { requests?: { storage?: string } };
    storageClassName?: string;
    volumeMode?: string;
    volumeName?: string;
  };
  status?: {
    phase?: string;
    accessModes?: string[];
    capacity?: { storage?: string };
  };
}

export interface ServiceAccount extends KubeObject {
  secrets?: { name: string }[];
}

/**
 * A ClusterIP from the service range 10.96.0.0/12, derived from the Service's namespace and name
 * (the real allocator is random; a hash keeps the simulation deterministic without drawing from
 * the seeded RNG, whose sequence names every pod). 10.96.0.1 (kubernetes) and 10.96.0.10
 * (kube-dns) are never handed out.
 */
export function clusterIPFor(namespace: string, name: string): string {
  const h = parseInt(hexDigest(`${namespace}/${name}`, 6), 16);
  const third = (h >> 8) % 256;
  let fourth = (h % 254) + 1;
  if (third === 0 && (fourth === 1 || fourth === 10)) fourth += 100;
  return `10.96.${third}.${fourth}`;
}

export function defaultService(s: Service): void {
  s.metadata.namespace ??= "default";
  const spec = (s.spec ??= {});
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  spec.internalTrafficPolicy ??= "Cluster";
  spec.ipFamilies ??= ["IPv4"];
  spec.ipFamilyPolicy ??= "SingleStack";
  for (const p of spec.ports ?? []) {
    p.protocol ??= "TCP";
    p.targetPort ??= p.port;
  }
  if (spec.clusterIP === undefined)
    spec.clusterIP = clusterIPFor(s.metadata.namespace, s.metadata.name ?? "");
  spec.clusterIPs ??= spec.clusterIP === "None" ? ["None"] : [spec.clusterIP];
  s.status = { loadBalancer: {} };
}

/** A PVC is bound at once by the default StorageClass's provisioner (`standard`, like kind). */
export function defaultPvc(pvc: PersistentVolumeClaim): void {
  pvc.metadata.namespace ??= "default";
  const spec = (pvc.spec ??= {});
  spec.storageClassName ??= "standard";
  spec.volumeMode ??= "Filesystem";
}

export function bindPvc(pvc: PersistentVolumeClaim): void {
  const spec = pvc.spec;
  spec.volumeName = `pvc-${pvc.metadata.uid}`;
  pvc.metadata.annotations = {
    ...pvc.metadata.annotations,
    "pv.kubernetes.io/bind-completed": "yes",
    "pv.kubernetes.io/bound-by-controller": "yes",
    "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
    "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path",
  };
  pvc.status = {
    phase: "Bound",
    accessModes: [...(spec.accessModes ?? ["ReadWriteOnce"])],
    capacity: { storage: spec.resources?.requests?.storage ?? "1Gi" },
  };
}

/**
 * The `default` ServiceAccount the service-account controller creates in every namespace. Its
 * uid is derived from the namespace (not drawn from the seeded RNG).
 */
export function defaultServiceAccountFor(namespace: string): ServiceAccount {
  const h = hexDigest(`serviceaccount/${namespace}/default`, 32);
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: {
      name: "default",
      namespace,
      uid: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`,
    },
  };
}
