const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** `00:01:23` (UTC). */
export function formatTimeOfDay(t: number): string {
  const d = new Date(t);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** `Mon 05 Jan 2026 00:01:23 UTC` */
export function formatVirtualTime(t: number): string {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]} ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${formatTimeOfDay(t)} UTC`;
}

/** An elapsed time, whole seconds: `0s`, `45s`, `1m23s`, `2h03m10s`, `3d04h05m`. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  if (d > 0) return `${d}d${p2(h)}h${p2(m)}m`;
  if (h > 0) return `${h}h${p2(m)}m${p2(s)}s`;
  if (m > 0) return `${m}m${p2(s)}s`;
  return `${s}s`;
}

/** A wait shorter than a second still reads as something: `+0.25s`. */
export function formatDelay(ms: number): string {
  if (ms > 0 && ms < 1000) return `+${(ms / 1000).toFixed(2).replace(/0+$/, "")}s`;
  return `+${formatElapsed(ms)}`;
}
