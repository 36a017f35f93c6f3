import { memo } from "react";
import type { Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useLabContext } from "../state/context.tsx";
import { useLab } from "../state/hooks.ts";
import { podView, TONE_GLYPH } from "./pod-status.ts";
import { useViz, useVizLab } from "../viz/context.tsx";
import { INDEX_LABEL } from "../viz/k8s.ts";

/** full: a card per pod; compact: name suffix + status; dense: one line, status in the legend. */
export type Density = "full" | "compact" | "dense";

interface Props {
  pod: Pod;
  density: Density;
  leaving: boolean;
}

/** The random suffix kubectl's name generator added (`sum-x7k2p` → `x7k2p`), for compact tiles. */
const shortName = (name: string) => /-([a-z0-9]{5})$/.exec(name)?.[1] ?? name;

/** One Pod: kubectl's STATUS (text + glyph + colour), restarts, node and age. */
export const PodCard = memo(function PodCard({ pod, density, leaving }: Props) {
  // Only full cards print the age and follow the clock; compact and dense tiles re-render when
  // their pod changes (300 tiles re-rendering each virtual minute at 100× cost whole frames), and
  // their tooltip, which has the age, is written when the pointer comes over them.
  const full = density === "full";
  const { store } = useLabContext();
  const clockNow = useLab((s) => (full ? Math.floor(s.cluster.now / 1000) * 1000 : 0));
  const v = podView(pod, full ? clockNow : store.getState().cluster.now);
  const t = useT();
  const summaryAt = (view: typeof v) =>
    t("pod.summary", {
      name: view.name,
      status: view.status,
      restarts: view.restarts,
      node: view.node ?? t("pod.noNode"),
      age: view.age,
    });
  const summary = full
    ? summaryAt(v)
    : t("pod.summaryShort", {
        name: v.name,
        status: v.status,
        restarts: v.restarts,
        node: v.node ?? t("pod.noNode"),
      });
  const viz = useVizLab();
  const selected = useViz((s) => s.selection?.kind === "Pod" && s.selection.name === v.name);
  const index = pod.metadata.labels?.[INDEX_LABEL];
  return (
    <li
      className={`pod pod--${v.tone} pod--${density}${leaving ? " pod--leaving" : ""}${selected ? " is-selected" : ""}`}
      data-testid="pod-card"
      data-pod={v.name}
      data-status={v.status}
      data-tone={v.tone}
      data-restarts={v.restarts}
      title={full ? summary : undefined}
      onPointerEnter={
        full
          ? undefined
          : (e) => {
              e.currentTarget.title = summaryAt(podView(pod, store.getState().cluster.now));
            }
      }
    >
      <button
        type="button"
        className="pod__hit"
        aria-pressed={selected}
        onClick={() => viz?.store.setState({ selection: { kind: "Pod", name: v.name } })}
      >
        {index !== undefined && (
          <span className="pod__index" title={t("pod.indexTitle")}>
            #{index}
          </span>
        )}
        {density === "dense" ? (
          <>
            <span className="pod__glyph" aria-hidden="true" key={v.status}>
              {TONE_GLYPH[v.tone]}
            </span>
            <span className="pod__id">{shortName(v.name)}</span>
          </>
        ) : density === "compact" ? (
          <>
            <span className="pod__id">{shortName(v.name)}</span>
            <span className="pod__status" key={v.status}>
              <span className="pod__glyph" aria-hidden="true">
                {TONE_GLYPH[v.tone]}
              </span>
              {v.status}
            </span>
          </>
        ) : (
          <>
            <div className="pod__top">
              <span className="pod__status" key={v.status}>
                <span className="pod__glyph" aria-hidden="true">
                  {TONE_GLYPH[v.tone]}
                </span>
                {v.status}
              </span>
              {v.restarts > 0 && (
                <span className="pod__restarts" title={t("pod.restarts")} key={v.restarts}>
                  ↻ {v.restarts}
                </span>
              )}
            </div>
            <div className="pod__name">{v.name}</div>
            <div className="pod__meta">
              <span>{v.node ?? t("pod.unscheduled")}</span>
              <span aria-hidden="true">·</span>
              <span>{v.age}</span>
            </div>
          </>
        )}
        <span className="visually-hidden">{`, ${summary}${index !== undefined ? `, index ${index}` : ""}`}</span>
      </button>
    </li>
  );
});
