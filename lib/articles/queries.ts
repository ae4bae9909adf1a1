import "server-only";
import iconv from "iconv-lite";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ClassifiedLine } from "./extract";
import { canImportArticles, canReadArticles } from "./permissions";
import { extractedMetadata, type ImportSource } from "./prepare";
import { prepareImportsOffThread } from "./prepare-off-thread";
import {
  ARTICLES_PAGE_SIZE,
  type ArticleKindName,
  type ArticleListQuery,
  type ExtractedMetadata,
  type ImportJobView,
  type ImportOutcome,
  type ImportPreview,
} from "./schemas";

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadArticles(actor)) throw new ForbiddenError("Sign in to read articles.");
}

export type ArticleListItem = {
  id: string;
  title: string;
  titleProvisional: boolean;
  outlet: string | null;
  author: string | null;
  kind: ArticleKindName;
  publishedAt: string | null;
  createdAt: string;
};

export type ArticleList = { items: ArticleListItem[]; total: number; page: number; pageCount: number; pageSize: number };

type ListRow = {
  id: string;
  title: string;
  titleProvisional: boolean;
  outlet: string | null;
  author: string | null;
  kind: ArticleKindName;
  publishedAt: Date | null;
  createdAt: Date;
  total: bigint;
};

/**
 * Lists articles, newest first or by the chosen order. `q` searches title and outlet, and the
 * text of the current revision, with PostgreSQL full-text search (web-search syntax: quotes,
 * OR, -word). Each side is its own index scan (an OR across the two tables could use neither):
 * the title expression matches the GIN index of migration 20261121000100, the text side uses
 * the stored, indexed "searchVector" of migration 20261121000300. Each side ranks its own hits
 * as it finds them, so a revision's vector is read once per query, not once to match and again
 * to rank.
 */
export async function listArticles(actor: Actor | null, query: ArticleListQuery): Promise<ArticleList> {
  assertReader(actor);
  const page = query.page ?? 1;
  const { hits, where } = articleFilter(query);
  const q = query.q;
  const rank = q ? Prisma.sql`hit."rank"` : Prisma.sql`0`;
  const sort = query.sort ?? (q ? "relevance" : "newest");
  const order = {
    relevance: Prisma.sql`rank DESC, a."createdAt" DESC`,
    newest: Prisma.sql`a."createdAt" DESC`,
    oldest: Prisma.sql`a."createdAt" ASC`,
    published: Prisma.sql`a."publishedAt" DESC NULLS LAST, a."createdAt" DESC`,
    title: Prisma.sql`lower(a."title") ASC`,
    outlet: Prisma.sql`lower(a."outlet") ASC NULLS LAST, lower(a."title") ASC`,
  }[sort];

  const rows = await db.$queryRaw<ListRow[]>`
    SELECT a."id", a."title", a."titleProvisional", a."outlet", a."author", a."kind"::text AS "kind",
           a."publishedAt", a."createdAt", COUNT(*) OVER () AS "total", ${rank} AS rank
    FROM "Article" a
    ${hits}
    ${where}
    ORDER BY ${order}, a."id"
    LIMIT ${ARTICLES_PAGE_SIZE} OFFSET ${(page - 1) * ARTICLES_PAGE_SIZE}`;

  // Past the last page the window count is missing; count separately so the list can say how many there are.
  const total = rows.length > 0 ? Number(rows[0].total) : page === 1 ? 0 : await countArticles(hits, where);
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleProvisional: row.titleProvisional,
      outlet: row.outlet,
      author: row.author,
      kind: row.kind,
      publishedAt: dayString(row.publishedAt),
      createdAt: row.createdAt.toISOString(),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ARTICLES_PAGE_SIZE)),
    pageSize: ARTICLES_PAGE_SIZE,
  };
}

