import "server-only";
import PgBoss from "pg-boss";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { importPrepared, recordJobFailures, refreshSuggestions } from "./mutations";
import { canImportArticles } from "./permissions";
import { prepareImport } from "./prepare";
import { getImportJob } from "./queries";
import { IMPORT_CHUNK_FILES, MAX_JOB_FILES, type ImportJobView, type ImportOutcome } from "./schemas";

/**
 * Background imports. An upload request only records the job (an ImportJob row) and queues its
 * files in chunks; a worker imports each chunk in one transaction that also writes the job's
 * progress, and entity suggestions follow once no import is waiting.
 *
 * With a PostgreSQL server the queue is pg-boss (schema "pgboss"): any app instance takes the
 * next chunk and nothing is lost on a restart. On the embedded database (one connection per
 * process, DATABASE_POOL_MAX=1) pg-boss is not used: PGlite serves every socket connection from
 * one session, and with pg-boss's connection beside the app's, rows the app had just committed
 * were intermittently missing from its next read. There the queue is kept in the server
 * process instead, with progress in the same ImportJob rows; a job cut short by a restart is
 * marked "interrupted" (importing the files again skips those already saved).
 */
const IMPORT_QUEUE = "article-import";
const SUGGESTIONS_QUEUE = "article-suggestions";

/** A file received for a background import. */
export type JobFile = { name: string; bytes: Uint8Array };

type ChunkData = { importJobId: string; offset: number; files: { name: string; data: string }[] };
type SuggestionsData = { articleIds: string[] };

// One queue entry per chunk: its files travel base64-encoded, so chunks stay a few megabytes.
const MAX_CHUNK_PAYLOAD_BYTES = 8 * 1024 * 1024;
const SUGGESTION_IDS_PER_JOB = 100;
const SUGGESTIONS_DEFER_SECONDS = 5;
/** Articles refreshed between two looks at the import queue: a few tenths of a second of work. */
const SUGGESTIONS_SLICE = 25;

type LocalQueue = {
  chunks: ChunkData[];
  suggestions: string[];
  running: Promise<void> | null;
  lastChunkAt: number;
  /** Ends the wait before suggestions when a chunk arrives. */
  wake: (() => void) | null;
};
type JobState = { boss?: Promise<PgBoss>; workers: string[]; local: LocalQueue; started: Date; swept: boolean };

// On globalThis: Next.js may load this module more than once in one server process.
const globalState = globalThis as unknown as { concordJobs?: JobState };
const state: JobState = (globalState.concordJobs ??= {
  workers: [],
  local: { chunks: [], suggestions: [], running: null, lastChunkAt: 0, wake: null },
  started: new Date(),
  swept: false,
});

/** True on the embedded database (one connection per process, see lib/db): jobs run in this process. */
export function jobsRunInProcess(): boolean {
  return Number(process.env.DATABASE_POOL_MAX ?? 10) <= 1;
}

// ───────────────────────────── pg-boss (PostgreSQL server) ─────────────────────────────

/** The process's pg-boss, started (and its schema installed) on first use. */
function getBoss(): Promise<PgBoss> {
  state.boss ??= startBoss().catch((error) => {
    state.boss = undefined;
    throw error;
  });
  return state.boss;
}

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const boss = new PgBoss({
    connectionString,
    max: 2,
    application_name: "concord-jobs",
    // Chunks carry article files: drop finished ones after a day.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 1,
  });
  boss.on("error", (error) => console.error("Background jobs:", error));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 2, retryDelay: 5, expireInSeconds: 15 * 60 });
  await boss.createQueue(SUGGESTIONS_QUEUE, { name: SUGGESTIONS_QUEUE, retryLimit: 2, retryDelay: 30, expireInSeconds: 30 * 60 });
  return boss;
}

