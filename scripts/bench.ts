/**
 * Engine benchmarks (`npm run bench`): wall time and events processed for whole simulated
 * scenarios, written to reports/bench.json. Not a test: numbers, not pass/fail, except that the
 * process exits non-zero when a scenario does not reach its expected end state.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const e0 = c.clock.processed;
  c.api.create(jobManifest(name, spec, command));
  const ok = c.advanceUntil(() => finished(c, name) !== undefined, 30 * 24 * 3600_000);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const got = finished(c, name);
  if (!ok || got !== expect)
    throw new Error(`${name}: expected ${expect}, got ${got ?? "unfinished"}`);
  return {
    wallMs: Math.round(wallMs),
    // The process's CPU time (GC threads included): less sensitive to a loaded machine.
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    events: c.clock.processed - e0,
  };
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

/**
 * cron-year (issue #4): a `*\/5 * * * *` CronJob with default history limits for 365 virtual
 * days, 105,120 Jobs. Targets: ≤ 10 s wall, heap growth ≤ 50 MB. `cpuMs` is the process's CPU
 * time over the run (less sensitive than wall time to other work on the machine).
 */
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
  let created = 0;
  c.watch((ev) => {
    if (ev.kind === "Job" && ev.type === "ADDED") created++;
  });
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const e0 = c.clock.processed;
  c.api.create(cj);
  const day = 24 * 3600_000;
  for (let d = 0; d < 365; d++) c.advance(day);
  // The 105,120th time is 00:00 of day 366, run at its + 100 ms.
  c.advance(1000);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  globalThis.gc?.();
  const heapGrowthMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
  if (created !== 365 * 288)
    throw new Error(`cron-year: ${created} Jobs created, expected 105,120`);
  const jobs = c.store.list<Job>("Job").length;
  if (jobs > 4) throw new Error(`cron-year: history limits not applied (${jobs} jobs left)`);
  return {
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    events: c.clock.processed - e0,
    jobsCreated: created,
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

// The machine is shared: the 1-minute load average says how much to trust the wall times.
const load1 = Math.round(loadavg()[0] * 10) / 10;
for (const r of Object.values(results)) r.load1 = load1;
const rows = Object.entries(results).map(([k, r]) => {
  const perEvent = (r.wallMs * 1000) / Math.max(1, r.events);
  return `${k.padEnd(22)} ${String(r.wallMs).padStart(8)} ms ${String(r.events).padStart(10)} events ${perEvent.toFixed(2).padStart(8)} µs/event${r.heapGrowthMB !== undefined ? `  heap +${r.heapGrowthMB} MB` : ""}`;
});
console.log(rows.join("\n"));
console.log(`load average (1 min): ${load1} on ${availableParallelism()} cores`);
if (results["job-10k"] && results["baseline-event-queue"]) {
  const ratio =
    results["job-10k"].wallMs /
    results["job-10k"].events /
    (results["baseline-event-queue"].wallMs / results["baseline-event-queue"].events);
  console.log(`engine cost per event vs baseline: ${ratio.toFixed(1)}x`);
}
mkdirSync("reports", { recursive: true });
// Running some cases (`npm run bench cron-year`) keeps the others' last figures.
const previous = existsSync("reports/bench.json")
  ? (JSON.parse(readFileSync("reports/bench.json", "utf8")) as Record<string, Result>)
  : {};
writeFileSync("reports/bench.json", JSON.stringify({ ...previous, ...results }, null, 2) + "\n");
