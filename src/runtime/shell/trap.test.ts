import { describe, expect, test } from "vitest";
import { LAB_START, runProcess, runScript } from "../testing.ts";

/** Run a script and send it SIGTERM `atMs` in (as the kubelet does when the pod terminates). */
function term(script: string, atMs = 5_000, shell = "sh") {
  const r = runProcess([shell, "-c", script], {
    image: shell === "bash" ? "bash" : "busybox",
    signal: { atMs, signo: 15 },
    maxEffects: 50,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, elapsedMs: r.elapsedMs };
}

describe("trap and signals (PID 1 shell, spec §3.4)", () => {
  test("a TERM trap interrupts `wait` at once and exits with its status", () => {
    expect(term(`trap "echo got TERM; exit 143" TERM; echo started; sleep 1000 & wait`)).toEqual({
      stdout: "started\ngot TERM\n",
      stderr: "",
      exitCode: 143,
      elapsedMs: 5_000,
    });
  });
  test("`exit 0` in the trap, a bare `exit` keeps wait's 143, SIGTERM by number and name", () => {
    expect(term(`trap 'exit 0' TERM; sleep 1000 & wait`).exitCode).toBe(0);
    expect(term(`trap 'echo bye; exit' 15; sleep 1000 & wait`)).toMatchObject({
      stdout: "bye\n",
      exitCode: 143,
      elapsedMs: 5_000,
    });
    expect(term(`trap 'exit 3' SIGTERM; sleep 1000 & wait $!`).exitCode).toBe(3);
  });
  test("a trap that does not exit: wait returns 143 and the script goes on", () => {
    expect(
      term(`trap 'echo bye' TERM; sleep 1000 & wait; echo "wait=$?"; sleep 2; echo done`),
    ).toEqual({ stdout: "bye\nwait=143\ndone\n", stderr: "", exitCode: 0, elapsedMs: 7_000 });
  });
  test("in a loop of foreground sleeps the trap runs when the sleep ends, and the loop goes on", () => {
    const r = runScript(`trap 'echo bye' TERM; while true; do sleep 1; done`, {
      signal: { atMs: 2_500, signo: 15 },
      maxEffects: 6,
    });
    expect(r.log.map((l) => [l.at - LAB_START, l.text])).toEqual([[3_000, "bye\n"]]);
    expect(r.elapsedMs).toBe(6_000);
    expect(r.exitCode).toBeUndefined();
  });
  test("a foreground command delays the trap until it has finished", () => {
    expect(term(`trap 'echo got TERM; exit 143' TERM; sleep 10; echo after`)).toEqual({
      stdout: "got TERM\n",
      stderr: "",
      exitCode: 143,
      elapsedMs: 10_000,
    });
  });
  test("no trap, `trap '' TERM` and `trap - TERM`: PID 1 ignores SIGTERM", () => {
    const expected = { stdout: "done\n", stderr: "", exitCode: 0, elapsedMs: 20_000 };
    expect(term(`sleep 20 & wait; echo done`)).toEqual(expected);
    expect(term(`trap '' TERM; sleep 20 & wait; echo done`)).toEqual(expected);
    expect(term(`trap 'exit 1' TERM; trap - TERM; sleep 20 & wait; echo done`)).toEqual(expected);
    expect(term(`trap 'exit 1' TERM; trap TERM; sleep 20 & wait; echo done`)).toEqual(expected);
    expect(term(`trap 'exit 1' INT; sleep 20 & wait; echo done`)).toEqual(expected);
  });
  test("the EXIT trap runs after a TERM trap exits", () => {
    expect(
      term(`trap 'echo cleanup' EXIT; trap 'echo term; exit 143' TERM; sleep 1000 & wait`),
    ).toMatchObject({ stdout: "term\ncleanup\n", exitCode: 143 });
  });
  test("bash traps the same way", () => {
    expect(
      term(`trap 'echo got TERM; exit 143' TERM; sleep 1000 & wait`, 5_000, "bash"),
    ).toMatchObject({ stdout: "got TERM\n", exitCode: 143, elapsedMs: 5_000 });
  });
  test("kill $$ runs the shell's own trap; without one PID 1 ignores it", () => {
    expect(runScript(`trap 'echo hup' HUP; kill -HUP $$; echo after`).stdout).toBe("hup\nafter\n");
    expect(runScript(`kill $$; echo after`)).toMatchObject({ stdout: "after\n", exitCode: 0 });
    expect(
      runScript(`trap 'echo term; exit 143' TERM; sleep 5 & (sleep 1; kill $$) & wait; echo no`),
    ).toMatchObject({ stdout: "term\n", exitCode: 143, elapsedMs: 1_000 });
  });
  test("trap with no operands prints the traps, in signal order", () => {
    expect(
      runScript(`trap "echo it's over" EXIT; trap '' INT; trap 'exit 143' SIGTERM 1; trap`).stdout,
    ).toBe(
      `trap -- 'echo it'"'"'s over' EXIT\ntrap -- 'exit 143' HUP\ntrap -- '' INT\ntrap -- 'exit 143' TERM\n`,
    );
    expect(
      runProcess(["bash", "-c", `trap 'exit 143' TERM; trap -p`], { image: "bash" }).stdout,
    ).toBe(`trap -- 'exit 143' SIGTERM\n`);
  });
  test("an unknown signal is an error", () => {
    expect(runScript(`trap 'echo x' FOO TERM; echo $?; trap`)).toMatchObject({
      stdout: "1\ntrap -- 'echo x' TERM\n",
      stderr: "sh: trap: FOO: bad trap\n",
    });
    expect(runProcess(["bash", "-c", `trap 'echo x' FOO`], { image: "bash" }).stderr).toBe(
      "bash: line 1: trap: FOO: invalid signal specification\n",
    );
  });
});