async function startBossWorkers(): Promise<void> {
  const boss = await getBoss();
  if (state.workers.length > 0) return;
  const importWorker: string = await boss.work<ChunkData>(
    IMPORT_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true },
    async ([job]) => {
      await runImportChunk(job.data, job.retryCount >= job.retryLimit);
      // Take the next chunk at once instead of waiting for the next poll.
      boss.notifyWorker(importWorker);
    },
  );
  const suggestionsWorker: string = await boss.work<SuggestionsData>(SUGGESTIONS_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    const importing = async () => (await boss.getQueueSize(IMPORT_QUEUE, { before: "completed" })) > 0;
    const rest = await refreshWhileNoImportWaits(job.data.articleIds, importing);
    if (rest.length > 0) await boss.send(SUGGESTIONS_QUEUE, { articleIds: rest }, { startAfter: SUGGESTIONS_DEFER_SECONDS });
    boss.notifyWorker(suggestionsWorker);
  });
  state.workers.push(importWorker, suggestionsWorker);
}

function notifyBossWorkers(boss: PgBoss): void {
  for (const id of state.workers) boss.notifyWorker(id);
}

/** pg-boss writing through the caller's transaction: the job row and its queue entries commit together. */
function inTransaction(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => (value === undefined ? null : value))),
    }),
  };
}

// ───────────────────────────── in-process queue (embedded database) ─────────────────────────────

/**
 * Works through the in-process queue: import chunks first; suggestions only once no chunk has
 * come for a few seconds, since a large upload arrives in several requests.
 */
function runLocalQueue(): void {
  const queue = state.local;
  if (queue.running) return;
  queue.running = (async () => {
    for (;;) {
      const chunk = queue.chunks.shift();
      if (chunk) {
        await runImportChunk(chunk, true).catch((error) => console.error("A background import chunk failed:", error));
        queue.lastChunkAt = Date.now();
        continue;
      }
      if (queue.suggestions.length === 0) return;
      const quietFor = Date.now() - queue.lastChunkAt;
      if (quietFor < SUGGESTIONS_DEFER_SECONDS * 1000) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SUGGESTIONS_DEFER_SECONDS * 1000 - quietFor);
          queue.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        queue.wake = null;
        continue;
      }
      await refreshSuggestions(queue.suggestions.splice(0, SUGGESTIONS_SLICE));
      // Let requests waiting on the event loop run between slices.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().finally(() => {
    queue.running = null;
    if (queue.chunks.length > 0 || queue.suggestions.length > 0) runLocalQueue();
  });
}

/** Jobs left unfinished by an earlier run of the server: their files were only in its memory. */
async function sweepInterruptedJobs(): Promise<void> {
  if (state.swept) return;
  state.swept = true;
  await db.importJob.updateMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: state.started } },
    data: { status: "interrupted", finishedAt: new Date() },
  });
}

// ───────────────────────────── shared ─────────────────────────────

/** Starts this process's workers for imports and entity suggestions (once). */
export async function startJobWorkers(): Promise<void> {
  if (jobsRunInProcess()) await sweepInterruptedJobs();
  else await startBossWorkers();
}

/** Waits for queued work of this process (the embedded queue), then stops pg-boss after its current chunk. */
export async function stopBackgroundJobs(): Promise<void> {
  while (state.local.running) await state.local.running;
  const pending = state.boss;
  state.boss = undefined;
  state.workers = [];
  const boss = await pending?.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
}

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

/**
 * Queues chunks: with pg-boss inside `write`'s transaction; in process once it committed.
 * Returns what `write` returned.
 */
async function enqueue<T>(write: (tx: Tx, queue: (chunks: ChunkData[]) => Promise<void>) => Promise<T>): Promise<T> {
  if (jobsRunInProcess()) {
    const queued: ChunkData[] = [];
    const result = await db.$transaction((tx) => write(tx, async (chunks) => void queued.push(...chunks)));
    state.local.chunks.push(...queued);
    state.local.lastChunkAt = Date.now();
    state.local.wake?.();
    runLocalQueue();
    return result;
  }
  const boss = await getBoss();
  const result = await db.$transaction((tx) =>
    write(tx, async (chunks) => {
      if (chunks.length > 0) await boss.insert(chunks.map((data) => ({ name: IMPORT_QUEUE, data })), { db: inTransaction(tx) });
    }),
  );
  notifyBossWorkers(boss);
  return result;
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
  const id = await enqueue(async (tx, queue) => {
    const created = await tx.importJob.create({ data: { total, createdById: actor.id }, select: { id: true } });
    await queue(chunkFiles(created.id, 0, input.files));
    await recordAudit(tx, { actorId: actor.id, action: "import-job.create", targetType: "ImportJob", targetId: created.id, detail: { total } });
    return created.id;
  });
  return getImportJob(actor, id, { results: false });
}

