import { commandsInMarkdown, isUsageError, parseLine } from "./commands.ts";
import { loadPack, type PackProblem, type PackSource } from "./loader.ts";
import { ExerciseRun, type ScriptStep } from "./run.ts";
import type { Exercise, Pack } from "./types.ts";

export interface ExerciseReport {
  id: string;
  chapter: string;
  /** pass: reference met every goal and each wrong attempt failed its goal; skipped: draft. */
  status: "pass" | "fail" | "skipped";
  /** Why a draft is skipped (from the exercise file). */
  reason?: string;
  problems: string[];
  /** Commands that exited non-zero in the reference solution without being usage errors. */
  warnings: string[];
}

export interface PackReport {
  packId?: string;
  /** Problems with the files themselves (schema, missing locale keys, missing files). */
  problems: PackProblem[];
  exercises: ExerciseReport[];
  ok: boolean;
}

const outputOf = (s: ScriptStep) => s.result.chunks.map((c) => c.text).join("");

/** Static checks: every command line in the solutions and hints parses as real kubectl. */
function checkCommands(ex: Exercise): string[] {
  const problems: string[] = [];
  const scripts: [string, string][] = [
    ["solution", ex.solution.script],
    ...ex.wrong.map((w, i): [string, string] => [`wrong #${i + 1}`, w.script]),
  ];
  for (const [what, script] of scripts)
    for (const line of script.split("\n")) {
      const p = parseLine(line);
      if (p.kind === "error")
        problems.push(`${what}: \`${line.trim()}\`: ${p.message.split("\n")[0]}`);
    }
  for (const [loc, s] of Object.entries(ex.strings))
    s.hints.forEach((h, i) => {
      for (const line of commandsInMarkdown(h)) {
        const p = parseLine(line);
        if (p.kind === "error")
          problems.push(`hint ${i + 1} (${loc}): \`${line}\`: ${p.message.split("\n")[0]}`);
      }
    });
  return problems;
}

/** Run one exercise's reference and wrong solutions from its start state. */
export function verifyExercise(ex: Exercise, locales: string[]): ExerciseReport {
  const report: ExerciseReport = {
    id: ex.id,
    chapter: ex.chapter,
    status: "pass",
    problems: checkCommands(ex),
    warnings: [],
  };
  if (ex.status === "draft") {
    report.status = "skipped";
    report.reason = ex.draftReason;
    return report;
  }
  let run: ExerciseRun | undefined;
  try {
    run = new ExerciseRun(ex, { locale: locales[0] }, locales);
    for (const inj of run.unsupportedInjections)
      report.problems.push(
        `injection ${inj.type} on job ${inj.job} cannot be armed: the simulator has no hook for it`,
      );
    const steps = run.runScript(ex.solution.script, ex.solution.files);
    for (const s of steps) {
      const out = outputOf(s);
      if (isUsageError(out))
        report.problems.push(`solution: \`${s.line}\`: ${out.trim().split("\n")[0]}`);
      else if (s.result.exitCode !== 0)
        report.warnings.push(
          `solution: \`${s.line}\` exited ${s.result.exitCode}: ${out.trim().split("\n")[0]}`,
        );
    }
    for (const g of run.goals())
      if (!g.met) report.problems.push(`solution leaves goal ${g.id} unmet: ${g.detail ?? g.text}`);
  } catch (e) {
    report.problems.push(`solution crashed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    run?.dispose();
  }
  ex.wrong.forEach((w, i) => {
    let wr: ExerciseRun | undefined;
    try {
      wr = new ExerciseRun(ex, { locale: locales[0] }, locales);
      const steps = wr.runScript(w.script, w.files);
      for (const s of steps) {
        const out = outputOf(s);
        if (isUsageError(out))
          report.problems.push(`wrong #${i + 1}: \`${s.line}\`: ${out.trim().split("\n")[0]}`);
      }
      const g = wr.goals().find((x) => x.id === w.fails);
      if (!g) report.problems.push(`wrong #${i + 1} names unknown goal ${w.fails}`);
      else if (g.met)
        report.problems.push(`wrong #${i + 1} should fail goal ${w.fails} but meets it`);
    } catch (e) {
      report.problems.push(
        `wrong #${i + 1} crashed: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      wr?.dispose();
    }
  });
  if (report.problems.length) report.status = "fail";
  return report;
}

/** Verify an already loaded pack. */
export function verifyLoadedPack(pack: Pack, problems: PackProblem[] = []): PackReport {
  const exercises = pack.exercises.map((ex) => verifyExercise(ex, pack.meta.locales));
  return {
    packId: pack.meta.id,
    problems,
    exercises,
    ok: problems.length === 0 && exercises.every((e) => e.status !== "fail"),
  };
}

/** Load a pack from a source, check its files, run every exercise. */
export async function verifyPackSource(source: PackSource): Promise<PackReport> {
  const { pack, problems } = await loadPack(source);
  if (!pack) return { problems, exercises: [], ok: false };
  return verifyLoadedPack(pack, problems);
}

/** The report as the CLI prints it: one line per exercise, problems indented below. */
export function formatReport(r: PackReport): string {
  const lines: string[] = [];
  lines.push(`pack ${r.packId ?? "?"}: ${r.ok ? "OK" : "FAILED"}`);
  for (const p of r.problems)
    lines.push(`  ${p.file}${p.path ? ` (${p.path})` : ""}: ${p.message}`);
  const counts = { pass: 0, fail: 0, skipped: 0 };
  for (const e of r.exercises) {
    counts[e.status]++;
    const tag = { pass: "PASS", fail: "FAIL", skipped: "SKIP" }[e.status];
    lines.push(`${tag}  ${e.chapter}  ${e.id}${e.reason ? `  (draft: ${e.reason})` : ""}`);
    for (const p of e.problems) lines.push(`      ✗ ${p}`);
    for (const w of e.warnings) lines.push(`      ! ${w}`);
  }
  lines.push(`${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped (drafts)`);
  return lines.join("\n") + "\n";
}
