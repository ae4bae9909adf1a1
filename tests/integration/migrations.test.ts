import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("npm run db:migrate", () => {
  let database: ScratchDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createScratchDatabase("concord_mig");
    dir = await mkdtemp(path.join(os.tmpdir(), "concord-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies every migration in order and records it as prisma migrate deploy does", async () => {
    const applied = await migrate(database.url, { dir });
    const files = await readMigrations(dir);
    expect(applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      database.url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const before = await query(database.url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`);
    expect(await migrate(database.url, { dir })).toEqual([]);
    expect(await query(database.url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("applies only a new migration, and rolls back one that fails", async () => {
    await mkdir(path.join(dir, "29990101000000_probe"));
    await writeFile(path.join(dir, "29990101000000_probe/migration.sql"), `CREATE TABLE "Probe" (id int);`);
    expect(await migrate(database.url, { dir })).toEqual(["29990101000000_probe"]);

    await mkdir(path.join(dir, "29990101000001_broken"));
    await writeFile(path.join(dir, "29990101000001_broken/migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT nonsense_function();`);
    await expect(migrate(database.url, { dir })).rejects.toThrow(/29990101000001_broken failed and was rolled back/);
    const half = await query(database.url, `SELECT to_regclass('"Half"') AS t`);
    expect(half[0]).toEqual({ t: null });
    await rm(path.join(dir, "29990101000001_broken"), { recursive: true });
  });

  it("refuses to continue when an applied migration file was changed", async () => {
    await writeFile(path.join(dir, "29990101000000_probe/migration.sql"), `CREATE TABLE "Probe" (id bigint);`);
    await expect(migrate(database.url, { dir })).rejects.toThrow(/29990101000000_probe was changed after it was applied/);
  });
});
