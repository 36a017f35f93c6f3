/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { StartError, type Program } from "../types.ts";
import { getopt, showUsage } from "./util.ts";

/** Programs about the process and the machine: hostname, env, printenv, pwd, id, whoami, uname, nproc. */

export const systemPrograms: Program[] = [
  {
    name: "hostname",
    usage: "hostname [-sfid] [HOSTNAME | -F FILE]",
    *run(io) {
      if (io.argv.length > 1 && !io.argv[1].startsWith("-")) {
        io.stderr("hostname: sethostname: Operation not permitted\n");
        return 1;
      }
      io.stdout(io.argv[1] === "-i" ? "10.244.0.2\n" : `${io.ctx.hostname}\n`);
      return 0;
    },
  },
  {
    name: "env",
    usage: "env [-i] [-u NAME] [-] [NAME=VALUE]... [PROG ARGS]",
    *run(io) {
      const o = getopt(io, "iu:0", this.usage, { stopAtFirstOperand: true });
      if (!o) return 1;
      let env: Record<string, string> = o.flags.has("i") ? {} : { ...io.env };
      for (const u of o.all.get("u") ?? []) delete env[u];
      const rest = [...o.operands];
      if (rest[0] === "-") {
        env = {};
        rest.shift();
      }
      while (rest.length > 0 && /^[^=]+=/.test(rest[0])) {
        const a = rest.shift() ?? "";
        const i = a.indexOf("=");
        env[a.slice(0, i)] = a.slice(i + 1);
      }
      if (rest.length === 0) {
        io.stdout(
          Object.entries(env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(""),
        );
        return 0;
      }
      let proc;
      try {
        proc = io.exec(rest, { ...io, argv: rest, env });
      } catch (e) {
        if (!(e instanceof StartError)) throw e;
        io.stderr(`env: can't execute '${rest[0]}': No such file or directory\n`);
        return 127;
      }
      return yield* proc;
    },
  },
  {
    name: "printenv",
    usage: "printenv [VARIABLE]...",
    *run(io) {
      const names = io.argv.slice(1);
      if (names.length === 0) {
        io.stdout(
          Object.entries(io.env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(""),
        );
        return 0;
      }
      let status = 0;
      for (const n of names) {
        if (n in io.env) io.stdout(`${io.env[n]}\n`);
        else status = 1;
      }
      return status;
    },
  },
  {
    name: "pwd",
    usage: "pwd",
    *run(io) {
      io.stdout(`${io.cwd}\n`);
      return 0;
    },
  },
  {
    name: "id",
    usage: "id [-ugGnr] [USER]",
    *run(io) {
      const a = io.argv[1];
      io.stdout(
        a === "-u" || a === "-g"
          ? "0\n"
          : a === "-un" || a === "-nu"
            ? "root\n"
            : "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n",
      );
      return 0;
    },
  },
  {
    name: "whoami",
    usage: "whoami",
    *run(io) {
      io.stdout("root\n");
      return 0;
    },
  },
  {
    name: "uname",
    usage: "uname [-amnrspvio]",
    *run(io) {
      const o = getopt(io, "amnrspvio", this.usage);
      if (!o) return 1;
      const parts: Record<string, string> = {
        s: "Linux",
        n: io.ctx.hostname,
        r: "6.8.0-batch-lab",
        v: "#1 SMP PREEMPT_DYNAMIC",
        m: "x86_64",
        o: "GNU/Linux",
      };
      const keys = o.flags.has("a")
        ? ["s", "n", "r", "v", "m", "o"]
        : ["s", "n", "r", "v", "m", "o"].filter((k) => o.flags.has(k));
      io.stdout(`${(keys.length > 0 ? keys : ["s"]).map((k) => parts[k]).join(" ")}\n`);
      return 0;
    },
  },
  {
    name: "nproc",
    usage: "nproc",
    *run(io) {
      io.stdout("2\n");
      return 0;
    },
  },
  {
    name: "kill",
    usage: "kill [-l] [-SIG] PID...",
    *run(io) {
      const pids = io.argv.slice(1).filter((a) => !a.startsWith("-"));
      if (pids.length === 0) {
        showUsage(io, this.usage);
        return 1;
      }
      for (const p of pids) io.stderr(`kill: can't kill pid ${p}: No such process\n`);
      return 1;
    },
  },
];
