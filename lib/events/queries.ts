import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { listAnnotationLinks, listLinkedPassages } from "@/lib/entities/links";
import type { LinkView } from "@/lib/entities/types";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isoDay } from "@/lib/iso-day";
import { eventDateFromRow, eventDateView } from "./date-fields";
import type { EventDate } from "./event-dates";
import { describePassageDates, type PassageDates } from "./passage-dates";
import { canReadEvents } from "./permissions";
import { EVENT_RELATION_INVERSE_LABELS, EVENT_RELATION_LABELS, type EventListFilter, eventListSchema } from "./schemas";
import { eventSummarySelect, toEventSummary } from "./summary";
import type { EventPage, EventSummary, EventView } from "./types";

export function assertEventReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadEvents(actor)) throw new ForbiddenError("Sign in to read events.");
}

const relatedEventSelect = { select: { id: true, title: true, localDate: true, datePrecision: true, timeZone: true, deletedAt: true } } as const;

const eventInclude = {
  place: { select: { id: true, name: true, type: true } },
  participants: { select: { role: true, entity: { select: { id: true, name: true, type: true } } }, orderBy: { role: "asc" } },
  relationsFrom: { include: { to: relatedEventSelect } },
  relationsTo: { include: { from: relatedEventSelect } },
} satisfies Prisma.EventInclude;

type EventRow = Prisma.EventGetPayload<{ include: typeof eventInclude }>;

function toEventView(row: EventRow): EventView {
  const related = (e: { id: string; title: string; localDate: string | null; datePrecision: EventRow["datePrecision"]; timeZone: string | null }) => ({
    id: e.id,
    title: e.title,
    date: eventDateView(e),
  });
  return {
    ...toEventSummary(row),
    description: row.description,
    relations: [
      ...row.relationsFrom
        .filter((r) => !r.to.deletedAt)
        .map((r) => ({ type: r.type, direction: "from" as const, label: EVENT_RELATION_LABELS[r.type], event: related(r.to) })),
      ...row.relationsTo
        .filter((r) => !r.from.deletedAt)
        .map((r) => ({ type: r.type, direction: "to" as const, label: EVENT_RELATION_INVERSE_LABELS[r.type], event: related(r.from) })),
    ],
    version: row.version,
    deleted: row.deletedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadEventView(client: Tx | typeof db, id: string): Promise<EventView | null> {
  const row = await client.event.findUnique({ where: { id }, include: eventInclude });
  return row ? toEventView(row) : null;
}

export async function getEvent(actor: Actor, id: string): Promise<EventView> {
  assertEventReader(actor);
  const view = await loadEventView(db, id);
  if (!view || view.deleted) throw new NotFoundError("The event");
  return view;
}

/** What still refers to an event; it can be deleted only when nothing does. Sequential: `client` may be a transaction. */
export async function countEventUsage(client: Tx | typeof db, id: string) {
  const links = await client.link.count({ where: { eventId: id, annotation: { deletedAt: null } } });
  const claims = await client.claim.count({ where: { eventId: id } });
  const contradictions = await client.contradiction.count({ where: { eventId: id } });
  return { links, claims, contradictions, total: links + claims + contradictions };
}

export async function getEventPage(actor: Actor, id: string): Promise<EventPage> {
  const event = await getEvent(actor, id);
  const [passages, usage] = await Promise.all([listLinkedPassages(actor, { eventId: id }), countEventUsage(db, id)]);
  return { event, passages, canDelete: usage.total === 0 };
}

/**
 * Events in date order (undated ones last), filtered by title words, by an entity taking part
 * or being the place, and by a date range (YYYY-MM-DD, inclusive) on the event's instant.
 */
export async function listEvents(actor: Actor, filter: EventListFilter = eventListSchema.parse({})): Promise<EventSummary[]> {
  assertEventReader(actor);
  const { q, entityId, from, to, limit } = filter;
  const where: Prisma.EventWhereInput = { deletedAt: null };
  const and: Prisma.EventWhereInput[] = [];
  if (q) and.push({ title: { contains: q, mode: "insensitive" } });
  if (entityId) and.push({ OR: [{ placeId: entityId }, { participants: { some: { entityId } } }] });
  if (from || to) {
    and.push({
      occurredAt: {
        ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
        ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) } : {}),
      },
    });
  }
  if (and.length) where.AND = and;
  const rows = await db.event.findMany({
    where,
    select: eventSummarySelect,
    orderBy: [{ occurredAt: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    take: limit,
  });
  return rows.map(toEventSummary);
}

export type PassageLinkContext = {
  annotationId: string;
  articleId: string;
  exact: string;
  links: LinkView[];
  /** Dates in the passage resolved against the article's publication date, compared with `event` when given. */
  dates: PassageDates;
  event: { id: string; title: string; date: EventDate | null } | null;
};

/**
 * What the link panel of an annotation shows: its links, and the dates in the passage with
 * their resolution, checked against an event's date when the editor is about to link one.
 */
export async function getPassageLinkContext(actor: Actor, annotationId: string, eventId?: string): Promise<PassageLinkContext> {
  assertEventReader(actor);
  const annotation = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { id: true, exact: true, deletedAt: true, article: { select: { id: true, publishedAt: true } } },
  });
  if (!annotation || annotation.deletedAt) throw new NotFoundError("The annotation");
  const event = eventId
    ? await db.event.findUnique({
        where: { id: eventId },
        select: { id: true, title: true, localDate: true, datePrecision: true, timeZone: true, deletedAt: true },
      })
    : null;
  if (eventId && (!event || event.deletedAt)) throw new NotFoundError("The event");
  const eventDate = event ? eventDateFromRow(event) : null;
  const publishedAt = isoDay(annotation.article.publishedAt);
  const dates = describePassageDates(annotation.exact, publishedAt, eventDate);
  return {
    annotationId: annotation.id,
    articleId: annotation.article.id,
    exact: annotation.exact,
    links: await listAnnotationLinks(actor, annotation.id),
    dates,
    event: event ? { id: event.id, title: event.title, date: eventDate } : null,
  };
}

/** The events an entity takes part in (with its role) and those that happened at it, in time order. */
export async function listEntityEvents(actor: Actor, entityId: string) {
  assertEventReader(actor);
  const [participations, placeOf] = await Promise.all([
    db.eventParticipant.findMany({
      where: { entityId, event: { deletedAt: null } },
      select: { role: true, event: { select: eventSummarySelect } },
      orderBy: { event: { occurredAt: "asc" } },
    }),
    db.event.findMany({ where: { placeId: entityId, deletedAt: null }, select: eventSummarySelect, orderBy: { occurredAt: "asc" } }),
  ]);
  return {
    participations: participations.map((p): EventSummary & { role: string } => ({ ...toEventSummary(p.event), role: p.role })),
    placeOf: placeOf.map(toEventSummary),
  };
}
