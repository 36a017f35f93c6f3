import { BrokenPipe, OutputBuffer, StringInput } from "../io.ts";
import { CPU_TICK, LIMITS } from "../limits.ts";
import { signalName, type SignalDisposition } from "../process-signals.ts";
import type { FileSystem, Input, ProgramIo, ShellFlavor } from "../types.ts";
import { StartError } from "../types.ts";
import { ArithError, evalArith } from "./arith.ts";
import type { AndOr, Assignment, Command, List, Pipeline, SimpleCommand } from "./ast.ts";
import { BUILTINS } from "./builtins.ts";
import type { Gen } from "./effects.ts";
import {
  ExpansionError,
  expandPattern,
  expandString,
  expandWords,
  type ExpandHost,
} from "./expand.ts";
import { Jobs } from "./jobs.ts";
import { ShellSyntaxError } from "./lexer.ts";
import { redirect } from "./redirect.ts";
import { parse } from "./parser.ts";
import { patternMatches } from "./pattern.ts";
import { ExitSignal, LoopSignal, ReturnSignal } from "./signals.ts";

/**
 * The shell interpreter: walks the AST as a generator, so `sleep` (and every other program)
 * suspends the whole container process on the virtual clock. Semantics are busybox ash's
 * (DESIGN.md, spec §9); `flavor: "dash"` switches error-message prefixes to Debian's /bin/sh.
 */

export interface Streams {
  stdin: Input;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ShellConfig {
  /** "sh" or "bash": the prefix of error messages ($0 when no script name is given). */
  name: string;
  flavor: ShellFlavor | "bash";
}

export class Shell implements ExpandHost {
  vars = new Map<string, string>();
  /** bash arrays (element 0 is also what `$name` gives). */
  arrays = new Map<string, string[]>();
  exported = new Set<string>();
  readonlyVars = new Set<string>();
  functions = new Map<string, Command>();
  params: string[] = [];
  arg0: string;
  status = 0;
  /** Status of the last command substitution (the status of an assignment-only command). */
  substStatus = 0;
  cwdPath: string;
  opts = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false };
  /** `trap` actions by signal name (`TERM`, `EXIT`…); "" means ignored. */
  traps = new Map<string, string>();
  /** Trapped signals received and not handled yet (their traps run at the next safe point). */
  pendingSignals: string[] = [];
  /** `$?` when the running trap began (what `exit` without a number exits with), else undefined. */
  trapStatus: number | undefined;
  /** The streams of the script (a trap's output goes there). */
  private mainStreams: Streams | undefined;
  line = 1;
  /** Running a script file (`sh x.sh`): ash then puts `line N:` in its messages. */
  scriptFile = false;
  condDepth = 0;
  loopDepth = 0;
  callDepth = 0;
  substDepth = 0;
  localFrames: Map<string, string | undefined>[] = [];
  readonly pid: number;
  readonly io: ProgramIo;
  readonly config: ShellConfig;
  readonly jobs: Jobs;
  readonly startedAt: number;
  readonly fs: FileSystem;

