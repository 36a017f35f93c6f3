/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { resolvePath } from "../fs.ts";
import type { Program, ProgramIo } from "../types.ts";
import { progName, unescape, type Run } from "./util.ts";

/**
 * busybox `echo`: `-n` (no newline), `-e` (escapes), `-E`; option letters may be grouped; the
 * first argument that is not such a group is text. `dashStyle`: Debian's dash, whose echo knows
 * only `-n` and always interprets escapes (`echo -e x` prints `-e x`).
 */
export function* echo(io: ProgramIo, dashStyle = false): Run {
  const args = io.argv.slice(1);
  let newline = true;
  let escapes = dashStyle;
  while (args.length > 0) {
    const a = args[0];
    const allowed = dashStyle ? /^-n+$/ : /^-[neE]+$/;
    if (!allowed.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
      else if (c === "E") escapes = false;
    }
    args.shift();
  }
  let text = args.join(" ");
  if (escapes) {
    const u = unescape(text, true);
    text = u.text;
    if (u.stop) newline = false;
  }
  io.stdout(newline ? `${text}\n` : text);
  return 0;
}

/** printf FORMAT [ARG]… — busybox semantics: the format is reused while arguments remain. */
export function* printf(io: ProgramIo): Run {
  const name = progName(io);
  const args = io.argv.slice(1);
  if (args.length === 0) {
    io.stderr(
      `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: printf FORMAT [ARG]...\n`,
    );
    return 1;
  }
  const format = args.shift() ?? "";
  let status = 0;
  let out = "";
  let argi = 0;
  const nextArg = (): string | undefined => (argi < args.length ? args[argi++] : undefined);
  const num = (s: string | undefined, float: boolean): number => {
    if (s === undefined || s === "") return 0;
    if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
    const t = s.trim();
    const v = float
      ? Number(t)
      : /^[+-]?0[xX][0-9a-fA-F]+$/.test(t)
        ? parseInt(t, 16)
        : /^[+-]?\d+$/.test(t)
          ? Number(t)
          : NaN;
    if (Number.isNaN(v)) {
      io.stderr(`${name}: invalid number '${s}'\n`);
      status = 1;
      return 0;
    }
    return v;
  };
  do {
    const start = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === "\\") {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i));
        const esc = m ? m[0] : "\\";
        const u = unescape(esc, false);
        if (u.stop) {
          io.stdout(out);
          return status;
        }
        out += u.text;
        i += esc.length - 1;
        continue;
      }
      if (c !== "%") {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXfFeEgGcsb%])/.exec(
        format.slice(i),
      );
      if (!m) {
        io.stderr(`${name}: %${format[i + 1] ?? ""}: invalid format\n`);
        io.stdout(out);
        return 1;
      }
      i += m[0].length - 1;
      const [, flags, w, p, , conv] = m;
      if (conv === "%") {
        out += "%";
        continue;
      }
      const width = w === "*" ? num(nextArg(), false) : w ? Number(w) : undefined;
      const prec =
        p === "*" ? num(nextArg(), false) : p !== undefined ? Number(p || "0") : undefined;
      const arg = nextArg();
      let body: string;
      switch (conv) {
        case "s":
          body = arg ?? "";
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case "b": {
          const u = unescape(arg ?? "", true);
          body = u.text;
          break;
        }
        case "c":
          body = (arg ?? "").slice(0, 1);
          break;
        default:
          body = formatNumber(num(arg, "fFeEgG".includes(conv)), conv, flags, prec);
      }
      out += pad(body, width, flags, "diouxXfFeEgG".includes(conv));
    }
    if (argi === start) break; // the format consumed nothing: print once
  } while (argi < args.length);
  io.stdout(out);
  return status;
}

function formatNumber(v: number, conv: string, flags: string, prec: number | undefined): string {
  let s: string;
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  switch (conv) {
    case "d":
    case "i":
    case "u":
      s = String(Math.trunc(a));
      if (prec !== undefined) s = s.padStart(prec, "0");
      break;
    case "o":
      s = Math.trunc(a).toString(8);
      break;
    case "x":
    case "X":
      s = Math.trunc(a).toString(16);
      if (flags.includes("#") && a !== 0) s = `0x${s}`;
      if (conv === "X") s = s.toUpperCase();
      break;
    case "e":
    case "E":
      s = a.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      if (conv === "E") s = s.toUpperCase();
      break;
    case "g":
    case "G": {
      const pr = prec === 0 ? 1 : (prec ?? 6);
      const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
      s =
        exp < -4 || exp >= pr
          ? a.toExponential(pr - 1).replace(/e([+-])(\d)$/, "e$10$2")
          : a.toFixed(Math.max(0, pr - 1 - exp));
      if (!flags.includes("#") && s.includes(".")) s = s.replace(/\.?0+(e|$)/, "$1");
      if (conv === "G") s = s.toUpperCase();
      break;
    }
    default:
      s = a.toFixed(prec ?? 6);
  }
  const sign = neg && v !== 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  return sign + s;
}

