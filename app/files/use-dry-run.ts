import { useEffect, useState } from "react";
import type { KubeObject } from "../../src/api/types.ts";
import { checkMarkers } from "../lab/apply-markers.ts";
import type { EditorMarker } from "../editor/types.ts";

/** How long typing must pause before the file is dry-run through the API server. */
export const DRY_RUN_DELAY_MS = 500;

const NONE: readonly EditorMarker[] = [];

/**
 * The API server's verdict on the file as it is typed (debounced): markers with the exact
 * messages Apply would print. Re-checked when the text, the file, the virtual minute or the
 * live objects it updates (`epoch`: e.g. the last apply's number) change.
 */
export function useDryRun(
  text: string,
  file: string,
  now: number,
  epoch: number,
  live: (obj: KubeObject) => KubeObject | undefined,
): readonly EditorMarker[] {
  const [state, setState] = useState<{ key: string; markers: readonly EditorMarker[] }>({
    key: "",
    markers: NONE,
  });
  const key = `${file}\n${epoch}\n${text}`;
  useEffect(() => {
    const timer = setTimeout(() => {
      const markers = checkMarkers(text, file, { live, now });
      setState((s) =>
        JSON.stringify(s.markers) === JSON.stringify(markers)
          ? { key, markers: s.markers }
          : { key, markers: markers.length ? markers : NONE },
      );
    }, DRY_RUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, text, file, now, live]);
  // Another file's markers never show on this one, even before its first check ran.
  return state.key.split("\n", 1)[0] === file ? state.markers : NONE;
}
