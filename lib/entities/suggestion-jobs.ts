import "server-only";
import type { Tx } from "@/lib/db";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
import { refreshAllArticles, refreshSuggestionsFor } from "./suggestions";

/**
 * Mention suggestions are follow-up work: they may lag behind the write that calls for them, so
 * it queues them (lib/jobs) in its own transaction and a worker computes them. Nothing is lost
 * when a server stops, and many requests close together make little work.
 */

/** Articles refreshed between two looks at the queue: a few tenths of a second of work. */
const SLICE = 25;
const IDS_PER_JOB = 100;

/** New or changed texts (imports, new revisions); waits while imports are queued, so matching never holds them up. */
export const articleSuggestionsJob = defineJob<{ articleIds: string[] }>({
  name: "article-suggestions",
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  background: true,
  laterDelaySeconds: 5,
  run: async ({ articleIds }, context) => {
    for (let at = 0; at < articleIds.length; at += SLICE) {
      if (at > 0 && (await context.othersWaiting())) return { later: { articleIds: articleIds.slice(at) } };
      await refreshSuggestionsFor(articleIds.slice(at, at + SLICE));
    }
  },
});

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

/** Queues a pass over all articles, committed with the caller's change to the registry. */
export async function requestSuggestionRefresh(tx: Tx): Promise<void> {
  await jobQueue().enqueue(registrySuggestionsJob, {}, { tx });
}

/** Queues suggestions for these articles, committed with the caller's write of their text. */
export async function queueArticleSuggestions(tx: Tx, articleIds: readonly string[]): Promise<void> {
  for (let at = 0; at < articleIds.length; at += IDS_PER_JOB) {
    await jobQueue().enqueue(articleSuggestionsJob, { articleIds: articleIds.slice(at, at + IDS_PER_JOB) }, { tx });
  }
}
