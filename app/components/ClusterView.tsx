import { useMemo } from "react";
import type { CronJob } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useCronJobs, useJobs, useNodes, usePods } from "../state/hooks.ts";
import { formatTimeOfDay } from "./clock-format.ts";
import { groupCluster, type JobGroup } from "./cluster-groups.ts";
import { EventsStrip } from "./EventsStrip.tsx";
import { JobPanel } from "./JobPanel.tsx";
import { PodGrid } from "./PodGrid.tsx";
import { usePresence } from "./use-presence.ts";
import { useViz, useVizLab } from "../viz/context.tsx";
import { CronLaneStrip } from "../viz/CronLaneStrip.tsx";
import { snapshotAt } from "../viz/history.ts";
import { Inspector } from "../viz/Inspector.tsx";
import { NodeStrip } from "../viz/NodeStrip.tsx";
import { TableView } from "../viz/TableView.tsx";
import { Timeline } from "../viz/Timeline.tsx";
import "./cluster-view.css";
import "../viz/viz.css";

const EXIT_MS = 450;
const groupKey = (g: JobGroup) => g.job.metadata.uid ?? g.job.metadata.name ?? "";

function JobList({ groups }: { groups: readonly JobGroup[] }) {
  const shown = usePresence(groups, groupKey, EXIT_MS);
  return shown.map((g) => (
    <JobPanel key={g.key} job={g.item.job} pods={g.item.pods} leaving={g.leaving} />
  ));
}

function CronJobPanel({ cronjob, jobs }: { cronjob: CronJob; jobs: readonly JobGroup[] }) {
  const name = cronjob.metadata.name ?? "";
  const last = cronjob.status?.lastScheduleTime;
  const suspended = cronjob.spec.suspend === true;
  const t = useT();
  const viz = useVizLab();
  return (
    <section className="cronjob" aria-label={t("cluster.cronJobLabel", { name })}>
      <header className="cronjob__header" data-testid="cronjob-header" data-cronjob={name}>
        <span className="job__kind">CronJob</span>
        <button
          type="button"
          className="job__name job__select"
          onClick={() => viz?.store.setState({ selection: { kind: "CronJob", name } })}
          title="Inspect: why, YAML, describe, events"
        >
          {name}
        </button>
        <code className="cronjob__schedule" title={t("cluster.schedule")}>
          {cronjob.spec.schedule}
        </code>
        {suspended && <span className="badge badge--pending">{t("cluster.suspended")}</span>}
        <span className="cronjob__meta">
          {t("cluster.cronJobMeta", {
            active: cronjob.status?.active?.length ?? 0,
            last: last ? formatTimeOfDay(Date.parse(last)) : t("cluster.never"),
          })}
        </span>
      </header>
      <CronLaneStrip cronjob={cronjob} />
      <div className="cronjob__jobs">
        {jobs.length === 0 ? (
          <p className="job__empty">{t("cluster.noJobs")}</p>
        ) : (
          <JobList groups={jobs} />
        )}
      </div>
    </section>
  );
}

/** The cluster at a glance: CronJobs, their Jobs, the Jobs' Pods, and Pods nobody owns. */
export function ClusterView() {
  const live = { pods: usePods(), jobs: useJobs(), cronjobs: useCronJobs(), nodes: useNodes() };
  const viz = useVizLab();
  const scrubAt = useViz((s) => s.scrubAt);
  const history = useViz((s) => s.history);
  const view = useViz((s) => s.view);
  const timelineOpen = useViz((s) => s.timelineOpen);
  const selection = useViz((s) => s.selection);
  // Scrubbing the timeline shows the cluster as it was then (from the recorded history).
  const past = useMemo(
    () => (scrubAt !== undefined && history ? snapshotAt(history, scrubAt) : undefined),
    [scrubAt, history],
  );
  const { pods, jobs, cronjobs, nodes } = past ?? live;
  const groups = useMemo(() => groupCluster(pods, jobs, cronjobs), [pods, jobs, cronjobs]);
  const empty = pods.length === 0 && jobs.length === 0 && cronjobs.length === 0;
  const t = useT();
  return (
    <section className="cluster" aria-label={t("cluster.label")} data-testid="cluster-view">
      <div className="cluster__bar">
        <h2 className="panel-title">{t("cluster.label")}</h2>
        <span className="cluster__counts">
          {t("cluster.counts", {
            cronjobs: cronjobs.length,
            jobs: jobs.length,
            pods: pods.length,
            nodes: nodes.length,
          })}
        </span>
        {viz && (
          <div className="cluster__views" role="group" aria-label={t("cluster.views")}>
            <button
              type="button"
              aria-pressed={view === "canvas"}
              onClick={() => viz.store.setState({ view: "canvas" })}
              data-testid="view-canvas"
            >
              {t("cluster.viewCanvas")}
            </button>
            <button
              type="button"
              aria-pressed={view === "table"}
              onClick={() => viz.store.setState({ view: "table" })}
              data-testid="view-table"
            >
              {t("cluster.viewTable")}
            </button>
            <button
              type="button"
              aria-pressed={timelineOpen}
              onClick={() => viz.store.setState({ timelineOpen: !timelineOpen })}
              data-testid="view-timeline"
            >
              {t("cluster.viewTimeline")}
            </button>
          </div>
        )}
      </div>
      {past && (
        <p className="cluster__past" role="status" data-testid="preview-banner">
          {t("cluster.pastBanner")}
        </p>
      )}
      <div className="cluster__split">
        <div className={`cluster__body${past ? " is-past" : ""}`} data-testid="cluster-canvas">
          {viz && <NodeStrip nodes={nodes} pods={pods} />}
          {empty ? (
            <div className="cluster__empty">
              <p>{t("cluster.empty")}</p>
              <p>
                {t("cluster.emptyHow1")} <strong>{t("editor.applyButton")}</strong> (<kbd>Ctrl</kbd>
                +<kbd>Enter</kbd>){t("cluster.emptyHow2")} <code>kubectl apply -f job.yaml</code>{" "}
                {t("cluster.emptyHow3")}
              </p>
            </div>
          ) : view === "table" && viz ? (
            <TableView pods={pods} jobs={jobs} cronjobs={cronjobs} />
          ) : (
            <>
              {groups.cronjobs.map((g) => (
                <CronJobPanel key={g.cronjob.metadata.uid} cronjob={g.cronjob} jobs={g.jobs} />
              ))}
              <JobList groups={groups.jobs} />
              {groups.pods.length > 0 && (
                <section className="job job--bare" aria-label={t("cluster.barePods")}>
                  <header className="job__header">
                    <div className="job__title">
                      <span className="job__kind">Pods</span>
                      <span className="job__name">{t("cluster.notOwned")}</span>
                    </div>
                  </header>
                  <PodGrid pods={groups.pods} label={t("cluster.barePods")} />
                </section>
              )}
            </>
          )}
        </div>
        {selection && <Inspector />}
      </div>
      {timelineOpen && <Timeline />}
      <EventsStrip />
    </section>
  );
}
