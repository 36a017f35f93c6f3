import { describe, expect, test } from "vitest";
import { yamlSyntaxMarkers } from "./yaml-syntax.ts";

describe("yamlSyntaxMarkers", () => {
  test("valid multi-document YAML has no markers", () => {
    expect(yamlSyntaxMarkers("a: 1\n---\nb: [1, 2]\n---\n")).toEqual([]);
  });

  test("a bad indentation is reported at its line and column (1-based)", () => {
    expect(yamlSyntaxMarkers("spec:\n  backoffLimit: 4\n template: {}\n")).toEqual([
      {
        line: 3,
        column: 2,
        severity: "error",
        message: "YAML syntax error: bad indentation of a mapping entry",
        source: "js-yaml",
      },
    ]);
  });

  test("an error in a later document points into that document (at the alias name)", () => {
    expect(yamlSyntaxMarkers("kind: Secret\n---\nkind: Job\nspec: *missing\n")).toEqual([
      {
        line: 4,
        column: 8,
        severity: "error",
        message: 'YAML syntax error: unidentified alias "missing"',
        source: "js-yaml",
      },
    ]);
  });

  test("a duplicated key is reported", () => {
    expect(yamlSyntaxMarkers("kind: Job\nkind: Pod\n")).toEqual([
      {
        line: 2,
        column: 1,
        severity: "error",
        message: "YAML syntax error: duplicated mapping key",
        source: "js-yaml",
      },
    ]);
  });

  test("empty mapping keys are reported on their own line, nested or not", () => {
    const text = "apiVersion: batch/v1\nspec:\n  : x\n  template:\n    : {a: 1}\n: \n";
    expect(yamlSyntaxMarkers(text)).toEqual(
      [3, 5, 6].map((line) => ({
        line,
        column: 1,
        severity: "error",
        message: "Empty mapping key: a key is missing before ':'.",
        source: "js-yaml",
      })),
    );
  });

  test("empty values, anchors and sequences of mappings are not empty keys", () => {
    expect(
      yamlSyntaxMarkers("a:\nb: &x {c: 1}\nd: *x\ne:\n  - f: 1\n    g:\n  - h\n? i\n: j\n"),
    ).toEqual([]);
  });
});
