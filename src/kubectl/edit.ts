import { load } from "js-yaml";
import { qualifiedPlural, qualifiedSingular } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { apiErrorText } from "./apply.ts";
import { namespaceOf, type KubectlContext, type Verb } from "./context.ts";
import { lookupType } from "./kinds.ts";
import { Output, type CommandResult, type EditRequest } from "./output.ts";
import { resolveTargets } from "./resolve.ts";
import { serverUpdate } from "./server-update.ts";
import { toYaml } from "./yaml-out.ts";

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
  "# reopened with the relevant failures.\n#\n";

/**
 * `kubectl edit TYPE/NAME`: the result carries the live object's YAML (`CommandResult.edit`) for
 * the UI to open; saving goes through `saveEdit`. Without an editor (the headless runner) it
 * says how to change the object instead.
 */
export const editVerb: Verb = {
  name: "edit",
  short: "Edit a resource on the server",
  usage: "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]",
  args: "object",
  flags: [
    { name: "output", short: "o", type: "string", usage: "Output format. One of: (json, yaml)." },
  ],
  run(ctx, parsed, out) {
    const groups = resolveTargets(parsed.args, out);
    if (!groups) return;
    const g = groups[0];
    if (!g || g.names.length === 0)
      return out.fail(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    const ns = g.rt.namespaced ? namespaceOf(parsed) : undefined;
    const name = g.names[0];
    const live = ctx.cluster.store.get(g.rt.kind, ns, name);
    if (!live)
      return out.fail(`Error from server (NotFound): ${qualifiedPlural(g.rt)} "${name}" not found`);
    const ref = `${qualifiedSingular(g.rt)}/${name}`;
    if (!ctx.editor)
      return out.fail(
        `error: kubectl edit needs an editor: in the lab's terminal it opens ${ref} in the YAML editor; in a script, change it with kubectl patch or kubectl apply`,
      );
    out.edit = { ref, kind: g.rt.kind, namespace: ns, name, yaml: HEADER + toYaml(live) };
  },
};

/** Save an edited buffer as kubectl edit does when the editor closes. */
export function saveEdit(ctx: KubectlContext, req: EditRequest, text: string): CommandResult {
  const out = new Output(() => ctx.cluster.now());
  const body = text
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");
  if (body.trim() === "" || body.trim() === req.yaml.slice(HEADER.length).trim()) {
    out.out("Edit cancelled, no changes made.\n");
    return out.result();
  }
  let obj: KubeObject;
  try {
    obj = load(body) as KubeObject;
  } catch (e) {
    out.fail(`error: ${(e as { reason?: string }).reason ?? "invalid YAML"}`);
    return out.result();
  }
  const rt = lookupType(req.kind)!;
  const live = ctx.cluster.store.get(req.kind, req.namespace, req.name);
  if (!live) {
    out.fail(`Error from server (NotFound): ${qualifiedPlural(rt)} "${req.name}" not found`);
    return out.result();
  }
  try {
    const r = serverUpdate(ctx.cluster, live, obj);
    out.out(r.changed ? `${req.ref} edited\n` : "Edit cancelled, no changes made.\n");
  } catch (e) {
    out.fail(
      `error: ${qualifiedPlural(rt)} "${req.name}" is invalid\n${apiErrorText(e, "patching")}`,
    );
  }
  return out.result();
}
