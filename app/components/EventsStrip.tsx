import { useState } from "react";
import type { KubeEvent } from "../../src/api/types.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { useEvents } from "../state/hooks.ts";
import { formatTimeOfDay } from "./clock-format.ts";

/** How many recent events the open list shows. */
const SHOWN = 60;

type TypeFilter = "all" | "Warning" | "Normal";

const matches = (ev: KubeEvent, text: string, type: TypeFilter) => {
  if (type !== "all" && ev.type !== type) return false;
  if (!text) return true;
  const hay = `${ev.reason} ${ev.involvedObject.kind ?? ""}/${ev.involvedObject.name ?? ""} ${ev.message}`;
  return hay.toLowerCase().includes(text.toLowerCase());
};

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
  const t = useT();
  const [text, setText] = useState("");
  const [type, setType] = useState<TypeFilter>("all");
  if (events.length === 0) return null;
  const newest = events[events.length - 1];
  const warning = [...events].reverse().find((e) => e.type === "Warning");
  const recent = events
    .filter((e) => matches(e, text, type))
    .slice(-SHOWN)
    .reverse();
  return (
    <>
      {/* Screen readers hear new Warnings as they happen (Normal events would be too chatty). */}
      <div className="visually-hidden" role="log" aria-live="polite" data-testid="events-live">
        {warning &&
          `${warning.reason} ${(warning.involvedObject.kind ?? "").toLowerCase()}/${warning.involvedObject.name}: ${warning.message}`}
      </div>
      <details className="events" data-testid="events">
        <summary className="events__summary">
          <span className="panel-title">{t("events.title")}</span>
          <span className="events__row events__row--latest">
            <EventLine ev={newest} />
          </span>
        </summary>
        <div className="events__filters" role="search">
          <label>
            <span className="visually-hidden">{t("events.filterLabel")}</span>
            <input
              type="search"
              placeholder={t("events.filterPlaceholder")}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="events-filter"
            />
          </label>
          <label>
            <span className="visually-hidden">{t("events.typeLabel")}</span>
            <select value={type} onChange={(e) => setType(e.target.value as TypeFilter)}>
              <option value="all">{t("events.allTypes")}</option>
              <option value="Warning">Warning</option>
              <option value="Normal">Normal</option>
            </select>
          </label>
          <span className="events__count">
            {t("events.shown", { count: recent.length })} <code>kubectl get events -w</code>
          </span>
        </div>
        <ol className="events__list" aria-label={t("events.recent")}>
          {recent.map((ev) => (
            <li key={ev.metadata.name} className="events__row">
              <EventLine ev={ev} />
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
