import type { ResourceType } from "../api/resources.ts";
import { ALL_CATEGORY, lookupType, typeOfKind } from "./kinds.ts";
import type { Output } from "./output.ts";

export interface TargetGroup {
  rt: ResourceType;
  names: string[];
}

function resolveType(type: string, out: Output): ResourceType[] | undefined {
  if (type.toLowerCase() === "all") return ALL_CATEGORY.map((k) => typeOfKind(k)!);
  const rt = lookupType(type);
  if (!rt) {
    out.fail(`error: the server doesn't have a resource type "${type}"`);
    return undefined;
  }
  return [rt];
}

/**
 * `jobs/pi`, `job pi`, `jobs.batch/pi`, `jobs,pods`, `all` → types + names, in the order given;
 * kubectl's error for an unknown type (cli-runtime resource builder).
 */
export function resolveTargets(args: string[], out: Output): TargetGroup[] | undefined {
  if (args.length === 0) return [];
  const groups: TargetGroup[] = [];
  if (args.every((a) => a.includes("/"))) {
    for (const a of args) {
      const [type, name] = [a.slice(0, a.indexOf("/")), a.slice(a.indexOf("/") + 1)];
      if (name === "") {
        out.fail(`error: arguments in resource/name form must have a single resource and name`);
        return undefined;
      }
      const rts = resolveType(type, out);
      if (!rts) return undefined;
      for (const rt of rts) {
        const g = groups.find((x) => x.rt === rt);
        if (g) g.names.push(name);
        else groups.push({ rt, names: [name] });
      }
    }
    return groups;
  }
  if (args.slice(1).some((a) => a.includes("/"))) {
    out.fail(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
    return undefined;
  }
  for (const type of args[0].split(",")) {
    if (type === "") continue;
    const rts = resolveType(type, out);
    if (!rts) return undefined;
    for (const rt of rts)
      if (!groups.some((g) => g.rt === rt)) groups.push({ rt, names: args.slice(1) });
  }
  return groups;
}
