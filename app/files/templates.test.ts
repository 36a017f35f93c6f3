import { describe, expect, it } from "vitest";
import { checkMarkers } from "../lab/apply-markers.ts";
import { LabShell } from "../lab/shell.ts";
import { TEMPLATES } from "./templates.ts";

describe("new-file templates", () => {
  it.each(TEMPLATES.filter((t) => t.text !== "").map((t) => [t.label, t] as const))(
    "%s is a valid manifest the cluster accepts",
    (_label, t) => {
      expect(checkMarkers(t.text, t.file)).toEqual([]);
      const shell = new LabShell({ seed: 1, start: "2026-01-05T00:00:00Z" });
      const { result } = shell.run(`kubectl apply -f ${t.file}`, () => t.text);
      expect(result.exitCode).toBe(0);
    },
  );
});
