import { describe, expect, it } from "vitest";
import type { CommandResult } from "../../src/kubectl/output.ts";
import type { LineCallbacks } from "../state/actions.ts";
import { createLabStore } from "../state/store.ts";
import { KEYS, memoryStorage, type KeyValueStore } from "./persist.ts";
import { parseLog } from "./replay.ts";
import { LabRuntime, type FrameScheduler } from "./runtime.ts";

const OPTIONS = { seed: 7, start: "2026-01-05T00:00:00Z" };
const T0 = Date.parse(OPTIONS.start);

const job = (name: string, seconds = 3) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: calc
          image: busybox:1.36
          command: ["sh", "-c", "echo start; sleep ${seconds}; echo done"]
`;

/** Animation frames fired by hand, 16 ms of wall time apart. */
function manualFrames() {
  let pending = new Map<number, (t: number) => void>();
  let id = 0;
  let wall = 0;
  const frames: FrameScheduler = {
    request: (cb) => (pending.set(++id, cb), id),
    cancel: (i) => void pending.delete(i),
  };
  const fire = (n = 1) => {
    for (let i = 0; i < n; i++) {
      const due = pending;
      pending = new Map();
      wall += 16;
      for (const cb of due.values()) cb(wall);
    }
  };
  return { frames, fire };
}

function boot(storage: KeyValueStore) {
  const store = createLabStore();
  const { frames, fire } = manualFrames();
  const runtime = new LabRuntime({
    store,
    storage,
    frames,
    defaultEditorText: job("hello"),
    ...OPTIONS,
  });
  runtime.startLoop();
  fire(); // the first frame only starts the stepper
  return { store, runtime, fire, actions: runtime.boundActions() };
}

/** A terminal for tests: what a line printed, and its result once it ended. */
function line(actions: ReturnType<typeof boot>["actions"], text: string) {
  const out: string[] = [];
  const ended: { result?: CommandResult; at?: number } = {};
  const cb: LineCallbacks = {
    onChunk: (c) => out.push(c.text),
    onDone: (r) => {
      ended.result = r;
    },
  };
  const run = actions.startLine(text, cb);
  return { out, ended, interrupt: () => run.interrupt() };
}

const mirror = (s: ReturnType<typeof createLabStore>) => {
  const { pods, jobs, now } = s.getState().cluster;
  return JSON.stringify({ pods, jobs, now });
};

describe("terminal lines that run while the clock flows", () => {
  it("streams `get pods -w` as time passes, sees an Apply, stops on Ctrl+C, and replays the same cluster", () => {
    const storage = memoryStorage();
    const a = boot(storage);
    a.actions.setSpeed(10);
    const watch = line(a.actions, "kubectl get pods -w");
    expect(watch.out).toEqual([]); // kubectl prints nothing until there is a pod
    a.actions.applyEditor();
    a.fire(); // an Apply shows up in the watch at the next frame
    expect(watch.out.join("")).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\nhello-\w{5} +0\/1 +Pending/,
    );
    a.fire(60); // ~9.6 s of virtual time
    expect(watch.out.join("")).toMatch(/hello-\w{5} +0\/1 +Completed/);
    expect(watch.ended.result).toBeUndefined();
    watch.interrupt();
    expect(watch.ended.result?.exitCode).toBe(130);

    // `wait` interrupted before the Job completes; then another Apply. Replaying the wait to its
    // end (as a script would) would apply `third` late: the log keeps when Ctrl+C came.
    a.actions.setEditorText(job("second", 30));
    a.actions.applyEditor();
    const wait = line(a.actions, "kubectl wait --for=condition=complete job/second --timeout=5m");
    a.fire(20);
    expect(wait.ended.result).toBeUndefined();
    wait.interrupt();
    expect(wait.ended.result?.exitCode).toBe(130);
    a.actions.setEditorText(job("third"));
    a.actions.applyEditor();
    a.fire(30);

    const log = parseLog(storage.get(KEYS.replay))!;
    const streams = log.inputs.filter((i) => i.stream);
    expect(streams.map((i) => i.line)).toEqual([
      "kubectl get pods -w",
      "kubectl wait --for=condition=complete job/second --timeout=5m",
    ]);
    expect(streams.every((i) => i.until !== undefined && i.until > i.at)).toBe(true);
    a.runtime.flush();

    const b = boot(storage);
    expect(mirror(b.store)).toBe(mirror(a.store));
  });

  it("a `timeout` ends at its own instant, also when stepping event by event", () => {
    const a = boot(memoryStorage());
    a.actions.pause();
    const t = line(a.actions, "timeout 5s kubectl get pods -w");
    a.fire(10); // paused: nothing moves
    expect(a.store.getState().cluster.now).toBe(T0);
    expect(t.ended.result).toBeUndefined();
    for (let i = 0; i < 50 && !t.ended.result; i++) a.actions.stepEvent();
    expect(t.ended.result?.exitCode).toBe(124);
    expect(a.store.getState().cluster.now).toBe(T0 + 5000);
  });

  it("`sleep` lets its time pass at once, paused or not, as in a script", () => {
    const a = boot(memoryStorage());
    a.actions.pause();
    const s = line(a.actions, "sleep 90s");
    expect(s.ended.result?.exitCode).toBe(0);
    expect(a.store.getState().cluster.now).toBe(T0 + 90_000);
  });

  it("a line still running at a reload stopped then; later lines replay after it", () => {
    const storage = memoryStorage();
    const a = boot(storage);
    a.actions.setSpeed(10);
    a.actions.applyEditor();
    line(a.actions, "watch -n 1 kubectl get pods");
    a.fire(40);
    a.runtime.flush(); // the page closes while `watch` runs

    const b = boot(storage);
    expect(mirror(b.store)).toBe(mirror(a.store));
    b.actions.exec("kubectl delete job hello");
    b.fire(10);
    b.runtime.flush();
    const log = parseLog(storage.get(KEYS.replay))!;
    expect(log.inputs.map((i) => [i.line, i.until !== undefined])).toEqual([
      ["kubectl apply -f job.yaml", false],
      ["watch -n 1 kubectl get pods", true],
      ["kubectl delete job hello", false],
    ]);

    const c = boot(storage);
    expect(mirror(c.store)).toBe(mirror(b.store));
  });
});
