import type { Pod } from "../../src/api/types.ts";
import { PodCard } from "./PodCard.tsx";
import { usePresence } from "./use-presence.ts";

/** Above this many pods a group switches to compact tiles, so 100+ pods stay on one screen. */
export const COMPACT_AT = 12;
/** How long a deleted pod's card fades out (matches the CSS animation). */
const EXIT_MS = 450;

const podKey = (p: Pod) => p.metadata.uid ?? p.metadata.name ?? "";

export function PodGrid({ pods, label }: { pods: readonly Pod[]; label: string }) {
  const shown = usePresence(pods, podKey, EXIT_MS);
  if (shown.length === 0) return null;
  const compact = pods.length > COMPACT_AT;
  return (
    <ul className={`pod-grid${compact ? " pod-grid--compact" : ""}`} aria-label={label}>
      {shown.map((p) => (
        <PodCard key={p.key} pod={p.item} compact={compact} leaving={p.leaving} />
      ))}
    </ul>
  );
}
