import { load } from "js-yaml";
import type { PackSource } from "../../src/lab/index.ts";

type Fetch = (url: string) => Promise<{
  ok: boolean;
  text(): Promise<string>;
  headers?: { get(name: string): string | null };
}>;

/**
 * A pack file's text, or undefined when there is none. Dev and preview servers answer a path
 * they do not have with the app's index.html (200, text/html): that is a missing file too, not a
 * pack file whose YAML is a web page.
 */
async function fileText(r: Awaited<ReturnType<Fetch>>): Promise<string | undefined> {
  if (!r.ok) return undefined;
  if (r.headers?.get("content-type")?.includes("text/html")) return undefined;
  return r.text();
}

/** Files fetched ahead at most, so a pack naming thousands of files cannot flood the network. */
const MAX_PREFETCH = 2000;
/**
 * Requests in flight at once: browsers open ~6 connections per host, and the page's own chunks
 * (the editor, the terminal) must not queue behind the course's files.
 */
const MAX_IN_FLIGHT = 3;
const FILE_REF = /^(?!.*\.\.)[\w][\w./-]*\.(ya?ml|lab|md|txt|sh|json)$/;

/** Every string in a parsed YAML value that looks like a file of the pack. */
function fileRefs(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") {
    if (FILE_REF.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) fileRefs(v, out);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) fileRefs(v, out);
  }
  return out;
}

/**
 * `fetchSource` with read-ahead. The pack loader reads one file after another (each read decides
 * the next), which is ~250 round trips for the course. This source reads what is coming in
 * parallel: on `pack.yaml`, every exercise's `exercise.yaml` and locale files; on an
 * `exercise.yaml`, every file it names. Reads return the same text (and the same errors) as
 * `fetchSource`; nothing read ahead is interpreted beyond finding file names.
 */
export function prefetchingSource(baseUrl: string, fetchFn: Fetch): PackSource {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  const cache = new Map<string, Promise<string | undefined>>();
  // Waiting fetches; what the loader asks for jumps the queue of what is read ahead.
  const queue: (() => void)[] = [];
  const waiting = new Map<string, () => void>();
  let inFlight = 0;
  const next = () => {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) queue.shift()!();
  };
  const get = (path: string, urgent: boolean): Promise<string | undefined> => {
    let p = cache.get(path);
    const queued = waiting.get(path);
    if (p && urgent && queued) {
      // Read ahead but still waiting: the loader needs it now.
      queue.splice(queue.indexOf(queued), 1);
      queue.unshift(queued);
    }
    if (!p) {
      p = new Promise<string | undefined>((resolve, reject) => {
        const run = () => {
          waiting.delete(path);
          inFlight++;
          fetchFn(base + path)
            .then(fileText)
            .then(resolve, reject)
            .finally(() => {
              inFlight--;
              next();
            });
        };
        waiting.set(path, run);
        if (urgent) queue.unshift(run);
        else queue.push(run);
        next();
      });
      p.catch(() => undefined); // read ahead and never asked for: not an unhandled rejection
      cache.set(path, p);
    }
    return p;
  };
  const ahead = (path: string) => {
    if (cache.size < MAX_PREFETCH) void get(path, false).catch(() => undefined);
  };
  const speculate = (path: string, text: string) => {
    let data: unknown;
    try {
      data = load(text);
    } catch {
      return; // the loader reports it
    }
    if (!data || typeof data !== "object") return;
    if (path === "pack.yaml") {
      const meta = data as { locales?: unknown; chapters?: { exercises?: unknown }[] };
      const locales = Array.isArray(meta.locales)
        ? meta.locales.filter((l) => typeof l === "string")
        : [];
      for (const l of locales) ahead(`locales/${l}.yaml`);
      for (const ch of Array.isArray(meta.chapters) ? meta.chapters : []) {
        for (const dir of Array.isArray(ch?.exercises) ? ch.exercises : []) {
          if (typeof dir !== "string" || dir.includes("..")) continue;
          ahead(`${dir}/exercise.yaml`);
          for (const l of locales) ahead(`${dir}/locales/${l}.yaml`);
        }
      }
    } else if (path.endsWith("/exercise.yaml")) {
      const dir = path.slice(0, -"/exercise.yaml".length);
      for (const ref of fileRefs(data)) ahead(`${dir}/${ref}`);
    }
  };
  return {
    async read(path) {
      const text = await get(path, true);
      if (text !== undefined && (path === "pack.yaml" || path.endsWith("/exercise.yaml")))
        speculate(path, text);
      return text;
    },
  };
}
