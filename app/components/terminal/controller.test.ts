import { describe, expect, it } from "vitest";
import type { CommandResult } from "../../../src/kubectl/output.ts";
import type { LineCallbacks } from "../../state/actions.ts";
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
  /** Lines starting with `stream` keep running until the test ends them (or Ctrl+C does). */
  const streams: LineCallbacks[] = [];
  const start = (line: string, cb: LineCallbacks) => {
    if (line.startsWith("stream")) {
      ran.push(line);
      streams.push(cb);
      cb.onChunk({ stream: "stdout", text: "NAME   STATUS\n" });
      return { interrupt: () => cb.onDone({ chunks: [], exitCode: 130 }) };
    }
    const r = run(line);
    for (const c of r.chunks) cb.onChunk(c);
    cb.onDone(r);
    return { interrupt: () => undefined };
  };
  const words = ["jobs", "pi-1", "pi-2", "pods", "podtemplates", "kubectl"];
  const complete = (line: string, cursor: number) => {
    const from = line.lastIndexOf(" ", cursor - 1) + 1;
    const word = line.slice(from, cursor);
    return { from, candidates: words.filter((w) => w.startsWith(word)) };
  };
  const t = new TerminalController(
    {
      write: (d) => {
        writes.push(d);
        screen.write(d);
      },
      cols: () => cols,
    },
    { start, complete, history: new History(history, (e) => saved.push(e)) },
  );
  t.start("hello\n");
  return { t, screen, ran, writes, saved, streams };
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

  it("streams a running command's output, Ctrl+C interrupts it and the prompt returns", () => {
    const { t, screen, ran, streams } = setup();
    t.input("stream get pods -w\r");
    expect(t.isBusy()).toBe(true);
    expect(screen.text()).toEqual(["hello", "$ stream get pods -w", "NAME   STATUS", ""]);
    streams[0].onChunk({ stream: "stdout", text: "pi-x   Running\n" });
    t.input("\x03");
    expect(t.isBusy()).toBe(false);
    expect(ran).toEqual(["stream get pods -w"]);
    expect(screen.text()).toEqual([
      "hello",
      "$ stream get pods -w",
      "NAME   STATUS",
      "pi-x   Running",
      "^C",
      "$",
    ]);
  });

  it("keeps keys typed while a command runs for after it (a multi-line paste runs line by line)", () => {
    const { t, screen, ran, streams } = setup();
    t.input("stream wait\rdate\rkubectl get jobs\r");
    expect(ran).toEqual(["stream wait"]);
    streams[0].onDone({ chunks: [], exitCode: 0 });
    expect(ran).toEqual(["stream wait", "date", "kubectl get jobs"]);
    expect(screen.text().slice(-8, -1)).toEqual([
      "NAME   STATUS",
      "$ date",
      "ran: date",
      "ok",
      "$ kubectl get jobs",
      "ran: kubectl get jobs",
      "ok",
    ]);
    // Ctrl+C drops what was typed ahead of it.
    t.input("\r"); // (the last prompt)
    t.input("stream logs -f\rdate\r\x03");
    expect(ran.slice(-1)).toEqual(["stream logs -f"]);
    expect(screen.text().slice(-2)).toEqual(["^C", "$"]);
  });

  it("resolves idle() once what was typed ran", async () => {
    const { t, streams } = setup();
    let ran = false;
    t.input("stream wait\r");
    const idle = t.idle().then(() => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(false);
    streams[0].onDone({ chunks: [], exitCode: 0 });
    await idle;
    expect(ran).toBe(true);
  });

  it("draws watch frames on the alternate screen and restores the screen after", () => {
    const { t, screen, streams } = setup();
    t.input("stream watch\r");
    streams[0].onChunk({
      stream: "stdout",
      text: "Every 2.0s: kubectl get pods\n\nNo resources found\n",
      frame: true,
    });
    expect(screen.text()).toEqual(["Every 2.0s: kubectl get pods", "", "No resources found", ""]);
    streams[0].onChunk({
      stream: "stdout",
      text: "Every 2.0s: kubectl get pods\n\npi-x\n",
      frame: true,
    });
    expect(screen.text()).toEqual(["Every 2.0s: kubectl get pods", "", "pi-x", ""]);
    t.input("\x03");
    expect(screen.text()).toEqual(["hello", "$ stream watch", "NAME   STATUS", "^C", "$"]);
  });

  it("completes with Tab: one candidate in place, several to their prefix, a second Tab lists", () => {
    const { t, screen, ran } = setup(40);
    t.input("kubectl get jo");
    t.input("\t");
    expect(screen.text().at(-1)).toBe("$ kubectl get jobs");
    t.input("p");
    t.input("\t"); // pi-1, pi-2, pods, podtemplates: nothing to add yet
    expect(screen.text().at(-1)).toBe("$ kubectl get jobs p");
    t.input("i");
    t.input("\t"); // pi-1, pi-2: grows to their common prefix
    expect(screen.text().at(-1)).toBe("$ kubectl get jobs pi-");
    t.input("\t"); // the second Tab lists them and redraws the line
    expect(screen.text().slice(-3)).toEqual([
      "$ kubectl get jobs pi-",
      "pi-1  pi-2",
      "$ kubectl get jobs pi-",
    ]);
    t.input("2\r");
    expect(ran).toEqual(["kubectl get jobs pi-2"]);
  });

  it("lists nothing and changes nothing when no word fits", () => {
    const { t, screen } = setup(40);
    t.input("kubectl get zz");
    t.input("\t");
    t.input("\t");
    expect(screen.text().slice(-2)).toEqual(["hello", "$ kubectl get zz"]);
  });

  it("prints output from elsewhere above the prompt, keeping the line being typed", () => {
    const { t, screen, ran } = setup(20);
    t.input("kubectl get jobs -o wide"); // wraps: the prompt's row is above the cursor's
    t.input(LEFT + LEFT);
    t.print([{ stream: "stdout", text: "job.batch/pi edited\n" }]);
    expect(screen.text()).toEqual([
      "hello",
      "job.batch/pi edited",
      "$ kubectl get jobs -",
      "o wide",
    ]);
    t.input("x\r");
    expect(ran).toEqual(["kubectl get jobs -o wixde"]);
  });

  it("prints output from elsewhere among a running command's output", () => {
    const { t, screen, streams } = setup();
    t.input("stream\r");
    t.print([{ stream: "stderr", text: "error: boom\n" }]);
    streams[0].onChunk({ stream: "stdout", text: "pi     Running\n" });
    expect(screen.text().slice(-5)).toEqual([
      "$ stream",
      "NAME   STATUS",
      "error: boom",
      "pi     Running",
      "",
    ]);
  });
});
