import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { describeConnectionError } from "@/lib/db/connection";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
import { participantKeysFor } from "./names";
import { extractProposalsFor, regroupProposalsAround } from "./refresh";
import { EXTRACTION_RULES_VERSION } from "./rules-version";

/**
 * New or changed texts (imports, new revisions): read them, 20 articles between two looks at the
 * queue; the proposals are regrouped around them by jobs of their own, each around all the
 * articles read while the previous one ran, so reading and regrouping overlap.
 */
const articleProposals = defineArticleJob("article-proposals", {
  slice: 20,
  run: extractProposalsFor,
  finish: { name: "article-proposals-regroup", run: regroupProposalsAround },
});
export const articleProposalsJob = articleProposals.job;

/** Queues proposals for these articles, committed with the caller's write of their text. */
export const queueArticleProposals = articleProposals.queue;

/**
 * The articles that may name the changed entities, read again: a new alias or a merge can make a
 * name in a text a participant, a rename or a deletion changes the proposals that link it. Only
 * the stored extractions keyed by one of the entities' names or by the entity itself are queued
 * (an index lookup), never the whole corpus.
 */
export const registryProposalsJob = defineJob<{ entityIds: string[] }>({
  name: "registry-proposals",
  background: true,
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  run: async ({ entityIds }) => {
    const entities = await db.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true, aliases: { select: { alias: true } } } });
    const keys = entities.flatMap((e) => participantKeysFor(e.id, [e.name, ...e.aliases.map((a) => a.alias)]));
    if (keys.length === 0) return;
    const articles = await db.articleExtraction.findMany({
      where: { participantKeys: { hasSome: keys } },
      select: { articleId: true },
      orderBy: { articleId: "asc" },
    });
    if (articles.length === 0) return;
    await db.$transaction((tx) =>
      queueArticleProposals(
        tx,
        articles.map((a) => a.articleId),
      ),
    );
  },
});

/** Articles read again per job of the pass over outdated extractions: no job holds more of the corpus. */
const OUTDATED_PER_JOB = 50;
/** Read between two looks at the queue, as an import's articles are. */
const OUTDATED_SLICE = 20;

/**
 * The next articles whose stored extraction older rules made, newest first: recent reports are
 * what editors look at. A top-N sort over the outdated rows, never the corpus in memory.
 */
async function listOutdatedExtractions(limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ articleId: string }[]>`
    SELECT x."articleId" FROM "ArticleExtraction" x JOIN "Article" a ON a."id" = x."articleId"
    WHERE x."rulesVersion" < ${EXTRACTION_RULES_VERSION}::int
    ORDER BY a."publishedAt" DESC NULLS LAST, a."createdAt" DESC, a."id"
    LIMIT ${limit}`;
  return rows.map((r) => r.articleId);
}

/** A failure of the database rather than of one article's reading: the job fails and is retried. */
function isDatabaseFailure(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientInitializationError ||
    describeConnectionError(error) !== null
  );
}

/**
 * Reads a slice again; when the slice fails, its articles one at a time. An article whose reading
 * fails alone (the worker thread's time or memory limit, a text the rules cannot read) keeps its
 * previous extraction, now marked current, and is logged: as after an import's job fails for
 * good, the article keeps the proposals it had, and the pass goes past it instead of stopping on
 * it at every try. A failure of the database, or of every article of the slice, fails the job, which
 * is retried. Answers the articles read.
 */
async function readAgain(articleIds: string[]): Promise<string[]> {
  try {
    await extractProposalsFor(articleIds);
    return articleIds;
  } catch (error) {
    if (isDatabaseFailure(error)) throw error;
  }
  const read: string[] = [];
  const failed: { articleId: string; message: string }[] = [];
  for (const articleId of articleIds) {
    try {
      await extractProposalsFor([articleId]);
      read.push(articleId);
    } catch (error) {
      if (isDatabaseFailure(error)) throw error;
      failed.push({ articleId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  // Every article of a slice failing alone is the reading that is broken, not the articles: retried, none marked.
  if (read.length === 0 && failed.length > 1) throw new Error(`None of ${failed.length} articles could be read: ${failed[0].message}`);
  for (const { articleId, message } of failed) {
    console.error(`Reading article ${articleId} with the current extraction rules failed; its previous extraction is kept:`, message);
    await db.$executeRaw`
      UPDATE "ArticleExtraction" SET "rulesVersion" = ${EXTRACTION_RULES_VERSION}::int
      WHERE "articleId" = ${articleId} AND "rulesVersion" < ${EXTRACTION_RULES_VERSION}::int`;
  }
  return read;
}

/**
 * After an upgrade of the extraction rules (rules-version.ts), the articles stored with older
 * ones are read again and their proposals regrouped, 50 a job, each job queueing the next. Each
 * job asks the database what is still outdated, so a job cut short, retried or run twice only
 * repeats reads whose results are the same; the kind coalesces, so instances starting together
 * queue one pass. Until the pass reaches an article, regroupings keep using its old extraction:
 * reading it again there would make an import's job read the texts of its whole block. An article
 * that cannot be read keeps its old extraction (`readAgain`).
 */
export const outdatedExtractionsJob = defineJob<Record<string, never>>({
  name: "outdated-extractions",
  background: true,
  coalesce: true,
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 15 * 60,
  laterDelaySeconds: 1,
  run: async (_data, context) => {
    const articleIds = await listOutdatedExtractions(OUTDATED_PER_JOB);
    if (articleIds.length === 0) return;
    const read: string[] = [];
    let at = 0;
    while (at < articleIds.length && !(at > 0 && (await context.othersWaiting()))) {
      read.push(...(await readAgain(articleIds.slice(at, at + OUTDATED_SLICE))));
      at += OUTDATED_SLICE;
    }
    await regroupProposalsAround(read);
    return { later: {} };
  },
});

/** Queues the pass over outdated extractions when there are any (an index lookup); the workers' start calls it. */
export async function queueOutdatedExtractions(): Promise<void> {
  const outdated = await db.articleExtraction.findFirst({ where: { rulesVersion: { lt: EXTRACTION_RULES_VERSION } }, select: { articleId: true } });
  if (outdated) await jobQueue().enqueue(outdatedExtractionsJob, {});
}

export const PROPOSAL_JOBS = [...articleProposals.kinds, registryProposalsJob, outdatedExtractionsJob];

/** Queues the pass over the articles that may name these entities, committed with the caller's change to the registry. */
export async function requestProposalRefresh(tx: Tx, entityIds: string[]): Promise<void> {
  await jobQueue().enqueue(registryProposalsJob, { entityIds }, { tx });
}
