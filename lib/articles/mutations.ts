import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { recordAudit, recordAuditMany, type AuditEntry } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { type Principal, principalId } from "@/lib/auth/principal";
import { db, type Prisma, type Tx } from "@/lib/db";
import { stagedJson } from "@/lib/db/staged";
import { dateOfIsoDay } from "@/lib/iso-day";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { emit } from "@/lib/jobs/signals";
import { applyLineDecisions, normalizedText, type ClassifiedLine } from "./extract";
import { canEditArticles, canImportArticles } from "./permissions";
import { articleMetadata, type ArticleMetadata } from "./article-metadata";
import { prepareImport, type ImportSource, type PreparedImport } from "./prepare";
import { prepareImportsOffThread } from "./prepare-off-thread";
import { articleRevised, articleTextsChanged, type ReanchorCounts } from "./signals";
import type { ChangeLinesInput, ImportOutcome, UpdateArticleData } from "./schemas";

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

// Interactive transactions default to 5 s; a batch of large files on the embedded database can take longer.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

/**
 * Imports one file or pasted text. Returns what happened: imported, duplicate (the same bytes
 * were imported before) or revision (an article with the same URL got a new revision). A file
 * that cannot become an article is a ValidationError (422) with the parser's message.
 */
export async function importArticle(actor: Principal, source: ImportSource): Promise<ImportOutcome> {
  assertCanImport(actor);
  const [prepared] = await prepareImportsOffThread([source]);
  if (!prepared.ok) throw new ValidationError(prepared.error, { code: prepared.code, file: prepared.file });
  const [outcome] = await db.$transaction((tx) => writeBatch(tx, actor, [prepared], {}), TRANSACTION_OPTIONS);
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
    return await db.$transaction((tx) => writeBatch(tx, actor, prepared, options), TRANSACTION_OPTIONS);
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
  const json = await stagedJson(tx, JSON.stringify(rows));
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
      publishedAt: current.publishedAt ?? fields.publishedAt,
      language: current.language ?? fields.language,
      disclaimer: current.disclaimer ?? fields.disclaimer,
      commentators: current.commentators.length > 0 ? undefined : fields.commentators,
    },
  });
}

// ───────────────────────────── corrections by editors ─────────────────────────────

const editableFields = {
  id: true,
  title: true,
  titleProvisional: true,
  outlet: true,
  url: true,
  author: true,
  publishedAt: true,
  kind: true,
  version: true,
} as const;

type EditableState = Prisma.ArticleGetPayload<{ select: typeof editableFields }>;

function editableView(article: EditableState) {
  return { ...article, publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null };
}

/**
 * Corrects the metadata. Saving a title confirms it (no longer provisional). The update names
 * the version the editor started from; a stale one gets a ConflictError with the current state.
 */
export async function updateArticle(actor: Actor, data: UpdateArticleData) {
  if (!canEditArticles(actor)) throw new ForbiddenError("Only editors and admins can change articles.");
  return db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id: data.articleId }, select: editableFields });
    if (!current) throw new NotFoundError("The article");
    const stale = () =>
      new StaleVersionError("Someone else changed this article after you opened it. Their version is shown; make your change again.", {
        current: editableView(current),
      });
    if (current.version !== data.version) throw stale();
    if (data.url && data.url !== current.url) {
      const other = await tx.article.findUnique({ where: { url: data.url }, select: { id: true, title: true } });
      if (other) throw new ConflictError(`Another article already has this URL: “${other.title}”.`, { articleId: other.id });
    }
    const changes = {
      title: data.title,
      outlet: data.outlet,
      url: data.url,
      author: data.author,
      publishedAt: data.publishedAt === undefined ? undefined : data.publishedAt === null ? null : dateOfIsoDay(data.publishedAt),
      kind: data.kind,
    };
    const { count } = await tx.article.updateMany({
      where: { id: current.id, version: data.version },
      data: { ...changes, ...(data.title !== undefined || data.confirmTitle ? { titleProvisional: false } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    const updated = await tx.article.findUniqueOrThrow({ where: { id: current.id }, select: editableFields });
    const before = editableView(current);
    const after = editableView(updated);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => before[key] !== after[key]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.update",
      targetType: "Article",
      targetId: current.id,
      detail: {
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        titleConfirmed: current.titleProvisional && !updated.titleProvisional,
      },
    });
    return after;
  });
}

/**
 * Restores removed lines or removes kept ones: a new revision with the same original bytes, and
 * the article's annotations re-anchored onto it. The editor names the revision they looked at;
 * if the article moved on meanwhile, a ConflictError carries the current revision.
 */
export async function changeArticleLines(actor: Actor, data: ChangeLinesInput): Promise<{ revisionId: string; number: number; reanchored: ReanchorCounts }> {
  if (!canEditArticles(actor)) throw new ForbiddenError("Only editors and admins can change articles.");
  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true, currentRevisionId: true } });
    if (!article?.currentRevisionId) throw new NotFoundError("The article");
    await tx.$executeRaw`SELECT 1 FROM "Article" WHERE "id" = ${article.id} FOR UPDATE`;
    const current = await tx.articleRevision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
    if (current.id !== data.revisionId) {
      throw new StaleVersionError("The article has a newer revision than the one you were looking at. Review it and try again.", {
        currentRevisionId: current.id,
        currentRevisionNumber: current.number,
      });
    }
    const lines = current.removed as unknown as ClassifiedLine[];
    let content: ReturnType<typeof applyLineDecisions>;
    try {
      content = applyLineDecisions(lines, data.decisions);
    } catch (error) {
      if (error instanceof RangeError) throw new ValidationError(error.message);
      throw error;
    }
    const changed = data.decisions.filter(({ index, kept }) => lines[index].kept !== kept);
    if (changed.length === 0) throw new ValidationError("Nothing changes: those lines are already as you asked.");
    if (content.paragraphs.length === 0) throw new ValidationError("An article needs at least one paragraph of text: keep at least one line.");

    const last = await tx.articleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = last.number + 1;
    const text = normalizedText(content.paragraphs);
    const revision = await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        originalBytes: current.originalBytes,
        originalFilename: current.originalFilename,
        originalFormat: current.originalFormat,
        encoding: current.encoding,
        contentHash: current.contentHash,
        text,
        removed: content.lines as unknown as Prisma.InputJsonValue,
        metadata: current.metadata as Prisma.InputJsonValue,
        note: describeLineChanges(lines, changed),
        createdById: actor.id,
      },
      select: { id: true },
    });
    // The version guards metadata edits; a new revision is guarded by the revision the editor names.
    await tx.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
    const [reanchored] = await emit(articleRevised, tx, { articleId: article.id, revision: { id: revision.id, text } });
    await emit(articleTextsChanged, tx, { articleIds: [article.id] });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.revision",
      targetType: "Article",
      targetId: article.id,
      detail: { revisionId: revision.id, number, source: "lines", from: current.number, decisions: changed, reanchored },
    });
    return { revisionId: revision.id, number, reanchored };
  }, TRANSACTION_OPTIONS);
  return result;
}

function describeLineChanges(lines: readonly ClassifiedLine[], changed: readonly { index: number; kept: boolean }[]): string {
  const quote = (index: number) => {
    const text = lines[index].text;
    return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
  };
  const restored = changed.filter((change) => change.kept).map((change) => quote(change.index));
  const removed = changed.filter((change) => !change.kept).map((change) => quote(change.index));
  return [restored.length ? `Restored ${restored.join(", ")}.` : "", removed.length ? `Removed ${removed.join(", ")}.` : ""].filter(Boolean).join(" ");
}
