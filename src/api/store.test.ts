import { describe, expect, it } from "vitest";
import { Clock } from "../sim/clock.ts";
import { Rng } from "../sim/rng.ts";
import { ms } from "../sim/time.ts";
import { ObjectStore, type WatchEvent } from "./store.ts";
import type { ConfigMap, Pod } from "./types.ts";

const start = ms(Date.parse("2026-01-05T00:00:00Z"));

function setup() {
  const clock = new Clock(start);
  const store = new ObjectStore(clock, new Rng(1));
  const seen: string[] = [];
  store.watch((e: WatchEvent) =>
    seen.push(
      `${e.type} ${e.kind}/${e.object.metadata.name} rv=${e.object.metadata.resourceVersion}`,
    ),
  );
  return { clock, store, seen };
}

const cm = (name: string, data: Record<string, string> = {}): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "default" },
  data,
});

describe("ObjectStore", () => {
  it("stamps uid, resourceVersion and creationTimestamp, freezes objects, and tells watchers", () => {
    const { store, seen } = setup();
    const o = store.create(cm("a"));
    expect(o.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(o.metadata.creationTimestamp).toBe("2026-01-05T00:00:00Z");
    expect(Object.isFrozen(o.metadata)).toBe(true);
    expect(() => {
      (o.data as Record<string, string>).x = "y";
    }).toThrow();
    store.update({ ...o, data: { k: "v" } });
    store.delete("ConfigMap", "default", "a");
    expect(seen).toEqual([
      "ADDED ConfigMap/a rv=1001",
      "MODIFIED ConfigMap/a rv=1002",
      "DELETED ConfigMap/a rv=1002",
    ]);
  });

  it("names from generateName with the apiserver alphabet, deterministically per seed", () => {
    const names = () => {
      const { store } = setup();
      return [1, 2, 3].map(
        () =>
          store.create<ConfigMap>({
            ...cm(""),
            metadata: { generateName: "pi-", namespace: "default" },
          }).metadata.name,
      );
    };
    const first = names();
    expect(first.every((n) => /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n!))).toBe(true);
    expect(names()).toEqual(first);
  });

  it("keeps an object with finalizers or a grace period until both are resolved", () => {
    const { store } = setup();
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "p",
        namespace: "default",
        finalizers: ["batch.kubernetes.io/job-tracking"],
      },
      spec: { containers: [] },
    } as unknown as Pod;
    store.create(pod);
    const marked = store.delete<Pod>("Pod", "default", "p", { gracePeriodSeconds: 30 });
    expect(marked?.metadata.deletionTimestamp).toBe("2026-01-05T00:00:30Z");
    expect(store.delete("Pod", "default", "p", { gracePeriodSeconds: 0 })).toBeDefined();
    store.patchMeta("Pod", "default", "p", (m) => (m.finalizers = []));
    expect(store.get("Pod", "default", "p")).toBeUndefined();
  });

  it("indexes dependents by owner uid", () => {
    const { store } = setup();
    const owner = store.create(cm("owner"));
    store.create({
      ...cm("dep"),
      metadata: {
        name: "dep",
        namespace: "default",
        ownerReferences: [
          { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid! },
        ],
      },
    });
    expect(store.listOwnedBy("ConfigMap", owner.metadata.uid!).map((o) => o.metadata.name)).toEqual(
      ["dep"],
    );
    store.delete("ConfigMap", "default", "dep");
    expect(store.listOwnedBy("ConfigMap", owner.metadata.uid!)).toEqual([]);
  });
});
