import { load } from "js-yaml";
import packSchema from "../../public/packs/pack.schema.json";
import { DEFAULT_SEED, DEFAULT_START } from "../cluster.ts";
import { validate, type SchemaObject } from "./schema.ts";
import type {
  Exercise,
  ExerciseStrings,
  Goal,
  Injection,
  Pack,
  PackMeta,
  PackStrings,
  Solution,
  WrongSolution,
} from "./types.ts";

/**
 * Where a pack's files come from: the filesystem in Node (`src/cli/verify-pack.ts`), `fetch` in
 * the browser, an in-memory map in tests. Paths are relative to the pack's folder, `/`-separated.
 * `undefined` means "no such file".
 */
export interface PackSource {
  read(path: string): Promise<string | undefined>;
}

/** A source over a map of path → text (tests, bundled packs). */
export function mapSource(files: Record<string, string>): PackSource {
  return { read: (p) => Promise.resolve(files[p]) };
}

/** A source that fetches files under a base URL (the browser: `/packs/batch-course/`). */
export function fetchSource(
  baseUrl: string,
  fetchFn: (url: string) => Promise<{ ok: boolean; text(): Promise<string> }>,
): PackSource {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  return {
    async read(p) {
      const r = await fetchFn(base + p);
      return r.ok ? r.text() : undefined;
    },
  };
}

export interface PackProblem {
  /** The pack file the problem is in. */
  file: string;
  /** Where in the file (`goals/2/type`), when known. */
  path?: string;
  message: string;
}

export interface LoadResult {
  /** Present when the pack could be read far enough to be used (it may still have problems). */
  pack?: Pack;
  problems: PackProblem[];
}

const schema = packSchema as unknown as SchemaObject;

/** Files a pack may not exceed, so a broken or hostile pack cannot exhaust the page (habit 7). */
export const PACK_LIMITS = { fileChars: 200_000, exercises: 500 };

function defSchema(name: string): SchemaObject {
  return { $ref: `#/$defs/${name}`, $defs: schema.$defs };
}

/**
 * Load and check a pack: every YAML file against its part of the schema, every locale complete
 * (same keys, same number of hints), every referenced file present, goal ids unique and every
 * wrong solution naming an existing goal. Nothing is executed.
 */
export async function loadPack(source: PackSource): Promise<LoadResult> {
  const problems: PackProblem[] = [];
  const readText = async (file: string): Promise<string | undefined> => {
    let text: string | undefined;
    try {
      text = await source.read(file);
    } catch (e) {
      problems.push({ file, message: `cannot be read: ${String(e)}` });
      return undefined;
    }
    if (text === undefined) problems.push({ file, message: "is missing" });
    else if (text.length > PACK_LIMITS.fileChars) {
      problems.push({ file, message: `is larger than ${PACK_LIMITS.fileChars} characters` });
      return undefined;
    }
    return text;
  };
  const readYaml = async <T>(file: string, def: string): Promise<T | undefined> => {
    const text = await readText(file);
    if (text === undefined) return undefined;
    let data: unknown;
    try {
      data = load(text);
    } catch (e) {
      problems.push({ file, message: `is not valid YAML: ${(e as Error).message.split("\n")[0]}` });
      return undefined;
    }
    const errs = validate(defSchema(def), data, schema);
    for (const e of errs) problems.push({ file, path: e.path || undefined, message: e.message });
    return errs.length ? undefined : (data as T);
  };

  const meta = await readYaml<PackMeta>("pack.yaml", "pack");
  if (!meta) return { problems };
  const strings: Record<string, PackStrings> = {};
  for (const loc of meta.locales) {
    const s = await readYaml<PackStrings>(`locales/${loc}.yaml`, "packLocale");
    if (!s) continue;
    strings[loc] = s;
    for (const ch of meta.chapters)
      if (!s.chapters[ch.id])
        problems.push({
          file: `locales/${loc}.yaml`,
          message: `has no title for chapter ${ch.id}`,
        });
    for (const id of Object.keys(s.chapters))
      if (!meta.chapters.some((c) => c.id === id))
        problems.push({ file: `locales/${loc}.yaml`, message: `names unknown chapter ${id}` });
  }

  const exercises: Exercise[] = [];
  const ids = new Set<string>();
  for (const chapter of meta.chapters) {
    for (const dir of chapter.exercises) {
      if (exercises.length >= PACK_LIMITS.exercises) break;
      const ex = await loadExercise(dir, chapter.id, meta.locales, readYaml, readText, problems);
      if (!ex) continue;
      if (ids.has(ex.id))
        problems.push({ file: `${dir}/exercise.yaml`, message: `duplicate exercise id ${ex.id}` });
      ids.add(ex.id);
      exercises.push(ex);
    }
  }
  return { pack: { meta, strings, exercises }, problems };
}

