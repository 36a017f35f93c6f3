import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { PackSource } from "../lab/loader.ts";
import { formatReport, verifyPackSource, type PackReport } from "../lab/verify.ts";

/** A pack source over a folder on disk; paths may not climb out of it. */
export function fsSource(dir: string): PackSource {
  const root = resolve(dir);
  return {
    read(p) {
      const full = resolve(join(root, p));
      if (full !== root && !full.startsWith(root + sep)) return Promise.resolve(undefined);
      if (!existsSync(full) || !statSync(full).isFile()) return Promise.resolve(undefined);
      return Promise.resolve(readFileSync(full, "utf8"));
    },
  };
}

/**
 * `npm run -s lab -- verify-pack PATH`: load the pack in PATH, check it against the schema, run
 * every exercise's reference and wrong solutions, print the per-exercise report. Resolves to the
 * exit code (0 when every non-draft exercise passes).
 */
export async function verifyPack(
  path: string,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    write(`verify-pack: ${path}: no such pack folder\n`);
    return 2;
  }
  const report: PackReport = await verifyPackSource(fsSource(path));
  write(formatReport(report));
  return report.ok ? 0 : 1;
}