/** More files of a job, starting at position `offset` (0-based) of its `total`. Re-sent positions are imported once. */
export async function addImportJobFiles(actor: Actor, jobId: string, offset: number, files: readonly JobFile[]): Promise<ImportJobView> {
  if (!canImportArticles(actor)) throw new ForbiddenError("Only editors and admins can import articles.");
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true, total: true, status: true, createdById: true } });
  if (!job || (job.createdById !== actor.id && actor.role !== "ADMIN")) throw new NotFoundError("The import job");
  if (files.length === 0) throw new ValidationError("Send at least one file.");
  if (!Number.isInteger(offset) || offset < 0 || offset + files.length > job.total) {
    throw new ValidationError(`This job takes ${job.total} files; files ${offset + 1} to ${offset + files.length} are outside it.`);
  }
  if (job.status === "interrupted") throw new ValidationError("This import was interrupted by a restart of the server. Start a new one.");
  await enqueue((_tx, queue) => queue(chunkFiles(job.id, offset, files)));
  return getImportJob(actor, job.id, { results: false });
}

/** Imports one queued chunk as the job's creator; on the last attempt, failures are recorded so the job still finishes. */
export async function runImportChunk(data: ChunkData, lastAttempt: boolean): Promise<ImportOutcome[]> {
  const job = await db.importJob.findUnique({
    where: { id: data.importJobId },
    select: { createdBy: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!job) return [];
  const positions = data.files.map((_, i) => data.offset + i);
  const user = job.createdBy;
  const actor: Actor | null = user && !user.disabledAt ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
  if (!canImportArticles(actor)) {
    await recordJobFailures(data.importJobId, failures(data, positions, "The account that started this import may no longer import articles."));
    return [];
  }
  const prepared = data.files.map((file) => prepareImport({ bytes: Buffer.from(file.data, "base64"), filename: file.name }));
  let outcomes: ImportOutcome[];
  try {
    outcomes = await importPrepared(actor, prepared, { jobId: data.importJobId, positions });
  } catch (error) {
    if (!lastAttempt) throw error;
    console.error("A background import chunk failed for good:", error);
    await recordJobFailures(data.importJobId, failures(data, positions, "The article could not be saved: the database was unavailable. Import it again."));
    return [];
  }
  await scheduleSuggestions(outcomes.flatMap((outcome) => (outcome.status === "imported" || outcome.status === "revision" ? [outcome.articleId!] : [])));
  return outcomes;
}

function failures(data: ChunkData, positions: number[], error: string): ImportOutcome[] {
  return data.files.map((file, i) => ({ file: file.name, status: "failed", articleId: null, title: null, revisionNumber: null, error, position: positions[i] }));
}

/**
 * Refreshes suggestions a slice at a time while no import chunk waits; returns the articles
 * left for later, so that name matching never holds up a bulk import.
 */
async function refreshWhileNoImportWaits(articleIds: readonly string[], importWaiting: () => Promise<boolean>): Promise<string[]> {
  for (let at = 0; at < articleIds.length; at += SUGGESTIONS_SLICE) {
    if (await importWaiting()) return articleIds.slice(at);
    await refreshSuggestions(articleIds.slice(at, at + SUGGESTIONS_SLICE));
  }
  return [];
}

/**
 * Queues entity suggestions for imported articles, computed after the imports waiting. In the
 * in-process queue they run in this process: a command line waits for them with
 * `stopBackgroundJobs`.
 */
export async function scheduleSuggestions(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  if (jobsRunInProcess()) {
    state.local.suggestions.push(...articleIds);
    runLocalQueue();
    return;
  }
  const boss = await getBoss();
  const jobs = [];
  for (let at = 0; at < articleIds.length; at += SUGGESTION_IDS_PER_JOB) {
    jobs.push({ name: SUGGESTIONS_QUEUE, data: { articleIds: articleIds.slice(at, at + SUGGESTION_IDS_PER_JOB) } });
  }
  await boss.insert(jobs);
  notifyBossWorkers(boss);
}
