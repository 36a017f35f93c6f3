import { beforeAll, describe, expect, it } from "vitest";
import { loadPack, mapSource, type Pack } from "../../src/lab/index.ts";
import { createLocaleStore } from "../i18n/locale-store.ts";
import { memoryStorage, type KeyValueStore } from "../lab/persist.ts";
import { LabRuntime } from "../lab/runtime.ts";
import { createLabStore } from "../state/store.ts";
import { LessonController } from "./controller.ts";
import { progressKey } from "./progress.ts";

// The built-in course, as src/lab/course.test.ts reads it.
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
  const r = await loadPack(files);
  pack = r.pack!;
});

/** A lab as the page builds it, over a storage map, with no animation frames and no waiting. */
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
  return { store, runtime, lesson, locale, storage };
}

const met = (l: LessonController) =>
  Object.fromEntries(l.store.getState().goals.map((g) => [g.id, g.met]));

describe("LessonController", () => {
  it("runs an exercise from its start state; goals tick as the learner works", () => {
    const { store, runtime, lesson } = lab();
    lesson.start("one-shot");
    expect(store.getState()).toMatchObject({
      mode: "batch-course@1.0/one-shot",
      editorFile: "job.yaml",
    });
    expect(store.getState().cluster.now).toBe(Date.parse("2026-01-05T09:00:00Z"));
    expect(met(lesson)).toEqual({ "one-completion": false, complete: false, digits: false });

    const ex = pack.exercises.find((e) => e.id === "one-shot")!;
    runtime.setEditorText(ex.solution.files["job.yaml"]);
    runtime.applyEditor();
    expect(met(lesson)).toEqual({ "one-completion": true, complete: false, digits: false });
    runtime.exec("kubectl wait --for=condition=complete job/pi --timeout=2m");
    expect(met(lesson)).toEqual({ "one-completion": true, complete: true, digits: true });
    expect(lesson.store.getState().allMet).toBe(true);
    expect(lesson.store.getState().progress.exercises["one-shot"]?.done).toMatch(/^\d{4}-/);
  });

  it("says what an unmet goal expected and found", () => {
    const { runtime, lesson } = lab();
    lesson.start("one-shot");
    runtime.applyEditor(); // the starting file: no completions, no backoffLimit
    const g = lesson.store.getState().goals.find((x) => x.id === "one-completion")!;
    expect(g.met).toBe(false);
    expect(g.expected).toBeTruthy();
    expect(g.actual).toBeTruthy();
  });

  it("keeps the sandbox and each exercise apart, and comes back where the learner was", () => {
    const storage = memoryStorage();
    const first = lab(storage);
    first.runtime.exec("kubectl create job sandbox-job --image=busybox:1.37 -- true");
    first.lesson.start("create-job-imperatively");
    expect(
      first.runtime
        .exec("kubectl get jobs")
        .chunks.map((c) => c.text)
        .join(""),
    ).toBe("No resources found in default namespace.\n");
    first.runtime.exec('kubectl create job hello --image=busybox:1.37 -- echo "hello from a Job"');
    first.runtime.flush();

    // A reload: the same storage, a new page.
    const second = lab(storage);
    expect(second.lesson.store.getState().current).toBe("create-job-imperatively");
    expect(second.runtime.exec("kubectl get jobs -o name").chunks[0].text).toBe(
      "job.batch/hello\n",
    );
    second.lesson.sandbox();
    expect(second.runtime.exec("kubectl get jobs -o name").chunks[0].text).toBe(
      "job.batch/sandbox-job\n",
    );
  });

  it("refuses what the exercise blocks, in the learner's language", () => {
    const { runtime, lesson, locale } = lab();
    lesson.start("create-job-imperatively");
    locale.setLocale("fr");
    const r = runtime.exec("kubectl apply -f job.yaml");
    expect(r.exitCode).toBe(1);
    expect(lesson.store.getState().goals[0].text).not.toBe("");
  });

  it("replays the solution and resets the exercise", async () => {
    const { store, lesson } = lab();
    lesson.start("create-job-imperatively");
    await lesson.showSolution();
    expect(lesson.store.getState().allMet).toBe(true);
    expect(lesson.store.getState().progress.exercises["create-job-imperatively"]).toMatchObject({
      solution: true,
    });
    lesson.resetExercise();
    expect(store.getState().cluster.jobs).toEqual([]);
    expect(lesson.store.getState().allMet).toBe(false);
  });

  it("imports a progress file whole, or not at all", () => {
    const { lesson, storage } = lab();
    lesson.showHint();
    expect(lesson.importProgress("not json")).toEqual({ ok: false, error: { code: "notJson" } });
    const file = JSON.stringify({
      kind: "batch-lab-progress",
      version: 1,
      pack: "batch-course",
      exercises: { "one-shot": { done: "2026-01-05T10:00:00.000Z" } },
    });
    expect(lesson.importProgress(file)).toEqual({ ok: true, done: 1 });
    expect(JSON.parse(storage.get(progressKey("batch-course"))!)).toMatchObject({
      exercises: { "one-shot": { done: "2026-01-05T10:00:00.000Z" } },
    });
  });
});

