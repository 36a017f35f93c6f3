import { describe, expect, test } from "vitest";
import { runProcess } from "../testing.ts";
import { bpi, bpiCostMs } from "./pi.ts";

const PI_ARGS = (n: number) => ["perl", "-Mbignum=bpi", "-wle", `print bpi(${n})`];

describe("perl -Mbignum=bpi (the pi Job, spec §8.1)", () => {
  test("bpi(50): 50 significant digits, rounded, instantaneous", () => {
    const r = runProcess(PI_ARGS(50), { image: "perl:5.34.0" });
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      "3.1415926535897932384626433832795028841971693993751\n",
      "",
      0,
    ]);
    expect(r.elapsedMs).toBeLessThan(10);
  });

  test("bpi(2000): one line, ends …58133904780275901, computes ~6.5 s of virtual CPU", () => {
    const r = runProcess(PI_ARGS(2000), { image: "perl:5.34.0" });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBe(2002); // "3." + 1999 digits + "\n"
    expect(r.stdout.endsWith("58133904780275901\n")).toBe(true);
    expect(r.effects).toEqual([{ type: "cpu", ms: 6500 }]);
    expect(r.log.map((l) => l.at - r.log[0].at)).toEqual([0]); // printed after the computation
  });

  test("run-time model scales with N²", () => {
    expect([bpiCostMs(50), bpiCostMs(2000), bpiCostMs(10000)]).toEqual([4, 6500, 162500]);
    expect(bpi(1)).toBe("3");
    expect(bpi(5)).toBe("3.1416");
  });

  test("through sh -c as well", () => {
    const r = runProcess(["sh", "-c", 'perl -Mbignum=bpi -wle "print bpi(10)"'], {
      image: "perl:5.34.0",
    });
    expect([r.stdout, r.exitCode]).toEqual(["3.141592654\n", 0]);
  });

  test("print, exit, die, and a clear error for anything else", () => {
    const run = (code: string) => {
      const r = runProcess(["perl", "-le", code], { image: "perl:5.40" });
      return [r.stdout, r.stderr, r.exitCode];
    };
    expect(run('print "hello", " ", 1+2*3; exit 4')).toEqual(["hello 7\n", "", 4]);
    expect(run('die "boom"')).toEqual(["", "boom at -e line 1.\n", 255]);
    expect(run("print bpi(3)")).toEqual([
      "",
      "Undefined subroutine &main::bpi called at -e line 1.\n",
      255,
    ]);
    expect(run("my $x = 1")).toEqual([
      "",
      'syntax error at -e line 1, near "my $x = 1"\n(Batch Lab\'s perl only runs print, exit, sleep, die and warn with literals, and bpi() from -Mbignum=bpi.)\nExecution of -e aborted due to compilation errors.\n',
      255,
    ]);
  });

  test("busybox has no perl: exec form is a StartError", () => {
    expect(() => runProcess(PI_ARGS(50), { image: "busybox" })).toThrowError(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "perl": executable file not found in $PATH: unknown',
    );
  });
});

describe("python3 -c", () => {
  const py = (code: string) => {
    const r = runProcess(["python3", "-c", code], { image: "python:3.12" });
    return [r.stdout, r.stderr, r.exitCode, r.elapsedMs];
  };

  test("print literals and arithmetic", () => {
    expect(py("print('hello', 1 + 2, 7 / 2, 7 // 2, 2 ** 70, 1.0)")).toEqual([
      "hello 3 3.5 3 1180591620717411303424 1.0\n",
      "",
      0,
      0,
    ]);
  });

  test("time.sleep and sys.exit", () => {
    expect(py("import time, sys; print('start'); time.sleep(2); sys.exit(3)")).toEqual([
      "start\n",
      "",
      3,
      2000,
    ]);
  });

  test("statements outside the lab's subset (def, class…) are a SyntaxError", () => {
    expect(py("def f(): pass")).toEqual([
      "",
      '  File "<string>", line 1\n    def f(): pass\nSyntaxError: invalid syntax\n',
      1,
      0,
    ]);
  });
});
