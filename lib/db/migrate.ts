import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// The same lock id as `prisma migrate deploy`, so the two never run at once on one database.
const ADVISORY_LOCK_ID = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

/** Migrations in Prisma's layout (<timestamp>_<name>/migration.sql), in the order Prisma applies them. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

/** Prisma records the SHA-256 of the migration file as lowercase hex. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * What to apply, given what the database records; refuses when history was rewritten.
 * Pure, so the rules are testable without a database.
 */
export function planMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started but never finished. Repair the database by hand, then delete its row from _prisma_migrations.`,
    );
  }
  const byName = new Map(live.map((row) => [row.migration_name, row]));
  for (const file of files) {
    const row = byName.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(`Migration ${file.name} was changed after it was applied. Restore the applied file and put the change in a new migration.`);
    }
  }
  const known = new Set(files.map((f) => f.name));
  const unknown = live.find((row) => !known.has(row.migration_name));
  if (unknown) {
    throw new MigrationError(
      `The database has migration ${unknown.migration_name}, which is not in prisma/migrations. Is this checkout older than the database?`,
    );
  }
  return files.filter((file) => !byName.has(file.name));
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies pending migrations, each in its own transaction, recorded as `prisma migrate deploy` records them. */
export async function migrate(databaseUrl: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = planMigrations(files, rows);
    for (const file of pending) {
      log(`Applying ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return pending.map((f) => f.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
