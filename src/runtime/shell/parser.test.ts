import { describe, expect, test } from "vitest";
import { parse } from "./parser.ts";

describe("parser", () => {
  test("a simple command with an assignment and redirections", () => {
    expect(parse("X=1 echo a >out 2>&1")).toEqual([
      {
        first: {
          bang: false,
          commands: [
            {
              type: "simple",
              assigns: [{ name: "X", value: { parts: [{ type: "lit", text: "1" }] } }],
              words: [
                { parts: [{ type: "lit", text: "echo" }] },
                { parts: [{ type: "lit", text: "a" }] },
              ],
              redirects: [
                { fd: 1, op: ">", target: { parts: [{ type: "lit", text: "out" }] } },
                { fd: 2, op: ">&", target: { parts: [{ type: "lit", text: "1" }] } },
              ],
              line: 1,
            },
          ],
        },
        rest: [],
        background: false,
      },
    ]);
  });

  test("word structure keeps quoting", () => {
    const [ao] = parse(`echo "a $X" 'b' c\\ d \${Y:-z} $(date) $((1+2))`);
    const cmd = ao.first.commands[0];
    expect(cmd.type === "simple" && cmd.words.slice(1).map((w) => w.parts)).toEqual([
      [
        {
          type: "dq",
          parts: [
            { type: "qlit", text: "a " },
            { type: "param", name: "X" },
          ],
        },
      ],
      [{ type: "qlit", text: "b" }],
      [
        { type: "lit", text: "c" },
        { type: "qlit", text: " " },
        { type: "lit", text: "d" },
      ],
      [{ type: "param", name: "Y", op: ":-", arg: { parts: [{ type: "lit", text: "z" }] } }],
      [{ type: "cmdsub", script: "date" }],
      [{ type: "arith", expr: { parts: [{ type: "qlit", text: "1+2" }] } }],
    ]);
  });
});
