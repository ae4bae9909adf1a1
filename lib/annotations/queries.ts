import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { canUseWorkspace } from "@/lib/auth/permissions";
import { z } from "zod";
import { decodeCursor, encodeCursor, textKey, timestampKey } from "@/lib/api/cursor";
import { db, Prisma, type Tx } from "@/lib/db";
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

/** An annotation's own fields, as a view shows them: what the full view and a review queue item share. */
type AnnotationFields = Omit<AnnotationView, "reviews" | "replies">;
type AnnotationFieldsRow = Omit<AnnotationFields, "body" | "createdAt" | "updatedAt" | "deletedAt"> & {
  body: unknown;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

function toAnnotationFields(row: AnnotationFieldsRow): AnnotationFields {
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
  };
}

export function toAnnotationView(row: AnnotationRow): AnnotationView {
  return {
    ...toAnnotationFields(row),
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
 * 1,000,000 annotations); beyond this the queue says "at least", or, unfiltered, gives the
 * planner's estimate.
 */
export const REVIEW_COUNT_LIMIT = 10_000;

/**
 * `totalIs` "at-least" when a filtered queue holds more than REVIEW_COUNT_LIMIT (`total` is then
 * that bound), "about" when the whole queue does (`total` is the planner's estimate).
 */
export type ReviewQueuePage = {
  items: ReviewQueueItem[];
  total: number;
  totalIs: "exact" | "at-least" | "about";
  pageSize: number;
  /**
   * Where the next page starts, for `cursor`, or null after the last. Paging by cursor neither
   * repeats nor skips an annotation when others are reviewed or written meanwhile, and a deep page
   * costs what the first does.
   */
  nextCursor: string | null;
};

/** The keys the queue is sorted by: when the annotation was written, then its id. */
const queueCursor = z.tuple([timestampKey, textKey]);

/** Timestamps go in as text cast to the column's type, read as UTC like every stored time, whatever the session's zone. */
const timestamp = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp(3)`;

/**
 * Annotations awaiting review (PENDING), oldest first, one page after `cursor`. The page's ids are
 * read from the partial, covering index of the pending queue (migration
 * 20261205090000_review_queue_keyset) starting at the cursor's keys, never by an offset.
 */
export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter = {}): Promise<ReviewQueuePage> {
  assertReader(actor);
  const pageSize = filter.limit ?? REVIEW_PAGE_SIZE;
  const after = filter.cursor ? decodeCursor(filter.cursor, queueCursor) : null;
  const filters = [
    ...(filter.articleId ? [Prisma.sql`a."articleId" = ${filter.articleId}`] : []),
    ...(filter.kind ? [Prisma.sql`a."kind" = ${filter.kind}`] : []),
    ...(filter.authorId ? [Prisma.sql`a."authorId" = ${filter.authorId}`] : []),
    ...(filter.minAgeDays ? [Prisma.sql`a."createdAt" <= ${timestamp(new Date(Date.now() - filter.minAgeDays * DAY_MS))}`] : []),
  ];
  // The predicate of the partial index, written as it is there so that the planner can use it.
  const pending = Prisma.sql`a."status" = 'PENDING' AND a."deletedAt" IS NULL AND NOT a."linkOnly"`;
  const where = Prisma.join([pending, ...filters], " AND ");
  const [rows, count] = await Promise.all([
    // The page and what it shows of each annotation in one statement: its ids from the index, then their rows.
    db.$queryRaw<QueueRow[]>`
      SELECT a."id", a."articleId", a."revisionId", a."authorId", a."kind", a."body", a."bodyHtml", a."tags", a."exact", a."prefix", a."suffix",
             a."start", a."end", a."anchorStatus"::text AS "anchorStatus", a."originalExact", a."status"::text AS "status", a."linkOnly",
             a."version", a."createdAt", a."updatedAt", a."deletedAt", u."name" AS "authorName", ar."title" AS "articleTitle"
      FROM (
        SELECT a."id" FROM "Annotation" a
        WHERE ${where} ${after ? Prisma.sql`AND (a."createdAt", a."id") > (${timestamp(after[0])}, ${after[1]})` : Prisma.empty}
        ORDER BY a."createdAt", a."id"
        LIMIT ${pageSize + 1}
      ) AS page
      JOIN "Annotation" a ON a."id" = page."id"
      JOIN "User" u ON u."id" = a."authorId"
      JOIN "Article" ar ON ar."id" = a."articleId"
      ORDER BY a."createdAt", a."id"`,
    countReviewQueue(where, filters.length > 0),
  ]);
  const listed = rows.slice(0, pageSize);
  const last = listed.at(-1);
  return {
    items: listed.map((row) => ({
      ...toAnnotationFields({ ...row, author: { id: row.authorId, name: row.authorName } }),
      article: { id: row.articleId, title: row.articleTitle },
    })),
    ...count,
    pageSize,
    nextCursor: rows.length > pageSize && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

type QueueRow = Omit<ReviewQueueItem, "body" | "author" | "article" | "createdAt" | "updatedAt" | "deletedAt"> & {
  body: unknown;
  authorId: string;
  authorName: string;
  articleTitle: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

/**
 * The queue's size, counted up to REVIEW_COUNT_LIMIT through the partial index. The whole queue,
 * when the index holds far more entries than that, is the planner's estimate (the index's row
 * count as of the last VACUUM or ANALYZE), so that the first page does not count 10,000 entries.
 */
async function countReviewQueue(where: Prisma.Sql, filtered: boolean): Promise<Pick<ReviewQueuePage, "total" | "totalIs">> {
  if (!filtered) {
    const [estimate] = await db.$queryRaw<{ rows: number }[]>`
      SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = to_regclass('"Annotation_review_queue_idx"')`;
    if (estimate && estimate.rows > 2 * REVIEW_COUNT_LIMIT) return { total: Math.round(estimate.rows), totalIs: "about" };
  }
  const [{ counted }] = await db.$queryRaw<{ counted: bigint }[]>`
    SELECT count(*) AS counted FROM (SELECT 1 FROM "Annotation" a WHERE ${where} LIMIT ${REVIEW_COUNT_LIMIT + 1}) AS bounded`;
  const total = Number(counted);
  return total > REVIEW_COUNT_LIMIT ? { total: REVIEW_COUNT_LIMIT, totalIs: "at-least" } : { total, totalIs: "exact" };
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
      -- An array, read once, for one index probe per article: beside IN the planner hashed the whole
      -- article table (866 buffers at 10,000 articles) to join 200 ids.
      WHERE a."id" = ANY(ARRAY(
        (SELECT "articleId" FROM (
          SELECT "articleId", "createdAt" FROM "Annotation"
          WHERE "status" = 'PENDING' AND "deletedAt" IS NULL AND NOT "linkOnly"
          ORDER BY "createdAt", "id" LIMIT ${REVIEW_FILTER_ARTICLES * 10}
        ) AS oldest
        GROUP BY "articleId" ORDER BY min("createdAt") LIMIT ${REVIEW_FILTER_ARTICLES})
        -- A union, not an OR: the OR made the planner read every article (10,700 buffers at 100,000 articles).
        UNION ALL
        SELECT ${options.selectedArticleId ?? null}::text
      ))
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
