import { describe, expect, it } from "vitest";
import type { Job } from "../api/types.ts";
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

describe("lines the UI runs while the clock flows, and kubectl edit", () => {
  it("start: blocked lines are refused and recorded; others are recorded once they end", () => {
    const run = createExerciseRun(pack!, "drained-pod", { locale: "en" });
    const seen: string[] = [];
    const refused = run.start("kubectl create job x --image=busybox:1.37", {
      onChunk: (c) => seen.push(c.text),
    });
    expect([refused.done, refused.result().exitCode]).toEqual([true, 1]);
    expect(seen.join("")).toMatch(/kubectl create/);
    expect(run.cluster.store.list("Job")).toEqual([]);
    run.apply(solved);

    const watch = run.start("kubectl get pods -w");
    expect([watch.done, watch.endless]).toEqual([false, true]);
    expect(run.actions.map((a) => a.line)).toEqual([
      "kubectl create job x --image=busybox:1.37",
      "kubectl apply -f job.yaml",
    ]);
    run.cluster.advance(60_000);
    expect(watch.poll()).toBe(false);
    watch.interrupt(); // Ctrl+C: the learner looked at the pods
    watch.interrupt();
    expect(watch.result().exitCode).toBe(130);
    expect(run.actions.map((a) => [a.line, a.exitCode])).toEqual([
      ["kubectl create job x --image=busybox:1.37", 1],
      ["kubectl apply -f job.yaml", 0],
      ["kubectl get pods -w", 0],
    ]);
    expect(run.allMet()).toBe(true);

    run.dispose();
  });

  it("start: a line that ends by itself is recorded with its own exit code", () => {
    const run = createExerciseRun(pack!, "drained-pod", { locale: "en" });
    run.apply(solved);
    const wait = run.start("kubectl wait --for=condition=complete job/convert --timeout=2s");
    expect(wait.done).toBe(false);
    expect(run.actions.length).toBe(1);
    expect(wait.drive()).toBe(true);
    expect(run.actions.map((a) => [a.line, a.exitCode])).toEqual([
      ["kubectl apply -f job.yaml", 0],
      ["kubectl wait --for=condition=complete job/convert --timeout=2s", 1],
    ]);
    run.dispose();
  });

  it("kubectl edit needs the UI's editor; saveEdit goes through the cluster and is recorded", () => {
    const headless = createExerciseRun(pack!, "drained-pod");
    headless.apply(solved);
    expect(headless.exec("kubectl edit job/convert").exitCode).toBe(1);
    headless.dispose();

    const files: Record<string, string> = { "job.yaml": solved };
    const run = createExerciseRun(pack!, "drained-pod", {
      editor: true,
      readFile: (p) => files[p],
    });
    expect(run.exec("kubectl apply -f ./job.yaml").exitCode).toBe(0);
    const opened = run.exec("kubectl edit job/convert");
    expect(opened.exitCode).toBe(0);
    const req = opened.edit!;
    expect(req.ref).toBe("job.batch/convert");
    const text = req.yaml.replace(/backoffLimit: \d+/, "backoffLimit: 5");
    expect(text).not.toBe(req.yaml);
    const saved = run.saveEdit(req, text);
    expect(saved.chunks.map((c) => c.text)).toEqual(["job.batch/convert edited\n"]);
    expect(run.cluster.store.get<Job>("Job", "default", "convert")?.spec.backoffLimit).toBe(5);
    expect(run.actions.map((a) => [a.line, a.exitCode])).toEqual([
      ["kubectl apply -f ./job.yaml", 0],
      ["kubectl edit job/convert", 0],
      ["kubectl edit job.batch/convert", 0],
    ]);
    run.dispose();
  });
});
