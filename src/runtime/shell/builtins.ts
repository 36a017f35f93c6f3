/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { resolvePath } from "../fs.ts";
import { LIMITS } from "../limits.ts";
import { SIGNAL_NUMBERS, signalName } from "../process-signals.ts";
import { echo, printf, runTest } from "../programs/basic.ts";
import type { Gen } from "./effects.ts";
import type { Shell, Streams } from "./interpreter.ts";
import { ExitSignal, LoopSignal, ReturnSignal } from "./signals.ts";

/**
 * Commands the shell runs itself (ash's builtins). Like the programs they are registry entries;
 * they get the shell so they can change its state (cd, export, set, read…).
 */
export type Builtin = (sh: Shell, argv: string[], s: Streams) => Gen<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function* status(n: number): Gen<number> {
  return n;
}

function intArg(
  sh: Shell,
  s: Streams,
  cmd: string,
  arg: string | undefined,
  dflt: number,
): number | undefined {
  if (arg === undefined) return dflt;
  if (!/^\d+$/.test(arg)) {
    sh.error(s, `${cmd}: Illegal number: ${arg}`);
    return undefined;
  }
  return Number(arg);
}

const builtins: [string, Builtin][] = [
  [":", () => status(0)],
  ["true", () => status(0)],
  ["false", () => status(1)],
  ["echo", (sh, argv, s) => echo(sh.programIo(argv, s), sh.config.flavor === "dash")],
  ["printf", (sh, argv, s) => printf(sh.programIo(argv, s))],
  ["test", (sh, argv, s) => status(runTest(sh.programIo(argv, s), sh.arg0))],
  ["[", (sh, argv, s) => status(runTest(sh.programIo(argv, s), sh.arg0))],
  [
    // ash's bash-compatible `[[ … ]]`: the test operators, `==` as in test (no patterns).
    "[[",
    (sh, argv, s) => {
      if (sh.config.flavor === "dash") {
        sh.error(s, "[[: not found");
        return status(127);
      }
      if (argv[argv.length - 1] !== "]]") {
        sh.error(s, "[[: missing ]]");
        return status(2);
      }
      return status(runTest(sh.programIo(["test", ...argv.slice(1, -1)], s), sh.arg0));
    },
  ],
  [
    "pwd",
    (sh, _argv, s) => {
      s.stdout(`${sh.cwdPath}\n`);
      return status(0);
    },
  ],
  [
    "cd",
    (sh, argv, s) => {
      const arg = argv[1] ?? sh.getVar("HOME") ?? "/";
      const target = arg === "-" ? (sh.getVar("OLDPWD") ?? sh.cwdPath) : arg;
      const path = resolvePath(sh.cwdPath, target);
      if (!sh.fs.isDir(path)) {
        const why = sh.fs.exists(path) ? "Not a directory" : "No such file or directory";
        sh.error(s, `cd: can't cd to ${target}: ${why}`);
        return status(sh.config.flavor === "ash" ? 1 : 2);
      }
      sh.vars.set("OLDPWD", sh.cwdPath);
      sh.cwdPath = path;
      sh.vars.set("PWD", path);
      if (arg === "-") s.stdout(`${path}\n`);
      return status(0);
    },
  ],
  ["export", (sh, argv, s) => declare(sh, argv, s, "export")],
  ["readonly", (sh, argv, s) => declare(sh, argv, s, "readonly")],
  [
    "local",
    (sh, argv, s) => {
      const frame = sh.localFrames[sh.localFrames.length - 1];
      if (!frame) {
        sh.error(s, "local: not in a function");
        return status(2);
      }
      for (const a of argv.slice(1)) {
        const [name, ...rest] = a.split("=");
        if (!frame.has(name)) frame.set(name, sh.vars.get(name));
        if (rest.length > 0) sh.setVar(name, rest.join("="));
      }
      return status(0);
    },
  ],
  [
    "unset",
    (sh, argv) => {
      const fnMode = argv[1] === "-f";
      for (const name of argv.slice(1).filter((a) => a !== "-f" && a !== "-v")) {
        if (fnMode) sh.functions.delete(name);
        else {
          sh.vars.delete(name);
          sh.exported.delete(name);
        }
      }
      return status(0);
    },
  ],
  [
    "set",
    (sh, argv, s) => {
      const args = argv.slice(1);
      if (args.length === 0) {
        for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          s.stdout(`${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
        }
        return status(0);
      }
      const letters: Record<string, keyof Shell["opts"]> = {
        e: "errexit",
        u: "nounset",
        x: "xtrace",
        f: "noglob",
      };
      while (args.length > 0) {
        const a = args[0];
        if (a === "--") {
          args.shift();
          sh.params = args;
          return status(0);
        }
        if ((a === "-o" || a === "+o") && args[1]) {
          const opt = args[1];
          const key =
            opt === "pipefail" ? "pipefail" : Object.values(letters).find((v) => v === opt);
          if (!key) {
            sh.error(s, `set: illegal option -o ${opt}`);
            return status(2);
          }
          sh.opts[key] = a === "-o";
          args.splice(0, 2);
          continue;
        }
        if (/^[-+][a-zA-Z]+$/.test(a)) {
          for (const c of a.slice(1)) {
            const key = letters[c];
            if (key) sh.opts[key] = a[0] === "-";
            else if (!"vCnabmh".includes(c)) {
              sh.error(s, `set: illegal option -${c}`);
              return status(2);
            }
          }
          args.shift();
          continue;
        }
        sh.params = args;
        break;
      }
      return status(0);
    },
  ],
  [
    "shift",
    (sh, argv, s) => {
      const n = intArg(sh, s, "shift", argv[1], 1);
      if (n === undefined) return status(2);
      if (n > sh.params.length) {
        sh.error(s, `shift: can't shift that many`);
        return status(2);
      }
      sh.params = sh.params.slice(n);
      return status(0);
    },
  ],
  [
    "exit",
    (sh, argv, s) => {
      // In a trap, a bare `exit` exits with `$?` from before the trap (POSIX, ash, bash).
      const n = intArg(sh, s, "exit", argv[1], sh.trapStatus ?? sh.status);
      throw new ExitSignal(n === undefined ? 2 : n & 255);
    },
  ],
  [
    "return",
    (sh, argv, s) => {
      const n = intArg(sh, s, "return", argv[1], sh.status);
      throw new ReturnSignal(n === undefined ? 2 : n & 255);
    },
  ],
  ["break", (sh, argv, s) => loopControl(sh, argv, s, "break")],
  ["continue", (sh, argv, s) => loopControl(sh, argv, s, "continue")],
  [
    "eval",
    function* (sh, argv, s) {
      if (sh.callDepth >= LIMITS.maxCallDepth) {
        sh.error(s, `eval: nesting too deep (limit ${LIMITS.maxCallDepth})`);
        return 2;
      }
      sh.callDepth++;
      try {
        return yield* sh.runScriptInPlace(argv.slice(1).join(" "), s);
      } finally {
        sh.callDepth--;
      }
    },
  ],
  [".", (sh, argv, s) => source(sh, argv, s)],
  ["source", (sh, argv, s) => source(sh, argv, s)],
  [
    "read",
    (sh, argv, s) => {
      const args = argv.slice(1);
      let raw = false;
      while (args[0]?.startsWith("-") && args[0].length > 1) {
        const a = args.shift() ?? "";
        if (a === "-r") raw = true;
        else if (a === "-p" || a === "-t" || a === "-u" || a === "-n") args.shift();
      }
      let line = s.stdin.readLine();
      const eof = line === undefined;
      line ??= "";
      if (!raw) line = line.replace(/\\(.)/g, "$1");
      const names = args.length > 0 ? args : ["REPLY"];
      const ifs = sh.getVar("IFS") ?? " \t\n";
      const ws = new RegExp(
        `^[${ifs.replace(/[\]\\^-]/g, "\\$&")}]+|[${ifs.replace(/[\]\\^-]/g, "\\$&")}]+$`,
        "g",
      );
      let rest = ifs === "" ? line : line.replace(ws, "");
      names.forEach((n, i) => {
        if (i === names.length - 1 || ifs === "") {
          sh.setVar(n, rest);
          rest = "";
          return;
        }
        const m = new RegExp(`[${ifs.replace(/[\]\\^-]/g, "\\$&")}]+`).exec(rest);
        if (!m) {
          sh.setVar(n, rest);
          rest = "";
        } else {
          sh.setVar(n, rest.slice(0, m.index));
          rest = rest.slice(m.index + m[0].length);
        }
      });
      return status(eof ? 1 : 0);
    },
  ],
  [
    "wait",
    function* (sh, argv) {
      // A trapped signal ends `wait` at once with 128+signal (POSIX); the trap runs right after.
      const pids = argv.slice(1).map((a) => Number(a.replace(/^%/, "")));
      if (pids.length === 0) {
        if (sh.jobs.alive().length > 0) {
          yield { type: "wait" };
          const sig = sh.jobs.takeInterrupt();
          if (sig !== undefined) return 128 + sig;
        }
        return 0;
      }
      let st = 127;
      for (const pid of pids) {
        if (!sh.jobs.has(pid)) {
          st = 127;
          continue;
        }
        if (sh.jobs.status(pid) === undefined) {
          yield { type: "wait", pid };
          const sig = sh.jobs.takeInterrupt();
          if (sig !== undefined) return 128 + sig;
        }
        st = sh.jobs.status(pid) ?? 127;
      }
      return st;
    },
  ],
  [
    "kill",
    (sh, argv, s) => {
      // `kill $$` reaches the container's PID 1 shell (its trap runs; without one it is ignored).
      let signal = 15;
      const targets: string[] = [];
      for (const a of argv.slice(1)) {
        const m = /^-(?:s\s*)?(\d+|[A-Z]+)$/.exec(a);
        if (m)
          signal = /^\d+$/.test(m[1])
            ? Number(m[1])
            : ({ KILL: 9, TERM: 15, INT: 2, HUP: 1 }[m[1]] ?? 15);
        else targets.push(a);
      }
      let st = 0;
      for (const t of targets) {
        const pid = Number(t.replace(/^%/, ""));
        if (pid === sh.pid && sh.pid === 1 && !t.startsWith("%")) {
          if (signal !== 0) sh.io.ctx.signals?.send(signal);
          continue;
        }
        if (!sh.jobs.kill(pid, signal)) {
          sh.error(s, `kill: can't kill pid ${t}: No such process`);
          st = 1;
        }
      }
      return status(st);
    },
  ],
  ["trap", (sh, argv, s) => status(trap(sh, argv, s))],
  [
    "exec",
    function* (sh, argv, s) {
      if (argv.length < 2) return 0;
      const code = yield* sh.execProgram(argv.slice(1), sh.environment(), s);
      throw new ExitSignal(code);
    },
  ],
  ["type", (sh, argv, s) => describe(sh, argv.slice(1), s, true)],
  [
    "command",
    function* (sh, argv, s) {
      if (argv[1] === "-v" || argv[1] === "-V")
        return yield* describe(sh, argv.slice(2), s, argv[1] === "-V");
      const rest = argv.slice(1);
      if (rest.length === 0) return 0;
      const b = BUILTINS.get(rest[0]);
      return b ? yield* b(sh, rest, s) : yield* sh.execProgram(rest, sh.environment(), s);
    },
  ],
  ["umask", () => status(0)],
  [
    "ulimit",
    (_sh, argv, s) => {
      if (argv.length === 1) s.stdout("unlimited\n");
      return status(0);
    },
  ],
];

/**
 * `trap [[ACTION] SIGNAL…]` (ash): ACTION `-` (or a lone SIGNAL) restores the default, `''`
 * ignores; signals by name (`TERM`, `SIGTERM`), number (`15`) or `EXIT`/`0`. Without operands
 * (or `-p`) it prints the traps set, as `trap -- 'ACTION' NAME` (bash: `SIGTERM`).
 */
function trap(sh: Shell, argv: string[], s: Streams): number {
  let args = argv.slice(1);
  if (args[0] === "--") args = args.slice(1);
  const bash = sh.config.flavor === "bash";
  if (args.length === 0 || args[0] === "-p") {
    const set = [...sh.traps].sort(([a], [b]) => signalNumber(a)! - signalNumber(b)!);
    for (const [name, action] of set) {
      const shown = bash && name !== "EXIT" ? `SIG${name}` : name;
      s.stdout(`trap -- '${action.replace(/'/g, `'"'"'`)}' ${shown}\n`);
    }
    return 0;
  }
  // One operand, or a first operand that is a signal number: reset those signals (POSIX).
  const reset = args.length === 1 || /^\d+$/.test(args[0]);
  const action = reset ? "-" : args[0];
  let st = 0;
  for (const sig of reset ? args : args.slice(1)) {
    const n = signalNumber(sig);
    if (n === undefined) {
      sh.error(s, bash ? `trap: ${sig}: invalid signal specification` : `trap: ${sig}: bad trap`);
      st = 1;
      continue;
    }
    const name = signalName(n) ?? String(n);
    if (action === "-") sh.traps.delete(name);
    else sh.traps.set(name, action);
  }
  return st;
}

/** A signal operand (`TERM`, `SIGTERM`, `term` in bash, `15`, `EXIT`, `0`) as its number. */
function signalNumber(sig: string): number | undefined {
  if (/^\d+$/.test(sig)) {
    const n = Number(sig);
    return n <= 64 ? n : undefined;
  }
  return SIGNAL_NUMBERS.get(sig.toUpperCase().replace(/^SIG/, ""));
}

function* declare(sh: Shell, argv: string[], s: Streams, kind: "export" | "readonly"): Gen<number> {
  const args = argv.slice(1).filter((a) => a !== "-p" && a !== "-n");
  if (args.length === 0) {
    const set = kind === "export" ? sh.exported : sh.readonlyVars;
    for (const k of [...set].sort()) {
      const v = sh.vars.get(k);
      if (v !== undefined) s.stdout(`${kind} ${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
    }
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      sh.error(s, `${kind}: ${name}: bad variable name`);
      return 2;
    }
    if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
    if (kind === "export") sh.exported.add(name);
    else sh.readonlyVars.add(name);
  }
  return 0;
}

function loopControl(
  sh: Shell,
  argv: string[],
  s: Streams,
  kind: "break" | "continue",
): Gen<number> {
  const n = intArg(sh, s, kind, argv[1], 1);
  if (n === undefined || n === 0) {
    if (n === 0) sh.error(s, `${kind}: Illegal number: 0`);
    return status(2);
  }
  if (sh.loopDepth === 0) return status(0);
  throw new LoopSignal(kind, Math.min(n, sh.loopDepth));
}

function* source(sh: Shell, argv: string[], s: Streams): Gen<number> {
  const file = argv[1];
  if (file === undefined) {
    sh.error(s, `.: filename argument required`);
    return 2;
  }
  const text = sh.fs.readFile(resolvePath(sh.cwdPath, file));
  if (text === undefined) {
    sh.error(s, `.: can't open '${file}'`);
    throw new ExitSignal(2);
  }
  try {
    return yield* sh.runScriptInPlace(text, s);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  }
}

function* describe(sh: Shell, names: string[], s: Streams, verbose: boolean): Gen<number> {
  let st = 0;
  for (const n of names) {
    if (sh.functions.has(n)) s.stdout(verbose ? `${n} is a function\n` : `${n}\n`);
    else if (BUILTINS.has(n)) s.stdout(verbose ? `${n} is a shell builtin\n` : `${n}\n`);
    else if (sh.io.ctx.programs.has(n)) s.stdout(verbose ? `${n} is /bin/${n}\n` : `/bin/${n}\n`);
    else {
      if (verbose) s.stdout(`${n}: not found\n`);
      st = 127;
    }
  }
  return yield* status(st);
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(builtins);
