import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/long-transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/kinds";
import { jobQueue } from "@/lib/jobs/queue";
import { importPrepared, recordFailures, type BatchProgress } from "./import-articles";
import { canImportArticles } from "./permissions";
import { prepareImportsOffThread } from "./prepare-off-thread";
import { getImportJob } from "./queries";
import { IMPORT_CHUNK_FILES, MAX_JOB_FILES, type ImportJobView, type ImportOutcome } from "./schemas";

/**
 * Background imports. An upload request only records the job (an ImportJob row, the progress
 * its editor watches) and queues its files in chunks on the job queue (lib/jobs), in the same
 * transaction; a worker imports each chunk in one transaction that also writes the job's
 * progress, so a chunk tried again after a failure or a restart imports nothing twice.
 */

/** A file received for a background import. */
export type JobFile = { name: string; bytes: Uint8Array };

type ChunkData = { importJobId: string; offset: number; files: { name: string; data: string }[] };

// One queue entry per chunk: its files travel base64-encoded, so chunks stay a few megabytes.
const MAX_CHUNK_PAYLOAD_BYTES = 8 * 1024 * 1024;

export const importChunkJob = defineJob<ChunkData>({
  name: "article-import",
  retryLimit: 2,
  retryDelaySeconds: 5,
  // A chunk parses its files one by one, each within the parser's time limit.
  expireInSeconds: 15 * 60,
  run: async (data, context) => void (await runImportChunk(data, context.lastAttempt)),
});

/** Splits files into queue chunks of at most IMPORT_CHUNK_FILES files and about MAX_CHUNK_PAYLOAD_BYTES. */
function chunkFiles(importJobId: string, offset: number, files: readonly JobFile[]): ChunkData[] {
  const chunks: ChunkData[] = [];
  let current: ChunkData | null = null;
  let size = 0;
  for (const [i, file] of files.entries()) {
    if (!current || current.files.length >= IMPORT_CHUNK_FILES || size + file.bytes.byteLength > MAX_CHUNK_PAYLOAD_BYTES) {
      current = { importJobId, offset: offset + i, files: [] };
      chunks.push(current);
      size = 0;
    }
    current.files.push({ name: file.name, data: Buffer.from(file.bytes).toString("base64") });
    size += file.bytes.byteLength;
  }
  return chunks;
}

/** In the upload's transaction: the job's files are queued with it or not at all (under load, over the default 5 s for 50 MB). */
async function enqueueChunks(tx: Tx, chunks: ChunkData[]): Promise<void> {
  for (const chunk of chunks) await jobQueue().enqueue(importChunkJob, chunk, { tx });
}

/**
 * Starts a background import of `total` files; `files` are the first of them (more can follow
 * with addImportJobFiles, so a browser can upload a large folder in several requests).
 */
export async function createImportJob(actor: Actor, input: { total?: number; files: readonly JobFile[] }): Promise<ImportJobView> {
  if (!canImportArticles(actor)) throw new ForbiddenError("Only editors and admins can import articles.");
  const total = input.total ?? input.files.length;
  if (!Number.isInteger(total) || total < 1) throw new ValidationError("Choose at least one file to import.");
  if (total > MAX_JOB_FILES) throw new ValidationError(`One import takes at most ${MAX_JOB_FILES.toLocaleString("en")} files.`);
  if (input.files.length > total) throw new ValidationError(`The job was announced with ${total} files but ${input.files.length} were sent.`);
  const id = await db.$transaction(async (tx) => {
    const created = await tx.importJob.create({ data: { total, createdById: actor.id }, select: { id: true } });
    await enqueueChunks(tx, chunkFiles(created.id, 0, input.files));
    await recordAudit(tx, { actorId: actor.id, action: "import-job.create", targetType: "ImportJob", targetId: created.id, detail: { total } });
    return created.id;
  }, LONG_TRANSACTION);
  return getImportJob(actor, id, { results: false });
}

