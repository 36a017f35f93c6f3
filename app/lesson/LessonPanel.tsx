import { useState } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { browserStorage } from "../lab/persist.ts";
import { ChapterMap } from "./ChapterMap.tsx";
import { ExerciseView } from "./ExerciseView.tsx";
import { InstructorsDoc } from "./InstructorsDoc.tsx";
import { useLesson, useLessonController } from "./LessonContext.tsx";
import { packOptions, searchWithPack } from "./pack-choice.ts";
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

/** Problems listed at most in the panel (a broken pack can have hundreds). */
const MAX_PROBLEMS = 20;

/** The pack selector: the built-in packs (and the one in the address, if another). */
function PackSelect() {
  const t = useT();
  const controller = useLessonController();
  const packName = useLesson((s) => s.packName);
  const options = packOptions(packName);
  const choose = (name: string) => {
    const { pathname, search, hash } = window.location;
    window.history.replaceState(
      window.history.state,
      "",
      pathname + searchWithPack(search, name) + hash,
    );
    void controller.switchPack(name);
  };
  return (
    <select
      className="pack-select"
      value={options.includes(packName) ? packName : ""}
      onChange={(e) => choose(e.target.value)}
      aria-label={t("lesson.packChoice")}
      title={t("lesson.packChoice")}
      data-testid="pack-select"
    >
      {!options.includes(packName) && (
        <option value="" disabled>
          —
        </option>
      )}
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

/** Why the pack could not be loaded: words in the learner's language, the loader's problems as is. */
function LoadFailure() {
  const t = useT();
  const controller = useLessonController();
  const packName = useLesson((s) => s.packName);
  const loadError = useLesson((s) => s.loadError);
  const failure = useLesson((s) => s.loadFailure);
  const problems = useLesson((s) => s.loadProblems) ?? [];
  return (
    <div className="lesson__status lesson__status--error" role="alert" data-testid="load-failure">
      <p>{t("lesson.loadFailed")}</p>
      {failure === "badName" ? (
        <p>{t("lesson.badPackName", { pack: packName })}</p>
      ) : failure === "problems" ? (
        <>
          <p>{t("lesson.packProblems", { pack: packName, n: problems.length })}</p>
          <ul className="load-problems" lang="en">
            {problems.slice(0, MAX_PROBLEMS).map((p, i) => (
              <li key={i}>
                <code>
                  {p.file}
                  {p.path ? ` (${p.path})` : ""}
                </code>{" "}
                {p.message}
              </li>
            ))}
          </ul>
          {problems.length > MAX_PROBLEMS && (
            <p>{t("lesson.moreProblems", { n: problems.length - MAX_PROBLEMS })}</p>
          )}
        </>
      ) : (
        <>
          <p>{t("lesson.packUnreachable", { pack: packName })}</p>
          <code lang="en">{loadError}</code>
        </>
      )}
      {failure !== "badName" && (
        <button type="button" className="btn" onClick={() => void controller.load()}>
          {t("lesson.retry")}
        </button>
      )}
      <InstructorsDoc />
    </div>
  );
}

/** Whether the lesson column is open (remembered across reloads), and a way to change it. */
export function useLessonOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => browserStorage().get(OPEN_KEY) !== "false");
  const change = (next: boolean) => {
    browserStorage().set(OPEN_KEY, String(next));
    setOpen(next);
  };
  return [open, change];
}

export interface LessonPanelProps {
  /** Open, or collapsed to a narrow rail. The layout decides (a column, or a drawer). */
  open: boolean;
  onToggle: () => void;
  id?: string;
}

/**
 * The lesson column beside the editor, cluster and terminal: the chapter map (and the sandbox),
 * or the exercise being worked on. Collapses to a narrow rail.
 */
export function LessonPanel({ open, onToggle: toggle, id }: LessonPanelProps) {
  const t = useT();
  const status = useLesson((s) => s.status);
  const pack = useLesson((s) => s.pack);
  const current = useLesson((s) => s.current);
  const progress = useLesson((s) => s.progress);
  const [showMap, setShowMap] = useState(false);
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
        id={id}
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
    <aside id={id} className="lesson" aria-label={t("lesson.panel")} data-testid="lesson-panel">
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
        <PackSelect />
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
      {status === "error" && <LoadFailure />}
      {pack &&
        (mapShown ? (
          <ChapterMap pack={pack} onPicked={() => setShowMap(false)} />
        ) : (
          exercise && <ExerciseView key={exercise.id} pack={pack} exercise={exercise} />
        ))}
    </aside>
  );
}
