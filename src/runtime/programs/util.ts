import { resolvePath } from "../fs.ts";
import type { Effect, ProgramIo } from "../types.ts";

export type Run = Generator<Effect, number, void>;

export interface Parsed {
  /** Flag letter → true, or its value for options that take one (last wins). */
  flags: Map<string, string | true>;
  /** Every value given to a repeated option, in order (`grep -e a -e b`). */
  all: Map<string, string[]>;
  operands: string[];
}

/**
 * getopt as busybox uses it (GNU-style permutation: options may follow operands; `--` ends
 * options; `-abc` groups; `-nVALUE` or `-n VALUE` for options listed with a colon in `spec`).
 * `numeric` lets `head -5` mean `-n 5`. On an unknown option prints the usage and returns
 * undefined (the caller exits 1).
 */
export function getopt(
  io: ProgramIo,
  spec: string,
  usage: string,
  opts: { numeric?: string; stopAtFirstOperand?: boolean } = {},
): Parsed | undefined {
  const name = progName(io);
  const flags = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  const operands: string[] = [];
  const args = io.argv.slice(1);
  const takesValue = (c: string) => spec.includes(`${c}:`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      operands.push(a);
      if (opts.stopAtFirstOperand) {
        operands.push(...args.slice(i + 1));
        break;
      }
      continue;
    }
    if (opts.numeric && /^-\d+$/.test(a)) {
      flags.set(opts.numeric, a.slice(1));
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (!spec.includes(c) || c === ":") {
        io.stderr(`${name}: unrecognized option: ${c}\n`);
        showUsage(io, usage);
        return undefined;
      }
      if (takesValue(c)) {
        let v = a.slice(j + 1);
        if (v === "") {
          if (i + 1 >= args.length) {
            io.stderr(`${name}: option requires an argument: ${c}\n`);
            showUsage(io, usage);
            return undefined;
          }
          v = args[++i];
        }
        flags.set(c, v);
        all.set(c, [...(all.get(c) ?? []), v]);
        break;
      }
      flags.set(c, true);
    }
  }
  return { flags, all, operands };
}

/** busybox's usage text on bad invocation. */
export function showUsage(io: ProgramIo, usage: string): void {
  io.stderr(`BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ${usage}\n`);
}

/** The program's name without its directory (`/bin/date` → `date`). */
export function progName(io: ProgramIo): string {
  const a = io.argv[0] ?? "";
  return a.slice(a.lastIndexOf("/") + 1);
}

/**
 * The contents of each FILE operand (stdin for none or "-"). Missing files print
 * `<prog>: <file>: No such file or directory` and are skipped; `ok` is false then.
 */
export function readInputs(
  io: ProgramIo,
  files: string[],
): { inputs: { name: string; data: string }[]; ok: boolean } {
  const inputs: { name: string; data: string }[] = [];
  let ok = true;
  if (files.length === 0) files = ["-"];
  for (const f of files) {
    if (f === "-") {
      inputs.push({ name: "-", data: io.stdin.readAll() });
      continue;
    }
    const path = resolvePath(io.cwd, f);
    if (io.ctx.fs.isDir(path)) {
      io.stderr(`${progName(io)}: read error: Is a directory\n`);
      ok = false;
      continue;
    }
    const data = path === "/dev/null" ? "" : io.ctx.fs.readFile(path);
    if (data === undefined) {
      io.stderr(`${progName(io)}: ${f}: No such file or directory\n`);
      ok = false;
      continue;
    }
    inputs.push({ name: f, data });
  }
  return { inputs, ok };
}

/** Split text into lines without the trailing empty one ("a\nb\n" → ["a","b"]). */
export function lines(text: string): string[] {
  if (text === "") return [];
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

/** Parse a non-negative integer argument; undefined when it is not one. */
export function parseCount(s: string): number | undefined {
  return /^\+?\d+$/.test(s) ? Number(s.replace("+", "")) : undefined;
}

/** Interpret backslash escapes as `echo -e` / `printf %b` do. `\c` stops output (stop = true). */
export function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      e: "\x1b",
      "\\": "\\",
    };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "0" || (!octalNeedsZero && /[1-7]/.test(n))) {
      let digits = n === "0" && octalNeedsZero ? "" : n;
      while (digits.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) digits += s[++i];
      out += String.fromCharCode(parseInt(digits || "0", 8) & 255);
    } else if (n === "x" && /[0-9a-fA-F]/.test(s[i + 1] ?? "")) {
      let digits = "";
      while (digits.length < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? "")) digits += s[++i];
      out += String.fromCharCode(parseInt(digits, 16));
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}
