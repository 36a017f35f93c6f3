import type { KubeObject } from "../../api/types.ts";
import type { DescribeWriter } from "./describe-writer.ts";
import { sortedKeys } from "./labels.ts";

/** describe.go helpers for metadata-shaped data: labels, annotations, tolerations, controller. */

/** Annotations longer than this are folded onto their own lines (describe.go maxAnnotationLen). */
const MAX_ANNOTATION_LEN = 140;

/** Hidden from every describe (describe.go skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** `printLabelsMultilineWithIndent`: `Title:\tk=v` then `\tk2=v2`, sorted; `<none>` when empty. */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

const shorten = (s: string, max: number): string => (s.length > max ? s.slice(0, max) + "..." : s);

/** `printAnnotationsMultiline`: `key: value` lines; long or multi-line values folded and cut. */
export function printAnnotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, indent);
    const value = annotations![key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${key}:\n`);
      for (const s of value.split("\n"))
        w.write(0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

const str = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : "";

/** `printTolerationsMultilineWithIndent`: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Record<string, unknown>[] | undefined,
  initialIndent = "",
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    str(a.key) < str(b.key) ? -1 : str(a.key) > str(b.key) ? 1 : 0,
  );
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, initialIndent + "\t");
    const key = str(t.key);
    const value = str(t.value);
    const effect = str(t.effect);
    let line = key;
    if (value) line += `=${value}`;
    if (effect) line += `:${effect}`;
    // `operator: Exists` with no value tolerates everything matching key/effect.
    if (t.operator === "Exists" && !value) line += key || effect ? " op=Exists" : "op=Exists";
    if (typeof t.tolerationSeconds === "number") line += ` for ${t.tolerationSeconds}s`;
    w.write(0, line + "\n");
  });
}

/** `printController`: `Kind/name` of the controlling owner reference, or "". */
export function controllerOf(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}
