import { useClock, useLabActions } from "../state/hooks.ts";
import { SPEEDS } from "../state/store.ts";
import { formatDelay, formatElapsed, formatTimeOfDay, formatVirtualTime } from "./clock-format.ts";
import { NextIcon, PauseIcon, PlayIcon } from "./icons.tsx";
import "./clock-controls.css";

/** Virtual time, play/pause, speed and "next event". Keyboard shortcuts live in useClockKeys. */
export function ClockControls() {
  const { now, startedAt, nextEventAt, playing, speed } = useClock();
  const actions = useLabActions();
  const next =
    nextEventAt === undefined
      ? "none scheduled"
      : `${formatTimeOfDay(nextEventAt)} (${formatDelay(nextEventAt - now)})`;
  return (
    <div className="clock" role="group" aria-label="Virtual clock" data-testid="clock-controls">
      <div className="clock__time" aria-live="off">
        <time
          className="clock__now"
          dateTime={new Date(now).toISOString()}
          data-testid="clock-now"
          title="Virtual time of the simulated cluster"
        >
          {formatVirtualTime(now)}
        </time>
        <span className="clock__since" data-testid="clock-since">
          +{formatElapsed(now - startedAt)} since start
        </span>
      </div>
      <button
        type="button"
        className={`clock__play ${playing ? "is-playing" : ""}`}
        onClick={() => actions.togglePlay()}
        aria-label={playing ? "Pause virtual time" : "Play virtual time"}
        aria-keyshortcuts="Space"
        title={playing ? "Pause (Space)" : "Play (Space)"}
        data-testid="clock-play"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? "Pause" : "Play"}
      </button>
      <div className="clock__speeds" role="group" aria-label="Speed">
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            className="clock__speed"
            aria-pressed={speed === s}
            onClick={() => actions.setSpeed(s)}
            title={`Virtual time runs ${s}× as fast as real time`}
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
        title="Pause and jump to the next scheduled event (→)"
        data-testid="clock-next"
      >
        <NextIcon />
        Next event
        <span className="clock__next-at">{next}</span>
      </button>
    </div>
  );
}
