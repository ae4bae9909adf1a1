import "server-only";
import { db, type Tx } from "@/lib/db";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
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
 * Every article read again after the registry changed: a new alias or a merge can make a name in
 * any text a participant. Coalesced like the suggestions' pass, so a burst of edits makes one pass;
 * the pass only queues the articles' jobs, which yield to other work as an import's do.
 */
export const registryProposalsJob = defineJob<Record<string, never>>({
  name: "registry-proposals",
  coalesce: true,
  background: true,
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  run: async () => {
    const articles = await db.article.findMany({ where: { currentRevisionId: { not: null } }, select: { id: true }, orderBy: { id: "asc" } });
    await db.$transaction((tx) =>
      queueArticleProposals(
        tx,
        articles.map((a) => a.id),
      ),
    );
  },
});

export const PROPOSAL_JOBS = [articleProposalsJob, registryProposalsJob];

/** Queues the pass over every article, committed with the caller's change to the registry. */
export async function requestProposalRefresh(tx: Tx): Promise<void> {
  await jobQueue().enqueue(registryProposalsJob, {}, { tx });
}
