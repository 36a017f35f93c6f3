import { useMemo } from "react";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";
import { useCronLocale } from "./cron-locale.ts";
import { findSchedules, formatRun, previewSite, RUN_LOCALE, warningMessage } from "./schedules.ts";
import "./cron-preview.css";

const learnerZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
};

export interface CronPreviewProps {
  /** The file's text (every CronJob in it gets a preview). */
  text: string;
  /** Virtual time now (epoch ms): the runs listed are the next ones after it. */
  now: number;
}

/**
 * The schedule preview for each CronJob in the file (issue 4 item 5): the schedule in words, the
 * next 5 runs in the CronJob's time zone and in the learner's, and the traps the cron leaf warns
 * about (the day-of-month/day-of-week OR rule, daylight-saving days, schedules that never fire).
 */
export function CronPreview({ text, now }: CronPreviewProps) {
  const t = useT();
  const [locale] = useLocale();
  const runLocale = RUN_LOCALE[locale];
  const describeLocale = useCronLocale(locale);
  const minute = Math.floor(now / 60_000) * 60_000;
  const sites = useMemo(() => findSchedules(text), [text]);
  const zone = useMemo(() => learnerZone(), []);
  if (sites.length === 0) return null;
  return (
    <section className="cron-preview" aria-label={t("cron.label")} data-testid="cron-preview">
      {sites.map((site) => {
        const p = previewSite(site, minute, 5, describeLocale);
        return (
          <div key={`${site.line}`} className="cron-preview__item">
            <div className="cron-preview__head">
              <span className="cron-preview__name">{site.name || "CronJob"}</span>
              <code className="cron-preview__spec">{site.schedule}</code>
              <span className="cron-preview__zone">{p.ok ? p.zone : (site.timeZone ?? "UTC")}</span>
              {p.ok && <span className="cron-preview__words">{p.description}</span>}
            </div>
            {p.ok ? (
              <>
                {p.runs.length > 0 && (
                  <table className="cron-preview__runs">
                    <thead>
                      <tr>
                        <th scope="col">{t("cron.nextRuns", { zone: p.zone })}</th>
                        {zone !== p.zone && <th scope="col">{t("cron.yourTime", { zone })}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {p.runs.map((r) => (
                        <tr key={r}>
                          <td>{formatRun(r, p.zone, runLocale)}</td>
                          {zone !== p.zone && <td>{formatRun(r, zone, runLocale)}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {p.warnings.length > 0 && (
                  <ul className="cron-preview__warnings">
                    {p.warnings.map((w, i) => (
                      <li
                        key={i}
                        className={`cron-preview__warning cron-preview__warning--${w.kind}`}
                      >
                        {warningMessage(w, t)}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <ul className="cron-preview__errors">
                {p.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
