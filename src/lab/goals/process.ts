import { parseLine } from "../commands.ts";
import { msg } from "../i18n/format.ts";
import type { UsedCommandGoal } from "../types.ts";
import type { GoalKind } from "./context.ts";

/**
 * A process goal: the learner ran a kubectl command (successfully). Used sparingly — goals are
 * about the cluster — for lessons whose point is a command (`logs`, `describe`, `create --from`).
 */
export const usedCommand: GoalKind<UsedCommandGoal> = {
  text(g) {
    const shown = [
      "kubectl",
      g.verb,
      ...(g.args ?? []),
      ...(g.flags ?? []).map((f) => `--${f}`),
    ].join(" ");
    return msg("goal.usedCommand", { command: shown });
  },
  evaluate(g, ctx) {
    let n = 0;
    for (const a of ctx.actions) {
      if (a.exitCode !== 0) continue;
      const p = parseLine(a.line);
      if (p.kind !== "kubectl" || p.verb !== g.verb) continue;
      const argOk = (g.args ?? []).every((want) =>
        p.args.some((x) => x === want || x.startsWith(`${want}/`) || x.startsWith(`${want}.`)),
      );
      const flagOk = (g.flags ?? []).every((f) => p.flags[f] !== undefined && p.flags[f] !== false);
      if (argOk && flagOk) n++;
    }
    if (n >= (g.min ?? 1)) return { met: true };
    return { met: false, expected: usedCommand.text(g), actual: msg("actual.notUsed") };
  },
};
