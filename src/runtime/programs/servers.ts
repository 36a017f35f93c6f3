import { strftime } from "./date.ts";
import { kuardProgram } from "./kuard.ts";
import { postgresReadyLog } from "./postgres.ts";
import type { Program, ProgramIo } from "../types.ts";

/**
 * Long-running servers some images start by default (no `command` in the pod spec). They print
 * a plausible start-up banner and then sleep forever: one event per day of virtual time.
 */

function* forever(): Generator<{ type: "sleep"; ms: number }, number, void> {
  for (;;) yield { type: "sleep", ms: 86_400_000 };
}

const stamp = (io: ProgramIo, f: string) => strftime(f, io.ctx.now());

export const serverPrograms: Program[] = [
  {
    // curlimages/curl's /entrypoint.sh: `args: ["-s", URL]` or `args: ["curl", …]` both run curl.
    name: "entrypoint.sh",
    usage: "/entrypoint.sh [curl] ARGS…",
    *run(io) {
      const args = io.argv.slice(1);
      const first = args[0] ?? "";
      const argv = first.startsWith("-") || !io.ctx.programs.has(first) ? ["curl", ...args] : args;
      return yield* io.exec(argv, { ...io, argv });
    },
  },
  {
    name: "pause",
    usage: "pause",
    *run() {
      return yield* forever();
    },
  },
  {
    name: "nginx",
    usage: "nginx [-g directives]",
    *run(io) {
      const t = stamp(io, "%Y/%m/%d %H:%M:%S");
      io.stderr(
        `${t} [notice] 1#1: using the "epoll" event method\n${t} [notice] 1#1: nginx/1.27.3\n${t} [notice] 1#1: start worker processes\n`,
      );
      return yield* forever();
    },
  },
  kuardProgram,
  {
    // hashicorp/http-echo: serves its -text on every path (and /health) on -listen (:5678).
    name: "http-echo",
    usage: "http-echo -text=TEXT [-listen=:5678]",
    *run(io) {
      const text = io.argv.find((a) => /^--?text=/.test(a));
      if (!text) {
        io.stderr("Missing -text option!\n");
        return 127;
      }
      const listen =
        io.argv.find((a) => /^--?listen=/.test(a))?.replace(/^--?listen=/, "") ?? ":5678";
      io.stderr(`${stamp(io, "%Y/%m/%d %H:%M:%S")} [INFO] server is listening on ${listen}\n`);
      return yield* forever();
    },
  },
  {
    name: "docker-entrypoint.sh",
    usage: "docker-entrypoint.sh postgres",
    *run(io) {
      if (io.argv[1] === "postgres" || io.argv.length === 1) {
        if (!io.env.POSTGRES_PASSWORD && io.env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
          io.stderr(
            'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n',
          );
          return 1;
        }
        io.stdout(postgresReadyLog(io));
        return yield* forever();
      }
      return yield* io.exec(io.argv.slice(1), { ...io, argv: io.argv.slice(1) });
    },
  },
];
