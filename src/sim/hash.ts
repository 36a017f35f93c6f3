/** A deterministic hex digest of a string (FNV-1a based, not cryptographic): fake image digests and ids. */
export function hexDigest(input: string, length = 64): string {
  let out = "";
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    const s = `${round}:${input}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}
