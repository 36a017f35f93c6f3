import type { KubeEvent } from "../../api/types.ts";
import type { DescribeWriter } from "./describe-writer.ts";
import { age, instant } from "./human-duration.ts";
import type { Column, Table } from "./table.ts";

/**
 * Events as `kubectl get events` (printers.go printEvent) and as the `Events:` section of
 * `kubectl describe` (describe.go DescribeEvents) show them, spec §7.1/§7.3.
 *
 * Order: `kubectl get events` does not sort — rows come in the API server's list order
 * (namespace, then name; event names are `<object>.<hex time>`), a long-standing complaint
 * (kubernetes/kubernetes#29838) that `kubectl events` (KEP-1440) answers. So `eventTable`
 * keeps the order it is given (the store lists in key order). `kubectl describe` sorts by
 * lastTimestamp (SortableEvents).
 */

export const EVENT_COLUMNS: Column[] = [
  { name: "Last Seen" },
  { name: "Type" },
  { name: "Reason" },
  { name: "Object" },
  { name: "Subobject", wide: true },
  { name: "Source", wide: true },
  { name: "Message" },
  { name: "First Seen", wide: true },
  { name: "Count", wide: true },
  { name: "Name", wide: true },
];

/** `formatEventSource`: component (or reportingController), `, host` (or reportingInstance) when set. */
export function eventSource(ev: KubeEvent): string {
  const component = ev.source?.component || ev.reportingComponent || "";
  const host = ev.source?.host || ev.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

export function eventTable(events: readonly KubeEvent[], now: number): Table {
  return {
    columns: EVENT_COLUMNS,
    rows: events.map((ev) => {
      const first = age(ev.firstTimestamp, now);
      const last = ev.lastTimestamp ? age(ev.lastTimestamp, now) : first;
      const io = ev.involvedObject;
      const target = io.name
        ? `${(io.kind ?? "").toLowerCase()}/${io.name}`
        : (io.kind ?? "").toLowerCase();
      return {
        object: ev,
        cells: [
          last,
          ev.type,
          ev.reason,
          target,
          io.fieldPath ?? "",
          eventSource(ev),
          ev.message.trim(),
          first,
          String(ev.count || 1),
          ev.metadata.name ?? "",
        ],
      };
    }),
  };
}

/**
 * Sorted as describe sorts them: by lastTimestamp. Go's sort.Sort is an insertion sort (stable)
 * up to 12 items; beyond that we stay stable where Go's pdqsort may reorder equal timestamps.
 */
export function sortEventsByLastSeen(events: readonly KubeEvent[]): KubeEvent[] {
  const key = (e: KubeEvent): number => instant(e.lastTimestamp) ?? -Infinity;
  return [...events].sort((a, b) => key(a) - key(b));
}

/** The `Events:` section (`Events:  <none>` when there are none). */
export function describeEvents(w: DescribeWriter, events: readonly KubeEvent[], now: number): void {
  if (events.length === 0) {
    // No flush here: the line joins the column block above it, as in kubectl.
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of sortEventsByLastSeen(events)) {
    const first = age(e.firstTimestamp, now);
    const interval =
      e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const from = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${from}\t${e.message.trim()}\n`);
  }
}
