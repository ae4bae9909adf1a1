import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { recordAuditMany, type AuditEntry } from "@/lib/audit/record";
import { type Principal, principalId } from "@/lib/auth/principal";
import { db, type Prisma, type Tx } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/long-transaction";
import { jsonDocument } from "@/lib/db/json-document";
import { dateOfIsoDay } from "@/lib/iso-day";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { emit } from "@/lib/jobs/signals";
import { normalizedText, type ClassifiedLine } from "./extract";
import { canImportArticles } from "./permissions";
import { articleMetadata, type ArticleMetadata } from "./article-metadata";
import { prepareImport, type ImportSource, type PreparedImport } from "./prepare";
import { prepareImportsOffThread } from "./prepare-off-thread";
import { articleRevised, articleTextsChanged } from "./signals";
import type { ImportOutcome } from "./schemas";

type Parsed = Extract<PreparedImport, { ok: true }>;

/** An article a batch may add a revision to: one that exists, or one created earlier in the same batch. */
type UrlTarget = { id: string; title: string; nextNumber: number; existing: boolean };

/**
 * The progress of a background job, written in the batch's transaction: a retried chunk skips
 * the positions already recorded, so nothing is imported twice (lib/articles/jobs.ts).
 */
export type BatchProgress = {
  jobId: string;
  /** Locks the job and returns which of these positions it has recorded. */
  recorded: (tx: Tx, positions: number[]) => Promise<Set<number>>;
  record: (tx: Tx, outcomes: ImportOutcome[]) => Promise<void>;
};

type BatchOptions = {
  progress?: BatchProgress;
  /** Index within the job of each prepared file. */
  positions?: number[];
};

/**
 * Imports one file or pasted text. Returns what happened: imported, duplicate (the same bytes
 * were imported before) or revision (an article with the same URL got a new revision). A file
 * that cannot become an article is a ValidationError (422) with the parser's message.
 */
export async function importArticle(actor: Principal, source: ImportSource): Promise<ImportOutcome> {
  assertCanImport(actor);
  const [prepared] = await prepareImportsOffThread([source]);
  if (!prepared.ok) throw new ValidationError(prepared.error, { code: prepared.code, file: prepared.file });
  const [outcome] = await db.$transaction((tx) => writeBatch(tx, actor, [prepared], {}), LONG_TRANSACTION);
  return outcome;
}

/**
 * Imports many files in one transaction (a few statements for the whole batch, not per file).
 * Files the parser refuses get a per-file failure and the others still import; if the batch
 * cannot be written as a whole, each file is retried in its own transaction so that one bad row
 * fails only itself. Re-anchoring commits with each new revision; suggestions are queued
 * (`articleRevised`, `articleTextsChanged`). For scripts (the first-start seeding): the files
 * are parsed on this thread, as there is no request to keep answering.
 */
export async function importArticles(actor: Principal, sources: readonly ImportSource[], options: BatchOptions = {}): Promise<ImportOutcome[]> {
  assertCanImport(actor);
  return importPrepared(actor, sources.map(prepareImport), options);
}

export async function importPrepared(actor: Principal, prepared: readonly PreparedImport[], options: BatchOptions = {}): Promise<ImportOutcome[]> {
  assertCanImport(actor);
  if (prepared.length === 0) return [];
  try {
    return await db.$transaction((tx) => writeBatch(tx, actor, prepared, options), LONG_TRANSACTION);
  } catch (error) {
    if (prepared.length > 1) {
      const outcomes: ImportOutcome[] = [];
      for (const [i, item] of prepared.entries()) {
        const single = { ...options, positions: options.positions ? [options.positions[i]] : undefined };
        outcomes.push(...(await importPrepared(actor, [item], single)));
      }
      return outcomes;
    }
    const outcome = failedOutcome(prepared[0], options.positions?.[0], saveFailure(error));
    // If even this fails (the database is gone), the error reaches the job runner, which retries.
    if (options.progress) await recordFailures(options.progress, [outcome]);
    return [outcome];
  }
}

/** Records files of a background job as failed, in their own transaction. */
export async function recordFailures(progress: BatchProgress, outcomes: ImportOutcome[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const recorded = await progress.recorded(
      tx,
      outcomes.map((outcome) => outcome.position ?? -1),
    );
    const fresh = outcomes.filter((outcome) => !recorded.has(outcome.position ?? -1));
    if (fresh.length > 0) await progress.record(tx, fresh);
  });
}

function assertCanImport(actor: Principal): void {
  if (!canImportArticles(actor)) throw new ForbiddenError("Only editors and admins can import articles.");
}

