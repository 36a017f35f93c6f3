import { useState } from "react";
import type { Exercise, Pack } from "../../src/lab/index.ts";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";
import { useLabActions } from "../state/hooks.ts";
import { GoalList } from "./GoalList.tsx";
import { useLesson, useLessonController } from "./LessonContext.tsx";
import { Markdown } from "./Markdown.tsx";
import { exerciseStrings, position } from "./pack-view.ts";

function Hints({ exercise, hints }: { exercise: Exercise; hints: readonly string[] }) {
  const t = useT();
  const controller = useLessonController();
  const actions = useLabActions();
  const shown = useLesson((s) => s.progress.exercises[exercise.id]?.hints ?? 0);
  const visible = hints.slice(0, shown);
  if (hints.length === 0) return null;
  return (
    <section className="lesson__section" aria-labelledby="lesson-hints">
      <h3 className="lesson__heading" id="lesson-hints">
        {t("lesson.hints")}
        <span className="lesson__count">
          {visible.length}/{hints.length}
        </span>
      </h3>
      {visible.length > 0 && (
        <ol className="hints" data-testid="hints">
          {visible.map((h, i) => (
            <li key={i} className="hint">
              <Markdown source={h} onRun={(c) => void actions.typeInTerminal(c)} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button
          type="button"
          className="btn btn--quiet"
          onClick={() => controller.showHint()}
          data-testid="show-hint"
        >
          {visible.length === 0
            ? t("lesson.showHint")
            : t("lesson.nextHint", { n: shown + 1, total: hints.length })}
        </button>
      )}
    </section>
  );
}

/** The solution replay: a confirmation first, then a progress line while the steps run. */
function Solution() {
  const t = useT();
  const controller = useLessonController();
  const replay = useLesson((s) => s.replay);
  const [asking, setAsking] = useState(false);
  if (replay) {
    return (
      <div className="solution solution--running" role="status" data-testid="solution-progress">
        <span className="solution__spinner" aria-hidden="true" />
        {t("lesson.solutionStep", { step: replay.step, total: replay.total })}
        <button type="button" className="btn btn--quiet" onClick={() => controller.stopSolution()}>
          {t("lesson.stop")}
        </button>
      </div>
    );
  }
  if (asking) {
    return (
      <div className="solution solution--confirm" role="alertdialog" aria-labelledby="solution-q">
        <p id="solution-q">{t("lesson.solutionConfirm")}</p>
        <div className="solution__buttons">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setAsking(false);
              void controller.showSolution();
            }}
            data-testid="solution-confirm"
          >
            {t("lesson.solutionYes")}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setAsking(false)}>
            {t("lesson.cancel")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="btn btn--quiet"
      onClick={() => setAsking(true)}
      data-testid="show-solution"
    >
      {t("lesson.showSolution")}
    </button>
  );
}

/** One exercise: what to do, the goals ticking live, hints, the solution, what was learned. */
export function ExerciseView({ pack, exercise }: { pack: Pack; exercise: Exercise }) {
  const t = useT();
  const [locale] = useLocale();
  const controller = useLessonController();
  const actions = useLabActions();
  const goals = useLesson((s) => s.goals);
  const allMet = useLesson((s) => s.allMet);
  const words = exerciseStrings(pack, exercise, locale);
  const where = position(pack, exercise.id, locale);
  const prev = controller.neighbour(-1);
  const next = controller.neighbour(1);
  const run = (c: string) => void actions.typeInTerminal(c);
  return (
    <article className="exercise" data-testid="exercise" data-exercise={exercise.id}>
      <div className="lesson__scroll">
        {where && (
          <p className="exercise__crumb">
            {t("lesson.chapterCrumb", {
              chapter: where.chapter.id,
              title: where.chapter.title,
              n: where.index,
              total: where.chapter.exercises.length,
            })}
          </p>
        )}
        <h2 className="exercise__title" data-testid="exercise-title">
          {words.title}
          {exercise.status === "draft" && (
            <span className="tag tag--draft" title={exercise.draftReason}>
              {t("lesson.draft")}
            </span>
          )}
        </h2>
        <Markdown source={words.intro} onRun={run} className="exercise__intro" />
        {allMet && (
          <section className="learned" data-testid="learned" aria-labelledby="lesson-learned">
            <h3 className="learned__title" id="lesson-learned">
              <span aria-hidden="true">✓ </span>
              {t("lesson.solved")}
            </h3>
            <p className="learned__sub">{t("lesson.learned")}</p>
            <Markdown source={words.learned} />
            {next && (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => controller.start(next)}
                data-testid="learned-next"
              >
                {t("lesson.nextExercise")} →
              </button>
            )}
          </section>
        )}
        <GoalList goals={goals} />
        <Hints exercise={exercise} hints={words.hints} />
        <section className="lesson__section lesson__tools">
          <Solution />
          <button
            type="button"
            className="btn btn--quiet"
            onClick={() => controller.resetExercise()}
            data-testid="reset-exercise"
            title={t("lesson.resetTitle")}
          >
            {t("lesson.reset")}
          </button>
        </section>
      </div>
      <nav className="exercise__nav" aria-label={t("lesson.exerciseNav")}>
        <button
          type="button"
          className="btn"
          disabled={!prev}
          onClick={() => prev && controller.start(prev)}
          data-testid="prev-exercise"
        >
          ← {t("lesson.previous")}
        </button>
        <button
          type="button"
          className={`btn ${allMet ? "btn--primary" : ""}`}
          disabled={!next}
          onClick={() => next && controller.start(next)}
          data-testid="next-exercise"
        >
          {t("lesson.next")} →
        </button>
      </nav>
    </article>
  );
}
