import type { Program, ProgramIo } from "../types.ts";

/** stress's size suffixes: B, K, M, G (powers of 1024), case-insensitive. */
export function parseStressBytes(s: string): number | undefined {
  const m = /^(\d+)([bkmg]?)$/i.exec(s);
  if (!m) return undefined;
  const unit = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as ""];
  return Number(m[1]) * unit;
}

function option(args: string[], long: string, short: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === long || args[i] === short) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}

/**
 * `stress --vm N --vm-bytes SIZE [--vm-hang S] [--timeout T]` (polinux/stress), as the
 * Kubernetes docs' memory-limit example runs it: its workers allocate N × SIZE; past the
 * container's memory limit the cgroup's OOM killer ends the whole container (memory.oom.group,
 * cgroup v2), which the kubelet reports as OOMKilled with exit code 137. Under the limit the
 * workers keep their memory and run until `--timeout` (forever without one).
 */
export const stressProgram: Program = {
  name: "stress",
  usage: "stress [OPTION [ARG]] ...",
  *run(io: ProgramIo) {
    const args = io.argv.slice(1);
    const vm = Number(option(args, "--vm", "-m") ?? "0");
    const cpu = Number(option(args, "--cpu", "-c") ?? "0");
    const bytesArg = option(args, "--vm-bytes", "--vm-bytes") ?? "256M";
    const bytes = parseStressBytes(bytesArg);
    if (
      args.length === 0 ||
      !Number.isInteger(vm) ||
      !Number.isInteger(cpu) ||
      bytes === undefined
    ) {
      io.stderr(
        `\`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n`,
      );
      return 1;
    }
    io.stdout(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
    const timeout = option(args, "--timeout", "-t");
    const seconds = timeout !== undefined ? Number(timeout.replace(/s$/, "")) : Infinity;
    // Allocation takes a moment (the pages are touched), then the limit bites.
    yield { type: "cpu", ms: 200 };
    const limit = io.ctx.memoryLimitBytes;
    if (limit !== undefined && vm * bytes > limit) {
      io.ctx.oom?.();
      return 137;
    }
    let left = Number.isFinite(seconds) ? seconds * 1000 : Infinity;
    while (left > 0) {
      const chunk = Math.min(left, 3_600_000);
      yield { type: "sleep", ms: chunk };
      left -= chunk;
    }
    io.stdout(`stress: info: [1] successful run completed in ${seconds}s\n`);
    return 0;
  },
};
