import { qualifiedPlural, qualifiedSingular, type ResourceType } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { parseGoDuration } from "../sim/go-duration.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { jsonPath } from "./jsonpath/jsonpath.ts";
import type { Process } from "./process.ts";
import { resolveTargets } from "./resolve.ts";
import { matches, parseSelector } from "./selector.ts";

type Test = (o: KubeObject | undefined) => boolean;

/** The `--for` argument as a predicate, or kubectl's error. */
function parseFor(
  spec: string,
): { test: Test; kind: "delete" | "create" | "other" } | { error: string } {
  const lower = spec.toLowerCase();
  if (lower === "delete") return { test: (o) => !o, kind: "delete" };
  if (lower === "create") return { test: (o) => !!o, kind: "create" };
  const cond = /^condition=([^=]+)(?:=(.*))?$/i.exec(spec);
  if (cond) {
    const want = (cond[2] ?? "true").toLowerCase();
    const type = cond[1].toLowerCase();
    return {
      kind: "other",
      test: (o) =>
        !!(
          o as { status?: { conditions?: { type: string; status: string }[] } } | undefined
        )?.status?.conditions?.some(
          (c) => c.type.toLowerCase() === type && c.status.toLowerCase() === want,
        ),
    };
  }
  if (lower.startsWith("jsonpath=")) {
    const body = spec.slice("jsonpath=".length);
    const close = body.lastIndexOf("}");
    const expr = close >= 0 ? body.slice(0, close + 1) : body;
    const rest = close >= 0 ? body.slice(close + 1) : "";
    if (!expr.startsWith("{") || (rest !== "" && !rest.startsWith("=")))
      return {
        error:
          "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      };
    const value = rest === "" ? undefined : rest.slice(1);
    const probe = jsonPath(expr, {});
    if ("error" in probe && probe.error.startsWith("error parsing"))
      return { error: "error: " + probe.error.trimEnd() };
    return {
      kind: "other",
      test: (o) => {
        if (!o) return false;
        const r = jsonPath(expr, JSON.parse(JSON.stringify(o)));
        if ("error" in r) return false;
        return value === undefined ? r.text !== "" : r.text === value;
      },
    };
  }
  return { error: `error: unrecognized condition: "${spec}"` };
}

/**
 * `kubectl wait` (spec §7.5): one deadline for all targets, visited in order; each met target
 * prints `<type>/<name> condition met`; the first timeout ends the command. Conditions match
 * case-insensitively and a failing Job does not end a wait for `complete`.
 */
export const waitVerb: Verb = {
  name: "wait",
  short: "Experimental: Wait for a specific condition on one or many resources",
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  args: "object",
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
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If present, list the requested object(s) across all namespaces.",
    },
  ],
  run(ctx, parsed, out): void | Process {
    const ns = namespaceOf(parsed);
    const forSpec = parsed.flags.for as string | undefined;
    if (!forSpec) return out.fail("error: --for must be set");
    const cond = parseFor(forSpec);
    if ("error" in cond) return out.fail(cond.error);
    const timeout = parseGoDuration(String(parsed.flags.timeout));
    const timeoutMs = "ms" in timeout ? timeout.ms : 30_000;
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    if (groups.length === 0)
      return out.fail(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    const store = ctx.cluster.store;
    const sel = parsed.flags.selector as string | undefined;
    const targets: { rt: ResourceType; name: string; uid?: string }[] = [];
    for (const g of groups) {
      const space = g.rt.namespaced ? ns : undefined;
      if (g.names.length) {
        for (const name of g.names)
          targets.push({ rt: g.rt, name, uid: store.get(g.rt.kind, space, name)?.metadata.uid });
      } else if (sel !== undefined || parsed.flags.all) {
        const p = parseSelector(sel ?? "");
        if ("error" in p) return out.fail(`error: ${p.error}`);
        for (const o of store
          .list(g.rt.kind, space)
          .filter((x) => matches(p.reqs, x.metadata.labels)))
          targets.push({ rt: g.rt, name: o.metadata.name!, uid: o.metadata.uid });
      } else return out.fail("error: resource name may not be empty");
    }
    if (targets.length === 0 && cond.kind !== "delete")
      return out.fail("error: no matching resources found");
    const deadline = ctx.cluster.now() + timeoutMs;
    let i = 0;
    const tick = (): boolean => {
      while (i < targets.length) {
        const t = targets[i];
        const space = t.rt.namespaced ? ns : undefined;
        const live = store.get(t.rt.kind, space, t.name);
        if (cond.kind === "other" && !t.uid) {
          out.fail(`Error from server (NotFound): ${qualifiedPlural(t.rt)} "${t.name}" not found`);
          return true;
        }
        if (cond.kind === "delete" && !t.uid) {
          i++;
          continue;
        }
        const same = live && (!t.uid || live.metadata.uid === t.uid) ? live : undefined;
        if (!cond.test(same)) break;
        out.out(`${qualifiedSingular(t.rt)}/${t.name} condition met\n`);
        i++;
      }
      if (i >= targets.length) return true;
      if (ctx.cluster.now() >= deadline) {
        const t = targets[i];
        out.fail(
          cond.kind === "delete"
            ? `error: timed out waiting for the condition on ${t.rt.plural}/${t.name}`
            : `error: timed out waiting for the condition on ${t.rt.plural}/${t.name}`,
        );
        return true;
      }
      return false;
    };
    if (tick()) return;
    return { tick, wakeAt: () => deadline, stop: () => undefined };
  },
};
