import { loadAll, YAML11_SCHEMA } from "js-yaml";
import { resourceFor } from "../api/resources.ts";
import { typeForApiVersionKind } from "./kinds.ts";
import type { KubeObject } from "../api/types.ts";

export interface ManifestDoc {
  object: KubeObject;
  /** 1-based line in the file where the document starts. */
  line: number;
}

/** A problem with a manifest, worded as kubectl prints it, with a position for the editor. */
export interface ManifestError {
  message: string;
  line?: number;
  column?: number;
}

/** js-yaml's complaints mapped to the go-yaml wording kubectl shows (spec §6.1; only the prefix is fixed). */
function goYamlProblem(reason: string): string {
  if (reason.includes("tab characters")) return "found character that cannot start any token";
  if (reason.includes("bad indentation of a mapping entry"))
    return "mapping values are not allowed in this context";
  if (reason.includes("bad indentation of a sequence entry"))
    return "did not find expected '-' indicator";
  if (reason.includes("end of the stream or a document separator"))
    return "did not find expected key";
  if (reason.includes("multiline key") || reason.includes("implicit key"))
    return "could not find expected ':'";
  if (reason.includes("duplicated mapping key")) return "duplicated mapping key";
  if (reason.includes("flow collection")) return "did not find expected ',' or ']'";
  if (reason.includes("quoted scalar")) return "found unexpected end of stream";
  return reason;
}

/** Split a multi-document stream at `---` lines, remembering where each document starts. */
function splitDocuments(text: string): { body: string; line: number }[] {
  const lines = text.split("\n");
  const docs: { body: string; line: number }[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i])) {
      docs.push({ body: lines.slice(start, i).join("\n"), line: start + 1 });
      start = i + 1;
    }
  }
  return docs;
}

/**
 * Decode a manifest file the way kubectl does: each YAML document on its own, empty documents
 * skipped, `kind: List` expanded; syntax errors as `error: error parsing <file>: error converting
 * YAML to JSON: yaml: line <n>: <problem>` (line within the document, as kubectl reports it).
 */
export function decodeManifests(
  text: string,
  file: string,
): { docs: ManifestDoc[] } | { error: ManifestError } {
  const docs: ManifestDoc[] = [];
  for (const d of splitDocuments(text)) {
    let values: unknown[];
    try {
      values = loadAll(d.body, { schema: YAML11_SCHEMA });
    } catch (e) {
      const ex = e as { reason?: string; mark?: { line: number; column: number }; message: string };
      const localLine = (ex.mark?.line ?? 0) + 1;
      return {
        error: {
          message: `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${localLine}: ${goYamlProblem(ex.reason ?? ex.message)}`,
          line: d.line + localLine - 1,
          column: (ex.mark?.column ?? 0) + 1,
        },
      };
    }
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (typeof v !== "object" || Array.isArray(v)) {
        return {
          error: {
            message: `error: error validating "${file}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
            line: d.line,
          },
        };
      }
      const obj = v as KubeObject & { items?: KubeObject[] };
      if (obj.kind === "List" && Array.isArray(obj.items)) {
        for (const item of obj.items) docs.push({ object: item, line: d.line });
        continue;
      }
      docs.push({ object: obj, line: d.line });
    }
  }
  return { docs };
}

/** Client-side checks kubectl makes before sending (kind/apiVersion present, kind known). */
export function checkObject(obj: KubeObject, file: string): string | undefined {
  const missing = [!obj.apiVersion && "apiVersion", !obj.kind && "kind"].filter(Boolean);
  if (missing.length) {
    return `error: error validating "${file}": error validating data: [${missing.map((m) => `${m} not set`).join(", ")}]; if you choose to ignore these errors, turn validation off with --validate=false`.replace(
      /\[([^,\]]+)\]/,
      "$1",
    );
  }
  const rt = resourceFor(obj.kind);
  const expected = rt ? (rt.group ? `${rt.group}/${rt.version}` : rt.version) : undefined;
  if (!rt || expected !== obj.apiVersion) {
    const name = obj.metadata?.name ?? "";
    const base = `error: resource mapping not found for name: "${name}" namespace: "${obj.metadata?.namespace ?? ""}" from "${file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`;
    const other = typeForApiVersionKind(String(obj.apiVersion), String(obj.kind));
    if (other)
      return `error: Batch Lab does not simulate ${other.plural} (${obj.apiVersion} ${obj.kind}): it runs Jobs, CronJobs, Pods, ConfigMaps, Secrets, PersistentVolumeClaims and Services`;
    if (rt && expected)
      return `${base}\nlab: ${obj.kind} is served as ${expected} since Kubernetes 1.25 (${obj.apiVersion} was removed); write apiVersion: ${expected}`;
    return base;
  }
  return undefined;
}
