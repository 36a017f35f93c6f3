import { describe, expect, test } from "vitest";
import { defaultCommand, lookupImage, normalizeImageRef } from "./images.ts";

describe("lookupImage", () => {
  test("name, name:tag, docker.io/library/name:tag, other registries", () => {
    const pick = (ref: string) => {
      const i = lookupImage(ref);
      return i && [i.repository, i.tag, i.sizeBytes, i.shell];
    };
    expect(pick("busybox")).toEqual(["busybox", "latest", 2_161_423, "ash"]);
    expect(pick("busybox:1.28")).toEqual(["busybox", "1.28", 727_869, "ash"]);
    expect(pick("docker.io/library/perl:5.34.0")).toEqual(["perl", "5.34.0", 330_451_876, "dash"]);
    expect(pick("docker.io/curlimages/curl:8.10.1")).toEqual([
      "curlimages/curl",
      "8.10.1",
      10_861_009,
      "ash",
    ]);
    expect(pick("gcr.io/kuar-demo/kuard-amd64:blue")).toEqual([
      "gcr.io/kuar-demo/kuard-amd64",
      "blue",
      9_921_002,
      "ash",
    ]);
    expect(pick("python:3.12")?.[2]).toBeGreaterThan(390_000_000);
    expect(pick("postgres:16")?.[0]).toBe("postgres");
    expect(pick("alpine:3.20")?.[0]).toBe("alpine");
  });

  test("digests, unknown tags and repositories, bad references", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect(lookupImage(`busybox@${digest}`)?.digest).toBe(digest);
    expect(lookupImage(`busybox:1.36@${digest}`)?.tag).toBe("1.36");
    expect([
      lookupImage("busybox:9.99"),
      lookupImage("nosuchimage"),
      lookupImage("BusyBox"),
      lookupImage("busybox@sha256:xyz"),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test("programs each image provides", () => {
    const has = (ref: string, p: string) => lookupImage(ref)?.programs.has(p);
    expect([
      has("busybox", "sh"),
      has("busybox", "rev"),
      has("busybox", "perl"),
      has("busybox", "bash"),
    ]).toEqual([true, true, false, false]);
    expect([
      has("perl:5.34.0", "perl"),
      has("perl", "bash"),
      has("python:3.12", "python3"),
      has("alpine", "curl"),
    ]).toEqual([true, true, true, false]);
    expect(defaultCommand("nginx:1.27")).toEqual({
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
    });
    expect(defaultCommand("busybox")).toEqual({ entrypoint: [], cmd: ["sh"] });
    expect(defaultCommand("nosuch")).toEqual({ entrypoint: [], cmd: [] });
  });

  test("normalizeImageRef: the fully qualified form containerd prints", () => {
    expect(
      [
        "busybox",
        "busybox:1.36",
        "curlimages/curl",
        "docker.io/library/perl:5.34.0",
        "gcr.io/kuar-demo/kuard-amd64:blue",
        `busybox@sha256:${"b".repeat(64)}`,
      ].map(normalizeImageRef),
    ).toEqual([
      "docker.io/library/busybox:latest",
      "docker.io/library/busybox:1.36",
      "docker.io/curlimages/curl:latest",
      "docker.io/library/perl:5.34.0",
      "gcr.io/kuar-demo/kuard-amd64:blue",
      `docker.io/library/busybox@sha256:${"b".repeat(64)}`,
    ]);
  });
});
