/**
 * Which pack the lab loads: named by `?pack=<name>` in the page's address, default the built-in
 * course. A name is a folder under `/packs/`, nothing else: never a URL, never a path with `..`
 * (packs are data, served by the lab itself).
 */

/** The built-in course. */
export const DEFAULT_PACK = "batch-course";
/** Packs shipped with the lab, in the order the selector lists them. */
export const BUILT_IN_PACKS: readonly string[] = [DEFAULT_PACK, "example"];
/** The address parameter naming the pack. */
export const PACK_PARAM = "pack";

const PACK_NAME = /^[a-z0-9-]+$/;
/** Longer names are not folders of ours. */
const MAX_NAME = 64;

export const isPackName = (name: string): boolean =>
  name.length <= MAX_NAME && PACK_NAME.test(name);

/** Where the pack's files are served; only for valid names. */
export function packUrl(name: string): string {
  if (!isPackName(name)) throw new Error(`not a pack name: ${JSON.stringify(name)}`);
  return `/packs/${name}/`;
}

export type PackChoice = { ok: true; name: string } | { ok: false; name: string };

/** The pack an address's query (`location.search`) asks for; no parameter: the default. */
export function packFromSearch(search: string): PackChoice {
  const raw = new URLSearchParams(search).get(PACK_PARAM);
  if (raw === null || raw === "") return { ok: true, name: DEFAULT_PACK };
  return isPackName(raw) ? { ok: true, name: raw } : { ok: false, name: raw };
}

/** The query string for another pack, other parameters kept; the default pack needs none. */
export function searchWithPack(search: string, name: string): string {
  const params = new URLSearchParams(search);
  if (name === DEFAULT_PACK) params.delete(PACK_PARAM);
  else params.set(PACK_PARAM, name);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The selector's entries: the built-in packs, and the current one if it is another (valid) one. */
export function packOptions(current: string): string[] {
  return BUILT_IN_PACKS.includes(current) || !isPackName(current)
    ? [...BUILT_IN_PACKS]
    : [...BUILT_IN_PACKS, current];
}
