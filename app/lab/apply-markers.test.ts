import { describe, expect, it } from "vitest";
import { applyMarkers, fieldPaths } from "./apply-markers.ts";
import { EDITOR_FILE, LabShell } from "./shell.ts";

/** Apply `text` as the editor's buffer with the real kubectl, and mark the editor. */
function markersFor(text: string) {
  const shell = new LabShell({ seed: 1, start: "2026-01-05T00:00:00Z" });
  const { result } = shell.run(`kubectl apply -f ${EDITOR_FILE}`, (p) =>
    p === EDITOR_FILE ? text : undefined,
  );
  return applyMarkers(text, EDITOR_FILE, result).map((m): [number, number, string] => [
    m.line,
    m.column,
    m.message,
  ]);
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("applyMarkers", () => {
  it("puts a YAML error at its line and column", () => {
    const text = lines("apiVersion: batch/v1", "kind: Job", "metadata:", "  name: x", " bad: [");
    expect(markersFor(text)).toEqual([
      [
        5,
        2,
        expect.stringMatching(
          /^error: error parsing job\.yaml: error converting YAML to JSON: yaml: line \d+: /,
        ),
      ],
    ]);
  });

  it("puts an API error on the field it names, in the document it belongs to", () => {
    const ok = lines(
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata:",
      "  name: fine",
      "spec:",
      "  template:",
      "    spec:",
      "      restartPolicy: Never",
      "      containers:",
      "        - name: c",
      "          image: busybox:1.36",
    );
    const bad = ok
      .replace("name: fine", "name: broken")
      .replace("restartPolicy: Never", "restartPolicy: Sometimes")
      .replace("image: busybox", "imag: busybox");
    const m = markersFor(ok + "---\n" + bad);
    expect(m.map(([line, col]) => [line, col])).toEqual([[23, 11]]); // line 13 starts the second document
    expect(m[0][2]).toMatch(/unknown field "spec\.template\.spec\.containers\[0\]\.imag"/);

    const invalid = markersFor(bad.replace("imag:", "image:"));
    expect(invalid.map(([line, col]) => [line, col])).toEqual([[8, 7]]);
    expect(invalid[0][2]).toBe(
      'The Job "broken" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n' +
        'The Job "broken" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );

    // A missing field has no line of its own: its cause goes on the `kind:` line.
    const nameless = markersFor(
      bad.replace("imag:", "image:").replace("metadata:\n  name: broken\n", ""),
    );
    expect(nameless.map(([line, col, message]) => [line, col, message.split("\n")[0]])).toEqual([
      [
        2,
        1,
        'The Job "" is invalid: metadata.name: Required value: name or generateName is required',
      ],
      [
        6,
        7,
        'The Job "" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    ]);
  });

  it("reads field paths out of apiserver messages", () => {
    expect(
      fieldPaths(
        'The Job "x" is invalid: \n* spec.completions: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.containers[0].image: Required value',
      ),
    ).toEqual(["spec.completions", "spec.template.spec.containers[0].image"]);
  });
});
