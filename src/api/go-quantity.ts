/**
 * `resource.Quantity` as the API server decodes and prints it (k8s.io/apimachinery
 * `pkg/api/resource/quantity.go`): `ParseQuantity`'s three error texts, which surface as decode
 * errors (`Job in version "v1" cannot be handled as a Job: quantities must match …`, spec §6.1),
 * and the canonical `String()` used in validation messages (`must be less than or equal to cpu
 * limit of 500m`). Values are exact: nano-units in a bigint, rounded up as ParseQuantity does.
 */

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";
export const ERR_NUMERIC = "unable to parse numeric part of quantity";

export type QuantityFormat = "DecimalExponent" | "BinarySI" | "DecimalSI";

export interface GoQuantity {
  /** The value in units of 10^-9, rounded away from zero as ParseQuantity rounds. */
  nano: bigint;
  format: QuantityFormat;
}

const DECIMAL_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** parseQuantityString: sign, digits, optional fraction, then the suffix characters. */
function split(str: string): { value: string; suffix: string } | { error: string } {
  let pos = 0;
  const end = str.length;
  if (str[0] === "-" || str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { value: str, suffix: "" };
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { value: str, suffix: "" };
  if (str[pos] === ".") {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos >= end) return { value: str, suffix: "" };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && "eEinumkKMGTP".includes(str[pos])) pos++;
  if (pos >= end) return { value, suffix: str.slice(suffixStart) };
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { value, suffix: str.slice(suffixStart) };
  return { error: ERR_FORMAT_WRONG };
}

/** quantitySuffixer.interpret: base-10 or base-2 exponent and the format it implies. */
function interpret(suffix: string): { base: 2 | 10; exp: number; format: QuantityFormat } | null {
  if (suffix in BINARY_SUFFIX) return { base: 2, exp: BINARY_SUFFIX[suffix], format: "BinarySI" };
  if (suffix in DECIMAL_SUFFIX)
    return { base: 10, exp: DECIMAL_SUFFIX[suffix], format: "DecimalSI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E")) {
    const exp = /^[+-]?\d+$/.test(suffix.slice(1)) ? Number(suffix.slice(1)) : NaN;
    if (Number.isFinite(exp)) return { base: 10, exp, format: "DecimalExponent" };
  }
  return null;
}

/** ParseQuantity. The error text is what the decoder reports. */
export function parseGoQuantity(input: string): GoQuantity | { error: string } {
  const str = input.trim();
  if (str.length === 0) return { error: ERR_FORMAT_WRONG };
  const parts = split(str);
  if ("error" in parts) return parts;
  const kind = interpret(parts.suffix);
  if (!kind) return { error: ERR_SUFFIX };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(parts.value);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return { error: ERR_NUMERIC };
  const negative = m[1] === "-";
  const frac = m[3] ?? "";
  // digits × 10^-frac.length × base^exp, in nano-units, rounded up (away from zero).
  let num = BigInt((m[2] || "0") + frac);
  let den = 10n ** BigInt(frac.length);
  if (kind.base === 2) num *= 2n ** BigInt(kind.exp);
  else if (kind.exp >= 0) num *= 10n ** BigInt(kind.exp);
  else den *= 10n ** BigInt(-kind.exp);
  num *= 1_000_000_000n;
  let nano = num / den;
  if (nano * den !== num) nano += 1n;
  return { nano: negative ? -nano : nano, format: kind.format };
}

function removeFactors(v: bigint, f: bigint): [bigint, number] {
  let times = 0;
  while (v !== 0n && v % f === 0n) {
    v /= f;
    times++;
  }
  return [v, times];
}

const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** Quantity.String(): the canonical form (`1.5` → `1500m`, `1000` → `1k`, `1024Mi` → `1Gi`). */
export function canonicalQuantity(q: GoQuantity): string {
  if (q.nano === 0n) return "0";
  let format = q.format;
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (format === "BinarySI") {
    // Small or fractional binary values print in decimal so nothing is rounded.
    if (abs < 1024n * 1_000_000_000n || abs % 1_000_000_000n !== 0n) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    const [amount, times] = removeFactors(q.nano / 1_000_000_000n, 1024n);
    return `${amount}${BINARY_BY_EXP[times] ?? `*2^${times * 10}`}`;
  }
  let [amount, exp] = removeFactors(q.nano, 10n);
  exp -= 9;
  const mod = exp % 3;
  if (mod === 1 || mod === -2) {
    amount *= 10n;
    exp -= 1;
  } else if (mod === 2 || mod === -1) {
    amount *= 100n;
    exp -= 2;
  }
  if (format === "DecimalExponent") return exp === 0 ? `${amount}` : `${amount}e${exp}`;
  const suffix = DECIMAL_BY_EXP.get(exp);
  return suffix === undefined ? `${amount}e${exp}` : `${amount}${suffix}`;
}

/** Parse what a manifest holds (YAML number or string) the way Quantity.UnmarshalJSON does. */
export function decodeQuantity(v: unknown): GoQuantity | { error: string } {
  if (typeof v === "number") return parseGoQuantity(goNumberText(v));
  if (typeof v === "string") return parseGoQuantity(v);
  if (typeof v === "boolean") return parseGoQuantity(String(v));
  return { error: ERR_FORMAT_WRONG };
}

/**
 * How Go's json.Marshal writes a float64, which is what kubectl sends for a YAML number. For
 * finite doubles this is JavaScript's own shortest round-trip text (`1.5`, `1e+21`, `1e-7`).
 */
export function goNumberText(n: number): string {
  return String(n);
}

export function compareQuantity(a: GoQuantity, b: GoQuantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}
