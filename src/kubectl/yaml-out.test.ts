import { describe, expect, it } from "vitest";
import { toYaml } from "./yaml-out.ts";

describe("toYaml (go-yaml v2 as kubectl prints)", () => {
  it("quotes what would read as another type, single-quotes indicators, blocks multi-line", () => {
    expect(
      toYaml({
        b: "True",
        a: "1",
        c: "2026-01-05T00:00:00Z",
        d: "*/1 * * * *",
        e: ["sh", "-c", "echo hi\nsleep 5\n"],
        f: "",
        g: "a: b",
        h: "plain text",
        i: {},
        j: [],
        k: null,
        l: 3,
        m: "no\ttab",
        o: "2026-01-05-backup",
      }),
    ).toBe(
      [
        'a: "1"',
        'b: "True"',
        'c: "2026-01-05T00:00:00Z"',
        "d: '*/1 * * * *'",
        "e:",
        "- sh",
        "- -c",
        "- |",
        "  echo hi",
        "  sleep 5",
        'f: ""',
        "g: 'a: b'",
        "h: plain text",
        "i: {}",
        "j: []",
        "k: null",
        "l: 3",
        'm: "no\\ttab"',
        "o: 2026-01-05-backup",
        "",
      ].join("\n"),
    );
  });

  it("nests sequences of maps at the parent key's indentation and strips chomping", () => {
    expect(toYaml({ spec: { containers: [{ name: "a", args: ["x"] }], s: "l1\nl2" } })).toBe(
      "spec:\n  containers:\n  - args:\n    - x\n    name: a\n  s: |-\n    l1\n    l2\n",
    );
  });

  it("folds long plain strings past column 80", () => {
    const msg =
      "Back-off restarting failed container main in pod work-abcde_default(0123-4567-89ab-cdef)";
    expect(toYaml({ message: msg })).toBe(
      "message: Back-off restarting failed container main in pod work-abcde_default(0123-4567-89ab-cdef)\n",
    );
    const words = Array(20).fill("word").join(" ");
    expect(toYaml({ note: words })).toBe(
      "note: word word word word word word word word word word word word word word word word\n  word word word word\n",
    );
  });
});
