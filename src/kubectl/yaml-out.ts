/**
 * YAML as `kubectl get -o yaml` writes it (sigs.k8s.io/yaml over go-yaml): keys sorted, sequences
 * at their parent's indentation, strings quoted only when they would read as another type.
 */
const plainUnsafe =
  /^$|^[\s]|[\s]$|^[-?:](\s|$)|^[,[\]{}#&*!|>'"%@`]|: | #|^(true|false|yes|no|on|off|y|n|null|~)$|^[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o?[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^\d{4}-\d\d-\d\d/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = typeof v === "string" ? v : JSON.stringify(v);
  // eslint-disable-next-line no-control-regex -- control characters force double quotes, as in go-yaml
  if (plainUnsafe.test(s) || /[\x00-\x1f]/.test(s)) return JSON.stringify(s);
  return s;
}

function emit(v: unknown, indent: string, out: string[], inList: boolean): void {
  void inList;
  if (Array.isArray(v)) {
    for (const item of v) {
      if (
        item !== null &&
        typeof item === "object" &&
        !(Array.isArray(item) && item.length === 0) &&
        Object.keys(item as object).length > 0
      ) {
        const sub: string[] = [];
        emit(item, indent + "  ", sub, true);
        out.push(`${indent}- ${sub[0].slice(indent.length + 2)}`, ...sub.slice(1));
      } else out.push(`${indent}- ${inline(item)}`);
    }
    return;
  }
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj).sort()) {
    const val = obj[k];
    if (val === undefined) continue;
    const key = scalar(k);
    if (val !== null && typeof val === "object" && Object.keys(val).length > 0) {
      out.push(`${indent}${key}:`);
      emit(val, Array.isArray(val) ? indent : indent + "  ", out, false);
    } else if (typeof val === "string" && val.includes("\n")) {
      out.push(`${indent}${key}: |${val.endsWith("\n") ? "" : "-"}`);
      for (const line of val.replace(/\n$/, "").split("\n"))
        out.push(line === "" ? "" : `${indent}  ${line}`);
    } else out.push(`${indent}${key}: ${inline(val)}`);
  }
}

function inline(v: unknown): string {
  if (Array.isArray(v) && v.length === 0) return "[]";
  if (v !== null && typeof v === "object" && Object.keys(v).length === 0) return "{}";
  return scalar(v);
}

export function toYaml(v: unknown): string {
  const out: string[] = [];
  emit(v, "", out, false);
  return out.join("\n") + "\n";
}
