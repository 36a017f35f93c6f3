import type { PropagationPolicy } from "../api/apiserver.ts";
import { qualifiedSingular, resourceFor } from "../api/resources.ts";
import { apiErrorText, readObjects } from "./apply.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { resolveTargets } from "./resolve.ts";
import { matches, parseSelector } from "./selector.ts";

const cascades: Record<string, PropagationPolicy> = {
  background: "Background",
  foreground: "Foreground",
  orphan: "Orphan",
  true: "Background",
  false: "Orphan",
};

/**
 * `kubectl delete` (kubectl `cmd/delete`, spec §2.12): by name, `-f`, `-l`, `--all`; cascade
 * policies; `--grace-period`/`--now`/`--force` with kubectl's checks and warning; 1.34's
 * `… deleted from <ns> namespace`; then it waits until the objects are gone.
 */
export const deleteVerb: Verb = {
  name: "delete",
  short:
    "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  usage:
    "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  args: "object",
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
      usage: 'Must be "background", "orphan", or "foreground". Defaults to background.',
    },
    {
      name: "grace-period",
      type: "int",
      default: -1,
      usage:
        "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.",
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
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If present, list the requested object(s) across all namespaces.",
    },
  ],
  run(ctx, parsed, out) {
    const f = parsed.flags;
    const ns = namespaceOf(parsed);
    const cascade = cascades[String(f.cascade)];
    if (!cascade)
      return out.fail(
        `error: invalid cascade value (${String(f.cascade)}). Must be "background", "foreground", or "orphan".`,
      );
    let grace = f["grace-period"] as number;
    if (f.now) {
      if (grace !== -1)
        return out.fail("error: --now and --grace-period cannot be specified together");
      grace = 1;
    }
    if (grace === 0 && !f.force) grace = 1;
    if (f.force && grace < 0) grace = 0;
    if (f.force && grace > 0)
      return out.fail(
        "error: --force and --grace-period greater than 0 cannot be specified together",
      );
    if (f.all && f.selector !== undefined)
      return out.fail("error: cannot set --all and --selector at the same time");
    if (f.force && grace === 0)
      out.err(
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      );
    const targets: { kind: string; singular: string; ns: string | undefined; name: string }[] = [];
    const listed = f.all === true || f.selector !== undefined;
    if (f.filename) {
      const objs = readObjects(ctx, parsed, out);
      if (!objs) return;
      for (const { obj } of objs) {
        const rt = resourceFor(obj.kind)!;
        targets.push({
          kind: obj.kind,
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
      const sel = parseSelector((f.selector as string | undefined) ?? "");
      if ("error" in sel) return out.fail(`error: ${sel.error}`);
      for (const { rt, names } of groups) {
        const space = rt.namespaced ? (f["all-namespaces"] ? undefined : ns) : undefined;
        let list = names.map((name) => ({ name, ns: rt.namespaced ? ns : undefined }));
        if (names.length === 0) {
          if (!listed)
            return out.fail("error: resource(s) were provided, but no name was specified");
          list = ctx.cluster.store
            .list(rt.kind, space)
            .filter((o) => matches(sel.reqs, o.metadata.labels) && !o.metadata.deletionTimestamp)
            .map((o) => ({ name: o.metadata.name!, ns: o.metadata.namespace }));
        }
        for (const t of list)
          targets.push({ kind: rt.kind, singular: qualifiedSingular(rt), ns: t.ns, name: t.name });
      }
      if (targets.length === 0 && listed) return out.err("No resources found\n");
    }
    const deleted: typeof targets = [];
    for (const t of targets) {
      try {
        ctx.cluster.api.delete(t.kind, t.ns, t.name, {
          propagationPolicy: cascade,
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
        });
        const where = t.ns ? ` from ${t.ns} namespace` : "";
        out.out(
          `${t.singular} "${t.name}" ${f.force && grace === 0 ? "force deleted" : "deleted"}${where}\n`,
        );
        deleted.push(t);
      } catch (e) {
        if (f["ignore-not-found"]) continue;
        out.fail(apiErrorText(e, "creating"));
      }
    }
    // kubectl waits until the objects are gone (--wait=true): pods finish their grace period.
    if (f.wait !== false && deleted.length) {
      ctx.cluster.advanceUntil(
        () => deleted.every((t) => !ctx.cluster.store.get(t.kind, t.ns, t.name)),
        ctx.waitLimitMs ?? 120_000,
      );
    }
  },
};
