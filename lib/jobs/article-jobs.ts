import "server-only";
import type { Tx } from "@/lib/db";
import { defineJob } from "./kinds";
import { jobQueue } from "./queue";

/** Article ids per queued job: one job's payload stays small however large the import. */
const IDS_PER_JOB = 100;
/**
 * Waiting jobs of a kind with a `finish` run as one, up to this many: an import queues a job per
 * chunk of files, and one `finish` over all their articles costs a fraction of one per chunk.
 */
const JOBS_PER_BATCH = 10;

/**
 * Follow-up work over articles (suggestions, proposals): queued with the write of their texts, run
 * in the background after the imports that wait, `slice` articles between two looks at the queue,
 * handing the rest back when other work waits. `finish`, when given, runs once over all the
 * articles a try got through (before it hands the rest back): work that costs the same for one
 * article as for many, such as regrouping the proposals around them; such jobs waiting together
 * run as one.
 */
export function defineArticleJob(
  name: string,
  options: { slice: number; run: (articleIds: string[]) => Promise<void>; finish?: (articleIds: string[]) => Promise<void> },
) {
  const job = defineJob<{ articleIds: string[] }>({
    name,
    retryLimit: 2,
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
    background: true,
    laterDelaySeconds: 5,
    ...(options.finish
      ? { batch: { size: JOBS_PER_BATCH, combine: (data: { articleIds: string[] }[]) => ({ articleIds: [...new Set(data.flatMap((d) => d.articleIds))] }) } }
      : {}),
    run: async ({ articleIds }, context) => {
      for (let at = 0; at < articleIds.length; at += options.slice) {
        if (at > 0 && (await context.othersWaiting())) {
          await options.finish?.(articleIds.slice(0, at));
          return { later: { articleIds: articleIds.slice(at) } };
        }
        await options.run(articleIds.slice(at, at + options.slice));
      }
      await options.finish?.(articleIds);
    },
  });
  /** Queues the work for these articles, committed with the caller's write of their text. */
  async function queue(tx: Tx, articleIds: readonly string[]): Promise<void> {
    for (let at = 0; at < articleIds.length; at += IDS_PER_JOB) {
      await jobQueue().enqueue(job, { articleIds: articleIds.slice(at, at + IDS_PER_JOB) }, { tx });
    }
  }
  return { job, queue };
}
