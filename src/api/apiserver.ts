import { invalid, notFound, StatusError } from "./errors.ts";
import { qualifiedPlural, resourceFor } from "./resources.ts";
import { defaultServiceAccountFor } from "./core-objects.ts";
import { clone, type ObjectStore } from "./store.ts";
import { strategies, type Strategy } from "./strategies.ts";
import { normalizeDecoded, strictDecode } from "./strict-decode.ts";
import type { KubeObject, Pod } from "./types.ts";

export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
}

export type ApplyResult = "created" | "configured" | "unchanged";

/** The annotation kubectl apply keeps to compute its three-way patch. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * The simulated kube-apiserver: the write path that users (kubectl) and controllers share.
 * Objects are defaulted and validated per kind before they reach the store, and deletions
 * follow the propagation policy and grace-period rules of the real server.
 */
export class ApiServer {
  constructor(readonly store: ObjectStore) {
    // The service-account controller's `default` ServiceAccount of the default namespace.
    if (!store.get("ServiceAccount", "default", "default"))
      store.create(defaultServiceAccountFor("default"), true);
  }

  private strategy(kind: string): Strategy<KubeObject> {
    const s = strategies[kind] as Strategy<KubeObject> | undefined;
    if (!s)
      throw new StatusError(
        "BadRequest",
        `the server does not allow this method on the requested resource (kind ${kind})`,
      );
    return s;
  }

  /**
   * Strict decode + default + validate without writing (also `--dry-run=server`). `trusted`
   * writers (controllers, built from typed objects) skip strict decoding: it only ever rejects
   * unknown fields, which a typed client cannot send.
   */
  prepare<T extends KubeObject>(input: T, trusted = false, owned = false): T {
    if (!trusted) {
      const decodeError = strictDecode(input);
      if (decodeError) throw decodeError;
    }
    // Decoding builds a new object already; an `owned` input (built fresh for this call, never
    // touched again, nothing in it frozen) needs no protective copy before it.
    const obj = normalizeDecoded(owned ? input : clone(input));
    obj.metadata ??= {};
    const meta = obj.metadata;
    delete meta.uid;
    delete meta.resourceVersion;
    delete meta.creationTimestamp;
    delete meta.deletionTimestamp;
    delete meta.generation;
    delete (obj as { status?: unknown }).status;
    const s = this.strategy(obj.kind);
    // A manifest without a spec decodes to an empty one, as Go's zero values do.
    if (["Job", "CronJob", "Pod"].includes(obj.kind)) (obj as { spec?: unknown }).spec ??= {};
    s.default(obj);
    if (obj.kind === "Pod") this.admitServiceAccount(obj as unknown as Pod);
    if (s.prepareCreate) {
      meta.uid = this.store.newUid();
      s.prepareCreate(obj);
    }
    const errs = s.validate(obj);
    if (errs.length) throw invalid(obj.kind, meta.name ?? meta.generateName ?? "", errs);
    return obj;
  }

  /**
   * Create. `trusted`: a controller's typed object (no strict decoding); `owned`: the caller
   * built `input` fresh for this call and hands it over (no defensive copy).
   */
  create<T extends KubeObject>(
    input: T,
    opts: { dryRun?: boolean; trusted?: boolean; owned?: boolean } = {},
  ): T {
    const obj = this.prepare(input, opts.trusted, opts.owned);
    if (opts.dryRun) return obj;
    // `prepare` built `obj` as a private copy: the store may keep it without copying again.
    const created = this.store.create(obj, true);
    // The service-account controller gives every new namespace its `default` ServiceAccount.
    if (created.kind === "Namespace" && created.metadata.name) {
      const sa = defaultServiceAccountFor(created.metadata.name);
      if (!this.store.get("ServiceAccount", sa.metadata.namespace, "default"))
        this.store.create(sa, true);
    }
    return created;
  }

  /**
   * The ServiceAccount admission plugin: a pod naming a ServiceAccount that does not exist is
   * forbidden. The name in the message is the pod's generateName when it has no name yet
   * (admission runs before name generation), e.g. for Job pods:
   * `pods "backup-" is forbidden: error looking up service account default/x: serviceaccount "x" not found`.
   */
  private admitServiceAccount(pod: Pod): void {
    const ns = pod.metadata.namespace ?? "default";
    const sa = pod.spec.serviceAccountName ?? "default";
    if (this.store.get("ServiceAccount", ns, sa)) return;
    const name = pod.metadata.name || pod.metadata.generateName || "Unknown";
    throw new StatusError(
      "Forbidden",
      `pods "${name}" is forbidden: error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`,
      { kind: "Pod", name },
    );
  }

