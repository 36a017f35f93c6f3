import type { CronJob, Job, Pod } from "../../src/api/types.ts";
import { jobView, podView, TONE_GLYPH } from "../components/pod-status.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useNowEveryThrottled } from "../state/hooks.ts";
import { useVizLab } from "./context.tsx";
import { INDEX_LABEL } from "./k8s.ts";

const owner = (p: Pod | Job, kind: string) =>
  p.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind)?.name;

/** The canvas as tables (the accessible twin): Jobs with their counts, then every pod. */
export function TableView({
  pods,
  jobs,
  cronjobs,
}: {
  pods: readonly Pod[];
  jobs: readonly Job[];
  cronjobs: readonly CronJob[];
}) {
  // Ages to the second, redrawn at most 4 times a second (300 rows at 100×).
  const now = useNowEveryThrottled(1000, 250);
  const viz = useVizLab();
  const t = useT();
  const select = (kind: "Pod" | "Job" | "CronJob", name: string) =>
    viz?.store.setState({ selection: { kind, name } });
  return (
    <div className="tables" data-testid="table-view">
      {cronjobs.length > 0 && (
        <table className="vtable">
          <caption>CronJobs</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.name")}</th>
              <th scope="col">{t("table.schedule")}</th>
              <th scope="col">{t("table.suspend")}</th>
              <th scope="col">{t("table.active")}</th>
              <th scope="col">{t("table.lastSchedule")}</th>
            </tr>
          </thead>
          <tbody>
            {cronjobs.map((c) => (
              <tr key={c.metadata.uid}>
                <th scope="row">
                  <button
                    type="button"
                    className="vtable__link"
                    onClick={() => select("CronJob", c.metadata.name!)}
                  >
                    {c.metadata.name}
                  </button>
                </th>
                <td>
                  <code>{c.spec.schedule}</code>
                </td>
                <td>{String(c.spec.suspend ?? false)}</td>
                <td>{c.status?.active?.length ?? 0}</td>
                <td>{c.status?.lastScheduleTime ?? "<none>"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="vtable">
        <caption>Jobs</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.name")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.completions")}</th>
            <th scope="col">{t("table.active")}</th>
            <th scope="col">{t("table.failed")}</th>
            <th scope="col">CronJob</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const v = jobView(j);
            return (
              <tr key={j.metadata.uid}>
                <th scope="row">
                  <button
                    type="button"
                    className="vtable__link"
                    onClick={() => select("Job", v.name)}
                  >
                    {v.name}
                  </button>
                </th>
                <td>
                  <span aria-hidden="true">{TONE_GLYPH[v.tone]}</span> {v.status}
                </td>
                <td>{v.completions}</td>
                <td>
                  {v.active} / {j.spec.parallelism ?? 1}
                </td>
                <td>
                  {v.failed} / {v.backoffLimit}
                </td>
                <td>{owner(j, "CronJob") ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="vtable">
        <caption>Pods</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.name")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.restarts")}</th>
            <th scope="col">{t("table.node")}</th>
            <th scope="col">Job</th>
            <th scope="col">{t("table.index")}</th>
            <th scope="col">{t("table.age")}</th>
          </tr>
        </thead>
        <tbody>
          {pods.map((p) => {
            const v = podView(p, now);
            return (
              <tr key={p.metadata.uid} data-status={v.status}>
                <th scope="row">
                  <button
                    type="button"
                    className="vtable__link"
                    onClick={() => select("Pod", v.name)}
                  >
                    {v.name}
                  </button>
                </th>
                <td>
                  <span aria-hidden="true">{TONE_GLYPH[v.tone]}</span> {v.status}
                </td>
                <td>{v.restarts}</td>
                <td>{v.node ?? "<none>"}</td>
                <td>{owner(p, "Job") ?? ""}</td>
                <td>{p.metadata.labels?.[INDEX_LABEL] ?? ""}</td>
                <td>{v.age}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
