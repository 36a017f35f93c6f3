import { describe, expect, it } from "vitest";
import { kindSpan, locatePath, pathTokens, splitYamlDocuments } from "./yaml-positions.ts";

const text = [
  "apiVersion: batch/v1", // 1
  "kind: Job", // 2
  "metadata:", // 3
  "  name: pi # the Job's name", // 4
  "  labels:", // 5
  "    app.kubernetes.io/name: pi", // 6
  "spec:", // 7
  "  template:", // 8
  "    spec:", // 9
  "      restartPolicy: Always", // 10
  "      containers:", // 11
  "        - name: a", // 12
  "          image: busybox", // 13
  "        -   name: b", // 14
  '            command: ["sh", "-c"]', // 15
  "---", // 16
  "kind: Secret", // 17
  "stringData: {password: x, user: 'y'}", // 18
  "",
].join("\n");

const docs = splitYamlDocuments(text);
const at = (doc: number, path: string) => {
  const l = locatePath(docs[doc], path);
  return l && { exact: l.exact, span: l.span, key: l.keySpan };
};
const span = (line: number, column: number, endLine: number, endColumn: number) => ({
  line,
  column,
  endLine,
  endColumn,
});

describe("locatePath", () => {
  it("splits documents where kubectl does", () => {
    expect(docs.map((d) => d.line)).toEqual([1, 17]);
  });

  it("finds a scalar field as the whole `key: value`, and its key", () => {
    expect(at(0, "spec.template.spec.restartPolicy")).toEqual({
      exact: true,
      span: span(10, 7, 10, 28),
      key: span(10, 7, 10, 20),
    });
    expect(at(0, "metadata.name")?.span).toEqual(span(4, 3, 4, 11)); // comment not included
  });

  it("follows list indices to the item and into it", () => {
    expect(at(0, "spec.template.spec.containers[0].image")?.span).toEqual(span(13, 11, 13, 25));
    expect(at(0, "spec.template.spec.containers[1]")?.span).toEqual(span(14, 9, 14, 20));
    expect(at(0, "spec.template.spec.containers[1].command[1]")?.span).toEqual(
      span(15, 29, 15, 33),
    );
  });

  it("stops at the deepest existing parent of a missing field", () => {
    const l = at(0, "spec.template.spec.containers[0].imagePullPolicy");
    expect(l?.exact).toBe(false);
    expect(l?.span).toEqual(span(12, 9, 12, 18)); // the list item
    expect(at(0, "spec.completions")).toEqual({
      exact: false,
      span: span(7, 1, 7, 5),
      key: span(7, 1, 7, 5),
    });
    expect(at(0, "status.active")).toBeUndefined();
  });

  it("matches map keys that contain dots", () => {
    expect(at(0, "metadata.labels.app.kubernetes.io/name")?.span).toEqual(span(6, 5, 6, 31));
    expect(at(0, "metadata.labels[app.kubernetes.io/name]")?.exact).toBe(true);
  });

  it("reads flow mappings and quoted scalars", () => {
    expect(at(1, "stringData.user")?.span).toEqual(span(18, 27, 18, 36));
    expect(at(1, "stringData.password")?.key).toEqual(span(18, 14, 18, 22));
  });

  it("finds the kind line, or the first line when there is none", () => {
    expect(kindSpan(docs[0])).toEqual(span(2, 1, 2, 10));
    expect(kindSpan(splitYamlDocuments("# c\nfoo: 1\n")[0])).toEqual(span(2, 1, 2, 7));
  });

  it("tokenises paths", () => {
    expect(pathTokens("a.b[0].c[k.x]")).toEqual([
      { name: "a" },
      { name: "b" },
      { index: 0 },
      { name: "c" },
      { name: "k.x" },
    ]);
  });

  it("never throws on broken YAML", () => {
    const broken = splitYamlDocuments("a: [\n");
    expect(broken[0].root).toBeUndefined();
    expect(locatePath(broken[0], "a")).toBeUndefined();
  });
});
