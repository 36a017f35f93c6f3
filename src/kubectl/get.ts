import { qualifiedPlural } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import { checkFields, parseFieldSelector } from "./field-selector.ts";
import { queryMatches, type Query } from "./query.ts";
import type { FlagSpec, Parsed } from "./flags.ts";
import { startGetWatch } from "./get-watch.ts";
import { findValues, relaxedPath } from "./jsonpath/jsonpath.ts";
import type { Output } from "./output.ts";
import { tableFor } from "./printers/index.ts";
import { printTable } from "./printers/table.ts";
import { parseOutput, printObjects, type OutputFormat } from "./printing.ts";
import type { Process } from "./process.ts";
import { resolveTargets, type TargetGroup } from "./resolve.ts";
import { parseSelector } from "./selector.ts";

/** Objects of one group: by name (errors for missing ones) or by listing. */
function collect(
  ctx: KubectlContext,
  g: TargetGroup,
  q: Query,
  errors: string[],
  ignoreNotFound: boolean,
): KubeObject[] {
  const store = ctx.cluster.store;
  const space = g.rt.namespaced ? q.ns : undefined;
  if (g.names.length) {
    const found: KubeObject[] = [];
    for (const n of g.names) {
      const o = store.get(g.rt.kind, g.rt.namespaced ? (q.ns ?? "default") : undefined, n);
      if (o) found.push(o);
      else if (!ignoreNotFound)
        errors.push(`Error from server (NotFound): ${qualifiedPlural(g.rt)} "${n}" not found`);
    }
    return found;
  }
  return store.list(g.rt.kind, space).filter((o) => queryMatches(q, o));
}

