import { parseLine } from "../../src/lab/index.ts";
import { runnableCommand } from "./markdown.ts";

/** Placeholders a learner is meant to fill in (`NAME`, `IMAGE`, `<pod>`, `…`). */
const PLACEHOLDER = /(^|[\s=/])([A-Z][A-Z_-]{2,}|<[^>]+>)(?=$|[\s,=/])|…|\.\.\./;
const TARGET_FLAGS = ["filename", "f", "selector", "l", "from", "all", "A", "all-namespaces"];

/**
 * The command a ▶ button may run: a whole kubectl line (it parses as the terminal would parse
 * it, names what it acts on, and has no placeholder left to fill in), not a fragment of one.
 */
export function demoCommand(text: string): string | undefined {
  const line = runnableCommand(text);
  if (!line || PLACEHOLDER.test(line)) return undefined;
  const p = parseLine(line);
  if (p.kind !== "kubectl") return undefined;
  const hasTarget = TARGET_FLAGS.some((f) => p.flags[f] !== undefined && p.flags[f] !== false);
  const need = p.verb === "create" ? 2 : 1;
  return p.args.length >= need || hasTarget ? line : undefined;
}
