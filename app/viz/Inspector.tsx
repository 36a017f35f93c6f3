import { useMemo, useState } from "react";
import type { CronJob, Job, Node, Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useLab, useLabActions } from "../state/hooks.ts";
import { useViz, useVizLab } from "./context.tsx";
import { ganttModel } from "./gantt.ts";
import { snapshotAt } from "./history.ts";
import { ownerUid } from "./k8s.ts";
import type { Selection } from "./viz-store.ts";
import { whyCronJob, whyJob, type Reason } from "./why.ts";

type Tab = "why" | "yaml" | "describe" | "logs" | "events";

const RESOURCE: Record<Selection["kind"], string> = {
  Pod: "pod",
  Job: "job",
  CronJob: "cronjob",
  Node: "node",
};

function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="insp__copy"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setDone(true),
          () => setDone(false),
        );
        setTimeout(() => setDone(false), 1200);
      }}
      data-testid="inspector-copy"
    >
      {done ? t("insp.copied") : t("insp.copy", { what: label })}
    </button>
  );
}

function Output({ text, label, id }: { text: string; label: string; id: string }) {
  const t = useT();
  return (
    <div className="insp__out">
      <CopyButton text={text} label={label} />
      <pre tabIndex={0} aria-label={label} data-testid={`inspector-${id}`}>
        {text || t("insp.nothing")}
      </pre>
    </div>
  );
}

