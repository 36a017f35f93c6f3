import { describe, expect, it } from "vitest";
import { demoCommand } from "./demo-command.ts";

describe("demoCommand", () => {
  it("offers whole commands only", () => {
    expect(
      [
        "kubectl logs job/pi",
        "kubectl get pods -l job-name=pi",
        "kubectl apply -f job.yaml",
        "kubectl create job --from=cronjob/backup backup-manual-1",
        "kubectl logs",
        "kubectl create job",
        "kubectl create job NAME --image=IMAGE -- COMMAND…",
        "kubectl frobnicate pods",
      ].map((c) => demoCommand(c) !== undefined),
    ).toEqual([true, true, true, true, false, false, false, false]);
  });
});
