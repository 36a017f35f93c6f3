import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/types.ts";
import { LabShell } from "../lab/shell.ts";
import { diffFile } from "./diff.ts";
import { TEMPLATES } from "./templates.ts";

const job = TEMPLATES.find((t) => t.id === "job")!.text;

describe("diffFile", () => {
  it("shows a new object, then an unchanged one, then a change, like kubectl diff", () => {
    const shell = new LabShell({ seed: 1, start: "2026-01-05T00:00:00Z" });
    const live = (o: KubeObject) =>
      shell.cluster.store.get<KubeObject>(o.kind, "default", o.metadata.name!);
    const before = diffFile(job, "job.yaml", { live });
    expect("objects" in before && before.objects.map((o) => [o.title, o.status])).toEqual([
      ["job.batch/hello", "new"],
    ]);
    shell.run("kubectl apply -f job.yaml", () => job);
    const same = diffFile(job, "job.yaml", { live });
    expect("objects" in same && same.objects.map((o) => o.status)).toEqual(["unchanged"]);
    const changed = diffFile(job.replace("backoffLimit: 4", "backoffLimit: 6"), "job.yaml", {
      live,
    });
    if (!("objects" in changed)) throw new Error("expected objects");
    const [o] = changed.objects;
    expect(o.status).toBe("changed");
    expect(o.live).toContain("  backoffLimit: 4\n");
    expect(o.applied).toContain("  backoffLimit: 6\n");
    expect(o.applied).not.toContain("last-applied-configuration");
    const immutable = diffFile(job.replace("busybox:1.36", "busybox:1.37"), "job.yaml", { live });
    expect("objects" in immutable && immutable.objects[0].message).toMatch(
      /^The Job "hello" is invalid: spec\.template: Invalid value: .*: field is immutable$/,
    );
  });
});
