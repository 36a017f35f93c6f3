import { resolveResource, type ResourceType } from "../api/resources.ts";
import type { Output } from "./output.ts";

/** `jobs/pi`, `job pi`, `jobs.batch/pi` → type + names; kubectl's error for an unknown type. */
export function resolveTargets(
  args: string[],
  out: Output,
): { rt: ResourceType; names: string[] }[] | undefined {
  if (args.length === 0) return [];
  const groups: { rt: ResourceType; names: string[] }[] = [];
  if (args.every((a) => a.includes("/"))) {
    for (const a of args) {
      const [type, name] = [a.slice(0, a.indexOf("/")), a.slice(a.indexOf("/") + 1)];
      const rt = resolveResource(type);
      if (!rt) {
        out.fail(`error: the server doesn't have a resource type "${type}"`);
        return undefined;
      }
      const g = groups.find((x) => x.rt === rt);
      if (g) g.names.push(name);
      else groups.push({ rt, names: [name] });
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
    const rt = resolveResource(type);
    if (!rt) {
      out.fail(`error: the server doesn't have a resource type "${type}"`);
      return undefined;
    }
    groups.push({ rt, names: args.slice(1) });
  }
  return groups;
}
