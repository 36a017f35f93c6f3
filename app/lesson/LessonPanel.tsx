import { useState } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { browserStorage } from "../lab/persist.ts";
import { ChapterMap } from "./ChapterMap.tsx";
import { ExerciseView } from "./ExerciseView.tsx";
import { useLesson, useLessonController } from "./LessonContext.tsx";
import { doneCount } from "./progress.ts";
import "./lesson.css";

const OPEN_KEY = "batch-lab:lesson:open";

function BookIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d="M2 2.5h4.5A1.5 1.5 0 0 1 8 4v9.5A1.5 1.5 0 0 0 6.5 12H2zM14 2.5H9.5A1.5 1.5 0 0 0 8 4v9.5A1.5 1.5 0 0 1 9.5 12H14z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The lesson column beside the editor, cluster and terminal: the chapter map (and the sandbox),
 * or the exercise being worked on. Collapses to a narrow rail.
 */
export function LessonPanel() {
  const t = useT();
  const controller = useLessonController();
  const status = useLesson((s) => s.status);
  const loadError = useLesson((s) => s.loadError);
  const pack = useLesson((s) => s.pack);
  const current = useLesson((s) => s.current);
  const progress = useLesson((s) => s.progress);
  const [open, setOpen] = useState(() => browserStorage().get(OPEN_KEY) !== "false");
  const [showMap, setShowMap] = useState(false);
  const toggle = () => {
    browserStorage().set(OPEN_KEY, String(!open));
    setOpen(!open);
  };
  const exercise = pack?.exercises.find((e) => e.id === current);
  const done = pack
    ? doneCount(
        progress,
        pack.exercises.map((e) => e.id),
      )
    : 0;

  if (!open) {
    return (
      <aside
        className="lesson lesson--closed"
        aria-label={t("lesson.panel")}
        data-testid="lesson-panel"
      >
        <button
          type="button"
          className="lesson__rail"
          onClick={toggle}
          aria-expanded="false"
          title={t("lesson.open")}
          data-testid="lesson-toggle"
        >
          <BookIcon />
          <span className="lesson__rail-label">{t("lesson.course")}</span>
          {pack && (
            <span className="lesson__rail-count">
              {done}/{pack.exercises.length}
            </span>
          )}
        </button>
      </aside>
    );
  }

  const mapShown = !exercise || showMap;
  return (
    <aside className="lesson" aria-label={t("lesson.panel")} data-testid="lesson-panel">
      <div className="lesson__bar">
        {exercise ? (
          <button
            type="button"
            className={`lesson__tab ${mapShown ? "is-active" : ""}`}
            onClick={() => setShowMap(!showMap)}
            aria-pressed={mapShown}
            data-testid="lesson-contents"
          >
            <BookIcon />
            {t("lesson.contents")}
          </button>
        ) : (
          <span className="lesson__label">
            <BookIcon />
            {t("lesson.course")}
          </span>
        )}
        <span
          className={`mode-pill ${exercise ? "mode-pill--exercise" : ""}`}
          data-testid="mode-pill"
        >
          {exercise ? t("lesson.modeExercise") : t("lesson.modeSandbox")}
        </span>
        <button
          type="button"
          className="lesson__collapse"
          onClick={toggle}
          aria-expanded="true"
          aria-label={t("lesson.close")}
          title={t("lesson.close")}
          data-testid="lesson-toggle"
        >
          «
        </button>
      </div>
      {status === "loading" && <p className="lesson__status">{t("lesson.loading")}</p>}
      {status === "error" && (
        <div className="lesson__status lesson__status--error" role="alert">
          <p>{t("lesson.loadFailed")}</p>
          <code>{loadError}</code>
          <button type="button" className="btn" onClick={() => void controller.load()}>
            {t("lesson.retry")}
          </button>
        </div>
      )}
      {pack &&
        (mapShown ? (
          <ChapterMap pack={pack} onPicked={() => setShowMap(false)} />
        ) : (
          exercise && <ExerciseView key={exercise.id} pack={pack} exercise={exercise} />
        ))}
    </aside>
  );
}
