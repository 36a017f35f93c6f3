import en from "./locales/en.ts";
import fr from "./locales/fr.ts";
import ru from "./locales/ru.ts";

/**
 * The app's own words in English, French and Russian. Each locale is a flat catalog of
 * `key → text` (`locales/*.ts`); English is the reference, and `i18n.test.ts` fails when another
 * locale lacks a key or changes its placeholders. kubectl's output is not translated: it is kubectl's.
 *
 * Texts may hold `{name}` placeholders and ICU-style plurals:
 * `{count, plural, one {# Job} other {# Jobs}}` (categories from Intl.PluralRules: Russian uses
 * one / few / many / other).
 */
export const LOCALES = ["en", "fr", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const CATALOGS: Record<Locale, Catalog> = { en, fr, ru };

/** Each locale's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  ru: "Русский",
};

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);

/** The first of the browser's languages we speak (`fr-CA` → fr), else English. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Index of the `}` closing the `{` at `open`, counting nested braces. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `one {# Job} other {# Jobs}` → { one: "# Job", other: "# Jobs" }. */
function pluralForms(body: string): Record<string, string> {
  const forms: Record<string, string> = {};
  const re = /\s*([a-z]+|=\d+)\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const open = m.index + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    forms[m[1]] = body.slice(open + 1, end);
    re.lastIndex = end + 1;
  }
  return forms;
}

/** Fill `{name}` placeholders and `{n, plural, …}` forms. Unknown names are left as written. */
export function format(locale: Locale, text: string, params: Params = {}): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) break;
    const end = closing(text, open);
    if (end < 0) break;
    out += text.slice(i, open);
    const inner = text.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(inner);
    if (plural && typeof params[plural[1]] === "number") {
      const n = params[plural[1]] as number;
      const forms = pluralForms(plural[2]);
      const form = forms[`=${n}`] ?? forms[pluralCategory(locale, n)] ?? forms.other ?? "";
      out += format(locale, form.replaceAll("#", String(n)), params);
    } else if (/^\w+$/.test(inner) && params[inner] !== undefined) {
      out += String(params[inner]);
    } else {
      out += text.slice(open, end + 1);
    }
    i = end + 1;
  }
  return out + text.slice(i);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = CATALOGS[locale][key] ?? CATALOGS.en[key] ?? key;
  return format(locale, text, params);
}
