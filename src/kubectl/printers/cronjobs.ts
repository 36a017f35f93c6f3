import type { CronJob } from "../../api/types.ts";
import { age } from "./human-duration.ts";
import { containerCells } from "./jobs.ts";
import { formatLabelSelector } from "./labels.ts";
import type { Column, Table } from "./table.ts";

/** `kubectl get cronjobs` rows: printers.go printCronJob (release-1.34), spec §7.1. */

export const CRONJOB_COLUMNS: Column[] = [
  { name: "Name" },
  { name: "Schedule" },
  { name: "Timezone" },
  { name: "Suspend" },
  { name: "Active" },
  { name: "Last Schedule" },
  { name: "Age" },
  { name: "Containers", wide: true },
  { name: "Images", wide: true },
  { name: "Selector", wide: true },
];

/** kubectl `printBoolPtr`: `True` / `False`, `<unset>` for a nil pointer. */
export function boolPtr(v: boolean | undefined): string {
  return v === undefined ? "<unset>" : v ? "True" : "False";
}

export function cronJobTable(cronJobs: readonly CronJob[], now: number): Table {
  return {
    columns: CRONJOB_COLUMNS,
    rows: cronJobs.map((cj) => {
      const last = cj.status?.lastScheduleTime;
      return {
        object: cj,
        cells: [
          cj.metadata.name ?? "",
          cj.spec.schedule,
          cj.spec.timeZone ?? "<none>",
          boolPtr(cj.spec.suspend),
          String(cj.status?.active?.length ?? 0),
          last ? age(last, now) : "<none>",
          age(cj.metadata.creationTimestamp, now),
          ...containerCells(cj.spec.jobTemplate.spec.template.spec.containers),
          formatLabelSelector(cj.spec.jobTemplate.spec.selector),
        ],
      };
    }),
  };
}
