/**
 * Label selectors as kubectl's `-l` accepts them (apimachinery `labels.Parse`): equality
 * (`a=b`, `a==b`, `a!=b`), set-based (`a in (x,y)`, `a notin (x)`), existence (`a`, `!a`).
 */
export type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists" };

export function parseSelector(s: string): { reqs: Requirement[] } | { error: string } {
  const reqs: Requirement[] = [];
  // Split on commas that are not inside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (p === "") {
      if (s.trim() === "") continue;
      return { error: `unable to parse requirement: found '', expected: identifier` };
    }
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      reqs.push({
        key: m[1],
        op: m[2] as "in" | "notin",
        values: m[3]
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } else if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(p))) {
      reqs.push({ key: m[1], op: m[2] === "!=" ? "!=" : "=", value: m[3] });
    } else if ((m = /^!\s*([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], op: "!exists" });
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], op: "exists" });
    } else {
      return { error: `unable to parse requirement: ${p}` };
    }
  }
  return { reqs };
}

export function matches(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case "=":
        return has && l[r.key] === r.value;
      case "!=":
        return !has || l[r.key] !== r.value;
      case "in":
        return has && r.values.includes(l[r.key]);
      case "notin":
        return !has || !r.values.includes(l[r.key]);
      case "exists":
        return has;
      case "!exists":
        return !has;
    }
  });
}
