/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import type { Program } from "../types.ts";
import { getopt, progName } from "./util.ts";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** busybox `date` without a format (spec §9: `Mon Jan  5 00:01:03 UTC 2026`). */
export const DEFAULT_DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

const p2 = (n: number) => String(n).padStart(2, "0");

/**
 * strftime in UTC. Containers have no TZ and no /etc/localtime (spec §4.3), so every image's
 * `date` prints UTC whatever the CronJob's `timeZone` says.
 */
export function strftime(format: string, t: number): string {
  const d = new Date(t);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const h12 = H % 12 === 0 ? 12 : H % 12;
  const codes: Record<string, () => string> = {
    a: () => DAYS[wd].slice(0, 3),
    A: () => DAYS[wd],
    b: () => MONTHS[mo].slice(0, 3),
    h: () => MONTHS[mo].slice(0, 3),
    B: () => MONTHS[mo],
    c: () => strftime("%a %b %e %H:%M:%S %Y", t),
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => strftime("%m/%d/%y", t),
    e: () => String(day).padStart(2, " "),
    F: () => strftime("%Y-%m-%d", t),
    H: () => p2(H),
    I: () => p2(h12),
    j: () => String(yday).padStart(3, "0"),
    k: () => String(H).padStart(2, " "),
    l: () => String(h12).padStart(2, " "),
    m: () => p2(mo + 1),
    M: () => p2(M),
    n: () => "\n",
    N: () => String((((t % 1000) + 1000) % 1000) * 1_000_000).padStart(9, "0"),
    p: () => (H < 12 ? "AM" : "PM"),
    P: () => (H < 12 ? "am" : "pm"),
    r: () => strftime("%I:%M:%S %p", t),
    R: () => strftime("%H:%M", t),
    s: () => String(Math.floor(t / 1000)),
    S: () => p2(S),
    t: () => "\t",
    T: () => strftime("%H:%M:%S", t),
    u: () => String(wd === 0 ? 7 : wd),
    w: () => String(wd),
    x: () => strftime("%m/%d/%y", t),
    X: () => strftime("%H:%M:%S", t),
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => "+0000",
    Z: () => "UTC",
    "%": () => "%",
  };
  return format.replace(/%([-_0^#]?)([a-zA-Z%])/g, (whole, flag: string, c: string) => {
    const f = codes[c];
    if (!f) return whole;
    let v = f();
    if (flag === "-") v = v.replace(/^[0 ]+(?=.)/, "");
    else if (flag === "_") v = v.replace(/^0+(?=.)/, (z) => " ".repeat(z.length));
    else if (flag === "^") v = v.toUpperCase();
    return v;
  });
}

/** `-d` argument: `@SECONDS`, or an ISO-like / `YYYY-MM-DD hh:mm[:ss]` date read as UTC. */
function parseDateArg(s: string): number | undefined {
  const at = /^@(-?\d+)$/.exec(s);
  if (at) return Number(at[1]) * 1000;
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?(Z)?$/.exec(s.trim());
  if (!m) return undefined;
  return Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
}

export const dateProgram: Program = {
  name: "date",
  usage: "date [OPTIONS] [+FMT] [[-s] TIME]",
  *run(io) {
    const o = getopt(io, "uRId:s:D:r:", this.usage);
    if (!o) return 1;
    let t = io.ctx.now() as number;
    if (o.flags.has("s")) {
      io.stderr(`${progName(io)}: can't set date: Operation not permitted\n`);
      return 1;
    }
    const d = o.flags.get("d");
    if (typeof d === "string") {
      const v = parseDateArg(d);
      if (v === undefined) {
        io.stderr(`${progName(io)}: invalid date '${d}'\n`);
        return 1;
      }
      t = v;
    }
    let format = DEFAULT_DATE_FORMAT;
    if (o.flags.has("R")) format = "%a, %d %b %Y %H:%M:%S %z";
    if (o.flags.has("I")) format = "%Y-%m-%d";
    for (const op of o.operands) {
      if (op.startsWith("+")) format = op.slice(1);
      else {
        io.stderr(`${progName(io)}: can't set date: Operation not permitted\n`);
        return 1;
      }
    }
    io.stdout(`${strftime(format, t)}\n`);
    return 0;
  },
};
