import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { eventDateFromRow, eventDateToRow } from "./date-fields";
import { compareDates, type EventDate } from "./event-dates";
import { canEditEvents } from "./permissions";
import { countEventUsage, loadEventView } from "./queries";
import { type CreateEventData, EVENT_TYPE_LABELS, type EventRelationInput, type EventTypeName, type ParticipantInput, type UpdateEventData } from "./schemas";
import type { EventView } from "./types";

function assertEditor(actor: Actor | null): asserts actor is Actor {
  if (!canEditEvents(actor)) throw new ForbiddenError("Only editors and admins change events.");
}

async function viewOf(tx: Tx, id: string): Promise<EventView> {
  const view = await loadEventView(tx, id);
  if (!view) throw new NotFoundError("The event");
  return view;
}

/** Participants, place and related events must exist (422 naming the first that does not). */
async function checkReferences(
  tx: Tx,
  eventId: string | null,
  refs: { placeId?: string | null; participants?: ParticipantInput[]; relations?: EventRelationInput[] },
): Promise<void> {
  const entityIds = [...new Set([...(refs.participants ?? []).map((p) => p.entityId), ...(refs.placeId ? [refs.placeId] : [])])];
  const entities = entityIds.length
    ? await tx.entity.findMany({
        where: { id: { in: entityIds } },
        select: { id: true, name: true, type: true, deletedAt: true, mergedInto: { select: { name: true } } },
      })
    : [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const usable = (id: string, path: string) => {
    const e = byId.get(id);
    if (!e || e.deletedAt) throw new ValidationError(`${path}: There is no entity "${id}".`);
    if (e.mergedInto) throw new ValidationError(`${path}: "${e.name}" was merged into "${e.mergedInto.name}"; use that one.`);
    return e;
  };
  (refs.participants ?? []).forEach((p, i) => {
    usable(p.entityId, `participants.${i}.entityId`);
  });
  const seen = new Set<string>();
  for (const p of refs.participants ?? []) {
    const key = `${p.entityId}|${p.role.toLowerCase()}`;
    if (seen.has(key)) throw new ValidationError(`participants: "${byId.get(p.entityId)!.name}" is listed twice as ${p.role}.`);
    seen.add(key);
  }
  if (refs.placeId) {
    const place = usable(refs.placeId, "placeId");
    if (place.type !== "PLACE" && place.type !== "FACILITY") throw new ValidationError(`placeId: "${place.name}" is not a place or facility.`);
  }
  const relatedIds = [...new Set((refs.relations ?? []).map((r) => r.eventId))];
  if (eventId && relatedIds.includes(eventId)) throw new ValidationError("relations: An event cannot be related to itself.");
  const related = relatedIds.length ? await tx.event.findMany({ where: { id: { in: relatedIds }, deletedAt: null }, select: { id: true } }) : [];
  const missing = relatedIds.find((id) => !related.some((r) => r.id === id));
  if (missing) throw new ValidationError(`relations: There is no event "${missing}".`);
}

/**
 * One occurrence reported by several outlets is one event: an event of the same type, with
 * the same participants and a date that can be the same, is probably the one being created.
 */
async function refuseProbableDuplicate(tx: Tx, data: { type: EventTypeName; date: EventDate | null; participants: ParticipantInput[] }): Promise<void> {
  if (!data.date || data.participants.length === 0) return;
  const wanted = [...new Set(data.participants.map((p) => p.entityId))].sort().join("|");
  const candidates = await tx.event.findMany({
    where: {
      type: data.type,
      deletedAt: null,
      localDate: { not: null },
      participants: { some: { entityId: { in: data.participants.map((p) => p.entityId) } } },
    },
    select: { id: true, title: true, localDate: true, datePrecision: true, timeZone: true, participants: { select: { entityId: true } } },
  });
  const same = candidates.find((c) => {
    const participants = [...new Set(c.participants.map((p) => p.entityId))].sort().join("|");
    const date = eventDateFromRow(c);
    return participants === wanted && date !== null && compareDates(date, data.date!) !== "conflict";
  });
  if (same) {
    throw new ConflictError(
      `"${same.title}" is a ${EVENT_TYPE_LABELS[data.type].toLowerCase()} with the same participants on that date. Link the passage to it, or confirm that this is a different event.`,
      { existing: { id: same.id, title: same.title } },
    );
  }
}

async function writeParticipants(tx: Tx, eventId: string, participants: ParticipantInput[]): Promise<void> {
  await tx.eventParticipant.deleteMany({ where: { eventId } });
  if (participants.length) await tx.eventParticipant.createMany({ data: participants.map((p) => ({ eventId, entityId: p.entityId, role: p.role })) });
}

async function writeRelations(tx: Tx, eventId: string, relations: EventRelationInput[]): Promise<void> {
  await tx.eventRelation.deleteMany({ where: { fromId: eventId } });
  if (relations.length) {
    await tx.eventRelation.createMany({ data: relations.map((r) => ({ fromId: eventId, toId: r.eventId, type: r.type })), skipDuplicates: true });
  }
}

/**
 * Creates an event. Impossible dates, unknown zones and participants, places or related
 * events that do not exist are refused (422) before anything is written.
 */
export async function createEvent(actor: Actor, data: CreateEventData): Promise<EventView> {
  assertEditor(actor);
  return db.$transaction((tx) => insertEvent(tx, actor, data));
}

/** Creates an event inside the caller's transaction (accepting a proposal links passages to it in the same one). */
export async function insertEvent(tx: Tx, actor: Actor, data: CreateEventData): Promise<EventView> {
  await checkReferences(tx, null, data);
  if (!data.confirmDuplicate) await refuseProbableDuplicate(tx, data);
  const event = await tx.event.create({
    data: { type: data.type, title: data.title, description: data.description, placeId: data.placeId, ...eventDateToRow(data.date) },
  });
  await writeParticipants(tx, event.id, data.participants);
  await writeRelations(tx, event.id, data.relations);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "event.create",
    targetType: "Event",
    targetId: event.id,
    detail: { type: data.type, title: data.title, date: data.date, participants: data.participants.length, confirmedDuplicate: data.confirmDuplicate },
  });
  return viewOf(tx, event.id);
}

