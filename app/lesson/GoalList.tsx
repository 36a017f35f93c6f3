import type { GoalStatus } from "../../src/lab/index.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { InlineMarkdown } from "./Markdown.tsx";

/** The exercise's goals, ticking live; an unmet goal says what it expects and what it found. */
export function GoalList({ goals }: { goals: readonly GoalStatus[] }) {
  const t = useT();
  const met = goals.filter((g) => g.met).length;
  return (
    <section className="lesson__section" aria-labelledby="lesson-goals">
      <h3 className="lesson__heading" id="lesson-goals">
        {t("lesson.goals")}
        <span className="lesson__count" data-testid="goals-count">
          {t("lesson.goalsMet", { met, total: goals.length })}
        </span>
      </h3>
      <ul className="goals" data-testid="goals">
        {goals.map((g) => (
          <li
            key={g.id}
            className={`goal ${g.met ? "goal--met" : "goal--unmet"}`}
            data-testid="goal"
            data-goal={g.id}
            data-met={g.met}
          >
            <span className="goal__check" aria-hidden="true">
              {g.met ? "✓" : ""}
            </span>
            <div className="goal__body">
              <span className="goal__text">
                <span className="visually-hidden">
                  {g.met ? t("lesson.goalMet") : t("lesson.goalUnmet")}:{" "}
                </span>
                <InlineMarkdown source={g.text} />
              </span>
              {!g.met && (g.expected || g.actual) && (
                <dl className="goal__detail md" data-testid="goal-detail">
                  {/* When the expectation is the goal's own wording, it is not said twice. */}
                  {g.expected && g.expected !== g.text && (
                    <div>
                      <dt>{t("lesson.expected")}</dt>
                      <dd data-testid="goal-expected">
                        <InlineMarkdown source={g.expected} />
                      </dd>
                    </div>
                  )}
                  {g.actual && (
                    <div className="goal__found">
                      <dt>{t("lesson.found")}</dt>
                      <dd data-testid="goal-actual">
                        <InlineMarkdown source={g.actual} />
                      </dd>
                    </div>
                  )}
                </dl>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
