import { describe, expect, it } from "vitest";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";
import { ApiServer } from "./apiserver.ts";
import { StatusError } from "./errors.ts";
import { ObjectStore } from "./store.ts";
import type { KubeObject } from "./types.ts";

/**
 * Bad input never crashes the API server (DESIGN.md quality bars): thousands of seeded
 * mutations of valid manifests (fields dropped, values replaced by other JSON types) must each be
 * accepted or rejected with a StatusError — never a TypeError.
 */
const seeds: KubeObject[] = [
  {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", labels: { app: "pi" } },
    spec: {
      completions: 3,
      parallelism: 2,
      backoffLimit: 4,
      completionMode: "Indexed",
      template: {
        metadata: { labels: { app: "pi" } },
        spec: {
          restartPolicy: "Never",
          volumes: [{ name: "data", emptyDir: {} }],
          containers: [
            {
              name: "pi",
              image: "perl:5.34.0",
              command: ["perl", "-e", "1"],
              env: [{ name: "A", value: "1" }],
              volumeMounts: [{ name: "data", mountPath: "/data" }],
            },
          ],
        },
      },
    },
  } as KubeObject,
  {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "hello" },
    spec: {
      schedule: "*/5 * * * *",
      timeZone: "Europe/Paris",
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] },
          },
        },
      },
    },
  } as KubeObject,
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [{ name: "c", image: "busybox", args: ["sh"] }] },
  } as KubeObject,
];

const replacements: unknown[] = [null, 0, -1, 1.5, "", "x", true, [], {}, [1], { a: 1 }];

function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== "object") return [prefix];
  const out: (string | number)[][] = [prefix];
  for (const [k, child] of Object.entries(v))
    out.push(...paths(child, [...prefix, Array.isArray(v) ? Number(k) : k]));
  return out;
}

function mutate(obj: unknown, path: (string | number)[], value: unknown, drop: boolean): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(obj) ? [...(obj as unknown[])] : { ...(obj as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  if (rest.length === 0 && drop) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
  } else copy[head] = mutate(copy[head], rest, value, drop);
  return copy;
}

describe("API server robustness", () => {
  it("answers every mutated manifest with an object or a StatusError", () => {
    const rng = new Rng(7);
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const seed = seeds[rng.int(seeds.length)];
      const all = paths(seed).filter(
        (p) => p.length > 0 && p[0] !== "kind" && p[0] !== "apiVersion",
      );
      const path = all[rng.int(all.length)];
      const drop = rng.next() < 0.3;
      const value = replacements[rng.int(replacements.length)];
      const manifest = mutate(seed, path, value, drop) as KubeObject;
      const api = new ApiServer(new ObjectStore(new Clock(ms(0)), new Rng(1)));
      try {
        api.apply(manifest);
        api.apply(manifest);
        accepted++;
      } catch (e) {
        if (!(e instanceof StatusError))
          throw new Error(
            `${JSON.stringify(path)} = ${JSON.stringify(value)} (drop=${drop}): ${String(e)}`,
            { cause: e },
          );
        rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
