import { describe, expect, test } from "vitest";
import { runScript, type RunOptions } from "../testing.ts";

/** stdout, stderr and exit code of `sh -c SCRIPT` in busybox. */
function sh(script: string, opts: RunOptions = {}) {
  const r = runScript(script, opts);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}

describe("words and expansion", () => {
  test("quotes, escapes and variables", () => {
    expect(
      sh(`X=1; Y="a  b"; echo $X "$Y" $Y '$X' \\$X "\\"q\\"" \${X}0 \${Z:-def} \${Z-} \${X:+alt}`),
    ).toEqual({
      out: '1 a  b a b $X $X "q" 10 def alt\n',
      err: "",
      code: 0,
    });
  });

  test("special parameters", () => {
    expect(sh(`echo $$ $# "$@" $0; false; echo $?`)).toEqual({
      out: "1 0 sh\n1\n",
      err: "",
      code: 0,
    });
    expect(runScript(`echo "$0|$1|$2|$#|$*"`, {}).stdout).toBe("sh|||0|\n");
  });

  test("positional parameters from sh -c SCRIPT NAME ARGS", async () => {
    const { runProcess } = await import("../testing.ts");
    const r = runProcess([
      "sh",
      "-c",
      'echo "$0:$1:$2:$#"; for a; do echo "<$a>"; done',
      "me",
      "x y",
      "z",
    ]);
    expect([r.stdout, r.exitCode]).toEqual(["me:x y:z:2\n<x y>\n<z>\n", 0]);
  });

  test("command substitution, backticks, nesting", () => {
    expect(
      sh('a=$(echo hi; echo there); echo "$a"; echo `echo back` $(echo $(echo deep))'),
    ).toEqual({
      out: "hi\nthere\nback deep\n",
      err: "",
      code: 0,
    });
  });

  test("arithmetic", () => {
    expect(
      sh(
        "x=7; echo $((x * 3 + 1)) $((x / 2)) $((x % 4)) $(( (1+2) * 3 )) $((x > 5)) $((-x)) $((x += 1)) $x $((2**10)) $((0x10))",
      ),
    ).toEqual({
      out: "22 3 3 9 1 -7 8 8 1024 16\n",
      err: "",
      code: 0,
    });
    expect(sh("echo $((1 / 0)); echo after")).toEqual({
      out: "",
      err: "sh: divide by zero\n",
      code: 2,
    });
  });

  test("parameter pattern removal and length", () => {
    expect(sh("f=/var/log/app.log; echo ${f##*/} ${f%.log} ${f#/} ${#f} ${f%%/*}x")).toEqual({
      out: "app.log /var/log/app var/log/app.log 16 x\n",
      err: "",
      code: 0,
    });
  });

  test("$RANDOM is deterministic for a seed and within 0..32767", () => {
    const a = sh("echo $RANDOM $RANDOM $RANDOM", { seed: 42 });
    const b = sh("echo $RANDOM $RANDOM $RANDOM", { seed: 42 });
    const c = sh("echo $RANDOM $RANDOM $RANDOM", { seed: 43 });
    expect(a).toEqual(b);
    expect(a.out).not.toEqual(c.out);
    for (const n of a.out.trim().split(" ").map(Number)) expect(n >= 0 && n <= 32767).toBe(true);
  });

  test("globbing against the container filesystem", () => {
    expect(
      sh(
        "mkdir /data; touch /data/b.log /data/a.log /data/c.txt; echo /data/*.log; echo /nope/*; echo '*'",
      ),
    ).toEqual({
      out: "/data/a.log /data/b.log\n/nope/*\n*\n",
      err: "",
      code: 0,
    });
  });
});

