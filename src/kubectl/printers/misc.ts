import type { ConfigMap, KubeObject, Node, Secret } from "../../api/types.ts";
import { nodeRoles } from "./describe-node.ts";
import { age } from "./human-duration.ts";
import type { Table } from "./table.ts";

/** Tables for the kinds a batch lesson only glances at: printers.go printNode/printSecret/printConfigMap. */

export function nodeTable(nodes: readonly Node[], now: number): Table {
  return {
    columns: [
      { name: "Name" },
      { name: "Status" },
      { name: "Roles" },
      { name: "Age" },
      { name: "Version" },
      { name: "Internal-IP", wide: true },
      { name: "External-IP", wide: true },
      { name: "OS-Image", wide: true },
      { name: "Kernel-Version", wide: true },
      { name: "Container-Runtime", wide: true },
    ],
    rows: nodes.map((n) => {
      const ready = n.status.conditions.find((c) => c.type === "Ready");
      const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
      if (n.spec.unschedulable) status.push("SchedulingDisabled");
      const addr = (t: string): string =>
        n.status.addresses.find((a) => a.type === t)?.address ?? "<none>";
      const info = (k: string): string => n.status.nodeInfo[k] || "<unknown>";
      const roles = nodeRoles(n);
      return {
        object: n,
        cells: [
          n.metadata.name ?? "",
          status.join(","),
          roles.length ? roles.join(",") : "<none>",
          age(n.metadata.creationTimestamp, now),
          n.status.nodeInfo.kubeletVersion ?? "",
          addr("InternalIP"),
          addr("ExternalIP"),
          info("osImage"),
          info("kernelVersion"),
          info("containerRuntimeVersion"),
        ],
      };
    }),
  };
}

export function secretTable(secrets: readonly Secret[], now: number): Table {
  return {
    columns: [{ name: "Name" }, { name: "Type" }, { name: "Data" }, { name: "Age" }],
    rows: secrets.map((s) => {
      const keys = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
      return {
        object: s,
        cells: [
          s.metadata.name ?? "",
          s.type ?? "Opaque",
          String(keys.size),
          age(s.metadata.creationTimestamp, now),
        ],
      };
    }),
  };
}

export function configMapTable(cms: readonly ConfigMap[], now: number): Table {
  return {
    columns: [{ name: "Name" }, { name: "Data" }, { name: "Age" }],
    rows: cms.map((c) => {
      const n = Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length;
      return {
        object: c,
        cells: [c.metadata.name ?? "", String(n), age(c.metadata.creationTimestamp, now)],
      };
    }),
  };
}

/** The API server's default table for kinds without a printer: NAME and AGE. */
export function defaultTable(objs: readonly KubeObject[], now: number): Table {
  return {
    columns: [{ name: "Name" }, { name: "Age" }],
    rows: objs.map((o) => ({
      object: o,
      cells: [o.metadata.name ?? "", age(o.metadata.creationTimestamp, now)],
    })),
  };
}
