import { PublicDate } from "@/components/briefings/public-date";
import { LocalDate } from "@/components/ui/local-date";
import { type DateLike, eventDateParts, eventDateSegments } from "@/lib/events/event-dates";

/**
 * An event's date as precise as it is known ("May 2025", "19 May 2025, 10:00 EDT (14:00 UTC)"),
 * its day or month written in the reader's locale and never shifted by the reader's time zone.
 * `variant` picks how: the workspace's LocalDate, or the public pages' script (PublicDate).
 * `zone` shows a time converted to that zone instead of the event's own.
 */
export function EventDate({ date, zone, variant = "workspace" }: { date: DateLike; zone?: string; variant?: "workspace" | "public" }) {
  let parts: ReturnType<typeof eventDateParts>;
  try {
    parts = eventDateParts(date, { zone });
  } catch {
    // A stored date the formatter refuses (e.g. a time zone this runtime does not know) is shown as stored.
    return <>{date.localDate}</>;
  }
  const Day = variant === "public" ? PublicDate : LocalDate;
  return (
    <>
      {eventDateSegments(parts).map((segment) =>
        typeof segment === "string" ? segment : <Day key={segment.value} value={segment.value} style={segment.style} />,
      )}
    </>
  );
}
