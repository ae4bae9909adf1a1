import "server-only";
import type { Tx } from "@/lib/db";
import { InProcessQueue } from "./in-process-queue";
import type { JobKind, SomeJobKind } from "./kinds";
import { PgBossQueue } from "./pg-boss-queue";

/**
 * Background work. One interface, two implementations chosen by the database:
 *
 * - On a PostgreSQL server, pg-boss (schema "pgboss"): any app instance takes the next job, and
 *   a job whose instance died is taken up again once its time limit (the kind's
 *   `expireInSeconds`) has passed.
 * - On the embedded database (PGlite, one connection per process: DATABASE_POOL_MAX=1), the
 *   server process runs the jobs itself from the table "BackgroundJob". pg-boss is not used
 *   there: PGlite serves every socket connection from one session, and with pg-boss's own
 *   connection beside the app's, rows the app had just committed were intermittently missing
 *   from its next read. A job cut short by a restart runs again when the server starts.
 *
 * Either way a job queued inside a write's transaction commits with it (so a write never loses
 * its follow-up work), failed tries are retried, and `listJobs` shows every kind's jobs.
 */
export interface JobQueue {
  /** Queues a job; inside `tx` it commits or rolls back with the caller's write. */
  enqueue<T>(kind: JobKind<T>, data: T, options?: { tx?: Tx; startAfterSeconds?: number }): Promise<void>;
  /** Starts this process's workers for these kinds (once). */
  start(kinds: readonly SomeJobKind[]): Promise<void>;
  /** Stops taking jobs and waits for the running one. */
  stop(): Promise<void>;
  /** Resolves once no job of these kinds waits or runs (workers must be running somewhere). */
  whenIdle(kinds: readonly SomeJobKind[]): Promise<void>;
  /** Jobs waiting or running of these kinds. */
  pending(kinds: readonly SomeJobKind[]): Promise<number>;
  /** Every job the queue keeps, newest first: what runs, what waits, what failed and why. */
  list(options?: { limit?: number }): Promise<JobRecord[]>;
}

export type JobState = "queued" | "active" | "completed" | "failed";

export type JobRecord = {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
};

// On globalThis: Next.js may load this module more than once in one server process.
const holder = globalThis as unknown as { concordJobQueue?: JobQueue };

/** True on the embedded database (one connection per process, see lib/db): jobs run in the process that serves it. */
export function jobsRunInProcess(): boolean {
  return Number(process.env.DATABASE_POOL_MAX ?? 10) <= 1;
}

export function jobQueue(): JobQueue {
  holder.concordJobQueue ??= jobsRunInProcess() ? new InProcessQueue() : new PgBossQueue();
  return holder.concordJobQueue;
}

/** Stops the queue and forgets it (tests and scripts switch databases; shutdown). */
export async function stopJobQueue(): Promise<void> {
  const queue = holder.concordJobQueue;
  holder.concordJobQueue = undefined;
  await queue?.stop();
}