function WhyList({ reasons }: { reasons: readonly Reason[] }) {
  const t = useT();
  return (
    <ul className="why" data-testid="why-panel" aria-live="polite">
      {reasons.map((r, i) => (
        <li key={i} className={`why__item why__item--${r.tone}`}>
          <span className="why__glyph" aria-hidden="true">
            {r.tone === "wait" ? "◷" : r.tone === "bad" ? "✕" : r.tone === "ok" ? "✓" : "•"}
          </span>
          <span className="why__text">{t(r.key, r.params)}</span>
          {r.href && (
            <a
              className="why__field"
              href={r.href}
              target="_blank"
              rel="noreferrer"
              title={t("insp.docs", { field: r.field ?? "" })}
            >
              {r.field}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Failure injection for the selected object: each runs a recorded line (`lab fault …`). */
function Faults({ sel }: { sel: Selection }) {
  const actions = useLabActions();
  const t = useT();
  const [runs, setRuns] = useState(2);
  const [code, setCode] = useState(1);
  const run = (line: string) => actions.exec(line);
  if (sel.kind === "Pod")
    return (
      <div className="insp__faults" role="group" aria-label="Inject a failure">
        <button
          type="button"
          onClick={() => run(`kubectl delete pod ${sel.name} --wait=false`)}
          data-testid="fault-delete"
        >
          {t("insp.deletePod")}
        </button>
        <button
          type="button"
          onClick={() => run(`lab fault kill pod/${sel.name}`)}
          data-testid="fault-kill"
        >
          {t("insp.killPod")}
        </button>
      </div>
    );
  if (sel.kind === "Job")
    return (
      <div className="insp__faults" role="group" aria-label="Inject a failure">
        <label>
          {t("insp.nextRuns1")}{" "}
          <input
            type="number"
            min={1}
            max={50}
            value={runs}
            onChange={(e) => setRuns(Number(e.target.value))}
          />{" "}
          {t("insp.nextRuns2")}
        </label>
        <label>
          {t("insp.exit")}{" "}
          <input
            type="number"
            min={0}
            max={255}
            value={code}
            onChange={(e) => setCode(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          onClick={() => run(`lab fault exit job/${sel.name} --runs=${runs} --exit-code=${code}`)}
          data-testid="fault-exit"
        >
          {t("insp.makeFail")}
        </button>
      </div>
    );
  if (sel.kind === "Node")
    return (
      <div className="insp__faults" role="group" aria-label="Inject a failure">
        <button type="button" onClick={() => run(`lab fault node ${sel.name} NotReady`)}>
          {t("insp.markNotReady")}
        </button>
        <button type="button" onClick={() => run(`lab fault node ${sel.name} Ready`)}>
          {t("insp.markReady")}
        </button>
        <p className="insp__note">{t("insp.nodeNote")}</p>
      </div>
    );
  return null;
}

/** Click any object → why (Jobs, CronJobs), live YAML, describe, logs, events; fault buttons. */
export function Inspector() {
  const viz = useVizLab();
  const tr = useT();
  const sel = useViz((s) => s.selection);
  const scrubAt = useViz((s) => s.scrubAt);
  const history = useViz((s) => s.history);
  const revision = useLab((s) => s.cluster.revision);
  const now = useLab((s) => Math.floor(s.cluster.now / 1000) * 1000);
  const mirror = useLab((s) => s.cluster);
  const [tab, setTab] = useState<Tab>("why");
  const [container, setContainer] = useState<string>("");
  const [previous, setPrevious] = useState(false);

  const at = scrubAt ?? mirror.now;
  const data = useMemo(
    () => (scrubAt !== undefined && history ? snapshotAt(history, scrubAt) : mirror),
    [scrubAt, history, mirror],
  );
  const obj = sel
    ? (sel.kind === "Pod"
        ? data.pods
        : sel.kind === "Job"
          ? data.jobs
          : sel.kind === "CronJob"
            ? data.cronjobs
            : data.nodes
      ).find((o) => o.metadata.name === sel.name)
    : undefined;

  const reasons = useMemo(() => {
    void now;
    if (!sel || !obj) return [];
    if (sel.kind === "Job") {
      const job = obj as Job;
      const pods = data.pods.filter((p) => ownerUid(p, "Job") === job.metadata.uid);
      return whyJob(job, pods, at);
    }
    if (sel.kind === "CronJob" && history) {
      const cj = obj as CronJob;
      const jobs = data.jobs.filter((j) => ownerUid(j, "CronJob") === cj.metadata.uid);
      const lane = ganttModel(history, at).cronjobs.find((c) => c.uid === cj.metadata.uid);
      return whyCronJob(cj, jobs, lane, at);
    }
    return [];
  }, [sel, obj, data, at, history, now]);

  const pod = sel?.kind === "Pod" ? (obj as Pod | undefined) : undefined;
  const containers = pod
    ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
    : [];
  const c = containers.includes(container) ? container : (containers[containers.length - 1] ?? "");
  const hasWhy = sel?.kind === "Job" || sel?.kind === "CronJob";
  const shownTab: Tab = tab === "why" && !hasWhy ? "yaml" : tab === "logs" && !pod ? "yaml" : tab;

  const text = useMemo(() => {
    void revision;
    if (!viz || !sel || shownTab === "why") return "";
    const ref = `${RESOURCE[sel.kind]} ${sel.name}`;
    const line =
      shownTab === "yaml"
        ? `kubectl get ${ref} -o yaml`
        : shownTab === "describe"
          ? `kubectl describe ${ref}`
          : shownTab === "logs"
            ? `kubectl logs ${sel.name} -c ${c}${previous ? " --previous" : ""}`
            : `kubectl get events --field-selector involvedObject.name=${sel.name}`;
    const r = viz.inspect(line);
    return r.chunks.map((ch) => ch.text).join("");
  }, [viz, sel, shownTab, c, previous, revision]);

  if (!viz || !sel) return null;
  const close = () => viz.store.setState({ selection: undefined });
  const tabs: Tab[] = [
    ...(hasWhy ? (["why"] as Tab[]) : []),
    "yaml",
    "describe",
    ...(pod ? (["logs"] as Tab[]) : []),
    "events",
  ];
  const node = sel.kind === "Node" ? (obj as Node | undefined) : undefined;
  return (
    <aside
      className="insp"
      aria-label={tr("insp.label", { kind: sel.kind, name: sel.name })}
      data-testid="inspector"
    >
      <header className="insp__head">
        <span className="job__kind">{sel.kind}</span>
        <span className="insp__name">{sel.name}</span>
        {!obj && <span className="badge badge--terminating">{tr("insp.gone")}</span>}
        {node && (
          <span className="badge">
            {node.status.conditions.find((x) => x.type === "Ready")?.status === "True"
              ? "Ready"
              : "NotReady"}
          </span>
        )}
        <button type="button" className="insp__close" onClick={close} aria-label={tr("insp.close")}>
          ×
        </button>
      </header>
      <div className="insp__tabs" role="tablist" aria-label={tr("insp.views")}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={shownTab === t}
            onClick={() => setTab(t)}
            data-testid={`inspector-tab-${t}`}
          >
            {t === "why"
              ? tr("insp.tabWhy")
              : t === "yaml"
                ? tr("insp.tabYaml")
                : t === "describe"
                  ? tr("insp.tabDescribe")
                  : t === "logs"
                    ? tr("insp.tabLogs")
                    : tr("insp.tabEvents")}
          </button>
        ))}
      </div>
      <div className="insp__body" role="tabpanel">
        {scrubAt !== undefined && shownTab !== "why" && (
          <p className="insp__note">{tr("insp.nowNote")}</p>
        )}
        {shownTab === "why" ? (
          reasons.length ? (
            <WhyList reasons={reasons} />
          ) : (
            <p className="insp__note">{tr("insp.noLonger")}</p>
          )
        ) : (
          <>
            {shownTab === "logs" && (
              <div className="insp__logopts">
                <label>
                  {tr("insp.container")}{" "}
                  <select value={c} onChange={(e) => setContainer(e.target.value)}>
                    {containers.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={previous}
                    onChange={(e) => setPrevious(e.target.checked)}
                  />{" "}
                  {tr("insp.previous")}
                </label>
              </div>
            )}
            <Output
              text={text}
              id={shownTab}
              label={
                shownTab === "yaml"
                  ? tr("insp.outYaml")
                  : shownTab === "describe"
                    ? tr("insp.outDescribe")
                    : shownTab === "logs"
                      ? tr("insp.outLogs")
                      : tr("insp.outEvents")
              }
            />
          </>
        )}
      </div>
      <Faults sel={sel} />
    </aside>
  );
}
