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
  // One switch, not a table of closures built per call: `date` runs in every CronJob container.
  const code = (c: string): string | undefined => {
    switch (c) {
      case "a":
        return DAYS[wd].slice(0, 3);
      case "A":
        return DAYS[wd];
      case "b":
      case "h":
        return MONTHS[mo].slice(0, 3);
      case "B":
        return MONTHS[mo];
      case "c":
        return strftime("%a %b %e %H:%M:%S %Y", t);
      case "C":
        return p2(Math.floor(Y / 100));
      case "d":
        return p2(day);
      case "D":
      case "x":
        return strftime("%m/%d/%y", t);
      case "e":
        return String(day).padStart(2, " ");
      case "F":
        return strftime("%Y-%m-%d", t);
      case "H":
        return p2(H);
      case "I":
        return p2(h12);
      case "j":
        return String(yday).padStart(3, "0");
      case "k":
        return String(H).padStart(2, " ");
      case "l":
        return String(h12).padStart(2, " ");
      case "m":
        return p2(mo + 1);
      case "M":
        return p2(M);
      case "n":
        return "\n";
      case "N":
        return String((((t % 1000) + 1000) % 1000) * 1_000_000).padStart(9, "0");
      case "p":
        return H < 12 ? "AM" : "PM";
      case "P":
        return H < 12 ? "am" : "pm";
      case "r":
        return strftime("%I:%M:%S %p", t);
      case "R":
        return strftime("%H:%M", t);
      case "s":
        return String(Math.floor(t / 1000));
      case "S":
        return p2(S);
      case "t":
        return "\t";
      case "T":
      case "X":
        return strftime("%H:%M:%S", t);
      case "u":
        return String(wd === 0 ? 7 : wd);
      case "w":
        return String(wd);
      case "y":
        return p2(Y % 100);
      case "Y":
        return String(Y);
      case "z":
        return "+0000";
      case "Z":
        return "UTC";
      case "%":
        return "%";
      default:
        return undefined;
    }
  };
  return format.replace(/%([-_0^#]?)([a-zA-Z%])/g, (whole, flag: string, c: string) => {
    let v = code(c);
    if (v === undefined) return whole;
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
