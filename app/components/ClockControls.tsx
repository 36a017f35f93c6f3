import { useT } from "../i18n/I18nProvider.tsx";
import { useClock, useLabActions } from "../state/hooks.ts";
import { SPEEDS } from "../state/store.ts";
import { formatDelay, formatElapsed, formatTimeOfDay, formatVirtualTime } from "./clock-format.ts";
import { NextIcon, PauseIcon, PlayIcon } from "./icons.tsx";
import { TravelControls } from "../viz/TravelControls.tsx";
import "./clock-controls.css";

/** Virtual time, play/pause, speed and "next event". Keyboard shortcuts live in useClockKeys. */
export function ClockControls() {
  const { now, startedAt, nextEventAt, playing, speed } = useClock();
  const actions = useLabActions();
  const t = useT();
  const next =
    nextEventAt === undefined
      ? t("clock.noneScheduled")
      : `${formatTimeOfDay(nextEventAt)} (${formatDelay(nextEventAt - now)})`;
  return (
    <div className="clock" role="group" aria-label={t("clock.label")} data-testid="clock-controls">
      <div className="clock__time" aria-live="off">
        <time
          className="clock__now"
          dateTime={new Date(now).toISOString()}
          data-testid="clock-now"
          title={t("clock.nowTitle")}
        >
          {formatVirtualTime(now)}
        </time>
        <span className="clock__since" data-testid="clock-since">
          {t("clock.since", { elapsed: `+${formatElapsed(now - startedAt)}` })}
        </span>
      </div>
      <button
        type="button"
        className={`clock__play ${playing ? "is-playing" : ""}`}
        onClick={() => actions.togglePlay()}
        aria-label={playing ? t("clock.pauseLabel") : t("clock.playLabel")}
        aria-keyshortcuts="Space"
        title={playing ? t("clock.pauseTitle") : t("clock.playTitle")}
        data-testid="clock-play"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? t("clock.pause") : t("clock.play")}
      </button>
      <div className="clock__speeds" role="group" aria-label={t("clock.speed")}>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            className="clock__speed"
            aria-pressed={speed === s}
            onClick={() => actions.setSpeed(s)}
            title={t("clock.speedTitle", { speed: s })}
            data-testid={`clock-speed-${s}`}
          >
            {s}×
          </button>
        ))}
      </div>
      <button
        type="button"
        className="clock__next"
        onClick={() => actions.stepEvent()}
        disabled={nextEventAt === undefined}
        aria-keyshortcuts="ArrowRight"
        title={t("clock.nextTitle")}
        data-testid="clock-next"
      >
        <NextIcon />
        {t("clock.next")}
        <span className="clock__next-at">{next}</span>
      </button>
      <TravelControls />
    </div>
  );
}
