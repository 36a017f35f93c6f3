import type { Container, Pod } from "../api/types.ts";
import type { Clock, Timer } from "../sim/clock.ts";
import { formatGoDuration } from "../sim/go-duration.ts";
import { hexDigest } from "../sim/hash.ts";
import type { Rng } from "../sim/rng.ts";
import { lookupImage, normalizeImageRef } from "../runtime/images.ts";
import type { Backoff } from "./backoff.ts";
import type { PodEvents } from "./node-context.ts";
import { MANIFEST_CHECK_MS, PULL_FAILURE_MS, pullDuration } from "./timing.ts";

export interface PullCallbacks {
  onReady(): void;
  onWaiting(reason: string, message?: string): void;
  setTimer(t: Timer): void;
}

/**
 * A node's image store and puller: a per-node cache, `imagePullPolicy` (Always / IfNotPresent /
 * Never), pull durations from the image size (timing.ts), and ErrImagePull → ImagePullBackOff
 * with the kubelet's back-off for images that do not exist (spec §3.2, §3.5).
 */
export class ImageManager {
  private cache = new Set<string>();
  private inFlight = new Map<string, { done: number; ok: boolean }>();
  /** imageID per pulled reference (a pure function of it, computed once per node). */
  private ids = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly events: PodEvents,
    private readonly backoff: Backoff,
    /** A lab fault may slow pulls down (src/faults.ts); identity otherwise. */
    private readonly pullTime: (ms: number) => number = (ms) => ms,
  ) {}

  /** Put an image on the node without pulling (pre-pulled images, exercises). */
  preload(ref: string): void {
    this.cache.add(normalizeImageRef(ref));
  }

  has(ref: string): boolean {
    return this.cache.has(normalizeImageRef(ref));
  }

  list(): string[] {
    return [...this.cache].sort();
  }

  imageID(ref: string): string {
    const full = normalizeImageRef(ref);
    let id = this.ids.get(full);
    if (id === undefined) {
      id = `${full.replace(/:[^:/]+$/, "")}@sha256:${hexDigest(full)}`;
      this.ids.set(full, id);
    }
    return id;
  }

  ensure(pod: Pod, c: Container, cb: PullCallbacks): void {
    const ref = c.image ?? "";
    const full = normalizeImageRef(ref);
    const policy = c.imagePullPolicy ?? "IfNotPresent";
    const present = this.cache.has(full);
    if (policy === "Never" && !present) {
      const msg = `Container image "${ref}" is not present with pull policy of Never`;
      this.events.warn(pod, "ErrImageNeverPull", msg);
      this.events.warn(pod, "Failed", "Error: ErrImageNeverPull");
      return cb.onWaiting("ErrImageNeverPull", msg);
    }
    if (present && policy !== "Always") {
      this.events.normal(pod, "Pulled", `Container image "${ref}" already present on machine`);
      return cb.onReady();
    }
    const key = `${pod.metadata.uid}/${full}`;
    const wait = this.backoff.waitFor(key, this.clock.now());
    if (wait > 0) {
      this.events.normal(pod, "BackOff", `Back-off pulling image "${ref}"`);
      this.events.warn(pod, "Failed", "Error: ImagePullBackOff");
      cb.onWaiting("ImagePullBackOff", `Back-off pulling image "${ref}"`);
      cb.setTimer(
        this.clock.after(wait, `image-backoff ${pod.metadata.name}`, () =>
          this.pull(pod, c, cb, key),
        ),
      );
      return;
    }
    this.pull(pod, c, cb, key);
  }

  private pull(pod: Pod, c: Container, cb: PullCallbacks, key: string): void {
    const ref = c.image ?? "";
    const full = normalizeImageRef(ref);
    const info = lookupImage(ref);
    this.events.normal(pod, "Pulling", `Pulling image "${ref}"`);
    cb.onWaiting("ContainerCreating");
    const now = this.clock.now();
    let flight = this.inFlight.get(full);
    if (!flight || flight.done < now) {
      const d = !info
        ? PULL_FAILURE_MS
        : this.cache.has(full)
          ? MANIFEST_CHECK_MS
          : this.pullTime(pullDuration(info.sizeBytes, this.rng.next()));
      flight = { done: now + d, ok: !!info };
      this.inFlight.set(full, flight);
    }
    const took = flight.done - now;
    cb.setTimer(
      this.clock.at(flight.done, `pull ${pod.metadata.name}`, () => {
        if (info) {
          this.cache.add(full);
          const d = formatGoDuration(took);
          this.events.normal(
            pod,
            "Pulled",
            `Successfully pulled image "${ref}" in ${d} (${d} including waiting). Image size: ${info.sizeBytes} bytes.`,
          );
          return cb.onReady();
        }
        const err = pullError(ref);
        this.events.warn(pod, "Failed", `Failed to pull image "${ref}": ${err}`);
        this.events.warn(pod, "Failed", "Error: ErrImagePull");
        this.backoff.next(key, this.clock.now());
        cb.onWaiting("ErrImagePull", err);
        // The next pod sync (≈1 s later) reports the back-off; the retry waits for it to expire.
        cb.setTimer(
          this.clock.after(1000, `image-backoff ${pod.metadata.name}`, () =>
            this.ensure(pod, c, cb),
          ),
        );
      }),
    );
  }
}

/** containerd's error for a reference that cannot be resolved. */
export function pullError(ref: string): string {
  const full = normalizeImageRef(ref);
  const repo = full.replace(/:[^:/]+$/, "");
  const known = lookupImage(repo + ":latest") !== undefined || lookupImage(repo) !== undefined;
  if (known) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
  }
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}
