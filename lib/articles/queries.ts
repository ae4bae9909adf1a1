import "server-only";
import iconv from "iconv-lite";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma, readDb } from "@/lib/db";
import { listSpellings } from "@/lib/entities/queries";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/iso-day";
import type { ClassifiedLine } from "./extract";
import { canImportArticles, canReadArticles } from "./permissions";
import { articleMetadata, type ArticleMetadata } from "./article-metadata";
import type { ImportSource } from "./prepare";
import { prepareImportsOffThread } from "./prepare-off-thread";
import { expandQuery, lookupKeys, queryParts, type ExpandedQuery } from "./search-terms";
import {
  ARTICLES_PAGE_SIZE,
  type ArticleKindName,
  type ArticleListQuery,
  type ArticleSort,
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

/**
 * `total` is exact, a lower bound ("at-least": counting further would read every match) or the
 * planner's estimate ("about": the unfiltered list of a large workspace).
 */
export type ArticleList = {
  items: ArticleListItem[];
  total: number;
  totalIs: "exact" | "at-least" | "about";
  /** The page asked for by number; 0 when the list was asked for by `cursor`. */
  page: number;
  pageCount: number;
  pageSize: number;
  /**
   * Where the next page starts (the last article listed), for `cursor`, or null after the last.
   * Paging by cursor neither repeats nor skips an article when others are imported meanwhile, as
   * page numbers do; the list with a search query is paged by number only.
   */
  nextCursor: string | null;
  /** Other spellings of entities the query named, searched as well ("Zelensky" for "Zelenskyy"). */
  alsoSearched: string[];
};

type ListRow = Omit<ArticleListItem, "publishedAt" | "createdAt"> & { publishedAt: Date | null; createdAt: Date };

/**
 * Matches ranked per query, newest first, on each side (title and text): ranking every article
 * that contains a common word cost time in proportion to the corpus. A query with more matches
 * ranks the newest ones and says that there are more.
 */
export const SEARCH_RANK_LIMIT = 250;
/**
 * Each side first looks for its newest matches among the articles written since the
 * (this × the matches it needs)-th newest article: a word in most articles fills its quota there,
 * and the cost stays that of the window however large the corpus (through the date column of each
 * side's index: migrations 20261206000100 and 20261206000600). Then in a span of time
 * SEARCH_WINDOW_GROWTH times as long, and only then in the whole index (newestMatches).
 */
const SEARCH_WINDOW_FACTOR = 10;
const SEARCH_WINDOW_GROWTH = 10;
/** Articles counted exactly at most; a larger list gives the count as "at least" (filtered) or the planner's estimate. */
export const LIST_COUNT_LIMIT = 10_000;

/**
 * Lists articles, newest first or by the chosen order. `q` searches title and outlet, and the
 * text of the current revision, with PostgreSQL full-text search (web-search syntax: quotes,
 * OR, -word); a word or name that names a known entity also finds its other spellings. Each
 * side is its own index scan (an OR across the two tables could use neither): the title
 * expression matches the GIN index of migration 20261206000600, the text side the stored,
 * indexed "searchVector" of migration 20261121000300. Each side keeps its newest
 * SEARCH_RANK_LIMIT matches, and only those are ranked. Read from the read replica when there is one.
 */
export async function listArticles(actor: Actor, query: ArticleListQuery): Promise<ArticleList> {
  assertReader(actor);
  const where = articleConditions(query);
  const sort = query.sort ?? (query.q ? "relevance" : "newest");
  const order = {
    relevance: Prisma.sql`rank DESC, a."createdAt" DESC`,
    newest: Prisma.sql`a."createdAt" DESC`,
    oldest: Prisma.sql`a."createdAt" ASC`,
    published: Prisma.sql`a."publishedAt" DESC NULLS LAST, a."createdAt" DESC`,
    title: Prisma.sql`lower(a."title") ASC`,
    outlet: Prisma.sql`lower(a."outlet") ASC NULLS LAST, lower(a."title") ASC`,
  }[sort];
  if (query.cursor && query.q) throw new ValidationError("A search is paged by page number, not by cursor.");
  const { rows, ...result } = query.q
    ? { ...(await searchPage(query.q, where, order, query.page ?? 1)), nextCursor: null }
    : await listPage(where, order, sort === "relevance" ? "newest" : sort, query.page ?? 1, query.cursor);
  return {
    ...result,
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleProvisional: row.titleProvisional,
      outlet: row.outlet,
      author: row.author,
      kind: row.kind,
      publishedAt: isoDay(row.publishedAt),
      createdAt: row.createdAt.toISOString(),
    })),
    pageSize: ARTICLES_PAGE_SIZE,
  };
}

