#!/usr/bin/env bash
# Regenerates src/schemas/kubernetes.schema.json, the JSON Schema the YAML editor validates manifests
# against (TOOLCHAIN.md §7). Source: the TypeScript declarations of kubernetes-models (MIT), which are
# generated from the Kubernetes OpenAPI spec (Apache-2.0); ts-json-schema-generator turns them into
# draft-07 JSON Schema with descriptions and enums (restartPolicy: Always|Never|OnFailure).
#
# Both tools are installed into a throw-away directory, never into package.json: they declare
# Node >=22 (EBADENGINE warnings on Node 20 are expected and harmless), and on Node 20 npm would
# silently pick older releases unless the versions are pinned exactly, as they are here.
#
# Usage: npm run gen:schema   (about 10-20 s, needs the npm registry)
set -euo pipefail

KUBERNETES_MODELS_VERSION=5.1.0
TS_JSON_SCHEMA_GENERATOR_VERSION=2.4.0

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/src/schemas/kubernetes.schema.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error \
  "kubernetes-models@$KUBERNETES_MODELS_VERSION" \
  "ts-json-schema-generator@$TS_JSON_SCHEMA_GENERATOR_VERSION"

# One exported alias per kind the lab understands; `-t '*'` emits every exported type plus all the
# types they reference, so shared definitions (PodSpec, ObjectMeta, …) appear once.
cat >entry.ts <<'EOF'
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { ICronJob } from "kubernetes-models/batch/v1/CronJob";
import type { IPod } from "kubernetes-models/v1/Pod";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IPersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { IService } from "kubernetes-models/v1/Service";
export type Job = IJob;
export type CronJob = ICronJob;
export type Pod = IPod;
export type Secret = ISecret;
export type ConfigMap = IConfigMap;
export type PersistentVolumeClaim = IPersistentVolumeClaim;
export type Service = IService;
EOF
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "strict": true, "skipLibCheck": true },
  "files": ["entry.ts"]
}
EOF
npx --no-install ts-json-schema-generator -p entry.ts --tsconfig tsconfig.json -t '*' --no-type-check -o raw.json

# Post-process (src/schemas/README.md): strip the TypeScript "I" prefix from definition names and
# title each definition with its name (hover headers then read "JobSpec", "PodSpec", …); move the
# OpenAPI "Possible enum values: - `"X"` …" prose into enumDescriptions, which the hover already
# lists as "Allowed Values"; make metadata.creationTimestamp nullable (what
# `kubectl create … --dry-run=client -o yaml` prints); and add a root schema that picks the
# definition for each YAML document by its `kind` (if/then), so every document of a multi-document
# file is validated against its own kind.
node - raw.json "$out" "$KUBERNETES_MODELS_VERSION" "$TS_JSON_SCHEMA_GENERATOR_VERSION" <<'EOF'
const fs = require("fs");
const [rawPath, outPath, modelsVersion, generatorVersion] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(rawPath, "utf8"));

const kinds = [
  ["Job", "batch/v1"],
  ["CronJob", "batch/v1"],
  ["Pod", "v1"],
  ["ConfigMap", "v1"],
  ["Secret", "v1"],
  ["PersistentVolumeClaim", "v1"],
  ["Service", "v1"],
];

const definitions = {};
for (const [name, schema] of Object.entries(raw.definitions)) {
  if (!name.startsWith("I")) continue; // the exported aliases (Job, Pod, …) and TypeMeta
  definitions[name.slice(1)] = schema;
}
const renamed = JSON.parse(
  JSON.stringify(definitions).replace(/"#\/definitions\/I([A-Za-z0-9]+)"/g, '"#/definitions/$1"'),
);

for (const [kind, apiVersion] of kinds) {
  const def = renamed[kind];
  if (!def) throw new Error(`missing definition ${kind}`);
  if (def.properties.kind.const !== kind || def.properties.apiVersion.const !== apiVersion) {
    throw new Error(`${kind}: expected const kind/apiVersion ${kind} ${apiVersion}`);
  }
}
for (const [name, def] of Object.entries(renamed)) def.title = name;

// "<text>\n\nPossible enum values:  - `\"A\"` explains A.  - `\"B\"`" -> description + enumDescriptions
let enumDescriptions = 0;
const moveEnumProse = (node) => {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node.enum) && typeof node.description === "string") {
    const at = node.description.indexOf("Possible enum values:");
    if (at >= 0) {
      const prose = node.description.slice(at + "Possible enum values:".length);
      const explained = new Map();
      for (const m of prose.matchAll(/-\s+`"([^"]*)"`([\s\S]*?)(?=\s+-\s+`"|$)/g)) {
        explained.set(m[1], m[2].trim());
      }
      node.description = node.description.slice(0, at).trim();
      if ([...explained.values()].some(Boolean)) {
        node.enumDescriptions = node.enum.map((v) => explained.get(v) ?? "");
      }
      enumDescriptions++;
    }
  }
  for (const value of Object.values(node)) moveEnumProse(value);
};
moveEnumProse(renamed);
if (enumDescriptions < 10) throw new Error("enum prose not found; the description format changed?");

renamed.Time.type = ["string", "null"];
const restartPolicy = renamed.PodSpec.properties.restartPolicy;
if (JSON.stringify(restartPolicy.enum) !== '["Always","Never","OnFailure"]') {
  throw new Error("PodSpec.restartPolicy lost its enum");
}
if (!renamed.JobSpec.properties.backoffLimit.description) throw new Error("descriptions missing");

const kindList = kinds.map(([k]) => k).join(", ");
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $comment:
    `Generated by scripts/gen-k8s-schema.sh from kubernetes-models ${modelsVersion} (MIT) with ` +
    `ts-json-schema-generator ${generatorVersion}. Descriptions and structure come from the Kubernetes ` +
    "OpenAPI specification, Copyright The Kubernetes Authors, Apache-2.0. Do not edit by hand.",
  title: "Kubernetes object",
  description: `A Kubernetes object. Batch Lab understands: ${kindList}.`,
  // null: an empty document (`---` twice, a trailing `---`), which kubectl skips.
  type: ["object", "null"],
  required: ["apiVersion", "kind"],
  properties: {
    apiVersion: {
      description: renamed.Job.properties.apiVersion.description,
      type: "string",
      enum: [...new Set(kinds.map(([, v]) => v))],
    },
    kind: {
      description: renamed.Job.properties.kind.description,
      type: "string",
      enum: kinds.map(([k]) => k),
    },
  },
  allOf: kinds.map(([kind]) => ({
    // `type` and `required` keep the condition from holding vacuously for null or kind-less documents.
    if: { type: "object", properties: { kind: { const: kind } }, required: ["kind"] },
    then: { $ref: `#/definitions/${kind}` },
  })),
  definitions: renamed,
};
fs.writeFileSync(outPath, JSON.stringify(schema, null, 2) + "\n");
console.log(`${outPath}: ${Object.keys(renamed).length} definitions, ${kinds.length} kinds`);
EOF
