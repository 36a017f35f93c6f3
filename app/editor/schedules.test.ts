import { describe, expect, it } from "vitest";
import { previewRuns } from "../../src/cron/index.ts";
import { translate, type Translate } from "../i18n/i18n.ts";
import { findSchedules, scheduleHint, warningMessage } from "./schedules.ts";
import { TEMPLATES } from "../files/templates.ts";

const cron = TEMPLATES.find((t) => t.id === "cronjob")!.text;
const now = Date.parse("2026-01-05T00:00:00Z"); // a Monday

describe("schedules in the editor", () => {
  it("finds each CronJob's schedule and zone, and only CronJobs'", () => {
    const job = TEMPLATES.find((t) => t.id === "job")!.text;
    const text = job + "---\n" + cron + "---\n" + cron.replace(/ {2}timeZone.*\n/, "");
    expect(findSchedules(text)).toEqual([
      { name: "nightly-backup", schedule: "0 2 * * *", timeZone: "Europe/Paris", line: 22 },
      { name: "nightly-backup", schedule: "0 2 * * *", timeZone: undefined, line: 44 },
    ]);
  });

  it("words the schedule and shows the next runs in the CronJob's zone", () => {
    const [site] = findSchedules(cron);
    expect(scheduleHint(site, now)).toBe(
      "At 02:00 — next Mon 5 Jan, 02:00 CET · Tue 6 Jan, 02:00 CET",
    );
    expect(scheduleHint({ ...site, timeZone: undefined }, now)).toBe(
      "At 02:00 — next Mon 5 Jan, 02:00 UTC · Tue 6 Jan, 02:00 UTC",
    );
  });

  it("flags the day-of-month/day-of-week OR trap, and says nothing for a bad schedule", () => {
    const [site] = findSchedules(cron.replace("0 2 * * *", "0 2 13 * 5"));
    expect(scheduleHint(site, now)).toMatch(/⚠$/);
    expect(scheduleHint({ ...site, schedule: "61 * * * *" }, now)).toBe("");
  });
});

describe("schedule warnings in each language", () => {
  const en: Translate = (key, params) => translate("en", key, params);
  const cases: [string, string | undefined, string, number][] = [
    ["30 2 * * *", "Europe/Paris", "2026-03-27T12:00:00Z", 3], // dst-skip
    ["30 2 25 * SUN", "Europe/Paris", "2026-10-24T12:00:00Z", 2], // dom-dow-or, dst-repeat
    ["0 9 * * *", "Europe/Paris", "2026-03-28T00:00:00Z", 2], // dst-shift
    ["0 0 30 2 *", undefined, "2026-01-05T00:00:00Z", 3], // never
    ["@every 30s", "Europe/Paris", "2026-01-05T00:00:00Z", 2], // every-*
    ["30 2,3 * * *", "Europe/Paris", "2026-03-27T12:00:00Z", 3],
  ];
  const warnings = cases.flatMap(([spec, zone, from, n]) => {
    const p = previewRuns(spec, zone, Date.parse(from), n);
    return p.ok ? p.warnings : [];
  });

  it("reads every kind back and renders the cron leaf's English byte for byte", () => {
    expect(new Set(warnings.map((w) => w.kind))).toEqual(
      new Set([
        "dst-skip",
        "dom-dow-or",
        "dst-repeat",
        "dst-shift",
        "never",
        "every-sub-minute",
        "every-ignores-time-zone",
      ]),
    );
    // The catalogue's English, not the fallback: a French rendering differs from the message.
    const fr: Translate = (key, params) => translate("fr", key, params);
    for (const w of warnings) {
      expect(warningMessage(w, en)).toBe(w.message);
      expect(warningMessage(w, fr)).not.toBe(w.message);
    }
  });

  it("words the hint in the learner's language", () => {
    const [site] = findSchedules(cron);
    const fr: Translate = (key, params) => translate("fr", key, params);
    expect(scheduleHint(site, now, fr, "fr")).toMatch(/ — prochains lun\. 5 janv\./);
  });

  it("reads a flow-style CronJob's schedule as YAML does, not the rest of its line", () => {
    const text = [
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata: {name: tick}",
      'spec: {schedule: "*/5 * * * *", timeZone: Europe/Paris, jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: busybox}]}}}}}',
    ].join("\n");
    expect(findSchedules(text)).toEqual([
      { name: "tick", schedule: "*/5 * * * *", timeZone: "Europe/Paris", line: 4 },
    ]);
  });
});
