import type { KubeEvent } from "../../src/api/types.ts";
import { useEvents } from "../state/hooks.ts";
import { formatTimeOfDay } from "./clock-format.ts";

/** How many recent events the open list shows. */
const SHOWN = 12;

function EventLine({ ev }: { ev: KubeEvent }) {
  const obj = ev.involvedObject;
  return (
    <>
      <time className="events__time">{formatTimeOfDay(Date.parse(ev.lastTimestamp))}</time>
      <span className={`events__type events__type--${ev.type}`}>{ev.type}</span>
      <span className="events__reason">{ev.reason}</span>
      <span className="events__object">
        {(obj.kind ?? "").toLowerCase()}/{obj.name}
      </span>
      <span className="events__message">
        {ev.message}
        {ev.count > 1 ? ` (×${ev.count})` : ""}
      </span>
    </>
  );
}

/** The newest event at a glance; open it for the last few (`kubectl get events` has them all). */
export function EventsStrip() {
  const events = useEvents();
  if (events.length === 0) return null;
  const recent = events.slice(-SHOWN).reverse();
  return (
    <details className="events" data-testid="events">
      <summary className="events__summary">
        <span className="panel-title">Events</span>
        <span className="events__row events__row--latest">
          <EventLine ev={recent[0]} />
        </span>
      </summary>
      <ol className="events__list" aria-label="Recent events, newest first">
        {recent.map((ev) => (
          <li key={ev.metadata.name} className="events__row">
            <EventLine ev={ev} />
          </li>
        ))}
      </ol>
    </details>
  );
}
