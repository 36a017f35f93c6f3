import { LAST_APPLIED } from "../../src/api/apiserver.ts";
import { prevalidate } from "../../src/api/prevalidate.ts";
import { qualifiedSingular, resourceFor } from "../../src/api/resources.ts";
import type { KubeObject } from "../../src/api/types.ts";
import { apiErrorText } from "../../src/kubectl/apply.ts";
import { checkObject, decodeManifests } from "../../src/kubectl/manifest.ts";
import { toYaml } from "../../src/kubectl/yaml-out.ts";

/**
 * `kubectl diff -f FILE`, for the editor: each object as it is live, next to what the API server
 * would make of the file (a dry run: defaults filled in, an update merged into the live object).
 */
export interface ObjectDiff {
  /** `job.batch/hello` */
  title: string;
  status: "new" | "changed" | "unchanged" | "error";
  /** YAML of the live object ("" when it does not exist). */
  live: string;
  /** YAML of the object after the apply ("" when the apply would fail). */
  applied: string;
  /** What the apply would print instead (status "error"). */
  message?: string;
}

export interface DiffOptions {
  live: (obj: KubeObject) => KubeObject | undefined;
  now?: number;
}

/** Fields the server manages that every diff would show and nobody wrote. */
function clean(obj: KubeObject): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject & { status?: unknown };
  delete copy.status;
  const meta = copy.metadata as Record<string, unknown> & { annotations?: Record<string, string> };
  for (const k of ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"])
    delete meta[k];
  if (meta.annotations) {
    delete meta.annotations[LAST_APPLIED];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return copy as unknown as Record<string, unknown>;
}

export function diffFile(
  text: string,
  file: string,
  opts: DiffOptions,
): { objects: ObjectDiff[] } | { error: string } {
  const decoded = decodeManifests(text, file);
  if ("error" in decoded) return { error: decoded.error.message };
  return {
    objects: decoded.docs.map((d): ObjectDiff => {
      const obj = d.object;
      const rt = resourceFor(String(obj.kind));
      const title = `${rt ? qualifiedSingular(rt) : String(obj.kind).toLowerCase()}/${obj.metadata?.name ?? ""}`;
      const problem = checkObject(obj, file);
      if (problem) return { title, status: "error", live: "", applied: "", message: problem };
      const live = opts.live(obj);
      const r = prevalidate(obj, { live, now: opts.now });
      const liveYaml = live ? toYaml(clean(live)) : "";
      if (!r.ok) {
        const message = apiErrorText(r.error, "applying", file);
        return { title, status: "error", live: liveYaml, applied: "", message };
      }
      const status = !live ? "new" : r.result === "unchanged" ? "unchanged" : "changed";
      return { title, status, live: liveYaml, applied: toYaml(clean(r.object)) };
    }),
  };
}

/** Both sides of the diff as one text each, an object per `---` document with a title comment. */
export function diffTexts(objects: readonly ObjectDiff[]): { original: string; modified: string } {
  const side = (pick: (o: ObjectDiff) => string) =>
    objects
      .map((o) => {
        const body = pick(o);
        return `# ${o.title}\n${body}`;
      })
      .join("---\n");
  return {
    original: side((o) => o.live),
    modified: side((o) =>
      o.status === "error" ? (o.message ?? "").replace(/^/gm, "# ") + "\n" : o.applied,
    ),
  };
}
