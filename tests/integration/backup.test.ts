import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-articles";
import { createApiToken, updateUser } from "@/lib/auth/mutations";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { migrate } from "@/lib/db/migrate";
import { makeUser } from "../support/fixtures";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";

/** Row count and a checksum of the content of every table. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '')) AS md5 FROM "${name}" t`,
      );
      result[name] = { rows: Number(rows[0]!.n), md5: rows[0]!.md5 };
    }
    return result;
  } finally {
    await client.end();
  }
}

describe("db:backup and db:restore", () => {
  let dir: string;
  let target: ScratchDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "concord-backup-"));
    target = await createScratchDatabase("concord_restore");
    await migrate(target.url);
  });
  afterAll(async () => {
    await target.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("restores a backup into a fresh database with every table's rows and content intact", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    await updateUser(admin, { userId: editor.id, role: "ANALYST" });
    await createApiToken(editor, editor.id, "backup check");
    // An article brings revisions, whose search vector is a generated column the restore must leave to the database.
    const text = `Backup check ${Date.now()}\n\nThe port authority approved the new terminal on Tuesday after two years of debate.`;
    await importArticle(editor, { bytes: new TextEncoder().encode(text), filename: "backup-check.txt" });

    const source = process.env.DATABASE_URL!;
    const file = path.join(dir, "backup.jsonl.gz");
    const header = await backupDatabase(source, file);
    expect(header.tables.User).toBeGreaterThanOrEqual(2);

    await restoreDatabase(target.url, file);
    const [before, after] = await Promise.all([fingerprint(source), fingerprint(target.url)]);
    expect(after.User!.rows).toBeGreaterThanOrEqual(2);
    expect(after.AuditLog!.rows).toBeGreaterThan(0);
    expect(after.ArticleRevision!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("refuses to restore into a database that already has data, and changes nothing there", async () => {
    const file = path.join(dir, "backup.jsonl.gz");
    const before = await fingerprint(target.url);
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/not empty/);
    expect(await fingerprint(target.url)).toEqual(before);
  });

  it("refuses a file that is not a backup", async () => {
    const file = path.join(dir, "not-a-backup.jsonl.gz");
    const { gzipSync } = await import("node:zlib");
    await writeFile(file, gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/not a Concord backup/);
  });
});