const LIST_COLUMNS = Prisma.sql`a."id", a."title", a."titleProvisional", a."outlet", a."author", a."kind"::text AS "kind", a."publishedAt", a."createdAt"`;

type Page = { rows: ListRow[]; total: number; totalIs: ArticleList["totalIs"]; page: number; pageCount: number; alsoSearched: string[] };

/** Pages that exist for `total` articles; past the last, the last. */
function clampPage(page: number, total: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PAGE_SIZE));
  return { page: Math.min(page, pageCount), pageCount };
}

/**
 * The keys each order of the list sorts by, before the id that breaks ties, as SQL on a row
 * aliased `row`; `nullsLast` for a column that may be null and sorts last.
 */
const SORT_KEYS: Record<Exclude<ArticleSort, "relevance">, { expression: (row: string) => string; descending: boolean; nullsLast?: boolean }[]> = {
  newest: [{ expression: (row) => `${row}."createdAt"`, descending: true }],
  oldest: [{ expression: (row) => `${row}."createdAt"`, descending: false }],
  published: [
    { expression: (row) => `${row}."publishedAt"`, descending: true, nullsLast: true },
    { expression: (row) => `${row}."createdAt"`, descending: true },
  ],
  title: [{ expression: (row) => `lower(${row}."title")`, descending: false }],
  outlet: [
    { expression: (row) => `lower(${row}."outlet")`, descending: false, nullsLast: true },
    { expression: (row) => `lower(${row}."title")`, descending: false },
  ],
};

type SortKey = (typeof SORT_KEYS)[keyof typeof SORT_KEYS][number];
const ID_KEY: SortKey = { expression: (row) => `${row}."id"`, descending: false };

/**
 * The rows after the article `cursor` in the order `sort` (keyset pagination): those whose keys
 * come after the cursor row's current keys. These are read by subqueries PostgreSQL runs once
 * (init plans), so the first key's bound can start an index scan at the cursor, where an offset
 * reads every row before it. An unknown cursor (the article was deleted) matches nothing.
 */
function afterCursor(sort: Exclude<ArticleSort, "relevance">, cursor: string): Prisma.Sql {
  const keys = [...SORT_KEYS[sort], ID_KEY];
  const mine = (key: SortKey) => Prisma.raw(key.expression("a"));
  const theirs = (key: SortKey) => Prisma.sql`(SELECT ${Prisma.raw(key.expression("c"))} FROM "Article" c WHERE c."id" = ${cursor})`;
  const after = (key: SortKey) => {
    const comparison = Prisma.sql`${mine(key)} ${Prisma.raw(key.descending ? "<" : ">")} ${theirs(key)}`;
    return key.nullsLast ? Prisma.sql`(${theirs(key)} IS NOT NULL AND (${mine(key)} IS NULL OR ${comparison}))` : comparison;
  };
  const alternatives = keys.map((key, index) =>
    Prisma.join([...keys.slice(0, index).map((earlier) => Prisma.sql`${mine(earlier)} IS NOT DISTINCT FROM ${theirs(earlier)}`), after(key)], " AND "),
  );
  const first = keys[0]!;
  const bound = first.nullsLast ? [] : [Prisma.sql`${mine(first)} ${Prisma.raw(first.descending ? "<=" : ">=")} ${theirs(first)}`];
  return Prisma.join(
    [
      ...bound,
      Prisma.sql`(${Prisma.join(
        alternatives.map((alternative) => Prisma.sql`(${alternative})`),
        " OR ",
      )})`,
    ],
    " AND ",
  );
}

/**
 * Without a query: counted up to LIST_COUNT_LIMIT, paged within that bound by number (older
 * articles are found by narrowing the filters), or without bound after a cursor.
 */
