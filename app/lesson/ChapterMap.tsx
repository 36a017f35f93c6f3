import { useEffect, useRef } from "react";
import type { Pack } from "../../src/lab/index.ts";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";
import { useLesson, useLessonController } from "./LessonContext.tsx";
import { InstructorsDoc } from "./InstructorsDoc.tsx";
import { Markdown } from "./Markdown.tsx";
import { chapters, exerciseStrings, packStrings } from "./pack-view.ts";
import { doneCount } from "./progress.ts";
import { ProgressTransfer } from "./ProgressTransfer.tsx";

/** The course at a glance: chapters, their exercises with ticks, the sandbox, progress. */
export function ChapterMap({ pack, onPicked }: { pack: Pack; onPicked: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const controller = useLessonController();
  const progress = useLesson((s) => s.progress);
  const current = useLesson((s) => s.current);
  const words = packStrings(pack, locale);
  const all = pack.exercises.map((e) => e.id);
  const done = doneCount(progress, all);
  const list = useRef<HTMLOListElement>(null);
  // Opened from an exercise: show where the learner is.
  useEffect(() => {
    list.current?.querySelector("[aria-current='step']")?.scrollIntoView({ block: "center" });
  }, []);
  const pick = (id: string | undefined) => {
    if (id === undefined) {
      if (current !== undefined) controller.sandbox();
    } else if (id !== current) controller.start(id);
    onPicked();
  };
  return (
    <div className="lesson__scroll chapter-map" data-testid="chapter-map">
      <h2 className="chapter-map__title">{words.title}</h2>
      {words.description && <p className="chapter-map__desc">{words.description}</p>}
      <div className="chapter-map__progress">
        <div
          className="meter"
          role="progressbar"
          aria-label={t("lesson.courseProgress")}
          aria-valuemin={0}
          aria-valuemax={all.length}
          aria-valuenow={done}
        >
          <span style={{ width: `${(done / Math.max(1, all.length)) * 100}%` }} />
        </div>
        <span data-testid="course-progress">{t("lesson.doneOf", { done, total: all.length })}</span>
      </div>
      <button
        type="button"
        className={`sandbox-entry ${current === undefined ? "is-current" : ""}`}
        aria-current={current === undefined ? "true" : undefined}
        onClick={() => pick(undefined)}
        data-testid="open-sandbox"
      >
        <span className="sandbox-entry__icon" aria-hidden="true">
          ◇
        </span>
        <span>
          <strong>{t("lesson.sandbox")}</strong>
          <small>{t("lesson.sandboxHint")}</small>
        </span>
      </button>
      <ol className="chapters" ref={list}>
        {chapters(pack, locale).map((c) => {
          const ids = c.exercises.map((e) => e.id);
          const n = doneCount(progress, ids);
          // The learner's chapter is open; with no exercise on, the first one.
          const open =
            current === undefined ? c.id === pack.meta.chapters[0]?.id : ids.includes(current);
          return (
            <li key={c.id} className="chapter" data-testid="chapter" data-chapter={c.id}>
              <details open={open}>
                <summary className="chapter__summary">
                  <span className="chapter__id">{c.id}</span>
                  <span className="chapter__title">{c.title}</span>
                  <span className={`chapter__count ${n === ids.length ? "is-done" : ""}`}>
                    {n}/{ids.length}
                  </span>
                </summary>
                {c.intro && <Markdown source={c.intro} className="chapter__intro" />}
                <ol className="chapter__exercises">
                  {c.exercises.map((e, i) => {
                    const p = progress.exercises[e.id];
                    const state = p?.done ? "done" : p ? "started" : "new";
                    return (
                      <li key={e.id}>
                        <button
                          type="button"
                          className={`exercise-link exercise-link--${state} ${e.id === current ? "is-current" : ""}`}
                          aria-current={e.id === current ? "step" : undefined}
                          onClick={() => pick(e.id)}
                          data-testid="exercise-link"
                          data-exercise={e.id}
                          data-state={state}
                        >
                          <span className="exercise-link__tick" aria-hidden="true">
                            {p?.done ? "✓" : i + 1}
                          </span>
                          <span className="exercise-link__title">
                            {exerciseStrings(pack, e, locale).title}
                          </span>
                          {p?.done && (
                            <span className="visually-hidden">{t("lesson.doneTag")}</span>
                          )}
                          {p?.solution && (
                            <span className="tag" title={t("lesson.solutionSeenTitle")}>
                              {t("lesson.solutionSeen")}
                            </span>
                          )}
                          {e.status === "draft" && (
                            <span className="tag tag--draft" title={e.draftReason}>
                              {t("lesson.draft")}
                            </span>
                          )}
                        </button>
                      </li>
                    );
                  })}
                </ol>
              </details>
            </li>
          );
        })}
      </ol>
      <ProgressTransfer />
      <footer className="chapter-map__foot">
        <InstructorsDoc />
      </footer>
    </div>
  );
}
