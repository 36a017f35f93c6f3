import { clone } from "../api/store.ts";
import type { Container, ContainerStatus, Pod, PodStatus } from "../api/types.ts";
import { formatGoDuration } from "../sim/go-duration.ts";
import type { Timer } from "../sim/clock.ts";
import { rfc3339 } from "../sim/time.ts";
import { SIGTERM, type ProcessSignals } from "../runtime/process-signals.ts";
import type { Process } from "../runtime/types.ts";
import { containerEnv, type ConfigError } from "./env.ts";
import { startProgram } from "./exec.ts";
import type { NodeContext } from "./node-context.ts";
import { podPhase, setPodCondition, updateReadiness } from "./pod-status.ts";
import { CONTAINER_START_MS, SANDBOX_MS } from "./timing.ts";

interface Slot {
  spec: Container;
  init: boolean;
  status: ContainerStatus;
  process?: Process;
  /** The signal line into the running instance's PID 1. */
  signals?: ProcessSignals;
  timer?: Timer;
  /** An injected exit (lab fault) pending for the running instance. */
  fault?: Timer;
  /** The running instance was killed by the OOM killer (its reason becomes OOMKilled). */
  oomKilled?: boolean;
}

/** Steps a process may take in one resumption before it is made to yield (a runaway guard). */
const MAX_STEPS_PER_RESUME = 10_000;

/**
 * One pod on one node: the kubelet's pod worker. It pulls images, starts init containers one by
 * one and then the app containers, runs their programs on the virtual clock, restarts them per
 * `restartPolicy` with CrashLoopBackOff, and tears the pod down when it is deleted (spec §3).
 * Every change is written as a pod status update.
 */
export class PodWorker {
  private slots: Slot[];
  private status: PodStatus;
  private terminating = false;
  private stopped = false;
  private deadlineTimer?: Timer;
  /** SIGKILL at the end of the grace period, while containers still run. */
  private killTimer?: Timer;