/** Edits an event from the version the editor started with (409 with the current state when stale). */
export async function updateEvent(actor: Actor, id: string, data: UpdateEventData): Promise<EventView> {
  assertEditor(actor);
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id } });
    if (!event || event.deletedAt) throw new NotFoundError("The event");
    if (event.version !== data.version) {
      throw new StaleVersionError("Someone changed this event since you opened it. Review the current state before saving again.", {
        current: await viewOf(tx, id),
      });
    }
    await checkReferences(tx, id, data);
    const { count } = await tx.event.updateMany({
      where: { id, version: data.version },
      data: {
        ...(data.type !== undefined ? { type: data.type } : {}),
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.placeId !== undefined ? { placeId: data.placeId } : {}),
        ...(data.date !== undefined ? eventDateToRow(data.date) : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StaleVersionError("Someone changed this event since you opened it.", { current: await viewOf(tx, id) });
    if (data.participants !== undefined) await writeParticipants(tx, id, data.participants);
    if (data.relations !== undefined) await writeRelations(tx, id, data.relations);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "event.update",
      targetType: "Event",
      targetId: id,
      detail: { changed: Object.keys(data).filter((k) => k !== "version") },
    });
    return viewOf(tx, id);
  });
}

/** Soft delete, only when no passage, claim or contradiction refers to the event (409 otherwise). */
export async function deleteEvent(actor: Actor, id: string): Promise<void> {
  assertEditor(actor);
  await db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id } });
    if (!event || event.deletedAt) throw new NotFoundError("The event");
    const usage = await countEventUsage(tx, id);
    if (usage.total > 0) {
      throw new ConflictError(
        `"${event.title}" is still in use (${usage.links} linked passages, ${usage.claims} claims, ${usage.contradictions} contradictions); unlink it first.`,
        { usage },
      );
    }
    await tx.event.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "event.delete", targetType: "Event", targetId: id, detail: { title: event.title } });
  });
}
