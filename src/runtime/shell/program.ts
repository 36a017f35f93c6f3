import { resolvePath } from "../fs.ts";
import type { Program, ProgramIo, ShellFlavor } from "../types.ts";
import { Shell, type Streams } from "./interpreter.ts";

/**
 * The `sh` program (and `bash`, in images that have it): `sh -c 'script' [$0 [$1…]]`,
 * `sh script.sh [args]`, `sh` reading its script from stdin, with `-e -x -u` as options.
 */
function shellProgram(name: "sh" | "bash"): Program {
  return {
    name,
    usage: `${name} [-/+OPTIONS] [-/+o OPT]... [-c 'SCRIPT' [ARG0 ARGS] | FILE ARGS | -s ARGS]`,
    *run(io: ProgramIo) {
      const flavor: ShellFlavor | "bash" = name === "bash" ? "bash" : (io.ctx.shell ?? "ash");
      const args = io.argv.slice(1);
      let command: string | undefined;
      let wantCommand = false;
      const opts = { errexit: false, xtrace: false, nounset: false, pipefail: false };
      while (
        args.length > 0 &&
        (/^[-+][a-zA-Z]+$/.test(args[0]) || args[0] === "-o" || args[0] === "--")
      ) {
        const a = args.shift() ?? "";
        if (a === "--") break;
        if (a === "-o") {
          if (args.shift() === "pipefail") opts.pipefail = true;
          continue;
        }
        for (const c of a.slice(1)) {
          if (c === "c") wantCommand = true;
          else if (c === "e") opts.errexit = true;
          else if (c === "x") opts.xtrace = true;
          else if (c === "u") opts.nounset = true;
        }
      }
      const errPrefix = flavor === "dash" ? `${name}: 0: ` : `${name}: `;
      let arg0: string = io.argv[0] ?? name;
      let script: string;
      if (wantCommand) {
        command = args.shift();
        if (command === undefined) {
          io.stderr(
            flavor === "bash"
              ? `${name}: -c: option requires an argument\n`
              : `${errPrefix}-c requires an argument\n`,
          );
          return 2;
        }
        script = command;
        if (args.length > 0) arg0 = args.shift() ?? name;
      } else if (args.length > 0 && args[0] !== "-s") {
        const file = args.shift() ?? "";
        const text = io.ctx.fs.readFile(resolvePath(io.cwd, file));
        if (text === undefined) {
          io.stderr(
            flavor === "ash"
              ? `${name}: can't open '${file}': No such file or directory\n`
              : flavor === "dash"
                ? `${errPrefix}cannot open ${file}: No such file\n`
                : `${name}: ${file}: No such file or directory\n`,
          );
          return flavor === "bash" ? 127 : 2;
        }
        script = text;
        arg0 = file;
      } else {
        if (args[0] === "-s") args.shift();
        script = io.stdin.readAll();
      }
      const shell = new Shell(io, { name: arg0, flavor });
      shell.scriptFile = !wantCommand && arg0 !== name;
      shell.params = args;
      Object.assign(shell.opts, opts);
      const streams: Streams = { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr };
      return yield* shell.jobs.run(shell.main(script, streams));
    },
  };
}

export const shellPrograms: Program[] = [
  shellProgram("sh"),
  { ...shellProgram("sh"), name: "ash" },
  shellProgram("bash"),
];
