/**
 * Derive the compact field table the simulated API server uses for strict decoding
 * (`src/api/fields.gen.json`) from the editor's JSON schema (`src/schemas/kubernetes.schema.json`).
 * Run: `npx tsx scripts/gen-fields.ts`. A unit test fails when the table is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Schema {
  type?: string | string[];
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** Type codes: s string, n number, b boolean, * anything scalar, @Def a definition, [x array, {x map. */
function code(s: Schema | undefined): string {
  if (!s) return "*";
  if (s.$ref) {
    const name = s.$ref.replace("#/definitions/", "");
    if (name === "Quantity" || name === "IntOrString") return "*";
    if (name === "Time" || name === "MicroTime") return "s";
    return `@${name}`;
  }
  const t = Array.isArray(s.type) ? (s.type.length === 1 ? s.type[0] : "*") : s.type;
  if (t === "string") return "s";
  if (t === "number" || t === "integer") return "n";
  if (t === "boolean") return "b";
  if (t === "array") return `[${code(s.items)}`;
  if (t === "object") {
    if (s.properties) return "*";
    if (s.additionalProperties && typeof s.additionalProperties === "object")
      return `{${code(s.additionalProperties)}`;
    return "{*";
  }
  return "*";
}

export function generate(schema: {
  definitions: Record<string, Schema>;
}): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, def] of Object.entries(schema.definitions).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (!def.properties) continue;
    const fields: Record<string, string> = {};
    for (const [f, s] of Object.entries(def.properties)) fields[f] = code(s);
    out[name] = fields;
  }
  return out;
}

const root = fileURLToPath(new URL("..", import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const schema = JSON.parse(readFileSync(`${root}src/schemas/kubernetes.schema.json`, "utf8")) as {
    definitions: Record<string, Schema>;
  };
  writeFileSync(`${root}src/api/fields.gen.json`, JSON.stringify(generate(schema)) + "\n");
  console.log("wrote src/api/fields.gen.json");
}
