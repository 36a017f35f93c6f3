import { describe, expect, it } from "vitest";
import { loadPack, mapSource } from "./loader.ts";
import { createExerciseRun } from "./run.ts";
import { verifyLoadedPack } from "./verify.ts";

const files = import.meta.glob<string>("/public/packs/example/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const prefix = "/public/packs/example/";
const { pack, problems } = await loadPack(
  mapSource(Object.fromEntries(Object.entries(files).map(([k, v]) => [k.slice(prefix.length), v]))),
);
const solved = files[`${prefix}drained-pod/solution/job.yaml`];

const ticks = (run: ReturnType<typeof createExerciseRun>) =>
  run.goals().map((g) => `${g.met ? "✓" : "✗"} ${g.text}${g.detail ? ` — ${g.detail}` : ""}`);

describe("an exercise run, as the lesson panel drives it", () => {
  it("the example pack loads and verifies", () => {
    expect(problems).toEqual([]);
    expect(verifyLoadedPack(pack!).exercises.map((e) => [e.id, e.status, e.problems])).toEqual([
      ["drained-pod", "pass", []],
    ]);
  });

  it("goals tick live, say what is unmet, and follow the chosen language", () => {
    const run = createExerciseRun(pack!, "drained-pod", { locale: "en" });
    expect(ticks(run)).toEqual([
      "✗ Pods of Job convert, over the whole exercise: at least 2 — expected pods of Job convert: at least 2, found 0",
      "✗ Job convert has condition Complete — expected Job convert has condition Complete, found there is no Job named convert",
      "✗ You looked at the Pods with `kubectl get pods` — expected You ran `kubectl get pods`, found not run yet",
    ]);
    expect(run.apply(solved).chunks.map((c) => c.text)).toEqual(["job.batch/convert created\n"]);
    run.cluster.advance(60_000);
    run.exec("kubectl get pods");
    expect(run.allMet()).toBe(true);
    run.locale = "fr";
    expect(ticks(run)).toEqual([
      "✓ Pods du Job convert, sur tout l’exercice : au moins 2",
      "✓ Le Job convert a la condition Complete",
      "✓ Vous avez regardé les Pods avec `kubectl get pods`",
    ]);
    run.dispose();
  });

  it("refuses blocked commands without running them, and records what ran", () => {
    const run = createExerciseRun(pack!, "drained-pod", { locale: "ru" });
    const r = run.exec("kubectl create job x --image=busybox:1.37");
    expect([r.exitCode, r.chunks.map((c) => c.text).join("")]).toEqual([
      1,
      "В этом упражнении нельзя использовать `kubectl create`: решите его другим способом.\n",
    ]);
    expect(run.cluster.store.list("Job")).toEqual([]);
    expect(run.actions.map((a) => [a.line, a.exitCode])).toEqual([
      ["kubectl create job x --image=busybox:1.37", 1],
    ]);
    run.dispose();
  });

  it("gives hints one rung at a time", () => {
    const run = createExerciseRun(pack!, "drained-pod");
    const shown = [run.nextHint(), run.nextHint(), run.nextHint()];
    expect(shown).toEqual([
      "A deleted Pod counts as a failed attempt.",
      "Raise `backoffLimit` to 2, then `kubectl apply -f job.yaml` and `kubectl get pods`.",
      undefined,
    ]);
    expect(run.hintsShown).toBe(2);
    run.dispose();
  });
});
