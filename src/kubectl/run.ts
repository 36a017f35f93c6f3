import type { Pod, RestartPolicy } from "../api/types.ts";
import { apiErrorText } from "./apply.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { followLogs } from "./logs.ts";
import { parseOutput, printObjects } from "./printing.ts";
import type { Process } from "./process.ts";

/**
 * `kubectl run NAME --image=IMG [--restart=…] [-- args…]` creates a bare Pod, as kubectl has since
 * 1.18 (the `--restart=OnFailure` → Job generator of older books is gone); the lab adds one line
 * pointing at `kubectl create job` when the restart policy suggests a batch workload.
 */
export const runVerb: Verb = {
  name: "run",
  short: "Run a particular image on the cluster",
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: "image", type: "string", usage: "The image for the container to run." },
    {
      name: "restart",
      type: "string",
      usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].",
    },
    {
      name: "command",
      type: "bool",
      usage:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    { name: "env", type: "strings", usage: "Environment variables to set in the container." },
    {
      name: "labels",
      short: "l",
      type: "string",
      usage: "Comma separated labels to apply to the pod. Will override previous values.",
    },
    { name: "dry-run", type: "string", usage: 'Must be "none", "server", or "client".' },
    { name: "output", short: "o", type: "string", usage: "Output format." },
    {
      name: "stdin",
      short: "i",
      type: "bool",
      usage: "Keep stdin open on the container in the pod, even if nothing is attached.",
    },
    {
      name: "tty",
      short: "t",
      type: "bool",
      usage: "Allocate a TTY for the container in the pod.",
    },
    {
      name: "rm",
      type: "bool",
      usage:
        "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    },
    {
      name: "attach",
      type: "bool",
      usage:
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.",
    },
  ],
  run(ctx, parsed, out): void | Process {
    const f = parsed.flags;
    const name = parsed.args[0];
    if (!name)
      return out.fail(
        "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
      );
    const image = f.image as string | undefined;
    if (!image)
      return out.fail("error: --image is required\nSee 'kubectl run -h' for help and examples");
    const attach = f.stdin === true || f.attach === true;
    const restart = (f.restart as string | undefined) ?? (attach ? "OnFailure" : "Always");
    if (!["Always", "OnFailure", "Never"].includes(restart)) {
      out.fail(
        `error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`,
      );
      if (restart.toLowerCase() === "onfailure" || restart.toLowerCase() === "never")
        out.err(
          `lab: restart policies are case-sensitive (OnFailure, Never); and kubectl run makes a Pod, not a Job: kubectl create job ${name} --image=${image} -- …\n`,
        );
      return;
    }
    if (f.rm && !attach)
      return out.fail(
        "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples",
      );
    const format = parseOutput(f.output as string | undefined, false);
    if ("error" in format) return out.fail(format.error);
    const labels: Record<string, string> = {};
    for (const kv of ((f.labels as string | undefined) ?? `run=${name}`).split(",")) {
      const [k, v = ""] = kv.split("=");
      labels[k] = v;
    }
    const rest = parsed.rest ?? [];
    const env = ((f.env as string[] | undefined) ?? []).map((kv) => {
      const i = kv.indexOf("=");
      return { name: kv.slice(0, i), value: kv.slice(i + 1) };
    });
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { labels, name },
      spec: {
        containers: [
          {
            ...(rest.length ? { [f.command ? "command" : "args"]: rest } : {}),
            ...(env.length ? { env } : {}),
            image,
            name,
            resources: {},
            ...(attach ? { stdin: true, stdinOnce: true, ...(f.tty ? { tty: true } : {}) } : {}),
          },
        ],
        dnsPolicy: "ClusterFirst",
        restartPolicy: restart as RestartPolicy,
      },
      status: {},
    } as unknown as Pod;
    const dry = f["dry-run"] as string | undefined;
    if (dry === "client") {
      if (format.kind === "table") out.out(`pod/${name} created (dry run)\n`);
      else {
        const p = printObjects(format, [pod], true);
        if ("error" in p) out.fail(p.error);
        else out.out(p.text);
      }
      return;
    }
    const input = structuredClone(pod) as Pod & { status?: unknown };
    delete input.status;
    delete (input.metadata as { creationTimestamp?: unknown }).creationTimestamp;
    input.metadata.namespace = namespaceOf(parsed);
    let created: Pod;
    try {
      created = ctx.cluster.api.create(input, { dryRun: dry === "server" });
    } catch (e) {
      return out.fail(apiErrorText(e, "creating"));
    }
    if (!attach) {
      if (format.kind === "table")
        out.out(`pod/${name} created${dry === "server" ? " (server dry run)" : ""}\n`);
      else {
        const p = printObjects(format, [created], true);
        if ("error" in p) out.fail(p.error);
        else out.out(p.text);
      }
      if (restart !== "Always")
        out.err(
          `lab: this is a bare Pod; to run it as a Job: kubectl create job ${name} --image=${image}${rest.length ? " -- " + rest.map(shellWord).join(" ") : ""}\n`,
        );
      return;
    }
    return attachTo(ctx, created, f.rm === true, out);
  },
};

/** `-i`: wait for the container to start, stream its output until it ends, then `--rm`. */
function attachTo(
  ctx: Parameters<Verb["run"]>[0],
  pod: Pod,
  rm: boolean,
  out: Parameters<Verb["run"]>[2],
): Process {
  let inner: Process | undefined;
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name!;
  const finish = () => {
    if (rm && ctx.cluster.store.get("Pod", ns, name)) {
      ctx.cluster.api.delete("Pod", ns, name, { gracePeriodSeconds: 0 });
      out.out(`pod "${name}" deleted from ${ns} namespace\n`);
    }
    return true;
  };
  return {
    tick() {
      if (!inner) {
        const live = ctx.cluster.store.get<Pod>("Pod", ns, name);
        if (!live) return true;
        const inst = ctx.cluster.logs(live, live.spec.containers[0].name);
        if (!inst) return false;
        inner = followLogs(
          ctx,
          [{ src: { pod: live, container: live.spec.containers[0].name }, inst }],
          { previous: false, timestamps: false, tail: -1, prefix: false },
          out,
        );
      }
      return inner.tick() ? finish() : false;
    },
    stop: () => inner?.stop("interrupt"),
  };
}

/** An argument as a shell word the learner can paste back: quoted when it has to be. */
function shellWord(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
