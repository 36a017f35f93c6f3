import { invalid, StatusError } from "../api/errors.ts";
import { qualifiedPlural, resourceFor } from "../api/resources.ts";
import { clone } from "../api/store.ts";
import { strategies, type Strategy } from "../api/strategies.ts";
import { strictDecode } from "../api/strict-decode.ts";
import type { KubeObject } from "../api/types.ts";
import type { Cluster } from "../cluster.ts";

/**
 * An update as the API server handles a PATCH or an edit (registry `Update`): strict decoding,
 * defaulting, the kind's update validation (immutable fields), then the write — which keeps
 * status and bumps `generation` when the spec changed. Returns the stored object, or the live
 * one unchanged when the patch changed nothing (kubectl then prints `patched (no change)`).
 */
export function serverUpdate(
  cluster: Cluster,
  live: KubeObject,
  next: KubeObject,
  opts: { dryRun?: boolean; resourceVersion?: string } = {},
): { object: KubeObject; changed: boolean } {
  const rt = resourceFor(live.kind);
  // Optimistic concurrency (registry `GuaranteedUpdate`): a precondition on the resourceVersion
  // that no longer holds is a 409 with `OptimisticLockErrorMsg`.
  if (opts.resourceVersion !== undefined && opts.resourceVersion !== live.metadata.resourceVersion)
    throw new StatusError(
      "Conflict",
      `Operation cannot be fulfilled on ${rt ? qualifiedPlural(rt) : live.kind} "${live.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
  const decodeError = strictDecode(next);
  if (decodeError) throw decodeError;
  const s = strategies[live.kind] as Strategy<KubeObject> | undefined;
  if (!s)
    throw new StatusError(
      "MethodNotAllowed",
      "the server does not allow this method on the requested resource",
    );
  // Keep the live object's key order: the server compares decoded structs, not key order.
  const obj = reorderLike(clone(next), live);
  obj.metadata = {
    ...obj.metadata,
    name: live.metadata.name,
    namespace: live.metadata.namespace,
    uid: live.metadata.uid,
    creationTimestamp: live.metadata.creationTimestamp,
    resourceVersion: live.metadata.resourceVersion,
  };
  s.default(obj);
  const errs = s.validateUpdate ? s.validateUpdate(obj, live) : s.validate(obj);
  if (errs.length) throw invalid(live.kind, live.metadata.name!, errs);
  const strip = (o: KubeObject) => {
    const c = clone(o) as KubeObject & { status?: unknown };
    delete c.status;
    delete c.metadata.resourceVersion;
    delete c.metadata.generation;
    return JSON.stringify(sortKeys(c));
  };
  if (strip(obj) === strip(live)) return { object: live, changed: false };
  return { object: opts.dryRun ? obj : cluster.api.update(obj), changed: true };
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}

/** `next` with the keys it shares with `live` in live's order (YAML from an editor is sorted). */
function reorderLike<T>(next: T, live: unknown): T {
  if (Array.isArray(next) && Array.isArray(live))
    return (next as unknown[]).map((x, i) => reorderLike(x, live[i] as unknown)) as T;
  if (!next || typeof next !== "object" || Array.isArray(next)) return next;
  if (!live || typeof live !== "object" || Array.isArray(live)) return next;
  const n = next as Record<string, unknown>;
  const l = live as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(l)) if (k in n) out[k] = reorderLike(n[k], l[k]);
  for (const k of Object.keys(n)) if (!(k in out)) out[k] = n[k];
  return out as T;
}
