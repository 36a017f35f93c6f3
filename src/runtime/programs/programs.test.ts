import { describe, expect, test } from "vitest";
import { MemoryFs } from "../fs.ts";
import { LAB_START, runProcess, runScript, testContext, type RunOptions } from "../testing.ts";
import { ms } from "../../sim/time.ts";

function sh(script: string, opts: RunOptions = {}) {
  const r = runScript(script, opts);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}

describe("date", () => {
  test("busybox default format, UTC, day padded with a space (spec §9)", () => {
    expect(sh("date", { start: ms(LAB_START + 63_000) })).toEqual({
      out: "Mon Jan  5 00:01:03 UTC 2026\n",
      err: "",
      code: 0,
    });
  });

  test("+FORMAT, -u, -R, -I, -d @N", () => {
    expect(
      sh("date -u +%Y-%m-%dT%H:%M:%SZ; date +%s; date -R; date -I; date -d @0 '+%a %e %b %Y %j'"),
    ).toEqual({
      out: "2026-01-05T00:00:00Z\n1767571200\nMon, 05 Jan 2026 00:00:00 +0000\n2026-01-05\nThu  1 Jan 1970 001\n",
      err: "",
      code: 0,
    });
  });
});

describe("expr (busybox)", () => {
  test("arithmetic, comparisons, strings and exit codes", () => {
    const script = [
      "expr 1 + 2; echo $?",
      "expr 2 - 2; echo $?",
      "expr 7 / 2 '*' 3 % 5",
      "expr 3 '>' 2",
      "expr abc '<' abd",
      "expr length hello",
      "expr hello : 'hel'",
      "expr hello : '\\(h.l\\)'",
      "expr substr hello 2 3",
      "expr '' ; echo $?",
    ].join("; ");
    expect(sh(script)).toEqual({
      out: "3\n0\n0\n1\n4\n1\n1\n5\n3\nhel\nell\n\n1\n",
      err: "",
      code: 0,
    });
  });

  test("errors exit 2", () => {
    expect(sh("expr 1 +; echo $?; expr a + 1; echo $?; expr 1 / 0; echo $?")).toEqual({
      out: "2\n2\n2\n",
      err: "expr: syntax error\nexpr: non-numeric argument\nexpr: division by zero\n",
      code: 0,
    });
  });
});

describe("echo and printf", () => {
  test("busybox echo -n -e", () => {
    expect(sh('echo -n a; echo -e "b\\tc"; echo "d\\ne"; echo -ne "x\\n"; echo -q')).toEqual({
      out: "ab\tc\nd\\ne\nx\n-q\n",
      err: "",
      code: 0,
    });
  });

  test("dash's echo interprets escapes and does not know -e", () => {
    expect(sh('echo -e "a\\nb"', { image: "python:3.12" })).toEqual({
      out: "-e a\nb\n",
      err: "",
      code: 0,
    });
  });

  test("printf conversions, reuse of the format, invalid numbers", () => {
    expect(
      sh(
        "printf '%5s|%-5d|%.2f|%x|%05d|%c\\n' ab 42 3.14159 255 7 xyz; printf '%s-' a b c; printf '\\n%d\\n' abc",
      ),
    ).toEqual({
      out: "   ab|42   |3.14|ff|00007|x\na-b-c-\n0\n",
      err: "printf: invalid number 'abc'\n",
      code: 1,
    });
  });
});

describe("sleep", () => {
  test("decimals and suffixes, errors", () => {
    const r = runScript("sleep 0.5 1s 2m 1h 1d; sleep x; echo $?");
    expect(r.effects).toEqual([
      { type: "sleep", ms: 500 + 1000 + 120_000 + 3_600_000 + 86_400_000 },
    ]);
    expect([r.stdout, r.stderr]).toEqual(["1\n", "sleep: invalid number 'x'\n"]);
  });

  test("sleep infinity never ends", () => {
    const r = runScript("sleep infinity", { maxEffects: 3 });
    expect(r.exitCode).toBeUndefined();
    expect(r.effects).toEqual(Array(3).fill({ type: "sleep", ms: 2 ** 31 - 1 }));
  });
});

