import { describe, expect, it } from "vitest";
import { createCluster } from "../../src/cluster.ts";
import type { Pod } from "../../src/api/types.ts";
import { createLabStore } from "../state/store.ts";
import { ClusterBridge, OBJECTS_EVERY_MS } from "./bridge.ts";

const pod = (name: string): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36" }] },
});

function setup() {
  const cluster = createCluster();
  const store = createLabStore();
  const bridge = new ClusterBridge(store);
  bridge.attach(cluster, cluster.now());
  const names = () => store.getState().cluster.pods.map((p) => p.metadata.name);
  return { cluster, store, bridge, names };
}

describe("ClusterBridge", () => {
  it("publishes a change at once after a command (no frame time)", () => {
    const { cluster, bridge, names } = setup();
    cluster.api.create(pod("a"));
    bridge.publish();
    expect(names()).toEqual(["a"]);
  });

  it("while time flows, writes objects at most every OBJECTS_EVERY_MS but the clock every frame", () => {
    const { cluster, store, bridge, names } = setup();
    // The first change after a quiet spell shows at once…
    cluster.api.create(pod("a"));
    bridge.publish(1000);
    expect(names()).toEqual(["a"]);
    // …the next ones within OBJECTS_EVERY_MS wait; the clock does not.
    cluster.api.create(pod("b"));
    cluster.advance(1000);
    bridge.publish(1000 + OBJECTS_EVERY_MS / 2);
    expect(store.getState().cluster.now).toBe(cluster.now());
    expect(names()).toEqual(["a"]);
    bridge.publish(1000 + OBJECTS_EVERY_MS);
    expect(names()).toEqual(["a", "b"]);
  });

  it("does not write the store when nothing changed", () => {
    const { store, bridge } = setup();
    bridge.publish(0);
    const before = store.getState().cluster;
    bridge.publish(500);
    expect(store.getState().cluster).toBe(before);
  });
});
