import { goJson, goNumber, goSharpV } from "../go-format.ts";
import { parseJsonPath, type PathNode, type TopNode } from "./parse.ts";

/**
 * kubectl's JSONPath printer (`client-go/util/jsonpath/jsonpath.go` with `AllowMissingKeys(true)`,
 * cli-runtime `printers/jsonpath.go`): each `{…}` prints its results separated by spaces; maps
 * and lists print as compact JSON, strings bare, missing fields nothing; `range`…`end` repeats
 * its body for every result.
 */

/** A value found in the object: `undefined` never appears (missing keys yield no value). */
type Value = unknown;

class EvalError extends Error {}

type Block =
  | { t: "text"; text: string }
  | { t: "list"; nodes: PathNode[] }
  | { t: "range"; expr: PathNode[]; body: Block[] };

/** Group `{range X}` … `{end}` into nested blocks. */
function toBlocks(nodes: TopNode[]): Block[] {
  const root: Block[] = [];
  const stack: Block[][] = [root];
  for (const n of nodes) {
    const cur = stack[stack.length - 1];
    if (n.t === "text") {
      cur.push(n);
      continue;
    }
    const first = n.nodes[0];
    if (first?.t === "ident" && first.name === "range") {
      const body: Block[] = [];
      cur.push({ t: "range", expr: n.nodes.slice(1), body });
      stack.push(body);
    } else if (first?.t === "ident" && first.name === "end") {
      if (stack.length === 1) throw new EvalError("not in range, nothing to end");
      stack.pop();
    } else cur.push(n);
  }
  return root;
}

const isObject = (v: Value): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

function evalList(input: Value[], nodes: PathNode[]): Value[] {
  let cur = input;
  for (const n of nodes) cur = walk(cur, n);
  return cur;
}

function walk(input: Value[], node: PathNode): Value[] {
  switch (node.t) {
    case "text":
      return [node.text];
    case "int":
    case "float":
    case "bool":
      return input.map(() => node.value);
    case "field": {
      const out: Value[] = [];
      for (const v of input) if (isObject(v) && node.name in v) out.push(v[node.name]);
      return out;
    }
    case "wildcard":
      return input.flatMap((v) => children(v));
    case "recursive":
      return recursive(input);
    case "array":
      return evalArray(input, node.params);
    case "union":
      return node.lists.flatMap((l) => evalList(input, l));
    case "filter":
      return evalFilter(input, node);
    case "ident":
      if (node.name === "range" || node.name === "end") return input;
      throw new EvalError(`unrecognized identifier ${node.name}`);
  }
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return v as Value[];
  if (typeof v === "string") return [...v];
  if (isObject(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k]);
  return [];
}

function recursive(input: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    const kids = children(v);
    if (kids.length) out.push(v, ...recursive(kids));
  }
  return out;
}

function goTypeName(v: Value): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "map[string]interface {}";
}

function evalArray(input: Value[], params: [SliceParamLike, SliceParamLike, SliceParamLike]) {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    if (!Array.isArray(v)) throw new EvalError(`${goTypeName(v)} is not array or slice`);
    const len = v.length;
    let start = params[0].known ? params[0].value : 0;
    if (start < 0) start += len;
    let end = params[1].known ? params[1].value : len;
    if (end < 0 || (end === 0 && params[1].derived)) end += len;
    if (end === start) continue;
    if (start >= len || start < 0)
      throw new EvalError(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len || end < 0)
      throw new EvalError(`array index out of bounds: index ${end - 1}, length ${len}`);
    if (start > end)
      throw new EvalError(`starting index ${start} is greater than ending index ${end}`);
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new EvalError("step must be > 0");
      step = params[2].value;
    }
    for (let i = start; i < end; i += step) out.push(v[i]);
  }
  return out;
}

interface SliceParamLike {
  known: boolean;
  value: number;
  derived?: boolean;
}

function compare(left: Value, right: Value, op: string): boolean {
  const kind = (v: Value) =>
    typeof v === "number" ? (Number.isInteger(v) ? "int" : "float") : typeof v;
  const lk = kind(left);
  const rk = kind(right);
  if (op === "==" || op === "!=") {
    if (lk !== rk || !["int", "float", "string", "boolean"].includes(lk))
      throw new EvalError("incompatible types for comparison");
    return (left === right) === (op === "==");
  }
  if (lk !== rk || !["int", "float", "string"].includes(lk)) {
    throw new EvalError(
      lk === "boolean" && rk === "boolean"
        ? "invalid type for comparison"
        : "incompatible types for comparison",
    );
  }
  const a = left as number | string;
  const b = right as number | string;
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
  }
  throw new EvalError(`unrecognized filter operator ${op}`);
}

