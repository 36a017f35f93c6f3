/**
 * API errors as the Kubernetes API server returns them (metav1.Status), with the field-error
 * rendering of apimachinery `util/validation/field` (spec §6.1).
 */

export type FieldErrorType =
  | "Required"
  | "Invalid"
  | "Unsupported"
  | "Forbidden"
  | "TooLong"
  | "Duplicate"
  | "NotFound"
  | "TooMany";

export interface FieldError {
  type: FieldErrorType;
  /** Dotted field path, e.g. `spec.template.spec.restartPolicy`. */
  field: string;
  /** The offending value (rendered per §6.1), absent for Required/Forbidden. */
  value?: unknown;
  /** `field.OmitValueType{}`: the body is the bare type, e.g. `Invalid value: <detail>`. */
  omitValue?: boolean;
  /** Extra detail after the body. */
  detail?: string;
  /** Unsupported: the allowed values. */
  supported?: string[];
  /** TooLong / TooMany: the limit. */
  max?: number;
}

/** Go's `strconv.Quote` (`%q`) for the strings validation reports: ASCII escapes, UTF-8 kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** Go's `json.Marshal` escaping on top of JSON.stringify: `<`, `>`, `&`, U+2028/9 as `\u00XX` escapes. */
export function goJson(v: unknown): string {
  return (JSON.stringify(v) ?? "null").replace(
    /[<>&\u2028\u2029]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}

/**
 * Render a value the way apimachinery 1.34 does (`field.Error.ErrorBody`, kubernetes#132314):
 * numbers/booleans bare, strings `%q`, everything else (maps, lists, structs, pointers) as JSON.
 */
export function renderValue(v: unknown): string {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  return goJson(v);
}

export function renderFieldError(e: FieldError): string {
  let body: string;
  const valued = (name: string) => (e.omitValue ? name : `${name}: ${renderValue(e.value)}`);
  switch (e.type) {
    case "Required":
      body = "Required value";
      break;
    case "Forbidden":
      body = "Forbidden";
      break;
    case "Invalid":
      body = valued("Invalid value");
      break;
    case "Unsupported":
      body = valued("Unsupported value");
      if (e.supported)
        body += `: supported values: ${e.supported.map((s) => goQuote(s)).join(", ")}`;
      break;
    case "TooLong": {
      const max = e.max ?? 0;
      body = `Too long: may not be more than ${max} ${max === 1 ? "byte" : "bytes"}`;
      break;
    }
    case "Duplicate":
      body = valued("Duplicate value");
      break;
    case "NotFound":
      body = valued("Not found");
      break;
    case "TooMany": {
      const max = e.max ?? 0;
      body = `Too many: ${renderValue(e.value)}: must have at most ${max} ${max === 1 ? "item" : "items"}`;
      break;
    }
  }
  return `${e.field}: ${body}${e.detail ? `: ${e.detail}` : ""}`;
}

export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Invalid"
  | "BadRequest"
  | "Conflict"
  | "Forbidden"
  | "MethodNotAllowed"
  | "InternalError";

const codes: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
};

/** An error returned by the simulated API server. `message` is the server's message. */
export class StatusError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly kind?: string;
  readonly objectName?: string;
  readonly causes: FieldError[];

  constructor(
    reason: StatusReason,
    message: string,
    opts: { kind?: string; name?: string; causes?: FieldError[] } = {},
  ) {
    super(message);
    this.name = "StatusError";
    this.reason = reason;
    this.code = codes[reason];
    this.kind = opts.kind;
    this.objectName = opts.name;
    this.causes = opts.causes ?? [];
  }
}

/** `jobs.batch "pi" not found` */
export function notFound(resource: string, name: string): StatusError {
  return new StatusError("NotFound", `${resource} "${name}" not found`, { name });
}

export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError("AlreadyExists", `${resource} "${name}" already exists`, { name });
}

/** A 422: `The Job "pi" is invalid: <causes>` (kubectl prints the message as is). */
export function invalid(kind: string, name: string, causes: FieldError[]): StatusError {
  const rendered = [...new Set(causes.map(renderFieldError))];
  const message =
    rendered.length === 1
      ? `The ${kind} "${name}" is invalid: ${rendered[0]}`
      : `The ${kind} "${name}" is invalid: \n${rendered.map((r) => `* ${r}`).join("\n")}`;
  return new StatusError("Invalid", message, { kind, name, causes });
}
