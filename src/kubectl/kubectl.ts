import { applyVerb } from "./apply.ts";
import type { KubectlContext, Verb } from "./context.ts";
import { createVerb, versionVerb } from "./create.ts";
import { deleteVerb } from "./delete.ts";
import { describeVerb } from "./describe.ts";
import { parseFlags } from "./flags.ts";
import { getVerb } from "./get.ts";
import { logsVerb } from "./logs.ts";
import { Output, type CommandResult } from "./output.ts";
import { waitVerb } from "./wait.ts";

/** The verb registry: usage, flags and the run function in one place (help and completion read it). */
export const verbs: readonly Verb[] = [
  applyVerb,
  createVerb,
  getVerb,
  describeVerb,
  logsVerb,
  deleteVerb,
  waitVerb,
  versionVerb,
];

export function findVerb(name: string): Verb | undefined {
  return verbs.find((v) => v.name === name || v.aliases?.includes(name));
}

function help(v: Verb): string {
  const lines = [v.short + ".", "", "Usage:", `  ${v.usage}`, "", "Options:"];
  for (const f of v.flags)
    lines.push(`    ${f.short ? `-${f.short}, ` : ""}--${f.name}: ${f.usage}`);
  return lines.join("\n") + "\n";
}

/** Run `kubectl <words…>` against the context's cluster. */
export function runKubectl(ctx: KubectlContext, words: string[]): CommandResult {
  const out = new Output();
  const [name, ...rest] = words;
  if (!name) {
    out.out(
      "kubectl controls the Kubernetes cluster manager.\n\nBasic Commands:\n" +
        verbs.map((v) => `  ${v.name.padEnd(14)}${v.short}`).join("\n") +
        "\n",
    );
    return out.result();
  }
  const verb = findVerb(name);
  if (!verb) {
    out.fail(`error: unknown command "${name}" for "kubectl"`);
    return out.result();
  }
  const parsed = parseFlags(rest, verb.flags, verb.name);
  if ("error" in parsed) {
    out.fail(parsed.error);
    return out.result();
  }
  if (parsed.flags.help) {
    out.out(help(verb));
    return out.result();
  }
  try {
    verb.run(ctx, parsed, out);
  } catch (e) {
    // The lab never throws at the learner: an internal failure is reported like a client error.
    out.fail(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out.result();
}