/** More files of a job, starting at position `offset` (0-based) of its `total`. Re-sent positions are imported once. */
export async function addImportJobFiles(actor: Actor, jobId: string, offset: number, files: readonly JobFile[]): Promise<ImportJobView> {
  if (!canImportArticles(actor)) throw new ForbiddenError("Only editors and admins can import articles.");
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true, total: true, createdById: true } });
  if (!job || (job.createdById !== actor.id && actor.role !== "ADMIN")) throw new NotFoundError("The import job");
  if (files.length === 0) throw new ValidationError("Send at least one file.");
  if (!Number.isInteger(offset) || offset < 0 || offset + files.length > job.total) {
    throw new ValidationError(`This job takes ${job.total} files; files ${offset + 1} to ${offset + files.length} are outside it.`);
  }
  await db.$transaction((tx) => enqueueChunks(tx, chunkFiles(job.id, offset, files)), LONG_TRANSACTION);
  return getImportJob(actor, job.id, { results: false });
}

/** Imports one queued chunk as the job's creator; on the last attempt, failures are recorded so the job still finishes. */
async function runImportChunk(data: ChunkData, lastAttempt: boolean): Promise<ImportOutcome[]> {
  const job = await db.importJob.findUnique({
    where: { id: data.importJobId },
    select: { createdBy: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!job) return [];
  const positions = data.files.map((_, i) => data.offset + i);
  const progress = importJobProgress(data.importJobId);
  const user = job.createdBy;
  const actor: Actor | null = user && !user.disabledAt ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
  if (!canImportArticles(actor)) {
    await recordFailures(progress, failures(data, positions, "The account that started this import may no longer import articles."));
    return [];
  }
  const prepared = await prepareImportsOffThread(
    data.files.map((file) => ({ bytes: Buffer.from(file.data, "base64"), filename: file.name })),
    { background: true },
  );
  try {
    return await importPrepared(actor, prepared, { progress, positions });
  } catch (error) {
    if (!lastAttempt) throw error;
    console.error("A background import chunk failed for good:", error);
    await recordFailures(progress, failures(data, positions, "The article could not be saved: the database was unavailable. Import it again."));
    return [];
  }
}

function failures(data: ChunkData, positions: number[], error: string): ImportOutcome[] {
  return data.files.map((file, i) => ({
    file: file.name,
    status: "failed",
    articleId: null,
    title: null,
    revisionNumber: null,
    error,
    position: positions[i],
  }));
}

/** The ImportJob row as a batch's progress: results appended in file order of arrival, status finished once all are in. */
export function importJobProgress(jobId: string): BatchProgress {
  return {
    jobId,
    recorded: async (tx, positions) => {
      const rows = await tx.$queryRaw<{ position: number | null }[]>`
        SELECT (r->>'position')::int AS position
        FROM (SELECT "results" FROM "ImportJob" WHERE "id" = ${jobId} FOR UPDATE) AS j
        LEFT JOIN LATERAL jsonb_array_elements(j."results") AS r ON (r->>'position')::int = ANY(${positions}::int[])`;
      if (rows.length === 0) throw new NotFoundError("The import job");
      return new Set(rows.map((row) => row.position).filter((position): position is number => position !== null));
    },
    record: async (tx, outcomes) => {
      const failed = outcomes.filter((outcome) => outcome.status === "failed").length;
      const done = outcomes.length - failed;
      // Appended in SQL: a job of thousands of files would otherwise reread its whole result list for every chunk.
      await tx.$executeRaw`
        UPDATE "ImportJob"
        SET "done" = "done" + ${done},
            "failed" = "failed" + ${failed},
            "results" = "results" || ${JSON.stringify(outcomes)}::jsonb,
            "status" = CASE WHEN "done" + "failed" + ${outcomes.length} >= "total" THEN 'finished' ELSE 'running' END,
            "finishedAt" = CASE WHEN "done" + "failed" + ${outcomes.length} >= "total" THEN now() ELSE NULL END
        WHERE "id" = ${jobId}`;
    },
  };
}
