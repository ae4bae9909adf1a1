import { LocalDateText } from "@/components/ui/local-date";
import { DATE_STYLE_ATTRIBUTE, DATE_VALUE_ATTRIBUTE } from "@/lib/dates/localize-script";
import { EVENT_TYPE_LABELS } from "@/lib/events/vocabulary";
import { LocalEventTitle } from "./timeline-dates";
import { layoutTimeline, type TimelineEvent, type TimelineOptions } from "./timeline-layout";

export type { TimelineEvent, TimelineOptions } from "./timeline-layout";

/** Marker colours by event type; distinguishable for common colour-vision deficiencies. */
const TYPE_COLOURS: Record<string, string> = {
  PHONE_CALL: "#0b5c8a",
  MEETING: "#1f6f3f",
  TALKS: "#6a3d9a",
  STATEMENT: "#8a5a00",
  AGREEMENT: "#00786f",
  PROPOSAL: "#b5473a",
  MILITARY_ACTION: "#a4161a",
  OTHER: "#5c5c57",
};

type TimelineProps = TimelineOptions & {
  events: TimelineEvent[];
  /** Accessible name of the chart. */
  title?: string;
  /** Where an event opens; the event page by default. */
  hrefFor?: (id: string) => string;
  /** Shown when no event has a date. */
  emptyText?: string;
  /** Prefix of the element ids inside, unique on the page. */
  id?: string;
  /**
   * How dates reach the reader's locale: in the workspace by hydration, on a static public page
   * by its script (lib/dates/localize-script.ts), which rewrites the axis but not link names.
   */
  dates?: "workspace" | "public";
};

/**
 * A visual timeline of events (SVG): a time axis with ticks, a dot per dated event (a bar
 * for a month or year), labels in lanes so they never overlap, and every event a focusable
 * link named by its title and date (its SVG title). A legend names the marker colours.
 * Presentational and hook-free with `dates="public"`, so it also renders into static documents:
 * the caller passes the events. Axis ticks keep the places and widths laid out on the server;
 * only their text changes to the reader's locale. Undated events are listed under the chart.
 */
export function Timeline({
  events,
  title = "Timeline of events",
  hrefFor = (id) => `/events/${id}`,
  emptyText = "No dated events to show.",
  id = "timeline",
  dates = "workspace",
  ...options
}: TimelineProps) {
  const titleId = `${id}-title`;
  const layout = layoutTimeline(events, options);
  const types = [...new Set(layout.placed.map((p) => p.event.type))];
  return (
    <figure className="timeline">
      {layout.placed.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <svg
          role="group"
          aria-labelledby={titleId}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
          className="timeline-chart"
        >
          <title id={titleId}>{title}</title>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG drawing elements are not focusable; the axis, ticks and marks are decoration, and each event is a named link in the chart. */}
          <line x1={0} x2={layout.width} y1={layout.axisY} y2={layout.axisY} stroke="#1d1d1b" strokeWidth={1} aria-hidden="true" />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG drawing elements are not focusable; the axis, ticks and marks are decoration, and each event is a named link in the chart. */}
          <g aria-hidden="true">
            {layout.ticks.map((tick) => (
              <g key={tick.x}>
                <line x1={tick.x} x2={tick.x} y1={layout.axisY - 5} y2={layout.height} stroke="#d9d6cc" strokeWidth={1} />
                <text
                  x={tick.anchor === "start" ? tick.x + 3 : tick.x - 3}
                  y={layout.axisY - 10}
                  fontSize={11}
                  fill="#5c5c57"
                  textAnchor={tick.anchor}
                  textLength={tick.labelWidth}
                  lengthAdjust="spacingAndGlyphs"
                  {...(dates === "public" && tick.style ? { [DATE_STYLE_ATTRIBUTE]: tick.style, [DATE_VALUE_ATTRIBUTE]: tick.date } : {})}
                >
                  {dates === "public" || tick.style === null ? tick.label : <LocalDateText value={tick.date} style={tick.style} />}
                </text>
              </g>
            ))}
          </g>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG drawing elements are not focusable; the axis, ticks and marks are decoration, and each event is a named link in the chart. */}
          <g aria-hidden="true">
            {layout.placed.map((p) => (
              <line
                key={p.event.id}
                x1={p.x}
                x2={p.x}
                y1={layout.axisY}
                y2={layout.laneY(p.lane)}
                stroke={TYPE_COLOURS[p.event.type] ?? TYPE_COLOURS.OTHER}
                strokeOpacity={0.35}
                strokeDasharray="2 3"
              />
            ))}
          </g>
          {layout.placed.map((p) => {
            const y = layout.laneY(p.lane);
            const colour = TYPE_COLOURS[p.event.type] ?? TYPE_COLOURS.OTHER;
            return (
              <a key={p.event.id} href={hrefFor(p.event.id)} className="timeline-event">
                {/* The link's name: the whole title, which the drawn label may shorten, and the date. */}
                {dates === "public" ? <title>{`${p.event.title}, ${p.dateLabel}`}</title> : <LocalEventTitle text={p.event.title} date={p.event.date} />}
                {/* The whole row of mark and label is clickable, not only the painted strokes. */}
                <rect x={p.hitFrom} y={y - 11} width={p.hitTo - p.hitFrom} height={22} fill="transparent" />
                {p.barEnd !== null ? (
                  <rect x={p.x} y={y - 5} width={p.barEnd - p.x} height={10} rx={5} fill={colour} fillOpacity={0.55} />
                ) : (
                  <circle cx={p.x} cy={y} r={6} fill={colour} />
                )}
                {/* Drawn at the width the layout reserved for it, whatever the reader's font. */}
                <text x={p.labelX} y={y + 4} fontSize={13} textAnchor={p.labelAnchor} fill="#1d1d1b" textLength={p.labelWidth} lengthAdjust="spacingAndGlyphs">
                  {p.label}
                </text>
              </a>
            );
          })}
        </svg>
      )}
      {types.length > 0 ? (
        <ul className="timeline-legend" aria-label="Event types">
          {types.map((type) => (
            <li key={type}>
              <span className="timeline-swatch" style={{ background: TYPE_COLOURS[type] ?? TYPE_COLOURS.OTHER }} aria-hidden="true" />
              {EVENT_TYPE_LABELS[type as keyof typeof EVENT_TYPE_LABELS] ?? EVENT_TYPE_LABELS.OTHER}
            </li>
          ))}
        </ul>
      ) : null}
      {layout.undated.length > 0 ? (
        <figcaption className="timeline-undated">
          <span className="muted">Undated: </span>
          {layout.undated.map((e, i) => (
            <span key={e.id}>
              {i > 0 ? ", " : null}
              <a href={hrefFor(e.id)}>{e.title}</a>
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
