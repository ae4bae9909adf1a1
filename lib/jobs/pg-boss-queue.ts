import "server-only";
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import type { JobKind, SomeJobKind } from "./kinds";
import type { JobQueue, JobRecord, JobState } from "./queue";

const STATES: Record<string, JobState> = {
  created: "queued",
  retry: "queued",
  active: "active",
  completed: "completed",
  failed: "failed",
  cancelled: "failed",
};

/** The queue on a PostgreSQL server: pg-boss, in its own schema "pgboss". */
export class PgBossQueue implements JobQueue {
  private boss: Promise<PgBoss> | null = null;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly workers = new Map<string, string>();

  private start_(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const connectionString = process.env.DATABASE_URL;
      if (!connectionString) throw new Error("DATABASE_URL is not set.");
      const boss = new PgBoss({
        connectionString,
        max: 2,
        application_name: "concord-jobs",
        // Import chunks carry article files: finished jobs are archived after an hour and dropped after a day.
        archiveCompletedAfterSeconds: 60 * 60,
        deleteAfterDays: 1,
      });
      boss.on("error", (error) => console.error("Background jobs:", error));
      await boss.start();
      return boss;
    })().catch((error) => {
      this.boss = null;
      throw error;
    });
    return this.boss;
  }

  /** The kind's queue, created with its policy on first use. */
  private async ready(kind: SomeJobKind): Promise<PgBoss> {
    const boss = await this.start_();
    let created = this.queues.get(kind.name);
    if (!created) {
      created = (async () => {
        const options = {
          name: kind.name,
          // "stately": at most one job waiting and one running.
          policy: kind.coalesce ? ("stately" as const) : ("standard" as const),
          retryLimit: kind.retryLimit,
          retryDelay: kind.retryDelaySeconds,
          expireInSeconds: kind.expireInSeconds,
        };
        if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, options);
        else await boss.createQueue(kind.name, options);
      })();
      this.queues.set(kind.name, created);
      created.catch(() => this.queues.delete(kind.name));
    }
    await created;
    return boss;
  }

  async enqueue<T>(kind: JobKind<T>, data: T, options: { tx?: Tx; startAfterSeconds?: number } = {}): Promise<void> {
    const boss = await this.ready(kind);
    await boss.send(kind.name, data as object, {
      ...(options.tx ? { db: inTransaction(options.tx) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
    const worker = this.workers.get(kind.name);
    // Inside a transaction the job is visible only after the commit: the worker's next poll finds it.
    if (worker && !options.tx) boss.notifyWorker(worker);
  }

  async start(kinds: readonly SomeJobKind[]): Promise<void> {
    for (const kind of kinds) {
      if (this.workers.has(kind.name)) continue;
      const boss = await this.ready(kind);
      const others = kinds.filter((other) => other !== kind && !other.background);
      const batchSize = kind.batch?.size ?? 1;
      const id: string = await boss.work<object>(kind.name, { batchSize, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
        const data = kind.batch && jobs.length > 1 ? (kind.batch.combine(jobs.map((job) => job.data)) as object) : jobs[0].data;
        const context = {
          attempt: Math.max(...jobs.map((job) => job.retryCount)) + 1,
          lastAttempt: jobs.every((job) => job.retryCount >= job.retryLimit),
          othersWaiting: async () => (await this.pending(others)) > 0,
        };
        if (kind.background && (await context.othersWaiting())) {
          await boss.send(kind.name, data, { startAfter: kind.laterDelaySeconds ?? 5 });
          return;
        }
        const result = await kind.run(data as never, context);
        if (result?.later) await boss.send(kind.name, result.later as object, { startAfter: kind.laterDelaySeconds ?? 5 });
        // Take the next job at once instead of waiting for the next poll.
        boss.notifyWorker(id);
      });
      this.workers.set(kind.name, id);
    }
  }

  async stop(): Promise<void> {
    const pending = this.boss;
    this.boss = null;
    this.workers.clear();
    this.queues.clear();
    const boss = await pending?.catch(() => null);
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  async pending(kinds: readonly SomeJobKind[]): Promise<number> {
    let total = 0;
    for (const kind of kinds) total += await (await this.ready(kind)).getQueueSize(kind.name, { before: "completed" });
    return total;
  }

  async whenIdle(kinds: readonly SomeJobKind[]): Promise<void> {
    while ((await this.pending(kinds)) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  async list(options: { limit?: number } = {}): Promise<JobRecord[]> {
    const boss = await this.start_();
    const { rows } = await boss.getDb().executeSql(
      `SELECT id, name, state, retry_count, created_on, started_on, completed_on, output
       FROM (SELECT id, name, state, retry_count, created_on, started_on, completed_on, output FROM pgboss.job
             UNION ALL
             SELECT id, name, state, retry_count, created_on, started_on, completed_on, output FROM pgboss.archive) AS jobs
       ORDER BY created_on DESC LIMIT $1`,
      [options.limit ?? 100],
    );
    return rows.map(
      (row: {
        id: string;
        name: string;
        state: string;
        retry_count: number;
        created_on: Date;
        started_on: Date | null;
        completed_on: Date | null;
        output: unknown;
      }) => ({
        id: row.id,
        kind: row.name,
        state: STATES[row.state] ?? "queued",
        attempts: row.retry_count + (row.started_on ? 1 : 0),
        createdAt: row.created_on,
        startedAt: row.started_on,
        finishedAt: row.completed_on,
        error: row.state === "failed" ? describeOutput(row.output) : null,
      }),
    );
  }
}

/** pg-boss writing through the caller's transaction: the job commits with the write. */
function inTransaction(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => (value === undefined ? null : value))),
    }),
  };
}

function describeOutput(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String((output as { message: unknown }).message);
  return JSON.stringify(output);
}
