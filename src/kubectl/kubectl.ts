import { applyVerb } from "./apply.ts";
import type { KubectlContext, Verb } from "./context.ts";
import { createVerb } from "./create.ts";
import { deleteVerb } from "./delete.ts";
import { describeVerb } from "./describe.ts";
import { editVerb } from "./edit.ts";
import { explainVerb } from "./explain.ts";
import { parseFlags } from "./flags.ts";
import { getVerb } from "./get.ts";
import { flagHint } from "./hints.ts";
import { annotateVerb, labelVerb } from "./label.ts";
import { logsVerb } from "./logs.ts";
import {
  apiResourcesVerb,
  clusterInfoVerb,
  portForwardVerb,
  topVerb,
  versionVerb,
} from "./misc-verbs.ts";
import { Output, type CommandResult } from "./output.ts";
import { patchVerb } from "./patch.ts";
import type { Process } from "./process.ts";
import { runVerb } from "./run.ts";
import { waitVerb } from "./wait.ts";

/** The verb registry: usage, flags and the run function in one place (help and completion read it). */
export const verbs: readonly Verb[] = [
  createVerb,
  explainVerb,
  getVerb,
  runVerb,
  editVerb,
  deleteVerb,
  applyVerb,
  patchVerb,
  labelVerb,
  annotateVerb,
  describeVerb,
  logsVerb,
  waitVerb,
  topVerb,
  clusterInfoVerb,
  apiResourcesVerb,
  portForwardVerb,
  versionVerb,
];

/** Every kubectl v1.34 command, for cobra's "Did you mean this?" and the lab's own message. */
export const KUBECTL_COMMANDS = [
  "annotate",
  "api-resources",
  "api-versions",
  "apply",
  "attach",
  "auth",
  "autoscale",
  "certificate",
  "cluster-info",
  "completion",
  "config",
  "cordon",
  "cp",
  "create",
  "debug",
  "delete",
  "describe",
  "diff",
  "drain",
  "edit",
  "events",
  "exec",
  "explain",
  "expose",
  "get",
  "help",
  "kustomize",
  "label",
  "logs",
  "options",
  "patch",
  "plugin",
  "port-forward",
  "proxy",
  "replace",
  "rollout",
  "run",
  "scale",
  "set",
  "taint",
  "top",
  "uncordon",
  "version",
  "wait",
];

export function findVerb(name: string): Verb | undefined {
  return verbs.find((v) => v.name === name || v.aliases?.includes(name));
}

/** Levenshtein distance, case-insensitive (cobra `ld`). */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length][b.length];
}

/** cobra `SuggestionsFor`: distance ≤ 2 or a prefix of a command name. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  return names.filter(
    (n) => distance(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()),
  );
}

function help(v: Verb): string {
  const lines = [v.short + ".", ""];
  if (v.subcommands?.length) {
    lines.push("Available Commands:");
    for (const s of v.subcommands) lines.push(`  ${s}`);
    lines.push("");
  }
  lines.push("Options:");
  for (const f of v.flags) {
    const def =
      f.default !== undefined
        ? `=${JSON.stringify(f.default)}`
        : f.type === "bool"
          ? "=false"
          : "=''";
    lines.push(
      `    ${f.short ? `-${f.short}, ` : ""}--${f.name}${def.replace(/^="(.*)"$/, "='$1'")}:`,
    );
    lines.push(`\t${f.usage}`, "");
  }
  lines.push("Usage:", `  ${v.usage}`, "");
  lines.push(
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
  );
  return lines.join("\n") + "\n";
}

/**
 * The groups of kubectl's root help, in its order (k8s.io/kubectl `pkg/cmd/cmd.go`
 * `templates.CommandGroups`); commands in no group are cobra's "Other Commands".
 */
const HELP_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ["Basic Commands (Beginner):", ["create", "expose", "run", "set"]],
  ["Basic Commands (Intermediate):", ["explain", "get", "edit", "delete"]],
  ["Deploy Commands:", ["rollout", "scale", "autoscale"]],
  [
    "Cluster Management Commands:",
    ["certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint"],
  ],
  [
    "Troubleshooting and Debugging Commands:",
    [
      "describe",
      "logs",
      "attach",
      "exec",
      "port-forward",
      "proxy",
      "cp",
      "auth",
      "debug",
      "events",
    ],
  ],
  ["Advanced Commands:", ["diff", "apply", "patch", "replace", "wait", "kustomize"]],
  ["Settings Commands:", ["label", "annotate", "completion"]],
];

/**
 * `kubectl --help`: kubectl's grouped listing (templater `cmdGroupsString`: two spaces, the name
 * padded to cobra's `NamePadding` of 15, a space, the short text), restricted to the commands
 * the lab simulates.
 */
function rootHelp(): string {
  const shown = verbs.filter((v) => !v.hidden);
  const grouped = new Set(HELP_GROUPS.flatMap(([, names]) => names));
  const sections = [
    ...HELP_GROUPS.map(([title, names]) => ({
      title,
      list: names.map((n) => shown.find((v) => v.name === n)).filter((v) => v !== undefined),
    })),
    {
      title: "Other Commands:",
      list: shown.filter((v) => !grouped.has(v.name)).sort((a, b) => (a.name < b.name ? -1 : 1)),
    },
  ].filter((s) => s.list.length);
  return (
    "kubectl controls the Kubernetes cluster manager.\n\n" +
    " Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n" +
    sections
      .map(
        (s) => `${s.title}\n${s.list.map((v) => `  ${v.name.padEnd(15)} ${v.short}\n`).join("")}`,
      )
      .join("\n") +
    "\nUsage:\n  kubectl [flags] [options]\n\n" +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}

/**
 * Start `kubectl <words…>`: writes to `out` and returns the Process of a long-running command
 * (`get -w`, `logs -f`, `wait`), which the caller drives or polls.
 */
export function startKubectl(
  ctx: KubectlContext,
  words: string[],
  out: Output,
): Process | undefined {
  const [name, ...rest] = words;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    out.out(rootHelp());
    return undefined;
  }
  const verb = findVerb(name);
  if (!verb) {
    if (KUBECTL_COMMANDS.includes(name)) {
      out.fail(
        `error: "kubectl ${name}" is not available in this lab (Batch Lab simulates: ${verbs
          .filter((v) => !v.hidden)
          .map((v) => v.name)
          .join(", ")})`,
      );
      return undefined;
    }
    const sugg = name.startsWith("-") ? [] : suggestionsFor(name, KUBECTL_COMMANDS);
    out.fail(
      `error: unknown command "${name}" for "kubectl"` +
        (sugg.length ? `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join("")}` : ""),
    );
    return undefined;
  }
  const parsed = parseFlags(rest, verb.flags, verb.name);
  if ("error" in parsed) {
    out.fail(parsed.error);
    const hint = flagHint(verb.name, parsed.error);
    if (hint) out.err(hint);
    return undefined;
  }
  if (parsed.flags.help) {
    out.out(help(verb));
    return undefined;
  }
  try {
    return verb.run(ctx, parsed, out) ?? undefined;
  } catch (e) {
    // The lab never throws at the learner: an internal failure is reported like a client error.
    out.fail(`error: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Run `kubectl <words…>` to completion without moving time (tests; long-running verbs stop at once). */
export function runKubectl(ctx: KubectlContext, words: string[]): CommandResult {
  const out = new Output();
  const p = startKubectl(ctx, words, out);
  if (p && !p.tick()) p.stop("interrupt");
  return out.result();
}
