import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, runnableCommand, safeHref } from "./markdown.ts";

describe("parseMarkdown", () => {
  it("reads the blocks an exercise intro uses", () => {
    const md = [
      "## Goal",
      "Run `expr 1 + 2` in **busybox** *twice*:",
      "",
      "1. as a bare Pod;",
      "2. as a Job",
      "   named `adder-job`.",
      "",
      "- nested:",
      "  - inner",
      "",
      "```yaml",
      "kind: Job",
      "```",
      "> a note",
    ].join("\n");
    expect(parseMarkdown(md)).toEqual([
      { type: "heading", level: 2, children: [{ type: "text", text: "Goal" }] },
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Run " },
          { type: "code", text: "expr 1 + 2" },
          { type: "text", text: " in " },
          { type: "strong", children: [{ type: "text", text: "busybox" }] },
          { type: "text", text: " " },
          { type: "em", children: [{ type: "text", text: "twice" }] },
          { type: "text", text: ":" },
        ],
      },
      {
        type: "list",
        ordered: true,
        start: 1,
        items: [
          [{ type: "paragraph", children: [{ type: "text", text: "as a bare Pod;" }] }],
          [
            {
              type: "paragraph",
              children: [
                { type: "text", text: "as a Job named " },
                { type: "code", text: "adder-job" },
                { type: "text", text: "." },
              ],
            },
          ],
        ],
      },
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [
          [
            { type: "paragraph", children: [{ type: "text", text: "nested:" }] },
            {
              type: "list",
              ordered: false,
              start: 1,
              items: [[{ type: "paragraph", children: [{ type: "text", text: "inner" }] }]],
            },
          ],
        ],
      },
      { type: "code", lang: "yaml", text: "kind: Job" },
      {
        type: "quote",
        children: [{ type: "paragraph", children: [{ type: "text", text: "a note" }] }],
      },
    ]);
  });

  it("keeps raw HTML as text and drops unsafe links", () => {
    expect(
      parseInline(
        '<img src=x onerror="alert(1)"> [x](javascript:alert(1)) [k8s](https://kubernetes.io)',
      ),
    ).toEqual([
      { type: "text", text: '<img src=x onerror="alert(1)"> ' },
      { type: "text", text: "x" },
      { type: "text", text: " " },
      { type: "link", href: "https://kubernetes.io", children: [{ type: "text", text: "k8s" }] },
    ]);
    expect(safeHref("data:text/html,hi")).toBeUndefined();
    expect(safeHref("/relative")).toBeUndefined();
  });

  it("leaves snake_case and lone markers alone", () => {
    expect(parseInline("a_b_c and 2 * 3 * 4")).toEqual([
      { type: "text", text: "a_b_c and 2 * 3 * 4" },
    ]);
  });

  it("finds runnable kubectl lines", () => {
    expect(runnableCommand("kubectl logs job/pi")).toBe("kubectl logs job/pi");
    expect(runnableCommand("$ kubectl get pods")).toBe("kubectl get pods");
    expect(runnableCommand("restartPolicy: Never")).toBeUndefined();
  });
});
