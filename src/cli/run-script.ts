import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createCluster } from "../cluster.ts";
import { Session } from "../kubectl/session.ts";

export interface RunOptions {
  start?: string;
  seed?: number;
}

/**
 * Run a lab script and return its transcript: `$ <line>` for each command line, then what the
 * command wrote (stdout and stderr in order). Paths in `-f` resolve against the script's folder.
 */
export function runScript(file: string, opts: RunOptions = {}): string {
  const text = readFileSync(file, "utf8");
  const base = dirname(resolve(file));
  const cluster = createCluster({ start: opts.start, seed: opts.seed });
  const session = new Session({
    cluster,
    readFile: (p) => {
      const full = resolve(base, p);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
    },
    listDir: (p) => {
      const full = resolve(base, p);
      if (!existsSync(full) || !statSync(full).isDirectory()) return undefined;
      return readdirSync(full)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => join(p, f));
    },
  });
  let transcript = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    transcript += `$ ${line}\n`;
    const r = session.exec(line);
    for (const c of r.chunks) transcript += c.text;
  }
  return transcript;
}
