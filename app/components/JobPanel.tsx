import type { Job, Pod } from "../../src/api/types.ts";
import { jobView, TONE_GLYPH } from "./pod-status.ts";
import { PodGrid } from "./PodGrid.tsx";

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
  const pct = v.target > 0 ? Math.min(100, (v.succeeded / v.target) * 100) : 0;
  const failedPct = v.target > 0 ? Math.min(100 - pct, (v.failed / v.target) * 100) : 0;
  return (
    <section
      className={`job job--${v.tone}${leaving ? " job--leaving" : ""}`}
      aria-label={`Job ${v.name}`}
    >
      <header
        className="job__header"
        data-testid="job-header"
        data-job={v.name}
        data-status={v.status}
      >
        <div className="job__title">
          <span className="job__kind">Job</span>
          <span className="job__name">{v.name}</span>
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
            title={`${v.failed} failed pod(s); the Job fails once more than backoffLimit (${v.backoffLimit}) have failed`}
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
          aria-label={`${v.name}: ${v.succeeded} of ${v.target} completions`}
          aria-valuemin={0}
          aria-valuemax={v.target}
          aria-valuenow={Math.min(v.succeeded, v.target)}
        >
          <span className="job__progress-ok" style={{ width: `${pct}%` }} />
          <span className="job__progress-failed" style={{ width: `${failedPct}%` }} />
        </div>
      </header>
      {pods.length > 0 ? (
        <PodGrid pods={pods} label={`Pods of job ${v.name}`} />
      ) : (
        <p className="job__empty">No pods{v.status === "Running" ? " yet" : ""}.</p>
      )}
    </section>
  );
}