  /**
   * `kubectl apply`: create when absent; otherwise replace the user-owned parts (labels,
   * annotations, spec or data) with the applied ones and report configured/unchanged.
   */
  apply<T extends KubeObject>(
    input: T,
    opts: { dryRun?: boolean } = {},
  ): { result: ApplyResult; object: T } {
    const decodeError = strictDecode(input);
    if (decodeError) throw decodeError;
    input = normalizeDecoded(input);
    const ns = resourceFor(input.kind)?.namespaced
      ? (input.metadata?.namespace ?? "default")
      : undefined;
    const existing = input.metadata?.name
      ? this.store.get<T>(input.kind, ns, input.metadata.name)
      : undefined;
    const applied = clone(input);
    applied.metadata ??= {};
    applied.metadata.annotations = {
      ...applied.metadata.annotations,
      [LAST_APPLIED]: lastApplied(input, ns),
    };
    if (!existing) return { result: "created", object: this.create(applied, opts) };
    const next = this.merge(existing, applied);
    if (JSON.stringify(next) === JSON.stringify(existing))
      return { result: "unchanged", object: existing };
    return { result: "configured", object: opts.dryRun ? next : this.update(next) };
  }

  /** Merge an applied manifest into the live object and run defaulting + update validation. */
  private merge<T extends KubeObject>(live: T, applied: T): T {
    const s = this.strategy(live.kind);
    const next = clone(applied) as T & { status?: unknown };
    const l = live as T & { status?: unknown };
    next.metadata = {
      ...clone(live.metadata),
      labels: applied.metadata.labels ?? (live.kind === "Job" ? live.metadata.labels : undefined),
      annotations: applied.metadata.annotations,
    };
    if (!next.metadata.labels) delete next.metadata.labels;
    if ("status" in l) next.status = clone(l.status);
    s.default(next);
    const errs = s.validateUpdate ? s.validateUpdate(next, live) : s.validate(next);
    if (errs.length) throw invalid(live.kind, live.metadata.name!, errs);
    // Keep the key order of the live object so "unchanged" compares equal.
    return reorderLike(next, live);
  }

  update<T extends KubeObject>(next: T): T {
    return this.store.update(next);
  }

  /**
   * DELETE with a propagation policy. Pods on a node get their grace period; unscheduled or
   * finished pods go at once. Foreground/Orphan park the owner behind a finalizer that the
   * garbage collector resolves.
   */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): KubeObject | undefined {
    const obj = this.store.get(kind, namespace, name);
    if (!obj) {
      const rt = resourceFor(kind);
      throw notFound(rt ? qualifiedPlural(rt) : kind, name);
    }
    let grace = 0;
    if (kind === "Pod") {
      const pod = obj as Pod;
      const terminal = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
      grace =
        !pod.spec.nodeName || terminal
          ? 0
          : (opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
    }
    const finalizers =
      opts.propagationPolicy === "Foreground"
        ? ["foregroundDeletion"]
        : opts.propagationPolicy === "Orphan"
          ? ["orphan"]
          : [];
    return this.store.delete(kind, namespace, name, { gracePeriodSeconds: grace, finalizers });
  }
}

function reorderLike<T>(next: T, live: T): T {
  // List items too: a manifest may order a container's keys differently (spec §6.4 "unchanged").
  if (Array.isArray(next)) {
    const l: unknown = live;
    if (!Array.isArray(l)) return next;
    return next.map((x: unknown, i) => reorderLike(x, (l as unknown[])[i])) as T;
  }
  if (typeof next !== "object" || next === null) return next;
  if (typeof live !== "object" || live === null || Array.isArray(live)) return next;
  const out: Record<string, unknown> = {};
  const n = next as Record<string, unknown>;
  const l = live as Record<string, unknown>;
  for (const k of Object.keys(l)) if (k in n) out[k] = reorderLike(n[k], l[k]);
  for (const k of Object.keys(n)) if (!(k in out)) out[k] = n[k];
  return out as T;
}

/** kubectl's last-applied JSON: keys sorted, annotations present (minus itself), namespace filled. */
function lastApplied(input: KubeObject, ns: string | undefined): string {
  const copy = clone(input);
  copy.metadata = { ...copy.metadata, annotations: { ...copy.metadata?.annotations } };
  delete copy.metadata.annotations![LAST_APPLIED];
  if (ns !== undefined) copy.metadata.namespace = ns;
  return JSON.stringify(sortKeys(copy)) + "\n";
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}
