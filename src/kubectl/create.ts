import type { CronJob, KubeObject } from "../api/types.ts";
import { apiErrorText, createFromFiles, fileFlags } from "./apply.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import type { Parsed } from "./flags.ts";
import type { Output } from "./output.ts";
import { parseOutput, printObjects } from "./printing.ts";

/**
 * `kubectl create -f` and the generators of kubectl `cmd/create` (spec §4.7, §7.5): `job`
 * (`--image … -- cmd` or `--from=cronjob/X`), `cronjob`, `secret generic`, `configmap`. With
 * `--dry-run=client -o yaml` they print the manifest kubectl would send, `status: {}` included
 * (1.34 no longer prints `creationTimestamp: null`: kubernetes#130989).
 */

const usageErr = (sub: string, msg: string) =>
  `error: ${msg}\nSee 'kubectl create ${sub} -h' for help and examples`;

function base64(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function jobFromCronJob(
  ctx: KubectlContext,
  parsed: Parsed,
  name: string,
  from: string,
): KubeObject | string {
  const slash = from.indexOf("/");
  const type = from.slice(0, slash).toLowerCase();
  if (slash < 0 || !["cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch"].includes(type))
    return `error: from must be an existing cronjob: unknown object type ${slash < 0 ? from : from.slice(0, slash)}`;
  const cjName = from.slice(slash + 1);
  const cj = ctx.cluster.store.get<CronJob>("CronJob", namespaceOf(parsed), cjName);
  if (!cj) return `Error from server (NotFound): cronjobs.batch "${cjName}" not found`;
  const tpl = cj.spec.jobTemplate;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...tpl.metadata?.annotations },

      ...(tpl.metadata?.labels ? { labels: { ...tpl.metadata.labels } } : {}),
      name,
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          controller: true,
          kind: "CronJob",
          name: cjName,
          uid: cj.metadata.uid!,
        },
      ],
    },
    spec: structuredClone(tpl.spec),
    status: {},
  } as KubeObject;
}

function podTemplate(name: string, image: string, cmd: string[], restart: string) {
  return {
    metadata: {},
    spec: {
      containers: [{ ...(cmd.length ? { command: cmd } : {}), image, name, resources: {} }],
      restartPolicy: restart,
    },
  };
}

/** The object a `create <generator>` builds, or an error text. */
function generate(ctx: KubectlContext, parsed: Parsed): KubeObject | string {
  const f = parsed.flags;
  const [sub, ...rest] = parsed.args;
  const cmd = parsed.rest ?? [];
  if (sub === "job") {
    const name = rest[0];
    if (!name || rest.length > 1)
      return usageErr("job", `exactly one NAME is required, got ${rest.length}`);
    const image = f.image as string | undefined;
    const from = f.from as string | undefined;
    if (!!image === !!from) return usageErr("job", "either --image or --from must be specified");
    if (from && cmd.length) return usageErr("job", "cannot specify --from and command");
    if (from) return jobFromCronJob(ctx, parsed, name, from);
    return {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name },
      spec: { template: podTemplate(name, image!, cmd, "Never") },
      status: {},
    } as KubeObject;
  }
  if (sub === "cronjob" || sub === "cj") {
    const name = rest[0];
    if (!name || rest.length > 1)
      return usageErr("cronjob", `exactly one NAME is required, got ${rest.length}`);
    const image = f.image as string | undefined;
    if (!image) return usageErr("cronjob", "--image must be specified");
    const schedule = f.schedule as string | undefined;
    if (!schedule) return usageErr("cronjob", "--schedule must be specified");
    const restart = (f.restart as string | undefined) ?? "OnFailure";
    if (restart !== "OnFailure" && restart !== "Never")
      return usageErr("cronjob", `invalid restart policy: ${restart}`);
    return {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name },
      spec: {
        jobTemplate: {
          metadata: { name },
          spec: { template: podTemplate(name, image, cmd, restart) },
        },
        schedule,
      },
      status: {},
    } as unknown as KubeObject;
  }
  if (sub === "secret" || sub === "configmap" || sub === "cm") {
    const isSecret = sub === "secret";
    if (isSecret && rest[0] !== "generic")
      return rest[0]
        ? `error: "kubectl create secret ${rest[0]}" is not available in this lab (only secret generic)`
        : "error: must specify one of: docker-registry, generic, tls";
    const names = isSecret ? rest.slice(1) : rest;
    const what = isSecret ? "secret generic" : "configmap";
    if (names.length !== 1)
      return usageErr(what, `exactly one NAME is required, got ${names.length}`);
    const data: Record<string, string> = {};
    for (const lit of (f["from-literal"] as string[] | undefined) ?? []) {
      const i = lit.indexOf("=");
      if (i <= 0) return `error: invalid literal source ${lit}, expected key=value`;
      const key = lit.slice(0, i);
      if (key in data)
        return `error: cannot add key ${key}, another key by that name already exists in Data for ${isSecret ? "Secret" : "ConfigMap"} "${names[0]}"`;
      data[key] = lit.slice(i + 1);
    }
    for (const file of (f["from-file"] as string[] | undefined) ?? []) {
      const [key, path] = file.includes("=") ? file.split("=", 2) : [file.split("/").pop()!, file];
      const text = ctx.readFile(path);
      if (text === undefined) return `error: error reading ${path}: no such file or directory`;
      data[key] = text;
    }
    const obj: Record<string, unknown> = { apiVersion: "v1" };
    if (Object.keys(data).length)
      obj.data = isSecret
        ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]))
        : data;
    obj.kind = isSecret ? "Secret" : "ConfigMap";
    obj.metadata = { name: names[0] };
    if (isSecret && f.type) obj.type = f.type;
    return obj as unknown as KubeObject;
  }
  return `error: unknown command "${sub}" for "kubectl create"`;
}

