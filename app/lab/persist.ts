/** Where the lab keeps what must survive a reload. An interface so tests can use a Map. */
export interface KeyValueStore {
  get(key: string): string | null;
  /** Returns false when the value could not be stored (quota, private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export const KEYS = {
  editor: "batch-lab:editor:job.yaml",
  /** The sandbox's editor tabs, `{ active, files }` (job.yaml is also kept under `editor`). */
  editorFiles: "batch-lab:editor-files",
  clock: "batch-lab:clock",
  replay: "batch-lab:cluster-log",
  /** The virtual time reached, saved apart from the log so the clock ticking never rewrites it. */
  replayNow: "batch-lab:cluster-now",
  /** The last log that failed to replay, kept for a bug report. */
  replayFailed: "batch-lab:cluster-log:unrestorable",
  history: "batch-lab:terminal-history",
} as const;

/** localStorage, failing soft: a lab that cannot save still works. */
export function browserStorage(): KeyValueStore {
  const ls = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined; // access can throw (e.g. storage disabled for the origin)
    }
  };
  return {
    get: (key) => {
      try {
        return ls()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        const s = ls();
        if (!s) return false;
        s.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove: (key) => {
      try {
        ls()?.removeItem(key);
      } catch {
        // nothing to do
      }
    },
  };
}

export function memoryStorage(init: Record<string, string> = {}): KeyValueStore {
  const m = new Map(Object.entries(init));
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => {
      m.set(k, v);
      return true;
    },
    remove: (k) => void m.delete(k),
  };
}
