/** Virtual time in milliseconds since the Unix epoch. Branded so seconds and millis never mix. */
export type Millis = number & { readonly __unit: "ms" };
export type Seconds = number & { readonly __unit: "s" };

export const ms = (n: number): Millis => n as Millis;
export const seconds = (n: number): Millis => (n * 1000) as Millis;
export const toSeconds = (m: number): Seconds => Math.floor(m / 1000) as Seconds;

let cachedSecond = NaN;
let cachedText = "";

/**
 * RFC 3339 in UTC without fractional seconds, as Kubernetes serialises metav1.Time. Every store
 * write and event stamps the current instant, so the last second formatted is remembered: most
 * calls in a busy simulation ask for the same second again.
 */
export function rfc3339(t: Millis | number): string {
  const second = Math.floor(t / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedText = new Date(second * 1000).toISOString().replace(".000Z", "Z");
  }
  return cachedText;
}

/** Parse an RFC 3339 instant; undefined when it is not one. */
export function parseInstant(s: string): Millis | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : ms(t);
}
