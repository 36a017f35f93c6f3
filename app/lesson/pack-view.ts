import type { Exercise, ExerciseStrings, Pack, PackStrings } from "../../src/lab/index.ts";

/** A chapter as the map shows it: its words in the learner's language and its exercises, in order. */
export interface ChapterView {
  id: string;
  title: string;
  intro?: string;
  exercises: Exercise[];
}

export function packStrings(pack: Pack, locale: string): PackStrings {
  return pack.strings[locale] ?? pack.strings[pack.meta.locales[0]];
}

export function exerciseStrings(pack: Pack, ex: Exercise, locale: string): ExerciseStrings {
  return ex.strings[locale] ?? ex.strings[pack.meta.locales[0]];
}

export function chapters(pack: Pack, locale: string): ChapterView[] {
  const words = packStrings(pack, locale);
  const byDir = new Map(pack.exercises.map((e) => [e.dir, e]));
  return pack.meta.chapters.map((c) => ({
    id: c.id,
    title: words.chapters[c.id]?.title ?? c.id,
    intro: words.chapters[c.id]?.intro,
    exercises: c.exercises.map((d) => byDir.get(d)).filter((e): e is Exercise => e !== undefined),
  }));
}

/** Where an exercise sits: its chapter and its 1-based position in it. */
export function position(
  pack: Pack,
  id: string,
  locale: string,
): { chapter: ChapterView; index: number } | undefined {
  for (const chapter of chapters(pack, locale)) {
    const i = chapter.exercises.findIndex((e) => e.id === id);
    if (i >= 0) return { chapter, index: i + 1 };
  }
  return undefined;
}