  constructor(
    private pod: Pod,
    private readonly node: NodeContext,
  ) {
    const now = this.nowStr();
    const initWaiting = (pod.spec.initContainers ?? []).length > 0;
    const waiting = (c: Container, reason: string): ContainerStatus => ({
      name: c.name,
      state: { waiting: { reason } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: c.image ?? "",
      imageID: "",
      started: false,
    });
    this.slots = [
      ...(pod.spec.initContainers ?? []).map((c, i) => ({
        spec: c,
        init: true,
        status: waiting(c, i === 0 ? "PodInitializing" : "PodInitializing"),
      })),
      ...pod.spec.containers.map((c) => ({
        spec: c,
        init: false,
        status: waiting(c, initWaiting ? "PodInitializing" : "ContainerCreating"),
      })),
    ];
    this.status = {
      phase: "Pending",
      conditions: [],
      hostIP: node.hostIP,
      podIPs: [],
      startTime: now,
      qosClass: pod.status?.qosClass ?? "BestEffort",
    };
    setPodCondition(this.status, "PodReadyToStartContainers", "False", now);
    setPodCondition(
      this.status,
      "Initialized",
      initWaiting ? "False" : "True",
      now,
      initWaiting ? "ContainersNotInitialized" : undefined,
    );
    if (initWaiting)
      this.status.conditions!.find((c) => c.type === "Initialized")!.message =
        `containers with incomplete status: [${pod.spec.initContainers!.map((c) => c.name).join(" ")}]`;
    setPodCondition(this.status, "PodScheduled", "True", now);
    this.syncStatus();
  }

  get uid(): string {
    return this.pod.metadata.uid!;
  }

  start(): void {
    this.after(SANDBOX_MS, "sandbox", () => {
      const now = this.nowStr();
      this.status.podIP = this.node.podIP(this.uid);
      this.status.podIPs = [{ ip: this.status.podIP }];
      setPodCondition(this.status, "PodReadyToStartContainers", "True", now);
      this.syncStatus();
      const ads = this.pod.spec.activeDeadlineSeconds;
      if (ads !== undefined) {
        this.deadlineTimer = this.node.clock.at(
          Date.parse(this.status.startTime!) + ads * 1000,
          "pod-deadline",
          () => this.deadlineExceeded(),
        );
      }
      this.startNext();
    });
  }

  /** Start the next init container, or all app containers once init is done. */
  private startNext(): void {
    if (this.terminating) return;
    const pendingInit = this.slots.find(
      (s) => s.init && !(s.status.state.terminated?.exitCode === 0),
    );
    if (pendingInit) {
      if (!pendingInit.process && !pendingInit.timer) this.prepare(pendingInit);
      return;
    }
    for (const s of this.slots)
      if (
        !s.init &&
        !s.process &&
        !s.timer &&
        !s.status.state.terminated &&
        !s.status.lastState.terminated
      )
        this.prepare(s);
  }

  /** Image pull, then create + start. */
  private prepare(slot: Slot): void {
    slot.status.state = {
      waiting: {
        reason:
          slot.init || this.slots.every((s) => !s.init) ? "ContainerCreating" : "PodInitializing",
      },
    };
    if (slot.init) this.setInitWaiting();
    this.node.images.ensure(this.pod, slot.spec, {
      onReady: () => {
        slot.timer = this.after(CONTAINER_START_MS, "container-start", () => {
          slot.timer = undefined;
          this.run(slot);
        });
      },
      onWaiting: (reason, message) => {
        slot.status.state = { waiting: message ? { reason, message } : { reason } };
        this.syncStatus();
      },
      setTimer: (t) => (slot.timer = t),
    });
  }

  private setInitWaiting(): void {
    for (const s of this.slots)
      if (!s.init && s.status.state.waiting)
        s.status.state = { waiting: { reason: "PodInitializing" } };
  }

  private run(slot: Slot): void {
    if (this.terminating) return;
    const pod = this.pod;
    const c = slot.spec;
    const envResult = containerEnv(pod, c, this.node);
    if ("error" in envResult) return this.configError(slot, envResult);
    this.node.logs.start(this.uid, c.name, slot.status.restartCount);
    slot.oomKilled = false;
    const started = startProgram(c, envResult.env, this.node, pod, () => (slot.oomKilled = true));
    if ("error" in started) {
      this.node.events.warn(pod, "Failed", `Error: ${started.error}`);
      return this.exited(slot, 128, "StartError", started.error);
    }
    this.node.events.normal(pod, "Created", `Created container: ${c.name}`);
    this.node.events.normal(pod, "Started", `Started container ${c.name}`);
    const now = this.nowStr();
    slot.status.state = { running: { startedAt: now } };
    slot.status.started = true;
    slot.status.ready = !slot.init;
    slot.status.imageID = this.node.images.imageID(c.image ?? "");
    slot.status.containerID = `containerd://${this.node.containerId()}`;
    slot.process = started.process;
    slot.signals = started.signals;
    this.syncStatus();
    const fault = this.node.faults?.containerFault(pod, c.name);
    if (fault)
      slot.fault = this.after(Math.max(0, fault.afterMs), `fault ${c.name}`, () => {
        slot.fault = undefined;
        this.killSlot(slot, fault.exitCode);
      });
    this.resume(slot);
  }

  /** Drive the program until it yields an effect or exits. */
  private resume(slot: Slot): void {
    const proc = slot.process;
    if (!proc || this.stopped) return;
    for (let i = 0; i < MAX_STEPS_PER_RESUME; i++) {
      let r: IteratorResult<unknown, number>;
      try {
        r = proc.next();
      } catch (e) {
        this.node.logs.append(
          this.uid,
          slot.spec.name,
          this.node.clock.now(),
          "stderr",
          `runtime error: ${e instanceof Error ? e.message : String(e)}\n`,
        );
        r = { done: true, value: 2 };
      }
      if (r.done) {
        const reason = slot.oomKilled ? "OOMKilled" : r.value === 0 ? "Completed" : "Error";
        return this.exited(slot, r.value, reason);
      }
      const eff = r.value as { type: string; ms: number };
      slot.timer = this.after(Math.max(eff.ms, 0), `run ${slot.spec.name}`, () => {
        slot.timer = undefined;
        this.resume(slot);
      });
      return;
    }
    slot.timer = this.after(1, `run ${slot.spec.name}`, () => this.resume(slot));
  }

  private exited(slot: Slot, exitCode: number, reason: string, message?: string): void {
    slot.process = undefined;
    slot.signals = undefined;
    slot.fault?.cancel();
    slot.fault = undefined;
    const prevStarted = slot.status.state.running?.startedAt;
    const now = this.nowStr();
    slot.status.state = {
      terminated: {
        exitCode,
        reason,
        ...(message ? { message } : {}),
        startedAt: prevStarted ?? now,
        finishedAt: now,
        containerID: slot.status.containerID,
      },
    };
    slot.status.ready = false;
    slot.status.started = false;
    if (this.terminating) return this.maybeFinishTermination();
    const policy = this.pod.spec.restartPolicy ?? "Always";
    const restart =
      policy === "Always"
        ? !slot.init || exitCode !== 0
        : policy === "OnFailure"
          ? exitCode !== 0
          : false;
    if (slot.init && exitCode === 0) {
      this.afterInitProgress();
      this.syncStatus();
      return this.startNext();
    }
    if (restart) return this.scheduleRestart(slot);
    this.syncStatus();
  }

  private afterInitProgress(): void {
    const inits = this.slots.filter((s) => s.init);
    if (inits.every((s) => s.status.state.terminated?.exitCode === 0)) {
      const init = this.status.conditions!.find((c) => c.type === "Initialized")!;
      init.status = "True";
      init.lastTransitionTime = this.nowStr();
      delete init.reason;
      delete init.message;
      // kubelet convertToAPIContainerStatuses: in a pod with init containers, an app container
      // not created yet waits with reason PodInitializing (so STATUS shows PodInitializing).
      for (const s of this.slots)
        if (!s.init) s.status.state = { waiting: { reason: "PodInitializing" } };
    }
  }

  /** CrashLoopBackOff: restart at once the first time, then after 10 s, 20 s, … (spec §3.3). */
  private scheduleRestart(slot: Slot): void {
    const key = `${this.uid}/${slot.spec.name}`;
    const now = this.node.clock.now();
    const wait = this.node.restartBackoff.waitFor(key, now);
    const restartNow = () => {
      slot.timer = undefined;
      if (this.terminating) return;
      this.node.restartBackoff.next(key, this.node.clock.now());
      slot.status.lastState = { terminated: slot.status.state.terminated! };
      slot.status.restartCount++;
      slot.status.state = { waiting: { reason: "ContainerCreating" } };
      this.prepare(slot);
    };
    if (wait === 0) {
      this.syncStatus();
      return restartNow();
    }
    const p = this.pod.metadata;
    slot.status.lastState = { terminated: slot.status.state.terminated! };
    slot.status.state = {
      waiting: {
        reason: "CrashLoopBackOff",
        message: `back-off ${formatGoDuration(wait)} restarting failed container=${slot.spec.name} pod=${p.name}_${p.namespace}(${p.uid})`,
      },
    };
    this.node.events.warn(
      this.pod,
      "BackOff",
      `Back-off restarting failed container ${slot.spec.name} in pod ${p.name}_${p.namespace}(${p.uid})`,
    );
    this.syncStatus();
    slot.timer = this.after(wait, "crashloop-backoff", restartNow);
  }

  private configError(slot: Slot, err: ConfigError): void {
    slot.status.state = { waiting: { reason: "CreateContainerConfigError", message: err.error } };
    this.node.events.warn(this.pod, "Failed", `Error: ${err.error}`);
    this.syncStatus();
    // The kubelet retries on its sync period; the missing object may have been created meanwhile.
    slot.timer = this.after(10_000, "config-retry", () => {
      slot.timer = undefined;
      this.prepare(slot);
    });
  }

  /** End a running container instance now with `exitCode` (lab faults: kill, injected exit). */
  private killSlot(slot: Slot, exitCode: number): void {
    if (!slot.process || this.terminating) return;
    slot.timer?.cancel();
    slot.timer = undefined;
    slot.process.return(exitCode);
    this.exited(slot, exitCode, exitCode === 0 ? "Completed" : "Error");
  }

  /** Kill every running container now (a lab fault); false when none was running. */
  kill(exitCode: number): boolean {
    const running = this.slots.filter((s) => s.process);
    for (const s of running) this.killSlot(s, exitCode);
    return running.length > 0;
  }

  /** Pod-level activeDeadlineSeconds: the kubelet kills the pod and fails it (spec §3.2). */
  private deadlineExceeded(): void {
    if (this.terminating) return;
    this.status.reason = "DeadlineExceeded";
    this.status.message = "Pod was active on the node longer than the specified deadline";
    this.terminate(0);
  }

  /** The pod was deleted (or must die): SIGTERM, then SIGKILL after the grace period. */
  terminate(graceSeconds: number): void {
    if (this.terminating) return;
    this.terminating = true;
    this.deadlineTimer?.cancel();
    let running = 0;
    for (const s of this.slots) {
      if (s.timer && !s.process) {
        s.timer.cancel();
        s.timer = undefined;
      }
      if (s.process) {
        running++;
        this.node.events.normal(this.pod, "Killing", `Stopping container ${s.spec.name}`);
      }
    }
    if (running === 0) return this.maybeFinishTermination();
    this.killTimer = this.after(graceSeconds * 1000, "sigkill", () => {
      this.killTimer = undefined;
      for (const s of this.slots) {
        if (!s.process) continue;
        s.timer?.cancel();
        s.timer = undefined;
        s.process.return(137);
        this.exited(s, 137, "Error");
      }
    });
    // SIGTERM to each container's PID 1 at this instant (spec §3.4). Without a handler (busybox
    // `sleep`, `sh` without `trap`) PID 1 ignores it and dies by SIGKILL above; a shell whose
    // trap must run now (it is in `wait`) is resumed at once and may exit before the grace ends.
    for (const s of this.slots) {
      if (!s.process || !s.signals?.send(SIGTERM)) continue;
      s.timer?.cancel();
      s.timer = undefined;
      this.resume(s);
    }
  }

  private maybeFinishTermination(): void {
    if (this.slots.some((s) => s.process)) return;
    this.killTimer?.cancel();
    this.killTimer = undefined;
    const allOk = this.slots
      .filter((s) => !s.init)
      .every((s) => s.status.state.terminated?.exitCode === 0);
    // A pod the kubelet failed (DeadlineExceeded) stays Failed even when a SIGTERM trap made its
    // containers exit 0 (kubelet generateAPIPodStatus, spec §3.2).
    this.status.phase = allOk && !this.status.reason ? "Succeeded" : "Failed";
    this.syncStatus(true);
    this.stopped = true;
    const m = this.pod.metadata;
    if (m.deletionTimestamp) {
      const live = this.node.store.get<Pod>("Pod", m.namespace, m.name!);
      if (live && live.metadata.uid === this.uid)
        this.node.store.delete("Pod", m.namespace, m.name!, { gracePeriodSeconds: 0 });
    }
  }

  /** The pod is Succeeded or Failed and nothing of it runs or waits any more. */
  finished(): boolean {
    const phase = this.status.phase;
    return (
      (phase === "Succeeded" || phase === "Failed") &&
      this.slots.every((s) => !s.process && !s.timer)
    );
  }

  /** A newer version of the pod object arrived from the store. */
  observe(pod: Pod): void {
    this.pod = pod;
  }

  stop(): void {
    this.stopped = true;
    this.deadlineTimer?.cancel();
    this.killTimer?.cancel();
    for (const s of this.slots) {
      s.timer?.cancel();
      s.fault?.cancel();
      s.process?.return(137);
      s.process = undefined;
    }
  }

  private syncStatus(phaseFixed = false): void {
    if (this.stopped) return;
    const now = this.nowStr();
    const inits = this.slots.filter((s) => s.init);
    const apps = this.slots.filter((s) => !s.init);
    const initDone = inits.every((s) => s.status.state.terminated?.exitCode === 0);
    if (!phaseFixed && !this.status.reason) {
      const policy = this.pod.spec.restartPolicy ?? "Always";
      const initFailed =
        inits.some((s) => s.status.state.terminated && s.status.state.terminated.exitCode !== 0) &&
        policy === "Never";
      this.status.phase = initFailed
        ? "Failed"
        : podPhase(
            apps.map((s) => s.status),
            policy,
            initDone,
          );
    } else if (this.status.reason && !phaseFixed) this.status.phase = "Failed";
    if (inits.length) this.status.initContainerStatuses = inits.map((s) => s.status);
    this.status.containerStatuses = apps.map((s) => s.status);
    updateReadiness(this.status, now);
    const live = this.node.store.get<Pod>(
      "Pod",
      this.pod.metadata.namespace,
      this.pod.metadata.name!,
    );
    if (!live || live.metadata.uid !== this.uid) return;
    // One copy per write: the store freezes it, the worker keeps mutating its own.
    this.node.store.updateStatus({ ...live, status: clone(this.status) }, true);
  }

  private after(delay: number, label: string, run: () => void): Timer {
    return this.node.clock.after(
      delay,
      label,
      () => {
        if (!this.stopped) run();
      },
      this.pod.metadata.name,
    );
  }

  private nowStr(): string {
    return rfc3339(this.node.clock.now());
  }
}