describe("text tools", () => {
  test("grep flags", () => {
    const script = `printf 'Alpha\\nbeta\\ngamma\\nBeta2\\n' > /tmp/t
      grep -i beta /tmp/t; grep -c a /tmp/t; grep -v a /tmp/t; echo "[$?]"; grep -E '^(A|g)' /tmp/t
      grep -n 'm\\{2\\}' /tmp/t; grep -q zeta /tmp/t; echo "q=$?"; grep x /nope; echo "e=$?"`;
    expect(sh(script)).toEqual({
      out: "beta\nBeta2\n4\n[1]\nAlpha\ngamma\n3:gamma\nq=1\ne=2\n",
      err: "grep: /nope: No such file or directory\n",
      code: 0,
    });
  });

  test("head, tail, wc, sort, rev, tr, cut, seq", () => {
    const script = `seq 1 10 > /tmp/n
      head -n 2 /tmp/n; tail -n 2 /tmp/n; tail -n +9 /tmp/n; head -3 /tmp/n | wc -l
      wc -l /tmp/n; wc /tmp/n; echo hello world | wc -w; echo -n abc | wc -c
      printf '10\\n9\\n100\\n' | sort -n | tr '\\n' ' '; echo
      echo stressed | rev; echo Hello | tr a-z A-Z; echo a:b:c | cut -d: -f2,3; seq -s, 3; seq 5 -2 1`;
    expect(sh(script)).toEqual({
      out: [
        "1",
        "2",
        "9",
        "10",
        "9",
        "10",
        "3",
        "10 /tmp/n",
        "       10        10        21 /tmp/n",
        "2",
        "3",
        "9 10 100 ",
        "desserts",
        "HELLO",
        "b:c",
        "1,2,3",
        "5",
        "3",
        "1",
        "",
      ].join("\n"),
      err: "",
      code: 0,
    });
  });

  test("rev, as the worker of the docs' Indexed Job example (spec §8.4)", () => {
    expect(sh("echo foo > /input; rev /input; printf 'bar\\nxyz\\n' | rev")).toEqual({
      out: "oof\nrab\nzyx\n",
      err: "",
      code: 0,
    });
  });
});

describe("files", () => {
  test("touch, mkdir -p, ls, rm -rf, cd, pwd", () => {
    const script = `mkdir -p /work/a/b && cd /work && touch a/x b 2>/dev/null; touch y; ls; ls a; pwd
      mkdir /work; echo "mkdir=$?"; rm -rf /work/a; ls /work; rm /nope; echo "rm=$?"; cd /nope; echo "cd=$?"`;
    expect(sh(script)).toEqual({
      out: "a\nb\ny\nb\nx\n/work\nmkdir=1\nb\ny\nrm=1\ncd=1\n",
      err: "mkdir: can't create directory '/work': File exists\nrm: can't remove '/nope': No such file or directory\nsh: cd: can't cd to /nope: No such file or directory\n",
      code: 0,
    });
  });

  test("find -name -type -mtime -delete (a cleanup CronJob)", () => {
    const t = testContext();
    const fs = t.ctx.fs as MemoryFs;
    fs.mkdir("/backups", true);
    for (const [name, daysOld] of [
      ["a.tar", 10],
      ["b.tar", 3],
      ["c.log", 10],
    ] as const) {
      fs.writeFile(`/backups/${name}`, "x");
      fs.setMtime(`/backups/${name}`, ms(LAB_START - daysOld * 86_400_000));
    }
    const r = runScript(
      "find /backups -name '*.tar' -type f -mtime +7; find /backups -type f -mtime +7 -delete; ls /backups",
      { context: t },
    );
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(["/backups/a.tar\nb.tar\n", "", 0]);
  });
});

describe("environment", () => {
  test("env, hostname, export to children", () => {
    const r = runProcess(
      ["sh", "-c", "export B=2; env | grep -E '^(A|B|HOSTNAME)='; hostname; env -i C=3 env"],
      {
        env: { A: "1" },
        hostname: "pi-abcde",
      },
    );
    expect([r.stdout, r.exitCode]).toEqual(["HOSTNAME=pi-abcde\nA=1\nB=2\npi-abcde\nC=3\n", 0]);
  });
});
