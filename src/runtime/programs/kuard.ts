import { hexDigest } from "../../sim/hash.ts";
import { strftime } from "./date.ts";
import { dial } from "./net.ts";
import { listener } from "./servers-http.ts";
import type { Effect, Program, ProgramIo } from "../types.ts";

/**
 * kuard (gcr.io/kuar-demo/kuard-amd64), the Kubernetes Up & Running demo server: it serves on
 * :8080 and, with `--keygen-enable`, runs the "keygen" workload the book's Job examples use:
 * `--keygen-num-to-gen=N` keys (RSA, about 1.3 s each on the lab's node), one log line each,
 * then `(ID 0) Workload exiting`; `--keygen-exit-on-complete` ends the process with
 * `--keygen-exit-code` (0). With `--keygen-memq-server` it takes its work from a kuard queue
 * server instead: the simulated queue is always empty, so a consumer exits once it has
 * checked it (the work-queue Job then winds down after the first success, as in the book).
 * Log lines go to stderr with Go's `log` timestamp.
 */

const VERSION = "v0.10.0-blue";
/** Virtual time of one keygen item. */
export const KEYGEN_ITEM_MS = 1_300;

interface KeygenConfig {
  enable: boolean;
  exitCode: number;
  exitOnComplete: boolean;
  memqQueue: string;
  memqServer: string;
  numToGen: number;
  timeToRun: number;
}

function parseFlags(args: string[]): { cfg: KeygenConfig; bad?: string } {
  const cfg: KeygenConfig = {
    enable: false,
    exitCode: 0,
    exitOnComplete: false,
    memqQueue: "",
    memqServer: "",
    numToGen: 0,
    timeToRun: 0,
  };
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const [, name, inline] = m;
    const bool = () => inline === undefined || inline === "true";
    const value = () => inline ?? args[++i] ?? "";
    switch (name) {
      case "keygen-enable":
        cfg.enable = bool();
        break;
      case "keygen-exit-on-complete":
        cfg.exitOnComplete = bool();
        break;
      case "keygen-exit-code":
        cfg.exitCode = Number(value()) || 0;
        break;
      case "keygen-num-to-gen":
        cfg.numToGen = Number(value()) || 0;
        break;
      case "keygen-time-to-run":
        cfg.timeToRun = Number(value()) || 0;
        break;
      case "keygen-memq-server":
        cfg.memqServer = value();
        break;
      case "keygen-memq-queue":
        cfg.memqQueue = value();
        break;
      case "address":
      case "tls-address":
      case "tls-dir":
      case "debug-sitedata-dir":
        if (inline === undefined) i++;
        break;
      case "debug":
        break;
      default:
        return { cfg, bad: name };
    }
  }
  return { cfg };
}

function configJson(cfg: KeygenConfig): string {
  return `{
  "address": ":8080",
  "debug": false,
  "debug-sitedata-dir": "./sitedata",
  "keygen": {
    "enable": ${cfg.enable},
    "exit-code": ${cfg.exitCode},
    "exit-on-complete": ${cfg.exitOnComplete},
    "memq-queue": ${JSON.stringify(cfg.memqQueue)},
    "memq-server": ${JSON.stringify(cfg.memqServer)},
    "num-to-gen": ${cfg.numToGen},
    "time-to-run": ${cfg.timeToRun}
  },
  "liveness": {
    "fail-next": 0
  },
  "readiness": {
    "fail-next": 0
  },
  "tls-address": ":8443",
  "tls-dir": "/tls"
}
`;
}

/** An SSH-style key fingerprint, deterministic per pod and item. */
function fingerprint(seed: string): string {
  const hex = hexDigest(seed, 64);
  let bin = "";
  for (let i = 0; i < 64; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bin).replace(/=+$/, "");
}

export const kuardProgram: Program = {
  name: "kuard",
  usage: "kuard [flags]",
  *run(io): Generator<Effect, number, void> {
    const log = (msg: string) =>
      io.stderr(`${strftime("%Y/%m/%d %H:%M:%S", io.ctx.now())} ${msg}\n`);
    const { cfg, bad } = parseFlags(io.argv.slice(1));
    if (bad) {
      io.stderr(`unknown flag: --${bad}\n`);
      return 2;
    }
    log(`Starting kuard version: ${VERSION}`);
    log("**********************************************************************");
    log("* WARNING: This server may expose sensitive");
    log("* and secret information. Be careful.");
    log("**********************************************************************");
    log(`Config: \n${configJson(cfg)}`);
    log("Could not find certificates to serve TLS");
    log("Serving on HTTP on :8080");
    if (!cfg.enable) return yield* forever();
    log("(ID 0) Workload starting");
    if (cfg.memqServer) return yield* consume(io, cfg, log);
    const deadline = cfg.timeToRun > 0 ? io.ctx.now() + cfg.timeToRun * 1000 : Infinity;
    for (let i = 1; cfg.numToGen <= 0 || i <= cfg.numToGen; i++) {
      yield { type: "cpu", ms: KEYGEN_ITEM_MS };
      const total = cfg.numToGen > 0 ? `${i}/${cfg.numToGen}` : `${i}`;
      log(`(ID 0 ${total}) Item done: SHA256:${fingerprint(`${io.ctx.hostname}/${i}`)}`);
      if (io.ctx.now() >= deadline) break;
    }
    log("(ID 0) Workload exiting");
    if (cfg.exitOnComplete) return cfg.exitCode;
    return yield* forever();
  },
};

function* consume(
  io: ProgramIo,
  cfg: KeygenConfig,
  log: (msg: string) => void,
): Generator<Effect, number, void> {
  const m = /^https?:\/\/([^/:]+)(?::(\d+))?/.exec(cfg.memqServer);
  const host = m?.[1] ?? "";
  const port = Number(m?.[2] ?? 80);
  const d = dial(io, host, port);
  yield { type: "sleep", ms: 5 };
  const url = `${cfg.memqServer}/queues/${cfg.memqQueue}/dequeue`;
  if (d.kind === "unresolved") {
    log(
      `(ID 0) Error dequeuing: Post "${url}": dial tcp: lookup ${host} on 10.96.0.10:53: no such host`,
    );
    return 1;
  }
  const l = d.kind === "connected" ? listener(d.containers, d.port) : undefined;
  if (!l || l.kind !== "kuard") {
    log(
      `(ID 0) Error dequeuing: Post "${url}": dial tcp ${d.kind === "connected" || d.kind === "refused" || d.kind === "timeout" ? d.ip : host}:${port}: connect: connection refused`,
    );
    return 1;
  }
  log("(ID 0) Workload exiting");
  return cfg.exitOnComplete ? cfg.exitCode : yield* forever();
}

function* forever(): Generator<Effect, number, void> {
  for (;;) yield { type: "sleep", ms: 86_400_000 };
}
