import { msg, render, renderText, type Msg } from "../i18n/format.ts";
import type { Goal, GoalType } from "../types.ts";
import type { GoalContext, GoalKind, GoalResult } from "./context.ts";
import { cronJobRuns, cronJobSkipped, eventSeen, fieldHeld, jobFinished } from "./history.ts";
import { jobCondition, objectCount, objectExists } from "./objects.ts";
import { backoffDoubled, logsContain, maxActive, podCount } from "./pods.ts";
import { usedCommand } from "./process.ts";

/** The goal vocabulary: every check an exercise can ask for. Packs name entries; they add none. */
export const GOAL_KINDS: { [T in GoalType]: GoalKind<Extract<Goal, { type: T }>> } = {
  objectExists,
  objectCount,
  jobCondition,
  podCount,
  cronJobRuns,
  cronJobSkipped,
  eventSeen,
  logsContain,
  jobFinished,
  backoffDoubled,
  maxActive,
  fieldHeld,
  usedCommand,
};

/** A goal as the lesson panel shows it. */
export interface GoalStatus {
  id: string;
  type: GoalType;
  /** The goal in the learner's language. */
  text: string;
  met: boolean;
  /** When unmet: what was expected and what was found, in words. */
  expected?: string;
  actual?: string;
  /** `expected …, found …` in one sentence. */
  detail?: string;
}

function kindOf(g: Goal): GoalKind<Goal> {
  return GOAL_KINDS[g.type];
}

/** Evaluate one goal; a goal that throws (a simulator bug) is reported unmet, never crashes. */
export function evaluateGoal(g: Goal, ctx: GoalContext): GoalResult {
  try {
    return kindOf(g).evaluate(g, ctx);
  } catch (e) {
    return {
      met: false,
      actual: msg("actual.error", { message: e instanceof Error ? e.message : String(e) }),
    };
  }
}

/** The goal's default wording as a message (packs may override it per locale). */
export function goalText(g: Goal): Msg {
  return kindOf(g).text(g);
}

/**
 * Evaluate every goal of an exercise against the cluster, its history and the learner's commands,
 * rendered in `locale`. `overrides` are the exercise's own wordings by goal id; they may use the
 * goal's parameters (`{job}`, `{equals}`…).
 */
export function evaluateGoals(
  goals: readonly Goal[],
  ctx: GoalContext,
  locale: string,
  overrides: Record<string, string> = {},
): GoalStatus[] {
  return goals.map((g) => {
    const r = evaluateGoal(g, ctx);
    const own = overrides[g.id];
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(g))
      if (typeof v === "string" || typeof v === "number") params[k] = v;
    const text = own !== undefined ? renderText(locale, own, params) : render(locale, goalText(g));
    const status: GoalStatus = { id: g.id, type: g.type, text, met: r.met };
    if (!r.met) {
      if (r.expected) status.expected = render(locale, r.expected);
      if (r.actual) status.actual = render(locale, r.actual);
      status.detail = render(
        locale,
        r.expected && r.actual
          ? msg("detail", { expected: r.expected, actual: r.actual })
          : r.actual
            ? msg("detail.actual", { actual: r.actual })
            : msg("detail.unmet"),
      );
    }
    return status;
  });
}

export type { GoalContext, GoalResult, Action } from "./context.ts";
