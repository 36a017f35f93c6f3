import { qualifiedPlural, type ResourceType } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import type { Parsed } from "./flags.ts";
import type { Output } from "./output.ts";
import { tableFor } from "./printers/index.ts";
import { kindPrefix, printTable } from "./printers/table.ts";
import { resolveTargets } from "./resolve.ts";
import { matches, parseSelector } from "./selector.ts";
import { toYaml } from "./yaml-out.ts";

/** The object as the API serves it: apiVersion and kind first, fields as stored. */
function served(o: KubeObject): KubeObject {
  return o;
}

function listFor(
  ctx: KubectlContext,
  rt: ResourceType,
  names: string[],
  ns: string | undefined,
  parsed: Parsed,
  out: Output,
): KubeObject[] | undefined {
  const store = ctx.cluster.store;
  let objects: KubeObject[];
  if (names.length) {
    objects = [];
    for (const n of names) {
      const o = store.get(rt.kind, rt.namespaced ? (ns ?? "default") : undefined, n);
      if (o) objects.push(o);
      else out.fail(`Error from server (NotFound): ${qualifiedPlural(rt)} "${n}" not found`);
    }
  } else objects = store.list(rt.kind, rt.namespaced ? ns : undefined);
  const sel = parsed.flags.selector as string | undefined;
  if (sel !== undefined) {
    const p = parseSelector(sel);
    if ("error" in p) {
      out.fail(`error: ${p.error}`);
      return undefined;
    }
    objects = objects.filter((o) => matches(p.reqs, o.metadata.labels));
  }
  return objects;
}

export const getVerb: Verb = {
  name: "get",
  short: "Display one or many resources",
  usage:
    "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags: [
    { name: "output", short: "o", type: "string", usage: "Output format." },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If present, list the requested object(s) across all namespaces.",
    },
    {
      name: "no-headers",
      type: "bool",
      usage: "When using the default or custom-column output format, don't print headers.",
    },
    {
      name: "show-labels",
      type: "bool",
      usage: "When printing, show all labels as the last column.",
    },
    {
      name: "show-kind",
      type: "bool",
      usage: "If present, list the resource type for the requested object(s).",
    },
    {
      name: "watch",
      short: "w",
      type: "bool",
      usage: "After listing/getting the requested object, watch for changes.",
    },
  ],
  run(ctx, parsed, out) {
    if (parsed.args.length === 0) {
      out.fail(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
      return;
    }
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    const all = parsed.flags["all-namespaces"] === true;
    const ns = all ? undefined : namespaceOf(parsed);
    const format = (parsed.flags.output as string | undefined) ?? "";
    if (format && !["wide", "name", "yaml", "json"].includes(format)) {
      out.fail(
        `error: unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
      );
      return;
    }
    const now = ctx.cluster.now();
    const several = groups.length > 1;
    const byName = groups.some((g) => g.names.length > 0);
    const collected: KubeObject[] = [];
    let printedTables = 0;
    for (const { rt, names } of groups) {
      const objects = listFor(ctx, rt, names, ns, parsed, out);
      if (!objects) return;
      collected.push(...objects);
      if (format === "" || format === "wide") {
        const text = printTable(tableFor(rt.kind, objects, now), {
          wide: format === "wide",
          noHeaders: parsed.flags["no-headers"] === true,
          withNamespace: all && rt.namespaced,
          showKind: several || parsed.flags["show-kind"] === true,
          showLabels: parsed.flags["show-labels"] === true,
        });
        if (text) {
          if (printedTables++ > 0) out.out("\n");
          out.out(text);
        }
      } else if (format === "name") {
        for (const o of objects) out.out(`${kindPrefix(o.kind)}/${o.metadata.name}\n`);
      }
    }
    if (format === "yaml" || format === "json") {
      const single =
        byName && collected.length === 1 && groups.length === 1 && groups[0].names.length === 1;
      const doc = single
        ? served(collected[0])
        : {
            apiVersion: "v1",
            items: collected.map(served),
            kind: "List",
            metadata: { resourceVersion: "" },
          };
      out.out(format === "yaml" ? toYaml(doc) : JSON.stringify(doc, null, 4) + "\n");
      return;
    }
    if ((format === "" || format === "wide") && collected.length === 0 && !byName) {
      out.err(all ? "No resources found\n" : `No resources found in ${ns} namespace.\n`);
    }
  },
};
