import { existsSync } from "node:fs";
import schema from "../schemas/kubernetes.schema.json";
import { registerSchema } from "../kubectl/schema-registry.ts";
import { runScript } from "./run-script.ts";

registerSchema(schema);

const usage =
  "usage: npm run -s lab -- [--start ISO-INSTANT] [--seed N] FILE\n       npm run -s lab -- verify-pack PATH";

function main(argv: string[]): number {
  let start: string | undefined;
  let seed: number | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (flag: string) => {
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value\n${usage}`);
      return argv[++i];
    };
    if (a === "--start" || a.startsWith("--start=")) start = value("--start");
    else if (a === "--seed" || a.startsWith("--seed=")) {
      const v = value("--seed");
      if (!/^\d+$/.test(v))
        throw new Error(`--seed takes a non-negative integer, got "${v}"\n${usage}`);
      seed = Number(v);
    } else if (a === "-h" || a === "--help") {
      process.stdout.write(usage + "\n");
      return 0;
    } else if (a.startsWith("-")) throw new Error(`unknown flag ${a}\n${usage}`);
    else if (file) throw new Error(`only one script file may be given\n${usage}`);
    else file = a;
  }
  if (!file) throw new Error(usage);
  if (!existsSync(file)) throw new Error(`lab: ${file}: no such file`);
  if (
    start !== undefined &&
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(start)
  ) {
    throw new Error(
      `--start takes an RFC 3339 instant such as 2026-01-05T00:00:00Z, got "${start}"`,
    );
  }
  process.stdout.write(runScript(file, { start, seed }));
  return 0;
}

try {
  if (process.argv[2] === "verify-pack") {
    void import("./verify-pack.ts").then(async (m) => {
      process.exitCode = await m.verifyPack(process.argv[3] ?? "");
    });
  } else process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
