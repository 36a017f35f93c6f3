import type { Effect } from "../types.ts";

/**
 * Effects inside the shell: the kubelet's `Effect`s plus `wait`, which the shell's own job
 * scheduler (jobs.ts) handles — a thread that runs `wait` is parked until the job it waits for
 * has finished. `wait` never reaches the kubelet.
 */
export type ShellEffect = Effect | { type: "wait"; pid?: number };

export type Gen<T> = Generator<ShellEffect, T, void>;
