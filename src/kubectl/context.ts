import type { Cluster } from "../cluster.ts";
import type { FlagSpec, Parsed } from "./flags.ts";
import type { Output } from "./output.ts";
import type { Process } from "./process.ts";

/** What a kubectl invocation can reach: the cluster, files, standard input. */
export interface KubectlContext {
  cluster: Cluster;
  /** Read a file named on the command line (`-f`); undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** List a directory's manifest files (`-f DIR`), or undefined when not a directory. */
  listDir?(path: string): string[] | undefined;
  /** Standard input (`-f -`), e.g. a pipe or the editor's current buffer. */
  stdin?: string;
  /** The UI can open `kubectl edit` in its editor (the headless runner cannot). */
  editor?: boolean;
  /** An upper bound for commands that wait inline (delete's wait): virtual ms. */
  waitLimitMs?: number;
}

/** How a positional argument completes (tab completion reads it from the registry). */
export type ArgCompletion = "resource" | "object" | "pod-or-type-name" | "none";

export interface Verb {
  name: string;
  aliases?: string[];
  short: string;
  usage: string;
  flags: FlagSpec[];
  /** What the positional arguments are, for completion (default: none). */
  args?: ArgCompletion;
  /** Sub-commands (`create job`, `create secret generic`, `top pods`) for help and completion. */
  subcommands?: string[];
  /** Not listed by `kubectl` help and `help` (kept only to print kubectl's own error). */
  hidden?: boolean;
  /** Runs the command; a long-running one returns its Process (watch, follow, wait). */
  run(ctx: KubectlContext, parsed: Parsed, out: Output): void | Process;
}

export function namespaceOf(parsed: Parsed): string {
  return (parsed.flags.namespace as string | undefined) ?? "default";
}
