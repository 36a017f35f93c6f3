import type { FieldError } from "./errors.ts";

/** apimachinery `util/validation` messages, reproduced verbatim. */
const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123Label = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123Subdomain = new RegExp(`^${dns1123SubdomainFmt}$`);

export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push("must be no more than 253 characters");
  if (!dns1123Subdomain.test(value)) {
    errs.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" +
        dns1123SubdomainFmt +
        "')",
    );
  }
  return errs;
}

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!dns1123Label.test(value)) {
    errs.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" +
        dns1123LabelFmt +
        "')",
    );
  }
  return errs;
}

const labelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!labelValueRe.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '" +
        labelValueFmt +
        "')",
    );
  }
  return errs;
}

/** ValidateObjectMeta for a namespaced object whose name must be a DNS subdomain. */
export function validateObjectMeta(
  meta: { name?: string; generateName?: string },
  nameCheck = dns1123SubdomainErrors,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name && !meta.generateName) {
    errs.push({
      type: "Required",
      field: "metadata.name",
      detail: "name or generateName is required",
    });
  } else if (meta.name) {
    for (const d of nameCheck(meta.name))
      errs.push({ type: "Invalid", field: "metadata.name", value: meta.name, detail: d });
  }
  return errs;
}

export function nonNegative(field: string, v: number | undefined): FieldError[] {
  return v !== undefined && v < 0
    ? [{ type: "Invalid", field, value: v, detail: "must be greater than or equal to 0" }]
    : [];
}
