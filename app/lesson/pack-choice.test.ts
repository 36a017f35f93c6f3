import { describe, expect, it } from "vitest";
import {
  BUILT_IN_PACKS,
  DEFAULT_PACK,
  isPackName,
  packFromSearch,
  packOptions,
  packUrl,
  searchWithPack,
} from "./pack-choice.ts";

describe("pack names", () => {
  it("accepts folder names of lowercase letters, digits and dashes", () => {
    for (const n of ["batch-course", "example", "my-pack-2", "a"]) expect(isPackName(n)).toBe(true);
  });

  it("refuses URLs, paths and anything else", () => {
    for (const n of [
      "",
      "https://evil.example/pack",
      "//evil.example",
      "../secrets",
      "..",
      "a/b",
      "Batch",
      "pack.yaml",
      "a b",
      "a%2Fb",
      "é",
      "x".repeat(65),
    ])
      expect(isPackName(n), n).toBe(false);
  });

  it("serves a pack from /packs/<name>/ only", () => {
    expect(packUrl("example")).toBe("/packs/example/");
    expect(() => packUrl("../x")).toThrow();
  });
});

describe("the pack in the address", () => {
  it("defaults to the built-in course", () => {
    expect(packFromSearch("")).toEqual({ ok: true, name: DEFAULT_PACK });
    expect(packFromSearch("?pack=")).toEqual({ ok: true, name: DEFAULT_PACK });
    expect(packFromSearch("?lang=fr")).toEqual({ ok: true, name: DEFAULT_PACK });
  });

  it("reads ?pack=<name>", () => {
    expect(packFromSearch("?pack=example")).toEqual({ ok: true, name: "example" });
    expect(packFromSearch("?x=1&pack=my-pack")).toEqual({ ok: true, name: "my-pack" });
  });

  it("refuses a name that is not a pack folder, keeping it to say so", () => {
    expect(packFromSearch("?pack=https%3A%2F%2Fevil.example%2F")).toEqual({
      ok: false,
      name: "https://evil.example/",
    });
    expect(packFromSearch("?pack=..%2F..").ok).toBe(false);
  });
});

describe("the pack selector", () => {
  it("lists the built-in packs", () => {
    expect(BUILT_IN_PACKS).toEqual(["batch-course", "example"]);
    expect(packOptions("batch-course")).toEqual(["batch-course", "example"]);
    expect(packOptions("example")).toEqual(["batch-course", "example"]);
  });

  it("adds the pack on screen when it is another one, never an invalid name", () => {
    expect(packOptions("my-pack")).toEqual(["batch-course", "example", "my-pack"]);
    expect(packOptions("../x")).toEqual(["batch-course", "example"]);
  });

  it("writes the address for a choice, keeping other parameters", () => {
    expect(searchWithPack("", "example")).toBe("?pack=example");
    expect(searchWithPack("?pack=example", "batch-course")).toBe("");
    expect(searchWithPack("?a=1&pack=example", "batch-course")).toBe("?a=1");
    expect(searchWithPack("?a=1", "my-pack")).toBe("?a=1&pack=my-pack");
  });
});
