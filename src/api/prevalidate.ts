import { ApiServer, type ApplyResult } from "./apiserver.ts";
import { StatusError } from "./errors.ts";
import { clone, ObjectStore } from "./store.ts";
import type { KubeObject } from "./types.ts";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";

export interface PrevalidateOptions {
  /** The object as it is live in the cluster, if it exists: the apply is then an update. */
  live?: KubeObject;
  /** Virtual time the dry run happens at (timestamps of the returned object). */
  now?: number;
}

export type PrevalidateResult =
  { ok: true; result: ApplyResult; object: KubeObject } | { ok: false; error: StatusError };

/**
 * `kubectl apply --dry-run=server` without a cluster: the same strict decoding, defaulting and
 * validation (create or update) the simulated API server runs, on a throw-away store holding at
 * most the live object. The live cluster is never touched, so its seeded RNG (uids, names) and
 * therefore its replay stay exactly as they were. Used by the editor to flag problems as the
 * learner types, with the server's exact words (spec §6), and to build a `kubectl diff` view.
 */
export function prevalidate(input: KubeObject, opts: PrevalidateOptions = {}): PrevalidateResult {
  const clock = new Clock(ms(opts.now ?? 0));
  const store = new ObjectStore(clock, new Rng(1));
  const api = new ApiServer(store);
  try {
    if (opts.live) store.create(clone(opts.live));
    const r = api.apply(clone(input), { dryRun: true });
    return { ok: true, result: r.result, object: r.object };
  } catch (e) {
    if (e instanceof StatusError) return { ok: false, error: e };
    // Bad input must never crash the editor; report it the way the server reports a panic.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: new StatusError("InternalError", message) };
  }
}
