import { StatusError } from "../api/errors.ts";
import { qualifiedPlural, qualifiedSingular, type ResourceType } from "../api/resources.ts";
import { clone } from "../api/store.ts";
import type { KubeObject } from "../api/types.ts";
import { labelValueErrors } from "../api/validation-meta.ts";
import { apiErrorText } from "./apply.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import type { FlagSpec, Parsed } from "./flags.ts";
import type { Output } from "./output.ts";
import { parseOutput, printObjects, type OutputFormat } from "./printing.ts";
import { resolveTargets } from "./resolve.ts";
import { matches, parseSelector } from "./selector.ts";
import { serverUpdate } from "./server-update.ts";

/**
 * `kubectl label` and `kubectl annotate` (k8s.io/kubectl release-1.34 `pkg/cmd/label/label.go`,
 * `pkg/cmd/annotate/annotate.go`): both read each object, change one metadata map on a copy and
 * send the difference as a JSON merge patch, so the API server validates the keys and values
 * (spec §6.3). The two differ in small ways reproduced here: label validates values on the
 * client, prints `labeled`/`unlabeled`/`label(s) changed`/`not labeled` and the object it built,
 * and says `label "k" not found.`; annotate always prints `annotated` and the server's answer.
 */

type Pairs = { set: Map<string, string>; remove: string[] };

/** One failure of the visit; kubectl (`ContinueOnError`) reports them together at the end. */
type Failure = StatusError | string[];

interface MapVerb {
  verb: "label" | "annotate";
  pair: "label" | "annotation";
  field: "labels" | "annotations";
  parse(specs: string[]): Pairs | string;
  /** The `--overwrite is false` check: messages (label aggregates one per key). */
  noOverwrite(current: Record<string, string>, set: Map<string, string>): string[];
  /** The word after `kind/name`. */
  message(before: Record<string, string>, after: Record<string, string>): string;
}

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
function resourcesAndPairs(
  args: string[],
  pair: string,
): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (isPair) pairs.push(s);
    else if (pairs.length) return `all resources must be specified before ${pair} changes: ${s}`;
    else resources.push(s);
  }
  return { resources, pairs };
}

/** label.go `parseLabels`: values are checked here (keys by the server). */
function parseLabels(specs: string[]): Pairs | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) return `invalid label spec: ${spec}`;
      const errs = labelValueErrors(parts[1]);
      if (errs.length) return `invalid label value: ${JSON.stringify(spec)}: ${errs.join(";")}`;
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith("-")) remove.push(spec.slice(0, -1));
    else return `unknown label spec: ${spec}`;
  }
  if (remove.some((k) => set.has(k)))
    return "can not both modify and remove a label in the same command";
  return { set, remove };
}

/** cmdutil.ParsePairs(…, "annotation", true) then annotate.go `validateAnnotations`. */
function parseAnnotations(specs: string[]): Pairs | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    if (eq > 0) set.set(spec.slice(0, eq), spec.slice(eq + 1));
    else if (spec.endsWith("-") && spec !== "-") remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length) return `invalid annotation format: ${invalid.join(", ")}`;
  const both = remove.filter((k) => set.has(k));
  if (both.length)
    return `can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`;
  return { set, remove };
}

const labelMode: MapVerb = {
  verb: "label",
  pair: "label",
  field: "labels",
  parse: parseLabels,
  noOverwrite: (current, set) =>
    [...set]
      .filter(([k, v]) => k in current && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`),
  // label.go `updateDataChangeMsg`.
  message(before, after) {
    const unlabeled = Object.keys(before).some((k) => !(k in after));
    const labeled = Object.keys(after).some((k) => !(k in before) || before[k] !== after[k]);
    return labeled && unlabeled
      ? "label(s) changed"
      : labeled
        ? "labeled"
        : unlabeled
          ? "unlabeled"
          : "not labeled";
  },
};

/** The change-cause annotation may always be overwritten (annotate.go). */
const CHANGE_CAUSE = "kubernetes.io/change-cause";

const annotateMode: MapVerb = {
  verb: "annotate",
  pair: "annotation",
  field: "annotations",
  parse: parseAnnotations,
  noOverwrite(current, set) {
    const found = [...set]
      .filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current[k]})`);
    return found.length
      ? [`--overwrite is false but found the following declared annotation(s): ${found.join("; ")}`]
      : [];
  },
  message: () => "annotated",
};

