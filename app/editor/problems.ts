/** One row of the problems list (any marker owner), sorted by position. */
export interface Problem {
  line: number;
  column: number;
  severity: "error" | "warning" | "info";
  message: string;
  source?: string;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

/**
 * The problems list's rows: every marker once (the same message at the same place from two
 * sources is one problem), in document order, errors first on a tie.
 */
export function problemRows(markers: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const m of markers) {
    const key = `${m.line}:${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out.sort(
    (a, b) => a.line - b.line || rank[a.severity] - rank[b.severity] || a.column - b.column,
  );
}
