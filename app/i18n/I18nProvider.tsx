import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useStore } from "zustand";
import { translate, type Locale, type Translate } from "./i18n.ts";
import type { LocaleStore } from "./locale-store.ts";

const I18nContext = createContext<LocaleStore | null>(null);

export function I18nProvider({ store, children }: { store: LocaleStore; children: ReactNode }) {
  return <I18nContext.Provider value={store}>{children}</I18nContext.Provider>;
}

function useLocaleStore(): LocaleStore {
  const store = useContext(I18nContext);
  if (!store) throw new Error("useT must be used inside <I18nProvider>");
  return store;
}

/** The current language and a way to change it. */
export function useLocale(): [Locale, (locale: Locale) => void] {
  const store = useLocaleStore();
  const locale = useStore(store, (s) => s.locale);
  return [locale, store.setLocale];
}

/** `t("key", params)` in the current language; components re-render when it changes. */
export function useT(): Translate {
  const [locale] = useLocale();
  return useMemo<Translate>(() => (key, params) => translate(locale, key, params), [locale]);
}
