/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { BASE_DIRS, basename, dirname, MemoryFs, resolvePath } from "./fs.ts";
import { stressProgram } from "./programs/stress.ts";
import { BrokenPipe, StringInput, limitOutput } from "./io.ts";
import { LIMITS } from "./limits.ts";
import { basicPrograms } from "./programs/basic.ts";
import { dateProgram } from "./programs/date.ts";
import { exprProgram } from "./programs/expr.ts";
import { filePrograms } from "./programs/files.ts";
import { curlProgram, wgetProgram } from "./programs/net.ts";
import { perlProgram } from "./programs/perl.ts";
import { pgDumpProgram } from "./programs/postgres.ts";
import { pythonProgram } from "./programs/python.ts";
import { serverPrograms } from "./programs/servers.ts";
import { sleepProgram } from "./programs/sleep.ts";
import { systemPrograms } from "./programs/system.ts";
import { textPrograms } from "./programs/text.ts";
import { shellPrograms } from "./shell/program.ts";
import {
  StartError,
  type Effect,
  type Process,
  type Program,
  type ProgramIo,
  type RuntimeContext,
} from "./types.ts";

/** Every program the runtime knows, by name (STYLE.md habit 6). Images pick from these. */
export class ProgramRegistry {
  private readonly map: Map<string, Program>;

  constructor(programs: Program[]) {
    this.map = new Map(programs.map((p) => [p.name, p]));
  }

  get(name: string): Program | undefined {
    return this.map.get(name);
  }

  names(): string[] {
    return [...this.map.keys()].sort();
  }

  /** A registry with more (or replaced) programs, e.g. a `kubectl` that talks to the cluster. */
  with(...programs: Program[]): ProgramRegistry {
    return new ProgramRegistry([...this.map.values(), ...programs]);
  }
}

export const defaultRegistry = new ProgramRegistry([
  ...shellPrograms,
  ...basicPrograms,
  ...textPrograms,
  ...filePrograms,
  ...systemPrograms,
  ...serverPrograms,
  sleepProgram,
  dateProgram,
  exprProgram,
  perlProgram,
  pythonProgram,
  { ...pythonProgram, name: "python" },
  curlProgram,
  wgetProgram,
  pgDumpProgram,
  stressProgram,
]);

const BIN_DIRS = new Set([
  "/",
  "/bin",
  "/sbin",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local/bin",
  "/usr/local/sbin",
]);

/** The runtime's words for a missing executable (containerd/runc, exec form). */
export function execNotFound(name: string): string {
  return `exec: "${name}": executable file not found in $PATH`;
}

/** Same as `execNotFound` (the name the kubelet uses). */
export const executableNotFound = execNotFound;

/** The full `message` of a container's `StartError` termination for a missing executable. */
export function startErrorMessage(name: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execNotFound(name)}: unknown`;
}

/**
 * Find the program argv[0] names in this container: a bare name must be one of the image's
 * programs (`ctx.programs`); a path is either a standard bin directory + such a name
 * (`/bin/sh`) or a script file in the container's filesystem (run by its `#!` interpreter).
 * Undefined when there is no such executable.
 */
export function resolveProgram(
  argv0: string,
  ctx: RuntimeContext,
  registry: ProgramRegistry = defaultRegistry,
): Program | undefined {
  if (!argv0.includes("/"))
    return ctx.programs.has(argv0) ? (registry.get(argv0) ?? missing(argv0)) : undefined;
  const path = resolvePath(ctx.cwd ?? "/", argv0);
  const text = ctx.fs.isDir(path) ? undefined : ctx.fs.readFile(path);
  if (text !== undefined) return scriptProgram(path, text, ctx, registry);
  const name = basename(path);
  if (BIN_DIRS.has(dirname(path)) && ctx.programs.has(name))
    return registry.get(name) ?? missing(name);
  return undefined;
}

/** A program the image has but the lab does not simulate (e.g. `kubectl` before one is registered). */
function missing(name: string): Program {
  return {
    name,
    usage: name,
    *run(io) {
      io.stderr(`${name}: this program is not simulated by Batch Lab\n`);
      return 126;
    },
  };
}