describe("control flow", () => {
  test("if / elif / else", () => {
    expect(
      sh(
        "x=2; if [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo many; fi",
      ),
    ).toEqual({
      out: "two\n",
      err: "",
      code: 0,
    });
  });

  test("for, while, until, break, continue", () => {
    const script = `
      for i in 1 2 3 4 5; do
        [ $i -eq 2 ] && continue
        [ $i -eq 4 ] && break
        echo "for $i"
      done
      n=0
      while [ $n -lt 3 ]; do n=$((n+1)); echo "while $n"; done
      until [ $n -eq 0 ]; do n=$((n-1)); done; echo "until $n"
      for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done
    `;
    expect(sh(script)).toEqual({
      out: "for 1\nfor 3\nwhile 1\nwhile 2\nwhile 3\nuntil 0\na1\nb1\n",
      err: "",
      code: 0,
    });
  });

  test("case with patterns and alternatives", () => {
    const script =
      'for x in apple Banana 42 ""; do case "$x" in a*) echo "a:$x";; [A-Z]*|b*) echo "B:$x";; *[0-9]) echo "n:$x";; *) echo "other";; esac; done';
    expect(sh(script)).toEqual({ out: "a:apple\nB:Banana\nn:42\nother\n", err: "", code: 0 });
  });

  test("functions, local, return", () => {
    const script =
      'x=g; f() { local x=l; echo "in $x $1 $#"; return 3; }; f a b; echo "rc $? x $x"';
    expect(sh(script)).toEqual({ out: "in l a 2\nrc 3 x g\n", err: "", code: 0 });
  });

  test("&&, ||, ! and exit status", () => {
    expect(
      sh("true && echo a || echo b; false && echo c || echo d; ! false && echo e; exit 3"),
    ).toEqual({
      out: "a\nd\ne\n",
      err: "",
      code: 3,
    });
  });

  test("set -e stops at the first failing command, not in conditions", () => {
    expect(
      sh("set -e; if false; then :; fi; false || true; echo before; false; echo after"),
    ).toEqual({
      out: "before\n",
      err: "",
      code: 1,
    });
  });

  test("subshells do not change the parent", () => {
    expect(sh("x=1; (x=2; cd /tmp; exit 4); echo $? $x $(pwd)")).toEqual({
      out: "4 1 /\n",
      err: "",
      code: 0,
    });
  });

  test("EXIT trap runs at the end", () => {
    expect(sh("trap 'echo bye' EXIT; echo hi; exit 5")).toEqual({
      out: "hi\nbye\n",
      err: "",
      code: 5,
    });
  });
});

describe("pipes and redirections", () => {
  test("pipeline status is the last stage's (no pipefail)", () => {
    expect(
      sh("false | true; echo $?; true | false; echo $?; echo hello | grep -q hello && echo found"),
    ).toEqual({
      out: "0\n1\nfound\n",
      err: "",
      code: 0,
    });
    expect(sh("set -o pipefail; false | true; echo $?")).toEqual({ out: "1\n", err: "", code: 0 });
  });

  test("multi-stage pipelines", () => {
    expect(sh("printf 'b\\na\\nc\\na\\n' | sort | uniq -c | sort -r | head -n 1")).toEqual({
      out: "      2 a\n",
      err: "",
      code: 0,
    });
  });

  test("yes | head ends: the writer gets SIGPIPE", () => {
    expect(sh("yes | head -n 2; echo $?")).toEqual({ out: "y\ny\n0\n", err: "", code: 0 });
  });

  test("> >> < 2>&1 and /dev/null", () => {
    const script = `
      echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f
      ls /nope 2>/dev/null; echo "rc $?"
      ls /nope > /tmp/err 2>&1; cat /tmp/err
      echo hidden >/dev/null
      echo to-stderr >&2
    `;
    expect(sh(script)).toEqual({
      out: "one\ntwo\nrc 1\nls: /nope: No such file or directory\n",
      err: "to-stderr\n",
      code: 0,
    });
  });

  test("cannot create in a missing directory", () => {
    expect(sh("echo x > /no/such/file; echo $?")).toEqual({
      out: "1\n",
      err: "sh: can't create /no/such/file: nonexistent directory\n",
      code: 0,
    });
  });

  test("here-documents", () => {
    expect(sh("x=world\ncat <<EOF\nhello $x\n  \\$x\nEOF\ncat <<'RAW'\n$x\nRAW")).toEqual({
      out: "hello world\n  $x\n$x\n",
      err: "",
      code: 0,
    });
  });

  test("read in a while loop over a file", () => {
    expect(
      sh("printf 'a 1\\nb 2\\n' > /tmp/in; while read k v; do echo \"$v=$k\"; done < /tmp/in"),
    ).toEqual({
      out: "1=a\n2=b\n",
      err: "",
      code: 0,
    });
  });
});