function evalFilter(input: Value[], node: Extract<PathNode, { t: "filter" }>): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (!Array.isArray(v))
      throw new EvalError(`${goSprintValue(v)} is not array or slice and cannot be filtered`);
    for (const item of v as Value[]) {
      const lefts = evalList([item], node.left);
      if (node.op === "exists") {
        if (lefts.length > 0) out.push(item);
        continue;
      }
      if (lefts.length !== 1) throw new EvalError("can only compare one element at a time");
      const rights = evalList([item], node.right);
      if (rights.length !== 1) throw new EvalError("can only compare one element at a time");
      if (compare(lefts[0], rights[0], node.op)) out.push(item);
    }
  }
  return out;
}

/** `fmt.Sprint` of a value (`%v`): maps as `map[k:v]`, lists as `[a b]`. */
function goSprintValue(v: Value): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprintValue).join(" ")}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goSprintValue(o[k])}`)
    .join(" ")}]`;
}

/** `PrintResults`: maps and lists as JSON, the rest as `fmt.Fprint` would. */
function printResults(results: Value[], asJson: boolean): string {
  if (asJson) return goJson(results, "    ") + "\n";
  return results
    .map((r) => {
      if (r !== null && typeof r === "object") return goJson(r);
      return goSprintValue(r);
    })
    .join(" ");
}

function run(blocks: Block[], data: Value, asJson: boolean): string {
  let out = "";
  for (const b of blocks) {
    if (b.t === "text") out += b.text;
    else if (b.t === "list") out += printResults(evalList([data], b.nodes), asJson);
    else for (const item of evalList([data], b.expr)) out += run(b.body, item, asJson);
  }
  return out;
}

export type JsonPathResult = { text: string } | { error: string };

/** Compile a template once (kubectl reports parse errors before fetching anything). */
export function compileJsonPath(
  template: string,
): { exec(data: unknown): JsonPathResult } | { error: string } {
  const parsed = parseJsonPath(template);
  if ("error" in parsed) return { error: `error parsing jsonpath ${template}, ${parsed.error}\n` };
  return { exec: (data) => executeJsonPath(template, parsed.nodes, data) };
}

function executeJsonPath(
  template: string,
  nodes: TopNode[],
  data: unknown,
  asJson = false,
): JsonPathResult {
  try {
    return { text: run(toBlocks(nodes), data, asJson) };
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    return {
      error:
        `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`,
    };
  }
}

/** Evaluate a template against decoded JSON: what `kubectl get -o jsonpath=TEMPLATE` prints. */
export function jsonPath(template: string, data: unknown, asJson = false): JsonPathResult {
  const parsed = parseJsonPath(template);
  if ("error" in parsed) return { error: `error parsing jsonpath ${template}, ${parsed.error}\n` };
  return executeJsonPath(template, parsed.nodes, data, asJson);
}

/**
 * Results of one relaxed path (`--sort-by`, custom columns): `.a.b`, `a.b` or `{.a.b}`, as
 * kubectl's `RelaxedJSONPathExpression` accepts them.
 */
export function relaxedPath(expr: string): { nodes: PathNode[] } | { error: string } {
  const m = /^\{?(?:\.|\[)?([^{}]*?)\}?$/.exec(expr.trim());
  if (!m || expr.trim() === "")
    return {
      error: `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`,
    };
  let body = expr.trim();
  if (body.startsWith("{") && body.endsWith("}")) body = body.slice(1, -1);
  if (!body.startsWith(".") && !body.startsWith("[")) body = "." + body;
  const parsed = parseJsonPath(`{${body}}`);
  if ("error" in parsed) return parsed;
  const first = parsed.nodes[0];
  return { nodes: first?.t === "list" ? first.nodes : [] };
}

/** Values of a relaxed path in an object (errors surface as no values). */
export function findValues(nodes: PathNode[], data: unknown): unknown[] {
  try {
    return evalList([data], nodes);
  } catch (e) {
    if (e instanceof EvalError) return [];
    throw e;
  }
}
