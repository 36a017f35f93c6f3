import fields from "./fields.gen.json";
import { StatusError } from "./errors.ts";
import { decodeQuantity, goNumberText } from "./go-quantity.ts";

/**
 * Strict decoding as the API server does it for `kubectl apply` (fieldValidation=Strict, spec
 * §6.1): a value of the wrong JSON type is a decode error; unknown fields are listed together.
 * The field table is derived from the editor's schema (scripts/gen-fields.ts).
 */
const table = fields as Record<string, Record<string, string>>;

/** Go types of the numeric fields that are not int32 (k8s.io/api). */
const int64Fields = new Set([
  "activeDeadlineSeconds",
  "terminationGracePeriodSeconds",
  "startingDeadlineSeconds",
  "deletionGracePeriodSeconds",
  "generation",
  "observedGeneration",
  "expirationSeconds",
  "runAsUser",
  "runAsGroup",
  "fsGroup",
  "tolerationSeconds",
]);

function goType(code: string, field: string): string {
  if (code === "s") return "string";
  if (code === "b") return "bool";
  if (code === "n") return int64Fields.has(field) ? "int64" : "int32";
  if (code.startsWith("[")) return `[]${goType(code.slice(1), field)}`;
  if (code.startsWith("{")) return `map[string]${goType(code.slice(1), field)}`;
  if (code.startsWith("@")) return `v1.${code.slice(1)}`;
  return "interface {}";
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}

/** Maps of resource.Quantity (`{*` in the table): their values go through Quantity.UnmarshalJSON. */
const quantityMaps = new Set([
  "ResourceRequirements.limits",
  "ResourceRequirements.requests",
  "PodSpec.overhead",
  "VolumeResourceRequirements.limits",
  "VolumeResourceRequirements.requests",
]);

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [-(2 ** 63), 2 ** 63],
};

/** Go sorts map keys when it marshals, and kubectl sends the manifest as marshalled JSON. */
const goOrder = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

interface Walk {
  unknown: string[];
  /** The first type error (encoding/json keeps going and reports the first). */
  typeError?: string;
  /** An error from a custom unmarshaller (Quantity) aborts decoding and wins. */
  hardError?: string;
}

/**
 * Walk a decoded manifest against the field table as sigs.k8s.io/json would decode it: keys in
 * Go's sorted order; unknown fields collected with their full path (`containers[0].comand`);
 * type errors named by the innermost Go struct and the dotted JSON field path, which has no list
 * indices or map keys (`Container.spec.template.spec.containers.name`).
 */
function check(
  value: unknown,
  code: string,
  path: string,
  goPath: string,
  struct: string,
  field: string,
  w: Walk,
): void {
  if (value === null || value === undefined || code === "*" || w.hardError) return;
  const typeError = (valueText: string, type = goType(code, field)) => {
    w.typeError ??= `json: cannot unmarshal ${valueText} into Go struct field ${struct}.${goPath} of type ${type}`;
  };
  const bad = () => typeError(jsonType(value));
  if (code === "s") return void (typeof value !== "string" && bad());
  if (code === "b") return void (typeof value !== "boolean" && bad());
  if (code === "n") {
    if (typeof value !== "number") return bad();
    const type = goType(code, field);
    const [min, max] = INT_RANGE[type];
    if (!Number.isInteger(value) || value < min || value > max)
      typeError(`number ${goNumberText(value)}`, type);
    return;
  }
  if (code.startsWith("[")) {
    if (!Array.isArray(value)) return bad();
    value.forEach((item, i) =>
      check(item, code.slice(1), `${path}[${i}]`, goPath, struct, field, w),
    );
    return;
  }
  if (code.startsWith("{")) {
    if (typeof value !== "object" || Array.isArray(value)) return bad();
    const quantities = quantityMaps.has(`${struct}.${field}`);
    for (const [k, v] of goOrder(value)) {
      if (quantities) {
        const q = v === null ? undefined : decodeQuantity(v);
        if (q && "error" in q) w.hardError ??= q.error;
        if (w.hardError) return;
        continue;
      }
      check(v, code.slice(1), `${path}.${k}`, goPath, struct, field, w);
    }
    return;
  }
  if (code.startsWith("@")) {
    const def = code.slice(1);
    const props = table[def];
    if (!props) return;
    if (typeof value !== "object" || Array.isArray(value)) return bad();
    for (const [k, v] of goOrder(value)) {
      const sub = path ? `${path}.${k}` : k;
      if (!(k in props)) {
        w.unknown.push(sub);
        continue;
      }
      check(v, props[k], sub, goPath ? `${goPath}.${k}` : k, def, k, w);
      if (w.hardError) return;
    }
  }
}

/** A BadRequest StatusError when the object does not decode strictly, else undefined. */
export function strictDecode(obj: { kind?: string; apiVersion?: string }): StatusError | undefined {
  const kind = obj.kind ?? "";
  if (!table[kind]) return undefined;
  const w: Walk = { unknown: [] };
  check(obj, `@${kind}`, "", "", kind, "", w);
  const version = (obj.apiVersion ?? "").split("/").pop();
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  const decodeError = w.hardError ?? w.typeError;
  if (decodeError) return new StatusError("BadRequest", prefix + decodeError);
  if (w.unknown.length) {
    return new StatusError(
      "BadRequest",
      `${prefix}strict decoding error: ${w.unknown.map((u) => `unknown field "${u}"`).join(", ")}`,
    );
  }
  return undefined;
}

/**
 * The object as Go would hold it after decoding: `null` fields dropped (nil), `null` elements of
 * struct lists turned into empty structs (zero values). Call after `strictDecode` succeeded.
 */
export function normalizeDecoded<T>(obj: T): T {
  const kind = (obj as { kind?: string }).kind ?? "";
  return table[kind] ? (normalize(obj, `@${kind}`) as T) : obj;
}

function normalize(value: unknown, code: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (code.startsWith("[") && Array.isArray(value)) {
    const inner = code.slice(1);
    return (value as unknown[]).map((v) =>
      v === null ? (inner.startsWith("@") ? {} : inner === "s" ? "" : v) : normalize(v, inner),
    );
  }
  // (Key loops rather than Object.entries: every object a controller creates passes here.)
  if (code.startsWith("{") && typeof value === "object" && !Array.isArray(value)) {
    const inner = code.slice(1);
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src)) {
      const v = src[k];
      const n = v === null ? "" : normalize(v, inner);
      // Object.fromEntries semantics: `__proto__` is a key like any other here.
      if (k === "__proto__")
        Object.defineProperty(out, k, {
          value: n,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      else out[k] = n;
    }
    return out;
  }
  if (code.startsWith("@") && typeof value === "object" && !Array.isArray(value)) {
    const props = table[code.slice(1)];
    if (!props) return value;
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src)) {
      const n = normalize(src[k], props[k] ?? "*");
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
  return value;
}
