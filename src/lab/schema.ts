/**
 * A small JSON Schema (2020-12 subset) validator, enough for `public/packs/pack.schema.json`:
 * `$ref` to local `$defs`, `type`, `enum`, `const`, `properties`, `required`,
 * `additionalProperties`, `minProperties`, `items`, `minItems`, `uniqueItems`, `minLength`,
 * `maxLength`, `pattern`, `minimum`, `maximum`, `anyOf`, `allOf`, `oneOf`, `if`/`then`/`else`.
 * Keywords it does not know are ignored, as the specification says of unknown keywords; a
 * test (`schema.test.ts`) checks the pack schema uses no keyword outside this list.
 */

export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  $ref?: string;
  $defs?: Record<string, Schema>;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
  minProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
  [other: string]: unknown;
}

export const KNOWN_KEYWORDS = new Set([
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "title",
  "description",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "anyOf",
  "allOf",
  "oneOf",
  "if",
  "then",
  "else",
]);

export interface SchemaError {
  /** JSON-pointer-like location in the instance: `goals/2/type`. */
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

const patternCache = new Map<string, RegExp>();
function regex(p: string): RegExp {
  let r = patternCache.get(p);
  if (!r) patternCache.set(p, (r = new RegExp(p, "u")));
  return r;
}

function resolveRef(root: SchemaObject, ref: string): Schema {
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const target = m ? root.$defs?.[m[1]] : undefined;
  if (target === undefined) throw new Error(`schema: unresolvable $ref ${ref}`);
  return target;
}

const show = (v: unknown) => JSON.stringify(v);

/** Validate `value` against `schema` (resolving `$ref`s in `root`); returns every problem found. */
export function validate(
  schema: Schema,
  value: unknown,
  root: SchemaObject = schema as SchemaObject,
  path = "",
): SchemaError[] {
  if (schema === true) return [];
  if (schema === false) return [{ path, message: "is not allowed here" }];
  const errs: SchemaError[] = [];
  const at = (p: string | number) => (path ? `${path}/${p}` : String(p));
  if (schema.$ref) errs.push(...validate(resolveRef(root, schema.$ref), value, root, path));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      errs.push({ path, message: `must be ${types.join(" or ")}, got ${typeOf(value)}` });
      return errs;
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value))
    errs.push({ path, message: `must be one of ${schema.enum.map(show).join(", ")}` });
  if ("const" in schema && schema.const !== value)
    errs.push({ path, message: `must be ${show(schema.const)}` });
  if (typeof value === "string") {
    if (schema.minLength !== undefined && [...value].length < schema.minLength)
      errs.push({ path, message: `must not be shorter than ${schema.minLength}` });
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
      errs.push({ path, message: `must not be longer than ${schema.maxLength}` });
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value))
      errs.push({ path, message: `${show(value)} does not match ${schema.pattern}` });
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      errs.push({ path, message: `must be ≥ ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      errs.push({ path, message: `must be ≤ ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errs.push({ path, message: `must have at least ${schema.minItems} item(s)` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errs.push({ path, message: `must have at most ${schema.maxItems} item(s)` });
    if (schema.uniqueItems) {
      const seen = new Set<string>();
      for (const item of value) {
        const k = show(item);
        if (seen.has(k)) errs.push({ path, message: `has a duplicate item ${k}` });
        seen.add(k);
      }
    }
    if (schema.items !== undefined)
      value.forEach((item, i) => errs.push(...validate(schema.items!, item, root, at(i))));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    for (const r of schema.required ?? [])
      if (!(r in obj)) errs.push({ path, message: `is missing required property "${r}"` });
    if (schema.minProperties !== undefined && keys.length < schema.minProperties)
      errs.push({ path, message: `must have at least ${schema.minProperties} property(ies)` });
    for (const k of keys) {
      const prop = schema.properties?.[k];
      if (prop !== undefined) errs.push(...validate(prop, obj[k], root, at(k)));
      else if (schema.additionalProperties === false)
        errs.push({ path: at(k), message: `unknown property "${k}"` });
      else if (schema.additionalProperties !== undefined)
        errs.push(...validate(schema.additionalProperties, obj[k], root, at(k)));
    }
  }
  for (const s of schema.allOf ?? []) errs.push(...validate(s, value, root, path));
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validate(s, value, root, path));
    if (!results.some((r) => r.length === 0)) {
      // Report the alternative that came closest: the fewest problems.
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      errs.push(...best);
    }
  }
  if (schema.oneOf) {
    const ok = schema.oneOf.filter((s) => validate(s, value, root, path).length === 0).length;
    if (ok !== 1)
      errs.push({ path, message: `must match exactly one alternative (matched ${ok})` });
  }
  if (schema.if !== undefined) {
    const cond = validate(schema.if, value, root, path).length === 0;
    const branch = cond ? schema.then : schema.else;
    if (branch !== undefined) errs.push(...validate(branch, value, root, path));
  }
  return errs;
}

/** Keywords used anywhere in a schema that this validator does not implement. */
export function unknownKeywords(schema: Schema, out = new Set<string>()): Set<string> {
  if (typeof schema !== "object") return out;
  for (const [k, v] of Object.entries(schema)) {
    if (!KNOWN_KEYWORDS.has(k)) out.add(k);
    if (k === "properties" || k === "$defs") {
      for (const s of Object.values(v as Record<string, Schema>)) unknownKeywords(s, out);
    } else if (Array.isArray(v) && ["anyOf", "allOf", "oneOf"].includes(k)) {
      for (const s of v as Schema[]) unknownKeywords(s, out);
    } else if (["items", "additionalProperties", "if", "then", "else"].includes(k)) {
      unknownKeywords(v as Schema, out);
    }
  }
  return out;
}
