import type { PropagationPolicy } from "../api/apiserver.ts";
import { qualifiedPlural, qualifiedSingular, resourceFor } from "../api/resources.ts";
import { readObjects, apiErrorText } from "./apply.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { resolveTargets } from "./resolve.ts";

const cascades: Record<string, PropagationPolicy> = {
  background: "Background",
  foreground: "Foreground",
  orphan: "Orphan",
  true: "Background",
  false: "Orphan",
};

export const deleteVerb: Verb = {
  name: "delete",
  short:
    "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  usage: "kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    { name: "filename", short: "f", type: "strings", usage: "containing the resource to delete." },
    {
      name: "all",
      type: "bool",
      usage: "Delete all resources, in the namespace of the specified resource types.",
    },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    {
      name: "cascade",
      type: "string",
      default: "background",
      usage: 'Must be "background", "orphan", or "foreground".',
    },
    {
      name: "grace-period",
      type: "int",
      default: -1,
      usage: "Period of time in seconds given to the resource to terminate gracefully.",
    },
    {
      name: "now",
      type: "bool",
      usage: "If true, resources are signaled for immediate shutdown (same as --grace-period=1).",
    },
    {
      name: "force",
      type: "bool",
      usage: "If true, immediately remove resources from API and bypass graceful deletion.",
    },
    {
      name: "wait",
      type: "bool",
      default: true,
      usage: "If true, wait for resources to be gone before returning.",
    },
    {
      name: "ignore-not-found",
      type: "bool",
      usage: 'Treat "resource not found" as a successful delete.',
    },
  ],
  run(ctx, parsed, out) {
    const ns = namespaceOf(parsed);
    const cascade = cascades[String(parsed.flags.cascade)];
    if (!cascade)
      return out.fail(
        `error: invalid cascade value (${String(parsed.flags.cascade)}). Must be "background", "foreground", or "orphan".`,
      );
    let grace = parsed.flags["grace-period"] as number;
    if (parsed.flags.now) grace = 1;
    if (parsed.flags.force && grace < 0) grace = 0;
    const targets: {
      kind: string;
      plural: string;
      singular: string;
      ns: string | undefined;
      name: string;
    }[] = [];
    if (parsed.flags.filename) {
      const objs = readObjects(ctx, parsed, out);
      if (!objs) return;
      for (const { obj } of objs) {
        const rt = resourceFor(obj.kind)!;
        targets.push({
          kind: obj.kind,
          plural: qualifiedPlural(rt),
          singular: qualifiedSingular(rt),
          ns: rt.namespaced ? (obj.metadata?.namespace ?? ns) : undefined,
          name: obj.metadata?.name ?? "",
        });
      }
    } else {
      const groups = resolveTargets(parsed.args, out);
      if (!groups) return;
      if (groups.length === 0)
        return out.fail(
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        );
      for (const { rt, names } of groups) {
        const space = rt.namespaced ? ns : undefined;
        let list = names;
        if (names.length === 0) {
          if (!parsed.flags.all && !parsed.flags.selector)
            return out.fail(`error: resource(s) were provided, but no name was specified`);
          list = ctx.cluster.store.list(rt.kind, space).map((o) => o.metadata.name!);
          if (list.length === 0) out.err(`No resources found\n`);
        }
        for (const name of list)
          targets.push({
            kind: rt.kind,
            plural: qualifiedPlural(rt),
            singular: qualifiedSingular(rt),
            ns: space,
            name,
          });
      }
    }
    for (const t of targets) {
      try {
        ctx.cluster.api.delete(t.kind, t.ns, t.name, {
          propagationPolicy: cascade,
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
        });
        const where = t.ns ? ` from ${t.ns} namespace` : "";
        out.out(`${t.singular} "${t.name}" deleted${where}\n`);
      } catch (e) {
        if (parsed.flags["ignore-not-found"]) continue;
        out.fail(apiErrorText(e, "creating"));
      }
    }
    // kubectl waits until the objects are gone (--wait=true): pods finish their grace period.
    if (parsed.flags.wait !== false) {
      ctx.cluster.advanceUntil(
        () => targets.every((t) => !ctx.cluster.store.get(t.kind, t.ns, t.name)),
        ctx.waitLimitMs ?? 120_000,
      );
    }
  },
};
