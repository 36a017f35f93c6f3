import type { FieldError } from "./errors.ts";

/**
 * apimachinery `util/validation` messages and `ValidateObjectMeta`, reproduced verbatim
 * (release-1.34). `RegexError` joins its examples as `'a',  or 'b'` — the double space is real.
 */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${fmt}')`;
}

/** A manifest scalar as text (objects, which strict decoding already rejected, as ""). */
export const scalarText = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "";

const maxLenError = (n: number) => `must be no more than ${n} characters`;
const EMPTY_ERROR = "must be non-empty";

const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123Label = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123Subdomain = new RegExp(`^${dns1123SubdomainFmt}$`);

export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!dns1123Subdomain.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFmt,
        "example.com",
      ),
    );
  }
  return errs;
}

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123Label.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        dns1123LabelFmt,
        "my-name",
        "123-abc",
      ),
    );
  }
  return errs;
}

const qualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const qualifiedNameRe = new RegExp(`^${qualifiedNameFmt}$`);
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName: a label key, `[prefix/]name`. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name))
    errs.push(
      `name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc")}`,
    );
  return errs;
}

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        labelValueFmt,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
}

/**
 * ValidateLabels (meta/v1/validation): for each label the key, then the value, both reported at
 * the map's path. Go walks the map in random order; the manifest's order is one of those.
 */
export function validateLabels(
  labels: Record<string, unknown> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, raw] of Object.entries(labels ?? {})) {
    const v = scalarText(raw);
    for (const d of qualifiedNameErrors(k))
      errs.push({ type: "Invalid", field: path, value: k, detail: d });
    for (const d of labelValueErrors(v))
      errs.push({ type: "Invalid", field: path, value: v, detail: d });
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); at most 256 KiB in total. */
export function validateAnnotations(
  annotations: Record<string, unknown> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const d of qualifiedNameErrors(k.toLowerCase()))
      errs.push({ type: "Invalid", field: path, value: k, detail: d });
    size += k.length + scalarText(v).length;
  }
  if (size > 256 * 1024) errs.push({ type: "TooLong", field: path, max: 256 * 1024 });
  return errs;
}

/**
 * ValidateObjectMeta for a namespaced object (ValidateObjectMetaAccessor): generateName, name,
 * namespace, labels, annotations — in that order.
 */
export function validateObjectMeta(
  meta: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  },
  nameCheck = dns1123SubdomainErrors,
): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    // ValidateNameFunc(prefix=true) masks a trailing dash: maskTrailingDash drops two
    // characters and appends "a" (apimachinery api/validation/generic.go, quirk kept).
    const g = meta.generateName;
    const masked = g.length > 1 && g.endsWith("-") ? g.slice(0, -2) + "a" : g;
    for (const d of nameCheck(masked))
      errs.push({ type: "Invalid", field: "metadata.generateName", value: g, detail: d });
  }
  if (!meta.name) {
    // With generateName the registry names the object before validating it.
    if (!meta.generateName)
      errs.push({
        type: "Required",
        field: "metadata.name",
        detail: "name or generateName is required",
      });
  } else {
    for (const d of nameCheck(meta.name))
      errs.push({ type: "Invalid", field: "metadata.name", value: meta.name, detail: d });
  }
  if (meta.namespace) {
    for (const d of dns1123LabelErrors(meta.namespace))
      errs.push({ type: "Invalid", field: "metadata.namespace", value: meta.namespace, detail: d });
  }
  errs.push(...validateLabels(meta.labels, "metadata.labels"));
  errs.push(...validateAnnotations(meta.annotations, "metadata.annotations"));
  return errs;
}

export function nonNegative(field: string, v: number | undefined): FieldError[] {
  return v !== undefined && v < 0
    ? [{ type: "Invalid", field, value: v, detail: "must be greater than or equal to 0" }]
    : [];
}
