import { describe, expect, test } from "vitest";
import { MemoryFs } from "./fs.ts";
import { resolveProgram, spawn, spawnOrThrow, execNotFound, defaultRegistry } from "./spawn.ts";
import { runProcess, runScript, testContext } from "./testing.ts";
import { StartError, type Program } from "./types.ts";

describe("spawn (exec form)", () => {
  test("runs argv[0] directly, no shell", () => {
    const r = runProcess(["echo", "hi", "$HOME"]);
    expect([r.stdout, r.exitCode]).toEqual(["hi $HOME\n", 0]);
  });

  test("/bin/sh -c, and bash -c only where the image has bash", () => {
    expect(runProcess(["/bin/sh", "-c", "echo $0"]).stdout).toBe("/bin/sh\n");
    expect(runProcess(["bash", "-c", "nosuch"], { image: "ubuntu:24.04" }).stderr).toBe(
      "bash: line 1: nosuch: command not found\n",
    );
    expect(() => runProcess(["bash", "-c", "true"], { image: "busybox:1.36" })).toThrow(StartError);
  });

  test("a missing executable: resolveProgram is undefined and spawn throws StartError", () => {
    const { ctx } = testContext({ image: "busybox" });
    expect(resolveProgram("perl", ctx)).toBeUndefined();
    expect(resolveProgram("/bin/date", ctx)?.name).toBe("date");
    expect(execNotFound("perl")).toBe('exec: "perl": executable file not found in $PATH');
    expect(spawn(["perl", "-e", "1"], ctx)).toBeUndefined();
    let err: unknown;
    try {
      spawnOrThrow(["perl", "-e", "1"], ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StartError);
    expect([
      (err as StartError).program,
      (err as StartError).exitCode,
      (err as StartError).reason,
    ]).toEqual(["perl", 128, "StartError"]);
  });

  test("scripts from the filesystem run by their #! interpreter", () => {
    const t = testContext();
    t.ctx.fs.mkdir("/scripts", true);
    t.ctx.fs.writeFile("/scripts/run.sh", '#!/bin/sh\necho "args: $*"\nexit 7\n');
    const r = runProcess(["/scripts/run.sh", "a", "b"], { context: t });
    expect([r.stdout, r.exitCode]).toEqual(["args: a b\n", 7]);
  });

  test("a health-check style script takes its failure branch (spec §9)", () => {
    const script = `if wget -q -O- http://web:8080/healthz | grep -q ok; then echo ok; else echo fail; exit 1; fi`;
    const r = runScript(script);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      "fail\n",
      "wget: bad address 'web:8080'\n",
      1,
    ]);
  });

  test("curl to an unresolvable host exits 6; -w still writes 000 (spec §9)", () => {
    const r = runProcess(
      ["sh", "-c", "curl -s -w '%{http_code}' http://api/ | grep -q 200 && echo up || echo down"],
      {
        image: "curlimages/curl",
      },
    );
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(["down\n", "", 0]);
    const r2 = runProcess(["curl", "http://api:80/x"], { image: "curlimages/curl:8.10.1" });
    // Not silent: curl's progress meter goes to stderr (a container's output is no terminal),
    // and the error follows the meter's unfinished line.
    expect([r2.stdout, r2.stderr, r2.exitCode]).toEqual([
      "",
      "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
        "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
        "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0" +
        "curl: (6) Could not resolve host: api\n",
      6,
    ]);
  });

  test("images' default commands run: curl's entrypoint, a server that never exits", () => {
    const r = runProcess(["/entrypoint.sh", "-s", "-S", "http://svc"], {
      image: "curlimages/curl",
    });
    expect([r.stderr, r.exitCode]).toEqual(["curl: (6) Could not resolve host: svc\n", 6]);
    const n = runProcess(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], {
      image: "nginx",
      maxEffects: 3,
    });
    expect([n.stderr.split("\n")[1], n.exitCode, n.elapsedMs]).toEqual([
      "2026/01/05 00:00:00 [notice] 1#1: nginx/1.27.3",
      undefined,
      3 * 86_400_000,
    ]);
  });

  test("output is capped at 1 MiB per process with one note", () => {
    const r = runScript("yes", { maxEffects: 200 });
    expect(r.exitCode).toBeUndefined();
    expect(r.stdout.length).toBe(1024 * 1024);
    expect(r.stderr).toBe("\n[batch-lab: output truncated at 1048576 bytes]\n");
  });

  test("exit codes are truncated to 0..255", () => {
    expect(runScript("exit 300").exitCode).toBe(44);
  });

  test("the registry can be extended (e.g. a kubectl that talks to the cluster)", () => {
    const kubectl: Program = {
      name: "kubectl",
      usage: "kubectl",
      // eslint-disable-next-line require-yield -- a program that never suspends
      *run(io) {
        io.stdout(`kubectl ${io.argv.slice(1).join(" ")}\n`);
        return 0;
      },
    };
    const r = runProcess(["sh", "-c", "kubectl get pods"], {
      image: "bitnami/kubectl:1.34",
      registry: defaultRegistry.with(kubectl),
    });
    expect(r.stdout).toBe("kubectl get pods\n");
    const r2 = runProcess(["kubectl", "version"], { image: "bitnami/kubectl" });
    expect([r2.stderr, r2.exitCode]).toEqual([
      "kubectl: this program is not simulated by Batch Lab\n",
      126,
    ]);
  });

  test("same seed, same transcript", () => {
    const script = "for i in 1 2 3; do echo $RANDOM; sleep 0.$RANDOM; done; mktemp";
    const a = runScript(script, { seed: 7 });
    const b = runScript(script, { seed: 7 });
    expect(a.log).toEqual(b.log);
  });

  test("an emptyDir shared by two containers", () => {
    const volume = new MemoryFs(() => testContext().ctx.now());
    const writer = testContext();
    const reader = testContext();
    (writer.ctx.fs as MemoryFs).mount("/shared", volume);
    (reader.ctx.fs as MemoryFs).mount("/data", volume);
    runScript("echo hello > /shared/msg", { context: writer });
    expect(runScript("cat /data/msg; ls /", { context: reader }).stdout).toBe(
      "hello\nbin\ndata\ndev\netc\nhome\nproc\nroot\nsys\ntmp\nusr\nvar\n",
    );
  });
});
