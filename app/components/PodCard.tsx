import { memo } from "react";
import type { Pod } from "../../src/api/types.ts";
import { useNowEvery } from "../state/hooks.ts";
import { podView, TONE_GLYPH } from "./pod-status.ts";

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
  const now = useNowEvery(1000);
  const v = podView(pod, now);
  const summary = `Pod ${v.name}: ${v.status}, ${v.restarts} restart${v.restarts === 1 ? "" : "s"}, node ${v.node ?? "none"}, age ${v.age}`;
  return (
    <li
      className={`pod pod--${v.tone} pod--${density}${leaving ? " pod--leaving" : ""}`}
      data-testid="pod-card"
      data-pod={v.name}
      data-status={v.status}
      data-tone={v.tone}
      title={summary}
      aria-label={summary}
    >
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
              <span className="pod__restarts" title="Restarts">
                ↻ {v.restarts}
              </span>
            )}
          </div>
          <div className="pod__name">{v.name}</div>
          <div className="pod__meta">
            <span>{v.node ?? "unscheduled"}</span>
            <span aria-hidden="true">·</span>
            <span>{v.age}</span>
          </div>
        </>
      )}
    </li>
  );
});
