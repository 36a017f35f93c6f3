import type { KubeObject } from "../api/types.ts";
import { goJson } from "./go-format.ts";
import { jsonPath } from "./jsonpath/jsonpath.ts";
import { printCustomColumns } from "./printers/custom-columns.ts";
import { resourceName } from "./printers/name.ts";
import { toYaml } from "./yaml-out.ts";

/**
 * `-o` as kubectl's print flags parse it (cli-runtime `genericclioptions/*_flags.go`): the
 * human table (`wide`), `name`, `yaml`, `json`, `jsonpath=…`, `jsonpath-as-json=…`,
 * `custom-columns=…`.
 */
export type OutputFormat =
  | { kind: "table"; wide: boolean }
  | { kind: "name" }
  | { kind: "yaml" }
  | { kind: "json" }
  | { kind: "jsonpath"; template: string; asJson: boolean }
  | { kind: "custom-columns"; spec: string };

const GET_FORMATS =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";
const OBJECT_FORMATS =
  "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** Parse `-o` for `get` (tables allowed) or for a verb that prints what it changed. */
export function parseOutput(
  value: string | undefined,
  forGet: boolean,
): OutputFormat | { error: string } {
  if (value === undefined || value === "") return { kind: "table", wide: false };
  const eq = value.indexOf("=");
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? undefined : value.slice(eq + 1);
  switch (name) {
    case "wide":
      if (forGet && arg === undefined) return { kind: "table", wide: true };
      break;
    case "name":
    case "yaml":
    case "json":
      if (arg === undefined) return { kind: name };
      break;
    case "jsonpath":
    case "jsonpath-as-json":
      if (!arg) return { error: "error: template format specified but no template given" };
      return { kind: "jsonpath", template: arg, asJson: name === "jsonpath-as-json" };
    case "custom-columns":
      if (!forGet) break;
      if (!arg)
        return { error: "error: custom-columns format specified but no custom columns given" };
      return { kind: "custom-columns", spec: arg };
    case "go-template":
    case "template":
    case "go-template-file":
    case "templatefile":
    case "jsonpath-file":
    case "custom-columns-file":
      return {
        error: `error: -o ${name} is not simulated in Batch Lab; -o jsonpath=… and -o custom-columns=… print the same fields`,
      };
  }
  return {
    error: `error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${forGet ? GET_FORMATS : OBJECT_FORMATS}`,
  };
}

/** The kubectl List wrapper for zero or several objects. */
export function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
}

/**
 * Print objects in a non-table format. `single` means one object was asked for by name (kubectl
 * prints it bare rather than inside a List). Returns stdout text or an error for stderr.
 */
export function printObjects(
  format: Exclude<OutputFormat, { kind: "table" }>,
  objects: readonly KubeObject[],
  single: boolean,
  noHeaders = false,
): { text: string } | { error: string } {
  const doc = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case "name":
      return { text: objects.map((o) => resourceName(o) + "\n").join("") };
    case "yaml":
      return { text: toYaml(doc) };
    case "json":
      return { text: goJson(doc, "    ") + "\n" };
    case "jsonpath": {
      const r = jsonPath(format.template, JSON.parse(JSON.stringify(doc)), format.asJson);
      return "error" in r ? { error: "error: " + r.error } : r;
    }
    case "custom-columns":
      return objects.length === 0
        ? { text: "" }
        : printCustomColumns(format.spec, objects, noHeaders);
  }
}
