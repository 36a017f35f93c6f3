import type { KubeObject } from "../api/types.ts";
import type { KubectlContext } from "./context.ts";
import { queryMatches, type Query } from "./query.ts";
import type { Output } from "./output.ts";
import { tableFor } from "./printers/index.ts";
import { printTable, type PrintOptions } from "./printers/table.ts";
import { printObjects, type OutputFormat } from "./printing.ts";
import type { Process } from "./process.ts";
import type { TargetGroup } from "./resolve.ts";

export interface WatchSpec {
  group: TargetGroup;
  query: Query;
  format: OutputFormat;
  tableOpts: PrintOptions;
  initial: KubeObject[];
  single: boolean;
  out: Output;
}

/**
 * `kubectl get -w` (kubectl `get.go` watch): print the current objects, then one line (or
 * document) per watch event — every write to a matching object, as the API server streams them —
 * with columns kept aligned by the tabwriter's remembered widths. Runs until interrupted.
 */
export function startGetWatch(ctx: KubectlContext, spec: WatchSpec): Process {
  const { group, query, format, out } = spec;
  const widths: number[] = [];
  let headerPrinted = false;
  const print = (objs: KubeObject[]) => {
    if (objs.length === 0) return;
    if (format.kind === "table") {
      const text = printTable(tableFor(group.rt.kind, objs, ctx.cluster.now()), {
        ...spec.tableOpts,
        noHeaders: spec.tableOpts.noHeaders || headerPrinted,
        rememberedWidths: widths,
      });
      headerPrinted = true;
      out.out(text);
      return;
    }
    for (const o of objs) {
      const r = printObjects(format, [o], true, true);
      if ("error" in r) out.err(r.error.endsWith("\n") ? r.error : r.error + "\n");
      else out.out(format.kind === "yaml" && headerPrinted ? "---\n" + r.text : r.text);
      headerPrinted = true;
    }
  };
  print(spec.initial);
  const space = group.rt.namespaced ? query.ns : undefined;
  const unwatch = ctx.cluster.watch((ev) => {
    const o = ev.object;
    if (ev.kind !== group.rt.kind) return;
    if (space !== undefined && o.metadata.namespace !== space) return;
    if (group.names.length && !group.names.includes(o.metadata.name ?? "")) return;
    if (!queryMatches(query, o)) return;
    print([o]);
  });
  return {
    endless: true,
    tick: () => false,
    stop: () => unwatch(),
  };
}