/** `--sort-by`: kubectl's RelaxedJSONPathExpression, strings and numbers compared by type. */
function sortObjects(objs: KubeObject[], expr: string): { objs: KubeObject[] } | { error: string } {
  const p = relaxedPath(expr);
  if ("error" in p) return { error: `error: ${p.error}` };
  const keyed = objs.map((o) => ({ o, v: findValues(p.nodes, JSON.parse(JSON.stringify(o)))[0] }));
  if (objs.length > 0 && keyed.every((k) => k.v === undefined)) {
    const shown = expr.startsWith("{") ? expr : `{${expr.startsWith(".") ? "" : "."}${expr}}`;
    return { error: `error: couldn't find any field with path "${shown}" in the list of objects` };
  }
  const rank = (v: unknown) => (v === undefined ? 0 : 1);
  keyed.sort((a, b) => {
    if (rank(a.v) !== rank(b.v)) return rank(a.v) - rank(b.v);
    const x = a.v as number | string;
    const y = b.v as number | string;
    if (typeof x === "number" && typeof y === "number") return x - y;
    const sx = typeof x === "object" ? JSON.stringify(x) : String(x);
    const sy = typeof y === "object" ? JSON.stringify(y) : String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
  return { objs: keyed.map((k) => k.o) };
}

const flags: FlagSpec[] = [
  {
    name: "output",
    short: "o",
    type: "string",
    usage:
      "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).",
  },
  { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
  {
    name: "field-selector",
    type: "string",
    usage: "Selector (field query) to filter on, supports '=', '==', and '!='.",
  },
  {
    name: "all-namespaces",
    short: "A",
    type: "bool",
    usage: "If present, list the requested object(s) across all namespaces.",
  },
  {
    name: "watch",
    short: "w",
    type: "bool",
    usage: "After listing/getting the requested object, watch for changes.",
  },
  {
    name: "watch-only",
    type: "bool",
    usage: "Watch for changes to the requested object(s), without listing/getting first.",
  },
  {
    name: "sort-by",
    type: "string",
    usage: "If non-empty, sort list types using this field specification.",
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
    name: "no-headers",
    type: "bool",
    usage: "When using the default or custom-column output format, don't print headers.",
  },
  {
    name: "label-columns",
    short: "L",
    type: "strings",
    usage: "Accepts a comma separated list of labels that are going to be presented as columns.",
  },
  {
    name: "ignore-not-found",
    type: "bool",
    usage: "If set to true, suppresses NotFound error for specific objects that do not exist.",
  },
  {
    name: "chunk-size",
    type: "int",
    default: 500,
    usage: "Return large lists in chunks rather than all at once.",
  },
];

export const getVerb: Verb = {
  name: "get",
  short: "Display one or many resources",
  usage:
    "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags,
  args: "resource",
  run: runGet,
};

function runGet(ctx: KubectlContext, parsed: Parsed, out: Output): void | Process {
  const f = parsed.flags;
  if (parsed.args.length === 0) {
    return out.fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const format = parseOutput(f.output as string | undefined, true);
  if ("error" in format) return out.fail(format.error);
  const groups = resolveTargets(parsed.args, out);
  if (!groups) return;
  const labelSel = (f.selector as string | undefined) ?? "";
  const fieldSel = (f["field-selector"] as string | undefined) ?? "";
  const byName = groups.some((g) => g.names.length > 0);
  if (byName && (labelSel || fieldSel))
    return out.fail("error: name cannot be provided when a selector is specified");
  const labels = parseSelector(labelSel);
  if ("error" in labels) return out.fail(`error: ${labels.error}`);
  const fields = parseFieldSelector(fieldSel);
  if ("error" in fields) return out.fail(`error: ${fields.error}`);
  const all = f["all-namespaces"] === true;
  const q: Query = {
    ns: all ? undefined : namespaceOf(parsed),
    labels: labels.reqs,
    fields: fields.reqs,
  };
  for (const g of groups) {
    const bad = checkFields(g.rt, fields.reqs, labelSel, fieldSel);
    if (bad) return out.fail(bad);
  }
  const watching = f.watch === true || f["watch-only"] === true;
  if (watching && groups.length > 1)
    return out.fail(
      `error: watch is only supported on individual resources and resource collections, but ${groups.length} resource types were found`,
    );
  const errors: string[] = [];
  const ignoreNotFound = f["ignore-not-found"] === true;
  const perGroup: KubeObject[][] = [];
  for (const g of groups) {
    let objs = collect(ctx, g, q, errors, ignoreNotFound);
    if (f["sort-by"]) {
      const s = sortObjects(objs, f["sort-by"] as string);
      if ("error" in s) return out.fail(s.error);
      objs = s.objs;
    }
    perGroup.push(objs);
  }
  const single = groups.length === 1 && groups[0].names.length === 1 && parsed.args.length <= 2;
  const labelColumns = ((f["label-columns"] as string[] | undefined) ?? []).flatMap((s) =>
    s.split(",").filter(Boolean),
  );
  const tableOpts = {
    wide: format.kind === "table" && format.wide,
    noHeaders: f["no-headers"] === true,
    withNamespace: all,
    showKind: groups.length > 1 || f["show-kind"] === true || /^all$/i.test(parsed.args[0] ?? ""),
    showLabels: f["show-labels"] === true,
    labelColumns,
  };
  if (watching) {
    return startGetWatch(ctx, {
      group: groups[0],
      query: q,
      format,
      tableOpts,
      initial: f["watch-only"] === true ? [] : perGroup[0],
      single,
      out,
    });
  }
  printGroups(ctx, groups, perGroup, format, tableOpts, single, out);
  for (const e of errors) out.fail(e);
  const total = perGroup.reduce((n, g) => n + g.length, 0);
  if (total === 0 && !byName && (format.kind === "table" || format.kind === "custom-columns")) {
    const namespaced = groups.every((g) => g.rt.namespaced);
    out.err(
      namespaced && !all ? `No resources found in ${q.ns} namespace.\n` : "No resources found\n",
    );
  }
}

function printGroups(
  ctx: KubectlContext,
  groups: TargetGroup[],
  perGroup: KubeObject[][],
  format: OutputFormat,
  tableOpts: Parameters<typeof printTable>[1],
  single: boolean,
  out: Output,
): void {
  if (format.kind === "table") {
    let printed = 0;
    groups.forEach((g, i) => {
      const text = printTable(tableFor(g.rt.kind, perGroup[i], ctx.cluster.now()), tableOpts);
      if (!text) return;
      if (printed++ > 0) out.out("\n");
      out.out(text);
    });
    return;
  }
  const r = printObjects(format, perGroup.flat(), single, tableOpts?.noHeaders === true);
  if ("error" in r) out.fail(r.error);
  else out.out(r.text);
}
