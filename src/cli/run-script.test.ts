import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScript } from "./run-script.ts";

const example = fileURLToPath(new URL("../../examples/first-job.lab", import.meta.url));

describe("the headless runner", () => {
  it("reproduces the course's first example: expr 1 + 2 completes and logs 3, bpi(50) prints pi", () => {
    const t = runScript(example);
    expect(t).toContain("$ kubectl logs job/sum\n3\n");
    expect(t).toContain(
      "$ kubectl logs job/pi\n3.1415926535897932384626433832795028841971693993751\n",
    );
    expect(t).toMatch(
      /\$ kubectl get jobs\nNAME +STATUS +COMPLETIONS +DURATION +AGE\nsum +Complete +1\/1 /,
    );
  });

  it("prints byte-identical transcripts for the same seed and start, and different names for another seed", () => {
    const a = runScript(example);
    expect(runScript(example)).toBe(a);
    const other = runScript(example, { seed: 2 });
    expect(other).not.toBe(a);
    expect(other.replace(/sum-[a-z0-9]{5}/g, "sum-x")).toBe(a.replace(/sum-[a-z0-9]{5}/g, "sum-x"));
  });

  // Spawns the CLI three times: give a loaded machine room.
  it(
    "exits non-zero with a clear message for a missing file or a bad flag",
    { timeout: 60_000 },
    () => {
      const main = fileURLToPath(new URL("./main.ts", import.meta.url));
      const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
      const run = (...args: string[]) => {
        try {
          execFileSync(tsx, [main, ...args], { encoding: "utf8", stdio: "pipe" });
          return { code: 0, err: "" };
        } catch (e) {
          const x = e as { status: number; stderr: string };
          return { code: x.status, err: x.stderr };
        }
      };
      expect(run("/nonexistent.lab")).toEqual({
        code: 2,
        err: "lab: /nonexistent.lab: no such file\n",
      });
      expect(run("--speed", "3", example).err).toMatch(/^unknown flag --speed\nusage:/);
      expect(run("--seed", "x", example).err).toMatch(
        /^--seed takes a non-negative integer, got "x"/,
      );
    },
  );
});
