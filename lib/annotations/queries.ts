import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { canUseWorkspace } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { AnnotationKindView, AnnotationView, ReviewQueueItem } from "./types";
import { sanitizeRichText } from "./rich-text";
import type { ReviewQueueFilter } from "./schemas";

const person = { select: { id: true, name: true } } as const;

const annotationInclude = {
  author: person,
  reviews: { orderBy: { createdAt: "asc" }, include: { actor: person } },
  replies: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, include: { author: person } },
} satisfies Prisma.AnnotationInclude;

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canUseWorkspace(actor)) throw new ForbiddenError("Sign in to read annotations.");
}

export function toAnnotationView(row: AnnotationRow): AnnotationView {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    kind: row.kind,
    body: sanitizeRichText(row.body),
    bodyHtml: row.bodyHtml,
    tags: row.tags,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    anchorStatus: row.anchorStatus,
    originalExact: row.originalExact,
    status: row.status,
    linkOnly: row.linkOnly,
    version: row.version,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    reviews: row.reviews.map((review) => ({
      id: review.id,
      actor: review.actor,
      fromStatus: review.fromStatus,
      toStatus: review.toStatus,
      comment: review.comment,
      createdAt: review.createdAt.toISOString(),
    })),
    replies: row.replies.map((reply) => ({
      id: reply.id,
      parentId: reply.parentId,
      author: reply.author,
      body: reply.body,
      createdAt: reply.createdAt.toISOString(),
    })),
  };
}

/** The annotation as stored, including a soft-deleted one; for the current state in conflicts. */
export async function loadAnnotationView(client: Tx | typeof db, id: string): Promise<AnnotationView | null> {
  const row = await client.annotation.findUnique({ where: { id }, include: annotationInclude });
  return row ? toAnnotationView(row) : null;
}

/** One annotation that has not been deleted. */
export async function getAnnotation(actor: Actor, id: string): Promise<AnnotationView> {
  assertReader(actor);
  const view = await loadAnnotationView(db, id);
  if (!view || view.deletedAt) throw new NotFoundError("The annotation");
  return view;
}

/** The article's annotations (not deleted) in text order; orphans keep their old position in that order. */
export async function listArticleAnnotations(actor: Actor, articleId: string): Promise<AnnotationView[]> {
  assertReader(actor);
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null },
    include: annotationInclude,
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toAnnotationView);
}

/** One page of the article's annotations in the same order, and how many there are in all (for the JSON API). */
export async function listArticleAnnotationPage(
  actor: Actor,
  articleId: string,
  paging: { page: number; limit: number },
): Promise<{ items: AnnotationView[]; total: number }> {
  assertReader(actor);
  const where = { articleId, deletedAt: null };
  const [rows, total] = await Promise.all([
    db.annotation.findMany({
      where,
      include: annotationInclude,
      orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (paging.page - 1) * paging.limit,
      take: paging.limit,
    }),
    db.annotation.count({ where }),
  ]);
  return { items: rows.map(toAnnotationView), total };
}

/** The texts of revisions by id, for turning stored offsets into the API's code points. */
export async function listRevisionTexts(revisionIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.articleRevision.findMany({ where: { id: { in: [...new Set(revisionIds)] } }, select: { id: true, text: true } });
  return new Map(rows.map((row) => [row.id, row.text]));
}

/** The current text of an article, named directly or by one of its annotations; null when there is none. */
export async function getCurrentText(by: { articleId: string } | { annotationId: string }): Promise<string | null> {
  const articleId =
    "articleId" in by ? by.articleId : (await db.annotation.findUnique({ where: { id: by.annotationId }, select: { articleId: true } }))?.articleId;
  if (!articleId) return null;
  const article = await db.article.findUnique({ where: { id: articleId }, select: { currentRevision: { select: { text: true } } } });
  return article?.currentRevision?.text ?? null;
}

export async function getArticleSummary(actor: Actor, articleId: string) {
  assertReader(actor);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true } });
  if (!article) throw new NotFoundError("The article");
  return article;
}

