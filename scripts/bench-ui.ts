// UI benchmark (issue #7 item 9): a Job with 300 pods at 100× in the built app. Records the p95
// frame time and long tasks while it runs, the app shell's JS size (gzip) and the time until the
// editor is ready, to reports/bench-ui.json. A measurement, not a test: it never fails on a miss.
// Needs `npm run build` first; serves dist/ itself on a private port.
// Variants (env): BENCH_TABLE=1 runs it in the table view, BENCH_NO_TIMELINE=1 closes the
// timeline, BENCH_TRACE=1 prints main-thread CPU per trace event (thread time, comparable on a
// busy machine), BENCH_PROFILE=1 the hottest JS functions, BENCH_DIST=dir another build.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const PORT = 4188;
const DIST = resolve(process.env.BENCH_DIST ?? "dist");
const TARGETS = { p95FrameMs: 20, shellGzipKB: 150, editorReadyMs: 2500 };

/** Gzip and raw bytes of built files (paths relative to DIST). */
function gzipOf(files: string[]): { gzipBytes: number; rawBytes: number } {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of new Set(files)) {
    const buf = readFileSync(join(DIST, f));
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes };
}

/**
 * The app shell: the JS the page loads before anything else (the entry script and its
 * modulepreloads), which paints the header and a placeholder; the lab's chunk follows.
 */
function shellSize(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1].replace(/^\.?\//, ""));
  return { files: [...new Set(files)], ...gzipOf(files) };
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

const MANIFEST = [
  "apiVersion: batch/v1",
  "kind: Job",
  "metadata: {name: bench}",
  'spec: {completions: 300, parallelism: 300, template: {spec: {restartPolicy: Never, containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "sleep 20; echo done"]}]}}}',
].join("\n");

async function main() {
  const shell = shellSize();
  const server = spawn(
    "npx",
    [
      "vite",
      "preview",
      "--outDir",
      DIST,
      "--host",
      "127.0.0.1",
      "--port",
      String(PORT),
      "--strictPort",
    ],
    { stdio: "ignore", detached: true },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    const url = `http://127.0.0.1:${PORT}/`;
    await waitForServer(url, 30_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Every script the page fetched until the editor is ready (the shell, the lab, the editor).
    const fetched = new Set<string>();
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith(".js")) fetched.add(path.replace(/^\//, ""));
    });
    await page.goto(url);
    await page.locator(".yaml-editor .monaco-editor .view-lines").waitFor({ state: "visible" });
    const beforeReady = gzipOf([...fetched]);
    const editorReadyMs = await page.evaluate<number>("Math.round(performance.now())");

    const play = page.getByTestId("clock-play");
    if ((await play.getAttribute("aria-label"))?.startsWith("Pause")) await play.click();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(MANIFEST)})`);
    await page.locator(".yaml-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("ControlOrMeta+V");
    await page.getByTestId("apply-button").click();
    await page.getByTestId("apply-result").waitFor();
    await page.getByTestId("clock-speed-100").click();
    if (process.env.BENCH_NO_TIMELINE) await page.getByTestId("view-timeline").click();
    if (process.env.BENCH_TABLE) await page.getByTestId("view-table").click();

    // Frame times and long tasks while 300 pods are created, run and complete at 100×.
    // A string, not a function: tsx's name helpers do not exist in the page.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__long.push(e.duration);
      }).observe({ type: "longtask", buffered: false });
      let last = performance.now();
      const loop = (t) => {
        window.__frames.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    })()`);
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    if (process.env.BENCH_TRACE)
      await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel"] });
    await play.click();
    await page.waitForTimeout(8000);
    if (process.env.BENCH_TRACE) {
      // Thread CPU time (tdur), not wall: comparable across runs on a busy machine.
      type TraceEvent = {
        name: string;
        ph: string;
        pid: number;
        tid: number;
        dur?: number;
        tdur?: number;
        args?: { name?: string };
      };
      const trace = (await browser.stopTracing()).toString();
      if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, trace);
      const events = (JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents;
      const main = events.find(
        (e) =>
          e.ph === "M" &&
          e.args?.name === "CrRendererMain" &&
          events.some((x) => x.pid === e.pid && x.name === "FireAnimationFrame"),
      );
      const onMain = events.filter(
        (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X",
      );
      const by = new Map<string, number>();
      for (const e of onMain) by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      const tasks = onMain
        .filter((e) => e.name === "ThreadControllerImpl::RunTask")
        .map((e) => (e.tdur ?? 0) / 1000)
        .sort((a, b) => a - b);
      const total = tasks.reduce((a, b) => a + b, 0);
      const over = (ms: number) => tasks.filter((d) => d > ms).length;
      console.log(
        `main thread CPU ${total.toFixed(0)} ms in ${tasks.length} tasks; >8 ms: ${over(8)}, >16 ms: ${over(16)}, >50 ms: ${over(50)}; p99 task ${tasks[Math.floor(tasks.length * 0.99)]?.toFixed(1)} ms; max ${tasks.at(-1)?.toFixed(1)} ms`,
      );
      console.log(
        [...by.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 16)
          .map(([k, v]) => `${v.toFixed(0)}ms ${k}`)
          .join("\n"),
      );
    }
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      const self = new Map<string, number>();
      const dt = profile.timeDeltas ?? [];
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      (profile.samples ?? []).forEach((id, i) => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      console.log(
        [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 25)
          .map(([k, v]) => `${v.toFixed(0)}ms ${k}`)
          .join("\n"),
      );
    }
    const { frames, long } = await page.evaluate<{ frames: number[]; long: number[] }>(
      "({ frames: window.__frames.slice(1), long: window.__long })",
    );
    const pods = await page.locator('[data-testid="pod-card"]').count();
    await browser.close();

    const sorted = [...frames].sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    const report = {
      when: new Date().toISOString(),
      scenario: "Job with completions 300, parallelism 300 (sleep 20) at 100×, 8 s wall, 1280×720",
      frames: frames.length,
      p50FrameMs: +pct(0.5).toFixed(1),
      p95FrameMs: +pct(0.95).toFixed(1),
      maxFrameMs: +(sorted[sorted.length - 1] ?? 0).toFixed(1),
      longTasks: long.length,
      longTaskTotalMs: Math.round(long.reduce((a, b) => a + b, 0)),
      podsOnCanvas: pods,
      shellGzipKB: +(shell.gzipBytes / 1024).toFixed(1),
      shellRawKB: +(shell.rawBytes / 1024).toFixed(1),
      shellFiles: shell.files,
      editorReadyMs,
      jsUntilEditorReadyGzipKB: +(beforeReady.gzipBytes / 1024).toFixed(1),
      targets: TARGETS,
      met: {
        p95FrameMs: pct(0.95) <= TARGETS.p95FrameMs,
        shellGzipKB: shell.gzipBytes / 1024 <= TARGETS.shellGzipKB,
        editorReadyMs: editorReadyMs <= TARGETS.editorReadyMs,
      },
    };
    mkdirSync("reports", { recursive: true });
    writeFileSync("reports/bench-ui.json", JSON.stringify(report, null, 2) + "\n");
    console.log(JSON.stringify(report, null, 2));
  } finally {
    stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
