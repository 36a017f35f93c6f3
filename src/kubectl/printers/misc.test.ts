import { describe, expect, it } from "vitest";
import type { ConfigMap, Secret } from "../../api/types.ts";
import { printCustomColumns } from "./custom-columns.ts";
import { formatLabelSelector, selectorString } from "./labels.ts";
import { configMapTable, secretTable } from "./misc.ts";
import { printNames } from "./name.ts";
import { podTable } from "./pods.ts";
import { printTable } from "./table.ts";
import { at, cs, failedJob, helloCronJob, now, piJob, pod } from "./test-fixtures.ts";

describe("-o name (spec §7.5)", () => {
  it("prints kind.group/name per object", () => {
    const p = pod({ name: "pi-x7k2p", statuses: [] });
    expect(printNames([piJob, failedJob, helloCronJob, p])).toBe(
      "job.batch/pi\njob.batch/fail\ncronjob.batch/hello\npod/pi-x7k2p\n",
    );
  });
});

describe("-o custom-columns", () => {
  const done = pod({
    name: "pi-x7k2p",
    phase: "Succeeded",
    statuses: [
      cs("pi", {
        terminated: { exitCode: 0, reason: "Completed", startedAt: at(2), finishedAt: at(11) },
      }),
    ],
  });
  const running = pod({
    name: "pi-r9m4t",
    statuses: [cs("pi", { running: { startedAt: at(2) } }, { ready: true, restartCount: 2 })],
  });

  it("prints headers as given, <none> for missing fields, lists comma-joined", () => {
    const r = printCustomColumns(
      "NAME:.metadata.name,PHASE:.status.phase,EXIT:.status.containerStatuses[0].state.terminated.exitCode,JOB:metadata.labels['job-name'],RESTARTS:{.status.containerStatuses[*].restartCount}",
      [done, running],
    );
    expect(r).toEqual({
      text: `NAME       PHASE       EXIT     JOB   RESTARTS
pi-x7k2p   Succeeded   0        pi    0
pi-r9m4t   Running     <none>   pi    2
`,
    });
  });

  it("prints maps the way Go's fmt does, and reports a malformed spec", () => {
    expect(printCustomColumns("SEL:.spec.selector.matchLabels", [piJob], true)).toEqual({
      text: "map[batch.kubernetes.io/controller-uid:5f1c3d2a-8b7e-4c1f-9a0d-2e6b7c8d9e0f]\n",
    });
    expect(printCustomColumns("NAME", [piJob])).toEqual({
      error: "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>",
    });
  });
});

describe("label selectors", () => {
  it("renders requirements sorted by key, with sorted values", () => {
    const sel = {
      matchLabels: { tier: "batch", app: "pi" },
      matchExpressions: [
        { key: "env", operator: "In" as const, values: ["prod", "dev"] },
        { key: "zone", operator: "NotIn" as const, values: ["b", "a"] },
        { key: "gpu", operator: "Exists" as const },
        { key: "spot", operator: "DoesNotExist" as const },
      ],
    };
    expect([selectorString(sel), formatLabelSelector(undefined), formatLabelSelector({})]).toEqual([
      "app=pi,env in (dev,prod),gpu,!spot,tier=batch,zone notin (a,b)",
      "<none>",
      "<none>",
    ]);
  });
});

describe("secrets, configmaps and escaping", () => {
  it("counts data keys", () => {
    const secret: Secret = {
      apiVersion: "v1",
      kind: "Secret",
      type: "Opaque",
      metadata: { name: "db", creationTimestamp: at(0) },
      data: { user: "YQ==", pass: "Yg==" },
    };
    const cm: ConfigMap = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "settings", creationTimestamp: at(0) },
      data: { "a.conf": "x" },
    };
    expect(
      printTable(secretTable([secret], now(30))) + printTable(configMapTable([cm], now(30))),
    ).toBe(
      `NAME   TYPE     DATA   AGE
db     Opaque   2      30s
NAME       DATA   AGE
settings   1      30s
`,
    );
  });

  it("makes terminal escapes in object data visible", () => {
    const p = pod({ name: "evil\u001b[31m", statuses: [] });
    expect(printTable(podTable([p], now(5)), { noHeaders: true })).toBe(
      "evil^[[31m   0/1   Running   0     5s\n",
    );
  });
});
