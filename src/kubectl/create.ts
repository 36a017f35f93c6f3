import type { Job } from "../api/types.ts";
import { apiErrorText, createFromFiles, fileFlags } from "./apply.ts";
import { namespaceOf, type Verb } from "./context.ts";

/** `kubectl create -f` and `kubectl create job NAME --image=… [-- cmd…]` (spec §7.5). */
export const createVerb: Verb = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  usage: "kubectl create -f FILENAME [options]",
  flags: [
    ...fileFlags,
    { name: "image", type: "string", usage: "Image name to run." },
    {
      name: "from",
      type: "string",
      usage: "The name of the resource to create a Job from (only cronjob is supported).",
    },
  ],
  run(ctx, parsed, out) {
    const [sub, name] = parsed.args;
    if (!sub) return createFromFiles(ctx, parsed, out);
    if (sub !== "job") return out.fail(`error: unknown command "${sub}" for "kubectl create"`);
    if (!name)
      return out.fail(
        "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples",
      );
    const image = parsed.flags.image as string | undefined;
    if (!image)
      return out.fail(
        "error: either --image or --from must be specified\nSee 'kubectl create job -h' for help and examples",
      );
    const cmd = parsed.rest ?? [];
    const job: Job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name, namespace: namespaceOf(parsed) },
      spec: {
        template: {
          metadata: {},
          spec: {
            containers: [{ name, image, ...(cmd.length ? { command: cmd } : {}), resources: {} }],
            restartPolicy: "Never",
          },
        },
      },
    };
    try {
      if (parsed.flags["dry-run"] !== "client")
        ctx.cluster.api.create(job, { dryRun: parsed.flags["dry-run"] === "server" });
      out.out(
        `job.batch/${name} created${parsed.flags["dry-run"] === "client" ? " (dry run)" : ""}\n`,
      );
    } catch (e) {
      out.fail(apiErrorText(e, "creating"));
    }
  },
};

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
  ],
  run(_ctx, parsed, out) {
    out.out("Client Version: v1.34.0\nKustomize Version: v5.7.1\n");
    if (!parsed.flags.client) out.out("Server Version: v1.34.0\n");
  },
};
