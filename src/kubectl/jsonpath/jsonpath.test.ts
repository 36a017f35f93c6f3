import { describe, expect, it } from "vitest";
import { jsonPath, relaxedPath, findValues } from "./jsonpath.ts";

const job = {
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: {
    name: "pi",
    labels: { "batch.kubernetes.io/job-name": "pi", "job-name": "pi" },
  },
  spec: { backoffLimit: 4, suspend: false, template: { spec: { containers: [{ name: "pi" }] } } },
  status: {
    conditions: [
      { type: "FailureTarget", status: "True", reason: "BackoffLimitExceeded" },
      { type: "Failed", status: "True", reason: "BackoffLimitExceeded" },
    ],
    failed: 5,
    ready: 0,
  },
};

const list = {
  apiVersion: "v1",
  items: [
    { metadata: { name: "a-1" }, status: { phase: "Succeeded", succeeded: 1 } },
    { metadata: { name: "b-2" }, status: { phase: "Running" } },
    { metadata: { name: "c-3" }, status: { phase: "Failed", succeeded: 0 } },
  ],
  kind: "List",
  metadata: { resourceVersion: "" },
};

const text = (tpl: string, data: unknown = job) => {
  const r = jsonPath(tpl, data);
  return "text" in r ? r.text : `ERR ${r.error}`;
};

describe("kubectl jsonpath", () => {
  it("prints scalars bare and missing fields as nothing", () => {
    expect(text("{.spec.backoffLimit}")).toBe("4");
    expect(text("{.spec.suspend}")).toBe("false");
    expect(text("{.status.succeeded}/{.status.failed}")).toBe("/5");
    expect(text("{.metadata.nope.deeper}")).toBe("");
  });

  it("joins several results with spaces and prints maps and lists as compact JSON", () => {
    expect(text("{.status.conditions[*].type}")).toBe("FailureTarget Failed");
    expect(text("{.metadata.labels}")).toBe(
      '{"batch.kubernetes.io/job-name":"pi","job-name":"pi"}',
    );
    expect(text("{.spec.template.spec.containers}")).toBe('[{"name":"pi"}]');
  });

  it("filters on string equality", () => {
    expect(text('{.status.conditions[?(@.type=="Failed")].reason}')).toBe("BackoffLimitExceeded");
    expect(text("{.status.conditions[?(@.status=='True')].type}")).toBe("FailureTarget Failed");
    expect(text('{.status.conditions[?(@.type!="Failed")].type}')).toBe("FailureTarget");
    expect(text("{.status.conditions[?(@.reason)].type}")).toBe("FailureTarget Failed");
  });

  it("escapes dots in keys", () => {
    expect(text("{.metadata.labels.batch\\.kubernetes\\.io/job-name}")).toBe("pi");
    expect(text("{.metadata.labels['job-name']}")).toBe("pi");
  });

  it("ranges over items with literal strings", () => {
    expect(text('{range .items[*]}{.metadata.name}{"\\n"}{end}', list)).toBe("a-1\nb-2\nc-3\n");
    expect(text('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list)).toBe(
      "a-1\tSucceeded\nb-2\tRunning\nc-3\tFailed\n",
    );
    expect(text("{.items[*].metadata.name}", list)).toBe("a-1 b-2 c-3");
    expect(text("{range .items[*]}[{.metadata.name}]{end}", list)).toBe("[a-1][b-2][c-3]");
  });

  it("supports indexes, negative indexes, slices, unions and @", () => {
    expect(text("{.items[0].metadata.name}", list)).toBe("a-1");
    expect(text("{.items[-1].metadata.name}", list)).toBe("c-3");
    expect(text("{.items[0:2].metadata.name}", list)).toBe("a-1 b-2");
    expect(text("{.items[::2].metadata.name}", list)).toBe("a-1 c-3");
    expect(text("{.items[0,2].metadata.name}", list)).toBe("a-1 c-3");
    expect(text("{.metadata['name','kind']}")).toBe("pi");
    expect(text("{@.metadata.name}")).toBe("pi");
    expect(text("{$.metadata.name}")).toBe("pi");
  });

  it("compares numbers", () => {
    expect(
      text("{.items[?(@.status.succeeded>0)].metadata.name}", { items: [list.items[0]] }),
    ).toBe("a-1");
  });

  it("reports evaluation errors with kubectl's debugging dump", () => {
    expect(text("{.items[0].metadata.name}", { items: [], kind: "List" })).toBe(
      'ERR error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
        "\ttemplate was:\n\t\t{.items[0].metadata.name}\n" +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{}, "kind":"List"}\n\n\n',
    );
    expect(text("{.items[?(@.status.succeeded==1)].metadata.name}", list)).toContain(
      "can only compare one element at a time",
    );
    expect(text("{.metadata.name[0]}")).toContain("string is not array or slice");
  });

  it("reports parse errors as kubectl does", () => {
    expect(text("{.items[*")).toBe("ERR error parsing jsonpath {.items[*, unterminated array\n");
    expect(text("{.metadata.name")).toBe(
      "ERR error parsing jsonpath {.metadata.name, unclosed action\n",
    );
    expect(text("{end}")).toContain("not in range, nothing to end");
    expect(text("{.a}{foo}")).toContain("unrecognized identifier foo");
  });

  it("prints text outside braces verbatim", () => {
    expect(text("name=.metadata.name")).toBe("name=.metadata.name");
  });

  it("prints jsonpath-as-json as indented arrays", () => {
    const r = jsonPath("{.status.conditions[*].type}", job, true);
    expect(r).toEqual({ text: '[\n    "FailureTarget",\n    "Failed"\n]\n' });
  });

  it("accepts relaxed paths for --sort-by", () => {
    for (const p of [".metadata.name", "metadata.name", "{.metadata.name}"]) {
      const r = relaxedPath(p);
      expect("nodes" in r && findValues(r.nodes, job)).toEqual(["pi"]);
    }
  });
});
