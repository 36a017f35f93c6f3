import type { Job, Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { jobView, TONE_GLYPH } from "./pod-status.ts";
import { PodGrid } from "./PodGrid.tsx";
import { useVizLab } from "../viz/context.tsx";

/** A Job: its kubectl STATUS and COMPLETIONS, failures against backoffLimit, progress, its pods. */
export function JobPanel({
  job,
  pods,
  leaving,
}: {
  job: Job;
  pods: readonly Pod[];
  leaving: boolean;
}) {
  const v = jobView(job);
  const t = useT();
  const viz = useVizLab();
  const parallelism = job.spec.parallelism ?? 1;
  const pct = v.target > 0 ? Math.min(100, (v.succeeded / v.target) * 100) : 0;
  const failedPct = v.target > 0 ? Math.min(100 - pct, (v.failed / v.target) * 100) : 0;
  return (
    <section
      className={`job job--${v.tone}${leaving ? " job--leaving" : ""}`}
      aria-label={t("job.label", { name: v.name })}
    >
      <header
        className="job__header"
        data-testid="job-header"
        data-job={v.name}
        data-status={v.status}
      >
        <div className="job__title">
          <span className="job__kind">Job</span>
          <button
            type="button"
            className="job__name job__select"
            onClick={() => viz?.store.setState({ selection: { kind: "Job", name: v.name } })}
            title={t("job.inspectTitle")}
            data-testid="job-select"
          >
            {v.name}
          </button>
          <span className={`badge badge--${v.tone}`} data-testid="job-status" key={v.status}>
            <span aria-hidden="true">{TONE_GLYPH[v.tone]}</span> {v.status}
          </span>
        </div>
        <dl className="job__stats">
          <div>
            <dt>completions</dt>
            <dd data-testid="job-completions">{v.completions}</dd>
          </div>
          <div>
            <dt>active</dt>
            <dd>{v.active}</dd>
          </div>
          <div
            className={v.failed > v.backoffLimit ? "is-bad" : v.failed > 0 ? "is-warn" : undefined}
            title={t("job.failedTitle", { failed: v.failed, limit: v.backoffLimit })}
          >
            <dt>failed</dt>
            <dd data-testid="job-failed">{v.failed}</dd>
          </div>
          <div>
            <dt>backoffLimit</dt>
            <dd>{v.backoffLimit}</dd>
          </div>
        </dl>
        <div
          className="job__progress"
          role="progressbar"
          aria-label={t("job.progress", { name: v.name, done: v.succeeded, target: v.target })}
          aria-valuemin={0}
          aria-valuemax={v.target}
          aria-valuenow={Math.min(v.succeeded, v.target)}
        >
          <span className="job__progress-ok" style={{ width: `${pct}%` }} />
          <span className="job__progress-failed" style={{ width: `${failedPct}%` }} />
        </div>
        <div className="jmeters" aria-hidden="true">
          <Meter label="failed" value={v.failed} max={v.backoffLimit + 1} tone="failed" />
          <Meter label="active" value={v.active} max={parallelism} tone="running" />
        </div>
      </header>
      {pods.length > 0 ? (
        <PodGrid pods={pods} label={t("job.pods", { name: v.name })} />
      ) : (
        <p className="job__empty">
          {v.status === "Running" ? t("job.noPodsYet") : t("job.noPods")}
        </p>
      )}
    </section>
  );
}

/** A thin gauge: failures against the limit that fails the Job, active pods against parallelism. */
function Meter({
  label,
  value,
  max,
  tone,
}: {
  label: string;
  value: number;
  max: number;
  tone: string;
}) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <span className={`jmeter jmeter--${tone}`} title={`${label} ${value} / ${max}`}>
      <span className="jmeter__label">
        {label} {value}/{max}
      </span>
      <span className="jmeter__track">
        <span className="jmeter__fill" style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}
