import { useMemo } from "react";
import type { CronJob, Job } from "../../src/api/types.ts";
import { formatTimeOfDay } from "../components/clock-format.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useLabContext } from "../state/context.tsx";
import { useViz } from "./context.tsx";
import { cronTicks, MAX_TICKS, type Tick } from "./gantt.ts";
import { TICK_GLYPH } from "./Timeline.tsx";
import { useWallTicker } from "./use-throttled.ts";

const WORD: Record<Tick["kind"], MessageKey> = {
  created: "tick.created",
  skipped: "tick.skipped",
  replaced: "tick.replaced",
  missed: "tick.missed",
};

/** Shown at most in the panel's lane (the timeline has the rest). */
const SHOWN = 12;

/**
 * A CronJob's lane on the canvas: its most recent ticks — created, skipped by Forbid, replaced,
 * missed — and the next one, each with its time (issue #4 item 5).
 */
export function CronLaneStrip({ cronjob }: { cronjob: CronJob }) {
  const t = useT();
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
    (m, k) => ({ ...m, [k.kind]: (m[k.kind] ?? 0) + 1 }),
    {},
  );
  return (
    <div className="cronlane" data-testid="cron-lane">
      <ol
        className="cronlane__ticks"
        aria-label={t("tick.label", { name: cronjob.metadata.name ?? "" })}
      >
        {shown.map((k) => (
          <li
            key={k.t}
            className={`ctick ctick--${k.kind}`}
            data-kind={k.kind}
            title={k.job ?? t(WORD[k.kind])}
          >
            <span aria-hidden="true">{TICK_GLYPH[k.kind]}</span>
            <time>{formatTimeOfDay(k.t).slice(0, 5)}</time>
            <span className="ctick__word">{t(WORD[k.kind])}</span>
          </li>
        ))}
        {lane.next !== undefined && (
          <li className="ctick ctick--next" data-kind="next">
            <span aria-hidden="true">◌</span>
            <time>{formatTimeOfDay(lane.next).slice(0, 5)}</time>
            <span className="ctick__word">{t("tick.next")}</span>
          </li>
        )}
      </ol>
      {lane.ticks.length > SHOWN && (
        <span className="cronlane__more">
          {Object.entries(counts)
            .map(([k, n]) => `${n} ${t(WORD[k as Tick["kind"]])}`)
            .join(" · ")}
        </span>
      )}
    </div>
  );
}
