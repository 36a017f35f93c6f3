import { memo } from "react";
import type { Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useNowEvery } from "../state/hooks.ts";
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
  // Only full cards print the age; the others re-render less often (300 tiles at 100×).
  const now = useNowEvery(density === "full" ? 1000 : 60_000);
  const v = podView(pod, now);
  const t = useT();
  const summary = t("pod.summary", {
    name: v.name,
    status: v.status,
    restarts: v.restarts,
    node: v.node ?? t("pod.noNode"),
    age: v.age,
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
      title={summary}
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
