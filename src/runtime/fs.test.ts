import { describe, expect, test } from "vitest";
import { ms } from "../sim/time.ts";
import { MemoryFs, basename, dirname, resolvePath } from "./fs.ts";

describe("paths", () => {
  test("resolvePath, dirname, basename", () => {
    expect([
      resolvePath("/a/b", "../c//d/./"),
      resolvePath("/x", "/y/.."),
      dirname("/a/b"),
      dirname("/a"),
      basename("/a/b/"),
    ]).toEqual(["/a/c/d", "/", "/a", "/", "b"]);
  });
});

describe("MemoryFs", () => {
  test("files, directories, listing and removal", () => {
    let t = 1000;
    const fs = new MemoryFs(() => ms(t), { "/etc/hostname": "pod\n" });
    expect(fs.mkdir("/a/b")).toBe(false);
    expect(fs.mkdir("/a/b", true)).toBe(true);
    t = 2000;
    expect(fs.writeFile("/a/b/f", "x")).toBe(true);
    expect(fs.writeFile("/a/b/f", "y", true)).toBe(true);
    expect(fs.writeFile("/missing/f", "x")).toBe(false);
    expect([
      fs.readFile("/a/b/f"),
      fs.mtime("/a/b/f"),
      fs.isDir("/a"),
      fs.exists("/etc/hostname"),
    ]).toEqual(["xy", 2000, true, true]);
    expect(fs.list("/")).toEqual(["a", "etc"]);
    expect(fs.remove("/a")).toBe(false);
    expect(fs.remove("/a", true)).toBe(true);
    expect(fs.list("/")).toEqual(["etc"]);
  });

  test("a mounted volume is shared and can be read-only", () => {
    const now = () => ms(0);
    const volume = new MemoryFs(now);
    const config = new MemoryFs(now, { "/app.conf": "k=v\n" });
    const c1 = new MemoryFs(now);
    const c2 = new MemoryFs(now);
    c1.mount("/cache", volume);
    c2.mount("/var/cache", volume);
    c2.mount("/etc/config", config, { readOnly: true });
    expect(c1.writeFile("/cache/x", "1")).toBe(true);
    expect([
      c2.readFile("/var/cache/x"),
      c2.list("/var/cache"),
      c2.readFile("/etc/config/app.conf"),
    ]).toEqual(["1", ["x"], "k=v\n"]);
    expect(c2.writeFile("/etc/config/app.conf", "no")).toBe(false);
    expect(c2.remove("/var/cache")).toBe(false);
    expect(c2.list("/var")).toEqual(["cache"]);
  });
});
