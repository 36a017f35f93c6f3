import type { Cluster } from "../cluster.ts";
import type { FlagSpec, Parsed } from "./flags.ts";
import type { Output } from "./output.ts";

/** What a kubectl invocation can reach: the cluster, files, standard input. */
export interface KubectlContext {
  cluster: Cluster;
  /** Read a file named on the command line (`-f`); undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** List a directory's manifest files (`-f DIR`), or undefined when not a directory. */
  listDir?(path: string): string[] | undefined;
  /** Standard input (`-f -`), e.g. a pipe or the editor's current buffer. */
  stdin?: string;
  /** An upper bound for commands that wait (watch, follow): virtual ms. */
  waitLimitMs?: number;
}

export interface Verb {
  name: string;
  aliases?: string[];
  short: string;
  usage: string;
  flags: FlagSpec[];
  run(ctx: KubectlContext, parsed: Parsed, out: Output): void;
}

export function namespaceOf(parsed: Parsed): string {
  return (parsed.flags.namespace as string | undefined) ?? "default";
}
