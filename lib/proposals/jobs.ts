import "server-only";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { refreshProposalsFor } from "./refresh";

/** New or changed texts (imports, new revisions): read them and regroup the proposals around them, 20 articles between two looks at the queue. */
const articleProposals = defineArticleJob("article-proposals", { slice: 20, run: refreshProposalsFor });
export const articleProposalsJob = articleProposals.job;

export const PROPOSAL_JOBS = [articleProposalsJob];

/** Queues proposals for these articles, committed with the caller's write of their text. */
export const queueArticleProposals = articleProposals.queue;
