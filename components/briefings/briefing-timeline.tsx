import { EventDate } from "@/components/events/event-date";
import { Timeline } from "@/components/events/timeline";
import type { TimelineData } from "@/lib/briefings/render";

/** Width of the drawing in SVG units: narrower than the workspace's, so labels stay legible in a reading column. */
const PICTURE_WIDTH = 600;

/**
 * A briefing's timeline: the events timeline picture (SVG, from the events workspace) and,
 * under it, the same events as a list with date, kind and place, which reads on any screen
 * and in print, and alone on a phone, where the picture's text would be too small to read.
 * The picture's events link to their list entries; no workspace ids are shown.
 */
export function BriefingTimeline({ timeline, index: timelineIndex }: { timeline: TimelineData; index: number }) {
  const anchor = (index: number) => `timeline-${timelineIndex + 1}-${index + 1}`;
  const events = timeline.entries.map((entry, index) => ({ id: anchor(index), title: entry.title, type: entry.type, date: entry.date }));
  return (
    <section className="briefing-timeline" aria-label="Timeline">
      <Timeline
        id={`timeline-${timelineIndex + 1}`}
        events={events}
        title="Timeline of events"
        hrefFor={(id) => `#${id}`}
        width={PICTURE_WIDTH}
        emptyText="None of these events has a known date."
      />
      <ol className="briefing-timeline-list">
        {timeline.entries.map((entry, index) => (
          <li key={anchor(index)} id={anchor(index)}>
            <span className="timeline-date">{entry.date ? <EventDate date={entry.date} variant="public" /> : "Date unknown"}</span>{" "}
            <span className="timeline-title">{entry.title}</span>{" "}
            <span className="timeline-meta">
              ({entry.typeLabel.toLowerCase()}
              {entry.place ? `, ${entry.place}` : ""})
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
