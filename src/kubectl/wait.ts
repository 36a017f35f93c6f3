import { parseGoDuration } from "../sim/go-duration.ts";
import { qualifiedPlural, qualifiedSingular } from "../api/resources.ts";
import type { Job, KubeObject } from "../api/types.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { resolveTargets } from "./resolve.ts";

/**
 * `kubectl wait`: advances virtual time until every target meets the condition or the timeout
 * passes (spec §7.5). Conditions match case-insensitively; it does not stop early on failure.
 */
export const waitVerb: Verb = {
  name: "wait",
  short: "Experimental: Wait for a specific condition on one or many resources",
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    {
      name: "for",
      type: "string",
      usage:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
    },
    {
      name: "timeout",
      type: "duration",
      default: "30s",
      usage: "The length of time to wait before giving up.",
    },
    {
      name: "all",
      type: "bool",
      usage: "Select all resources in the namespace of the specified resource types",
    },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
  ],
  run(ctx, parsed, out) {
    const ns = namespaceOf(parsed);
    const forSpec = parsed.flags.for as string | undefined;
    if (!forSpec) return out.fail("error: --for must be set");
    const timeout = parseGoDuration(String(parsed.flags.timeout));
    const timeoutMs = "ms" in timeout ? timeout.ms : 30_000;
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    if (groups.length === 0 || groups.every((g) => g.names.length === 0))
      return out.fail("error: resource name may not be empty");
    let test: (o: KubeObject | undefined) => boolean;
    const cond = /^condition=([^=]+)(?:=(.*))?$/i.exec(forSpec);
    if (forSpec.toLowerCase() === "delete") test = (o) => !o;
    else if (forSpec.toLowerCase() === "create") test = (o) => !!o;
    else if (cond) {
      const want = (cond[2] ?? "true").toLowerCase();
      test = (o) =>
        !!(o as Job | undefined)?.status?.conditions?.some(
          (c) => c.type.toLowerCase() === cond[1].toLowerCase() && c.status.toLowerCase() === want,
        );
    } else return out.fail(`error: unrecognized condition: "${forSpec}"`);
    const store = ctx.cluster.store;
    for (const { rt, names } of groups) {
      for (const name of names) {
        const space = rt.namespaced ? ns : undefined;
        const initial = store.get(rt.kind, space, name);
        if (!initial && forSpec.toLowerCase() !== "delete" && forSpec.toLowerCase() !== "create") {
          out.fail(`Error from server (NotFound): ${qualifiedPlural(rt)} "${name}" not found`);
          continue;
        }
        const uid = initial?.metadata.uid;
        const ok = ctx.cluster.advanceUntil(() => {
          const o = store.get(rt.kind, space, name);
          return test(o && (!uid || o.metadata.uid === uid) ? o : undefined);
        }, timeoutMs);
        if (ok) out.out(`${qualifiedSingular(rt)}/${name} condition met\n`);
        else out.fail(`error: timed out waiting for the condition on ${rt.plural}/${name}`);
      }
    }
  },
};