function saveFailure(error: unknown): string {
  console.error("Saving an imported article failed:", error);
  return "The article could not be saved. Nothing of it was stored; try importing it again.";
}

function failedOutcome(item: PreparedImport, position: number | undefined, error: string): ImportOutcome {
  return { file: item.file, status: "failed", articleId: null, title: null, revisionNumber: null, error, ...(position === undefined ? {} : { position }) };
}

async function writeBatch(tx: Tx, actor: Principal, prepared: readonly PreparedImport[], options: BatchOptions): Promise<ImportOutcome[]> {
  const skip = options.progress ? await options.progress.recorded(tx, options.positions ?? []) : new Set<number>();
  const items = prepared.filter((item, i): item is Parsed => item.ok && !skip.has(options.positions?.[i] ?? -1));
  const hashes = [...new Set(items.map((item) => item.contentHash))];
  const urls = [...new Set(items.map((item) => item.article.url).filter((url): url is string => url !== null))];
  await lockImportKeys(tx, [...hashes.map((hash) => `hash:${hash}`), ...urls.map((url) => `url:${url}`)]);

  const byHash = new Map<string, { id: string; title: string }>();
  if (hashes.length > 0) {
    const known = await tx.articleRevision.findMany({
      where: { contentHash: { in: hashes } },
      select: { contentHash: true, article: { select: { id: true, title: true } } },
    });
    for (const row of known) byHash.set(row.contentHash, row.article);
  }
  const byUrl = new Map<string, UrlTarget>();
  if (urls.length > 0) {
    const known = await tx.article.findMany({
      where: { url: { in: urls } },
      select: { id: true, title: true, url: true, revisions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 } },
    });
    for (const row of known) byUrl.set(row.url!, { id: row.id, title: row.title, nextNumber: (row.revisions[0]?.number ?? 0) + 1, existing: true });
  }

  const articles: Prisma.ArticleCreateManyInput[] = [];
  const revisions: RevisionRow[] = [];
  const newCurrent = new Map<string, string>();
  const newRevisions: { articleId: string; revision: { id: string; text: string }; existing: boolean; parsed: Parsed }[] = [];
  const outcomes: ImportOutcome[] = [];
  const audit: AuditEntry[] = [];

  for (const [i, item] of prepared.entries()) {
    const position = options.positions?.[i];
    if (position !== undefined && skip.has(position)) continue;
    const at = position === undefined ? {} : { position };
    if (!item.ok) {
      outcomes.push(failedOutcome(item, position, item.error));
      continue;
    }
    const duplicate = byHash.get(item.contentHash);
    if (duplicate) {
      outcomes.push({ file: item.file, status: "duplicate", articleId: duplicate.id, title: duplicate.title, revisionNumber: null, error: null, ...at });
      continue;
    }
    const { article } = item;
    const revisionId = randomUUID();
    const text = normalizedText(article.paragraphs);
    const target = article.url ? byUrl.get(article.url) : undefined;
    if (target) {
      const number = target.nextNumber++;
      revisions.push(revisionRow(item, actor, { id: revisionId, articleId: target.id, number, text, note: "Re-imported: the page at this URL changed." }));
      if (!target.existing) newCurrent.set(target.id, revisionId);
      newRevisions.push({ articleId: target.id, revision: { id: revisionId, text }, existing: target.existing, parsed: item });
      audit.push({
        actorId: principalId(actor),
        action: "article.revision",
        targetType: "Article",
        targetId: target.id,
        detail: { revisionId, number, source: "import", contentHash: item.contentHash, file: item.file, jobId: options.progress?.jobId ?? null },
      });
      outcomes.push({ file: item.file, status: "revision", articleId: target.id, title: target.title, revisionNumber: number, error: null, ...at });
      byHash.set(item.contentHash, { id: target.id, title: target.title });
      continue;
    }
    const articleId = randomUUID();
    articles.push({ id: articleId, ...articleFields(item), createdById: principalId(actor) });
    revisions.push(revisionRow(item, actor, { id: revisionId, articleId, number: 1, text, note: "Imported." }));
    newCurrent.set(articleId, revisionId);
    audit.push({
      actorId: principalId(actor),
      action: "article.import",
      targetType: "Article",
      targetId: articleId,
      detail: { revisionId, contentHash: item.contentHash, file: item.file, jobId: options.progress?.jobId ?? null },
    });
    outcomes.push({ file: item.file, status: "imported", articleId, title: article.title, revisionNumber: 1, error: null, ...at });
    byHash.set(item.contentHash, { id: articleId, title: article.title });
    if (article.url) byUrl.set(article.url, { id: articleId, title: article.title, nextNumber: 2, existing: false });
  }

  // Article and revision reference each other: articles first, then revisions, then the link.
  if (articles.length > 0) await tx.article.createMany({ data: articles });
  if (revisions.length > 0) await insertRevisions(tx, revisions);
  if (newCurrent.size > 0) {
    await tx.$executeRaw`
      UPDATE "Article" AS a SET "currentRevisionId" = v.revision
      FROM unnest(${[...newCurrent.keys()]}::text[], ${[...newCurrent.values()]}::text[]) AS v(id, revision)
      WHERE a."id" = v.id`;
  }
  for (const { articleId, revision, existing, parsed } of newRevisions) {
    if (existing) await adoptImportedRevision(tx, articleId, revision.id, parsed);
    await emit(articleRevised, tx, { articleId, revision });
  }
  await recordAuditMany(tx, audit);
  const changed = outcomes.flatMap((outcome) => (outcome.status === "imported" || outcome.status === "revision" ? [outcome.articleId!] : []));
  if (changed.length > 0) await emit(articleTextsChanged, tx, { articleIds: changed });
  if (options.progress) await options.progress.record(tx, outcomes);
  return outcomes;
}

