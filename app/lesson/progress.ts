/**
 * The learner's progress through a pack: which exercises are done, how many hints were shown,
 * whether the solution was. Saved in localStorage, exported to and imported from a JSON file.
 * An imported file is data from outside: every field is checked, and a bad file is refused
 * whole with a reason, never half-applied.
 */

export interface ExerciseProgress {
  /** When every goal was first met (wall clock, ISO 8601). */
  done?: string;
  /** Hints shown so far. */
  hints?: number;
  /** The reference solution was replayed. */
  solution?: boolean;
}

export interface Progress {
  pack: string;
  /** The exercise the learner is on; undefined: the sandbox. */
  current?: string;
  exercises: Record<string, ExerciseProgress>;
}

/** What an exported file says it is. */
export const PROGRESS_KIND = "batch-lab-progress";
export const PROGRESS_VERSION = 1;
/** A progress file larger than this is not a progress file. */
export const MAX_PROGRESS_CHARS = 1_000_000;

export const progressKey = (pack: string) => `batch-lab:progress:${pack}`;

export const emptyProgress = (pack: string): Progress => ({ pack, exercises: {} });

/** Why a file was refused (the UI words it in the learner's language). */
export type ProgressError =
  | { code: "tooLarge" }
  | { code: "notJson" }
  | { code: "notProgress" }
  | { code: "version"; version: string }
  | { code: "otherPack"; pack: string }
  | { code: "badEntry"; exercise: string };

export type ParsedProgress = { ok: true; progress: Progress } | { ok: false; error: ProgressError };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function parseEntry(v: unknown): ExerciseProgress | undefined {
  if (!isRecord(v)) return undefined;
  const { done, hints, solution } = v;
  const e: ExerciseProgress = {};
  if (done !== undefined) {
    if (typeof done !== "string" || !ISO.test(done)) return undefined;
    e.done = done;
  }
  if (hints !== undefined) {
    if (typeof hints !== "number" || !Number.isInteger(hints) || hints < 0 || hints > 100)
      return undefined;
    e.hints = hints;
  }
  if (solution !== undefined) {
    if (typeof solution !== "boolean") return undefined;
    e.solution = solution;
  }
  return e;
}

/**
 * A progress file (exported) or saved value, checked against the pack: `known` lists the pack's
 * exercise ids; entries for others (an exercise removed since) are dropped silently.
 */
export function parseProgress(
  text: string,
  pack: string,
  known: readonly string[],
): ParsedProgress {
  if (text.length > MAX_PROGRESS_CHARS) return { ok: false, error: { code: "tooLarge" } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: "notJson" } };
  }
  if (!isRecord(raw) || raw.kind !== PROGRESS_KIND || !isRecord(raw.exercises))
    return { ok: false, error: { code: "notProgress" } };
  if (raw.version !== PROGRESS_VERSION)
    return { ok: false, error: { code: "version", version: String(raw.version) } };
  if (raw.pack !== pack) return { ok: false, error: { code: "otherPack", pack: String(raw.pack) } };
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, v] of Object.entries(raw.exercises)) {
    const entry = parseEntry(v);
    if (!entry) return { ok: false, error: { code: "badEntry", exercise: id } };
    if (known.includes(id)) exercises[id] = entry;
  }
  const current =
    typeof raw.current === "string" && known.includes(raw.current) ? raw.current : undefined;
  return { ok: true, progress: { pack, current, exercises } };
}

export function serializeProgress(p: Progress, exportedAt?: string): string {
  return JSON.stringify(
    {
      kind: PROGRESS_KIND,
      version: PROGRESS_VERSION,
      pack: p.pack,
      ...(exportedAt ? { exportedAt } : {}),
      ...(p.current ? { current: p.current } : {}),
      exercises: p.exercises,
    },
    null,
    2,
  );
}

/** Exercises done, of those listed. */
export const doneCount = (p: Progress, ids: readonly string[]): number =>
  ids.filter((id) => p.exercises[id]?.done).length;