/** A script file: `#!/bin/sh -e` → run `/bin/sh -e FILE ARGS…`; no `#!` → run by sh. */
function scriptProgram(
  path: string,
  text: string,
  ctx: RuntimeContext,
  registry: ProgramRegistry,
): Program | undefined {
  const shebang = /^#!\s*(\S+)(?:[ \t]+([^\n]*))?/.exec(text);
  let interp = shebang ? shebang[1] : "/bin/sh";
  let extra = shebang?.[2]?.trim() ? [shebang[2].trim()] : [];
  if (interp === "/usr/bin/env" && extra.length > 0) {
    interp = extra[0].split(/\s+/)[0];
    extra = [];
  }
  const prog = resolveProgram(interp, ctx, registry);
  if (!prog) return undefined;
  return {
    name: path,
    usage: path,
    run: (io) => prog.run({ ...io, argv: [interp, ...extra, path, ...io.argv.slice(1)] }),
  };
}

/** Wire a ProgramIo's `exec` so programs can start programs (bounded by LIMITS.maxProgramDepth). */
function makeExec(registry: ProgramRegistry): ProgramIo["exec"] {
  const exec: ProgramIo["exec"] = (argv, io) => {
    const prog =
      argv.length > 0 ? resolveProgram(argv[0], { ...io.ctx, cwd: io.cwd }, registry) : undefined;
    if (!prog) throw new StartError(argv[0] ?? "", startErrorMessage(argv[0] ?? ""));
    if (io.depth > LIMITS.maxProgramDepth) {
      return (function* () {
        io.stderr(`${argv[0]}: too many nested programs (limit ${LIMITS.maxProgramDepth})\n`);
        return 126;
      })();
    }
    return prog.run({ ...io, argv, exec });
  };
  return exec;
}

export interface SpawnOptions {
  registry?: ProgramRegistry;
  /** The container's stdin (Kubernetes gives none unless `stdin: true`). */
  stdin?: string;
}

/**
 * Start a container's process: `argv` is the container's `command` + `args` (exec form, no
 * shell unless argv[0] is one). Returns undefined when argv[0] is not an executable of the
 * image: the kubelet then terminates the container with reason `StartError`, exit code 128 and
 * `startErrorMessage(argv[0])` (`spawnOrThrow` throws a `StartError` carrying all three instead).
 * The returned generator yields effects for the kubelet to schedule and returns the exit code
 * (0–255). Output goes to ctx.stdout/ctx.stderr as it is produced, capped at
 * LIMITS.maxOutputBytes. The base directories (/tmp, /etc, …) are created in ctx.fs if missing.
 */
export function spawn(
  argv: string[],
  ctx: RuntimeContext,
  opts: SpawnOptions = {},
): Process | undefined {
  const registry = opts.registry ?? defaultRegistry;
  const prog = argv.length > 0 ? resolveProgram(argv[0], ctx, registry) : undefined;
  if (!prog) return undefined;
  if (ctx.fs instanceof MemoryFs) ctx.fs.ensureDirs(BASE_DIRS);
  else for (const d of BASE_DIRS) if (!ctx.fs.isDir(d)) ctx.fs.mkdir(d, true);
  const out = limitOutput(
    (t) => ctx.stdout(t),
    (t) => ctx.stderr(t),
  );
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: ctx.hostname,
    HOME: "/root",
    ...ctx.env,
  };
  const io: ProgramIo = {
    argv,
    stdin: new StringInput(opts.stdin ?? ""),
    stdout: out.stdout,
    stderr: out.stderr,
    env,
    cwd: ctx.cwd ?? "/",
    ctx,
    budget: { steps: 0 },
    depth: 0,
    exec: makeExec(registry),
  };
  return guard(prog.run(io), io);
}

/**
 * The process boundary: exit codes are truncated to 0–255 like a real exit status, a broken
 * pipe is SIGPIPE (141), and an unexpected exception or a JS stack overflow in a pathological
 * script ends the process with a message instead of reaching the kubelet.
 */
/** `spawn`, throwing `StartError` (message, reason, exit code 128) when argv[0] is missing. */
export function spawnOrThrow(
  argv: string[],
  ctx: RuntimeContext,
  opts: SpawnOptions = {},
): Process {
  const proc = spawn(argv, ctx, opts);
  if (!proc) throw new StartError(argv[0] ?? "", startErrorMessage(argv[0] ?? ""));
  return proc;
}

function* guard(gen: Generator<Effect, number, void>, io: ProgramIo): Process {
  try {
    const code = yield* gen;
    return code & 255;
  } catch (e) {
    if (e instanceof BrokenPipe) return 141;
    if (e instanceof StartError) throw e;
    const why =
      e instanceof RangeError ? "recursion too deep" : e instanceof Error ? e.message : String(e);
    io.stderr(`${io.argv[0]}: internal error: ${why}\n`);
    return 2;
  }
}
