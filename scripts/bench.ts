/**
 * Engine benchmarks (`npm run bench`): wall time and events processed for whole simulated
 * scenarios, written to reports/bench.json. Not a test: numbers, not pass/fail, except that the
 * process exits non-zero when a scenario does not reach its expected end state.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createCluster, type Cluster } from "../src/cluster.ts";
import type { CronJob, Job } from "../src/api/types.ts";
import { Clock } from "../src/sim/clock.ts";
import { ms } from "../src/sim/time.ts";

interface Result {
  wallMs: number;
  events: number;
  [k: string]: number;
}

function jobManifest(name: string, spec: Partial<Job["spec"]>, command: string[]): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      ...spec,
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [{ name: "work", image: "busybox:1.36", command }],
        },
      },
    },
  };
}

function finished(c: Cluster, name: string): string | undefined {
  const j = c.store.get<Job>("Job", "default", name);
  return j?.status?.conditions?.find(
    (x) => (x.type === "Complete" || x.type === "Failed") && x.status === "True",
  )?.type;
}

function runJob(
  name: string,
  spec: Partial<Job["spec"]>,
  command: string[],
  expect: string,
): Result {
  const c = createCluster({ preloadedImages: ["busybox:1.36"] });
  const t0 = performance.now();
  const e0 = c.clock.processed;
  c.api.create(jobManifest(name, spec, command));
  const ok = c.advanceUntil(() => finished(c, name) !== undefined, 30 * 24 * 3600_000);
  const wallMs = performance.now() - t0;
  const got = finished(c, name);
  if (!ok || got !== expect)
    throw new Error(`${name}: expected ${expect}, got ${got ?? "unfinished"}`);
  return { wallMs: Math.round(wallMs), events: c.clock.processed - e0 };
}

function baseline(events: number): Result {
  const clock = new Clock(ms(0));
  let n = 0;
  const t0 = performance.now();
  // A bare loop of timed events, each scheduling the next, like a simulation's steady state.
  const tick = () => {
    if (++n < events) clock.after(7, "tick", tick);
  };
  for (let i = 0; i < 64; i++) clock.after(i, "tick", tick);
  while (clock.step());
  return { wallMs: Math.max(1, Math.round(performance.now() - t0)), events: clock.processed };
}

function cronYear(): Result {
  const c = createCluster({ preloadedImages: ["busybox:1.36"] });
  const cj: CronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "tick" },
    spec: {
      schedule: "*/5 * * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "date"] }],
            },
          },
        },
      },
    },
  };
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const e0 = c.clock.processed;
  c.api.create(cj);
  const day = 24 * 3600_000;
  for (let d = 0; d < 365; d++) c.advance(day);
  const wallMs = performance.now() - t0;
  globalThis.gc?.();
  const heapGrowthMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const jobs = c.store.list<Job>("Job").length;
  if (jobs > 4) throw new Error(`cron-year: history limits not applied (${jobs} jobs left)`);
  return {
    wallMs: Math.round(wallMs),
    events: c.clock.processed - e0,
    heapGrowthMB: Math.round(heapGrowthMB * 10) / 10,
  };
}

const only = process.argv.slice(2);
const results: Record<string, Result> = {};
const want = (name: string) => only.length === 0 || only.includes(name);
if (want("job-10k") || want("baseline-event-queue")) {
  results["job-10k"] = runJob(
    "job-10k",
    { completions: 10_000, parallelism: 500 },
    ["sh", "-c", "sleep 5"],
    "Complete",
  );
  results["baseline-event-queue"] = baseline(results["job-10k"].events);
}
if (want("job-failures-1k"))
  results["job-failures-1k"] = runJob(
    "fail-1k",
    { backoffLimit: 999, parallelism: 10, completions: 10 },
    ["sh", "-c", "exit 1"],
    "Failed",
  );
if (want("cron-year")) results["cron-year"] = cronYear();

const rows = Object.entries(results).map(([k, r]) => {
  const perEvent = (r.wallMs * 1000) / Math.max(1, r.events);
  return `${k.padEnd(22)} ${String(r.wallMs).padStart(8)} ms ${String(r.events).padStart(10)} events ${perEvent.toFixed(2).padStart(8)} µs/event${r.heapGrowthMB !== undefined ? `  heap +${r.heapGrowthMB} MB` : ""}`;
});
console.log(rows.join("\n"));
if (results["job-10k"] && results["baseline-event-queue"]) {
  const ratio =
    results["job-10k"].wallMs /
    results["job-10k"].events /
    (results["baseline-event-queue"].wallMs / results["baseline-event-queue"].events);
  console.log(`engine cost per event vs baseline: ${ratio.toFixed(1)}x`);
}
mkdirSync("reports", { recursive: true });
writeFileSync("reports/bench.json", JSON.stringify(results, null, 2) + "\n");
