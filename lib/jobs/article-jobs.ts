import "server-only";
import type { Tx } from "@/lib/db";
import { defineJob, type SomeJobKind } from "./kinds";
import { jobQueue } from "./queue";

/** Article ids per queued job: one job's payload stays small however large the import. */
const IDS_PER_JOB = 100;
/**
 * Waiting jobs of a kind with a `finish` run as one, up to this many: an import queues a job per
 * chunk of files, and one `finish` over all their articles costs a fraction of one per chunk.
 */
const JOBS_PER_BATCH = 10;
/**
 * Slices a try works on at once: while one waits on the database (reading its texts, writing what
 * came of them) the next is on a worker thread, so neither the thread nor the connection waits
 * for the other.
 */
const SLICES_IN_FLIGHT = 2;

type ArticleIds = { articleIds: string[] };

const batchOf = { size: JOBS_PER_BATCH, combine: (data: ArticleIds[]) => ({ articleIds: [...new Set(data.flatMap((d) => d.articleIds))] }) };

/**
 * Follow-up work over articles (suggestions, proposals): queued with the write of their texts, run
 * in the background after the imports that wait, `slice` articles at a time (SLICES_IN_FLIGHT of
 * them at once) between two looks at the queue, handing the rest back when other work waits.
 *
 * `finish`, when given, is work that costs about the same for one article as for many, such as
 * regrouping the proposals around them: it runs as a kind of its own (`finish.name`), queued for
 * every IDS_PER_JOB articles the first kind got through, and its waiting jobs run as one. So the
 * next articles are read while the earlier ones are finished (on a second worker thread and in
 * PostgreSQL), instead of after; the first kind's waiting jobs, too, run as one, so imports queued
 * together are finished together.
 */
export function defineArticleJob(
  name: string,
  options: { slice: number; run: (articleIds: string[]) => Promise<void>; finish?: { name: string; run: (articleIds: string[]) => Promise<void> } },
) {
  const finishJob = options.finish
    ? defineJob<ArticleIds>({
        name: options.finish.name,
        retryLimit: 2,
        retryDelaySeconds: 30,
        expireInSeconds: 15 * 60,
        background: true,
        batch: batchOf,
        run: async ({ articleIds }) => options.finish!.run(articleIds),
      })
    : null;
  /** Queues the finish of the articles read so far (when the kind has one). */
  const finished = async (articleIds: string[]) => {
    if (finishJob && articleIds.length > 0) await jobQueue().enqueue(finishJob, { articleIds });
  };
  const job = defineJob<ArticleIds>({
    name,
    retryLimit: 2,
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
    background: true,
    laterDelaySeconds: 5,
    ...(finishJob ? { batch: batchOf } : {}),
    run: async ({ articleIds }, context) => {
      // Slices in flight, oldest first, each with where it ends.
      const running: { end: number; done: Promise<void> }[] = [];
      let unfinished = 0;
      const settle = async () => {
        const { end, done } = running.shift()!;
        await done;
        if (end - unfinished >= IDS_PER_JOB) {
          await finished(articleIds.slice(unfinished, end));
          unfinished = end;
        }
      };
      for (let at = 0; at < articleIds.length; at += options.slice) {
        if (running.length >= SLICES_IN_FLIGHT) await settle();
        if (at > 0 && (await context.othersWaiting())) {
          while (running.length > 0) await settle();
          await finished(articleIds.slice(unfinished, at));
          return { later: { articleIds: articleIds.slice(at) } };
        }
        const done = options.run(articleIds.slice(at, at + options.slice));
        // Awaited in turn by settle(); a slice failing while an earlier one is awaited fails the try there.
        done.catch(() => undefined);
        running.push({ end: Math.min(at + options.slice, articleIds.length), done });
      }
      while (running.length > 0) await settle();
      await finished(articleIds.slice(unfinished));
    },
  });
  /** Queues the work for these articles, committed with the caller's write of their text. */
  async function queue(tx: Tx, articleIds: readonly string[]): Promise<void> {
    for (let at = 0; at < articleIds.length; at += IDS_PER_JOB) {
      await jobQueue().enqueue(job, { articleIds: articleIds.slice(at, at + IDS_PER_JOB) }, { tx });
    }
  }
  const kinds: SomeJobKind[] = finishJob ? [job, finishJob] : [job];
  return { job, queue, kinds };
}