describe("choosing a pack", () => {
  // Every built-in pack's files, served as the page's fetch would serve /packs/.
  const served = import.meta.glob<string>("/public/packs/**/*", {
    query: "?raw",
    import: "default",
    eager: true,
  });
  const asked: string[] = [];
  const fakeFetch = ((url: string) => {
    asked.push(url);
    const text = served[`/public${url}`];
    return Promise.resolve({
      ok: text !== undefined,
      text: () => Promise.resolve(text ?? ""),
    });
  }) as unknown as typeof fetch;

  function bare(packName?: string, storage: KeyValueStore = memoryStorage()) {
    const store = createLabStore();
    const locale = createLocaleStore(storage, ["en"]);
    const runtime = new LabRuntime({
      store,
      storage,
      defaultEditorText: "",
      frames: { request: () => 0, cancel: () => {} },
      t: locale.t,
    });
    const lesson = new LessonController({ runtime, labStore: store, locale, storage, packName });
    return { lesson, storage };
  }

  it("loads the built-in course by default, and another pack by name", async () => {
    const { lesson } = bare();
    await lesson.load(fakeFetch);
    expect(lesson.store.getState()).toMatchObject({ status: "ready", packName: "batch-course" });
    const other = bare("example").lesson;
    await other.load(fakeFetch);
    expect(other.store.getState().pack?.meta.id).toBe("example");
  });

  it("keeps progress per pack when switching, batch-course under its existing key", async () => {
    const { lesson, storage } = bare();
    await lesson.load(fakeFetch);
    lesson.start("one-shot");
    expect(storage.get(progressKey("batch-course"))).toContain('"current": "one-shot"');
    await lesson.switchPack("example", fakeFetch);
    const s = lesson.store.getState();
    expect(s).toMatchObject({ status: "ready", packName: "example", current: undefined });
    expect(s.progress.pack).toBe("example");
    // Leaving a pack does not forget where the learner was in it.
    expect(storage.get(progressKey("batch-course"))).toContain('"current": "one-shot"');
    await lesson.switchPack("batch-course", fakeFetch);
    expect(lesson.store.getState().current).toBe("one-shot");
  });

  it("refuses a name that is not a pack folder without fetching anything", async () => {
    asked.length = 0;
    const { lesson } = bare("https://evil.example/x");
    await lesson.load(fakeFetch);
    expect(asked).toEqual([]);
    expect(lesson.store.getState()).toMatchObject({ status: "error", loadFailure: "badName" });
  });

  it("reports the loader's problems for a pack that cannot be used", async () => {
    const { lesson } = bare("no-such-pack");
    await lesson.load(fakeFetch);
    const s = lesson.store.getState();
    expect(s).toMatchObject({ status: "error", loadFailure: "problems" });
    expect(s.loadProblems?.[0]).toMatchObject({ file: "pack.yaml", message: "is missing" });
  });

  it("drops a load overtaken by another pack", async () => {
    const { lesson } = bare();
    const first = lesson.load(fakeFetch);
    const second = lesson.switchPack("example", fakeFetch);
    await Promise.all([first, second]);
    expect(lesson.store.getState().pack?.meta.id).toBe("example");
  });
});