function articleFilter(query: ArticleListQuery): { hits: Prisma.Sql; where: Prisma.Sql } {
  const conditions: Prisma.Sql[] = [];
  if (query.outlet) conditions.push(Prisma.sql`a."outlet" = ${query.outlet}`);
  if (query.kind) conditions.push(Prisma.sql`a."kind" = ${query.kind}::"ArticleKind"`);
  if (query.from) conditions.push(Prisma.sql`a."publishedAt" >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`a."publishedAt" <= ${query.to}::date`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const q = query.q;
  if (!q) return { hits: Prisma.empty, where };
  // Every hit's rank is twice its title-and-outlet rank plus its text rank, whichever side found it.
  const titleVector = (alias: string) => Prisma.raw(`to_tsvector('simple', coalesce(${alias}."title", '') || ' ' || coalesce(${alias}."outlet", ''))`);
  const titleQuery = Prisma.sql`websearch_to_tsquery('simple', ${q})`;
  const textQuery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const hits = Prisma.sql`JOIN (
      SELECT "id", max("rank") AS "rank" FROM (
        SELECT t."id", 2 * ts_rank(${titleVector("t")}, ${titleQuery}) + ts_rank(coalesce(tr."searchVector", ''::tsvector), ${textQuery}) AS "rank"
        FROM "Article" t LEFT JOIN "ArticleRevision" tr ON tr."id" = t."currentRevisionId"
        WHERE ${titleVector("t")} @@ ${titleQuery}
        UNION ALL
        -- A text hit that the title also matches gets its full rank from the side above; the others have no title rank.
        -- Ranked before the join (OFFSET 0 keeps it there), so the vectors never travel through the join.
        SELECT b."id", br."rank"
        FROM (
          SELECT "id", ts_rank("searchVector", ${textQuery}) AS "rank" FROM "ArticleRevision"
          WHERE "searchVector" @@ ${textQuery} OFFSET 0
        ) AS br
        JOIN "Article" b ON b."currentRevisionId" = br."id"
      ) AS sides
      GROUP BY "id"
    ) AS hit ON hit."id" = a."id"`;
  return { hits, where };
}

async function countArticles(hits: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS "total" FROM "Article" a ${hits} ${where}`;
  return Number(row.total);
}

/** Outlets for the filter, alphabetically. */
export async function listOutlets(actor: Actor | null): Promise<string[]> {
  assertReader(actor);
  const rows = await db.article.findMany({ where: { outlet: { not: null } }, distinct: ["outlet"], select: { outlet: true }, orderBy: { outlet: "asc" } });
  return rows.map((row) => row.outlet!);
}

const revisionSummary = {
  id: true,
  number: true,
  note: true,
  createdAt: true,
  contentHash: true,
  createdBy: { select: { name: true } },
} as const;

export type RevisionSummary = { id: string; number: number; note: string | null; createdAt: string; by: string | null; contentHash: string };

export type RevisionDetail = {
  id: string;
  number: number;
  text: string;
  paragraphs: string[];
  lines: ClassifiedLine[];
  metadata: ExtractedMetadata;
  originalFilename: string | null;
  originalFormat: string;
  encoding: string;
  originalSize: number;
  contentHash: string;
  note: string | null;
  createdAt: string;
  by: string | null;
};

export type ArticleDetail = ExtractedMetadata & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  currentRevision: RevisionDetail;
  revisions: RevisionSummary[];
};

const revisionDetailSelect = {
  id: true,
  number: true,
  text: true,
  removed: true,
  metadata: true,
  originalFilename: true,
  originalFormat: true,
  encoding: true,
  contentHash: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

type RevisionRow = Prisma.ArticleRevisionGetPayload<{ select: typeof revisionDetailSelect }>;

function toRevisionDetail(row: RevisionRow, originalSize: number): RevisionDetail {
  const lines = Array.isArray(row.removed) ? (row.removed as unknown as ClassifiedLine[]) : [];
  return {
    id: row.id,
    number: row.number,
    text: row.text,
    // Revisions written by other means than the importer may carry no line list.
    paragraphs: lines.length > 0 ? lines.filter((line) => line.kept).map((line) => line.text) : row.text.split("\n\n").filter(Boolean),
    lines,
    metadata: row.metadata as unknown as ExtractedMetadata,
    originalFilename: row.originalFilename,
    originalFormat: row.originalFormat,
    encoding: row.encoding,
    originalSize,
    contentHash: row.contentHash,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    by: row.createdBy?.name ?? null,
  };
}

async function originalSize(revisionId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ size: number }[]>`SELECT octet_length("originalBytes")::int AS size FROM "ArticleRevision" WHERE "id" = ${revisionId}`;
  return row?.size ?? 0;
}

/** One article with its current revision (text and the classified lines) and the list of revisions. */
export async function getArticle(actor: Actor | null, id: string): Promise<ArticleDetail> {
  assertReader(actor);
  const article = await db.article.findUnique({
    where: { id },
    include: {
      currentRevision: { select: revisionDetailSelect },
      revisions: { select: revisionSummary, orderBy: { number: "desc" } },
      createdBy: { select: { name: true } },
    },
  });
  if (!article?.currentRevision) throw new NotFoundError("The article");
  return {
    id: article.id,
    title: article.title,
    titleProvisional: article.titleProvisional,
    outlet: article.outlet,
    url: article.url,
    author: article.author,
    commentators: article.commentators,
    publishedAt: dayString(article.publishedAt),
    language: article.language,
    kind: article.kind,
    disclaimer: article.disclaimer,
    version: article.version,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    createdBy: article.createdBy?.name ?? null,
    currentRevision: toRevisionDetail(article.currentRevision, await originalSize(article.currentRevision.id)),
    revisions: article.revisions.map((revision) => ({
      id: revision.id,
      number: revision.number,
      note: revision.note,
      createdAt: revision.createdAt.toISOString(),
      by: revision.createdBy?.name ?? null,
      contentHash: revision.contentHash,
    })),
  };
}

