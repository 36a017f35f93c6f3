import { useEffect, useState } from "react";
import { addDescribeLocale } from "../../src/cron/index.ts";
import type { Locale } from "../i18n/i18n.ts";

/**
 * cronstrue's French and Russian wordings, loaded on demand: each is a separate chunk (≈10 kB)
 * that registers itself with cronstrue, so the app shell carries English only.
 */
const LOADERS: Partial<Record<Locale, () => Promise<unknown>>> = {
  // @ts-expect-error -- cronstrue ships no types for its locale modules
  fr: () => import("cronstrue/locales/fr"),
  // @ts-expect-error -- cronstrue ships no types for its locale modules
  ru: () => import("cronstrue/locales/ru"),
};

const loaded = new Set<Locale>(["en"]);
const loading = new Map<Locale, Promise<boolean>>();

/** Load `locale`'s schedule descriptions; true once schedules are described in it. */
export function loadCronLocale(locale: Locale): Promise<boolean> {
  if (loaded.has(locale)) return Promise.resolve(true);
  const load = LOADERS[locale];
  if (!load) return Promise.resolve(false);
  let pending = loading.get(locale);
  if (!pending) {
    pending = load().then(
      () => {
        addDescribeLocale(locale);
        loaded.add(locale);
        return true;
      },
      () => {
        loading.delete(locale);
        return false;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** The locale schedule descriptions are in now: English until `locale`'s wording has loaded. */
export function useCronLocale(locale: Locale): Locale {
  const [ready, setReady] = useState<Locale>(() => (loaded.has(locale) ? locale : "en"));
  useEffect(() => {
    let live = true;
    void loadCronLocale(locale).then((ok) => {
      if (live) setReady(ok ? locale : "en");
    });
    return () => {
      live = false;
    };
  }, [locale]);
  return ready === locale || loaded.has(locale) ? locale : "en";
}
