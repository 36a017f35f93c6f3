import { qualifiedSingular, resourceFor } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { formatLabels } from "./labels.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

/**
 * A server-side Table (`meta.k8s.io/v1` Table) and kubectl's human-readable table printer
 * (cli-runtime `printers/tableprinter.go`). Row generators always fill every column, wide ones
 * included, as the API server does; the printer drops `wide` columns unless `-o wide`.
 */

export interface Column {
  /** Column name as the server declares it (`Last Seen`); the header upper-cases it. */
  name: string;
  /** Priority 1 in the server's column definitions: shown only with `-o wide`. */
  wide?: boolean;
}

export interface TableRow {
  cells: string[];
  object: KubeObject;
}

export interface Table {
  columns: Column[];
  rows: TableRow[];
}

export interface PrintOptions {
  /** `-o wide` */
  wide?: boolean;
  /** `--no-headers` */
  noHeaders?: boolean;
  /** `-A` / `--all-namespaces`: a leading NAMESPACE column. */
  withNamespace?: boolean;
  /** `--show-kind` (also implied when several kinds are listed): NAME becomes `job.batch/pi`. */
  showKind?: boolean;
  /** `--show-labels`: a trailing LABELS column. */
  showLabels?: boolean;
  /** `-L key1,key2`: one column per label key, headed by the upper-cased last path segment. */
  labelColumns?: string[];
  /** Column widths carried across calls (`kubectl get -w` keeps its columns aligned). */
  rememberedWidths?: number[];
}

/**
 * A cell as kubectl writes it: cut at the first line break with `...` appended (tabwriter
 * would otherwise treat it as a new line), terminal escapes made visible (`printers.WriteEscaped`).
 */
export function cellText(value: string): string {
  const br = value.search(/[\f\n\r]/);
  const text = br >= 0 ? value.slice(0, br) : value;
  return escapeTerminal(text) + (br >= 0 ? "..." : "");
}

/** cli-runtime `EscapeTerminal`: ESC and CR would let object data drive the user's terminal. */
export function escapeTerminal(s: string): string {
  return s.split("\u001b").join("^[").split("\r").join("\\r");
}

/** `job.batch`, `pod`: the lower-case GroupKind kubectl prefixes to names. */
export function kindPrefix(kind: string): string {
  const r = resourceFor(kind);
  return r ? qualifiedSingular(r) : kind.toLowerCase();
}

/** Render a table as `kubectl get` prints it. An empty table prints nothing at all. */
export function printTable(table: Table, opts: PrintOptions = {}): string {
  if (table.rows.length === 0) return "";
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || !c.wide);
  const labelCols = opts.labelColumns ?? [];
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header = shown.map(({ c }) => c.name.toUpperCase());
    for (const key of labelCols) header.push(key.split("/").pop()!.toUpperCase());
    if (opts.showLabels) header.push("LABELS");
    if (opts.withNamespace) header.unshift("NAMESPACE");
    lines.push(header);
  }
  for (const row of table.rows) {
    const cells = shown.map(({ i }) => cellText(row.cells[i] ?? ""));
    if (opts.showKind && cells.length) cells[0] = `${kindPrefix(row.object.kind)}/${cells[0]}`;
    const labels = row.object.metadata.labels ?? {};
    for (const key of labelCols) cells.push(labels[key] ?? "");
    if (opts.showLabels) cells.push(formatLabels(labels));
    if (opts.withNamespace) cells.unshift(row.object.metadata.namespace ?? "");
    lines.push(cells);
  }
  const text = lines.map((l) => l.join("\t") + "\n").join("");
  return tabwrite(text, { ...TABLE_TABWRITER, rememberedWidths: opts.rememberedWidths });
}
