import type { ApiServer } from "../api/apiserver.ts";
import type { ObjectStore } from "../api/store.ts";
import type { Job } from "../api/types.ts";
import type { Clock } from "../sim/clock.ts";
import { condition } from "./job-util.ts";
import { objectKey, splitKey, WorkQueue } from "./work-queue.ts";

/**
 * TTL-after-finished (spec §5): a finished Job with `ttlSecondsAfterFinished` is deleted
 * (Foreground) that many seconds after its Complete/Failed condition; the TTL is re-read at expiry.
 */
export class TtlAfterFinishedController {
  private queue: WorkQueue;

  constructor(
    private readonly api: ApiServer,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, "ttl", (k) => this.sync(k));
    store.watch((ev) => {
      if (ev.kind !== "Job" || ev.type === "DELETED") return;
      const job = ev.object as Job;
      if (job.spec.ttlSecondsAfterFinished !== undefined && this.finishedAt(job) !== undefined) {
        this.queue.add(objectKey(job.metadata.namespace, job.metadata.name!));
      }
    });
  }

  private finishedAt(job: Job): number | undefined {
    const c = condition(job, "Complete") ?? condition(job, "Failed");
    return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.store.get<Job>("Job", ns, name);
    if (!job || job.metadata.deletionTimestamp || job.spec.ttlSecondsAfterFinished === undefined)
      return;
    const finished = this.finishedAt(job);
    if (finished === undefined) return;
    const expiry = finished + job.spec.ttlSecondsAfterFinished * 1000;
    if (expiry > this.clock.now()) {
      this.queue.add(key, expiry - this.clock.now());
      return;
    }
    this.api.delete("Job", ns, name, { propagationPolicy: "Foreground" });
  }
}
