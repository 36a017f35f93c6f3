import { parseFlags, type FlagValues } from "../kubectl/flags.ts";
import { findVerb } from "../kubectl/kubectl.ts";
import { tokenize } from "../kubectl/tokenize.ts";
import { parseDuration } from "./goals/context.ts";

/** The terminal's own commands besides kubectl, and what a pipe may feed (src/kubectl/session.ts). */
const BUILTINS = ["sleep", "date", "echo", "clear", "help", "timeout", "watch"];
const FILTERS = ["grep", "egrep", "head", "tail", "wc", "sort"];

/** A terminal line understood without running it. */
export type ParsedLine =
  | { kind: "empty" }
  | { kind: "kubectl"; verb: string; args: string[]; flags: FlagValues; words: string[] }
  | { kind: "builtin"; name: string; words: string[] }
  | { kind: "error"; message: string };

/**
 * Parse a line as the lab's terminal would, through the same tokenizer and the same kubectl verb
 * registry and flag parser (so an unknown verb or flag is an error here exactly when it would be
 * one in the terminal). Only the first pipe stage is kubectl; later stages must be filters.
 */
export function parseLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return { kind: "empty" };
  const tok = tokenize(trimmed);
  if ("error" in tok) return { kind: "error", message: `sh: syntax error: ${tok.error}` };
  const [first, ...pipes] = tok.words;
  for (const stage of pipes) {
    const name = stage[0] ?? "";
    if (!FILTERS.includes(name))
      return { kind: "error", message: `sh: ${name}: not available after a pipe in this lab` };
  }
  let [cmd, ...rest] = first;
  // `timeout 30s kubectl get pods -w` and `watch kubectl get pods`: check the wrapped command.
  if (cmd === "timeout" && rest.length > 1 && parseDuration(rest[0]) !== undefined)
    [cmd, ...rest] = rest.slice(1);
  else if (cmd === "watch" && rest.length > 0) [cmd, ...rest] = rest;
  if (cmd === "kubectl" || cmd === "k") {
    const [verbName, ...words] = rest;
    if (!verbName) return { kind: "builtin", name: "kubectl", words: first };
    const verb = findVerb(verbName);
    if (!verb)
      return { kind: "error", message: `error: unknown command "${verbName}" for "kubectl"` };
    const parsed = parseFlags(words, verb.flags, verb.name);
    if ("error" in parsed) return { kind: "error", message: parsed.error };
    return {
      kind: "kubectl",
      verb: verb.name,
      args: parsed.args,
      flags: parsed.flags,
      words: first,
    };
  }
  if (cmd === "sleep") {
    if (
      rest[0] === undefined ||
      !(/^\d+(\.\d+)?$/.test(rest[0]) || parseDuration(rest[0]) !== undefined)
    )
      return { kind: "error", message: `sleep: invalid number '${rest[0] ?? ""}'` };
    return { kind: "builtin", name: cmd, words: first };
  }
  if (BUILTINS.includes(cmd)) return { kind: "builtin", name: cmd, words: first };
  return { kind: "error", message: `sh: ${cmd}: not available in this lab` };
}

/** Messages kubectl prints when a command line itself is wrong (as opposed to the cluster refusing). */
const USAGE_ERRORS = [
  /^error: unknown command "/m,
  /^error: unknown flag: /m,
  /^error: unknown shorthand flag: /m,
  /^error: flag needs an argument: /m,
  /^error: invalid argument "/m,
  /^sh: .*: not available/m,
  /^sh: syntax error/m,
];

/** Whether a command's output says the command line was not valid kubectl. */
export function isUsageError(output: string): boolean {
  return USAGE_ERRORS.some((r) => r.test(output));
}

/** The words a blocked/allowed rule is made of: `kubectl run`, `kubectl delete job`. */
function ruleWords(rule: string): string[] {
  return rule.trim().split(/\s+/);
}

function lineWords(line: string): string[] {
  const tok = tokenize(line.trim());
  if ("error" in tok) return [];
  const w = unwrap([...(tok.words[0] ?? [])]);
  if (w[0] === "k") w[0] = "kubectl";
  // Resolve verb aliases so that a rule on "kubectl logs" also holds for "kubectl log".
  if (w[0] === "kubectl" && w[1] !== undefined) w[1] = findVerb(w[1])?.name ?? w[1];
  return w.filter((x) => !x.startsWith("-"));
}

/** The command `timeout D …` and `watch [-n N] …` run (so a rule holds for them too). */
function unwrap(w: string[]): string[] {
  for (let n = 0; n < 8 && (w[0] === "timeout" || w[0] === "watch"); n++) {
    let i = 1;
    const withArg = w[0] === "timeout" ? ["-s", "-k"] : ["-n", "--interval"];
    for (; w[i]?.startsWith("-"); i++) if (withArg.includes(w[i])) i++;
    if (w[0] === "timeout") i++; // the duration
    if (w[i] === undefined) return w;
    w = w.slice(i);
  }
  return w;
}

const startsWith = (words: string[], rule: string[]) => rule.every((r, i) => words[i] === r);

/** The exercise's rule that refuses this line, if any. `allowed` lists what is permitted. */
export function blockedBy(
  line: string,
  rules: { allowed?: string[]; blocked?: string[] },
): string | undefined {
  const words = lineWords(line);
  if (words.length === 0) return undefined;
  for (const r of rules.blocked ?? []) if (startsWith(words, ruleWords(r))) return r;
  if (rules.allowed && !["sleep", "date", "help", "clear", "echo"].includes(words[0]))
    if (!rules.allowed.some((r) => startsWith(words, ruleWords(r))))
      return words.slice(0, 2).join(" ");
  return undefined;
}

/** Command lines quoted in Markdown (inline code and fenced blocks) that start with kubectl. */
export function commandsInMarkdown(md: string): string[] {
  const out: string[] = [];
  const fences = /```[^\n]*\n([\s\S]*?)```/g;
  for (const m of md.matchAll(fences))
    for (const l of m[1].split("\n")) {
      const line = l.replace(/^\$\s*/, "").trim();
      if (/^(kubectl|k)\s/.test(line)) out.push(line);
    }
  const withoutFences = md.replace(fences, "");
  for (const m of withoutFences.matchAll(/`([^`\n]+)`/g)) {
    const line = m[1].replace(/^\$\s*/, "").trim();
    if (/^kubectl\s/.test(line)) out.push(line);
  }
  return out;
}
