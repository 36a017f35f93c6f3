import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScript } from "./run-script.ts";

const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "course");
const script = join(dir, "course.lab");

/** Split a transcript into its commands and what each printed. */
function steps(transcript: string): { line: string; output: string }[] {
  const lines = readFileSync(script, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
  const out: { line: string; output: string }[] = [];
  let rest = transcript;
  lines.forEach((line, i) => {
    const marker = `$ ${line}\n`;
    expect(rest.startsWith(marker), `transcript shows ${line}`).toBe(true);
    rest = rest.slice(marker.length);
    const next = lines[i + 1] === undefined ? -1 : rest.indexOf(`$ ${lines[i + 1]}\n`);
    out.push({ line, output: next < 0 ? rest : rest.slice(0, next) });
    rest = next < 0 ? "" : rest.slice(next);
  });
  return out;
}

describe("every kubectl line of the course chapters", () => {
  const transcript = runScript(script);

  it("prints kubectl's own output for each, never a lab refusal or a crash", () => {
    for (const { line, output } of steps(transcript)) {
      if (!/kubectl /.test(line)) continue;
      expect(output, line).not.toBe("");
      expect(output, line).not.toMatch(
        /not available in this lab|internal error|Batch Lab bug|lab: stopped/,
      );
    }
  });

  it("prints the reviewed transcript", async () => {
    await expect(transcript).toMatchFileSnapshot("fixtures/course/course.transcript");
  });
});
