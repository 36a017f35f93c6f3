import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/types.ts";
import { applyMarkers, checkMarkers, fieldPaths } from "./apply-markers.ts";
import { EDITOR_FILE, LabShell } from "./shell.ts";

/** Apply `text` as the editor's buffer with the real kubectl, and mark the editor. */
function markersFor(
  text: string,
  shell = new LabShell({ seed: 1, start: "2026-01-05T00:00:00Z" }),
) {
  const { result } = shell.run(`kubectl apply -f ${EDITOR_FILE}`, (p) =>
    p === EDITOR_FILE ? text : undefined,
  );
  return applyMarkers(text, EDITOR_FILE, result).map(brief);
}

const brief = (m: {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}) => [`${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.message] as const;

const lines = (...l: string[]) => l.join("\n") + "\n";

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

describe("applyMarkers", () => {
  it("puts a YAML error at its line and column", () => {
    const text = lines("apiVersion: batch/v1", "kind: Job", "metadata:", "  name: x", " bad: [");
    expect(markersFor(text)).toEqual([
      [
        "5:2-undefined:undefined",
        expect.stringMatching(
          /^error: error parsing job\.yaml: error converting YAML to JSON: yaml: line \d+: /,
        ),
      ],
    ]);
  });

  it("puts an unknown field on its key, in the document it belongs to", () => {
    const bad = ok.replace("name: fine", "name: broken").replace("image: busybox", "imag: busybox");
    expect(markersFor(ok + "---\n" + bad)).toEqual([
      [
        "23:11-23:15", // line 13 starts the second document
        'Error from server (BadRequest): error when creating "job.yaml": Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.template.spec.containers[0].imag"',
      ],
    ]);
  });

  it("puts each cause of a 422 on its own field, with the server's words", () => {
    const bad = ok.replace("restartPolicy: Never", "restartPolicy: Sometimes");
    expect(markersFor(bad)).toEqual([
      [
        "8:7-8:31",
        'The Job "fine" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
      [
        "8:7-8:31",
        'The Job "fine" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    ]);
    // restartPolicy: Always, the classic mistake (spec §6.2), one cause: a single-line message.
    expect(markersFor(ok.replace("Never", "Always"))).toEqual([
      [
        "8:7-8:28",
        'The Job "fine" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      ],
    ]);
  });

  it("puts a missing field on its deepest parent, or on `kind:`", () => {
    const nameless = ok.replace("metadata:\n  name: fine\n", "").replace("Never", "Sometimes");
    expect(markersFor(nameless).map(([at, m]) => [at, m.split(": ")[1]])).toEqual([
      ["2:1-2:10", "metadata.name"],
      ["6:7-6:31", "spec.template.spec.restartPolicy"],
      ["6:7-6:31", "spec.template.spec.restartPolicy"],
    ]);
    const imageless = ok.replace("          image: busybox:1.36\n", "");
    expect(markersFor(imageless)).toEqual([
      [
        "10:9-10:18",
        'The Job "fine" is invalid: spec.template.spec.containers[0].image: Required value',
      ],
    ]);
  });

  it("puts a type error on the field", () => {
    const text = ok.replace("spec:\n  template:", 'spec:\n  completions: "3"\n  template:');
    expect(markersFor(text)).toEqual([
      [
        "6:3-6:19",
        'Error from server (BadRequest): error when creating "job.yaml": Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.completions of type int32',
      ],
    ]);
  });

  it("marks the document kubectl refused before sending anything", () => {
    const text = ok + "---\n" + lines("apiVersion: v1", "kind: Pdo", "metadata:", "  name: p");
    const m = markersFor(text);
    expect(m.map(([at]) => at)).toEqual(["14:1-14:10"]);
    expect(m[0][1]).toMatch(/^error: resource mapping not found for name: "p"/);
  });

  it("reads field paths out of apiserver messages", () => {
    expect(
      fieldPaths(
        'The Job "x" is invalid: \n* spec.completions: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.containers[0].image: Required value',
      ),
    ).toEqual(["spec.completions", "spec.template.spec.containers[0].image"]);
  });
});

describe("checkMarkers (the dry run made while typing)", () => {
  it("gives the message Apply would print, before applying", () => {
    const text = ok.replace("Never", "Always");
    expect(checkMarkers(text, EDITOR_FILE).map(brief)).toEqual(markersFor(text));
  });

  it("checks every document of a file on its own", () => {
    const secret = lines(
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db",
      "type: Opaque",
      "stringData:",
      "  password: 42",
    );
    const text = secret + "---\n" + ok.replace("image: busybox:1.36", 'image: ""');
    expect(checkMarkers(text, EDITOR_FILE).map(brief)).toEqual([
      [
        "6:1-6:11",
        'Error from server (BadRequest): error when creating "job.yaml": Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.stringData of type string',
      ],
      [
        "19:11-19:20",
        'The Job "fine" is invalid: spec.template.spec.containers[0].image: Required value',
      ],
    ]);
  });

  it("checks an update against the live object (immutable fields)", () => {
    const shell = new LabShell({ seed: 1, start: "2026-01-05T00:00:00Z" });
    markersFor(ok, shell);
    const live = (o: KubeObject) =>
      shell.cluster.store.get<KubeObject>(o.kind, "default", o.metadata.name!);
    expect(checkMarkers(ok, EDITOR_FILE, { live })).toEqual([]);
    const changed = ok.replace("busybox:1.36", "busybox:1.37");
    const m = checkMarkers(changed, EDITOR_FILE, { live }).map(brief);
    expect(m.map(([at]) => at)).toEqual(["6:3-6:11"]);
    expect(m[0][1]).toMatch(
      /^The Job "fine" is invalid: spec\.template: Invalid value: .*: field is immutable$/,
    );
    expect(m).toEqual(markersFor(changed, shell));
  });

  it("leaves syntax errors to the editor", () => {
    expect(checkMarkers("a: [\n", EDITOR_FILE)).toEqual([]);
  });
});