describe("errors", () => {
  test("unknown command: 127 with busybox wording", () => {
    expect(sh("nosuch arg; echo $?")).toEqual({
      out: "127\n",
      err: "sh: nosuch: not found\n",
      code: 0,
    });
  });

  test("a program the image lacks is not found either", () => {
    expect(sh("perl -e 'print 1'")).toEqual({ out: "", err: "sh: perl: not found\n", code: 127 });
  });

  test("Debian's dash reports line numbers", () => {
    expect(sh("echo a\nnosuch", { image: "perl:5.34.0" })).toEqual({
      out: "a\n",
      err: "sh: 2: nosuch: not found\n",
      code: 127,
    });
  });

  test("syntax errors", () => {
    expect(sh("if true; then echo x")).toEqual({
      out: "",
      err: 'sh: syntax error: unexpected end of file (expecting "fi")\n',
      code: 2,
    });
    expect(sh("echo a; fi")).toEqual({
      out: "",
      err: 'sh: syntax error: unexpected "fi"\n',
      code: 2,
    });
  });

  test("${X:?} aborts the shell", () => {
    expect(sh("echo ${MISSING:?must be set}; echo after")).toEqual({
      out: "",
      err: "sh: MISSING: must be set\n",
      code: 2,
    });
  });

  test("runaway recursion hits the call-depth limit", () => {
    expect(sh("f() { f; }; f; echo never")).toEqual({
      out: "",
      err: "sh: f: function nesting too deep (limit 100)\n",
      code: 2,
    });
  });
});

describe("virtual time", () => {
  test("sleep yields one effect and advances the clock", () => {
    const r = runScript("date; sleep 2.5; date +%T; sleep 1m; date +%H:%M:%S");
    expect(r.stdout).toBe("Mon Jan  5 00:00:00 UTC 2026\n00:00:02\n00:01:02\n");
    expect(r.effects).toEqual([
      { type: "sleep", ms: 2500 },
      { type: "sleep", ms: 60000 },
    ]);
  });

  test("while true; do sleep 1; done runs forever at one event per second", () => {
    const r = runScript("while true; do sleep 1; done", { maxEffects: 1000 });
    expect(r.exitCode).toBeUndefined();
    expect(r.effects.length).toBe(1000);
    expect(r.effects.every((e) => e.type === "sleep" && e.ms === 1000)).toBe(true);
    expect(r.elapsedMs).toBe(1_000_000);
  });

  test("a busy loop yields cpu effects from the step budget instead of freezing", () => {
    const r = runScript("while true; do :; done", { maxEffects: 50 });
    expect(r.exitCode).toBeUndefined();
    expect(r.effects.slice(0, 2)).toEqual([
      { type: "cpu", ms: 100 },
      { type: "cpu", ms: 100 },
    ]);
  });

  test("background jobs run concurrently on the virtual clock", () => {
    const r = runScript("(sleep 2; echo bg) & echo fg; sleep 1; echo fg2; wait; echo done");
    expect(r.stdout).toBe("fg\nfg2\nbg\ndone\n");
    expect(r.log.map((l) => [l.at - r.log[0].at, l.text])).toEqual([
      [0, "fg\n"],
      [1000, "fg2\n"],
      [2000, "bg\n"],
      [2000, "done\n"],
    ]);
  });
});
