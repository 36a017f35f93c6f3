// Go standard-library behaviours the Kubernetes messages are made of: strconv.Quote,
// strconv.Atoi errors, time.ParseDuration, strings.Fields / TrimSpace. Reproduced because
// their texts reach the user verbatim (cron-semantics.md §3, §8).

/** Go's unicode.IsSpace is exactly the Unicode White_Space property. */
const GO_SPACE = /\p{White_Space}+/u;
const GO_SPACE_EDGES = /^\p{White_Space}+|\p{White_Space}+$/gu;
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strings.Fields: split on runs of white space, dropping empty pieces. */
export function goFields(s: string): string[] {
  return s.split(GO_SPACE).filter((f) => f !== "");
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE_EDGES, "");
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

const SIMPLE_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/** strconv.Quote (what `%q` prints): printable runes kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

function utf8Bytes(ch: string): number[] {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [
    0xf0 | (cp >> 18),
    0x80 | ((cp >> 12) & 0x3f),
    0x80 | ((cp >> 6) & 0x3f),
    0x80 | (cp & 0x3f),
  ];
}

/** The time package's own quote(): non-ASCII and control bytes as `\xNN`. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20)
      out += utf8Bytes(ch)
        .map((b) => `\\x${hex(b, 2)}`)
        .join("");
    else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

export type GoIntResult = { ok: true; value: bigint } | { ok: false; error: string };

const U64_MAX = (1n << 64n) - 1n;
const U64_CUTOFF = U64_MAX / 10n + 1n;
const I64_CUTOFF = 1n << 63n;

/** strconv.Atoi on a 64-bit platform, with its exact error text. */
export function goAtoi(tok: string): GoIntResult {
  const syntax = {
    ok: false,
    error: `strconv.Atoi: parsing ${goQuote(tok)}: invalid syntax`,
  } as const;
  const range = {
    ok: false,
    error: `strconv.Atoi: parsing ${goQuote(tok)}: value out of range`,
  } as const;
  let s = tok;
  let neg = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    neg = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "") return syntax;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return syntax;
    // Only reachable on the slow path (19+ characters), where ParseUint reports overflow
    // as soon as it happens, before looking at the remaining characters.
    if (n >= U64_CUTOFF) return range;
    n = n * 10n + BigInt(c - 0x30);
    if (n > U64_MAX) return range;
  }
  if ((!neg && n >= I64_CUTOFF) || (neg && n > I64_CUTOFF)) return range;
  return { ok: true, value: neg ? -n : n };
}

const NS_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

export type GoDurationResult = { ok: true; nanoseconds: bigint } | { ok: false; error: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** time.ParseDuration, same grammar and error texts. */
export function goParseDuration(orig: string): GoDurationResult {
  const invalid = { ok: false, error: `time: invalid duration ${goTimeQuote(orig)}` } as const;
  let s = orig;
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, nanoseconds: 0n };
  if (s === "") return invalid;
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) return invalid;
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      if (v > I64_CUTOFF / 10n) return invalid;
      v = v * 10n + BigInt(Number(s[i]));
      if (v > I64_CUTOFF) return invalid;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s.startsWith(".")) {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (I64_CUTOFF - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(Number(s[j]));
        if (y > I64_CUTOFF) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid;
    let u = 0;
    while (u < s.length && s[u] !== "." && !isDigit(s[u])) u++;
    if (u === 0) return { ok: false, error: `time: missing unit in duration ${goTimeQuote(orig)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = NS_UNITS[unitName];
    if (unit === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(orig)}`,
      };
    }
    if (v > I64_CUTOFF / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 too: uint64(float64(f) * (float64(unit) / scale)).
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > I64_CUTOFF) return invalid;
    }
    d += v;
    if (d > I64_CUTOFF) return invalid;
  }
  if (neg) return { ok: true, nanoseconds: -d };
  if (d > I64_CUTOFF - 1n) return invalid;
  return { ok: true, nanoseconds: d };
}
