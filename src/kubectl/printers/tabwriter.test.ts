import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

describe("tabwrite (Go text/tabwriter)", () => {
  it("pads columns to the widest cell plus padding, never the trailing cell", () => {
    expect(tabwrite("NAME\tAGE\npi\t10s\n", TABLE_TABWRITER)).toBe("NAME   AGE\npi     10s\n");
  });

  it("applies kubectl's minimum column width of 6", () => {
    expect(tabwrite("a\tb\tc\n", TABLE_TABWRITER)).toBe("a     b     c\n");
  });

  it("aligns per column block: a line without tabs ends the block", () => {
    const text = "Name:\tpi\nCompletion Mode:\tNonIndexed\nPod Template:\n  Labels:\tx=1\n\ty=2\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      `Name:             pi
Completion Mode:  NonIndexed
Pod Template:
  Labels:  x=1
           y=2
`,
    );
  });

  it("nests blocks: an inner column spans only the lines that have it", () => {
    const text = "a\tb\tc\nlonger\tb\nx\ty\tz\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe("a       b  c\nlonger  b\nx       y  z\n");
  });

  it("keeps text without a final newline as it is", () => {
    expect(tabwrite("k:\tv\nrest", DESCRIBE_TABWRITER)).toBe("k:  v\nrest");
  });

  it("remembers widths across calls when asked (kubectl get -w)", () => {
    const remembered: number[] = [];
    const cfg = { ...TABLE_TABWRITER, rememberedWidths: remembered };
    const first = tabwrite("NAME\tSTATUS\tAGE\nlong-job-name\tRunning\t1s\n", cfg);
    const second = tabwrite("pi\tComplete\t2s\n", cfg);
    expect(first + second).toBe(
      `NAME            STATUS    AGE
long-job-name   Running   1s
pi              Complete   2s
`,
    );
  });
});
