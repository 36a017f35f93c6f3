/** A deterministic hex digest of a string (FNV-1a based, not cryptographic): fake image digests and ids. */
export function hexDigest(input: string, length = 64): string {
  let out = "";
  let h = 0x811c9dc5;
  // Each round hashes `${round}:${input}`, continuing from the previous round's state; the
  // characters are fed directly instead of building that string (this runs per container).
  for (let round = 0; out.length < length; round++) {
    const r = String(round);
    for (let i = 0; i < r.length; i++) h = Math.imul(h ^ r.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ 58 /* ":" */, 0x01000193) >>> 0;
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}
