import "server-only";
import type { db, Prisma, Tx } from "@/lib/db";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { eventDateFromRow, type StoredEventDate } from "@/lib/events/date-fields";
import { formatEventDate } from "@/lib/events/event-dates";
import { EVENT_TYPE_LABELS } from "@/lib/events/vocabulary";
import type { BriefingReferences } from "./document";
import { passageInContext } from "./passage";
import type { ContradictionInfo, EntityInfo, EventInfo, RenderSources, SourcePassage } from "./render";

export type Client = Tx | typeof db;

const annotationSelect = {
  id: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  status: true,
  anchorStatus: true,
  deletedAt: true,
  articleId: true,
  links: { select: { entityId: true, eventId: true } },
  claim: { select: { entityId: true, eventId: true } },
  article: { select: { title: true, outlet: true, url: true, publishedAt: true } },
} satisfies Prisma.AnnotationSelect;

export type SourceAnnotation = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

const entitySelect = { id: true, name: true, type: true, description: true, deletedAt: true, mergedIntoId: true } satisfies Prisma.EntitySelect;
export type SourceEntity = Prisma.EntityGetPayload<{ select: typeof entitySelect }>;

const eventSelect = {
  id: true,
  title: true,
  type: true,
  description: true,
  occurredAt: true,
  localDate: true,
  datePrecision: true,
  timeZone: true,
  deletedAt: true,
  place: { select: { name: true } },
} satisfies Prisma.EventSelect;
export type SourceEvent = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

const contradictionSelect = {
  id: true,
  status: true,
  summary: true,
  resolution: true,
  rationale: true,
  resolvedAt: true,
  members: { select: { annotationId: true } },
  acceptedClaim: { select: { annotationId: true } },
} satisfies Prisma.ContradictionSelect;
export type SourceContradiction = Prisma.ContradictionGetPayload<{ select: typeof contradictionSelect }>;

/** Everything a briefing points at, as found (deleted rows included, so vetting can name them). */
export type LoadedSources = {
  /** What the briefing points at, as loaded. */
  refs: BriefingReferences;
  /** Passages the briefing cites: its citations, the accounts of its disagreements and their accepted passages. */
  citedAnnotationIds: string[];
  annotations: Map<string, SourceAnnotation>;
  entities: Map<string, SourceEntity>;
  /** Each referenced entity id → the entity it now is (itself, or the one it was merged into). */
  entityTargets: Map<string, SourceEntity>;
  events: Map<string, SourceEvent>;
  contradictions: Map<string, SourceContradiction>;
};

/** Longest chain of merges followed from a referenced entity to the one it now is. */
const MAX_MERGE_HOPS = 10;

export async function loadSources(client: Client, refs: BriefingReferences): Promise<LoadedSources> {
  // One query after another: inside a transaction they share one connection.
  const contradictionRows =
    refs.contradictionIds.length > 0 ? await client.contradiction.findMany({ where: { id: { in: refs.contradictionIds } }, select: contradictionSelect }) : [];
  const eventRows = refs.eventIds.length > 0 ? await client.event.findMany({ where: { id: { in: refs.eventIds } }, select: eventSelect }) : [];
  const entityRows = refs.entityIds.length > 0 ? await client.entity.findMany({ where: { id: { in: refs.entityIds } }, select: entitySelect }) : [];
  const contradictions = new Map(contradictionRows.map((row) => [row.id, row]));
  const cited = new Set(refs.annotationIds);
  for (const id of refs.contradictionIds) {
    const row = contradictions.get(id);
    if (!row) continue;
    row.members.forEach((member) => {
      cited.add(member.annotationId);
    });
    if (row.acceptedClaim) cited.add(row.acceptedClaim.annotationId);
  }
  const citedAnnotationIds = [...cited];
  const annotationRows =
    citedAnnotationIds.length > 0 ? await client.annotation.findMany({ where: { id: { in: citedAnnotationIds } }, select: annotationSelect }) : [];

  const entities = new Map(entityRows.map((row) => [row.id, row]));
  const entityTargets = new Map<string, SourceEntity>();
  for (const row of entityRows) entityTargets.set(row.id, await followMerges(client, row, entities));

  return {
    refs,
    citedAnnotationIds,
    annotations: new Map(annotationRows.map((row) => [row.id, row])),
    entities,
    entityTargets,
    events: new Map(eventRows.map((row) => [row.id, row])),
    contradictions,
  };
}

async function followMerges(client: Client, entity: SourceEntity, known: Map<string, SourceEntity>): Promise<SourceEntity> {
  let current = entity;
  for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedIntoId; hop++) {
    const next = known.get(current.mergedIntoId) ?? (await client.entity.findUnique({ where: { id: current.mergedIntoId }, select: entitySelect }));
    if (!next) break;
    known.set(next.id, next);
    current = next;
  }
  return current;
}

/** The data the renderer shows: live rows only, passages read in their revision's text. */
export async function toRenderSources(client: Client, loaded: LoadedSources): Promise<RenderSources> {
  const live = [...loaded.annotations.values()].filter((row) => row.deletedAt === null);
  const texts =
    live.length > 0
      ? await client.annotation.findMany({ where: { id: { in: live.map((row) => row.id) } }, select: { id: true, revision: { select: { text: true } } } })
      : [];
  const textOf = new Map(texts.map((row) => [row.id, row.revision.text]));
  const passages = new Map<string, SourcePassage>();
  for (const row of live) {
    const context = passageInContext(textOf.get(row.id) ?? "", row);
    passages.set(row.id, {
      annotationId: row.id,
      ...context,
      outlet: row.article.outlet,
      articleTitle: row.article.title,
      url: row.article.url,
      publishedAt: row.article.publishedAt ? row.article.publishedAt.toISOString().slice(0, 10) : null,
    });
  }

  const entities = new Map<string, EntityInfo>();
  for (const [id, target] of loaded.entityTargets) {
    if (target.deletedAt) continue;
    entities.set(id, { id: target.id, name: target.name, typeLabel: ENTITY_TYPE_LABELS[target.type], description: target.description });
  }

  const events = new Map<string, EventInfo>();
  for (const row of loaded.events.values()) {
    if (row.deletedAt) continue;
    events.set(row.id, {
      id: row.id,
      title: row.title,
      type: row.type,
      typeLabel: EVENT_TYPE_LABELS[row.type],
      date: eventDateFromRow(row),
      dateLabel: eventDateLabel(row),
      occurredAt: row.occurredAt?.toISOString() ?? null,
      place: row.place?.name ?? null,
      description: row.description,
    });
  }

  const contradictions = new Map<string, ContradictionInfo>();
  for (const row of loaded.contradictions.values()) {
    contradictions.set(row.id, {
      id: row.id,
      status: row.status,
      summary: row.summary,
      resolution: row.resolution,
      rationale: row.rationale,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      accountIds: row.members.map((member) => member.annotationId),
      acceptedAnnotationId: row.acceptedClaim?.annotationId ?? null,
    });
  }
  return { passages, entities, events, contradictions };
}

/** "19 May 2025" or as precise as the event's date is; null when it has none. */
export function eventDateLabel(row: StoredEventDate): string | null {
  const date = eventDateFromRow(row);
  if (!date) return null;
  try {
    return formatEventDate(date);
  } catch {
    // A stored date the formatter refuses (e.g. a time zone this runtime does not know) is shown as stored.
    return row.localDate;
  }
}