function pad(body: string, width: number | undefined, flags: string, numeric: boolean): string {
  if (width === undefined || body.length >= width) return body;
  if (flags.includes("-")) return body.padEnd(width);
  if (numeric && flags.includes("0")) {
    const m = /^([+\- ]?(?:0x)?)(.*)$/.exec(body) ?? ["", "", body];
    return m[1] + m[2].padStart(width - m[1].length, "0");
  }
  return body.padStart(width);
}

/** `test` / `[`: POSIX test with busybox's messages. `errName` prefixes errors ("sh" for the builtin). */
export function runTest(io: ProgramIo, errName: string): number {
  let args = io.argv.slice(1);
  if (progName(io) === "[") {
    if (args[args.length - 1] !== "]") {
      io.stderr(`${errName}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return new TestParser(args, io).parse() ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      io.stderr(`${errName}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class TestError extends Error {}

const UNARY = new Set([
  "-z",
  "-n",
  "-e",
  "-f",
  "-d",
  "-s",
  "-r",
  "-w",
  "-x",
  "-h",
  "-L",
  "-t",
  "-b",
  "-c",
  "-p",
  "-S",
  "-g",
  "-u",
  "-k",
  "-O",
  "-G",
]);
const BINARY = new Set([
  "=",
  "==",
  "!=",
  "<",
  ">",
  "-eq",
  "-ne",
  "-lt",
  "-le",
  "-gt",
  "-ge",
  "-nt",
  "-ot",
  "-ef",
]);

class TestParser {
  private i = 0;
  private readonly args: string[];
  private readonly io: ProgramIo;

  constructor(args: string[], io: ProgramIo) {
    this.args = args;
    this.io = io;
  }

  parse(): boolean {
    if (this.args.length === 0) return false;
    const v = this.or();
    if (this.i < this.args.length) throw new TestError(`${this.args[this.i]}: unknown operand`);
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === "-o") {
      this.i++;
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === "-a") {
      this.i++;
      v = this.not() && v;
    }
    return v;
  }

  private not(): boolean {
    const rest = this.args.length - this.i;
    if (this.args[this.i] === "!" && rest > 1) {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const t = a[this.i];
    if (t === undefined) throw new TestError("argument expected");
    if (t === "(" && a.length - this.i > 1 && !BINARY.has(a[this.i + 1] ?? "")) {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ")") throw new TestError("closing paren expected");
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? "") && this.i + 2 < a.length) {
      const l = t;
      const op = a[this.i + 1];
      const r = a[this.i + 2];
      this.i += 3;
      return this.binary(l, op, r);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]);
    }
    this.i++;
    return t !== "";
  }

  private num(s: string): number {
    if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestError(`${s}: bad number`);
    return Number(s);
  }

  private binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case "=":
      case "==":
        return l === r;
      case "!=":
        return l !== r;
      case "<":
        return l < r;
      case ">":
        return l > r;
      case "-eq":
        return this.num(l) === this.num(r);
      case "-ne":
        return this.num(l) !== this.num(r);
      case "-lt":
        return this.num(l) < this.num(r);
      case "-le":
        return this.num(l) <= this.num(r);
      case "-gt":
        return this.num(l) > this.num(r);
      case "-ge":
        return this.num(l) >= this.num(r);
      default: {
        const fs = this.io.ctx.fs;
        const ml = fs.mtime(resolvePath(this.io.cwd, l));
        const mr = fs.mtime(resolvePath(this.io.cwd, r));
        if (op === "-nt") return ml !== undefined && (mr === undefined || ml > mr);
        if (op === "-ot") return mr !== undefined && (ml === undefined || ml < mr);
        return ml !== undefined && resolvePath(this.io.cwd, l) === resolvePath(this.io.cwd, r);
      }
    }
  }

  private unary(op: string, x: string): boolean {
    const fs = this.io.ctx.fs;
    const path = resolvePath(this.io.cwd, x);
    switch (op) {
      case "-z":
        return x === "";
      case "-n":
        return x !== "";
      case "-e":
      case "-r":
      case "-w":
        return fs.exists(path);
      case "-x":
        return fs.isDir(path) || (fs.exists(path) && /^(\/usr)?(\/local)?\/s?bin\//.test(path));
      case "-f":
        return fs.exists(path) && !fs.isDir(path);
      case "-d":
        return fs.isDir(path);
      case "-s":
        return fs.isDir(path) || (fs.readFile(path) ?? "").length > 0;
      case "-c":
        return path === "/dev/null";
      default:
        return false;
    }
  }
}

export const basicPrograms: Program[] = [
  { name: "echo", usage: "echo [-neE] [ARG]...", run: (io) => echo(io) },
  { name: "printf", usage: "printf FORMAT [ARG]...", run: printf },
  {
    name: "test",
    usage: "test EXPRESSION",
    *run(io) {
      return runTest(io, progName(io));
    },
  },
  {
    name: "[",
    usage: "[ EXPRESSION ]",
    *run(io) {
      return runTest(io, "[");
    },
  },
  {
    name: "true",
    usage: "true",
    *run() {
      return 0;
    },
  },
  {
    name: "false",
    usage: "false",
    *run() {
      return 1;
    },
  },
];
