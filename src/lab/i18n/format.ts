import { en, type MessageKey } from "./en.ts";
import { fr } from "./fr.ts";
import { ru } from "./ru.ts";

/** The engine's own strings (goal wording, expected/actual), per locale. Packs carry theirs. */
export const MESSAGES: Record<string, Record<MessageKey, string>> = { en, fr, ru };

export const ENGINE_LOCALES = Object.keys(MESSAGES);

export type { MessageKey };

export type MsgParam = string | number | Msg;

/** A message not yet rendered: a key and its parameters (which may be messages themselves). */
export interface Msg {
  key: MessageKey;
  params?: Record<string, MsgParam>;
}

export const msg = (key: MessageKey, params?: Record<string, MsgParam>): Msg => ({ key, params });

/**
 * Plural forms in templates are written `{n:form|form|form}`, in the order of the locale's CLDR
 * categories below (English and French: one|other; Russian: one|few|many).
 */
const PLURAL_ORDER: Record<string, string[]> = {
  en: ["one", "other"],
  fr: ["one", "other"],
  ru: ["one", "few", "many"],
};

function pluralIndex(locale: string, n: number): number {
  const order = PLURAL_ORDER[locale] ?? PLURAL_ORDER.en;
  const cat = new Intl.PluralRules(locale).select(n);
  const i = order.indexOf(cat);
  return i >= 0 ? i : order.length - 1;
}

/** Fill `{name}` and `{name:a|b|c}` in a template. Unknown names are left visible. */
export function fill(locale: string, template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)(?::([^{}]*))?\}/g, (whole, name: string, forms?: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (forms === undefined) return v;
    const list = forms.split("|");
    return list[Math.min(pluralIndex(locale, Number(v)), list.length - 1)];
  });
}

export function render(locale: string, m: Msg): string {
  const table = MESSAGES[locale] ?? en;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params ?? {}))
    params[k] = typeof v === "object" ? render(locale, v) : String(v);
  return fill(locale, table[m.key] ?? en[m.key], params);
}

/** Render a template that is not an engine key (a pack's own goal wording). */
export function renderText(
  locale: string,
  template: string,
  params: Record<string, MsgParam>,
): string {
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(params))
    p[k] = typeof v === "object" ? render(locale, v) : String(v);
  return fill(locale, template, p);
}
