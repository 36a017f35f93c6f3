import type { LabelSelector } from "../../api/types.ts";

/**
 * apimachinery label formatting: `labels.FormatLabels` (`--show-labels`) and a LabelSelector
 * rendered as `labels.Selector.String()` (describe's `Selector:`) or `FormatLabelSelector`
 * (the wide SELECTOR column, `<none>` when empty).
 */

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Go `sort.Strings` order (byte order; identical to code-unit order for ASCII keys). */
export function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort(byCodeUnit);
}

/** `labels.FormatLabels`: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = sortedKeys(labels);
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(",") : "<none>";
}

/**
 * `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key, matchLabels as
 * `k=v`, `In`/`NotIn` with sorted values, `Exists` as `k`, `DoesNotExist` as `!k`. A nil or
 * empty selector yields the empty string.
 */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}))
    reqs.push({ key: k, text: `${k}=${sel.matchLabels![k]}` });
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort(byCodeUnit).join(",");
    const text =
      e.operator === "In"
        ? `${e.key} in (${vals})`
        : e.operator === "NotIn"
          ? `${e.key} notin (${vals})`
          : e.operator === "Exists"
            ? e.key
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  return reqs
    .sort((a, b) => byCodeUnit(a.key, b.key))
    .map((r) => r.text)
    .join(",");
}

/** `metav1.FormatLabelSelector`: the selector string, `<none>` when it selects by nothing. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || "<none>";
}
