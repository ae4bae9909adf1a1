"use client";

import { useDateSetting } from "@/components/ui/local-date";
import { type EventDate, formatEventDate } from "@/lib/events/event-dates";

/** An event's SVG title (its link's name) with the date in the reader's locale once in the browser. */
export function LocalEventTitle({ text, date }: { text: string; date: EventDate }) {
  // Undefined means the browser's own locale, which Intl resolves.
  const locale = useDateSetting().locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  return <title>{`${text}, ${formatEventDate(date, { locale })}`}</title>;
}
