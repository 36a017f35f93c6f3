import { describe, expect, it } from "vitest";
import type { CommandResult } from "../../../src/kubectl/output.ts";
import { TerminalController } from "./controller.ts";
import { FakeScreen } from "./fake-screen.ts";
import { History } from "./history.ts";

const LEFT = "\x1b[D";
const RIGHT = "\x1b[C";
const UP = "\x1b[A";
const DOWN = "\x1b[B";
const HOME = "\x1b[H";
const END = "\x1b[F";
const BACKSPACE = "\x7f";

function setup(cols = 40, history: string[] = []) {
  const screen = new FakeScreen(cols);
  const ran: string[] = [];
  const writes: string[] = [];
  const run = (line: string): CommandResult => {
    ran.push(line);
    if (line === "fail") return { chunks: [{ stream: "stderr", text: "boom\n" }], exitCode: 1 };
    return { chunks: [{ stream: "stdout", text: `ran: ${line}\nok\n` }], exitCode: 0 };
  };
  const saved: (readonly string[])[] = [];
  const t = new TerminalController(
    {
      write: (d) => {
        writes.push(d);
        screen.write(d);
      },
      cols: () => cols,
    },
    { run, history: new History(history, (e) => saved.push(e)) },
  );
  t.start("hello\n");
  return { t, screen, ran, writes, saved };
}

describe("TerminalController", () => {
  it("echoes typing, runs the line on Enter and prints its output with CRLF", () => {
    const { t, screen, ran, writes } = setup();
    t.input("kubectl get jobs");
    t.input("\r");
    expect(ran).toEqual(["kubectl get jobs"]);
    expect(screen.text()).toEqual([
      "hello",
      "$ kubectl get jobs",
      "ran: kubectl get jobs",
      "ok",
      "$",
    ]);
    expect(writes.join("")).toContain("ran: kubectl get jobs\r\nok\r\n");
  });

  it("prints stderr in red and resets the colour", () => {
    const { t, writes, screen } = setup();
    t.input("fail\r");
    expect(writes.join("")).toContain("\x1b[31mboom\r\n\x1b[0m");
    expect(screen.text()).toEqual(["hello", "$ fail", "boom", "$"]);
  });

  it("edits in the middle: left, insert, backspace, Home, End, delete", () => {
    const { t, screen, ran } = setup();
    t.input("kubectl get jbs");
    t.input(LEFT + LEFT);
    t.input("o");
    expect(screen.text().at(-1)).toBe("$ kubectl get jobs");
    t.input(HOME + "x" + BACKSPACE + "\x1b[3~"); // insert x at start, remove it, delete the "k"
    t.input(END + "!" + BACKSPACE + RIGHT);
    t.input("\r");
    expect(ran).toEqual(["ubectl get jobs"]);
  });

  it("walks history with up/down, keeping the draft", () => {
    const { t, screen, ran, saved } = setup(40, ["kubectl get pods"]);
    t.input("date\r");
    t.input("kubectl lo");
    t.input(UP);
    expect(screen.text().at(-1)).toBe("$ date");
    t.input(UP);
    expect(screen.text().at(-1)).toBe("$ kubectl get pods");
    t.input(UP); // already at the oldest
    expect(screen.text().at(-1)).toBe("$ kubectl get pods");
    t.input(DOWN + DOWN);
    expect(screen.text().at(-1)).toBe("$ kubectl lo");
    t.input(UP + "\r");
    expect(ran).toEqual(["date", "date"]);
    expect(saved).toEqual([["kubectl get pods", "date"]]); // the repeat is not stored twice
  });

  it("Ctrl+C abandons the line, Ctrl+L and `clear` clear the screen", () => {
    const { t, screen, ran } = setup();
    t.input("kubectl delete job x\x03");
    expect(screen.text()).toEqual(["hello", "$ kubectl delete job x^C", "$"]);
    expect(ran).toEqual([]);
    t.input("abc\x0c");
    expect(screen.text()).toEqual(["$ abc"]);
    t.input("\x15clear\r");
    expect(screen.text()).toEqual(["$"]);
    expect(ran).toEqual([]);
  });

  it("keeps a wrapped line intact while editing it", () => {
    const { t, screen, ran } = setup(10);
    t.input("abcdefghijklmnop"); // "$ " + 16 = 18 columns: two rows
    expect(screen.text().slice(-2)).toEqual(["$ abcdefgh", "ijklmnop"]);
    t.input(HOME + "X");
    expect(screen.text().slice(-2)).toEqual(["$ Xabcdefg", "hijklmnop"]);
    t.input(END + "12"); // ends exactly at the edge of row 2
    expect(screen.text().slice(-3)).toEqual(["$ Xabcdefg", "hijklmnop1", "2"]);
    t.input(BACKSPACE + BACKSPACE + BACKSPACE);
    expect(screen.text().slice(-2)).toEqual(["$ Xabcdefg", "hijklmno"]);
    t.input("\r");
    expect(ran).toEqual(["Xabcdefghijklmno"]);
    expect(screen.text().slice(-7)).toEqual([
      "$ Xabcdefg",
      "hijklmno",
      "ran: Xabcd",
      "efghijklmn",
      "o",
      "ok",
      "$",
    ]);
  });

  it("runs each line of a multi-line paste", () => {
    const { t, ran } = setup();
    t.input("date\r\nkubectl get jobs\n");
    expect(ran).toEqual(["date", "kubectl get jobs"]);
  });
});
