import { describe, expect, it } from "vitest";
import type { Job } from "../../src/api/types.ts";
import type { Chunk, CommandResult } from "../../src/kubectl/output.ts";
import { createLabStore } from "../state/store.ts";
import { memoryStorage, type KeyValueStore } from "./persist.ts";
import { parseLog, replayLog, serializeLog } from "./replay.ts";
import { LabRuntime, type FrameScheduler } from "./runtime.ts";
import { EDITOR_FILE } from "./shell.ts";

const OPTIONS = { seed: 3, start: "2026-01-05T00:00:00Z" };
const FILE = "kubectl-edit-job-calc.yaml";

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: calc
spec:
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: calc
          image: busybox:1.36
          command: ["sh", "-c", "sleep 30"]
`;

const frames: FrameScheduler = { request: () => 0, cancel: () => undefined };

/** A runtime with a terminal on screen that records what it was asked to print. */
function boot(storage: KeyValueStore = memoryStorage()) {
  const store = createLabStore();
  const runtime = new LabRuntime({ store, storage, frames, defaultEditorText: job, ...OPTIONS });
  const actions = runtime.boundActions();
  const printed: string[] = [];
  actions.onTerminalOutput((chunks: readonly Chunk[]) => {
    printed.push(chunks.map((c) => c.text).join(""));
  });
  return { store, runtime, actions, printed, storage };
}

/** Type `kubectl edit …` in the terminal: the line runs, then the terminal opens the edit. */
function typeEdit(lab: ReturnType<typeof boot>, line: string): CommandResult {
  let done: CommandResult | undefined;
  lab.actions.startLine(line, { onChunk: () => undefined, onDone: (r) => (done = r) });
  if (done?.edit) lab.actions.openEdit(done.edit);
  return done!;
}

const liveJob = (lab: ReturnType<typeof boot>) =>
  lab.actions.liveObject("Job", "default", "calc") as Job;

describe("kubectl edit in the lab", () => {
  it("opens the live object in a tab; Apply saves it, closes the tab and survives a reload", () => {
    const storage = memoryStorage();
    const a = boot(storage);
    a.actions.applyEditor();
    const r = typeEdit(a, "kubectl edit job/calc");
    expect(r.exitCode).toBe(0);
    const s = a.store.getState();
    expect(s.editorFile).toBe(FILE);
    expect(s.editorText).toMatch(/^# Please edit the object below/);
    expect(s.editorText).toMatch(/^ {2}activeDeadlineSeconds: 600$/m);
    expect(s.edits[FILE]?.ref).toBe("job.batch/calc");

    a.actions.setEditorText(
      s.editorText.replace("activeDeadlineSeconds: 600", "activeDeadlineSeconds: 90"),
    );
    a.actions.applyEditor();
    const after = a.store.getState();
    expect(after.lastApply).toMatchObject({
      ok: true,
      lines: [{ stream: "stdout", text: "job.batch/calc edited" }],
    });
    expect(a.printed).toEqual(["job.batch/calc edited\n"]);
    expect(Object.keys(after.files)).toEqual([EDITOR_FILE]);
    expect(after.editorFile).toBe(EDITOR_FILE);
    expect(after.edits).toEqual({});
    expect(liveJob(a).spec.activeDeadlineSeconds).toBe(90);

    // The saved edit is in the replay log: a reload (and a replay of the log) rebuilds it.
    const log = a.runtime.currentLog();
    expect(log.inputs.map((i) => [i.source, i.line])).toEqual([
      ["apply", `kubectl apply -f ${EDITOR_FILE}`],
      ["terminal", "kubectl edit job/calc"],
      ["edit", "kubectl edit job.batch/calc"],
    ]);
    const parsed = parseLog(serializeLog(log));
    expect(parsed).toEqual(log);
    const replayed = replayLog(parsed!);
    expect(replayed.ok).toBe(true);
    const get = "kubectl get job calc -o jsonpath={.spec.activeDeadlineSeconds}";
    expect(replayed.shell.session.exec(get).chunks[0].text).toBe("90");
    a.runtime.flush();
    const b = boot(storage);
    expect(liveJob(b).spec.activeDeadlineSeconds).toBe(90);
    expect(JSON.stringify(liveJob(b))).toBe(JSON.stringify(liveJob(a)));
  });

  it("keeps the tab open with the API server's error on an immutable change", () => {
    const a = boot();
    a.actions.applyEditor();
    typeEdit(a, "kubectl edit job calc");
    const text = a.store.getState().editorText;
    a.actions.setEditorText(text.replace(/image: busybox:1.36/, "image: busybox:1.37"));
    a.actions.applyEditor();
    const s = a.store.getState();
    expect(s.lastApply?.ok).toBe(false);
    expect(s.lastApply?.lines[0].text).toBe('error: jobs.batch "calc" is invalid');
    expect(s.lastApply?.lines.map((l) => l.text).join("\n")).toMatch(/field is immutable/);
    expect(s.lastApply?.file).toBe(FILE);
    expect(s.lastApply?.markers).toHaveLength(1);
    expect(s.lastApply?.markers[0].message).toMatch(
      /^The Job "calc" is invalid: spec\.template: Invalid value: .*: field is immutable$/,
    );
    expect(a.printed.join("")).toMatch(
      /^error: jobs\.batch "calc" is invalid\n.*field is immutable/s,
    );
    expect(s.editorFile).toBe(FILE);
    expect(Object.hasOwn(s.edits, FILE)).toBe(true);
    expect(liveJob(a).spec.template.spec.containers[0].image).toBe("busybox:1.36");
  });

  it("cancels when the tab is closed or saved unchanged", () => {
    const a = boot();
    a.actions.applyEditor();
    typeEdit(a, "kubectl edit job/calc");
    a.actions.applyEditor(); // unchanged: kubectl's "no changes", and the tab closes
    expect(a.printed).toEqual(["Edit cancelled, no changes made.\n"]);
    expect(Object.keys(a.store.getState().files)).toEqual([EDITOR_FILE]);

    typeEdit(a, "kubectl edit job/calc");
    const { files } = a.store.getState();
    expect(Object.keys(files)).toEqual([EDITOR_FILE, FILE]);
    a.actions.setFiles({ [EDITOR_FILE]: files[EDITOR_FILE] }, EDITOR_FILE); // the tab's ×
    expect(a.printed).toEqual([
      "Edit cancelled, no changes made.\n",
      "Edit cancelled, no changes made.\n",
    ]);
    expect(a.store.getState().edits).toEqual({});
  });

  it("shows the same tab when the object is edited again, keeping changes made in it", () => {
    const storage = memoryStorage();
    const a = boot(storage);
    a.actions.applyEditor();
    typeEdit(a, "kubectl edit job/calc");
    const changed = a.store
      .getState()
      .editorText.replace("activeDeadlineSeconds: 600", "activeDeadlineSeconds: 300");
    a.actions.setEditorText(changed);
    a.actions.openFile(EDITOR_FILE);
    typeEdit(a, "kubectl edit jobs calc");
    expect(Object.keys(a.store.getState().files)).toEqual([EDITOR_FILE, FILE]);
    expect(a.store.getState().editorText).toBe(changed);
    // The tab is still an edit after a reload.
    const b = boot(storage);
    expect(b.store.getState().edits[FILE]?.name).toBe("calc");
    b.actions.applyEditor();
    expect(b.printed).toEqual(["job.batch/calc edited\n"]);
    expect(liveJob(b).spec.activeDeadlineSeconds).toBe(300);
  });
});
