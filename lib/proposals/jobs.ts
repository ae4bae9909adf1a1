import "server-only";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { extractProposalsFor, regroupProposalsAround } from "./refresh";

/**
 * New or changed texts (imports, new revisions): read them, 20 articles between two looks at the
 * queue, then regroup the proposals around all of them at once.
 */
const articleProposals = defineArticleJob("article-proposals", { slice: 20, run: extractProposalsFor, finish: regroupProposalsAround });
export const articleProposalsJob = articleProposals.job;

export const PROPOSAL_JOBS = [articleProposalsJob];

/** Queues proposals for these articles, committed with the caller's write of their text. */
export const queueArticleProposals = articleProposals.queue;
