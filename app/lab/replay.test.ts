import { describe, expect, it } from "vitest";
import type { Pod } from "../../src/api/types.ts";
import { createLabStore } from "../state/store.ts";
import { KEYS, memoryStorage, type KeyValueStore } from "./persist.ts";
import {
  appendInput,
  emptyLog,
  MAX_INPUTS,
  parseLog,
  replayLog,
  serializeLog,
  withNow,
  type ReplayLog,
} from "./replay.ts";
import { LabRuntime, type FrameScheduler } from "./runtime.ts";
import { EDITOR_FILE, LabShell } from "./shell.ts";

const OPTIONS = { seed: 7, start: "2026-01-05T00:00:00Z" };

const job = (name: string, extra = "") => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:${extra}
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: calc
          image: busybox:1.36
          command: ["sh", "-c", "echo start; sleep 3; expr 1 + 2"]
`;

/** Everything a learner could observe about a cluster: objects, logs, the clock. */
function observe(shell: LabShell): string {
  const { cluster } = shell;
  const kinds = ["Pod", "Job", "CronJob", "Event", "Node"];
  const objects = kinds.flatMap((k) => cluster.store.list(k));
  const logs = cluster.store
    .list<Pod>("Pod")
    .map((p) => `${p.metadata.name}: ${cluster.logText(p, p.spec.containers[0].name)}`);
  return JSON.stringify({ now: cluster.now(), objects, logs });
}

/** Run a learner's session live, advancing in uneven animation-frame-sized steps, recording inputs. */
function liveSession(): { shell: LabShell; log: ReplayLog } {
  const shell = new LabShell(OPTIONS);
  let log = emptyLog(OPTIONS, shell.cluster.now());
  const frames = (n: number, ms: number) => {
    for (let i = 0; i < n; i++) shell.cluster.advance(ms + (i % 3));
  };
  const input = (
    source: "apply" | "terminal",
    line: string,
    files: Record<string, string> = {},
  ) => {
    const at = shell.cluster.now();
    const { read } = shell.run(line, (p) => files[p]);
    log = appendInput(log, {
      at,
      source,
      line,
      ...(Object.keys(read).length ? { files: read } : {}),
    });
    log = withNow(log, shell.cluster.now());
  };
  frames(20, 16);
  input("apply", `kubectl apply -f ${EDITOR_FILE}`, {
    [EDITOR_FILE]: job("sum", "\n  completions: 3\n  parallelism: 2"),
  });
  frames(90, 160); // 10× for a while
  input("terminal", "kubectl get pods");
  input("terminal", "sleep 20s");
  input("apply", `kubectl apply -f ${EDITOR_FILE}`, { [EDITOR_FILE]: job("again") });
  while (
    shell.cluster.nextEventAt() !== undefined &&
    shell.cluster.now() < Date.parse("2026-01-05T00:02:00Z")
  ) {
    shell.cluster.stepEvent(); // "next event" presses
  }
  input("terminal", "kubectl delete job sum");
  frames(30, 1600); // 100×
  log = withNow(log, shell.cluster.now());
  return { shell, log };
}

describe("replay", () => {
  it("rebuilds the same cluster from the recorded inputs, however time was advanced live", () => {
    const live = liveSession();
    expect(live.log.inputs.map((i) => [i.source, i.line, Object.keys(i.files ?? {})])).toEqual([
      ["apply", "kubectl apply -f job.yaml", ["job.yaml"]],
      ["terminal", "kubectl get pods", []],
      ["terminal", "sleep 20s", []],
      ["apply", "kubectl apply -f job.yaml", ["job.yaml"]],
      ["terminal", "kubectl delete job sum", []],
    ]);
    const saved = parseLog(serializeLog(live.log));
    expect(saved).toEqual(live.log);
    const replayed = replayLog(saved!);
    expect(replayed.ok).toBe(true);
    expect(observe(replayed.shell)).toBe(observe(live.shell));
    const jobs = (s: LabShell) =>
      s.session
        .exec("kubectl get jobs")
        .chunks.map((c) => c.text)
        .join("");
    expect(jobs(replayed.shell)).toBe(jobs(live.shell));
    expect(jobs(replayed.shell)).toMatch(/^NAME +STATUS +COMPLETIONS.*\nagain +Complete +1\/1 /);
  });

  it("rejects what is not a log, and stops recording past its limits", () => {
    for (const bad of [
      null,
      "",
      "{",
      "[]",
      '{"version":2}',
      '{"version":1,"seed":1,"start":"x","now":0,"inputs":[{"at":"0"}]}',
    ]) {
      expect(parseLog(bad)).toBeUndefined();
    }
    let log = emptyLog(OPTIONS, 0);
    for (let i = 0; i <= MAX_INPUTS; i++)
      log = appendInput(log, { at: i, source: "terminal", line: "date" });
    expect(log.overflowed).toBe(true);
    expect(log.inputs).toEqual([]);
    const r = replayLog(parseLog(serializeLog(log))!);
    expect(r.ok).toBe(false);
  });
});

/** Animation frames the test fires by hand, at wall times it chooses. */
function manualFrames(): FrameScheduler & { fire(wallNow: number): void } {
  let pending = new Map<number, (t: number) => void>();
  let id = 0;
  return {
    request: (cb) => (pending.set(++id, cb), id),
    cancel: (i) => void pending.delete(i),
    fire(wallNow) {
      const due = pending;
      pending = new Map();
      for (const cb of due.values()) cb(wallNow);
    },
  };
}

function boot(storage: KeyValueStore) {
  const store = createLabStore();
  const frames = manualFrames();
  const runtime = new LabRuntime({
    store,
    storage,
    frames,
    defaultEditorText: job("hello"),
    ...OPTIONS,
  });
  runtime.startLoop();
  return { store, runtime, frames, actions: runtime.boundActions() };
}

describe("LabRuntime across a reload", () => {
  it("keeps the editor text, the clock speed and the cluster", () => {
    const storage = memoryStorage();
    const a = boot(storage);
    a.actions.setSpeed(10);
    a.actions.applyEditor();
    expect(a.store.getState().lastApply?.lines).toEqual([
      { stream: "stdout", text: "job.batch/hello created" },
    ]);
    for (let t = 0; t <= 3000; t += 16) a.frames.fire(t); // 3 s of wall time at 10×
    const now = a.store.getState().cluster.now;
    expect(now - Date.parse(OPTIONS.start)).toBeGreaterThan(29_000);
    a.actions.setEditorText(job("next"));
    a.actions.exec("kubectl get pods");
    a.runtime.flush(); // what pagehide does

    const b = boot(storage);
    expect(b.store.getState().editorText).toBe(job("next"));
    expect(b.store.getState().clock).toEqual({ playing: true, speed: 10 });
    const mirror = (s: typeof a.store) => {
      const { pods, jobs, now: t } = s.getState().cluster;
      return JSON.stringify({ pods, jobs, t });
    };
    expect(mirror(b.store)).toBe(mirror(a.store));
    expect(b.store.getState().cluster.pods.length).toBeGreaterThan(0);
    expect(JSON.parse(storage.get(KEYS.replay)!)).toMatchObject({ seed: 7, now });
    expect(storage.get(KEYS.replayNow)).toBe(String(now));
  });

  it("a corrupt saved cluster starts fresh, with a notice", () => {
    const storage = memoryStorage({
      [KEYS.replay]: serializeLog({
        ...emptyLog(OPTIONS, 0),
        overflowed: true,
      }),
    });
    const { store } = boot(storage);
    expect(store.getState().notice).toMatch(/could not be restored/);
    expect(store.getState().cluster.pods).toEqual([]);
  });
});
