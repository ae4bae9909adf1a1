import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { assertCanReadContradictions } from "./permissions";
import { subjectOf, subjectSelect, type SubjectRef } from "./query-shapes";
import { CONTRADICTION_STATUSES, MAX_CONTRADICTIONS_LISTED, UNSETTLED_STATUSES, type ContradictionFilters, type ContradictionStatus } from "./schemas";

/** Contradictions whose passages include one matching `annotation`. */
const touching = (annotation: Prisma.AnnotationWhereInput): Prisma.ContradictionWhereInput => ({ members: { some: { annotation } } });

/**
 * A contradiction touches an event (entity) when it is about it, or one of its passages
 * carries a claim about it (or naming the entity) or is linked to it; it touches an article
 * or outlet through its passages.
 */
export function contradictionWhere(
  filters: Omit<ContradictionFilters, "status"> & { statuses?: readonly ContradictionStatus[] },
): Prisma.ContradictionWhereInput {
  const and: Prisma.ContradictionWhereInput[] = [];
  if (filters.statuses) and.push({ status: { in: [...filters.statuses] } });
  if (filters.eventId) {
    const eventId = filters.eventId;
    and.push({ OR: [{ eventId }, touching({ claim: { is: { eventId } } }), touching({ links: { some: { eventId } } })] });
  }
  if (filters.entityId) {
    const entityId = filters.entityId;
    and.push({
      OR: [
        { entityId },
        touching({ claim: { is: { entityId } } }),
        touching({ links: { some: { entityId } } }),
        // named in a claimed list of entities (participants, initiator …)
        touching({ claim: { is: { valueType: "ENTITIES", value: { path: ["ids"], array_contains: [entityId] } } } }),
      ],
    });
  }
  if (filters.articleId) and.push(touching({ articleId: filters.articleId }));
  if (filters.outlet) and.push(touching({ article: { outlet: { equals: filters.outlet, mode: "insensitive" } } }));
  return { AND: and };
}

export interface ContradictionListItem {
  id: string;
  status: ContradictionStatus;
  summary: string;
  detected: boolean;
  internal: boolean;
  attribute: string | null;
  subject: SubjectRef | null;
  sources: { articleId: string; title: string; outlet: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export async function listContradictions(actor: Actor, filters: ContradictionFilters = {}): Promise<ContradictionListItem[]> {
  assertCanReadContradictions(actor);
  const rows = await db.contradiction.findMany({
    where: contradictionWhere({ ...filters, statuses: filters.status ? [filters.status] : undefined }),
    select: {
      id: true,
      status: true,
      summary: true,
      detected: true,
      internal: true,
      attribute: true,
      createdAt: true,
      updatedAt: true,
      ...subjectSelect,
      members: { select: { annotation: { select: { article: { select: { id: true, title: true, outlet: true } } } } } },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: filters.limit ?? MAX_CONTRADICTIONS_LISTED,
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    summary: row.summary,
    detected: row.detected,
    internal: row.internal,
    attribute: row.attribute,
    subject: subjectOf(row),
    sources: [
      ...new Map(
        row.members.map((m) => [
          m.annotation.article.id,
          { articleId: m.annotation.article.id, title: m.annotation.article.title, outlet: m.annotation.article.outlet },
        ]),
      ).values(),
    ],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** How many contradictions match the filters in each status (for the status tabs). */
export async function countContradictionsByStatus(
  actor: Actor,
  filters: Omit<ContradictionFilters, "status"> = {},
): Promise<Record<ContradictionStatus, number>> {
  assertCanReadContradictions(actor);
  const groups = await db.contradiction.groupBy({ by: ["status"], where: contradictionWhere(filters), _count: { _all: true } });
  const counts = Object.fromEntries(CONTRADICTION_STATUSES.map((s) => [s, 0])) as Record<ContradictionStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * Open contradictions touching an article, event or entity, and those whose resolution
 * still awaits sign-off. For badges on other pages; a count reveals nothing to hide.
 */
export async function countOpenContradictions(target: {
  articleId?: string;
  eventId?: string;
  entityId?: string;
}): Promise<{ open: number; awaitingSignoff: number }> {
  const groups = await db.contradiction.groupBy({
    by: ["status"],
    where: contradictionWhere({ ...target, statuses: UNSETTLED_STATUSES }),
    _count: { _all: true },
  });
  const count = (status: ContradictionStatus) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { open: count("OPEN"), awaitingSignoff: count("AWAITING_SIGNOFF") };
}

/** Unsettled (open or awaiting sign-off) contradictions touching any of these events or entities: what blocks publishing. */
export async function listUnsettledContradictions(target: {
  eventIds?: string[];
  entityIds?: string[];
}): Promise<{ id: string; status: ContradictionStatus; summary: string }[]> {
  const or = [
    ...(target.eventIds ?? []).map((eventId) => contradictionWhere({ eventId })),
    ...(target.entityIds ?? []).map((entityId) => contradictionWhere({ entityId })),
  ];
  if (or.length === 0) return [];
  return db.contradiction.findMany({
    where: { status: { in: [...UNSETTLED_STATUSES] }, OR: or },
    select: { id: true, status: true, summary: true },
    orderBy: { createdAt: "asc" },
  });
}

export interface FilterOptions {
  events: { id: string; label: string }[];
  entities: { id: string; label: string }[];
  outlets: string[];
}

/** Events, entities and outlets that some contradiction touches. */
export async function listContradictionFilterOptions(actor: Actor): Promise<FilterOptions> {
  assertCanReadContradictions(actor);
  const inAContradiction: Prisma.AnnotationWhereInput = { contradictionMembers: { some: {} } };
  const [events, entities, articles] = await Promise.all([
    db.event.findMany({
      where: {
        OR: [{ contradictions: { some: {} } }, { claims: { some: { annotation: inAContradiction } } }, { links: { some: { annotation: inAContradiction } } }],
      },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    db.entity.findMany({
      where: {
        OR: [{ contradictions: { some: {} } }, { claims: { some: { annotation: inAContradiction } } }, { links: { some: { annotation: inAContradiction } } }],
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.article.findMany({
      where: { outlet: { not: null }, annotations: { some: inAContradiction } },
      select: { outlet: true },
      distinct: ["outlet"],
      orderBy: { outlet: "asc" },
    }),
  ]);
  return {
    events: events.map((e) => ({ id: e.id, label: e.title })),
    entities: entities.map((e) => ({ id: e.id, label: e.name })),
    outlets: articles.map((a) => a.outlet!),
  };
}
