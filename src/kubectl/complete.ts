import { resourceTypes } from "../api/resources.ts";
import type { Cluster } from "../cluster.ts";
import { globalFlags, type FlagSpec } from "./flags.ts";
import { findVerb, verbs } from "./kubectl.ts";
import { lookupType } from "./kinds.ts";
import { PIPE_COMMANDS } from "./pipes.ts";

/**
 * Tab completion for the terminal, from the same registry help and errors use: the word under
 * the cursor is replaced by one of `candidates` (sorted); `from` is where that word starts.
 */
export interface Completion {
  from: number;
  candidates: string[];
}

export const SHELL_COMMANDS = [
  "kubectl",
  "sleep",
  "timeout",
  "watch",
  "date",
  "echo",
  "clear",
  "help",
];

/** Values of flags whose answers are a fixed list. */
const flagValues: Record<string, string[]> = {
  output: ["json", "yaml", "name", "wide", "jsonpath=", "jsonpath-as-json=", "custom-columns="],
  type: ["json", "merge", "strategic"],
  cascade: ["background", "foreground", "orphan"],
  "dry-run": ["none", "client", "server"],
  restart: ["Never", "OnFailure", "Always"],
  for: [
    "condition=complete",
    "condition=failed",
    "condition=Ready",
    "delete",
    "create",
    "jsonpath=",
  ],
};

function typeNames(): string[] {
  return resourceTypes.flatMap((r) => [r.plural, ...r.shortNames]);
}

function words(text: string): { words: string[]; current: string; from: number } {
  const parts: string[] = [];
  let word = "";
  let start = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
      else word += ch;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === " " || ch === "\t") {
      if (word) parts.push(word);
      word = "";
      start = i + 1;
    } else if (ch === "|") {
      parts.length = 0;
      parts.push("|");
      word = "";
      start = i + 1;
    } else word += ch;
  }
  return { words: parts, current: word, from: start };
}

const match = (prefix: string, list: Iterable<string>) =>
  [...new Set(list)].filter((c) => c.startsWith(prefix)).sort();

function namesOf(cluster: Cluster, type: string, ns: string): string[] {
  const rt = lookupType(type);
  if (!rt) return [];
  return cluster.store.list(rt.kind, rt.namespaced ? ns : undefined).map((o) => o.metadata.name!);
}

/** Candidates for the word at `cursor` in `line`. */
export function complete(line: string, cursor: number, cluster: Cluster): Completion {
  const { words: before, current, from } = words(line.slice(0, cursor));
  const none = { from, candidates: [] };
  if (before[0] === "|") {
    return before.length === 1
      ? { from, candidates: match(current, Object.keys(PIPE_COMMANDS)) }
      : none;
  }
  // `timeout 30s kubectl …` and `watch -n 5 kubectl …` complete like the command they wrap.
  let ws = before;
  while (ws[0] === "timeout" || ws[0] === "watch") {
    let i = 1;
    while (ws[i]?.startsWith("-")) i += ws[i] === "-n" ? 2 : 1;
    if (ws[0] === "timeout") i++;
    if (ws.length < i) return none;
    ws = ws.slice(i);
  }
  if (ws.length === 0) return { from, candidates: match(current, SHELL_COMMANDS) };
  if (ws[0] !== "kubectl" && ws[0] !== "k") return none;
  if (ws.length === 1)
    return {
      from,
      candidates: match(
        current,
        verbs.filter((v) => !v.hidden).map((v) => v.name),
      ),
    };
  const verb = findVerb(ws[1]);
  if (!verb) return none;
  const flags: FlagSpec[] = [...verb.flags, ...globalFlags];
  const ns = (() => {
    for (let i = 2; i < ws.length; i++) {
      if (ws[i] === "-n" || ws[i] === "--namespace") return ws[i + 1] ?? "default";
      if (ws[i].startsWith("--namespace=")) return ws[i].slice(12);
    }
    return "default";
  })();
  if (current.startsWith("--") && current.includes("=")) {
    const name = current.slice(2, current.indexOf("="));
    const vals = flagValues[name] ?? [];
    return {
      from,
      candidates: match(
        current,
        vals.map((v) => `--${name}=${v}`),
      ),
    };
  }
  if (current.startsWith("-"))
    return {
      from,
      candidates: match(
        current,
        flags.flatMap((f) => [
          `--${f.name}`,
          ...(f.short && current.length <= 2 ? [`-${f.short}`] : []),
        ]),
      ),
    };
  // A value for the flag just before the cursor?
  const prev = ws[ws.length - 1];
  const prevFlag = prev.startsWith("--")
    ? flags.find((f) => f.name === prev.slice(2))
    : prev.startsWith("-") && prev.length === 2
      ? flags.find((f) => f.short === prev[1])
      : undefined;
  if (prevFlag && prevFlag.type !== "bool") {
    if (prevFlag.name === "namespace")
      return {
        from,
        candidates: match(current, [
          "default",
          ...cluster.store.list("Namespace").map((o) => o.metadata.name!),
        ]),
      };
    return { from, candidates: match(current, flagValues[prevFlag.name] ?? []) };
  }
  // Positional arguments (flags and their values skipped).
  const positional: string[] = [];
  for (let i = 2; i < ws.length; i++) {
    const w = ws[i];
    if (w.startsWith("-")) {
      const f = w.startsWith("--")
        ? flags.find((x) => x.name === w.slice(2))
        : flags.find((x) => x.short === w[1] && w.length === 2);
      if (f && f.type !== "bool" && !w.includes("=")) i++;
      continue;
    }
    positional.push(w);
  }
  if (verb.subcommands?.length && positional.length === 0)
    return {
      from,
      candidates: match(
        current,
        verb.subcommands.map((s) => s.split(" ")[0]),
      ),
    };
  if (verb.name === "create" && positional[0] === "secret" && positional.length === 1)
    return { from, candidates: match(current, ["generic"]) };
  const mode = verb.args ?? "none";
  if (mode === "none") return none;
  if (current.includes("/")) {
    const type = current.slice(0, current.indexOf("/"));
    return {
      from,
      candidates: match(
        current,
        namesOf(cluster, type, ns).map((n) => `${type}/${n}`),
      ),
    };
  }
  if (mode === "pod-or-type-name" && positional.length === 0)
    return { from, candidates: match(current, [...namesOf(cluster, "pods", ns), "job/", "pod/"]) };
  if (positional.length === 0) return { from, candidates: match(current, typeNames()) };
  if (mode === "resource" || mode === "object") {
    const type = positional[0].split(",")[0];
    if (positional[0].includes("/")) return none;
    return { from, candidates: match(current, namesOf(cluster, type, ns)) };
  }
  return none;
}
