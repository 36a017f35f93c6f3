import { qualifiedPlural } from "../api/resources.ts";
import type { CronJob, Job, KubeEvent, KubeObject, Node, Pod } from "../api/types.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { describeCronJob, describeJob, describeNode, describePod } from "./printers/describe.ts";
import { resolveTargets } from "./resolve.ts";
import { matches, parseSelector } from "./selector.ts";

function eventsFor(events: KubeEvent[], o: KubeObject): KubeEvent[] {
  return events.filter((e) => e.involvedObject.uid === o.metadata.uid);
}

export const describeVerb: Verb = {
  name: "describe",
  short: "Show details of a specific resource or group of resources",
  usage: "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  args: "object",
  flags: [
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    {
      name: "show-events",
      type: "bool",
      default: true,
      usage: "If true, display events related to the described object.",
    },
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If present, list the requested object(s) across all namespaces.",
    },
  ],
  run(ctx, parsed, out) {
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    if (groups.length === 0)
      return out.fail(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.',
      );
    const ns = namespaceOf(parsed);
    const store = ctx.cluster.store;
    const now = ctx.cluster.now();
    const showEvents = parsed.flags["show-events"] !== false;
    const allEvents = showEvents ? store.list<KubeEvent>("Event") : [];
    const texts: string[] = [];
    for (const { rt, names } of groups) {
      const space = rt.namespaced ? ns : undefined;
      let objects: KubeObject[];
      if (names.length) {
        objects = [];
        for (const n of names) {
          const exact = store.get(rt.kind, space, n);
          // kubectl describe matches a name prefix when there is no exact match.
          const found = exact
            ? [exact]
            : store.list(rt.kind, space).filter((o) => o.metadata.name!.startsWith(n));
          if (found.length === 0)
            out.fail(`Error from server (NotFound): ${qualifiedPlural(rt)} "${n}" not found`);
          objects.push(...found);
        }
      } else objects = store.list(rt.kind, space);
      const sel = parsed.flags.selector as string | undefined;
      if (sel) {
        const p = parseSelector(sel);
        if ("error" in p) return out.fail(`error: ${p.error}`);
        objects = objects.filter((o) => matches(p.reqs, o.metadata.labels));
      }
      for (const o of objects) {
        const evs = showEvents ? eventsFor(allEvents, o) : undefined;
        switch (o.kind) {
          case "Job":
            texts.push(describeJob(o as Job, evs, now));
            break;
          case "Pod":
            texts.push(describePod(o as Pod, evs, now));
            break;
          case "CronJob":
            texts.push(describeCronJob(o as CronJob, evs, now));
            break;
          case "Node":
            texts.push(
              describeNode(
                o as Node,
                evs,
                now,
                store.list<Pod>("Pod").filter((p) => p.spec.nodeName === o.metadata.name),
              ),
            );
            break;
          default:
            texts.push(
              `Name:         ${o.metadata.name}\nNamespace:    ${o.metadata.namespace ?? ""}\n`,
            );
        }
      }
      if (objects.length === 0 && names.length === 0)
        out.err(`No resources found in ${ns} namespace.\n`);
    }
    out.out(texts.join("\n\n"));
  },
};
