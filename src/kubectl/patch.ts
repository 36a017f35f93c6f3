import { load } from "js-yaml";
import { qualifiedPlural, qualifiedSingular } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { apiErrorText } from "./apply.ts";
import { namespaceOf, type Verb } from "./context.ts";
import { jsonPatch, mergePatch, strategicPatch } from "./patch-apply.ts";
import { parseOutput, printObjects } from "./printing.ts";
import { resolveTargets } from "./resolve.ts";
import { serverUpdate } from "./server-update.ts";

/** `kubectl patch` (spec §6.3–6.4): `job.batch/pi patched` or `patched (no change)`. */
export const patchVerb: Verb = {
  name: "patch",
  short: "Update fields of a resource",
  usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  args: "object",
  flags: [
    {
      name: "patch",
      short: "p",
      type: "string",
      usage: "The patch to be applied to the resource JSON file.",
    },
    {
      name: "type",
      type: "string",
      default: "strategic",
      usage: "The type of patch being provided; one of [json merge strategic]",
    },
    { name: "dry-run", type: "string", usage: 'Must be "none", "server", or "client".' },
    { name: "output", short: "o", type: "string", usage: "Output format." },
    {
      name: "subresource",
      type: "string",
      usage: "If specified, patch will operate on the subresource of the requested object.",
    },
  ],
  run(ctx, parsed, out) {
    const patchText = parsed.flags.patch as string | undefined;
    if (!patchText)
      return out.fail(
        "error: must specify --patch or --patch-file containing the contents of the patch",
      );
    const type = String(parsed.flags.type);
    if (!["json", "merge", "strategic"].includes(type))
      return out.fail(`error: --type must be one of [json merge strategic], not "${type}"`);
    const format = parseOutput(parsed.flags.output as string | undefined, false);
    if ("error" in format) return out.fail(format.error);
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    const targets = groups.flatMap((g) => g.names.map((n) => ({ rt: g.rt, name: n })));
    if (targets.length === 0)
      return out.fail(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    let patch: unknown;
    try {
      patch = load(patchText);
    } catch (e) {
      const reason = (e as { reason?: string }).reason ?? "invalid syntax";
      return out.fail(`error: unable to parse "${patchText}": yaml: ${reason}`);
    }
    const ns = namespaceOf(parsed);
    for (const { rt, name } of targets) {
      const live = ctx.cluster.store.get<KubeObject>(rt.kind, rt.namespaced ? ns : undefined, name);
      if (!live) {
        out.fail(`Error from server (NotFound): ${qualifiedPlural(rt)} "${name}" not found`);
        continue;
      }
      const base = JSON.parse(JSON.stringify(live)) as KubeObject;
      let next: unknown;
      if (type === "json") {
        const r = jsonPatch(base, patch);
        if ("error" in r) {
          out.fail(`Error from server (UnprocessableEntity): ${r.error}`);
          continue;
        }
        next = r.doc;
      } else if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
        out.fail(
          `Error from server (BadRequest): json: cannot unmarshal ${Array.isArray(patch) ? "array" : typeof patch} into Go value of type map[string]interface {}`,
        );
        continue;
      } else next = type === "merge" ? mergePatch(base, patch) : strategicPatch(base, patch);
      try {
        const dry = parsed.flags["dry-run"] as string | undefined;
        const r =
          dry === "client"
            ? { object: next as KubeObject, changed: true }
            : serverUpdate(ctx.cluster, live, next as KubeObject, { dryRun: dry === "server" });
        if (format.kind !== "table") {
          const p = printObjects(format, [r.object], true);
          if ("error" in p) out.fail(p.error);
          else out.out(p.text);
          continue;
        }
        const suffix =
          dry === "client" ? " (dry run)" : dry === "server" ? " (server dry run)" : "";
        out.out(
          `${qualifiedSingular(rt)}/${name} patched${r.changed ? "" : " (no change)"}${suffix}\n`,
        );
      } catch (e) {
        out.fail(apiErrorText(e, "patching"));
      }
    }
  },
};
