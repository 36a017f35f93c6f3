import { describe, expect, it } from "vitest";
import { parseProgress, serializeProgress, type Progress } from "./progress.ts";

const known = ["one-shot", "pod-vs-job"];

describe("progress files", () => {
  it("round-trips, dropping exercises the pack no longer has", () => {
    const p: Progress = {
      pack: "batch-course",
      current: "one-shot",
      exercises: {
        "one-shot": { done: "2026-01-05T09:00:00.000Z", hints: 2 },
        gone: { done: "2026-01-05T09:00:00.000Z" },
        "pod-vs-job": { solution: true },
      },
    };
    expect(
      parseProgress(serializeProgress(p, "2026-01-06T10:00:00.000Z"), "batch-course", known),
    ).toEqual({
      ok: true,
      progress: {
        pack: "batch-course",
        current: "one-shot",
        exercises: {
          "one-shot": { done: "2026-01-05T09:00:00.000Z", hints: 2 },
          "pod-vs-job": { solution: true },
        },
      },
    });
  });

  it("refuses bad files with a reason", () => {
    const file = (o: object) =>
      JSON.stringify({
        kind: "batch-lab-progress",
        version: 1,
        pack: "batch-course",
        exercises: {},
        ...o,
      });
    expect(parseProgress("{nope", "batch-course", known)).toEqual({
      ok: false,
      error: { code: "notJson" },
    });
    expect(parseProgress('{"a":1}', "batch-course", known)).toEqual({
      ok: false,
      error: { code: "notProgress" },
    });
    expect(parseProgress(file({ version: 9 }), "batch-course", known)).toEqual({
      ok: false,
      error: { code: "version", version: "9" },
    });
    expect(parseProgress(file({ pack: "other" }), "batch-course", known)).toEqual({
      ok: false,
      error: { code: "otherPack", pack: "other" },
    });
    expect(
      parseProgress(file({ exercises: { "one-shot": { hints: -1 } } }), "batch-course", known),
    ).toEqual({
      ok: false,
      error: { code: "badEntry", exercise: "one-shot" },
    });
    expect(
      parseProgress(
        file({ exercises: { "one-shot": { done: "yesterday" } } }),
        "batch-course",
        known,
      ),
    ).toEqual({
      ok: false,
      error: { code: "badEntry", exercise: "one-shot" },
    });
  });
});