/** An old (or the current) revision, readable as it was. */
export async function getArticleRevision(actor: Actor | null, articleId: string, number: number) {
  assertReader(actor);
  const row = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { ...revisionDetailSelect, article: { select: { id: true, title: true, currentRevisionId: true, _count: { select: { revisions: true } } } } },
  });
  if (!row) throw new NotFoundError("That revision");
  return {
    article: { id: row.article.id, title: row.article.title, revisionCount: row.article._count.revisions },
    isCurrent: row.article.currentRevisionId === row.id,
    revision: toRevisionDetail(row, await originalSize(row.id)),
  };
}

export type OriginalFile = { bytes: Uint8Array; filename: string; format: string; encoding: string };

/** The bytes exactly as imported, for download. */
export async function getOriginalFile(actor: Actor | null, articleId: string, number: number): Promise<OriginalFile> {
  assertReader(actor);
  const row = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { originalBytes: true, originalFilename: true, originalFormat: true, encoding: true },
  });
  if (!row) throw new NotFoundError("That revision");
  const extension = { html: "html", markdown: "md" }[row.originalFormat] ?? "txt";
  return {
    bytes: row.originalBytes,
    filename: row.originalFilename ?? `article-${articleId}-original.${extension}`,
    format: row.originalFormat,
    encoding: row.encoding,
  };
}

const MAX_ORIGINAL_PREVIEW_CHARS = 200_000;

/** The original decoded with the encoding the importer detected, for reading on the page (never rendered as HTML). */
export function decodeOriginal(file: OriginalFile): { text: string; truncated: boolean } {
  const encoding = iconv.encodingExists(file.encoding) ? file.encoding : "utf-8";
  const text = iconv.decode(Buffer.from(file.bytes), encoding, { stripBOM: true });
  return text.length > MAX_ORIGINAL_PREVIEW_CHARS
    ? { text: text.slice(0, MAX_ORIGINAL_PREVIEW_CHARS), truncated: true }
    : { text, truncated: false };
}

/**
 * What importing these sources would do, without storing anything: the extraction of each, and
 * whether it duplicates an import or adds a revision to an article with the same URL.
 */
export async function previewImports(actor: Actor | null, sources: readonly ImportSource[]): Promise<ImportPreview[]> {
  if (!canImportArticles(actor)) throw new ForbiddenError("Only editors and admins can import articles.");
  const prepared = await prepareImportsOffThread(sources);
  const parsed = prepared.flatMap((item) => (item.ok ? [item] : []));
  const hashes = parsed.map((item) => item.contentHash);
  const urls = parsed.map((item) => item.article.url).filter((url): url is string => url !== null);
  const [byHash, byUrl] = await Promise.all([
    hashes.length
      ? db.articleRevision.findMany({ where: { contentHash: { in: hashes } }, select: { contentHash: true, article: { select: { id: true, title: true } } } })
      : [],
    urls.length ? db.article.findMany({ where: { url: { in: urls } }, select: { id: true, title: true, url: true } }) : [],
  ]);
  const duplicates = new Map(byHash.map((row) => [row.contentHash, row.article]));
  const revisions = new Map(byUrl.map((row) => [row.url!, { id: row.id, title: row.title }]));
  return prepared.map((item): ImportPreview => {
    if (!item.ok) return { file: item.file, ok: false, error: item.error };
    const { article } = item;
    const duplicateOf = duplicates.get(item.contentHash) ?? null;
    return {
      file: item.file,
      ok: true,
      metadata: extractedMetadata(article),
      format: article.format,
      encoding: article.encoding,
      paragraphs: article.paragraphs,
      removed: article.removed,
      duplicateOf,
      revisionOf: duplicateOf ? null : ((article.url && revisions.get(article.url)) || null),
    };
  });
}

type JobRow = { id: string; status: string; total: number; done: number; failed: number; results?: Prisma.JsonValue; createdAt: Date; finishedAt: Date | null };

function toJobView(job: JobRow): ImportJobView {
  const results = ((job.results ?? []) as unknown as ImportOutcome[]).slice().sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    results,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * A background import's progress, with each file's result so far (`results: false` leaves them
 * out). Its creator and admins may see it. Status: queued, running or finished ("interrupted"
 * only on jobs from before the queue kept their files across restarts).
 */
export async function getImportJob(actor: Actor | null, id: string, options: { results?: boolean } = {}): Promise<ImportJobView> {
  assertReader(actor);
  const job = await db.importJob.findUnique({ where: { id }, omit: { results: options.results === false } });
  if (!job || (job.createdById !== actor.id && actor.role !== "ADMIN")) throw new NotFoundError("The import job");
  return toJobView(job);
}

/** The actor's recent background imports (all of them for an admin). */
export async function listImportJobs(actor: Actor | null, take = 10): Promise<ImportJobView[]> {
  assertReader(actor);
  const jobs = await db.importJob.findMany({
    where: actor.role === "ADMIN" ? {} : { createdById: actor.id },
    orderBy: { createdAt: "desc" },
    take,
  });
  return jobs.map(toJobView);
}

function dayString(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
