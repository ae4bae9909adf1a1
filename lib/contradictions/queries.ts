import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isoDay } from "@/lib/iso-day";
import { entityNames, listClaimsForSubject, type ClaimSubject, type SourcedClaim } from "./claims";
import type { ClaimValue } from "./claim-values";
import { NEW_SOURCE_ACTION, readClaimValue } from "./detection";
import { formatClaimValue } from "./format";
import { buildMatrix, type Matrix, type MatrixSourceInput } from "./matrix";
import { canReadContradictions } from "./permissions";
import {
  CONTRADICTION_STATUSES,
  KNOWN_ATTRIBUTES,
  MAX_CONTRADICTIONS_LISTED,
  UNSETTLED_STATUSES,
  type ContradictionFilters,
  type ContradictionStatus,
  type Resolution,
} from "./schemas";

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadContradictions(actor)) throw new ForbiddenError("Sign in to read contradictions.");
}

const person = { select: { id: true, name: true } } as const;

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
  subject: { type: "event" | "entity"; id: string; label: string } | null;
  sources: { articleId: string; title: string; outlet: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export async function listContradictions(actor: Actor, filters: ContradictionFilters = {}): Promise<ContradictionListItem[]> {
  assertReader(actor);
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
      event: { select: { id: true, title: true } },
      entity: { select: { id: true, name: true } },
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
    subject: row.event
      ? { type: "event", id: row.event.id, label: row.event.title }
      : row.entity
        ? { type: "entity", id: row.entity.id, label: row.entity.name }
        : null,
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
  assertReader(actor);
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
  assertReader(actor);
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

// ---------------------------------------------------------------------------
// One contradiction
// ---------------------------------------------------------------------------

const contradictionDetail = {
  id: true,
  status: true,
  detected: true,
  internal: true,
  summary: true,
  attribute: true,
  resolution: true,
  acceptedClaimId: true,
  rationale: true,
  resolvedAt: true,
  signedOffAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  resolvedBy: person,
  signedOffBy: person,
  event: { select: { id: true, title: true } },
  entity: { select: { id: true, name: true } },
  members: { select: { annotation: { select: passageSelect() } } },
  evidence: { select: { note: true, createdAt: true, annotation: { select: passageSelect() } }, orderBy: { createdAt: "asc" } },
  history: {
    select: { id: true, action: true, fromStatus: true, toStatus: true, rationale: true, detail: true, createdAt: true, actor: person },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ContradictionSelect;

function passageSelect() {
  return {
    id: true,
    kind: true,
    exact: true,
    prefix: true,
    suffix: true,
    anchorStatus: true,
    deletedAt: true,
    article: { select: { id: true, title: true, outlet: true, url: true, publishedAt: true } },
    claim: { select: { id: true, attribute: true, value: true, event: { select: { id: true, title: true } }, entity: { select: { id: true, name: true } } } },
  } satisfies Prisma.AnnotationSelect;
}

type PassageRow = Prisma.AnnotationGetPayload<{ select: ReturnType<typeof passageSelect> }>;

export interface PassageView {
  annotationId: string;
  kind: string;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: string;
  deleted: boolean;
  article: { id: string; title: string; outlet: string | null; url: string | null; publishedAt: string | null };
  claim: {
    id: string;
    attribute: string;
    value: ClaimValue;
    formattedValue: string;
    subject: { type: "event" | "entity"; id: string; label: string } | null;
  } | null;
}

function toPassageView(p: PassageRow, names: Map<string, string>): PassageView {
  const value = p.claim ? readClaimValue(p.claim.value) : null;
  return {
    annotationId: p.id,
    kind: p.kind,
    exact: p.exact,
    prefix: p.prefix,
    suffix: p.suffix,
    anchorStatus: p.anchorStatus,
    deleted: p.deletedAt !== null,
    article: { ...p.article, publishedAt: isoDay(p.article.publishedAt) },
    claim:
      p.claim && value
        ? {
            id: p.claim.id,
            attribute: p.claim.attribute,
            value,
            formattedValue: formatClaimValue(value, names),
            subject: p.claim.event
              ? { type: "event", id: p.claim.event.id, label: p.claim.event.title }
              : p.claim.entity
                ? { type: "entity", id: p.claim.entity.id, label: p.claim.entity.name }
                : null,
          }
        : null,
  };
}

export interface ContradictionView {
  id: string;
  status: ContradictionStatus;
  detected: boolean;
  internal: boolean;
  summary: string;
  attribute: string | null;
  subject: { type: "event" | "entity"; id: string; label: string } | null;
  resolution: Resolution | null;
  acceptedClaimId: string | null;
  rationale: string | null;
  createdBy: { id: string; name: string } | null;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  signedOffBy: { id: string; name: string } | null;
  signedOffAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  passages: PassageView[];
  evidence: (PassageView & { note: string | null })[];
  /** Claims that conflicted after the settlement and wait for "does the new source change this?". */
  newSource: { claimIds: string[]; at: string } | null;
  history: {
    id: string;
    action: string;
    fromStatus: ContradictionStatus | null;
    toStatus: ContradictionStatus;
    rationale: string | null;
    detail: Prisma.JsonValue;
    actor: { id: string; name: string } | null;
    createdAt: string;
  }[];
}

/** A contradiction with its passages (side by side), their claims, evidence and history. */
export async function getContradiction(actor: Actor, id: string): Promise<ContradictionView> {
  assertReader(actor);
  const row = await db.contradiction.findUnique({ where: { id }, select: contradictionDetail });
  if (!row) throw new NotFoundError("The contradiction");
  const passages = [...row.members.map((m) => m.annotation), ...row.evidence.map((e) => e.annotation)];
  const names = await entityNames(passages.flatMap((p) => (p.claim ? [readClaimValue(p.claim.value)] : [])));
  const toPassage = (p: PassageRow) => toPassageView(p, names);
  const byArticle = (a: PassageView, b: PassageView) =>
    (a.article.publishedAt ?? "").localeCompare(b.article.publishedAt ?? "") || a.article.title.localeCompare(b.article.title);
  return {
    id: row.id,
    status: row.status,
    detected: row.detected,
    internal: row.internal,
    summary: row.summary,
    attribute: row.attribute,
    subject: row.event
      ? { type: "event", id: row.event.id, label: row.event.title }
      : row.entity
        ? { type: "entity", id: row.entity.id, label: row.entity.name }
        : null,
    resolution: row.resolution,
    acceptedClaimId: row.acceptedClaimId,
    rationale: row.rationale,
    createdBy: row.createdBy,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    signedOffBy: row.signedOffBy,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    passages: row.members.map((m) => toPassage(m.annotation)).sort(byArticle),
    evidence: row.evidence.map((e) => ({ ...toPassage(e.annotation), note: e.note })),
    history: row.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    newSource: pendingNewSource(row.history),
  };
}

function pendingNewSource(history: { action: string; detail: Prisma.JsonValue; createdAt: Date }[]): ContradictionView["newSource"] {
  const last = history[history.length - 1];
  if (!last || last.action !== NEW_SOURCE_ACTION) return null;
  return { claimIds: ((last.detail ?? {}) as { claimIds?: string[] }).claimIds ?? [], at: last.createdAt.toISOString() };
}

// ---------------------------------------------------------------------------
// Comparison of sources
// ---------------------------------------------------------------------------

export type ComparisonClaim = SourcedClaim & { articleId: string };

export interface Comparison {
  subject: { type: "event" | "entity"; id: string; label: string };
  matrix: Matrix<ComparisonClaim>;
  /** Unsettled contradictions by member annotation, to link conflicting cells to them. */
  contradictionsByAnnotation: Record<string, { id: string; status: ContradictionStatus }[]>;
}

/**
 * The comparison matrix of an event or entity. Columns are the articles with a claim about
 * it or a passage linked to it, so a source that says nothing on an attribute shows as silent.
 */
export async function getComparison(actor: Actor, subject: ClaimSubject): Promise<Comparison> {
  assertReader(actor);
  const label =
    subject.type === "event"
      ? (await db.event.findUnique({ where: { id: subject.id, deletedAt: null }, select: { title: true } }))?.title
      : (await db.entity.findUnique({ where: { id: subject.id, deletedAt: null }, select: { name: true } }))?.name;
  if (label === undefined) throw new NotFoundError(subject.type === "event" ? "The event" : "The entity");
  const claims = await listClaimsForSubject(subject);
  const linked = subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id };
  const articles = await db.article.findMany({
    where: {
      annotations: {
        some: { deletedAt: null, OR: [{ claim: { is: linked } }, { links: { some: linked } }] },
      },
    },
    select: { id: true, title: true, outlet: true, publishedAt: true },
    orderBy: [{ publishedAt: "asc" }, { title: "asc" }],
  });
  const sources: MatrixSourceInput[] = articles.map((a) => ({ articleId: a.id, title: a.title, outlet: a.outlet, publishedAt: isoDay(a.publishedAt) }));
  const members = await db.contradictionMember.findMany({
    where: { annotationId: { in: claims.map((c) => c.annotationId) }, contradiction: { status: { in: [...UNSETTLED_STATUSES] } } },
    select: { annotationId: true, contradiction: { select: { id: true, status: true } } },
  });
  const contradictionsByAnnotation: Comparison["contradictionsByAnnotation"] = {};
  for (const m of members) {
    contradictionsByAnnotation[m.annotationId] ??= [];
    contradictionsByAnnotation[m.annotationId].push(m.contradiction);
  }
  const matrixClaims: ComparisonClaim[] = claims.map((c) => ({ ...c, articleId: c.article.id }));
  return {
    subject: { ...subject, label },
    matrix: buildMatrix(sources, matrixClaims, KNOWN_ATTRIBUTES),
    contradictionsByAnnotation,
  };
}

/** Events and entities that have claims, with how many, for choosing what to compare. */
export async function listComparableSubjects(actor: Actor): Promise<{ type: "event" | "entity"; id: string; label: string; claims: number }[]> {
  assertReader(actor);
  const live = { annotation: { deletedAt: null } } satisfies Prisma.ClaimWhereInput;
  const [events, entities] = await Promise.all([
    db.event.findMany({
      where: { deletedAt: null, claims: { some: live } },
      select: { id: true, title: true, _count: { select: { claims: { where: live } } } },
      orderBy: { title: "asc" },
    }),
    db.entity.findMany({
      where: { deletedAt: null, claims: { some: live } },
      select: { id: true, name: true, _count: { select: { claims: { where: live } } } },
      orderBy: { name: "asc" },
    }),
  ]);
  return [
    ...events.map((e) => ({ type: "event" as const, id: e.id, label: e.title, claims: e._count.claims })),
    ...entities.map((e) => ({ type: "entity" as const, id: e.id, label: e.name, claims: e._count.claims })),
  ];
}

/** Live annotations whose quote contains `query`, for choosing passages to flag by hand. */
export async function searchPassages(actor: Actor, query: string, options: { include?: string[] } = {}): Promise<PassageView[]> {
  assertReader(actor);
  const q = query.trim();
  const include = options.include ?? [];
  if (q.length === 0 && include.length === 0) return [];
  const rows = await db.annotation.findMany({
    where: { deletedAt: null, OR: [...(q ? [{ exact: { contains: q, mode: "insensitive" as const } }] : []), { id: { in: include } }] },
    select: passageSelect(),
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
    take: 50,
  });
  const names = await entityNames(rows.flatMap((p) => (p.claim ? [readClaimValue(p.claim.value)] : [])));
  return rows.map((p) => toPassageView(p, names));
}

/**
 * Passages that could back a resolution: others about the same subject (by claim or link),
 * or, without a subject, others from the same articles.
 */
export async function listEvidenceCandidates(
  actor: Actor,
  contradiction: Pick<ContradictionView, "subject" | "passages" | "evidence">,
): Promise<PassageView[]> {
  assertReader(actor);
  const exclude = [...contradiction.passages, ...contradiction.evidence].map((p) => p.annotationId);
  const subject = contradiction.subject;
  const about: Prisma.AnnotationWhereInput = subject
    ? {
        OR: [
          { claim: { is: subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id } } },
          { links: { some: subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id } } },
        ],
      }
    : { articleId: { in: [...new Set(contradiction.passages.map((p) => p.article.id))] } };
  const rows = await db.annotation.findMany({
    where: { deletedAt: null, id: { notIn: exclude }, ...about },
    select: passageSelect(),
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
    take: 30,
  });
  const names = await entityNames(rows.flatMap((p) => (p.claim ? [readClaimValue(p.claim.value)] : [])));
  return rows.map((p) => toPassageView(p, names));
}