interface Target {
  rt: ResourceType;
  live: KubeObject;
}

/** The resource builder's view of the arguments (cli-runtime `Builder`, `ResourceTypeOrNameArgs`). */
function findTargets(
  ctx: KubectlContext,
  parsed: Parsed,
  resources: string[],
  out: Output,
  failures: Failure[],
): { targets: Target[]; single: boolean } | undefined {
  const f = parsed.flags;
  const groups = resolveTargets(resources, out);
  if (!groups) return undefined;
  const sel = f.selector as string | undefined;
  const named = groups.some((g) => g.names.length);
  if (named && sel !== undefined) {
    out.fail("error: name cannot be provided when a selector is specified");
    return undefined;
  }
  if (!named && sel === undefined && !f.all) {
    out.fail("error: resource(s) were provided, but no name was specified");
    return undefined;
  }
  const ns = namespaceOf(parsed);
  const store = ctx.cluster.store;
  const targets: Target[] = [];
  if (named) {
    for (const g of groups)
      for (const name of g.names) {
        const live = store.get<KubeObject>(g.rt.kind, g.rt.namespaced ? ns : undefined, name);
        if (live) targets.push({ rt: g.rt, live });
        else
          failures.push(
            new StatusError("NotFound", `${qualifiedPlural(g.rt)} "${name}" not found`),
          );
      }
    const single = groups.length === 1 && groups[0].names.length === 1;
    return { targets, single };
  }
  const p = parseSelector(sel ?? "");
  if ("error" in p) {
    out.fail(`error: ${p.error}`);
    return undefined;
  }
  for (const g of groups) {
    const space = !g.rt.namespaced || f["all-namespaces"] ? undefined : ns;
    for (const live of store.list<KubeObject>(g.rt.kind, space))
      if (matches(p.reqs, live.metadata.labels)) targets.push({ rt: g.rt, live });
  }
  return { targets, single: false };
}

/** cmdutil.CheckErr on what the visit returned: one error alone, or one line per error. */
function report(failures: Failure[], out: Output): void {
  if (failures.length === 0) return;
  if (failures.length === 1) {
    const e = failures[0];
    if (e instanceof StatusError) return out.fail(apiErrorText(e, "patching"));
    return out.fail(e.length === 1 ? `error: ${e[0]}` : e.join("\n"));
  }
  out.fail(
    failures
      .map((e) =>
        e instanceof StatusError
          ? `Error from server (${e.reason}): ${e.message}`
          : e.length === 1
            ? e[0]
            : `[${e.join(", ")}]`,
      )
      .join("\n"),
  );
}