async function listPage(
  conditions: Prisma.Sql[],
  order: Prisma.Sql,
  sort: Exclude<ArticleSort, "relevance">,
  requested: number,
  cursor: string | undefined,
): Promise<Page & { nextCursor: string | null }> {
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ counted }] = await readDb.$queryRaw<{ counted: bigint }[]>`
    SELECT count(*) AS counted FROM (SELECT 1 FROM "Article" a ${where} LIMIT ${LIST_COUNT_LIMIT + 1}) AS bounded`;
  let total = Number(counted);
  let totalIs: Page["totalIs"] = "exact";
  if (total > LIST_COUNT_LIMIT) {
    total = LIST_COUNT_LIMIT;
    totalIs = "at-least";
    if (conditions.length === 0) {
      const [estimate] = await readDb.$queryRaw<{ rows: number }[]>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = '"Article"'::regclass`;
      if (estimate && estimate.rows > LIST_COUNT_LIMIT) [total, totalIs] = [Math.round(estimate.rows), "about"];
    }
  }
  const { page, pageCount } = clampPage(requested, Math.min(total, LIST_COUNT_LIMIT));
  if (cursor) {
    const after = [...conditions, afterCursor(sort, cursor)];
    const rows = await readDb.$queryRaw<ListRow[]>`
      SELECT ${LIST_COLUMNS}, 0 AS rank FROM "Article" a WHERE ${Prisma.join(after, " AND ")}
      ORDER BY ${order}, a."id"
      LIMIT ${ARTICLES_PAGE_SIZE + 1}`;
    const more = rows.length > ARTICLES_PAGE_SIZE;
    const listed = rows.slice(0, ARTICLES_PAGE_SIZE);
    return { rows: listed, total, totalIs, page: 0, pageCount, alsoSearched: [], nextCursor: more ? listed.at(-1)!.id : null };
  }
  const rows = await readDb.$queryRaw<ListRow[]>`
    SELECT ${LIST_COLUMNS}, 0 AS rank FROM "Article" a ${where}
    ORDER BY ${order}, a."id"
    LIMIT ${ARTICLES_PAGE_SIZE + 1} OFFSET ${(page - 1) * ARTICLES_PAGE_SIZE}`;
  const listed = rows.slice(0, ARTICLES_PAGE_SIZE);
  return { rows: listed, total, totalIs, page, pageCount, alsoSearched: [], nextCursor: rows.length > ARTICLES_PAGE_SIZE ? listed.at(-1)!.id : null };
}

/** The words of a spelling, as plain words for websearch_to_tsquery (no quotes, OR or exclusions). */
const wordsOf = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ")
    .toLowerCase();

/**
 * The tsquery for `q` in a text search configuration: the query as written, with each term
 * that names a known entity OR-ed with that entity's other spellings, each as a phrase, or with
 * `spellings: "words"` as its words in any order (what the index can answer without reading vectors).
 */
function tsQuery(config: "simple" | "english", expanded: ExpandedQuery, spellings: "phrases" | "words" = "phrases"): Prisma.Sql {
  const web = (text: string) => Prisma.sql`websearch_to_tsquery(${config}::regconfig, ${text})`;
  const spelling = (text: string) => (spellings === "words" ? wordsOf(text) : `"${text.replaceAll('"', " ")}"`);
  const parts = [
    ...(expanded.rest ? [web(expanded.rest)] : []),
    ...expanded.terms.map((t) => Prisma.sql`(${Prisma.join([web(spelling(t.term)), ...t.variants.map((v) => web(spelling(v)))], " || ")})`),
  ];
  return Prisma.sql`(${Prisma.join(parts, " && ")})`;
}

/**
 * The query without phrases and exclusions: every article the query finds also matches it, and
 * the index answers it without reading any stored vector (a phrase or an exclusion makes the
 * index recheck each candidate's vector). Null when nothing positive is left.
 */
function looseQuery(expanded: ExpandedQuery): ExpandedQuery | null {
  const loosen = (text: string) =>
    queryParts(text)
      .filter((p) => !p.negated)
      .map((p) => p.text)
      .join(" ");
  const loose = { rest: loosen(expanded.rest), terms: expanded.terms.map((t) => ({ term: loosen(t.term), variants: t.variants.map(loosen) })) };
  return loose.rest || loose.terms.length ? loose : null;
}

/**
 * CTEs that give `name` ("id" and "createdAt"): the newest `limit` rows that `matches(since)`
 * finds, where `since` bounds the rows' date (null: no bound). They are looked for among the
 * articles since the (limit × SEARCH_WINDOW_FACTOR)-th newest, then, when the window found at
 * least a SEARCH_WINDOW_GROWTH-th of `limit`, in a span of time SEARCH_WINDOW_GROWTH times as long
 * back from the newest (by the dates, so no more of the date index is read for it; not when that
 * span would reach back over half the articles' dates), and in the whole
 * index only when both hold fewer than `limit`: a word in a few percent of the articles no longer
 * reads every match of it to keep its newest. PostgreSQL decides each
 * step once, before reading it. A step that holds `limit` rows holds the newest, so the answer is
 * the same whichever step gives it.
 */
function newestMatches(name: string, limit: number, matches: (since: Prisma.Sql | null) => Prisma.Sql): Prisma.Sql {
  const step = (suffix: string) => Prisma.raw(`"${name}_${suffix}"`);
  const found = (suffix: string) => Prisma.sql`(SELECT count(*) FROM ${step(suffix)})`;
  const growth = Prisma.raw(String(SEARCH_WINDOW_GROWTH));
  return Prisma.sql`
    ${step("window")} AS MATERIALIZED (
      -- A span reaching back over half the articles' dates costs more through the index's dates than the whole index does.
      SELECT "start", CASE WHEN ${growth} * ("newest" - "start") < ("newest" - "oldest") / 2 THEN "newest" - ${growth} * ("newest" - "start") END AS "wider"
      FROM (
        SELECT (SELECT "createdAt" FROM "Article" ORDER BY "createdAt" DESC OFFSET ${limit * SEARCH_WINDOW_FACTOR} LIMIT 1) AS "start",
               (SELECT max("createdAt") FROM "Article") AS "newest",
               (SELECT min("createdAt") FROM "Article") AS "oldest"
      ) AS bounds
    ), ${step("recent")} AS MATERIALIZED (
      ${matches(Prisma.sql`(SELECT "start" FROM ${step("window")})`)}
    ), ${step("wider")} AS MATERIALIZED (
      -- Only for a word the longer span should fill at the rate the window found it: reading the
      -- span's dates in the index costs a few hundred pages, wasted on a word that then needs the whole index.
      SELECT * FROM (${matches(Prisma.sql`(SELECT "wider" FROM ${step("window")})`)}) AS m
      WHERE ${found("recent")} < ${limit} AND ${found("recent")} * ${growth} >= ${limit} AND (SELECT "wider" FROM ${step("window")}) IS NOT NULL
    ), ${step("all")} AS MATERIALIZED (
      SELECT * FROM (${matches(null)}) AS m WHERE ${found("recent")} < ${limit} AND ${found("wider")} < ${limit}
    ), ${Prisma.raw(`"${name}"`)} AS (
      SELECT * FROM ${step("recent")} WHERE ${found("recent")} >= ${limit}
      UNION ALL
      SELECT * FROM ${step("wider")} WHERE ${found("wider")} >= ${limit}
      UNION ALL
      SELECT * FROM ${step("all")}
    )`;
}

async function searchPage(q: string, conditions: Prisma.Sql[], order: Prisma.Sql, requested: number): Promise<Page> {
  const expanded = expandQuery(q, await listSpellings(lookupKeys(q)));
  const textQuery = tsQuery("english", expanded);
  // A spelling of several words ("Bela Evveloff" for "Evvelov") is a phrase too: through the index, every
  // article with its words was read and its vector checked (650 for one surname at 100,000 articles).
  const exact =
    queryParts(q).every((p) => !p.phrase && !p.negated) && expanded.terms.every((t) => [t.term, ...t.variants].every((s) => !wordsOf(s).includes(" ")));
  const loose = exact ? null : looseQuery(expanded);
  const titleQuery = tsQuery("simple", expanded);
  const filters = conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  // Filters apply after the newest matches are taken, so a filtered search takes more of them.
  const textLimit = conditions.length ? SEARCH_RANK_LIMIT * 4 : SEARCH_RANK_LIMIT;
  // With a phrase or an exclusion, the newest matches of its words are taken from the index, then checked against the whole query.
  const firstPass = loose ? { query: tsQuery("english", loose, "words"), limit: SEARCH_RANK_LIMIT * 4 } : { query: textQuery, limit: textLimit };
  const since = (column: Prisma.Sql, start: Prisma.Sql | null) => (start ? Prisma.sql`AND ${column} >= ${start}` : Prisma.empty);
  // The expression of the title index (migration 20261206000600, with the date), so the planner can use it.
  const titleVector = Prisma.raw(`to_tsvector('simple', coalesce(a."title", '') || ' ' || coalesce(a."outlet", ''))`);
  // Every hit's rank is twice its title-and-outlet rank plus its text rank, whichever side found it.
  const [, rows] = await readDb.$transaction([
    // Matching a stored vector outside its index reads and decompresses it (~4 KB each): for a word in
    // most articles the planner would rather read the whole table that way (440,000 buffers at
    // 100,000 articles) or walk the newest articles testing each, than take the index's list of
    // matches and sort them by date (10,000 buffers of table pages, no vector read). It must use the index.
    // Parallel workers for a scan of a few thousand rows cost more to start than they save: on a
    // busy machine the window's 10 ms scan took 70-90 ms with two of them.
    readDb.$executeRawUnsafe("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0"),
    readDb.$queryRaw<(ListRow & { total: bigint; capped: boolean })[]>`
    WITH ${newestMatches(
      "candidates",
      firstPass.limit,
      (start) => Prisma.sql`
        SELECT r."id", r."createdAt" FROM "ArticleRevision" r WHERE r."searchVector" @@ ${firstPass.query} ${since(Prisma.sql`r."createdAt"`, start)}
        ORDER BY r."createdAt" DESC LIMIT ${firstPass.limit}`,
    )}, text_hits AS (
      ${
        loose
          ? // Checked on each candidate's own vector, an expression the index cannot answer: through the index the
            // planner read every match of the phrase (22,370 at 100,000 articles, 700 ms) to keep some of 1,000.
            // Newest first, one candidate after another, so the check stops once it has found enough.
            Prisma.sql`SELECT c."id" FROM (SELECT "id", "createdAt" FROM candidates ORDER BY "createdAt" DESC) AS c
            CROSS JOIN LATERAL (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = c."id" AND coalesce(r."searchVector", ''::tsvector) @@ ${textQuery}) AS checked`
          : Prisma.sql`SELECT "id" FROM candidates`
      } LIMIT ${textLimit}
    ), ${newestMatches(
      "title_hits",
      SEARCH_RANK_LIMIT,
      // Sorting on an expression keeps the planner from walking the date index and computing
      // every title's vector until enough match (24,000 buffers for a topic word at 100,000
      // articles); the index's matches sorted by date read only the matching rows.
      (start) => Prisma.sql`
        SELECT a."id", a."createdAt" FROM "Article" a
        WHERE ${titleVector} @@ ${titleQuery} ${filters} ${since(Prisma.sql`a."createdAt"`, start)}
        ORDER BY a."createdAt" + interval '0 seconds' DESC LIMIT ${SEARCH_RANK_LIMIT}`,
    )}, ranked AS (
      SELECT ${LIST_COLUMNS},
             2 * ts_rank(${titleVector}, ${titleQuery}) + ts_rank(coalesce(r."searchVector", ''::tsvector), ${textQuery}) AS rank
      FROM (
        SELECT a."id" FROM text_hits t JOIN "Article" a ON a."currentRevisionId" = t."id" WHERE true ${filters}
        UNION
        SELECT "id" FROM title_hits
      ) AS hit
      JOIN "Article" a ON a."id" = hit."id"
      LEFT JOIN "ArticleRevision" r ON r."id" = a."currentRevisionId"
    )
    SELECT a.*, COUNT(*) OVER () AS "total",
           (SELECT count(*) FROM text_hits) >= ${textLimit} OR (SELECT count(*) FROM title_hits) >= ${SEARCH_RANK_LIMIT} AS "capped"
    FROM ranked a
    ORDER BY ${order}, a."id"
    LIMIT ${ARTICLES_PAGE_SIZE} OFFSET ${(requested - 1) * ARTICLES_PAGE_SIZE}`,
  ]);
  // Past the last page (the results changed while someone paged): the last page.
  if (rows.length === 0 && requested > 1) {
    const first = await searchPage(q, conditions, order, 1);
    return first.pageCount > 1 ? searchPage(q, conditions, order, first.pageCount) : first;
  }
  const alsoSearched = expanded.terms.flatMap((t) => t.variants);
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return { rows, total, totalIs: rows[0]?.capped ? "at-least" : "exact", ...clampPage(requested, total), alsoSearched };
}

function articleConditions(query: ArticleListQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.outlet) conditions.push(Prisma.sql`a."outlet" = ${query.outlet}`);
  if (query.kind) conditions.push(Prisma.sql`a."kind" = ${query.kind}::"ArticleKind"`);
  if (query.from) conditions.push(Prisma.sql`a."publishedAt" >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`a."publishedAt" <= ${query.to}::date`);
  return conditions;
}

/** Outlets for the filter, alphabetically. */
export async function listOutlets(actor: Actor): Promise<string[]> {
  assertReader(actor);
  // One index probe per outlet (a recursive skip scan over Article_outlet_idx), not a pass over every article.
  const rows = await readDb.$queryRaw<{ outlet: string }[]>`
    WITH RECURSIVE outlets AS (
      (SELECT "outlet" FROM "Article" WHERE "outlet" IS NOT NULL ORDER BY "outlet" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."outlet" FROM "Article" a WHERE a."outlet" > o."outlet" ORDER BY a."outlet" LIMIT 1) FROM outlets o WHERE o."outlet" IS NOT NULL
    )
    SELECT "outlet" FROM outlets WHERE "outlet" IS NOT NULL`;
  return rows.map((row) => row.outlet);
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
  metadata: ArticleMetadata;
  originalFilename: string | null;
  originalFormat: string;
  encoding: string;
  originalSize: number;
  contentHash: string;
  note: string | null;
  createdAt: string;
  by: string | null;
};

export type ArticleDetail = ArticleMetadata & {
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
    metadata: row.metadata as unknown as ArticleMetadata,
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
export async function getArticle(actor: Actor, id: string): Promise<ArticleDetail> {
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
    ...articleMetadata({ ...article, publishedAt: isoDay(article.publishedAt) }),
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
export async function getArticleRevision(actor: Actor, articleId: string, number: number) {
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
export async function getOriginalFile(actor: Actor, articleId: string, number: number): Promise<OriginalFile> {
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
  return text.length > MAX_ORIGINAL_PREVIEW_CHARS ? { text: text.slice(0, MAX_ORIGINAL_PREVIEW_CHARS), truncated: true } : { text, truncated: false };
}

/**
 * What importing these sources would do, without storing anything: the extraction of each, and
 * whether it duplicates an import or adds a revision to an article with the same URL.
 */
export async function previewImports(actor: Actor, sources: readonly ImportSource[]): Promise<ImportPreview[]> {
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
      metadata: articleMetadata(article),
      format: article.format,
      encoding: article.encoding,
      paragraphs: article.paragraphs,
      removed: article.removed,
      lines: article.lines,
      noArticleFound: article.noArticleFound ?? false,
      classifiedLanguage: article.classifiedLanguage ?? null,
      duplicateOf,
      revisionOf: duplicateOf ? null : (article.url && revisions.get(article.url)) || null,
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
export async function getImportJob(actor: Actor, id: string, options: { results?: boolean } = {}): Promise<ImportJobView> {
  assertReader(actor);
  const job = await db.importJob.findUnique({ where: { id }, omit: { results: options.results === false } });
  if (!job || (job.createdById !== actor.id && actor.role !== "ADMIN")) throw new NotFoundError("The import job");
  return toJobView(job);
}

/** The actor's recent background imports (all of them for an admin). */
export async function listImportJobs(actor: Actor, take = 10): Promise<ImportJobView[]> {
  assertReader(actor);
  const jobs = await db.importJob.findMany({
    where: actor.role === "ADMIN" ? {} : { createdById: actor.id },
    orderBy: { createdAt: "desc" },
    take,
  });
  return jobs.map(toJobView);
}
