import { previewRuns, type PreviewResult } from "../../src/cron/index.ts";
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

/** Every CronJob's `spec.schedule` in the file (documents that do not parse are skipped). */
export function findSchedules(text: string): ScheduleSite[] {
  const out: ScheduleSite[] = [];
  for (const doc of splitYamlDocuments(text)) {
    if (scalarAt(doc, "kind")?.value !== "CronJob") continue;
    const schedule = scalarAt(doc, "spec.schedule");
    if (!schedule || schedule.value === "") continue;
    out.push({
      name: scalarAt(doc, "metadata.name")?.value ?? "",
      schedule: schedule.value,
      timeZone: scalarAt(doc, "spec.timeZone")?.value,
      line: schedule.line,
    });
  }
  return out;
}

/** The preview of a site's next `count` runs after `now` (epoch ms, virtual time). */
export function previewSite(site: ScheduleSite, now: number, count = 5): PreviewResult {
  return previewRuns(site.schedule, site.timeZone, now, count);
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

/** The inline hint after a `schedule:` line: the schedule in words and the next two runs. */
export function scheduleHint(site: ScheduleSite, now: number): string {
  const p = previewSite(site, now, 2);
  if (!p.ok) return "";
  const runs = p.runs.map((r) => formatRun(r, p.zone)).join(" · ");
  const warn = p.warnings.length > 0 ? " ⚠" : "";
  return runs ? `${p.description} — next ${runs}${warn}` : `${p.description}${warn}`;
}
