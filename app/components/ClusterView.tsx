import { useMemo } from "react";
import type { CronJob, Job } from "../../src/api/types.ts";
import { useCronJobs, useJobs, useNodes, usePods } from "../state/hooks.ts";
import { formatTimeOfDay } from "./clock-format.ts";
import { groupCluster, type JobGroup } from "./cluster-groups.ts";
import { EventsStrip } from "./EventsStrip.tsx";
import { JobPanel } from "./JobPanel.tsx";
import { PodGrid } from "./PodGrid.tsx";
import { usePresence } from "./use-presence.ts";
import "./cluster-view.css";

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
  return (
    <section className="cronjob" aria-label={`CronJob ${name}`}>
      <header className="cronjob__header" data-testid="cronjob-header" data-cronjob={name}>
        <span className="job__kind">CronJob</span>
        <span className="job__name">{name}</span>
        <code className="cronjob__schedule" title="schedule">
          {cronjob.spec.schedule}
        </code>
        {suspended && <span className="badge badge--pending">Suspended</span>}
        <span className="cronjob__meta">
          active {cronjob.status?.active?.length ?? 0} · last schedule{" "}
          {last ? formatTimeOfDay(Date.parse(last)) : "never"}
        </span>
      </header>
      <div className="cronjob__jobs">
        {jobs.length === 0 ? <p className="job__empty">No Jobs yet.</p> : <JobList groups={jobs} />}
      </div>
    </section>
  );
}

/** The cluster at a glance: CronJobs, their Jobs, the Jobs' Pods, and Pods nobody owns. */
export function ClusterView() {
  const pods = usePods();
  const jobs = useJobs();
  const cronjobs = useCronJobs();
  const nodes = useNodes();
  const groups = useMemo(() => groupCluster(pods, jobs, cronjobs), [pods, jobs, cronjobs]);
  const empty = pods.length === 0 && jobs.length === 0 && cronjobs.length === 0;
  return (
    <section className="cluster" aria-label="Cluster" data-testid="cluster-view">
      <div className="cluster__bar">
        <h2 className="panel-title">Cluster</h2>
        <span className="cluster__counts">
          {count(cronjobs, "CronJob")} · {count(jobs, "Job")} · {count(pods, "Pod")} ·{" "}
          {count(nodes, "node")}
        </span>
      </div>
      <div className="cluster__body">
        {empty ? (
          <div className="cluster__empty">
            <p>No workloads yet.</p>
            <p>
              Write a Job in the editor and press <strong>Apply</strong> (<kbd>Ctrl</kbd>+
              <kbd>Enter</kbd>
              ), or run <code>kubectl apply -f job.yaml</code> in the terminal.
            </p>
          </div>
        ) : (
          <>
            {groups.cronjobs.map((g) => (
              <CronJobPanel key={g.cronjob.metadata.uid} cronjob={g.cronjob} jobs={g.jobs} />
            ))}
            <JobList groups={groups.jobs} />
            {groups.pods.length > 0 && (
              <section className="job job--bare" aria-label="Pods without a Job">
                <header className="job__header">
                  <div className="job__title">
                    <span className="job__kind">Pods</span>
                    <span className="job__name">not owned by a Job</span>
                  </div>
                </header>
                <PodGrid pods={groups.pods} label="Pods without a Job" />
              </section>
            )}
          </>
        )}
      </div>
      <EventsStrip />
    </section>
  );
}

function count(list: readonly (Job | CronJob | object)[], noun: string): string {
  return `${list.length} ${noun}${list.length === 1 ? "" : "s"}`;
}
