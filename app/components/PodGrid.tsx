import { useMemo } from "react";
import type { Pod } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { PodCard, type Density } from "./PodCard.tsx";
import { podView, TONE_GLYPH, type Tone } from "./pod-status.ts";
import { usePresence } from "./use-presence.ts";

/** Above this many pods a group switches to compact tiles… */
export const COMPACT_AT = 12;
/** …and above this to one-line tiles, with the status names in a legend, so 100+ pods fit. */
export const DENSE_AT = 40;
/**
 * Tiles drawn per group at most: the newest pods. Thousands of tiles make every frame slow (style,
 * layout and hit testing grow with them); the legend still counts every pod, the table lists them.
 */
export const MAX_TILES = 300;
/** How long a deleted pod's card fades out (matches the CSS animation). */
const EXIT_MS = 450;

const podKey = (p: Pod) => p.metadata.uid ?? p.metadata.name ?? "";

/** The `max` most recently created of `items` (all of them when fewer), in their order. */
function newest<T extends { item: Pod }>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? "") || 0;
  const keep = new Set([...items].sort((a, b) => created(a.item) - created(b.item)).slice(-max));
  return items.filter((p) => keep.has(p));
}

export function densityFor(count: number): Density {
  return count > DENSE_AT ? "dense" : count > COMPACT_AT ? "compact" : "full";
}

/** "✓ Completed 80 · ▶ Running 40": how many pods show each STATUS, in order of appearance. */
function StatusLegend({ pods }: { pods: readonly Pod[] }) {
  const t = useT();
  // A pod's STATUS does not depend on the clock (only ages do): count when the pods change.
  const counts = useMemo(() => {
    const m = new Map<string, { tone: Tone; n: number }>();
    for (const p of pods) {
      const v = podView(p, 0);
      const e = m.get(v.status);
      if (e) e.n++;
      else m.set(v.status, { tone: v.tone, n: 1 });
    }
    return [...m.entries()];
  }, [pods]);
  return (
    <ul className="pod-legend" aria-label={t("pod.byStatus")} data-testid="pod-legend">
      {counts.map(([status, { tone, n }]) => (
        <li key={status} className={`pod-legend__item pod--${tone}`}>
          <span aria-hidden="true">{TONE_GLYPH[tone]}</span> {status} <strong>{n}</strong>
        </li>
      ))}
    </ul>
  );
}

export function PodGrid({ pods, label }: { pods: readonly Pod[]; label: string }) {
  const all = usePresence(pods, podKey, EXIT_MS);
  const t = useT();
  const shown = useMemo(() => newest(all, MAX_TILES), [all]);
  if (shown.length === 0) return null;
  const density = densityFor(pods.length);
  // Nodes as lanes: each node's pods on their own row, unscheduled pods first.
  const lanes = new Map<string, typeof shown>();
  for (const p of shown) {
    const node = p.item.spec.nodeName || "unscheduled";
    const lane = lanes.get(node);
    if (lane) lane.push(p);
    else lanes.set(node, [p]);
  }
  const order = [...lanes.keys()].sort((a, b) =>
    a === "unscheduled" ? -1 : b === "unscheduled" ? 1 : a < b ? -1 : 1,
  );
  return (
    <>
      {density !== "full" && <StatusLegend pods={pods} />}
      {shown.length < all.length && (
        <p className="pod-grid__capped" data-testid="pod-grid-capped">
          {t("grid.capped", { shown: shown.length, count: all.length })}
        </p>
      )}
      <div className="pod-lanes">
        {order.map((node) => {
          const name = node === "unscheduled" ? t("grid.unscheduled") : node;
          return (
            <div className="pod-lane" key={node} data-node={node}>
              <span className="pod-lane__node" title={t("pod.onNode", { node: name })}>
                {name}
              </span>
              <ul
                className={`pod-grid pod-grid--${density}`}
                aria-label={t("pod.gridOnNode", { label, node: name })}
              >
                {lanes.get(node)!.map((p) => (
                  <PodCard key={p.key} pod={p.item} density={density} leaving={p.leaving} />
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </>
  );
}
