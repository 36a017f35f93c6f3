import { Rng } from "../sim/rng.ts";
import { ms, type Millis } from "../sim/time.ts";
import { containerFs } from "./fs.ts";
import { lookupImage } from "./images.ts";
import { ProcessSignals } from "./process-signals.ts";
import { spawnOrThrow, type SpawnOptions } from "./spawn.ts";
import type { Effect, FileSystem, RuntimeContext, ShellFlavor } from "./types.ts";

/**
 * A tiny driver for container processes, for tests (ours and the kubelet's): it runs a process
 * to completion on its own virtual clock, advancing time by each effect, and records output
 * with timestamps. No wall clock, no real timers.
 */

/** 2026-01-05T00:00:00Z, the lab's epoch (spec §0). */
export const LAB_START = ms(Date.UTC(2026, 0, 5));

export interface TestContextOptions {
  /** Image reference whose programs and shell the container gets (default "busybox"). */
  image?: string;
  env?: Record<string, string>;
  hostname?: string;
  seed?: number;
  start?: Millis;
  fs?: FileSystem;
  cwd?: string;
  shell?: ShellFlavor;
}

export interface LogLine {
  at: Millis;
  stream: "stdout" | "stderr";
  text: string;
}

export interface TestContext {
  ctx: RuntimeContext;
  /** Move the test clock (the driver does this for each effect). */
  advance(ms: number): void;
  log: LogLine[];
}

export function testContext(opts: TestContextOptions = {}): TestContext {
  const image = lookupImage(opts.image ?? "busybox");
  if (!image) throw new Error(`unknown image ${opts.image}`);
  let now: number = opts.start ?? LAB_START;
  const log: LogLine[] = [];
  const hostname = opts.hostname ?? "test-pod";
  const clock = () => ms(now);
  const ctx: RuntimeContext = {
    env: opts.env ?? {},
    hostname,
    now: clock,
    rng: new Rng(opts.seed ?? 1),
    fs: opts.fs ?? containerFs(clock, hostname),
    programs: image.programs,
    shell: opts.shell ?? image.shell,
    cwd: opts.cwd,
    signals: new ProcessSignals(),
    stdout: (text) => log.push({ at: clock(), stream: "stdout", text }),
    stderr: (text) => log.push({ at: clock(), stream: "stderr", text }),
  };
  return { ctx, log, advance: (d) => (now += d) };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** undefined when the process had not finished after `maxEffects` effects. */
  exitCode: number | undefined;
  effects: Effect[];
  /** Virtual time the process took. */
  elapsedMs: number;
  log: LogLine[];
}

export interface RunOptions extends TestContextOptions, SpawnOptions {
  /** Stop after this many effects (a process that runs forever). Default 10,000. */
  maxEffects?: number;
  /** Use this context instead of a fresh one (to share a filesystem between runs). */
  context?: TestContext;
  /**
   * Send signal `signo` to the process `atMs` virtual ms after it started, as the kubelet does at
   * termination: when the process says the signal wakes it, it is resumed at that instant.
   */
  signal?: { atMs: number; signo: number };
}

/** Run argv (exec form) to completion or to `maxEffects`. Throws StartError like `spawnOrThrow`. */
export function runProcess(argv: string[], opts: RunOptions = {}): RunResult {
  const t = opts.context ?? testContext(opts);
  const start = t.ctx.now();
  const firstLog = t.log.length;
  const proc = spawnOrThrow(argv, t.ctx, opts);
  const effects: Effect[] = [];
  const max = opts.maxEffects ?? 10_000;
  let exitCode: number | undefined;
  let signal = opts.signal;
  for (;;) {
    const r = proc.next();
    if (r.done) {
      exitCode = r.value;
      break;
    }
    effects.push(r.value);
    const due = signal ? start + signal.atMs - t.ctx.now() : Infinity;
    if (signal && due <= r.value.ms) {
      t.advance(Math.max(0, due));
      const wake = t.ctx.signals?.send(signal.signo) ?? false;
      signal = undefined;
      if (!wake) t.advance(r.value.ms - Math.max(0, due));
    } else t.advance(r.value.ms);
    if (effects.length >= max) break;
  }
  const log = t.log.slice(firstLog);
  const text = (s: LogLine["stream"]) =>
    log
      .filter((l) => l.stream === s)
      .map((l) => l.text)
      .join("");
  return {
    stdout: text("stdout"),
    stderr: text("stderr"),
    exitCode,
    effects,
    elapsedMs: t.ctx.now() - start,
    log,
  };
}

/** `sh -c SCRIPT` in a busybox container (or `opts.image`). */
export function runScript(script: string, opts: RunOptions = {}): RunResult {
  return runProcess(["sh", "-c", script], opts);
}