  constructor(io: ProgramIo, config: ShellConfig, jobs?: Jobs) {
    this.io = io;
    this.config = config;
    this.fs = io.ctx.fs;
    this.arg0 = config.name;
    this.cwdPath = io.cwd;
    this.pid = io.depth <= 1 ? 1 : 10 + io.depth;
    this.jobs = jobs ?? new Jobs(() => io.ctx.now());
    this.startedAt = io.ctx.now();
    for (const [k, v] of Object.entries(io.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.vars.set("PWD", this.cwdPath);
    this.exported.add("PWD");
  }

  /** A subshell: a copy of the state (a fork). Jobs and the step budget are shared. */
  clone(): Shell {
    const s = new Shell(this.io, this.config, this.jobs);
    s.vars = new Map(this.vars);
    s.arrays = new Map([...this.arrays].map(([k, v]) => [k, [...v]]));
    s.exported = new Set(this.exported);
    s.readonlyVars = new Set(this.readonlyVars);
    s.functions = new Map(this.functions);
    s.params = [...this.params];
    s.arg0 = this.arg0;
    s.status = this.status;
    s.cwdPath = this.cwdPath;
    s.opts = { ...this.opts };
    s.line = this.line;
    s.callDepth = this.callDepth;
    s.substDepth = this.substDepth;
    s.traps = new Map();
    s.scriptFile = this.scriptFile;
    return s;
  }

  // ---- messages -------------------------------------------------------------------------

  /** An error message with the shell's prefix: ash `sh: msg`, dash `sh: 3: msg`, bash `bash: line 3: msg`. */
  errorPrefix(): string {
    if (this.config.flavor === "dash") return `${this.arg0}: ${this.line}: `;
    if (this.config.flavor === "bash" || this.scriptFile)
      return `${this.arg0}: line ${this.line}: `;
    return `${this.arg0}: `;
  }

  error(s: Streams, msg: string): void {
    s.stderr(`${this.errorPrefix()}${msg}\n`);
  }

  // ---- ExpandHost -------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.status);
      case "$":
        return String(this.pid);
      case "#":
        return String(this.params.length);
      case "0":
        return this.arg0;
      case "!":
        return this.jobs.lastPid === undefined ? "" : String(this.jobs.lastPid);
      case "-":
        return (
          (this.opts.errexit ? "e" : "") +
          (this.opts.nounset ? "u" : "") +
          (this.opts.xtrace ? "x" : "")
        );
      case "RANDOM":
        if (this.vars.has("RANDOM") && this.readonlyVars.has("RANDOM"))
          return this.vars.get("RANDOM");
        return String(this.io.ctx.rng.int(32768));
      case "SECONDS":
        return String(Math.floor((this.io.ctx.now() - this.startedAt) / 1000));
      case "LINENO":
        return String(this.line);
      case "PPID":
        return "0";
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.params[Number(name) - 1];
    const arr = this.arrays.get(name);
    if (arr) return arr[0];
    return this.vars.get(name);
  }

  setVar(name: string, value: string): void {
    if (this.readonlyVars.has(name)) throw new ExpansionError(`${name}: is read only`);
    const arr = this.arrays.get(name);
    if (arr) arr[0] = value;
    else this.vars.set(name, value);
  }

  getArray(name: string): string[] | undefined {
    return this.arrays.get(name);
  }

  /** bash `name=(…)` and `name[i]=v` (spec §8 ex. 4 runs `items=(foo bar baz qux xyz)`). */
  private *assignArray(a: Assignment): Gen<void> {
    if (this.readonlyVars.has(a.name)) throw new ExpansionError(`${a.name}: is read only`);
    if (a.array) {
      this.vars.delete(a.name);
      this.arrays.set(a.name, yield* this.expand(a.array));
      return;
    }
    const i = Number(this.arith(yield* expandString(this, a.index!)));
    const value = yield* expandString(this, a.value);
    const arr = this.arrays.get(a.name) ?? [];
    if (!this.arrays.has(a.name)) {
      const scalar = this.vars.get(a.name);
      if (scalar !== undefined) arr[0] = scalar;
      this.vars.delete(a.name);
      this.arrays.set(a.name, arr);
    }
    const at = i < 0 ? arr.length + i : i;
    if (at < 0) throw new ExpansionError(`${a.name}[${i}]: bad array subscript`);
    for (let k = arr.length; k < at; k++) arr[k] = "";
    arr[at] = value;
  }

  positional(): string[] {
    return this.params;
  }

  nounset(): boolean {
    return this.opts.nounset;
  }

  cwd(): string {
    return this.cwdPath;
  }

  arith(expr: string): string {
    try {
      return String(
        evalArith(expr, { get: (n) => this.getVar(n), set: (n, v) => this.setVar(n, v) }),
      );
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
  }

  *commandSubst(script: string): Gen<string> {
    if (this.substDepth >= LIMITS.maxSubstDepth) {
      throw new ExpansionError(
        `command substitution nested too deeply (limit ${LIMITS.maxSubstDepth})`,
      );
    }
    const sub = this.clone();
    sub.substDepth++;
    const buf = new OutputBuffer();
    const streams: Streams = {
      stdin: new StringInput(""),
      stdout: buf.write,
      stderr: this.io.stderr,
    };
    let status: number;
    try {
      status = yield* sub.runScript(script, streams);
    } catch (e) {
      if (!(e instanceof BrokenPipe)) throw e;
      status = 141;
    }
    this.substStatus = status;
    return buf.text();
  }

  // ---- execution -------------------------------------------------------------------------

  /** Parse and run a script; syntax errors print and return 2 (ash). */
  *runScript(src: string, s: Streams): Gen<number> {
    if (src.length > LIMITS.maxScriptBytes) {
      this.error(s, `script too long (limit ${LIMITS.maxScriptBytes} bytes)`);
      return 2;
    }
    let list: List;
    try {
      list = parse(src, { bash: this.config.flavor === "bash" });
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      if (e.line) this.line = e.line;
      this.error(s, e.message);
      return 2;
    }
    return yield* this.runSubshellBoundary(() => this.runList(list, s), s);
  }

  /**
   * The whole life of a shell process: the script, then the EXIT trap. The container's own
   * shell (PID 1) takes the signals the kubelet sends (SIGTERM at termination, spec §3.4).
   */
  *main(src: string, s: Streams): Gen<number> {
    this.mainStreams = s;
    const uninstall =
      this.io.depth === 0 ? this.io.ctx.signals?.install((n) => this.onSignal(n)) : undefined;
    try {
      const status = yield* this.runScript(src, s);
      const trap = this.traps.get("EXIT");
      if (!trap) return status;
      this.traps.delete("EXIT");
      this.status = status;
      let exitedInTrap: number | undefined;
      this.trapStatus = status;
      try {
        yield* this.runScriptInPlace(trap, s);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exitedInTrap = e.code;
      } finally {
        this.trapStatus = undefined;
      }
      return exitedInTrap ?? status;
    } finally {
      uninstall?.();
    }
  }

  /**
   * A signal for this shell (process-signals.ts). Without a trap PID 1 ignores it, as does
   * `trap '' SIG`; with one the trap is pending and runs after the current foreground command,
   * or at once when the script is in `wait` (ash and bash alike).
   */
  onSignal(signo: number): SignalDisposition {
    const name = signalName(signo);
    const action = name === undefined || name === "EXIT" ? undefined : this.traps.get(name);
    if (!name || !action) return "ignore";
    if (!this.pendingSignals.includes(name)) this.pendingSignals.push(name);
    return this.jobs.interrupt(signo) ? "wake" : "pending";
  }

  /** Run the traps of the signals received (ash `dotrap`, after each command); `$?` survives. */
  *runPendingTraps(): Gen<void> {
    while (this.pendingSignals.length > 0 && this.trapStatus === undefined) {
      const name = this.pendingSignals.shift() ?? "";
      const action = this.traps.get(name);
      if (!action) continue;
      const saved = this.status;
      this.trapStatus = saved;
      try {
        yield* this.runScriptInPlace(action, this.mainStreams ?? this.io);
      } finally {
        this.trapStatus = undefined;
      }
      this.status = saved;
    }
  }

  /** Parse and run a script in this shell (`eval`, `.`): no subshell boundary. */
  *runScriptInPlace(src: string, s: Streams): Gen<number> {
    let list: List;
    try {
      list = parse(src, { bash: this.config.flavor === "bash" });
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.error(s, e.message);
      return 2;
    }
    return yield* this.runList(list, s);
  }

  /** Run `fn` as the body of a (sub)shell: `exit` and fatal expansion errors end it here. */
  *runSubshellBoundary(fn: () => Gen<number>, s: Streams): Gen<number> {
    try {
      return yield* fn();
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.code;
      if (e instanceof ExpansionError) {
        this.error(s, e.message);
        return 2;
      }
      throw e;
    }
  }

  *runList(list: List, s: Streams): Gen<number> {
    let status = this.status;
    for (const ao of list) {
      if (ao.background) {
        const sub = this.clone();
        const bgStreams = { ...s, stdin: new StringInput("") };
        const pid = this.jobs.spawn(
          sub.runSubshellBoundary(() => sub.runAndOr(ao, bgStreams), bgStreams),
        );
        if (pid === undefined) {
          this.error(s, `can't fork: too many background jobs (limit ${LIMITS.maxJobs})`);
          status = 2;
        } else status = 0;
        this.status = status;
        continue;
      }
      status = yield* this.runAndOr(ao, s);
    }
    return status;
  }

  *runAndOr(ao: AndOr, s: Streams): Gen<number> {
    const all = [{ op: "&&" as const, pipeline: ao.first }, ...ao.rest];
    let status = 0;
    for (let i = 0; i < all.length; i++) {
      const { op, pipeline } = all[i];
      if (i > 0 && ((op === "&&" && status !== 0) || (op === "||" && status === 0))) continue;
      const isLast = i === all.length - 1;
      if (!isLast) this.condDepth++;
      try {
        status = yield* this.runPipeline(pipeline, s);
      } finally {
        if (!isLast) this.condDepth--;
      }
      this.status = status;
      if (this.pendingSignals.length > 0) {
        yield* this.runPendingTraps();
        this.status = status;
      }
      if (isLast && status !== 0 && this.opts.errexit && this.condDepth === 0 && !pipeline.bang) {
        throw new ExitSignal(status);
      }
    }
    return status;
  }

  *runPipeline(p: Pipeline, s: Streams): Gen<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = yield* this.runCommand(p.commands[0], s);
    } else {
      // Stages run one after the other, each buffering its output into the next one's stdin
      // (a documented simplification). Every stage is a subshell, as in ash.
      let stdin = s.stdin;
      const statuses: number[] = [];
      for (let i = 0; i < p.commands.length; i++) {
        const last = i === p.commands.length - 1;
        const buf = last ? undefined : new OutputBuffer();
        const stage: Streams = { stdin, stdout: buf ? buf.write : s.stdout, stderr: s.stderr };
        const sub = this.clone();
        let st: number;
        try {
          st = yield* sub.runSubshellBoundary(() => sub.runCommand(p.commands[i], stage), stage);
        } catch (e) {
          if (!(e instanceof BrokenPipe) || last) throw e;
          st = 141;
        }
        statuses.push(st);
        stdin = new StringInput(buf ? buf.text() : "");
      }
      status = statuses[statuses.length - 1];
      if (this.opts.pipefail) status = [...statuses].reverse().find((x) => x !== 0) ?? 0;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  *runCommand(cmd: Command, s0: Streams): Gen<number> {
    if (cmd.type === "simple") return yield* this.runSimple(cmd, s0);
    if (cmd.type === "function") {
      this.functions.set(cmd.name, cmd.body);
      return 0;
    }
    const s = yield* redirect(this, cmd.redirects, s0);
    if (!s) return 1;
    switch (cmd.type) {
      case "group":
        return yield* this.runList(cmd.body, s);
      case "subshell": {
        const sub = this.clone();
        return yield* sub.runSubshellBoundary(() => sub.runList(cmd.body, s), s);
      }
      case "if": {
        for (const clause of cmd.clauses) {
          if ((yield* this.condition(clause.cond, s)) === 0)
            return yield* this.runList(clause.body, s);
        }
        return cmd.elseBody ? yield* this.runList(cmd.elseBody, s) : 0;
      }
      case "while":
      case "until": {
        let status = 0;
        this.loopDepth++;
        try {
          for (;;) {
            yield* this.step();
            const c = yield* this.condition(cmd.cond, s);
            if ((c === 0) !== (cmd.type === "while")) break;
            const r = yield* this.loopBody(cmd.body, s);
            status = r.status;
            if (r.stop) break;
          }
        } finally {
          this.loopDepth--;
        }
        return status;
      }
      case "for": {
        const items = cmd.items ? yield* this.expand(cmd.items) : [...this.params];
        let status = 0;
        this.loopDepth++;
        try {
          for (const item of items) {
            yield* this.step();
            this.setVar(cmd.name, item);
            const r = yield* this.loopBody(cmd.body, s);
            status = r.status;
            if (r.stop) break;
          }
        } finally {
          this.loopDepth--;
        }
        return status;
      }
      case "case": {
        const subject = yield* expandString(this, cmd.subject);
        for (const arm of cmd.arms) {
          for (const p of arm.patterns) {
            if (patternMatches(yield* expandPattern(this, p), subject)) {
              return yield* this.runList(arm.body, s);
            }
          }
        }
        return 0;
      }
    }
  }

  private *condition(list: List, s: Streams): Gen<number> {
    this.condDepth++;
    try {
      return yield* this.runList(list, s);
    } finally {
      this.condDepth--;
    }
  }

  /** One loop iteration; `stop` when the loop must end (break, or a continue for an outer loop). */
  private *loopBody(body: List, s: Streams): Gen<{ status: number; stop: boolean }> {
    try {
      return { status: yield* this.runList(body, s), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: 0, stop: e.kind === "break" };
    }
  }

  /** Count one interpreter step; every LIMITS.stepBudget steps costs virtual CPU time. */
  *step(n = 1): Gen<void> {
    const b = this.io.budget;
    b.steps += n;
    if (b.steps >= LIMITS.stepBudget) {
      b.steps = 0;
      yield CPU_TICK;
    }
  }

  *expand(words: SimpleCommand["words"]): Gen<string[]> {
    return yield* expandWords(this, words);
  }

  *runSimple(cmd: SimpleCommand, s0: Streams): Gen<number> {
    this.line = cmd.line;
    yield* this.step();
    this.substStatus = 0;
    const argv = yield* this.expand(cmd.words);
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) {
      if (a.array || a.index) {
        yield* this.assignArray(a);
        continue;
      }
      assigns.push([a.name, yield* expandString(this, a.value)]);
    }
    if (this.opts.xtrace) {
      const shown = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv];
      s0.stderr(`+ ${shown.join(" ")}\n`);
    }
    const s = yield* redirect(this, cmd.redirects, s0);
    if (!s) return 1;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return this.substStatus;
    }
    const name = argv[0];
    const fn = this.functions.get(name);
    if (fn) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return yield* this.callFunction(fn, argv, s);
    }
    const builtin = BUILTINS.get(name);
    if (builtin) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return yield* builtin(this, argv, s);
    }
    const env = this.environment();
    for (const [k, v] of assigns) env[k] = v;
    return yield* this.execProgram(argv, env, s);
  }

  /** The exported variables (what a child program sees). */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return env;
  }

  programIo(argv: string[], s: Streams, env = this.environment()): ProgramIo {
    return { ...this.io, argv, ...s, env, cwd: this.cwdPath, depth: this.io.depth + 1 };
  }

  *execProgram(argv: string[], env: Record<string, string>, s: Streams): Gen<number> {
    let proc;
    try {
      proc = this.io.exec(argv, this.programIo(argv, s, env));
    } catch (e) {
      if (!(e instanceof StartError)) throw e;
      const msg = this.config.flavor === "bash" ? "command not found" : "not found";
      this.error(s, `${argv[0]}: ${msg}`);
      return 127;
    }
    return yield* proc;
  }

  *callFunction(body: Command, argv: string[], s: Streams): Gen<number> {
    if (this.callDepth >= LIMITS.maxCallDepth) {
      this.error(s, `${argv[0]}: function nesting too deep (limit ${LIMITS.maxCallDepth})`);
      throw new ExitSignal(2);
    }
    const saved = this.params;
    this.params = argv.slice(1);
    this.callDepth++;
    this.localFrames.push(new Map());
    try {
      return yield* this.runCommand(body, s);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.callDepth--;
      this.params = saved;
      for (const [k, v] of this.localFrames.pop() ?? []) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
    }
  }
}
