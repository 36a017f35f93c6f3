import type { KubectlContext } from "./context.ts";
import { Output } from "./output.ts";
import type { Process } from "./process.ts";
import { tokenize } from "./tokenize.ts";

/** `sleep`/`timeout` durations (GNU coreutils): a number with an optional s, m, h or d suffix; also `1h30m`. */
export function parseDuration(s: string): number | undefined {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const one = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(s);
  if (one) return Math.round(Number(one[1]) * unit[one[2] || "s"]);
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|d|h|m|s)/g)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total += Number(m[1]) * unit[m[2]];
  }
  return consumed === s.length && consumed > 0 ? Math.round(total) : undefined;
}

export const HELP_TEXT =
  "Batch Lab terminal — a simulated Kubernetes v1.34 cluster on a virtual clock.\n\n" +
  "  kubectl <verb> …    apply, create (job, cronjob, secret generic, configmap), get, describe,\n" +
  "                      logs, delete, wait, patch, run, explain, edit, api-resources,\n" +
  "                      cluster-info, top, version, port-forward   (kubectl <verb> --help)\n" +
  "  sleep <duration>    let virtual time pass (90s, 5m, 1h30m, 2d)\n" +
  "  timeout <d> <cmd>   stop a command after <d> of virtual time (e.g. timeout 1m kubectl get pods -w)\n" +
  "  watch [-n s] <cmd>  rerun a command every s seconds (default 2) until Ctrl+C\n" +
  "  date                the virtual clock\n" +
  "  echo <text>         print text\n" +
  "  clear               clear the screen (also Ctrl+L)\n" +
  "  … | grep/head/tail/wc/sort   filter output (grep -i -v -c -E -A/-B/-C, head -n, tail -n, wc -l, sort -n -r -k)\n" +
  "Ctrl+C stops get -w, logs -f, wait and watch; Tab completes verbs, flags, kinds and names.\n";

type StartStage = (ctx: KubectlContext, words: string[], out: Output) => Process | undefined;

/** GNU `timeout DURATION COMMAND…`: exit status 124 when the command had to be stopped. */
export function timeoutProcess(
  ctx: KubectlContext,
  args: string[],
  out: Output,
  start: StartStage,
): Process | undefined {
  let i = 0;
  while (args[i]?.startsWith("-")) {
    if (args[i] === "-s" || args[i] === "-k") i++;
    i++;
  }
  if (args[i] === undefined) {
    out.fail("timeout: missing operand\nTry 'timeout --help' for more information.", 125);
    return undefined;
  }
  const d = parseDuration(args[i]);
  if (d === undefined) {
    out.fail(
      `timeout: invalid time interval '${args[i]}'\nTry 'timeout --help' for more information.`,
      125,
    );
    return undefined;
  }
  if (args[i + 1] === undefined) {
    out.fail("timeout: missing operand\nTry 'timeout --help' for more information.", 125);
    return undefined;
  }
  const inner = start(ctx, args.slice(i + 1), out);
  if (!inner || d === 0) return inner;
  const end = ctx.cluster.now() + d;
  return {
    tick() {
      if (inner.tick()) return true;
      if (ctx.cluster.now() < end) return false;
      inner.stop("timeout");
      out.exitCode = 124;
      return true;
    },
    wakeAt: () => Math.min(end, inner.wakeAt?.() ?? Infinity),
    stop: (r) => inner.stop(r),
  };
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ctime(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * procps `watch [-n S] [-t] CMD`: a frame every S seconds of virtual time — the title line
 * (`Every 2.0s: CMD` … `batch-lab: <date>`), a blank line, the command's output. Each frame is
 * marked so a terminal clears the screen first; a transcript prints them one after another.
 */
export function watchProcess(
  ctx: KubectlContext,
  args: string[],
  out: Output,
  start: StartStage,
): Process | undefined {
  let interval = 2;
  let title = true;
  let i = 0;
  for (; i < args.length && args[i].startsWith("-"); i++) {
    const a = args[i];
    if (a === "-n" || a === "--interval") interval = Number(args[++i]);
    else if (/^-n\d/.test(a)) interval = Number(a.slice(2));
    else if (a.startsWith("--interval=")) interval = Number(a.slice(11));
    else if (a === "-t" || a === "--no-title") title = false;
    else if (a === "-d" || a === "--differences") continue;
    else {
      out.fail(
        `watch: invalid option -- '${a.replace(/^-+/, "")}'\nUsage:\n watch [options] command`,
      );
      return undefined;
    }
  }
  if (!Number.isFinite(interval)) {
    out.fail(`watch: failed to parse argument: '${args[i - 1]}'`);
    return undefined;
  }
  interval = Math.max(interval, 0.1);
  const command = args.slice(i);
  if (command.length === 0) {
    out.fail("watch: no command given\nUsage:\n watch [options] command");
    return undefined;
  }
  const line = command.join(" ");
  const words = command.length === 1 ? tokenize(command[0]) : { words: [command] };
  if ("error" in words || words.words.length !== 1) {
    out.fail(`watch: only a single command (without pipes) can be watched in this lab`);
    return undefined;
  }
  let next: number = ctx.cluster.now();
  const frame = () => {
    const inner = new Output(() => ctx.cluster.now());
    const p = start(ctx, words.words[0], inner);
    if (p && !p.tick()) p.stop("interrupt");
    let text = "";
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${line}`;
      const right = `batch-lab: ${ctime(ctx.cluster.now())}`;
      text = left + " ".repeat(Math.max(1, 80 - left.length - right.length)) + right + "\n\n";
    }
    text += inner.chunks.map((c) => c.text).join("");
    out.out(text, true);
  };
  return {
    endless: true,
    tick() {
      const now = ctx.cluster.now();
      if (now >= next) {
        frame();
        while (next <= now) next += interval * 1000;
      }
      return false;
    },
    wakeAt: () => next,
    stop: () => undefined,
  };
}
