import { load } from "js-yaml";
import { previewRuns, type PreviewResult } from "../../src/cron/index.ts";
import type { ScheduleWarning } from "../../src/cron/preview.ts";
import {
  translate,
  type Locale,
  type MessageKey,
  type Params,
  type Translate,
} from "../i18n/i18n.ts";
import { locatePath, splitYamlDocuments } from "../lab/yaml-positions.ts";

/**
 * The CronJob schedules in a manifest file, where they are, and what they mean: the editor's
 * inline hint after each `schedule:` line and the schedule preview panel both read this.
 * Pure (no Monaco): the cron leaf does the maths (src/cron, cron-semantics.md).
 */
export interface ScheduleSite {
  /** The CronJob's name (may be empty while being written). */
  name: string;
  schedule: string;
  /** `spec.timeZone` as written; undefined when absent. */
  timeZone: string | undefined;
  /** 1-based line of `schedule:`. */
  line: number;
}

function scalarAt(
  doc: ReturnType<typeof splitYamlDocuments>[number],
  path: string,
): { value: string; line: number } | undefined {
  const hit = locatePath(doc, path);
  if (!hit?.exact) return undefined;
  const text = doc.body.split("\n")[hit.span.line - doc.line] ?? "";
  const m = /:\s*(.*)$/.exec(text.slice(hit.keySpan.endColumn - 1));
  if (!m) return undefined;
  const raw = m[1].replace(/\s+#.*$/, "").trim();
  const value = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
  return { value, line: hit.span.line };
}

/** The document as YAML reads it, when it parses (flow style `{spec: {schedule: …}}` included). */
function parsed(doc: ReturnType<typeof splitYamlDocuments>[number]) {
  try {
    const v = load(doc.body);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const field = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    o,
  );

/**
 * Every CronJob's `spec.schedule` in the file. Values come from the parsed document; while a
 * document does not parse (being typed), from the text after each key, block style only.
 */
export function findSchedules(text: string): ScheduleSite[] {
  const out: ScheduleSite[] = [];
  for (const doc of splitYamlDocuments(text)) {
    const obj = parsed(doc);
    const str = (path: string) => {
      if (obj) {
        const v = field(obj, ...path.split("."));
        return typeof v === "string" ? v : undefined;
      }
      return scalarAt(doc, path)?.value;
    };
    if (str("kind") !== "CronJob") continue;
    const schedule = str("spec.schedule");
    const line = locatePath(doc, "spec.schedule")?.span.line;
    if (!schedule || line === undefined) continue;
    out.push({
      name: str("metadata.name") ?? "",
      schedule,
      timeZone: str("spec.timeZone"),
      line,
    });
  }
  return out;
}

/**
 * The preview of a site's next `count` runs after `now` (epoch ms, virtual time). The description
 * is in `locale` once its cronstrue wording is loaded (`cron-locale.ts`), in English until then.
 */
export function previewSite(
  site: ScheduleSite,
  now: number,
  count = 5,
  locale: Locale = "en",
): PreviewResult {
  return previewRuns(site.schedule, site.timeZone, now, count, locale);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Tue 6 Jan, 02:00 CET` in `zone`. */
export function formatRun(at: number, zone: string, locale = "en-GB"): string {
  const key = `${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(key, f);
  }
  return f.format(new Date(at));
}

/** The `Intl` locale run times are written in: English keeps `Tue 6 Jan, 02:00 CET`. */
export const RUN_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR", ru: "ru-RU" };

const enT: Translate = (key, params) => translate("en", key, params);

/** The inline hint after a `schedule:` line: the schedule in words and the next two runs. */
export function scheduleHint(
  site: ScheduleSite,
  now: number,
  t: Translate = enT,
  locale: Locale = "en",
): string {
  const p = previewSite(site, now, 2, locale);
  if (!p.ok) return "";
  const runs = p.runs.map((r) => formatRun(r, p.zone, RUN_LOCALE[locale])).join(" · ");
  const warn = p.warnings.length > 0 ? " ⚠" : "";
  return runs
    ? `${t("cron.hintNext", { description: p.description, runs })}${warn}`
    : `${p.description}${warn}`;
}

/**
 * The cron leaf words its warnings in English from fixed templates; this reads their values back
 * so each locale can word them (`schedules.test.ts` checks the English rendering is identical).
 * A message no pattern recognises is shown as written.
 */
const WARNING_PATTERNS: readonly {
  kind: ScheduleWarning["kind"];
  re: RegExp;
  key: (m: RegExpExecArray) => MessageKey;
  params: (m: RegExpExecArray) => Params;
}[] = [
  {
    kind: "dom-dow-or",
    re: /^Day of month \((.*)\) and day of week \((.*)\) are both restricted, /,
    key: () => "cron.warn.domDowOr",
    params: (m) => ({ dom: m[1], dow: m[2] }),
  },
  {
    kind: "never",
    re: /^This schedule never fires:/,
    key: () => "cron.warn.never",
    params: () => ({}),
  },
  {
    kind: "dst-skip",
    re: /^On (\S+) clocks in (\S+) jump from (\S+) to (\S+): (.+) does not exist that day, so (that run is|those runs are) skipped\.$/,
    key: () => "cron.warn.dstSkip",
    params: (m) => ({
      day: m[1],
      zone: m[2],
      from: m[3],
      to: m[4],
      times: m[5],
      count: m[6] === "that run is" ? 1 : 2,
    }),
  },
  {
    kind: "dst-repeat",
    re: /^On (\S+) clocks in (\S+) go back from (\S+) to (\S+): (.+) happens twice, /,
    key: () => "cron.warn.dstRepeat",
    params: (m) => ({ day: m[1], zone: m[2], from: m[3], to: m[4], times: m[5] }),
  },
  {
    kind: "dst-shift",
    re: /^On (\S+) clocks in (\S+) change from (\S+) to (\S+): runs keep their local time, so they happen ([\d.]+) hours? (earlier|later) in UTC\.$/,
    key: (m) => (m[6] === "earlier" ? "cron.warn.dstShiftEarlier" : "cron.warn.dstShiftLater"),
    params: (m) => ({ day: m[1], zone: m[2], from: m[3], to: m[4], hours: Number(m[5]) }),
  },
  {
    kind: "every-sub-minute",
    re: /^@every (\S+)s fires more than once a minute/,
    key: () => "cron.warn.everySubMinute",
    params: (m) => ({ seconds: m[1] }),
  },
  {
    kind: "every-ignores-time-zone",
    re: /^@every counts a fixed interval/,
    key: () => "cron.warn.everyIgnoresTimeZone",
    params: () => ({}),
  },
];

/** A preview warning in the learner's language (`t`), falling back to the leaf's English. */
export function warningMessage(w: ScheduleWarning, t: Translate): string {
  for (const p of WARNING_PATTERNS) {
    if (p.kind !== w.kind) continue;
    const m = p.re.exec(w.message);
    if (m) return t(p.key(m), p.params(m));
  }
  return w.message;
}