/**
 * Serializes imports of the same content or URL across transactions and app instances, so two
 * simultaneous imports of one file make one article. Keys are locked in sorted order (no deadlock).
 */
async function lockImportKeys(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  keys.sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) AS k`;
}

function articleFields(item: Parsed) {
  const { article } = item;
  return { ...articleMetadata(article), publishedAt: article.publishedAt ? dateOfIsoDay(article.publishedAt) : null };
}

type RevisionRow = {
  id: string;
  articleId: string;
  number: number;
  bytes: string;
  originalFilename: string | null;
  originalFormat: string;
  encoding: string;
  contentHash: string;
  text: string;
  removed: ClassifiedLine[];
  metadata: ArticleMetadata;
  note: string;
  createdById: string | null;
};

function revisionRow(item: Parsed, actor: Principal, fields: { id: string; articleId: string; number: number; text: string; note: string }): RevisionRow {
  return {
    ...fields,
    bytes: Buffer.from(item.bytes).toString("base64"),
    // The command line passes paths; only the name is the original's.
    originalFilename: item.file ? path.basename(item.file) : null,
    originalFormat: item.article.format,
    encoding: item.article.encoding,
    contentHash: item.contentHash,
    removed: item.article.lines,
    metadata: articleMetadata(item.article),
    createdById: principalId(actor),
  };
}

/**
 * Inserts revisions as one JSON document: PostgreSQL unpacks it far faster than the client
 * builds a multi-row insert of large texts, nested line lists and bytes.
 */
async function insertRevisions(tx: Tx, rows: RevisionRow[]): Promise<void> {
  const json = jsonDocument(JSON.stringify(rows));
  await tx.$executeRaw`
    INSERT INTO "ArticleRevision" ("id", "articleId", "number", "originalBytes", "originalFilename", "originalFormat", "encoding",
                                   "contentHash", "text", "removed", "metadata", "note", "createdById")
    SELECT r."id", r."articleId", r."number", decode(r."bytes", 'base64'), r."originalFilename", r."originalFormat", r."encoding",
           r."contentHash", r."text", r."removed", r."metadata", r."note", r."createdById"
    FROM jsonb_to_recordset(${json}) AS r(
      "id" text, "articleId" text, "number" int, "bytes" text, "originalFilename" text, "originalFormat" text, "encoding" text,
      "contentHash" text, "text" text, "removed" jsonb, "metadata" jsonb, "note" text, "createdById" text)`;
}

/**
 * A re-import of a known URL becomes the current revision. The article's metadata stays as the
 * editors left it; only facts it lacks are filled in from the new extraction.
 */
async function adoptImportedRevision(tx: Tx, articleId: string, revisionId: string, item: Parsed): Promise<void> {
  const current = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  const fields = articleFields(item);
  await tx.article.update({
    where: { id: articleId },
    data: {
      currentRevisionId: revisionId,
      version: { increment: 1 },
      ...(current.titleProvisional && !fields.titleProvisional ? { title: fields.title, titleProvisional: false } : {}),
      outlet: current.outlet ?? fields.outlet,
      author: current.author ?? fields.author,
      ...(current.publishedAt ? {} : { publishedAt: fields.publishedAt, publishedTime: fields.publishedTime }),
      language: current.language ?? fields.language,
      disclaimer: current.disclaimer ?? fields.disclaimer,
      commentators: current.commentators.length > 0 ? undefined : fields.commentators,
    },
  });
}