function run(mode: MapVerb, ctx: KubectlContext, parsed: Parsed, out: Output): void {
  const f = parsed.flags;
  const dry = (f["dry-run"] as string | undefined) ?? "none";
  if (!["none", "client", "server"].includes(dry))
    return out.fail(
      `error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`,
    );
  const output = f.output as string | undefined;
  // annotate builds its printer before anything else; label only when it prints (after writing).
  const format = parseOutput(output, false);
  if (mode.verb === "annotate") {
    const probe =
      "error" in format || format.kind !== "jsonpath" ? undefined : printObjects(format, [], true);
    if (probe && "error" in probe && probe.error.startsWith("error: error parsing"))
      return out.fail(probe.error);
    if ("error" in format) return out.fail(format.error);
  }
  const split = resourcesAndPairs(parsed.args, mode.pair);
  if (typeof split === "string") return out.fail(`error: ${split}`);
  const pairs = mode.parse(split.pairs);
  if (typeof pairs === "string") return out.fail(`error: ${pairs}`);
  const list = f.list === true;
  if (list && output) return out.fail("error: --list and --output may not be specified together");
  if (f.all && f.selector !== undefined)
    return out.fail("error: cannot set --all and --selector at the same time");
  if (split.resources.length === 0)
    return out.fail(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  if (pairs.set.size === 0 && pairs.remove.length === 0 && !list)
    return out.fail(`error: at least one ${mode.pair} update is required`);

  const failures: Failure[] = [];
  const found = findTargets(ctx, parsed, split.resources, out, failures);
  if (!found) return;
  const rv = f["resource-version"] as string | undefined;
  if (rv && !found.single)
    return out.fail("error: --resource-version may only be used with a single resource");

  for (const { rt, live } of found.targets) {
    const before = { ...((live.metadata[mode.field] as Record<string, string>) ?? {}) };
    const local = !list && dry !== "client";
    if (local && mode.verb === "label")
      for (const k of pairs.remove)
        if (!(k in before)) out.out(`label ${JSON.stringify(k)} not found.\n`);
    const overwritten = f.overwrite ? [] : mode.noOverwrite(before, pairs.set);
    if (overwritten.length) {
      failures.push(overwritten);
      continue;
    }
    const after = { ...before, ...Object.fromEntries(pairs.set) };
    for (const k of pairs.remove) delete after[k];
    // What kubectl built: the object it read, with the new map (and --resource-version).
    const built = clone(live);
    if (Object.keys(after).length) built.metadata[mode.field] = after;
    else delete built.metadata[mode.field];
    if (rv) built.metadata.resourceVersion = rv;
    let shown = built;
    if (local) {
      try {
        const r = serverUpdate(ctx.cluster, live, built, {
          dryRun: dry === "server",
          resourceVersion: rv || undefined,
        });
        if (mode.verb === "annotate") shown = r.object;
      } catch (e) {
        failures.push(e instanceof StatusError ? e : [e instanceof Error ? e.message : String(e)]);
        continue;
      }
    }
    if (list) {
      const m = shown.metadata[mode.field] ?? {};
      const indent = found.single ? "" : " ";
      if (!found.single)
        out.out(`Listing ${mode.field} for ${live.kind}.${rt.group}/${live.metadata.name}:\n`);
      for (const k of Object.keys(m).sort()) out.out(`${indent}${k}=${m[k]}\n`);
      continue;
    }
    if ("error" in format) {
      failures.push([format.error.replace(/^error: /, "")]);
      continue;
    }
    const p = printed(format, rt, shown, mode.message(before, after), dry);
    if ("error" in p) failures.push([p.error.replace(/^error: /, "")]);
    else out.out(p.text);
  }
  report(failures, out);
}

/** The name printer with the operation (`pod/x labeled (dry run)`), or the object itself. */
function printed(
  format: OutputFormat,
  rt: ResourceType,
  obj: KubeObject,
  op: string,
  dry: string,
): { text: string } | { error: string } {
  const suffix = dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
  if (format.kind === "table")
    return { text: `${qualifiedSingular(rt)}/${obj.metadata.name} ${op}${suffix}\n` };
  return printObjects(format, [obj], true);
}

/** The flags the lab honours, in cobra's help order (sorted by name). */
function flags(what: "labels" | "annotation"): FlagSpec[] {
  const plural = what === "labels" ? "labels" : "annotations";
  const specs: FlagSpec[] = [
    {
      name: "overwrite",
      type: "bool",
      usage: `If true, allow ${plural} to be overwritten, otherwise reject ${what === "labels" ? "label" : "annotation"} updates that overwrite existing ${plural}.`,
    },
    {
      name: "list",
      type: "bool",
      usage: `If true, display the ${plural} for a given resource.`,
    },
    {
      name: "all",
      type: "bool",
      usage:
        what === "labels"
          ? "Select all resources, in the namespace of the specified resource types"
          : "Select all resources, in the namespace of the specified resource types.",
    },
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If true, check the specified action in all namespaces.",
    },
    {
      name: "selector",
      short: "l",
      type: "string",
      usage:
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    {
      name: "resource-version",
      type: "string",
      usage: `If non-empty, the ${what === "labels" ? "labels" : "annotation"} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    },
    {
      name: "dry-run",
      type: "string",
      default: "none",
      usage:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    },
    {
      name: "output",
      short: "o",
      type: "string",
      usage:
        "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
    },
  ];
  return specs.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const labelVerb: Verb = {
  name: "label",
  short: "Update the labels on a resource",
  usage:
    "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  args: "object",
  flags: flags("labels"),
  run: (ctx, parsed, out) => run(labelMode, ctx, parsed, out),
};

export const annotateVerb: Verb = {
  name: "annotate",
  short: "Update the annotations on a resource",
  usage:
    "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  args: "object",
  flags: flags("annotation"),
  run: (ctx, parsed, out) => run(annotateMode, ctx, parsed, out),
};
