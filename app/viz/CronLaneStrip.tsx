import { useMemo } from "react";
import type { CronJob, Job } from "../../src/api/types.ts";
import { formatTimeOfDay } from "../components/clock-format.ts";
import { useLabContext } from "../state/context.tsx";
import { useViz } from "./context.tsx";
import { cronTicks, MAX_TICKS, type Tick } from "./gantt.ts";
import { TICK_GLYPH } from "./Timeline.tsx";
import { useWallTicker } from "./use-throttled.ts";

const WORD: Record<Tick["kind"], string> = {
  created: "created",
  skipped: "skipped (Forbid)",
  replaced: "replaced",
  missed: "missed",
};

/** Shown at most in the panel's lane (the timeline has the rest). */
const SHOWN = 12;

/**
 * A CronJob's lane on the canvas: its most recent ticks — created, skipped by Forbid, replaced,
 * missed — and the next one, each with its time (issue #4 item 5).
 */
export function CronLaneStrip({ cronjob }: { cronjob: CronJob }) {
  const history = useViz((s) => s.history);
  const { store: lab } = useLabContext();
  const tick = useWallTicker(500);
  const lane = useMemo(() => {
    void tick;
    if (!history) return undefined;
    const now = lab.getState().cluster.now;
    const jobs = history
      .all<Job>("Job")
      .filter((h) =>
        h.versions.some((v) =>
          v.obj?.metadata.ownerReferences?.some((r) => r.uid === cronjob.metadata.uid),
        ),
      );
    return cronTicks(
      cronjob,
      jobs,
      history,
      Math.max(history.start, now - MAX_TICKS * 86_400_000),
      now,
    );
  }, [history, lab, tick, cronjob]);
  if (!lane) return null;
  const shown = lane.ticks.slice(-SHOWN);
  const counts = lane.ticks.reduce<Record<string, number>>(
    (m, t) => ({ ...m, [t.kind]: (m[t.kind] ?? 0) + 1 }),
    {},
  );
  return (
    <div className="cronlane" data-testid="cron-lane">
      <ol className="cronlane__ticks" aria-label={`Ticks of ${cronjob.metadata.name}`}>
        {shown.map((t) => (
          <li
            key={t.t}
            className={`ctick ctick--${t.kind}`}
            data-kind={t.kind}
            title={t.job ?? WORD[t.kind]}
          >
            <span aria-hidden="true">{TICK_GLYPH[t.kind]}</span>
            <time>{formatTimeOfDay(t.t).slice(0, 5)}</time>
            <span className="ctick__word">{WORD[t.kind]}</span>
          </li>
        ))}
        {lane.next !== undefined && (
          <li className="ctick ctick--next" data-kind="next">
            <span aria-hidden="true">◌</span>
            <time>{formatTimeOfDay(lane.next).slice(0, 5)}</time>
            <span className="ctick__word">next</span>
          </li>
        )}
      </ol>
      {lane.ticks.length > SHOWN && (
        <span className="cronlane__more">
          {Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(" · ")}
        </span>
      )}
    </div>
  );
}