export async function listAnnotationKinds(options: { includeInactive?: boolean } = {}): Promise<AnnotationKindView[]> {
  return db.annotationKind.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { key: true, label: true, position: true, active: true, builtIn: true },
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Annotations per review queue page: a page renders fast and keeps the server's memory low. */
export const REVIEW_PAGE_SIZE = 50;
/**
 * Pending annotations counted at most: counting half a million read them all (~100 ms at
 * 1,000,000 annotations); beyond this the queue says "at least", and pages go this far.
 */
export const REVIEW_COUNT_LIMIT = 10_000;

/** `totalIs` "at-least" when the queue holds more than REVIEW_COUNT_LIMIT: `total` is then that bound. */
export type ReviewQueuePage = { items: ReviewQueueItem[]; total: number; totalIs: "exact" | "at-least"; page: number; pageCount: number };

/** Annotations awaiting review (PENDING), oldest first. */
export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter = {}): Promise<ReviewQueuePage> {
  assertReader(actor);
  const where = {
    deletedAt: null,
    status: "PENDING",
    linkOnly: false,
    articleId: filter.articleId || undefined,
    kind: filter.kind || undefined,
    authorId: filter.authorId || undefined,
    createdAt: filter.minAgeDays ? { lte: new Date(Date.now() - filter.minAgeDays * DAY_MS) } : undefined,
  } as const;
  const counted = await db.annotation.count({ where, take: REVIEW_COUNT_LIMIT + 1 });
  const total = Math.min(counted, REVIEW_COUNT_LIMIT);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  // Past the end (the queue shrank while someone paged), the last page.
  const page = Math.min(filter.page ?? 1, pageCount);
  const rows = await db.annotation.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * REVIEW_PAGE_SIZE,
    take: REVIEW_PAGE_SIZE,
    include: { ...annotationInclude, article: { select: { id: true, title: true } } },
  });
  return {
    items: rows.map((row) => ({ ...toAnnotationView(row), article: row.article })),
    total,
    totalIs: counted > REVIEW_COUNT_LIMIT ? "at-least" : "exact",
    page,
    pageCount,
  };
}

/** Articles offered by the review queue's article filter; thousands of titles are no usable choice. */
export const REVIEW_FILTER_ARTICLES = 200;

/**
 * Choices for the review queue's filters: the authors who have pending annotations, and the
 * articles whose pending annotations have waited longest (at most REVIEW_FILTER_ARTICLES, found
 * through the oldest pending annotations by index), plus `selectedArticleId` when given.
 */
export async function listReviewQueueFacets(actor: Actor, options: { selectedArticleId?: string } = {}) {
  assertReader(actor);
  const [articles, authors] = await Promise.all([
    db.$queryRaw<{ id: string; title: string }[]>`
      SELECT a."id", a."title" FROM "Article" a
      WHERE a."id" IN (
        (SELECT "articleId" FROM (
          SELECT "articleId", "createdAt" FROM "Annotation"
          WHERE "status" = 'PENDING' AND "deletedAt" IS NULL AND NOT "linkOnly"
          ORDER BY "createdAt", "id" LIMIT ${REVIEW_FILTER_ARTICLES * 10}
        ) AS oldest
        GROUP BY "articleId" ORDER BY min("createdAt") LIMIT ${REVIEW_FILTER_ARTICLES})
        -- A union, not an OR beside the IN: the OR made the planner read every article (10,700 buffers at 100,000 articles).
        UNION ALL
        SELECT ${options.selectedArticleId ?? null}::text
      )
      ORDER BY a."title"`,
    // One index probe per user for a pending annotation, stopping at the first: "some" read every pending annotation (half of them).
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT u."id", u."name" FROM "User" u
      CROSS JOIN LATERAL (
        SELECT 1 FROM "Annotation" a WHERE a."authorId" = u."id" AND a."status" = 'PENDING' AND a."deletedAt" IS NULL AND NOT a."linkOnly" LIMIT 1
      ) AS waiting
      ORDER BY u."name"`,
  ]);
  return { articles, authors };
}
