import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { JobContext, JobKind, SomeJobKind } from "./kinds";
import type { JobQueue, JobRecord, JobState } from "./queue";

/** A look for jobs queued by another process (a command line beside the server) while idle. */
const POLL_MS = 2_000;
const KEEP_COMPLETED = "1 day";
const KEEP_FAILED = "7 days";

type Claimed = { id: string; kind: string; data: unknown; attempts: number };

/**
 * The queue on the embedded database: jobs are rows of "BackgroundJob", run one at a time by the
 * process that called start() (the server). Enqueuing inside a transaction is a plain insert in
 * it; with the pool's single connection the runner's next look waits for that transaction, so
 * it finds the job as soon as it committed.
 */
export class InProcessQueue implements JobQueue {
  private readonly kinds = new Map<string, SomeJobKind>();
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private woken = false;

  async enqueue<T>(kind: JobKind<T>, data: T, options: { tx?: Tx; startAfterSeconds?: number } = {}): Promise<void> {
    await insertJob(options.tx ?? db, kind, data, options.startAfterSeconds ?? 0);
    this.poke();
  }

  async start(kinds: readonly SomeJobKind[]): Promise<void> {
    for (const kind of kinds) this.kinds.set(kind.name, kind);
    if (this.loop) return;
    this.stopping = false;
    // This process serves the embedded database: a job still marked running was cut short by a restart.
    // One that has used up its tries that way (it may be what stops the server) is not run again.
    for (const kind of kinds) {
      await db.$executeRaw`
        UPDATE "BackgroundJob" SET "state" = 'failed', "finishedAt" = now(), "error" = 'Cut short by a restart on every try.'
        WHERE "state" = 'active' AND "kind" = ${kind.name} AND "attempts" > ${kind.retryLimit}`;
    }
    await db.$executeRaw`UPDATE "BackgroundJob" SET "state" = 'queued', "startAfter" = now() WHERE "state" = 'active'`;
    await db.$executeRaw`
      DELETE FROM "BackgroundJob"
      WHERE ("state" = 'completed' AND "finishedAt" < now() - ${KEEP_COMPLETED}::interval)
         OR ("state" = 'failed' AND "finishedAt" < now() - ${KEEP_FAILED}::interval)`;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    this.loop = null;
  }

  async pending(kinds: readonly SomeJobKind[]): Promise<number> {
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "BackgroundJob" WHERE "state" IN ('queued', 'active') AND "kind" = ANY(${kinds.map((kind) => kind.name)}::text[])`;
    return count;
  }

  async whenIdle(kinds: readonly SomeJobKind[]): Promise<void> {
    while ((await this.pending(kinds)) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async list(options: { limit?: number } = {}): Promise<JobRecord[]> {
    const rows = await db.backgroundJob.findMany({ orderBy: { createdAt: "desc" }, take: options.limit ?? 100, omit: { data: true } });
    return rows.map((row) => ({ ...row, state: row.state as JobState }));
  }

  private poke(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let job: Claimed | null = null;
      try {
        job = await this.claim();
        if (job) await this.work([job, ...(await this.claimBatch(job))]);
      } catch (error) {
        console.error("Background jobs:", error);
      }
      if (!job && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // Unreferenced: an idle queue must not keep a command-line script alive.
      const timer = setTimeout(() => this.wake?.(), POLL_MS).unref();
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        this.woken = false;
        resolve();
      };
    });
  }

  /** The next due job: the kinds that yield to others (`background`) last. */
  private async claim(): Promise<Claimed | null> {
    const names = [...this.kinds.keys()];
    const background = [...this.kinds.values()].filter((kind) => kind.background).map((kind) => kind.name);
    const [job] = await db.$queryRaw<Claimed[]>`
      UPDATE "BackgroundJob" SET "state" = 'active', "startedAt" = now(), "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "BackgroundJob"
        WHERE "state" = 'queued' AND "startAfter" <= now() AND "kind" = ANY(${names}::text[])
        ORDER BY "kind" = ANY(${background}::text[]), "createdAt"
        LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "kind", "data", "attempts"`;
    return job ?? null;
  }

  /** For a kind that runs waiting jobs together (`batch`), the next ones due of that kind. */
  private async claimBatch(first: Claimed): Promise<Claimed[]> {
    const size = this.kinds.get(first.kind)?.batch?.size ?? 1;
    if (size <= 1) return [];
    return db.$queryRaw<Claimed[]>`
      UPDATE "BackgroundJob" SET "state" = 'active', "startedAt" = now(), "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "BackgroundJob"
        WHERE "state" = 'queued' AND "startAfter" <= now() AND "kind" = ${first.kind}
        ORDER BY "createdAt" LIMIT ${size - 1} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "kind", "data", "attempts"`;
  }

  private async work(jobs: Claimed[]): Promise<void> {
    const kind = this.kinds.get(jobs[0].kind)!;
    const others = [...this.kinds.values()].filter((other) => other !== kind && !other.background);
    const ids = jobs.map((job) => job.id);
    const data = kind.batch && jobs.length > 1 ? kind.batch.combine(jobs.map((job) => job.data)) : jobs[0].data;
    const context: JobContext = {
      attempt: Math.max(...jobs.map((job) => job.attempts)),
      lastAttempt: jobs.every((job) => job.attempts > kind.retryLimit),
      othersWaiting: async () => (await this.pending(others)) > 0,
    };
    try {
      const result = await kind.run(data as never, context);
      await db.$transaction(async (tx) => {
        if (result?.later) await insertJob(tx, kind, result.later, kind.laterDelaySeconds ?? 5);
        await tx.$executeRaw`UPDATE "BackgroundJob" SET "state" = 'completed', "finishedAt" = now(), "error" = NULL WHERE "id" = ANY(${ids}::text[])`;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Background job ${kind.name} failed (try ${context.attempt}):`, error);
      // Each job of a batch keeps its own count of tries.
      await db.$executeRaw`
        UPDATE "BackgroundJob" SET "state" = 'failed', "finishedAt" = now(), "error" = ${message}
        WHERE "id" = ANY(${ids}::text[]) AND "attempts" > ${kind.retryLimit}`;
      await db.$executeRaw`
        UPDATE "BackgroundJob" SET "state" = 'queued', "error" = ${message}, "startAfter" = now() + ${`${kind.retryDelaySeconds} seconds`}::interval
        WHERE "id" = ANY(${ids}::text[]) AND "attempts" <= ${kind.retryLimit}`;
    }
  }
}

/** A coalescing kind gets no second waiting job: the waiting one will do the same work. */
async function insertJob(client: Tx | typeof db, kind: SomeJobKind, data: unknown, startAfterSeconds: number): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "BackgroundJob" ("id", "kind", "data", "startAfter")
    SELECT ${randomUUID()}, ${kind.name}, ${JSON.stringify(data)}::jsonb, now() + ${`${startAfterSeconds} seconds`}::interval
    WHERE ${!kind.coalesce} OR NOT EXISTS (SELECT 1 FROM "BackgroundJob" WHERE "kind" = ${kind.name} AND "state" = 'queued')`;
}
