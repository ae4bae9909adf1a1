// Loads the synthetic workspace the benchmarks run against. This is set-up, not measured: rows
// go in with a few set-based statements per table instead of through the mutations, except
// users, tokens and the published briefing, which use the product's own code.
import { randomUUID } from "node:crypto";
import { buildSelectors } from "@/lib/annotations/anchor";
import { prepareComment } from "@/lib/annotations/comment";
import { normalizedText } from "@/lib/articles/extract";
import { articleMetadata } from "@/lib/articles/article-metadata";
import { prepareImport } from "@/lib/articles/prepare";
import { createApiToken, createUser } from "@/lib/auth/mutations";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";
import type { BriefingDoc } from "@/lib/briefings/document";
import { approveBriefing, createBriefing, publishBriefing, submitBriefing } from "@/lib/briefings/mutations";
import { db, type Prisma } from "@/lib/db";
import { buildMatcher, normalizeName } from "@/lib/entities/match";
import { knownEntitySuggestions } from "@/lib/entities/suggestion-plan";
import { extractProposalsFor, regroupProposalsAround } from "@/lib/proposals/refresh";
import {
  annotationCount,
  createRng,
  generateArticle,
  generateEntities,
  generateEvents,
  pickAnnotationSpans,
  quantityIn,
  sentenceSpans,
  type CorpusArticle,
  type CorpusEntity,
  type CorpusEvent,
  type Rng,
} from "./corpus";
import { SYSTEM } from "@/lib/auth/principal";

export const BENCH_PASSWORD = "bench-password-not-secret";

export type BenchUser = Actor & { token: string };
export type BenchUsers = { editor: BenchUser; editor2: BenchUser; analyst: BenchUser; admin: BenchUser };

/** What the benchmarks need to know about a stored article: enough to make valid selections. */
export type StoredArticle = { id: string; revisionId: string; text: string };

export type Workspace = {
  users: BenchUsers;
  corpus: { entities: CorpusEntity[]; events: CorpusEvent[] };
  /** The events of the corpus's recent months, whose articles have their proposals: what imports and proposals are measured on. */
  recentEvents: CorpusEvent[];
  entities: { id: string; name: string; aliases: string[] }[];
  /** An even sample of the stored articles (all of them up to ARTICLE_SAMPLE), with their texts. */
  articles: StoredArticle[];
  briefingSlug: string;
  counts: Record<string, number>;
};

type Log = (line: string) => void;

/** Articles whose text the benchmarks keep to pick from (an even sample of larger corpora). */
const ARTICLE_SAMPLE = 5_000;

/**
 * A newsroom imports today's news: the articles of the corpus's last two months (a sixth of its
 * two years) get their proposals as the import job makes them (extractions, grouping, rows), and
 * the imports and proposals benchmarks report happenings of those months, so they meet a corpus
 * as dense near them as a real one.
 */
const RECENT_FROM = "2025-11-01";
const isRecent = (e: CorpusEvent) => e.date >= RECENT_FROM;
/** Articles the proposals job reads between two looks at the queue, and regroups around at once (lib/proposals/jobs.ts, lib/jobs/article-jobs.ts). */
const PROPOSAL_SLICE = 20;
const PROPOSAL_JOB = 100;

const newId = (): string => randomUUID();

// ───────────────────────────── bulk insertion ─────────────────────────────

type Column = [name: string, type: string];

/**
 * INSERT … SELECT FROM jsonb_to_recordset: one parameter per batch, which PostgreSQL unpacks far
 * faster than a client builds a multi-row insert. Type "bytea" columns travel base64-encoded.
 */
async function bulkInsert(table: string, columns: Column[], rows: Record<string, unknown>[], batchSize = 2_000): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const values = columns.map(([name, type]) => (type === "bytea" ? `decode(r."${name}", 'base64')` : `r."${name}"`)).join(", ");
  const record = columns.map(([name, type]) => `"${name}" ${type === "bytea" ? "text" : type}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS r(${record})`;
  for (let at = 0; at < rows.length; at += batchSize) {
    await db.$executeRawUnsafe(sql, JSON.stringify(rows.slice(at, at + batchSize)));
  }
}

