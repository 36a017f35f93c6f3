import { schemaDefinitions } from "./schema-registry.ts";
import type { Verb } from "./context.ts";
import { lookupType } from "./kinds.ts";

/**
 * `kubectl explain TYPE[.field…]` from the same JSON schema the editor uses, in the layout of
 * kubectl's OpenAPI v3 template (`pkg/explain/v2/templates/plaintext.tmpl`): line breaks in
 * descriptions removed and re-wrapped at 76 columns (`wrap` + go-wordwrap), fields sorted,
 * `<type>` guessed from the schema, ENUM lists.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  enumDescriptions?: string[];
}

const defs = (): Record<string, Schema> => schemaDefinitions() ?? {};

function resolve(s: Schema): Schema {
  if (s.$ref) return defs()[s.$ref.split("/").pop()!] ?? s;
  return s;
}

const isMap = (s: Schema): s is Schema & { additionalProperties: Schema } =>
  !!s.additionalProperties && typeof s.additionalProperties === "object";

function typeGuess(s: Schema): string {
  if (s.items) return "[]" + typeGuess(s.items);
  if (isMap(s)) return "map[string]" + typeGuess(s.additionalProperties);
  if (s.$ref) {
    const r = resolve(s);
    const name = s.$ref.split("/").pop()!;
    if (!r.type || r.type === "object" || Array.isArray(r.type)) {
      if (Array.isArray(r.type) && r.type.includes("string") && !r.type.includes("number"))
        return "string";
      return name.split(".").pop() || "Object";
    }
    return r.type === "number" ? "integer" : r.type;
  }
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (t === "object" || !t) return "Object";
  return t === "number" ? "integer" : t;
}

/** mitchellh/go-wordwrap `WrapString`. */
export function wordWrap(s: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let space = "";
  for (const ch of s) {
    if (ch === "\n") {
      if (word === "") {
        if (current + space.length <= lim) buf += space;
      } else buf += space + word;
      space = "";
      word = "";
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== "\u00a0") {
      if (space === "" || word !== "") {
        current += space.length + [...word].length;
        buf += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      const wl = [...word].length;
      if (current + space.length + wl > lim && wl < lim) {
        buf += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word === "") {
    if (current + space.length <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** kubectl's template `wrap`: drop line breaks, then word-wrap. */
const wrap = (width: number, s: string) => wordWrap(s.split("\n").join(""), width);
const indent = (n: number, s: string) => " ".repeat(n) + s.split("\n").join("\n" + " ".repeat(n));

function description(s: Schema): string {
  const r = resolve(s);
  let d = s.description ?? r.description ?? "";
  const own = s.enumDescriptions ? s : undefined;
  if (own?.enum && own.enumDescriptions) {
    d += "\n\nPossible enum values:\n";
    d += own.enum
      .map((e, i) => ` - \`${JSON.stringify(e)}\` ${own.enumDescriptions![i] ?? ""}`)
      .join("\n");
  }
  return d ? d + "\n" : "";
}

function enumText(s: Schema, long: boolean, limit: number, ind: number): string {
  if (!s.enum?.length) return "";
  let out = long ? "ENUM:" : "\n" + " ".repeat(ind) + "enum: ";
  s.enum.forEach((e, i) => {
    if (out.endsWith(", ....")) return;
    if (limit > -1 && i >= limit) {
      out += ", ....";
      return;
    }
    if (i > 0 && !long) out += ", ";
    else if (long) out += "\n    ";
    out += e === "" ? '""' : String(e);
  });
  return out;
}

function fieldList(s: Schema, level: number, recursive: boolean, seen: Set<string>): string {
  if (s.$ref && seen.has(s.$ref)) return "";
  const next = new Set(seen);
  if (s.$ref) next.add(s.$ref);
  let r = resolve(s);
  if (r.items) r = resolve(r.items);
  else if (isMap(r)) r = resolve(r.additionalProperties);
  let out = "";
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    const f = r.properties![name];
    const ind = level * 2;
    out += indent(ind, name) + "\t<" + typeGuess(f) + ">";
    // The editor's schema requires apiVersion/kind; the API's OpenAPI does not.
    if (r.required?.includes(name) && name !== "apiVersion" && name !== "kind")
      out += " -required-";
    out += enumText(f, false, 4, ind) + "\n";
    if (!recursive)
      out += indent(ind + 2, wrap(78 - ind, f.description || "<no description>")) + "\n\n";
    else out += fieldList(f.items ?? f, level + 1, true, next);
  }
  return out;
}

export const explainVerb: Verb = {
  name: "explain",
  short: "Get documentation for a resource",
  usage:
    "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  args: "resource",
  flags: [
    {
      name: "recursive",
      type: "bool",
      usage:
        "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.",
    },
    {
      name: "api-version",
      type: "string",
      usage: "Use given api-version (group/version) of the resource.",
    },
    {
      name: "output",
      short: "o",
      type: "string",
      default: "plaintext",
      usage:
        "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).",
    },
  ],
  run(_ctx, parsed, out) {
    const arg = parsed.args[0];
    if (!arg)
      return out.fail(
        "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples",
      );
    const [typeName, ...path] = arg.split(".").reduce<string[]>((acc, part, i) => {
      // `jobs.batch.spec` — a group suffix belongs to the type
      if (i === 1 && (part === "batch" || part === "v1")) acc[0] += "." + part;
      else acc.push(part);
      return acc;
    }, []);
    const rt = lookupType(typeName);
    if (!rt) return out.fail(`error: the server doesn't have a resource type "${typeName}"`);
    if (!schemaDefinitions())
      return out.fail("error: the API schema is still loading; try again in a moment");
    const root = defs()[rt.kind];
    if (!root)
      return out.fail(
        `error: Batch Lab has no schema for ${rt.plural}: explain works for jobs, cronjobs, pods, configmaps, secrets, persistentvolumeclaims and services`,
      );
    let text =
      (rt.group ? `GROUP:      ${rt.group}\n` : "") +
      `KIND:       ${rt.kind}\nVERSION:    ${rt.version}\n\n`;
    let cur: Schema = { $ref: `#/definitions/${rt.kind}` };
    for (let i = 0; i < path.length; i++) {
      let r = resolve(cur);
      while (!r.properties?.[path[i]] && (r.items || isMap(r)))
        r = resolve(r.items ?? (r.additionalProperties as Schema));
      const sub = r.properties?.[path[i]];
      if (!sub) return out.fail(`error: field "${path[i]}" does not exist`);
      if (i === path.length - 1)
        text += `FIELD: ${path[i]} <${typeGuess(sub)}>\n${enumText(sub, true, -1, 0)}\n\n`;
      cur = sub;
    }
    text += "DESCRIPTION:\n" + indent(4, wrap(76, description(cur) || "<empty>")) + "\n";
    const fields = fieldList(cur, 1, parsed.flags.recursive === true, new Set());
    if (fields) text += "FIELDS:\n" + fields;
    out.out(text + "\n");
  },
};
