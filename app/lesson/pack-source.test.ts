import { describe, expect, it } from "vitest";
import { loadPack, mapSource } from "../../src/lab/index.ts";
import { prefetchingSource } from "./pack-source.ts";

const raw = import.meta.glob<string>("/public/packs/batch-course/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const prefix = "/public/packs/batch-course/";
const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.slice(prefix.length), v]));

describe("prefetchingSource", () => {
  it("loads the same pack as a plain source, reading ahead at most 3 files at a time", async () => {
    let inFlight = 0;
    let peak = 0;
    const fetched: string[] = [];
    const fetchFn = async (url: string) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      fetched.push(url);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      const text = files[url.slice("/c/".length)];
      return { ok: text !== undefined, text: () => Promise.resolve(text ?? "") };
    };
    const ahead = await loadPack(prefetchingSource("/c/", fetchFn));
    const plain = await loadPack(mapSource(files));
    expect(ahead).toEqual(plain);
    expect(peak).toBe(3);
    expect(new Set(fetched).size).toBe(fetched.length); // each file once
  });

  it("treats the index.html a static server sends for an unknown path as a missing file", async () => {
    const html = "<!doctype html><html><body><div id=root></div></body></html>";
    const fetchFn = () =>
      Promise.resolve({
        ok: true,
        text: () => Promise.resolve(html),
        headers: { get: (h: string) => (h === "content-type" ? "text/html; charset=utf-8" : null) },
      });
    const source = prefetchingSource("/packs/nope/", fetchFn);
    await expect(source.read("pack.yaml")).resolves.toBeUndefined();
  });
});
