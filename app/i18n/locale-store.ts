import { createStore, type StoreApi } from "zustand/vanilla";
import type { KeyValueStore } from "../lab/persist.ts";
import { detectLocale, isLocale, translate, type Locale, type Translate } from "./i18n.ts";

export const LOCALE_KEY = "batch-lab:locale";

export interface LocaleState {
  locale: Locale;
}

export interface LocaleStore extends StoreApi<LocaleState> {
  /** Switch the language (saved; the page's `lang` follows). */
  setLocale: (locale: Locale) => void;
  /** Translate in the language chosen at the moment of the call (for non-React callers). */
  t: Translate;
}

/** The chosen language: saved, else the browser's first language we speak, else English. */
export function createLocaleStore(
  storage: KeyValueStore,
  languages: readonly string[],
  setDocumentLang: (locale: Locale) => void = () => {},
): LocaleStore {
  const saved = storage.get(LOCALE_KEY);
  const locale = isLocale(saved) ? saved : detectLocale(languages);
  const store = createStore<LocaleState>()(() => ({ locale }));
  setDocumentLang(locale);
  return Object.assign(store, {
    setLocale: (next: Locale) => {
      if (!isLocale(next)) return;
      storage.set(LOCALE_KEY, next);
      setDocumentLang(next);
      store.setState({ locale: next });
    },
    t: ((key, params) => translate(store.getState().locale, key, params)) satisfies Translate,
  });
}

/** The browser's languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}
