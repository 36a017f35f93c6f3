// Human-readable schedules via cronstrue (cron-semantics.md §9). cronstrue only ever sees an
// expression rebuilt from our parsed sets, so it never reads syntax Kubernetes rejects (`7`,
// `L`, `#`, 6 fields) or reads differently (`*/61`, `MON/2`, `*-5`, empty items); the
// day-of-month/day-of-week OR rule and `@every` are worded here.
import cronstrue from "cronstrue";
import type { CronSchedule, Schedule } from "./parse.ts";
import { hasEmptyField, parseSchedule } from "./parse.ts";

export type DescribeResult = { ok: true; text: string } | { ok: false; error: string };

const BOUNDS = {
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  dayOfWeek: [0, 6],
} as const;

/** The shortest cron text for a value set: a star, a star with a step, `a-b/s`, or ranges and values. */
export function compactField(
  values: readonly number[],
  min: number,
  max: number,
  useSteps = true,
): string {
  if (values.length === max - min + 1) return "*";
  const first = values[0] ?? min;
  const last = values[values.length - 1] ?? min;
  const step = (values[1] ?? first) - first;
  const progression =
    values.length >= 3 && step > 1 && values.every((v, i) => v === first + i * step);
  if (useSteps && progression) {
    if (first === min && last + step > max) return `*/${step}`;
    return `${first}-${last}/${step}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === (values[j] ?? 0) + 1) j++;
    const a = values[i] ?? 0;
    const b = values[j] ?? 0;
    if (j - i >= 2) parts.push(`${a}-${b}`);
    else for (let k = i; k <= j; k++) parts.push(String(values[k]));
    i = j + 1;
  }
  return parts.join(",");
}

/** Day fields: `*` only when starred — a full but unstarred set (`1-31`, `0-6`) stays explicit. */
function dayField(
  values: readonly number[],
  star: boolean,
  min: number,
  max: number,
  useSteps: boolean,
): string {
  if (star) return "*";
  const text = compactField(values, min, max, useSteps);
  return text === "*" ? `${min}-${max}` : text;
}

/** Five fields cronstrue reads the way Kubernetes evaluates them (dow as lists: never a step). */
export function canonicalExpression(s: CronSchedule): [string, string, string, string, string] {
  return [
    compactField(s.minute, ...BOUNDS.minute),
    compactField(s.hour, ...BOUNDS.hour),
    dayField(s.dayOfMonth, s.dayOfMonthStar, ...BOUNDS.dayOfMonth, true),
    compactField(s.month, ...BOUNDS.month),
    dayField(s.dayOfWeek, s.dayOfWeekStar, ...BOUNDS.dayOfWeek, false),
  ];
}

const cronText = (fields: readonly string[], locale: string): string =>
  cronstrue.toString(fields.join(" "), { use24HourTimeFormat: true, locale });

/** cronstrue joins the two day fields with "and"; Kubernetes runs when either matches. */
function describeOr(f: readonly string[], locale: string): string {
  const [mi = "*", h = "*", dom = "*", mo = "*"] = f;
  const full = cronText(f, locale);
  const time = cronText([mi, h, "*", "*", "*"], locale);
  const withMonth = cronText([mi, h, "*", mo, "*"], locale);
  const withDom = cronText([mi, h, dom, mo, "*"], locale);
  const monthText = withMonth.slice(time.length);
  const domText = withDom.slice(time.length, withDom.length - monthText.length);
  const dowText = full.slice(time.length + domText.length, full.length - monthText.length);
  const consistent =
    withMonth.startsWith(time) &&
    withDom.endsWith(monthText) &&
    full === time + domText + dowText + monthText;
  if (!consistent || !dowText.startsWith(", ")) return full;
  const or = OR_WORDING[locale];
  if (!or) return full;
  const dowOr = dowText.replace(or.joined, or.replacement);
  return (
    time + domText + (dowOr === dowText ? `, ${or.word} ${dowText.slice(2)}` : dowOr) + monthText
  );
}

/** How to turn cronstrue's "and" between the day fields into "or", per locale. */
const OR_WORDING: Readonly<Record<string, { joined: RegExp; replacement: string; word: string }>> =
  {
    en: { joined: /^, (and |only )?on /, replacement: ", or on ", word: "or" },
    fr: { joined: /^, (et |uniquement )/, replacement: ", ou ", word: "ou" },
    ru: { joined: /^, (и |только )/, replacement: ", или ", word: "или" },
  };

/**
 * Only English is bundled (cronstrue/i18n weighs 200 kB); other locales fall back to it until
 * the app has loaded cronstrue's own locale module (`cronstrue/locales/fr`) and registered it here.
 */
const BUNDLED_LOCALES = new Set<string>(["en"]);

/** Describe in `locale` from now on (its cronstrue locale module must be loaded). */
export function addDescribeLocale(locale: string): void {
  BUNDLED_LOCALES.add(locale);
}

/** Unit words per locale: [one, few, many] (English and French use one/many only). */
const UNITS: Readonly<
  Record<string, Record<"day" | "hour" | "minute" | "second", [string, string, string]>>
> = {
  en: {
    day: ["day", "days", "days"],
    hour: ["hour", "hours", "hours"],
    minute: ["minute", "minutes", "minutes"],
    second: ["second", "seconds", "seconds"],
  },
  fr: {
    day: ["jour", "jours", "jours"],
    hour: ["heure", "heures", "heures"],
    minute: ["minute", "minutes", "minutes"],
    second: ["seconde", "secondes", "secondes"],
  },
  ru: {
    day: ["день", "дня", "дней"],
    hour: ["час", "часа", "часов"],
    minute: ["минуту", "минуты", "минут"],
    second: ["секунду", "секунды", "секунд"],
  },
};

const EVERY: Readonly<Record<string, { every: string; never: string }>> = {
  en: { every: "Every", never: "Never (a field has no values)" },
  fr: { every: "Toutes les", never: "Jamais (un champ n'a aucune valeur)" },
  ru: { every: "Каждые", never: "Никогда (в одном из полей нет значений)" },
};

function plural(n: number, unit: "day" | "hour" | "minute" | "second", locale: string): string {
  const [one, few, many] = (UNITS[locale] ?? UNITS.en)[unit];
  if (locale === "ru") {
    const m10 = n % 10;
    const m100 = n % 100;
    const word =
      m10 === 1 && m100 !== 11
        ? one
        : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)
          ? few
          : many;
    return `${n} ${word}`;
  }
  if (locale === "fr") return `${n} ${n <= 1 ? one : many}`;
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 hour, 30 minutes" for a whole number of seconds (in `locale`: en, fr or ru). */
export function humanSeconds(total: number, locale = "en"): string {
  const parts: string[] = [];
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d) parts.push(plural(d, "day", locale));
  if (h) parts.push(plural(h, "hour", locale));
  if (m) parts.push(plural(m, "minute", locale));
  if (s) parts.push(plural(s, "second", locale));
  return parts.join(", ");
}

/** The description of an already-parsed schedule. */
export function describeParsed(s: Schedule, locale = "en"): string {
  const words = EVERY[locale] ?? EVERY.en;
  if (s.kind === "every")
    return `${words.every} ${humanSeconds(s.delaySeconds, EVERY[locale] ? locale : "en")}`;
  if (hasEmptyField(s)) return words.never;
  const fields = canonicalExpression(s);
  const lang = BUNDLED_LOCALES.has(locale) ? locale : "en";
  return s.dayOfMonthStar || s.dayOfWeekStar ? cronText(fields, lang) : describeOr(fields, lang);
}

/** Human text of a schedule, or robfig's error when Kubernetes would reject it. */
export function describeSchedule(spec: string, locale = "en"): DescribeResult {
  const parsed = parseSchedule(spec);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, text: describeParsed(parsed.schedule, locale) };
}