interface RawSolution {
  script?: string;
  steps?: string[];
  files?: Record<string, string>;
  fails?: string;
}

interface RawExercise {
  id: string;
  status?: "ready" | "draft";
  draftReason?: string;
  start?: {
    at?: string;
    seed?: number;
    preloadedImages?: string[];
    objects?: string[];
    advance?: string;
    files?: Record<string, string>;
  };
  commands?: { allowed?: string[]; blocked?: string[] };
  injections?: Injection[];
  goals: Goal[];
  solution: RawSolution;
  wrong: RawSolution[];
}

async function loadExercise(
  dir: string,
  chapter: string,
  locales: string[],
  readYaml: <T>(file: string, def: string) => Promise<T | undefined>,
  readText: (file: string) => Promise<string | undefined>,
  problems: PackProblem[],
): Promise<Exercise | undefined> {
  const file = `${dir}/exercise.yaml`;
  const raw = await readYaml<RawExercise>(file, "exercise");
  if (!raw) return undefined;
  const goalIds = new Set<string>();
  for (const g of raw.goals) {
    if (goalIds.has(g.id)) problems.push({ file, message: `duplicate goal id ${g.id}` });
    goalIds.add(g.id);
  }
  const files = async (m: Record<string, string> | undefined) => {
    const out: Record<string, string> = {};
    for (const [name, p] of Object.entries(m ?? {}))
      out[name] = (await readText(`${dir}/${p}`)) ?? "";
    return out;
  };
  const solution = async (s: RawSolution, what: string): Promise<Solution> => {
    if ((s.script === undefined) === (s.steps === undefined))
      problems.push({ file, path: what, message: "needs exactly one of script or steps" });
    const script =
      s.steps !== undefined
        ? s.steps.join("\n") + "\n"
        : s.script !== undefined
          ? ((await readText(`${dir}/${s.script}`)) ?? "")
          : "";
    return { script, files: await files(s.files) };
  };
  const wrong: WrongSolution[] = [];
  for (const [i, w] of raw.wrong.entries()) {
    if (!goalIds.has(w.fails ?? ""))
      problems.push({
        file,
        path: `wrong/${i}/fails`,
        message: `names no goal of this exercise: ${w.fails}`,
      });
    wrong.push({ ...(await solution(w, `wrong/${i}`)), fails: w.fails ?? "" });
  }
  const objects: { path: string; text: string }[] = [];
  for (const p of raw.start?.objects ?? [])
    objects.push({ path: p, text: (await readText(`${dir}/${p}`)) ?? "" });

  const strings: Record<string, ExerciseStrings> = {};
  for (const loc of locales) {
    const lf = `${dir}/locales/${loc}.yaml`;
    const s = await readYaml<ExerciseStrings>(lf, "exerciseLocale");
    if (!s) continue;
    strings[loc] = s;
    for (const id of Object.keys(s.goals ?? {}))
      if (!goalIds.has(id)) problems.push({ file: lf, message: `has text for unknown goal ${id}` });
  }
  const ref = strings[locales[0]];
  if (ref) {
    for (const loc of locales.slice(1)) {
      const s = strings[loc];
      if (!s) continue;
      const lf = `${dir}/locales/${loc}.yaml`;
      if (s.hints.length !== ref.hints.length)
        problems.push({
          file: lf,
          message: `has ${s.hints.length} hints, ${locales[0]} has ${ref.hints.length}`,
        });
      for (const id of Object.keys(ref.goals ?? {}))
        if (!s.goals?.[id]) problems.push({ file: lf, message: `misses the text of goal ${id}` });
    }
  }
  if (raw.status === "draft" && !raw.draftReason)
    problems.push({ file, message: "a draft needs a draftReason" });
  return {
    id: raw.id,
    dir,
    chapter,
    status: raw.status ?? "ready",
    draftReason: raw.draftReason,
    start: {
      at: raw.start?.at ?? DEFAULT_START,
      seed: raw.start?.seed ?? DEFAULT_SEED,
      preloadedImages: raw.start?.preloadedImages ?? [],
      objects,
      advance: raw.start?.advance,
      files: await files(raw.start?.files),
    },
    commands: raw.commands ?? {},
    injections: raw.injections ?? [],
    goals: raw.goals,
    solution: await solution(raw.solution, "solution"),
    wrong,
    strings,
  };
}
