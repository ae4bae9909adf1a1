import "server-only";
import { reanchorAnnotationsForRevision } from "@/lib/annotations/reanchor-revision";
import { importChunkJob } from "@/lib/articles/jobs";
import { articleRevised, articleTextsChanged } from "@/lib/articles/signals";
import { registryChanged } from "@/lib/entities/signals";
import { queueArticleSuggestions, SUGGESTION_JOBS } from "@/lib/entities/suggestion-jobs";
import type { SomeJobKind } from "@/lib/jobs/kinds";
import { PROPOSAL_JOBS, queueArticleProposals, queueOutdatedExtractions, requestProposalRefresh } from "@/lib/proposals/jobs";
import { jobQueue } from "@/lib/jobs/queue";
import { subscribe } from "@/lib/jobs/signals";

/**
 * Where the domains meet, above them all: which domain's work follows which other domain's
 * writes, and which job kinds the workers run. Each process that writes loads it once (the
 * server through instrumentation.ts, the command-line scripts, the tests' setup), so no domain
 * imports another for its follow-up work. A new kind of background work is one line here.
 */
export const JOB_KINDS: readonly SomeJobKind[] = [importChunkJob, ...SUGGESTION_JOBS, ...PROPOSAL_JOBS];

// Must commit with the revision: annotations move onto the new text in the same transaction.
subscribe(articleRevised, (tx, { articleId, revision }) => reanchorAnnotationsForRevision(tx, articleId, revision));
// May lag: suggestions are queued in the same transaction and computed by a worker.
subscribe(articleTextsChanged, (tx, { articleIds }) => queueArticleSuggestions(tx, articleIds));
// May lag: event and claim proposals are read and regrouped by a worker, never in the request.
subscribe(articleTextsChanged, (tx, { articleIds }) => queueArticleProposals(tx, articleIds));
// May lag: a new alias, a rename or a merge can change who takes part in what the texts report.
subscribe(registryChanged, (tx, { entityIds }) => requestProposalRefresh(tx, entityIds));

/** Starts this process's workers for every kind of background job. */
export function startJobWorkers(): Promise<void> {
  return jobQueue().start(JOB_KINDS);
}

/**
 * The server's start: its workers, and the work an upgrade left (extractions older rules made),
 * queued in the background. Not the command lines': an import of a few files would otherwise
 * wait for the pass over the corpus before exiting.
 */
export async function startServerJobWorkers(): Promise<void> {
  await startJobWorkers();
  await queueOutdatedExtractions();
}

/** Resolves once no background job waits or runs (command lines and tests that need the results). */
export function whenJobsDone(): Promise<void> {
  return jobQueue().whenIdle(JOB_KINDS);
}
