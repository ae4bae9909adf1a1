import type { Prisma } from "@/lib/db";
import { eventDateView } from "./date-fields";
import type { EventSummary } from "./types";

/** The columns an event summary needs, for lists, timelines and entity pages. */
export const eventSummarySelect = {
  id: true,
  type: true,
  title: true,
  localDate: true,
  datePrecision: true,
  timeZone: true,
  place: { select: { id: true, name: true, type: true } },
  participants: { select: { role: true, entity: { select: { id: true, name: true, type: true } } } },
} satisfies Prisma.EventSelect;

export type EventSummaryRow = Prisma.EventGetPayload<{ select: typeof eventSummarySelect }>;

export function toEventSummary(row: EventSummaryRow): EventSummary {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    date: eventDateView(row),
    place: row.place,
    participants: row.participants.map((p) => ({ entity: p.entity, role: p.role })),
  };
}
