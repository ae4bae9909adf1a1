import "server-only";
import type { Tx } from "@/lib/db";
import { defineJob } from "@/lib/jobs/kinds";
import { defineArticleJob } from "@/lib/jobs/article-jobs";
import { jobQueue } from "@/lib/jobs/queue";
import { emit } from "@/lib/jobs/signals";
import { registryChanged } from "./signals";
import { refreshAllArticles, refreshSuggestionsFor } from "./suggestion-refresh";

/**
 * Mention suggestions are follow-up work: they may lag behind the write that calls for them, so
 * it queues them (lib/jobs) in its own transaction and a worker computes them. Nothing is lost
 * when a server stops, and many requests close together make little work.
 */

/** New or changed texts (imports, new revisions), 25 articles (a few tenths of a second) between two looks at the queue. */
const articleSuggestions = defineArticleJob("article-suggestions", { slice: 25, run: refreshSuggestionsFor });
export const articleSuggestionsJob = articleSuggestions.job;

/**
 * Every article against the registry, after an entity, a name or an alias changed. Coalesced:
 * while one pass waits, more requests add nothing, so eight edits make one pass (two when
 * they arrive while a pass runs).
 */
export const registrySuggestionsJob = defineJob<Record<string, never>>({
  name: "registry-suggestions",
  coalesce: true,
  background: true,
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 30 * 60,
  run: () => refreshAllArticles(),
});

export const SUGGESTION_JOBS = [articleSuggestionsJob, registrySuggestionsJob];

/**
 * Queues a pass over all articles, committed with the caller's change to the registry, and
 * announces the change for the other work that reads texts against the registry (lib/wiring.ts).
 */
export async function requestSuggestionRefresh(tx: Tx, entityIds: string[]): Promise<void> {
  await jobQueue().enqueue(registrySuggestionsJob, {}, { tx });
  await emit(registryChanged, tx, { entityIds });
}

/** Queues suggestions for these articles, committed with the caller's write of their text. */
export const queueArticleSuggestions = articleSuggestions.queue;
