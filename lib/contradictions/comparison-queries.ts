import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { isoDay } from "@/lib/iso-day";
import { listClaimsForSubject, subjectLabel, type ClaimSubject, type SourcedClaim } from "./claims";
import { buildMatrix, type Matrix, type MatrixSourceInput } from "./matrix";
import { assertCanReadContradictions } from "./permissions";
import { KNOWN_ATTRIBUTES, UNSETTLED_STATUSES, type ContradictionStatus } from "./schemas";

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
  assertCanReadContradictions(actor);
  const label = await subjectLabel(subject);
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
  assertCanReadContradictions(actor);
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