function createGenerated(ctx: KubectlContext, parsed: Parsed, out: Output): void {
  const format = parseOutput(parsed.flags.output as string | undefined, false);
  if ("error" in format) return out.fail(format.error);
  const obj = generate(ctx, parsed);
  if (typeof obj === "string") return out.fail(obj);
  if (parsed.flags.namespace) obj.metadata.namespace = parsed.flags.namespace as string;
  const dry = parsed.flags["dry-run"] as string | undefined;
  const ref = `${obj.kind === "Job" ? "job.batch" : obj.kind === "CronJob" ? "cronjob.batch" : obj.kind.toLowerCase()}/${obj.metadata.name}`;
  let shown: KubeObject = obj;
  if (dry !== "client") {
    const input = structuredClone(obj) as KubeObject & { status?: unknown };
    delete input.status;
    const strip = (m: { creationTimestamp?: unknown } | undefined) => {
      if (m && m.creationTimestamp === null) delete m.creationTimestamp;
    };
    strip(input.metadata);
    input.metadata.namespace ??= namespaceOf(parsed);
    try {
      shown = ctx.cluster.api.create(input, { dryRun: dry === "server" });
    } catch (e) {
      return out.fail(apiErrorText(e, "creating"));
    }
  }
  if (format.kind !== "table") {
    const p = printObjects(format, [shown], true);
    if ("error" in p) return out.fail(p.error);
    return out.out(p.text);
  }
  out.out(
    `${ref} created${dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : ""}\n`,
  );
}

export const createVerb: Verb = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  usage: "kubectl create -f FILENAME [options]",
  subcommands: ["job", "cronjob", "secret generic", "configmap"],
  flags: [
    ...fileFlags,
    { name: "image", type: "string", usage: "Image name to run." },
    {
      name: "from",
      type: "string",
      usage: "The name of the resource to create a Job from (only cronjob is supported).",
    },
    {
      name: "schedule",
      type: "string",
      usage: "A schedule in the Cron format the job should be run with.",
    },
    {
      name: "restart",
      type: "string",
      usage: "job's restart policy. supported values: OnFailure, Never",
    },
    {
      name: "from-literal",
      type: "strings",
      usage: "Specify a key and literal value to insert in secret/configmap (i.e. mykey=somevalue)",
    },
    {
      name: "from-file",
      type: "strings",
      usage:
        "Key file can be specified using its file path, in which case file basename will be used as the key.",
    },
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
  run(ctx, parsed, out) {
    if (!parsed.args[0]) {
      if (!parsed.flags.filename)
        return out.fail(
          'Error: must specify one of -f and -k\n\nerror: unknown command "" for "kubectl create"',
        );
      return createFromFiles(ctx, parsed, out);
    }
    createGenerated(ctx, parsed, out);
  },
};
