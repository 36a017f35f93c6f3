import type { ApiServer } from "../api/apiserver.ts";
import { StatusError } from "../api/errors.ts";
import { qualifiedSingular, resourceFor } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import type { KubectlContext, Verb } from "./context.ts";
import type { Parsed } from "./flags.ts";
import { checkObject, decodeManifests } from "./manifest.ts";
import type { Output } from "./output.ts";
import { parseOutput, printObjects } from "./printing.ts";

/** Read every object named by `-f` (files, `-`), or report kubectl's error. */
export function readObjects(
  ctx: KubectlContext,
  parsed: Parsed,
  out: Output,
): { obj: KubeObject; file: string }[] | undefined {
  const files = (parsed.flags.filename as string[] | undefined) ?? [];
  if (files.length === 0) {
    out.fail("error: must specify one of -f and -k");
    return undefined;
  }
  const objects: { obj: KubeObject; file: string }[] = [];
  for (const f of files) {
    const sources: { name: string; text: string | undefined }[] = [];
    if (f === "-") sources.push({ name: "STDIN", text: ctx.stdin ?? "" });
    else {
      const dir = ctx.listDir?.(f);
      if (dir) for (const name of dir) sources.push({ name, text: ctx.readFile(name) });
      else sources.push({ name: f, text: ctx.readFile(f) });
    }
    for (const src of sources) {
      if (src.text === undefined) {
        out.fail(`error: the path "${src.name}" does not exist`);
        return undefined;
      }
      const decoded = decodeManifests(src.text, src.name);
      if ("error" in decoded) {
        out.fail(decoded.error.message);
        return undefined;
      }
      for (const d of decoded.docs) {
        const problem = checkObject(d.object, src.name);
        if (problem) {
          out.fail(problem);
          return undefined;
        }
        objects.push({ obj: d.object, file: src.name });
      }
    }
  }
  if (objects.length === 0) out.fail("error: no objects passed to apply");
  return objects;
}

/** kubectl's rendering of an API error. */
export function apiErrorText(
  e: unknown,
  action: "creating" | "applying" | "patching",
  file?: string,
): string {
  if (e instanceof StatusError) {
    if (e.reason === "Invalid") return e.message;
    if (e.reason === "BadRequest" && file)
      return `Error from server (BadRequest): error when ${action} "${file}": ${e.message}`;
    return `Error from server (${e.reason}): ${e.message}`;
  }
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

function applyAll(
  ctx: KubectlContext,
  parsed: Parsed,
  out: Output,
  mode: "apply" | "create",
): void {
  const format = parseOutput(parsed.flags.output as string | undefined, false);
  if ("error" in format) return out.fail(format.error);
  const objects = readObjects(ctx, parsed, out);
  if (!objects) return;
  const api: ApiServer = ctx.cluster.api;
  const dry = parsed.flags["dry-run"] as string | undefined;
  if (dry !== undefined && !["client", "server", "none"].includes(dry))
    return out.fail(
      `error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`,
    );
  const suffix = dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
  let printed = 0;
  for (const { obj, file } of objects) {
    const rt = resourceFor(obj.kind)!;
    obj.metadata ??= {};
    if (parsed.flags.namespace && rt.namespaced)
      obj.metadata.namespace ??= parsed.flags.namespace as string;
    const name = `${qualifiedSingular(rt)}/${obj.metadata.name ?? ""}`;
    try {
      let shown: KubeObject = obj;
      let result = "created";
      if (mode === "create") {
        if (dry !== "client") shown = api.create(obj, { dryRun: dry === "server" });
      } else if (dry !== "client") {
        const r = api.apply(obj, { dryRun: dry === "server" });
        shown = r.object;
        result = r.result;
      }
      if (format.kind === "table") out.out(`${name} ${result}${suffix}\n`);
      else {
        const p = printObjects(format, [shown], true);
        if ("error" in p) out.fail(p.error);
        else out.out((format.kind === "yaml" && printed++ > 0 ? "---\n" : "") + p.text);
      }
    } catch (e) {
      // kubectl apply creates what does not exist yet, and says so in its errors (spec §6.1).
      const exists =
        obj.metadata.name !== undefined &&
        ctx.cluster.store.get(
          obj.kind,
          rt.namespaced ? (obj.metadata.namespace ?? "default") : undefined,
          obj.metadata.name,
        ) !== undefined;
      out.fail(apiErrorText(e, mode === "create" || !exists ? "creating" : "applying", file));
    }
  }
}

const fileFlags = [
  {
    name: "filename",
    short: "f",
    type: "strings" as const,
    usage: "The files that contain the configurations to apply.",
  },
  { name: "dry-run", type: "string" as const, usage: 'Must be "none", "server", or "client".' },
  { name: "output", short: "o", type: "string" as const, usage: "Output format." },
  {
    name: "validate",
    type: "string" as const,
    usage: "Must be one of: strict (or true), warn, ignore (or false).",
  },
  {
    name: "recursive",
    short: "R",
    type: "bool" as const,
    usage: "Process the directory used in -f, --filename recursively.",
  },
];

export const applyVerb: Verb = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  usage: "kubectl apply (-f FILENAME | -k DIRECTORY) [options]",
  flags: fileFlags,
  run: (ctx, parsed, out) => applyAll(ctx, parsed, out, "apply"),
};

export function createFromFiles(ctx: KubectlContext, parsed: Parsed, out: Output): void {
  applyAll(ctx, parsed, out, "create");
}

export { fileFlags };
