import {
  memo,
  useCallback,
  useMemo,
  useRef,
  type CSSProperties,
  type PointerEvent as ReactPointerEvent,
} from "react";
import { formatTimeOfDay } from "../components/clock-format.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useLabContext } from "../state/context.tsx";
import { useVizLab, useViz } from "./context.tsx";
import {
  ganttModel,
  labelText,
  type JobLane,
  type Mark,
  type PodRow,
  type Segment,
  type Tick,
  OPEN,
} from "./gantt.ts";
import { useWallTicker } from "./use-throttled.ts";
import type { Selection } from "./viz-store.ts";

const SEG_TEXT: Record<Segment["kind"], MessageKey> = {
  scheduling: "seg.scheduling",
  creating: "seg.creating",
  pull: "seg.pull",
  running: "seg.running",
  crashloop: "seg.crashloop",
  "waiting-error": "seg.waiting-error",
  terminating: "seg.terminating",
  succeeded: "seg.succeeded",
  failed: "seg.failed",
};

export const TICK_GLYPH: Record<Tick["kind"], string> = {
  created: "●",
  skipped: "⊘",
  replaced: "⇄",
  missed: "○",
};

const MARK_GLYPH: Record<Mark["kind"], string> = {
  "exit-ok": "✓",
  "exit-failed": "✕",
  restart: "↻",
  deleted: "⌫",
  condition: "◆",
  input: "▸",
};

/** Axis steps: the first that gives at most ~8 labels. */
const STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400,
].map((s) => s * 1000);

function fmtSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} m ${s % 60} s` : `${m} m`;
}

/**
 * Positions are CSS: each bar, mark and tick carries its instant as `--x0` (ms after the
 * timeline's origin, small enough for CSS's float maths) and the timeline sets `--g-k` (percent
 * per ms) and `--g-now`. As time flows only those two variables change: rows whose pod did not
 * change are not re-rendered (300 rows at 100× would otherwise re-render every tick).
 */
type Vars = CSSProperties & Record<`--${string}`, string | number>;

const at = (origin: number, t: number): Vars => ({ "--x0": t - origin });

/** A bar from `from` to `to` (OPEN: still going, ends at "now"). */
const span = (origin: number, from: number, to: number): Vars => ({
  "--x0": from - origin,
  ...(to === OPEN ? {} : { "--x1": to - origin }),
});

function Bar({ s, origin }: { s: Segment; origin: number }) {
  const t = useT();
  const text = labelText(s, t) ?? t(SEG_TEXT[s.kind]);
  const title =
    s.to === OPEN
      ? `${text}: ${formatTimeOfDay(s.from)} → …`
      : `${text}: ${formatTimeOfDay(s.from)} → ${formatTimeOfDay(s.to)} (${fmtSpan(s.to - s.from)})`;
  return (
    <span className={`gseg gseg--${s.kind}`} style={span(origin, s.from, s.to)} title={title}>
      <span className="gseg__text">{text}</span>
    </span>
  );
}

function Marks({ marks, origin }: { marks: readonly Mark[]; origin: number }) {
  const t = useT();
  return marks.map((m, i) => (
    <span
      key={i}
      className={`gmark gmark--${m.kind}${m.label === "Complete" ? " gmark--complete" : ""}`}
      style={at(origin, m.t)}
      title={t("timeline.markAt", { label: labelText(m, t) ?? "", time: formatTimeOfDay(m.t) })}
    >
      <span aria-hidden="true">{MARK_GLYPH[m.kind]}</span>
      {m.kind !== "restart" && m.kind !== "deleted" && (
        <span className="gmark__text">{labelText(m, t)}</span>
      )}
    </span>
  ));
}

const sameGap = (a: Segment | undefined, b: Segment | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.from === b.from && a.to === b.to);

/** Rows are copies of cached rows (see ganttModel): equal fields mean nothing to redraw. */
function sameRow(a: PodRow, b: PodRow): boolean {
  if (a === b) return true;
  for (const k of Object.keys(a) as (keyof PodRow)[])
    if (k !== "backoffBefore" && a[k] !== b[k]) return false;
  return sameGap(a.backoffBefore, b.backoffBefore);
}

interface RowProps {
  row: PodRow;
  origin: number;
  onSelect: (s: Selection) => void;
  selected: boolean;
}

const Row = memo(
  function Row({ row, origin, onSelect, selected }: RowProps) {
    const gap = row.backoffBefore;
    const t = useT();
    const summary = `${row.name}: ${t(`state.${row.state}`)}${row.exitCode !== undefined ? t("timeline.exit", { code: row.exitCode }) : ""}${row.restarts ? t("timeline.restarts", { count: row.restarts }) : ""}${gap ? t("timeline.waited", { gap: labelText(gap, t) ?? "" }) : ""}`;
    return (
      <li
        className={`grow${selected ? " is-selected" : ""}`}
        data-testid="gantt-row"
        data-pod={row.name}
        data-state={row.state}
      >
        <button
          type="button"
          className="grow__label"
          onClick={() => onSelect({ kind: "Pod", name: row.name })}
          title={summary}
          aria-label={summary}
        >
          {row.index !== undefined && <span className="grow__index">#{row.index}</span>}
          {row.name.replace(/^.*-(?=[a-z0-9]{5}$)/, "")}
        </button>
        <div className="grow__track" aria-hidden="true">
          {gap && (
            <span
              className="ggap"
              data-testid="gantt-backoff"
              style={span(origin, gap.from, gap.to)}
              title={t("timeline.gapTitle", { gap: labelText(gap, t) ?? "" })}
            >
              <span className="ggap__text">{labelText(gap, t)}</span>
            </span>
          )}
          {row.segments.map((s, i) => (
            <Bar key={i} s={s} origin={origin} />
          ))}
          <Marks marks={row.marks} origin={origin} />
        </div>
      </li>
    );
  },
  (a, b) =>
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.origin === b.origin &&
    sameRow(a.row, b.row),
);

function JobRows({
  lane,
  origin,
  onSelect,
  selection,
}: {
  lane: JobLane;
  origin: number;
  onSelect: (s: Selection) => void;
  selection: Selection | undefined;
}) {
  const t = useT();
  const p = lane.pendingBackoff;
  return (
    <li className="glane" data-testid="gantt-job" data-job={lane.name}>
      <div className="glane__head">
        <button
          type="button"
          className="glane__name"
          onClick={() => onSelect({ kind: "Job", name: lane.name })}
        >
          {t("job.label", { name: lane.name })}
        </button>
        <div className="grow__track" aria-hidden="true">
          {p && (
            <span
              className="ggap ggap--pending"
              data-testid="gantt-backoff-pending"
              style={span(origin, p.from, p.to)}
              title={t("timeline.pendingTitle", {
                gap: labelText(p, t) ?? "",
                time: formatTimeOfDay(p.to),
              })}
            >
              <span className="ggap__text">{labelText(p, t)}</span>
            </span>
          )}
          <Marks marks={lane.marks} origin={origin} />
        </div>
      </div>
      {lane.hiddenRows > 0 && (
        <p className="glane__hidden" data-testid="gantt-hidden-rows">
          {t("timeline.hiddenRows", { count: lane.hiddenRows })}
        </p>
      )}
      <ol className="glane__rows" aria-label={t("timeline.jobPods", { name: lane.name })}>
        {lane.rows.map((r) => (
          <Row
            key={r.uid}
            row={r}
            origin={origin}
            onSelect={onSelect}
            selected={selection?.kind === "Pod" && selection.name === r.name}
          />
        ))}
      </ol>
    </li>
  );
}

/**
 * The Gantt: a row per pod over virtual time (pull, run, exits, restarts, back-off gaps with
 * their length), Job outcomes, CronJob ticks, the learner's inputs. Dragging across it (or the
 * slider) previews the cluster at that instant.
 */
export function Timeline() {
  const viz = useVizLab();
  const tr = useT();
  const { store: lab } = useLabContext();
  const history = useViz((s) => s.history);
  const scrubAt = useViz((s) => s.scrubAt);
  const selection = useViz((s) => s.selection);
  const open = useViz((s) => s.timelineOpen);
  // Many pods: recompute once a second rather than three times (rows are cached per pod).
  const many = (history?.histories.size ?? 0) > 150;
  const tick = useWallTicker(many ? 1000 : 300, open);
  const track = useRef<HTMLDivElement>(null);
  const model = useMemo(() => {
    void tick;
    if (!history) return undefined;
    const now = lab.getState().cluster.now;
    return ganttModel(history, now, viz?.inputs() ?? []);
  }, [history, lab, tick, viz]);
  const select = useCallback((s: Selection) => viz?.store.setState({ selection: s }), [viz]);
  if (!viz || !model) return null;
  const width = Math.max(model.to - model.from, 10_000);
  const from = model.from;
  const to = from + width * 1.1;
  const scaleVars: Vars = { "--g-k": 100 / (to - from), "--g-now": model.now - from };
  const step = STEPS.find((s) => width / s <= 5) ?? STEPS[STEPS.length - 1];
  const axis: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && axis.length < 40; t += step) axis.push(t);
  const setScrub = (t: number | undefined) => viz.store.setState({ scrubAt: t });
  const scrubFromPointer = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = track.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (e.clientX - r.left) / r.width));
    setScrub(Math.min(model.now, Math.round(from + f * (to - from))));
  };
  const rows = model.jobs.reduce((n, j) => n + j.rows.length + j.hiddenRows, 0) + model.bare.length;
  return (
    <section className="timeline" aria-label={tr("cluster.viewTimeline")} data-testid="timeline">
      <div className="timeline__bar">
        <label className="timeline__scrub">
          <span className="visually-hidden">{tr("timeline.scrubLabel")}</span>
          <input
            type="range"
            min={from}
            max={model.now}
            step={100}
            value={scrubAt ?? model.now}
            onChange={(e) =>
              setScrub(Number(e.target.value) >= model.now ? undefined : Number(e.target.value))
            }
            aria-valuetext={formatTimeOfDay(scrubAt ?? model.now)}
            data-testid="timeline-scrub"
          />
        </label>
        {scrubAt !== undefined ? (
          <button
            type="button"
            className="timeline__live"
            onClick={() => setScrub(undefined)}
            data-testid="timeline-live"
          >
            {tr("timeline.previewing", { time: formatTimeOfDay(scrubAt) })}
          </button>
        ) : (
          <span className="timeline__hint">
            {tr("timeline.hint", { count: rows })}
            {model.hiddenJobs > 0 && ` · ${tr("timeline.hiddenJobs", { count: model.hiddenJobs })}`}
          </span>
        )}
      </div>
      <div className="timeline__scroll" style={scaleVars}>
        <div className="timeline__axis" aria-hidden="true">
          <span className="grow__label" />
          <div className="grow__track">
            {axis.map((t, i) => (
              <span key={t} className={`gaxis${i % 2 ? " gaxis--odd" : ""}`} style={at(from, t)}>
                {formatTimeOfDay(t)}
              </span>
            ))}
          </div>
        </div>
        <div
          className="timeline__canvas"
          onPointerDown={(e) => {
            if ((e.target as Element).closest("button")) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            scrubFromPointer(e);
          }}
          onPointerMove={(e) => {
            if (e.buttons === 1 && e.currentTarget.hasPointerCapture(e.pointerId))
              scrubFromPointer(e);
          }}
        >
          <ol className="timeline__lanes">
            {model.cronjobs.map((c) => (
              <li key={c.uid} className="glane" data-testid="gantt-cronjob" data-cronjob={c.name}>
                <div className="glane__head">
                  <button
                    type="button"
                    className="glane__name"
                    onClick={() => select({ kind: "CronJob", name: c.name })}
                  >
                    {tr("cluster.cronJobLabel", { name: c.name })}
                  </button>
                  <div className="grow__track">
                    {c.ticks.map((t) => (
                      <span
                        key={t.t}
                        className={`gtick gtick--${t.kind}`}
                        style={at(from, t.t)}
                        title={`${tr("timeline.tickTitle", { time: formatTimeOfDay(t.t), kind: tr(`tick.${t.kind}` as MessageKey) })}${t.job ? `: ${t.job}` : ""}`}
                        data-kind={t.kind}
                      >
                        {TICK_GLYPH[t.kind]}
                      </span>
                    ))}
                    {c.next !== undefined && c.next <= to && (
                      <span
                        className="gtick gtick--next"
                        style={at(from, c.next)}
                        title={tr("timeline.nextTick", { time: formatTimeOfDay(c.next) })}
                      >
                        ◌
                      </span>
                    )}
                  </div>
                </div>
              </li>
            ))}
            {model.jobs.map((j) => (
              <JobRows key={j.uid} lane={j} origin={from} onSelect={select} selection={selection} />
            ))}
            {model.bare.length > 0 && (
              <li className="glane">
                <div className="glane__head">
                  <span className="glane__name">{tr("cluster.barePods")}</span>
                  <div className="grow__track" />
                </div>
                <ol className="glane__rows">
                  {model.bare.map((r) => (
                    <Row
                      key={r.uid}
                      row={r}
                      origin={from}
                      onSelect={select}
                      selected={selection?.name === r.name}
                    />
                  ))}
                </ol>
              </li>
            )}
          </ol>
          <div className="timeline__overlay" aria-hidden="true" ref={track}>
            {model.inputs.map((m, i) => (
              <span key={i} className="ginput" style={at(from, m.t)} title={m.label} />
            ))}
            <span className="gnow" />
            {scrubAt !== undefined && <span className="gscrub" style={at(from, scrubAt)} />}
          </div>
        </div>
      </div>
    </section>
  );
}