const ARTICLE_COLUMNS: Column[] = [
  ["id", "text"],
  ["title", "text"],
  ["titleProvisional", "boolean"],
  ["outlet", "text"],
  ["url", "text"],
  ["author", "text"],
  ["commentators", "text[]"],
  ["publishedAt", "date"],
  ["language", "text"],
  ["kind", '"ArticleKind"'],
  ["disclaimer", "text"],
  ["createdById", "text"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const REVISION_COLUMNS: Column[] = [
  ["id", "text"],
  ["articleId", "text"],
  ["number", "int"],
  ["originalBytes", "bytea"],
  ["originalFilename", "text"],
  ["originalFormat", "text"],
  ["encoding", "text"],
  ["contentHash", "text"],
  ["text", "text"],
  ["removed", "jsonb"],
  ["metadata", "jsonb"],
  ["note", "text"],
  ["createdById", "text"],
  ["createdAt", "timestamp(3)"],
];
const ANNOTATION_COLUMNS: Column[] = [
  ["id", "text"],
  ["articleId", "text"],
  ["revisionId", "text"],
  ["kind", "text"],
  ["body", "jsonb"],
  ["bodyHtml", "text"],
  ["tags", "text[]"],
  ["exact", "text"],
  ["prefix", "text"],
  ["suffix", "text"],
  ["start", "int"],
  ["end", "int"],
  ["originalExact", "text"],
  ["status", '"ReviewStatus"'],
  ["authorId", "text"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const REVIEW_COLUMNS: Column[] = [
  ["id", "text"],
  ["annotationId", "text"],
  ["actorId", "text"],
  ["fromStatus", '"ReviewStatus"'],
  ["toStatus", '"ReviewStatus"'],
  ["createdAt", "timestamp(3)"],
];

type ArticleRows = { articles: Record<string, unknown>[]; revisions: Record<string, unknown>[]; stored: StoredArticle[] };

/** Parses generated articles as the importer does and returns the rows to store them. */
async function articleRows(
  generated: CorpusArticle[],
  createdById: string,
  createdAt: (i: number) => Date,
  pause?: () => Promise<unknown>,
): Promise<ArticleRows> {
  const rows: ArticleRows = { articles: [], revisions: [], stored: [] };
  for (const [i, generatedArticle] of generated.entries()) {
    if (pause && i % 20 === 19) await pause();
    const prepared = prepareImport({ bytes: new TextEncoder().encode(generatedArticle.text), filename: generatedArticle.filename });
    if (!prepared.ok) throw new Error(`The generated article ${generatedArticle.filename} does not parse: ${prepared.error}`);
    const { article } = prepared;
    const id = newId();
    const revisionId = newId();
    const text = normalizedText(article.paragraphs);
    const at = createdAt(i).toISOString();
    const metadata = articleMetadata(article);
    rows.articles.push({
      id,
      title: metadata.title,
      titleProvisional: metadata.titleProvisional,
      outlet: metadata.outlet,
      url: metadata.url,
      author: metadata.author,
      commentators: metadata.commentators,
      publishedAt: metadata.publishedAt,
      language: metadata.language,
      kind: metadata.kind,
      disclaimer: metadata.disclaimer,
      createdById,
      createdAt: at,
      updatedAt: at,
    });
    rows.revisions.push({
      id: revisionId,
      articleId: id,
      number: 1,
      originalBytes: Buffer.from(prepared.bytes).toString("base64"),
      originalFilename: generatedArticle.filename,
      originalFormat: article.format,
      encoding: article.encoding,
      contentHash: prepared.contentHash,
      text,
      removed: article.lines,
      metadata,
      note: "Imported.",
      createdById,
      createdAt: at,
    });
    rows.stored.push({ id, revisionId, text });
  }
  return rows;
}

/** Stores parsed articles (article, revision, then the link between them). */
export async function insertArticles(rows: ArticleRows): Promise<void> {
  await bulkInsert("Article", ARTICLE_COLUMNS, rows.articles, 500);
  await bulkInsert("ArticleRevision", REVISION_COLUMNS, rows.revisions, 250);
  await db.$executeRaw`
    UPDATE "Article" AS a SET "currentRevisionId" = v.revision
    FROM unnest(${rows.stored.map((s) => s.id)}::text[], ${rows.stored.map((s) => s.revisionId)}::text[]) AS v(id, revision)
    WHERE a."id" = v.id`;
}

/** Generated articles parsed and stored as the importer would store them, outside any measurement. */
export async function storeGeneratedArticles(generated: CorpusArticle[], createdById: string): Promise<StoredArticle[]> {
  const rows = await articleRows(generated, createdById, () => new Date());
  await insertArticles(rows);
  return rows.stored;
}

// ───────────────────────────── indexes during the load ─────────────────────────────

/** The tables the bulk load fills. */
const BULK_TABLES = ["Article", "ArticleRevision", "Annotation", "AnnotationReview", "Claim", "Link", "MentionSuggestion"];

type IndexDefinition = { name: string; definition: string };

/**
 * Drops the tables' indexes that back no constraint (full-text, foreign-key lookups, sort
 * orders), returning their definitions: building each once after the load is much faster than
 * updating it for every row. Unique and primary keys stay, so the load is checked as usual.
 */
async function dropSecondaryIndexes(tables: string[]): Promise<IndexDefinition[]> {
  const indexes = await db.$queryRaw<IndexDefinition[]>`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    JOIN pg_class c ON c.relname = i.indexname AND c.relkind = 'i'
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
      AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = c.oid AND x.indisunique)`;
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  return indexes;
}

/** Builds the dropped indexes again, exactly as the migrations defined them (storage options included). */
async function recreateIndexes(indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) {
    // A full-text index over 100,000 revisions takes minutes on a busy machine.
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '256MB'");
        await tx.$executeRawUnsafe(index.definition);
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
  }
}

// ───────────────────────────── annotations ─────────────────────────────

const OTHER_KINDS = ["quote", "fact", "opinion", "question", "note"] as const;
const TAGS = ["sourcing", "numbers", "follow-up", "translation", "legal", "timeline"];
const COMMENTS = [
  "Check this against the official readout.",
  "The figure differs from the ministry's statement.",
  "Second source needed before we cite this.",
  "Wording matches the agency copy almost exactly.",
  "Date given in local time; confirm the time zone.",
];
const DAY_MS = 86_400_000;

// Sanitizing a comment costs about a millisecond; the corpus has a handful of distinct ones and a million annotations.
const commentCache = new Map<string | undefined, Extract<ReturnType<typeof prepareComment>, { ok: true }>>();
function preparedComment(text: string | undefined) {
  let prepared = commentCache.get(text);
  if (!prepared) {
    const result = prepareComment(text);
    if (!result.ok) throw new Error(result.message);
    prepared = result;
    commentCache.set(text, prepared);
  }
  return prepared;
}

type AnnotationRow = Record<string, unknown> & { id: string; status: string; createdAt: string };

function reviewStatus(rng: Rng): string {
  const roll = rng();
  return roll < 0.5 ? "PENDING" : roll < 0.85 ? "APPROVED" : roll < 0.95 ? "CHANGES_REQUESTED" : "REJECTED";
}

/** One annotation row on `article` covering [start, end), with canonical selectors. */
export function annotationRow(
  rng: Rng,
  article: StoredArticle,
  span: { start: number; end: number },
  fields: { kind: string; status: string; authorId: string; createdAt: Date },
): AnnotationRow {
  const { quote, position } = buildSelectors(article.text, span.start, span.end);
  const withComment = rng() < 0.4;
  const prepared = preparedComment(withComment ? COMMENTS[Math.floor(rng() * COMMENTS.length)] : undefined);
  const at = fields.createdAt.toISOString();
  return {
    id: newId(),
    articleId: article.id,
    revisionId: article.revisionId,
    kind: fields.kind,
    body: prepared.comment.body,
    bodyHtml: prepared.comment.bodyHtml,
    tags: rng() < 0.3 ? [TAGS[Math.floor(rng() * TAGS.length)]!] : [],
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    originalExact: quote.exact,
    status: fields.status,
    authorId: fields.authorId,
    createdAt: at,
    updatedAt: at,
  };
}

/** Each annotation's creation review row, plus the analyst's decision for decided ones. */
function reviewRows(annotations: AnnotationRow[], analystId: string): Record<string, unknown>[] {
  return annotations.flatMap((a) => [
    { id: newId(), annotationId: a.id, actorId: a.authorId, fromStatus: null, toStatus: "PENDING", createdAt: a.createdAt },
    ...(a.status === "PENDING"
      ? []
      : [{ id: newId(), annotationId: a.id, actorId: analystId, fromStatus: "PENDING", toStatus: a.status, createdAt: a.createdAt }]),
  ]);
}

export async function insertAnnotations(annotations: AnnotationRow[], analystId: string): Promise<void> {
  await bulkInsert("Annotation", ANNOTATION_COLUMNS, annotations);
  await bulkInsert("AnnotationReview", REVIEW_COLUMNS, reviewRows(annotations, analystId), 5_000);
}

// ───────────────────────────── the workspace ─────────────────────────────

async function benchUser(role: RoleName, name: string, runId: string): Promise<BenchUser> {
  const email = `${name}-${runId}@bench.concord`;
  const user = await createUser(SYSTEM, { email, role, name: `Bench ${name}`, password: BENCH_PASSWORD });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return { ...actor, token: (await createApiToken(SYSTEM, user.id, "bench")).token };
}

type ClaimRef = { annotationId: string; claimId: string; articleId: string; value: number };

/**
 * The workspace at `scale`: `scale` articles, about ten annotations each (reviews, claims and
 * links included), scale/2 entities with aliases, scale/5 events, scale/20 contradictions, and
 * one published briefing citing approved passages.
 */
export async function seedWorkspace(options: { scale: number; seed: number; runId: string; log: Log }): Promise<Workspace> {
  const { scale, log } = options;
  const loadStarted = performance.now();
  const rng = createRng(options.seed);
  const now = Date.now();
  const users: BenchUsers = {
    editor: await benchUser("EDITOR", "editor", options.runId),
    editor2: await benchUser("EDITOR", "editor2", options.runId),
    analyst: await benchUser("ANALYST", "analyst", options.runId),
    admin: await benchUser("ADMIN", "admin", options.runId),
  };

  // Entities and aliases.
  const corpusEntities = generateEntities(rng, Math.max(20, Math.round(scale / 2)));
  const entityIds = new Map(corpusEntities.map((e) => [e.key, newId()]));
  const stamp = new Date(now).toISOString();
  await bulkInsert(
    "Entity",
    [
      ["id", "text"],
      ["type", '"EntityType"'],
      ["name", "text"],
      ["normalizedName", "text"],
      ["updatedAt", "timestamp(3)"],
    ],
    corpusEntities.map((e) => ({ id: entityIds.get(e.key), type: e.type, name: e.name, normalizedName: normalizeName(e.name), updatedAt: stamp })),
  );
  const aliasRows = corpusEntities.flatMap((e) => {
    const own = normalizeName(e.name);
    const seen = new Set<string>();
    return e.aliases.flatMap((alias) => {
      const normalized = normalizeName(alias);
      if (normalized === own || seen.has(normalized)) return [];
      seen.add(normalized);
      return [{ id: newId(), entityId: entityIds.get(e.key), alias, normalized }];
    });
  });
  await bulkInsert(
    "EntityAlias",
    [
      ["id", "text"],
      ["entityId", "text"],
      ["alias", "text"],
      ["normalized", "text"],
    ],
    aliasRows,
    5_000,
  );
  log(`  ${corpusEntities.length} entities, ${aliasRows.length} aliases`);

  // Events and their participants.
  const people = corpusEntities.filter((e) => e.type === "PERSON");
  const places = corpusEntities.filter((e) => e.type === "PLACE");
  const corpusEvents = generateEvents(rng, Math.max(5, Math.round(scale / 5)), people);
  const eventIds = new Map(corpusEvents.map((e) => [e.key, newId()]));
  await bulkInsert(
    "Event",
    [
      ["id", "text"],
      ["type", '"EventType"'],
      ["title", "text"],
      ["occurredAt", "timestamp(3)"],
      ["localDate", "text"],
      ["datePrecision", '"DatePrecision"'],
      ["placeId", "text"],
      ["updatedAt", "timestamp(3)"],
    ],
    corpusEvents.map((e) => ({
      id: eventIds.get(e.key),
      type: e.type,
      title: e.title,
      occurredAt: `${e.date}T00:00:00.000Z`,
      localDate: e.date,
      datePrecision: "DAY",
      placeId: places.length && rng() < 0.7 ? entityIds.get(places[Math.floor(rng() * places.length)]!.key) : null,
      updatedAt: stamp,
    })),
  );
  await bulkInsert(
    "EventParticipant",
    [
      ["id", "text"],
      ["eventId", "text"],
      ["entityId", "text"],
      ["role", "text"],
    ],
    corpusEvents.flatMap((e) =>
      e.participants.map((key, i) => ({
        id: newId(),
        eventId: eventIds.get(e.key),
        entityId: entityIds.get(key),
        role: i === 0 ? "initiator" : "participant",
      })),
    ),
    5_000,
  );
  log(`  ${corpusEvents.length} events`);

  // Articles, annotations, reviews, claims and links, in batches. The rows of one batch are
  // written while the next is generated, so both cores work; secondary indexes are built once
  // at the end (faster than maintaining them row by row).
  const BATCH = 500;
  // The benchmarks pick articles at random; a sample spread evenly over the corpus keeps the
  // texts of 100,000 articles out of memory.
  const sampleEvery = Math.max(1, Math.ceil(scale / ARTICLE_SAMPLE));
  const articles: StoredArticle[] = [];
  const claimsByEvent = new Map<string, ClaimRef[]>();
  const articleEvent = new Map<string, string>();
  const entityByKey = new Map(corpusEntities.map((e) => [e.key, e]));
  const counts = { articles: 0, annotations: 0, claims: 0, links: 0, suggestions: 0, extractions: 0 };
  // The open mention suggestions an import leaves on every article (its known names, as the
  // importer's matcher finds them), so that the import and the suggestions figures write into a
  // table of a workspace's size.
  const namesById = new Map(corpusEntities.map((e) => [entityIds.get(e.key)!, [e.name]]));
  for (const alias of aliasRows) namesById.get(alias.entityId!)!.push(alias.alias);
  const matcher = buildMatcher([...namesById].map(([entityId, names]) => ({ entityId, names })));
  const recentKeys = new Set(corpusEvents.filter(isRecent).map((e) => e.key));
  const recentArticles: string[] = [];
  const authors = [users.editor.id, users.editor2.id, users.admin.id];
  const yieldToWrites = () => new Promise((resolve) => setImmediate(resolve));
  const indexes = await dropSecondaryIndexes(BULK_TABLES);
  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < scale; from += BATCH) {
    const generated: CorpusArticle[] = [];
    for (let k = 0; k < Math.min(BATCH, scale - from); k++) {
      generated.push(generateArticle(rng, from + k, corpusEntities, corpusEvents));
      if (k % 20 === 19) await yieldToWrites();
    }
    const rows = await articleRows(generated, users.editor.id, () => new Date(now - rng() * 90 * DAY_MS), yieldToWrites);
    const annotations: AnnotationRow[] = [];
    const claims: Record<string, unknown>[] = [];
    const links: Record<string, unknown>[] = [];
    const suggestions: Record<string, unknown>[] = [];
    for (const [k, article] of rows.stored.entries()) {
      const source = generated[k]!;
      const eventId = eventIds.get(source.eventKeys[0]!)!;
      articleEvent.set(article.id, eventId);
      if (recentKeys.has(source.eventKeys[0]!)) recentArticles.push(article.id);
      const created = () => new Date(now - rng() * 60 * DAY_MS);
      const author = () => authors[Math.floor(rng() * authors.length)]!;
      for (const span of pickAnnotationSpans(rng, article.text, Math.max(2, annotationCount(rng) - 1))) {
        annotations.push(
          annotationRow(rng, article, span, {
            kind: OTHER_KINDS[Math.floor(rng() * OTHER_KINDS.length)]!,
            status: reviewStatus(rng),
            authorId: author(),
            createdAt: created(),
          }),
        );
      }
      // A claim about the article's event: the quantity its first figure sentence states.
      const figure = rng() < 0.6 ? sentenceSpans(article.text).find((s) => quantityIn(article.text.slice(s.start, s.end)) !== null) : undefined;
      if (figure) {
        const row = annotationRow(rng, article, figure, { kind: "claim", status: reviewStatus(rng), authorId: author(), createdAt: created() });
        annotations.push(row);
        const claimId = newId();
        const value = quantityIn(row.exact as string)!;
        claims.push({
          id: claimId,
          annotationId: row.id,
          eventId,
          attribute: "quantity",
          valueType: "NUMBER",
          value: { type: "number", value, qualifier: "more_than", per: "week" },
          updatedAt: stamp,
        });
        links.push({ id: newId(), annotationId: row.id, targetType: "EVENT", entityId: null, eventId, relation: "DESCRIBES", createdById: row.authorId });
        const list = claimsByEvent.get(eventId) ?? [];
        list.push({ annotationId: row.id, claimId, articleId: article.id, value });
        claimsByEvent.set(eventId, list);
      }
      // A mention of the person the article is about, linked to the entity.
      const person = entityByKey.get(source.people[0]!);
      const at = person ? article.text.indexOf(person.name) : -1;
      if (person && at >= 0 && rng() < 0.5) {
        const row = annotationRow(
          rng,
          article,
          { start: at, end: at + person.name.length },
          { kind: "mention", status: reviewStatus(rng), authorId: author(), createdAt: created() },
        );
        annotations.push(row);
        links.push({
          id: newId(),
          annotationId: row.id,
          targetType: "ENTITY",
          entityId: entityIds.get(person.key),
          eventId: null,
          relation: "MENTIONS",
          createdById: row.authorId,
        });
      }
      for (const suggestion of knownEntitySuggestions(article.text, matcher.findMentions(article.text)))
        suggestions.push({ id: newId(), articleId: article.id, revisionId: article.revisionId, ...suggestion });
      if ((from + k) % sampleEvery === 0) articles.push(article);
      if (k % 20 === 19) await yieldToWrites();
    }
    await writing;
    writing = (async () => {
      await insertArticles(rows);
      await insertAnnotations(annotations, users.analyst.id);
      await bulkInsert(
        "Claim",
        [
          ["id", "text"],
          ["annotationId", "text"],
          ["eventId", "text"],
          ["attribute", "text"],
          ["valueType", '"ClaimValueType"'],
          ["value", "jsonb"],
          ["updatedAt", "timestamp(3)"],
        ],
        claims,
      );
      await bulkInsert(
        "Link",
        [
          ["id", "text"],
          ["annotationId", "text"],
          ["targetType", '"LinkTargetType"'],
          ["entityId", "text"],
          ["eventId", "text"],
          ["relation", '"LinkRelation"'],
          ["createdById", "text"],
        ],
        links,
      );
      await bulkInsert(
        "MentionSuggestion",
        [
          ["id", "text"],
          ["articleId", "text"],
          ["revisionId", "text"],
          ["entityId", "text"],
          ["exact", "text"],
          ["start", "int"],
          ["end", "int"],
          ["ambiguous", "boolean"],
        ],
        suggestions,
        5_000,
      );
      counts.articles += rows.stored.length;
      counts.annotations += annotations.length;
      counts.claims += claims.length;
      counts.links += links.length;
      counts.suggestions += suggestions.length;
      if ((from / BATCH) % 10 === 9 || from + BATCH >= scale)
        log(
          `  ${counts.articles} articles, ${counts.annotations} annotations, ${counts.suggestions} suggestions (${Math.round((performance.now() - loadStarted) / 1000)} s)`,
        );
    })();
    // Awaited before the next batch is written; a failure surfaces there.
    writing.catch(() => {});
  }
  await writing;
  log(`  building ${indexes.length} indexes…`);
  await recreateIndexes(indexes);

  // The recent articles' proposals, through the job's own code (not measured).
  const proposalsStarted = performance.now();
  for (let at = 0; at < recentArticles.length; at += PROPOSAL_JOB) {
    const job = recentArticles.slice(at, at + PROPOSAL_JOB);
    for (let slice = 0; slice < job.length; slice += PROPOSAL_SLICE) await extractProposalsFor(job.slice(slice, slice + PROPOSAL_SLICE));
    await regroupProposalsAround(job);
  }
  counts.extractions = recentArticles.length;
  log(`  ${recentArticles.length} recent articles' proposals (since ${RECENT_FROM}, ${Math.round((performance.now() - proposalsStarted) / 1000)} s)`);

  // Contradictions between claims about the same event that state different figures.
  const briefingEvents = [...claimsByEvent.entries()]
    .filter(([, claims]) => new Set(claims.map((c) => c.value)).size > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([eventId]) => eventId);
  const contradictionTarget = Math.max(2, Math.round(scale / 20));
  const contradictions: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const eventTitle = new Map(corpusEvents.map((e) => [eventIds.get(e.key)!, e.title]));
  const ordered: string[] = [...briefingEvents, ...[...claimsByEvent.keys()].filter((id) => !briefingEvents.includes(id))];
  for (const eventId of ordered) {
    if (contradictions.length >= contradictionTarget) break;
    const claims = claimsByEvent.get(eventId)!;
    const distinct = claims.filter((c, i) => claims.findIndex((d) => d.value === c.value || d.articleId === c.articleId) === i).slice(0, 3);
    if (distinct.length < 2) continue;
    const settled = briefingEvents.includes(eventId);
    const roll = rng();
    const status = settled
      ? contradictions.length % 2 === 0
        ? "RESOLVED"
        : "DISCLOSED"
      : roll < 0.6
        ? "OPEN"
        : roll < 0.7
          ? "AWAITING_SIGNOFF"
          : roll < 0.9
            ? "RESOLVED"
            : "DISCLOSED";
    const decided = status !== "OPEN";
    const id = newId();
    contradictions.push({
      id,
      status,
      detected: rng() < 0.5,
      summary: `How many people were affected each week: ${eventTitle.get(eventId)}`,
      attribute: "quantity",
      eventId,
      resolution: !decided ? null : status === "DISCLOSED" ? "DISCLOSE" : "ACCEPT_ONE",
      acceptedClaimId: status === "RESOLVED" || status === "AWAITING_SIGNOFF" ? distinct[0]!.claimId : null,
      rationale: decided ? "The ministry's weekly bulletin gives this figure." : null,
      createdById: users.editor.id,
      resolvedById: decided ? users.editor.id : null,
      resolvedAt: decided ? stamp : null,
      signedOffById: status === "RESOLVED" || status === "DISCLOSED" ? users.analyst.id : null,
      signedOffAt: status === "RESOLVED" || status === "DISCLOSED" ? stamp : null,
      updatedAt: stamp,
    });
    members.push(...distinct.map((c) => ({ contradictionId: id, annotationId: c.annotationId })));
    history.push({ id: newId(), contradictionId: id, actorId: users.editor.id, action: "create", fromStatus: null, toStatus: "OPEN", createdAt: stamp });
  }
  await bulkInsert(
    "Contradiction",
    [
      ["id", "text"],
      ["status", '"ContradictionStatus"'],
      ["detected", "boolean"],
      ["summary", "text"],
      ["attribute", "text"],
      ["eventId", "text"],
      ["resolution", '"ResolutionKind"'],
      ["acceptedClaimId", "text"],
      ["rationale", "text"],
      ["createdById", "text"],
      ["resolvedById", "text"],
      ["resolvedAt", "timestamp(3)"],
      ["signedOffById", "text"],
      ["signedOffAt", "timestamp(3)"],
      ["updatedAt", "timestamp(3)"],
    ],
    contradictions,
  );
  await bulkInsert(
    "ContradictionMember",
    [
      ["contradictionId", "text"],
      ["annotationId", "text"],
    ],
    members,
    5_000,
  );
  await bulkInsert(
    "ContradictionHistory",
    [
      ["id", "text"],
      ["contradictionId", "text"],
      ["actorId", "text"],
      ["action", "text"],
      ["fromStatus", '"ContradictionStatus"'],
      ["toStatus", '"ContradictionStatus"'],
      ["createdAt", "timestamp(3)"],
    ],
    history,
  );
  log(`  ${contradictions.length} contradictions`);

  // The briefing shows its disagreements' passages to readers: an analyst approved them.
  const briefingContradictions = new Set(contradictions.filter((c) => briefingEvents.includes(c.eventId as string)).map((c) => c.id));
  const shown = members.filter((m) => briefingContradictions.has(m.contradictionId)).map((m) => m.annotationId as string);
  const unapproved = await db.annotation.findMany({ where: { id: { in: shown }, status: { not: "APPROVED" } }, select: { id: true, status: true } });
  await db.annotation.updateMany({ where: { id: { in: unapproved.map((a) => a.id) } }, data: { status: "APPROVED", version: { increment: 1 } } });
  await bulkInsert(
    "AnnotationReview",
    REVIEW_COLUMNS,
    unapproved.map((a) => ({ id: newId(), annotationId: a.id, actorId: users.analyst.id, fromStatus: a.status, toStatus: "APPROVED", createdAt: stamp })),
  );

  const briefingSlug = await publishBenchBriefing({
    users,
    runId: options.runId,
    eventIds: briefingEvents,
    articleIds: [...articleEvent].filter(([, eventId]) => briefingEvents.includes(eventId)).map(([id]) => id),
    contradictionIds: contradictions.filter((c) => briefingEvents.includes(c.eventId as string)).map((c) => c.id as string),
    entityIds: corpusEvents.filter((e) => briefingEvents.includes(eventIds.get(e.key)!)).flatMap((e) => e.participants.map((key) => entityIds.get(key)!)),
  });

  // The steady state autovacuum keeps a running system in: statistics for the planner, and the
  // full-text indexes' pending lists merged (bulk loading leaves both behind).
  await db.$executeRawUnsafe("VACUUM ANALYZE");

  return {
    users,
    corpus: { entities: corpusEntities, events: corpusEvents },
    recentEvents: corpusEvents.some(isRecent) ? corpusEvents.filter(isRecent) : corpusEvents,
    entities: corpusEntities.map((e) => ({ id: entityIds.get(e.key)!, name: e.name, aliases: e.aliases })),
    articles,
    briefingSlug,
    counts: {
      articles: counts.articles,
      annotations: counts.annotations,
      claims: counts.claims,
      links: counts.links,
      suggestions: counts.suggestions,
      entities: corpusEntities.length,
      aliases: aliasRows.length,
      events: corpusEvents.length,
      contradictions: contradictions.length,
      extractions: counts.extractions,
    },
  };
}

/**
 * A briefing through the product's own workflow (create, submit, approve, publish): passages
 * cited from articles about the chosen events, their timeline, disagreements and key actors.
 */
async function publishBenchBriefing(input: {
  users: BenchUsers;
  runId: string;
  eventIds: string[];
  articleIds: string[];
  contradictionIds: string[];
  entityIds: string[];
}): Promise<string> {
  const approved = { status: "APPROVED", anchorStatus: "ANCHORED", deletedAt: null, kind: { in: ["quote", "fact"] } } satisfies Prisma.AnnotationWhereInput;
  let cited = await db.annotation.findMany({
    where: { ...approved, articleId: { in: input.articleIds } },
    select: { id: true, exact: true },
    orderBy: { id: "asc" },
    take: 12,
  });
  if (cited.length < 12) cited = await db.annotation.findMany({ where: approved, select: { id: true, exact: true }, orderBy: { id: "asc" }, take: 12 });
  const paragraphs: BriefingDoc["content"] = [];
  for (let i = 0; i < cited.length; i += 2) {
    const pair = cited.slice(i, i + 2);
    paragraphs.push({
      type: "paragraph",
      content: [
        { type: "text", text: `Sources agree that ${pair[0]!.exact.replace(/\.$/, "")}.` },
        { type: "citation", attrs: { annotationIds: pair.map((a) => a.id), label: "" } },
      ],
    });
  }
  const entityIds = [...new Set(input.entityIds)].slice(0, 6);
  const body: BriefingDoc = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      ...paragraphs,
      ...(input.eventIds.length ? [{ type: "timeline" as const, attrs: { eventIds: input.eventIds } }] : []),
      ...(input.contradictionIds.length ? [{ type: "disagreements" as const, attrs: { contradictionIds: input.contradictionIds.slice(0, 5) } }] : []),
      ...(entityIds.length ? [{ type: "keyActors" as const, attrs: { entityIds } }] : []),
    ],
  };
  const slug = `bench-briefing-${input.runId}`;
  const { editor, analyst } = input.users;
  const created = await createBriefing(editor, {
    title: `Weekly figures in dispute (${input.runId})`,
    slug,
    summary: "What the sources agree on, and where they differ.",
    body,
  });
  await submitBriefing(editor, created.id);
  await approveBriefing(analyst, created.id, {});
  await publishBriefing(editor, created.id, {});
  return slug;
}

/** A generated article of about `bytes` characters, stored, with `count` annotations on it. */
export async function storeAnnotatedArticle(input: { rng: Rng; index: number; bytes: number; count: number; workspace: Workspace }): Promise<StoredArticle> {
  const { rng, workspace } = input;
  const generated = generateArticle(rng, input.index, workspace.corpus.entities, workspace.corpus.events, { targetBytes: input.bytes });
  const [article] = await storeGeneratedArticles([generated], workspace.users.editor.id);
  const rows = pickAnnotationSpans(rng, article!.text, input.count).map((span) =>
    annotationRow(rng, article!, span, {
      kind: OTHER_KINDS[Math.floor(rng() * OTHER_KINDS.length)]!,
      status: "PENDING",
      authorId: workspace.users.editor.id,
      createdAt: new Date(),
    }),
  );
  await insertAnnotations(rows, workspace.users.analyst.id);
  return article!;
}
