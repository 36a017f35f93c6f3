import { beforeAll, describe, expect, it } from "vitest";
import type { Job } from "../../src/api/types.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import { loadPack, mapSource, type Pack } from "../../src/lab/index.ts";
import { createLocaleStore } from "../i18n/locale-store.ts";
import { memoryStorage, type KeyValueStore } from "../lab/persist.ts";
import { LabRuntime } from "../lab/runtime.ts";
import { createLabStore } from "../state/store.ts";
import { LessonController } from "./controller.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";

// The built-in course, as controller.test.ts reads it.
const raw = import.meta.glob<string>("/public/packs/batch-course/**/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const prefix = "/public/packs/batch-course/";
const files = mapSource(
  Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.slice(prefix.length), v])),
);

let pack: Pack;
beforeAll(async () => {
  pack = (await loadPack(files)).pack!;
});

function lab(storage: KeyValueStore = memoryStorage()) {
  const store = createLabStore();
  const locale = createLocaleStore(storage, ["en"]);
  const runtime = new LabRuntime({
    store,
    storage,
    defaultEditorText: "",
    frames: { request: () => 0, cancel: () => {} },
    t: locale.t,
  });
  const lesson = new LessonController({
    runtime,
    labStore: store,
    locale,
    storage,
    sleep: () => Promise.resolve(),
  });
  lesson.usePack(pack);
  const actions = runtime.boundActions();
  const engine = () => (runtime as unknown as { shell: ExerciseEngine }).shell;
  const recorded = () => engine().lesson.actions.map((a) => [a.line, a.exitCode]);
  return { store, runtime, lesson, actions, storage, engine, recorded };
}

/** Type a line in the terminal: what it streamed, and its result once it ends. */
function type(l: ReturnType<typeof lab>, line: string) {
  const out: string[] = [];
  const r: { done?: CommandResult; interrupt: () => void } = { interrupt: () => undefined };
  const run = l.actions.startLine(line, {
    onChunk: (c) => out.push(c.text),
    onDone: (res) => (r.done = res),
  });
  r.interrupt = () => run.interrupt();
  return { out, r };
}

const solution = (id: string) => pack.exercises.find((e) => e.id === id)!.solution.files;

describe("exercise mode: long-running lines and kubectl edit", () => {
  it("get -w streams as the clock flows, stops on Ctrl+C, is recorded and replays", () => {
    const storage = memoryStorage();
    const a = lab(storage);
    a.lesson.start("one-shot");
    a.actions.setEditorText(solution("one-shot")["job.yaml"]);
    a.actions.applyEditor();
    const w = type(a, "kubectl get pods -w");
    expect(w.r.done).toBeUndefined();
    expect(w.out.join("")).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(w.out.join("")).not.toMatch(/bound it/);
    for (let i = 0; i < 5; i++) a.actions.stepEvent();
    expect(w.out.length).toBeGreaterThan(1);
    w.r.interrupt();
    expect(w.r.done?.exitCode).toBe(130);
    expect(a.recorded()).toEqual([
      ["kubectl apply -f job.yaml", 0],
      ["kubectl get pods -w", 0],
    ]);
    const log = a.runtime.currentLog();
    expect(log.inputs.at(-1)).toMatchObject({ line: "kubectl get pods -w", stream: true });
    expect(log.inputs.at(-1)?.until).toBe(a.store.getState().cluster.now);
    const now = a.store.getState().cluster.now;
    a.runtime.flush();

    // A reload replays the exercise's own log: the same instant, the same actions.
    const b = lab(storage);
    expect(b.lesson.store.getState().current).toBe("one-shot");
    expect(b.store.getState().cluster.now).toBe(now);
    expect(b.recorded()).toEqual(a.recorded());
    // The sandbox's log is apart: nothing of the exercise there.
    b.lesson.sandbox();
    expect(b.runtime.exec("kubectl get jobs").chunks[0].text).toMatch(/No resources found/);
  });

  it("lines the exercise blocks are refused through start too", () => {
    const a = lab();
    a.lesson.start("create-job-imperatively");
    const t = type(a, "timeout 10s kubectl apply -f job.yaml");
    expect(t.r.done?.exitCode).toBe(1);
    expect(t.out.join("")).toMatch(/kubectl apply/);
    expect(a.recorded()).toEqual([["timeout 10s kubectl apply -f job.yaml", 1]]);
  });

  it("kubectl edit opens a tab; Apply saves it through the exercise, recorded and replayed", () => {
    const storage = memoryStorage();
    const a = lab(storage);
    a.lesson.start("one-shot");
    a.actions.setEditorText(solution("one-shot")["job.yaml"]);
    a.actions.applyEditor();
    const e = type(a, "kubectl edit job/pi");
    expect(e.r.done?.exitCode).toBe(0);
    a.actions.openEdit(e.r.done!.edit!);
    const s = a.store.getState();
    expect(s.edits[s.editorFile]?.ref).toBe("job.batch/pi");
    a.actions.setEditorText(
      s.editorText.replace(
        /^(\s+)backoffLimit: \d+$/m,
        "$1backoffLimit: 4\n$1activeDeadlineSeconds: 90",
      ),
    );
    a.actions.applyEditor();
    expect(a.store.getState().lastApply).toMatchObject({
      ok: true,
      lines: [{ text: "job.batch/pi edited" }],
    });
    const job = () => a.actions.liveObject("Job", "default", "pi") as Job;
    expect(job().spec.activeDeadlineSeconds).toBe(90);
    expect(a.recorded()).toEqual([
      ["kubectl apply -f job.yaml", 0],
      ["kubectl edit job/pi", 0],
      ["kubectl edit job.batch/pi", 0],
    ]);
    a.runtime.flush();

    const b = lab(storage);
    expect((b.actions.liveObject("Job", "default", "pi") as Job).spec.activeDeadlineSeconds).toBe(
      90,
    );
    expect(b.recorded()).toEqual(a.recorded());
  });
});
