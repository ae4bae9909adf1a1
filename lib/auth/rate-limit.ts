import "server-only";
import { db, Prisma } from "@/lib/db";

/**
 * Counts an event for `key` in a fixed window, shared by every app instance through the
 * database, and returns how many happened in the current window (this one included).
 */
export async function countAttempt(key: string, windowMs: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowMs / 1000}) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowMs / 1000}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

/** How many events `key` has in the current window, without counting one. */
export async function currentAttempts(key: string, windowMs: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`SELECT ${attemptsInWindow(key, windowMs)} AS "count"`;
  return rows[0]?.count ?? 0;
}

/** currentAttempts as an SQL expression (an integer), for a query that reads it with other things in one round trip. */
export function attemptsInWindow(key: string, windowMs: number): Prisma.Sql {
  // The window is measured by the database's clock, as countAttempt measures it.
  return Prisma.sql`coalesce((SELECT "count" FROM "RateLimit" WHERE "key" = ${key} AND "windowStart" >= now() - make_interval(secs => ${windowMs / 1000})), 0)`;
}

export async function resetAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
