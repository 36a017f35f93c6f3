import type { KubeObject } from "../../api/types.ts";
import { kindPrefix } from "./table.ts";

/** `-o name`: `job.batch/pi`, `pod/pi-x7k2p`, one per line (spec §7.5). */
export function resourceName(obj: KubeObject): string {
  return `${kindPrefix(obj.kind)}/${obj.metadata.name ?? ""}`;
}

export function printNames(objs: readonly KubeObject[]): string {
  return objs.map((o) => resourceName(o) + "\n").join("");
}
