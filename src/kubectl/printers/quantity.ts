/**
 * Just enough of apimachinery `resource.Quantity` for describe node's resource sums: parse
 * `500m`, `2`, `64Mi`, `1G`, `8148204Ki`; print the canonical form (`1500m`, `2`, `192Mi`, `1k`).
 * Values are kept in milli-units so cpu fractions stay exact.
 */

export interface Quantity {
  milli: number;
  binary: boolean;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export const ZERO: Quantity = { milli: 0, binary: false };

export function parseQuantity(s: string | undefined): Quantity {
  const m = /^([+-]?\d*\.?\d+(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?)$/.exec(
    (s ?? "").trim(),
  );
  if (!m) return ZERO;
  const binary = m[2] in BINARY;
  const factor = binary ? BINARY[m[2]] : DECIMAL[m[2]];
  return { milli: Math.round(parseFloat(m[1]) * factor * 1000), binary };
}

/** Sum keeping the first operand's format, as Quantity.Add does. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, binary: a.milli === 0 && !a.binary ? b.binary : a.binary };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.milli > a.milli ? b : a;
}

/** `Quantity.String()` in canonical form. */
export function formatQuantity(q: Quantity): string {
  const { milli } = q;
  if (milli === 0) return "0";
  if (milli % 1000 !== 0) return `${milli}m`;
  const v = milli / 1000;
  if (q.binary && Math.abs(v) >= 1024) {
    let suffix = "";
    let n = v;
    for (const s of ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]) {
      if (n % 1024 !== 0) break;
      n /= 1024;
      suffix = s;
    }
    return `${n}${suffix}`;
  }
  let n = v;
  let i = 0;
  const suffixes = ["", "k", "M", "G", "T", "P", "E"];
  while (n % 1000 === 0 && i < suffixes.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n}${suffixes[i]}`;
}
