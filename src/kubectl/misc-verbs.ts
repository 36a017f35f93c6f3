import { resourceTypes } from "../api/resources.ts";
import type { Pod } from "../api/types.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { tabwrite, TABLE_TABWRITER } from "./printers/tabwriter.ts";

/** `kubectl version`, `api-resources`, `cluster-info`, `top`, `port-forward`: the cheap ones. */

export const versionVerb: Verb = {
  name: "version",
  short: "Print the client and server version information",
  usage: "kubectl version [flags] [options]",
  flags: [
    {
      name: "client",
      type: "bool",
      usage: "If true, shows client version only (no server required).",
    },
    { name: "output", short: "o", type: "string", usage: "One of 'yaml' or 'json'." },
  ],
  run(_ctx, parsed, out) {
    out.out("Client Version: v1.34.0\nKustomize Version: v5.7.1\n");
    if (!parsed.flags.client) out.out("Server Version: v1.34.0\n");
  },
};

export const apiResourcesVerb: Verb = {
  name: "api-resources",
  short: "Print the supported API resources on the server",
  usage: "kubectl api-resources [flags] [options]",
  flags: [
    {
      name: "namespaced",
      type: "bool",
      default: true,
      usage:
        "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.",
    },
    {
      name: "no-headers",
      type: "bool",
      usage:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    { name: "output", short: "o", type: "string", usage: "Output format. One of: (wide, name)." },
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
  ],
  run(_ctx, parsed, out) {
    const core = resourceTypes.filter((r) => r.group === "");
    const batch = resourceTypes.filter((r) => r.group === "batch");
    const sorted = [...core, ...batch].sort((a, b) =>
      a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group === "" ? -1 : 1,
    );
    let rows = sorted;
    const group = parsed.flags["api-group"] as string | undefined;
    if (group !== undefined) rows = rows.filter((r) => r.group === group);
    if (parsed.flags.output === "name") {
      out.out(rows.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + "\n").join(""));
      return;
    }
    const lines = parsed.flags["no-headers"]
      ? []
      : ["NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND"];
    for (const r of rows)
      lines.push(
        [
          r.plural,
          r.shortNames.join(","),
          r.group ? `${r.group}/${r.version}` : r.version,
          String(r.namespaced),
          r.kind,
        ].join("\t"),
      );
    out.out(tabwrite(lines.map((l) => l + "\n").join(""), TABLE_TABWRITER));
  },
};

export const clusterInfoVerb: Verb = {
  name: "cluster-info",
  short: "Display cluster information",
  usage: "kubectl cluster-info [flags] [options]",
  flags: [],
  subcommands: ["dump"],
  run(_ctx, parsed, out) {
    if (parsed.args[0] === "dump")
      return out.fail("error: kubectl cluster-info dump is not available in this lab");
    out.out(
      "Kubernetes control plane is running at https://127.0.0.1:6443\n" +
        "CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n" +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  },
};

/** The lab runs no metrics-server, like a fresh kind cluster: kubectl says so in its own words. */
export const topVerb: Verb = {
  name: "top",
  short: "Display resource (CPU/memory) usage",
  usage: "kubectl top [flags] [options]",
  flags: [
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on." },
    {
      name: "all-namespaces",
      short: "A",
      type: "bool",
      usage: "If present, list the requested object(s) across all namespaces.",
    },
  ],
  subcommands: ["node", "pod"],
  run(_ctx, parsed, out) {
    const sub = parsed.args[0];
    if (!sub) {
      out.out(
        "Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n",
      );
      return;
    }
    if (!["node", "nodes", "no", "pod", "pods", "po"].includes(sub))
      return out.fail(`error: unknown command "${sub}" for "kubectl top"`);
    out.fail("error: Metrics API not available");
  },
};

export const portForwardVerb: Verb = {
  name: "port-forward",
  short: "Forward one or more local ports to a pod",
  usage:
    "kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]",
  flags: [{ name: "address", type: "strings", usage: "Addresses to listen on (comma separated)." }],
  args: "object",
  run(ctx, parsed, out) {
    const [target, ...ports] = parsed.args;
    if (!target || ports.length === 0)
      return out.fail(
        "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples",
      );
    const name = target.replace(/^(pods?|po)\//, "");
    const pod = ctx.cluster.store.get<Pod>("Pod", namespaceOf(parsed), name);
    if (!pod) return out.fail(`Error from server (NotFound): pods "${name}" not found`);
    if (pod.status?.phase !== "Running")
      return out.fail(
        `error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}`,
      );
    for (const p of ports) {
      const [local, remote] = p.includes(":") ? p.split(":") : [p, p];
      out.out(
        `Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`,
      );
    }
    return { endless: true, tick: () => false, stop: () => undefined };
  },
};
