import "server-only";
import type { Tx } from "@/lib/db";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
import { refreshProposalsFor } from "./refresh";

/** Articles read and regrouped between two looks at the queue. */
const SLICE = 20;
const IDS_PER_JOB = 100;

/** New or changed texts (imports, new revisions): read them and regroup the proposals around them, after the imports that wait. */
export const articleProposalsJob = defineJob<{ articleIds: string[] }>({
  name: "article-proposals",
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  background: true,
  laterDelaySeconds: 5,
  run: async ({ articleIds }, context) => {
    for (let at = 0; at < articleIds.length; at += SLICE) {
      if (at > 0 && (await context.othersWaiting())) return { later: { articleIds: articleIds.slice(at) } };
      await refreshProposalsFor(articleIds.slice(at, at + SLICE));
    }
  },
});

export const PROPOSAL_JOBS = [articleProposalsJob];

/** Queues proposals for these articles, committed with the caller's write of their text. */
export async function queueArticleProposals(tx: Tx, articleIds: readonly string[]): Promise<void> {
  for (let at = 0; at < articleIds.length; at += IDS_PER_JOB) {
    await jobQueue().enqueue(articleProposalsJob, { articleIds: articleIds.slice(at, at + IDS_PER_JOB) }, { tx });
  }
}
