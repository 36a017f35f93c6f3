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
  /** Extra detail after the body. */
  detail?: string;
  /** Unsupported: the allowed values. */
  supported?: string[];
  /** TooLong: the limit. */
  max?: number;
}

/** Render a value the way apimachinery 1.34 does: numbers/booleans bare, strings quoted, the rest JSON. */
export function renderValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  return JSON.stringify(v);
}

export function renderFieldError(e: FieldError): string {
  let body: string;
  switch (e.type) {
    case "Required":
      body = "Required value";
      break;
    case "Forbidden":
      body = "Forbidden";
      break;
    case "Invalid":
      body = `Invalid value: ${renderValue(e.value)}`;
      break;
    case "Unsupported":
      body = `Unsupported value: ${renderValue(e.value)}`;
      if (e.supported)
        body += `: supported values: ${e.supported.map((s) => JSON.stringify(s)).join(", ")}`;
      break;
    case "TooLong":
      body = `Too long: may not be more than ${e.max ?? 0} bytes`;
      break;
    case "Duplicate":
      body = `Duplicate value: ${renderValue(e.value)}`;
      break;
    case "NotFound":
      body = `Not found: ${renderValue(e.value)}`;
      break;
    case "TooMany":
      body = `Too many: ${renderValue(e.value)}`;
      break;
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
