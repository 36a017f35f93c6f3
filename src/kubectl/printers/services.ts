import type { KubeObject } from "../../api/types.ts";
import { age } from "./human-duration.ts";
import type { Table } from "./table.ts";

/** printers.go printService / printPersistentVolumeClaim (release-1.34), for the few a lab creates. */

interface ServiceLike extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    externalIPs?: string[];
    ports?: { port: number; protocol?: string; nodePort?: number }[];
    selector?: Record<string, string>;
  };
}

export function serviceTable(svcs: readonly KubeObject[], now: number): Table {
  return {
    columns: [
      { name: "Name" },
      { name: "Type" },
      { name: "Cluster-IP" },
      { name: "External-IP" },
      { name: "Port(s)" },
      { name: "Age" },
      { name: "Selector", wide: true },
    ],
    rows: (svcs as ServiceLike[]).map((s) => {
      const spec = s.spec ?? {};
      const ports = (spec.ports ?? [])
        .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`)
        .join(",");
      const sel = Object.keys(spec.selector ?? {})
        .sort()
        .map((k) => `${k}=${spec.selector![k]}`)
        .join(",");
      return {
        object: s,
        cells: [
          s.metadata.name ?? "",
          spec.type ?? "ClusterIP",
          spec.clusterIP ?? "<none>",
          spec.externalIPs?.length ? spec.externalIPs.join(",") : "<none>",
          ports || "<none>",
          age(s.metadata.creationTimestamp, now),
          sel || "<none>",
        ],
      };
    }),
  };
}

interface PvcLike extends KubeObject {
  spec?: {
    volumeName?: string;
    storageClassName?: string;
    volumeMode?: string;
    volumeAttributesClassName?: string;
  };
  status?: { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
}

const modeShort: Record<string, string> = {
  ReadWriteOnce: "RWO",
  ReadOnlyMany: "ROX",
  ReadWriteMany: "RWX",
  ReadWriteOncePod: "RWOP",
};

export function pvcTable(pvcs: readonly KubeObject[], now: number): Table {
  return {
    columns: [
      { name: "Name" },
      { name: "Status" },
      { name: "Volume" },
      { name: "Capacity" },
      { name: "Access Modes" },
      { name: "StorageClass" },
      { name: "VolumeAttributesClass" },
      { name: "Age" },
      { name: "VolumeMode", wide: true },
    ],
    rows: (pvcs as PvcLike[]).map((p) => {
      const phase = p.metadata.deletionTimestamp ? "Terminating" : (p.status?.phase ?? "Pending");
      const bound = !!p.spec?.volumeName;
      return {
        object: p,
        cells: [
          p.metadata.name ?? "",
          phase,
          p.spec?.volumeName ?? "",
          bound ? (p.status?.capacity?.storage ?? "") : "",
          bound ? (p.status?.accessModes ?? []).map((m) => modeShort[m] ?? m).join(",") : "",
          p.spec?.storageClassName ?? "",
          p.spec?.volumeAttributesClassName ?? "<unset>",
          age(p.metadata.creationTimestamp, now),
          p.spec?.volumeMode ?? "Filesystem",
        ],
      };
    }),
  };
}
