import "server-only";
import { canCreateAnnotation, canReviewAnnotations } from "@/lib/annotations/permissions";
import type { Actor } from "@/lib/auth/permissions";
import { canUseWorkspace } from "@/lib/auth/permissions";
import { collectReferences, sanitizeBriefingDoc, type BriefingReferences } from "@/lib/briefings/document";
import { canComposeBriefings, canReviewBriefings } from "@/lib/briefings/permissions";
import { loadSources } from "@/lib/briefings/sources";
import { findTouchingOpenContradictions } from "@/lib/briefings/vetting";
import { NEW_SOURCE_ACTION } from "@/lib/contradictions/detection";
import { canReopenContradiction, canSignOffContradictions } from "@/lib/contradictions/permissions";
import { db, Prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { INBOX_COUNT_LIMIT } from "./counts";

/** Items listed per inbox section; the count says how many wait in all. */
export const INBOX_LIST_LIMIT = 20;
/** Unpublished briefings of one writer checked for open contradictions; the most recently saved first. */
const ACTIVE_BRIEFINGS_CHECKED = 20;

export type InboxCounts = {
  reviews: number;
  signoffs: number;
  approvals: number;
  changesRequested: number;
  returned: number;
  contradictions: number;
  newSources: number;
  total: number;
};

/** What the inbox can hold for this actor's role: sections the role never acts on are absent. */
export function inboxSections(actor: Actor) {
  return {
    reviews: canReviewAnnotations(actor),
    signoffs: canSignOffContradictions(actor),
    approvals: canReviewBriefings(actor),
    changesRequested: canCreateAnnotation(actor),
    returned: canComposeBriefings(actor),
    contradictions: canComposeBriefings(actor),
    newSources: canReopenContradiction(actor),
  };
}

/**
 * Settled contradictions whose last step is a conflicting source that arrived afterwards: someone
 * must say whether it changes the outcome. Read from the history's "new_source" rows, few of them.
 */
async function settledWithNewSource(limit: number): Promise<{ id: string; summary: string; at: Date }[]> {
  return db.$queryRaw<{ id: string; summary: string; at: Date }[]>`
    SELECT c."id", c."summary", h."createdAt" AS "at"
    FROM "ContradictionHistory" h JOIN "Contradiction" c ON c."id" = h."contradictionId"
    WHERE h."action" = ${NEW_SOURCE_ACTION}
      AND c."status" IN ('RESOLVED', 'DISCLOSED', 'DISMISSED')
      AND NOT EXISTS (
        SELECT 1 FROM "ContradictionHistory" later
        WHERE later."contradictionId" = h."contradictionId"
          AND (later."createdAt" > h."createdAt" OR (later."createdAt" = h."createdAt" AND later."id" > h."id"))
      )
    ORDER BY h."createdAt", c."id"
    LIMIT ${limit}`;
}

/** More than any inbox shows; the count says "at least" beyond it only in theory. */
const NEW_SOURCES_COUNTED = 1000;

const reviewWhere = (actor: Actor): Prisma.AnnotationWhereInput => ({ status: "PENDING", deletedAt: null, linkOnly: false, authorId: { not: actor.id } });
const signoffWhere = (actor: Actor): Prisma.ContradictionWhereInput => ({
  status: "AWAITING_SIGNOFF",
  OR: [{ resolvedById: null }, { resolvedById: { not: actor.id } }],
});
// Nobody approves a briefing they wrote or saved a draft of.
const approvalWhere = (actor: Actor): Prisma.BriefingWhereInput => ({
  status: "IN_REVIEW",
  authorId: { not: actor.id },
  drafts: { none: { authorId: actor.id } },
});
const changesWhere = (actor: Actor): Prisma.AnnotationWhereInput => ({ status: "CHANGES_REQUESTED", deletedAt: null, authorId: actor.id });

/**
 * The two annotation sections counted up to INBOX_COUNT_LIMIT + 1, each through its partial index
 * (the review queue's, and 20261206000000_inbox_changes_requested): the same conditions as
 * `reviewWhere` and `changesWhere`.
 */
async function countAnnotations(condition: Prisma.Sql): Promise<number> {
  const [{ counted }] = await db.$queryRaw<{ counted: bigint }[]>`
    SELECT count(*) AS counted FROM (SELECT 1 FROM "Annotation" WHERE ${condition} LIMIT ${INBOX_COUNT_LIMIT + 1}) AS bounded`;
  return Number(counted);
}
const countReviews = (actor: Actor) =>
  countAnnotations(Prisma.sql`"status" = 'PENDING' AND "deletedAt" IS NULL AND NOT "linkOnly" AND "authorId" <> ${actor.id}`);
const countChangesRequested = (actor: Actor) =>
  countAnnotations(Prisma.sql`"status" = 'CHANGES_REQUESTED' AND "deletedAt" IS NULL AND "authorId" = ${actor.id}`);

/** The writer's drafts whose last review step was "return", newest first. */
async function returnedBriefings(actor: Actor) {
  const drafts = await db.briefing.findMany({
    where: { authorId: actor.id, status: "DRAFT", reviews: { some: { action: "return" } } },
    select: {
      id: true,
      title: true,
      updatedAt: true,
      reviews: { orderBy: { createdAt: "desc" }, take: 1, select: { action: true, comment: true, createdAt: true, actor: { select: { name: true } } } },
    },
    orderBy: { updatedAt: "desc" },
    take: 100,
  });
  return drafts.filter((draft) => draft.reviews[0]?.action === "return");
}

async function activeBriefings(actor: Actor) {
  return db.briefing.findMany({
    where: { authorId: actor.id, status: { in: ["DRAFT", "IN_REVIEW", "APPROVED"] } },
    select: { id: true, title: true, body: true },
    orderBy: { updatedAt: "desc" },
    take: ACTIVE_BRIEFINGS_CHECKED,
  });
}

async function touchingContradictions(refs: BriefingReferences) {
  const sources = await loadSources(db, refs);
  return findTouchingOpenContradictions(db, sources, refs);
}

function mergeReferences(all: BriefingReferences[]): BriefingReferences {
  const merged = { annotationIds: new Set<string>(), entityIds: new Set<string>(), eventIds: new Set<string>(), contradictionIds: new Set<string>() };
  for (const refs of all) {
    for (const key of Object.keys(merged) as (keyof BriefingReferences)[])
      refs[key].forEach((id) => {
        merged[key].add(id);
      });
  }
  return {
    annotationIds: [...merged.annotationIds],
    entityIds: [...merged.entityIds],
    eventIds: [...merged.eventIds],
    contradictionIds: [...merged.contradictionIds],
  };
}

const none = Promise.resolve(0);

/** How many items wait for the actor in each section (the annotation sections up to INBOX_COUNT_LIMIT + 1): counts only, for the navigation. */
export async function getInboxCounts(actor: Actor): Promise<InboxCounts> {
  if (!canUseWorkspace(actor)) throw new ForbiddenError("Sign in to read your inbox.");
  const sections = inboxSections(actor);
  const [reviews, signoffs, approvals, changesRequested, returned, contradictions, newSources] = await Promise.all([
    sections.reviews ? countReviews(actor) : none,
    sections.signoffs ? db.contradiction.count({ where: signoffWhere(actor) }) : none,
    sections.approvals ? db.briefing.count({ where: approvalWhere(actor) }) : none,
    sections.changesRequested ? countChangesRequested(actor) : none,
    sections.returned ? returnedBriefings(actor).then((rows) => rows.length) : none,
    sections.contradictions
      ? activeBriefings(actor).then(async (rows) =>
          rows.length === 0 ? 0 : (await touchingContradictions(mergeReferences(rows.map((row) => collectReferences(sanitizeBriefingDoc(row.body)))))).length,
        )
      : none,
    sections.newSources ? settledWithNewSource(NEW_SOURCES_COUNTED).then((rows) => rows.length) : none,
  ]);
  return {
    reviews,
    signoffs,
    approvals,
    changesRequested,
    returned,
    contradictions,
    newSources,
    total: reviews + signoffs + approvals + changesRequested + returned + contradictions + newSources,
  };
}

export type InboxLink = { id: string; href: string; title: string; detail: string; at: string };
export type InboxSection = { key: keyof Omit<InboxCounts, "total">; count: number; items: InboxLink[] };

const iso = (date: Date) => date.toISOString();

/** Everything waiting for the actor, oldest work first within each section. */
export async function getInbox(actor: Actor): Promise<InboxSection[]> {
  if (!canUseWorkspace(actor)) throw new ForbiddenError("Sign in to read your inbox.");
  const sections = inboxSections(actor);
  const counts = await getInboxCounts(actor);
  const result: InboxSection[] = [];

  if (sections.reviews) {
    const rows = await db.annotation.findMany({
      where: reviewWhere(actor),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: INBOX_LIST_LIMIT,
      select: { id: true, kind: true, exact: true, createdAt: true, author: { select: { name: true } }, article: { select: { id: true, title: true } } },
    });
    result.push({
      key: "reviews",
      count: counts.reviews,
      items: rows.map((row) => ({
        id: row.id,
        href: `/articles/${row.article.id}#annotation-${row.id}`,
        title: `“${clip(row.exact)}”`,
        detail: `${row.kind} on ${row.article.title}, by ${row.author.name}`,
        at: iso(row.createdAt),
      })),
    });
  }
  if (sections.signoffs) {
    const rows = await db.contradiction.findMany({
      where: signoffWhere(actor),
      orderBy: [{ resolvedAt: "asc" }, { id: "asc" }],
      take: INBOX_LIST_LIMIT,
      select: { id: true, summary: true, resolution: true, resolvedAt: true, updatedAt: true, resolvedBy: { select: { name: true } } },
    });
    result.push({
      key: "signoffs",
      count: counts.signoffs,
      items: rows.map((row) => ({
        id: row.id,
        href: `/contradictions/${row.id}`,
        title: row.summary,
        detail: `resolved by ${row.resolvedBy?.name ?? "someone"}`,
        at: iso(row.resolvedAt ?? row.updatedAt),
      })),
    });
  }
  if (sections.approvals) {
    const rows = await db.briefing.findMany({
      where: approvalWhere(actor),
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: INBOX_LIST_LIMIT,
      select: { id: true, title: true, version: true, updatedAt: true, author: { select: { name: true } } },
    });
    result.push({
      key: "approvals",
      count: counts.approvals,
      items: rows.map((row) => ({
        id: row.id,
        href: `/compose/${row.id}#workflow`,
        title: row.title,
        detail: `draft version ${row.version} by ${row.author.name}`,
        at: iso(row.updatedAt),
      })),
    });
  }
  if (sections.changesRequested) {
    const rows = await db.annotation.findMany({
      where: changesWhere(actor),
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: INBOX_LIST_LIMIT,
      select: {
        id: true,
        exact: true,
        updatedAt: true,
        article: { select: { id: true, title: true } },
        reviews: {
          where: { toStatus: "CHANGES_REQUESTED" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { comment: true, actor: { select: { name: true } } },
        },
      },
    });
    result.push({
      key: "changesRequested",
      count: counts.changesRequested,
      items: rows.map((row) => {
        const review = row.reviews[0];
        return {
          id: row.id,
          href: `/articles/${row.article.id}#annotation-${row.id}`,
          title: `“${clip(row.exact)}”`,
          detail: `on ${row.article.title}${review ? `: ${review.actor?.name ?? "A reviewer"} asks${review.comment ? ` “${clip(review.comment, 120)}”` : " for changes"}` : ""}`,
          at: iso(row.updatedAt),
        };
      }),
    });
  }
  if (sections.returned) {
    const rows = (await returnedBriefings(actor)).slice(0, INBOX_LIST_LIMIT);
    result.push({
      key: "returned",
      count: counts.returned,
      items: rows.map((row) => {
        const review = row.reviews[0];
        return {
          id: row.id,
          href: `/compose/${row.id}#workflow`,
          title: row.title,
          detail: `returned by ${review.actor.name}${review.comment ? `: “${clip(review.comment, 120)}”` : ""}`,
          at: iso(review.createdAt),
        };
      }),
    });
  }
  if (sections.contradictions) {
    const briefings = await activeBriefings(actor);
    const items: InboxLink[] = [];
    const seen = new Set<string>();
    for (const briefing of briefings) {
      for (const contradiction of await touchingContradictions(collectReferences(sanitizeBriefingDoc(briefing.body)))) {
        if (seen.has(contradiction.id)) continue;
        seen.add(contradiction.id);
        items.push({
          id: contradiction.id,
          href: `/contradictions/${contradiction.id}`,
          title: contradiction.summary,
          detail: `${contradiction.status === "OPEN" ? "open" : "awaiting sign-off"}; touches your briefing “${briefing.title}”`,
          at: "",
        });
      }
    }
    result.push({ key: "contradictions", count: counts.contradictions, items: items.slice(0, INBOX_LIST_LIMIT) });
  }
  if (sections.newSources) {
    const rows = await settledWithNewSource(INBOX_LIST_LIMIT);
    result.push({
      key: "newSources",
      count: counts.newSources,
      items: rows.map((row) => ({
        id: row.id,
        href: `/contradictions/${row.id}#new-source-heading`,
        title: row.summary,
        detail: "settled; does the new source change it?",
        at: iso(row.at),
      })),
    });
  }
  return result;
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
