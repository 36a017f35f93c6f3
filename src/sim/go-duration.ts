/**
 * Go's `time.Duration` text: parsing (`1h30m`, `90s`, `1.5h`, `300ms`) and `String()` formatting
 * (`1m20s`, `5m0s`, `862ms`, `1.034s`), used in kubelet messages, kubectl flags and `@every`.
 */

const units: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds, or an error text worded like Go's `time: invalid duration "x"`. */
export function parseGoDuration(s: string): { ms: number } | { error: string } {
  const bad = { error: `time: invalid duration ${JSON.stringify(s)}` };
  let rest = s;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest[0] === "-" ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return { ms: 0 };
  if (rest === "") return bad;
  let total = 0;
  const re = /^(\d+\.?\d*|\.\d+)(ns|us|µs|ms|s|m|h)/;
  while (rest.length) {
    const m = re.exec(rest);
    if (!m) {
      if (/^(\d+\.?\d*|\.\d+)$/.test(rest))
        return { error: `time: missing unit in duration ${JSON.stringify(s)}` };
      const u = /^(\d+\.?\d*|\.\d+)([^\d.]+)/.exec(rest);
      if (u)
        return {
          error: `time: unknown unit ${JSON.stringify(u[2])} in duration ${JSON.stringify(s)}`,
        };
      return bad;
    }
    total += parseFloat(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return { ms: sign * total };
}

function trimFloat(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.?0+$/, "");
}

/** Go `time.Duration.String()` for a millisecond value (sub-millisecond precision dropped). */
export function formatGoDuration(msValue: number): string {
  if (msValue === 0) return "0s";
  const neg = msValue < 0;
  let v = Math.abs(msValue);
  let out: string;
  if (v < 1000) out = `${trimFloat(v, 3)}ms`;
  else {
    const h = Math.floor(v / 3_600_000);
    v -= h * 3_600_000;
    const m = Math.floor(v / 60_000);
    v -= m * 60_000;
    const sec = trimFloat(v / 1000, 3);
    out = h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
  }
  return neg ? `-${out}` : out;
}
