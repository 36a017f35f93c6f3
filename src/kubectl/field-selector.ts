import type { ResourceType } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";

/**
 * `--field-selector` (apimachinery `fields.ParseSelector`): `a=b`, `a==b`, `a!=b`, comma-joined.
 * Only the fields each resource's registry strategy exposes are accepted (`GetAttrs` /
 * `AddFieldLabelConversionFunc` in 1.34); others are refused by the server.
 */
export interface FieldRequirement {
  field: string;
  op: "=" | "!=";
  value: string;
}

const common = ["metadata.name", "metadata.namespace"];
const byKind: Record<string, string[]> = {
  Pod: [
    ...common,
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.podIPs",
    "status.nominatedNodeName",
  ],
  Event: [
    ...common,
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  Job: [...common, "status.successful"],
  Secret: [...common, "type"],
  Node: [...common, "spec.unschedulable"],
  Namespace: [...common, "status.phase"],
};

export function parseFieldSelector(s: string): { reqs: FieldRequirement[] } | { error: string } {
  const reqs: FieldRequirement[] = [];
  for (const part of s.split(",")) {
    if (part === "") continue;
    const m = /^([^=!]*)(==|=|!=)(.*)$/.exec(part);
    if (!m) return { error: `invalid selector: '${s}'; can't understand '${part}'` };
    reqs.push({ field: m[1].trim(), op: m[2] === "!=" ? "!=" : "=", value: m[3].trim() });
  }
  return { reqs };
}

/** The server's answer to an unsupported field, or undefined when every field is known. */
export function checkFields(
  rt: ResourceType,
  reqs: FieldRequirement[],
  labelSel: string,
  fieldSel: string,
): string | undefined {
  const allowed = byKind[rt.kind] ?? common;
  const bad = reqs.find((r) => !allowed.includes(r.field));
  if (!bad) return undefined;
  const gvr = `${rt.group}/${rt.version}, Resource=${rt.plural}`;
  return `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labelSel}", field selector "${fieldSel}": field label not supported: ${bad.field}`;
}

function fieldValue(o: KubeObject, field: string): string {
  if (field === "status.successful") {
    return String((o as { status?: { succeeded?: number } }).status?.succeeded ?? 0);
  }
  if (field === "source") {
    const src = (o as { source?: { component?: string } }).source;
    return src?.component ?? "";
  }
  let cur: unknown = o;
  for (const k of field.split(".")) {
    cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
  }
  if (cur === undefined || cur === null) return "";
  if (Array.isArray(cur))
    return cur.map((x) => (x as { ip?: string }).ip ?? JSON.stringify(x)).join(",");
  if (typeof cur === "string") return cur;
  return JSON.stringify(cur);
}

export function fieldsMatch(reqs: FieldRequirement[], o: KubeObject): boolean {
  return reqs.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === "="));
}
