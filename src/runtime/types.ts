import type { Millis } from "../sim/time.ts";
import type { Rng } from "../sim/rng.ts";
import type { ProcessSignals } from "./process-signals.ts";

/**
 * What a running program asks of the kubelet when it suspends. A program is a generator: the
 * kubelet calls next() and, when the generator yields an effect, schedules its resumption on the
 * virtual clock. Nothing here reads the wall clock.
 *  - sleep: the program waits `ms` virtual milliseconds (busybox `sleep`).
 *  - cpu: the program computes for `ms` virtual milliseconds (modelled run time, or the
 *    interpreter's step budget running out so that an endless loop never freezes the page).
 */
export type Effect = { type: "sleep"; ms: number } | { type: "cpu"; ms: number };

/** A running program: yields effects, returns its exit code. */
export type Process = Generator<Effect, number, void>;

/** Everything a container process can see of the outside world. */
export interface ProcessContext {
  /** Environment variables of the container (already resolved). */
  env: Record<string, string>;
  /** Pod hostname (`hostname` command, $HOSTNAME). */
  hostname: string;
  /** The virtual clock's current time. */
  now(): Millis;
  /** Seeded randomness ($RANDOM, mktemp names…). */
  rng: Rng;
  /** The container's filesystem (image files + mounted volumes). */
  fs: FileSystem;
  /** Programs this container's image provides (by command name, e.g. "sh", "perl"). */
  programs: ReadonlySet<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A minimal POSIX-like in-memory filesystem, paths absolute and normalised by the caller. */
export interface FileSystem {
  readFile(path: string): string | undefined;
  writeFile(path: string, data: string, append?: boolean): boolean;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  mkdir(path: string, parents?: boolean): boolean;
  remove(path: string, recursive?: boolean): boolean;
  list(path: string): string[] | undefined;
  /** Modification time (virtual). */
  mtime(path: string): Millis | undefined;
}

/* ------------------------------------------------------------------------------------------------
 * Additions by the runtime module (src/runtime/). The names above are the kubelet's contract.
 * --------------------------------------------------------------------------------------------- */

/**
 * Optional extras a kubelet may put in a ProcessContext. Kept separate (and optional) so the
 * contract above stays minimal: `spawn(argv, { ...ctx, cwd: "/work" })`.
 */
export interface ProcessContextExtras {
  /** The container's `workingDir` (default "/"). */
  cwd?: string;
  /**
   * Which /bin/sh the image has: busybox `ash` (busybox, alpine, curl: `sh: foo: not found`) or
   * Debian's `dash` (perl, python, postgres, nginx, ubuntu…: `sh: 1: foo: not found`, and `echo`
   * that does not know `-e`). Default "ash". `images.ts` says which one an image has.
   */
  shell?: ShellFlavor;
  /**
   * The cluster network as the pod sees it (DNS names of Services, their endpoints). Absent:
   * no network at all, every host name fails to resolve. The kubelet implements it from the
   * store; the runtime never looks at cluster objects itself.
   */
  net?: Network;
  /**
   * The container's memory limit in bytes (`resources.limits.memory`), if any. A program that
   * allocates past it is killed by the kernel's OOM killer: it calls `oom()` and exits 137.
   */
  memoryLimitBytes?: number;
  /** Tell the kubelet the container was OOM-killed (its terminated reason becomes OOMKilled). */
  oom?: () => void;
  /**
   * The signal line into the container's PID 1 (process-signals.ts): the kubelet sends SIGTERM
   * through it when the pod terminates. Absent: signals cannot reach the process.
   */
  signals?: ProcessSignals;
}

export type ShellFlavor = "ash" | "dash";

/** One container of the pod that answered a connection: what the runtime needs to play its server. */
export interface EndpointContainer {
  name: string;
  /** Image repository as the catalogue names it (`nginx`, `gcr.io/kuar-demo/kuard-amd64`). */
  image: string;
  /** The process the container runs (entrypoint/command + cmd/args, `$(VAR)` expanded). */
  argv: string[];
  env: Record<string, string>;
  /** Declared `containerPort`s. */
  ports: number[];
}

/**
 * What connecting to `host:port` gives (kube-proxy + CoreDNS, reduced):
 *  - unresolved: no such name (curl exit 6, wget `bad address`);
 *  - refused: a Service without ready endpoints (kube-proxy rejects), or no such port on a pod;
 *  - timeout: a Service IP on a port the Service does not expose (packets go nowhere);
 *  - connected: one ready endpoint pod was picked; `port` is the target port on it.
 */
export type DialResult =
  | { kind: "unresolved" }
  | { kind: "refused"; ip: string }
  | { kind: "timeout"; ip: string }
  | { kind: "connected"; ip: string; pod: string; port: number; containers: EndpointContainer[] };

export interface Network {
  dial(host: string, port: number): DialResult;
}

/** What `spawn` and the programs actually receive. */
export type RuntimeContext = ProcessContext & ProcessContextExtras;

/**
 * A readable stream a program consumes. Pipes are run stage by stage (a documented
 * simplification, DESIGN.md), so stdin is a whole string with a read position; `read` takes a
 * line, `cat` takes the rest.
 */
export interface Input {
  /** Everything not read yet (and marks it read). */
  readAll(): string;
  /** The next line without its "\n", or undefined at end of input. */
  readLine(): string | undefined;
}

/** What a program sees when it runs: argv, its three streams, its environment and the container. */
export interface ProgramIo {
  /** argv[0] is the name the program was invoked as (e.g. "sh", "/bin/date"). */
  argv: string[];
  stdin: Input;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Exported environment of this process. */
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  ctx: RuntimeContext;
  /** Step budget shared by everything the container runs (see `limits.ts`). */
  budget: StepBudget;
  /** Nesting of programs started by programs (`sh -c "sh -c …"`, `env sh`), bounded. */
  depth: number;
  /** Run another program of the image (for `env CMD`, `sh`, `xargs`…). */
  exec: (argv: string[], io: ProgramIo) => Generator<Effect, number, void>;
}

/** Counts interpreter steps; every `STEP_BUDGET` steps the runner yields `{type:"cpu", ms:1}`. */
export interface StepBudget {
  steps: number;
}

/**
 * A container program, as a registry entry (STYLE.md habit 6): its name, a busybox-style usage
 * line (printed on bad usage), and a generator that yields effects and returns an exit code.
 */
export interface Program {
  name: string;
  usage: string;
  run(io: ProgramIo): Generator<Effect, number, void>;
}

/**
 * A missing executable (exec form without a shell, e.g. `command: ["perl", …]` on busybox).
 * Choice: `spawn(argv, ctx)` returns **undefined** in that case (check beforehand with
 * `resolveProgram(argv0, ctx)`); `spawnOrThrow` throws this error instead. The kubelet turns it
 * into a terminated container with reason `StartError` and exit code 128; `message` is the
 * runtime's text (`startErrorMessage(name)` in spawn.ts), which contains
 * `exec: "<name>": executable file not found in $PATH` (`execNotFound(name)`). Inside a shell
 * the same situation is `sh: <name>: not found`, exit 127.
 */
export class StartError extends Error {
  readonly reason = "StartError";
  readonly exitCode = 128;
  readonly program: string;
  constructor(program: string, message: string) {
    super(message);
    this.name = "StartError";
    this.program = program;
  }
}
