import { LOCALE_NAMES, LOCALES } from "../i18n/i18n.ts";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";

/** EN · FR · RU in the header: switches the whole UI and the course, at any time. */
export function LanguageSwitch() {
  const [locale, setLocale] = useLocale();
  const t = useT();
  return (
    <div className="lang-switch" role="group" aria-label={t("app.language")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-switch__btn"
          aria-pressed={locale === l}
          title={LOCALE_NAMES[l]}
          onClick={() => setLocale(l)}
          data-testid={`lang-${l}`}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
