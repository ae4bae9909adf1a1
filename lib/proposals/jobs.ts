import "server-only";
import { db, type Tx } from "@/lib/db";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
import { participantKeysFor } from "./names";
import { extractProposalsFor, regroupProposalsAround } from "./refresh";

/**
 * New or changed texts (imports, new revisions): read them, 20 articles between two looks at the
 * queue, then regroup the proposals around all of them at once.
 */
const articleProposals = defineArticleJob("article-proposals", { slice: 20, run: extractProposalsFor, finish: regroupProposalsAround });
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

export const PROPOSAL_JOBS = [articleProposalsJob, registryProposalsJob];

/** Queues the pass over the articles that may name these entities, committed with the caller's change to the registry. */
export async function requestProposalRefresh(tx: Tx, entityIds: string[]): Promise<void> {
  await jobQueue().enqueue(registryProposalsJob, { entityIds }, { tx });
}
