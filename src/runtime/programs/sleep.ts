import { LIMITS } from "../limits.ts";
import type { Program } from "../types.ts";
import { progName, showUsage } from "./util.ts";

const UNITS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parse one busybox `sleep` operand (FEATURE_FLOAT_SLEEP): a decimal number of seconds with an
 * optional s/m/h/d suffix, or `inf`/`infinity`. Returns milliseconds, or undefined.
 */
export function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2]] * 1000);
}

export const sleepProgram: Program = {
  name: "sleep",
  usage: "sleep [N]...",
  *run(io) {
    const args = io.argv.slice(1);
    if (args.length === 0) {
      showUsage(io, this.usage);
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const v = parseSleep(a);
      if (v === undefined) {
        io.stderr(`${progName(io)}: invalid number '${a}'\n`);
        return 1;
      }
      total += v;
    }
    // One effect per sleep: `sleep 3600` costs one event, not an hour (DESIGN.md). Effects are
    // capped so the clock never sees Infinity: `sleep infinity` is a series of long sleeps.
    while (total > 0) {
      const chunk = Math.min(total, LIMITS.maxSleepMs);
      yield { type: "sleep", ms: chunk };
      total -= chunk;
    }
    return 0;
  },
};
