/**
 * kubectl's printers as pure functions of objects and `now` (epoch ms): tables for `get`,
 * `-o name`, custom columns, and `describe` texts. See each module for the kubectl source it follows.
 */
import type {
  ConfigMap,
  CronJob,
  Job,
  KubeObject,
  Node,
  Pod,
  Secret,
  KubeEvent,
} from "../../api/types.ts";
import { cronJobTable } from "./cronjobs.ts";
import { eventTable } from "./events.ts";
import { jobTable } from "./jobs.ts";
import { configMapTable, defaultTable, nodeTable, secretTable } from "./misc.ts";
import { podTable } from "./pods.ts";
import { pvcTable, serviceTable } from "./services.ts";
import type { Table } from "./table.ts";

export { humanDuration, shortHumanDuration, age, rfc1123z } from "./human-duration.ts";
export { printTable, type Table, type TableRow, type Column, type PrintOptions } from "./table.ts";
export { tabwrite, TABLE_TABWRITER, DESCRIBE_TABWRITER } from "./tabwriter.ts";
export { podTable, podSummary } from "./pods.ts";
export { jobTable, jobStatus, jobCompletions, jobDuration } from "./jobs.ts";
export { cronJobTable } from "./cronjobs.ts";
export { eventTable, describeEvents, sortEventsByLastSeen } from "./events.ts";
export { nodeTable, secretTable, configMapTable, defaultTable } from "./misc.ts";
export { describePod, describeJob, describeCronJob, describeNode } from "./describe.ts";
export { resourceName, printNames } from "./name.ts";
export { printCustomColumns } from "./custom-columns.ts";
export { serviceTable, pvcTable } from "./services.ts";
export { formatLabels, formatLabelSelector, selectorString } from "./labels.ts";

/** The server-side table for a list of one kind (what `kubectl get <kind>` prints). */
export function tableFor(kind: string, objs: readonly KubeObject[], now: number): Table {
  switch (kind) {
    case "Pod":
      return podTable(objs as Pod[], now);
    case "Job":
      return jobTable(objs as Job[], now);
    case "CronJob":
      return cronJobTable(objs as CronJob[], now);
    case "Event":
      return eventTable(objs as KubeEvent[], now);
    case "Node":
      return nodeTable(objs as Node[], now);
    case "Secret":
      return secretTable(objs as Secret[], now);
    case "ConfigMap":
      return configMapTable(objs as ConfigMap[], now);
    case "Service":
      return serviceTable(objs, now);
    case "PersistentVolumeClaim":
      return pvcTable(objs, now);
    default:
      return defaultTable(objs, now);
  }
}
