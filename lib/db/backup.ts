import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";

/**
 * Logical backups through SQL alone, so one code path serves a PostgreSQL server and the
 * embedded PGlite (where pg_dump cannot connect to the data directory). The file is gzipped
 * JSON lines: a header with the applied migrations and per-table row counts, then one line per row.
 */
export const BACKUP_FORMAT = "concord-backup-1";
const FETCH_SIZE = 1000;
const INSERT_BATCH = 500;

type Header = { format: string; createdAt: string; migrations: string[]; tables: Record<string, number> };

async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((row) => row.name);
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Writes every table of the database to `file`, read in one repeatable-read snapshot. */
export async function backupDatabase(url: string, file: string): Promise<Header> {
  return withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const tables = await listTables(client);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
        counts[table] = Number(rows[0]!.n);
      }
      const header: Header = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), tables: counts };
      const gzip = createGzip();
      const out = createWriteStream(file);
      gzip.pipe(out);
      const write = async (line: string) => {
        if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quoteIdent(table)} t`);
        for (;;) {
          const { rows } = await client.query<{ r: string }>(`FETCH ${FETCH_SIZE} FROM backup_rows`);
          for (const row of rows) await write(`{"t":${JSON.stringify(table)},"r":${row.r}}`);
          if (rows.length < FETCH_SIZE) break;
        }
        await client.query("CLOSE backup_rows");
      }
      gzip.end();
      await once(out, "finish");
      await client.query("COMMIT");
      return header;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/**
 * Loads a backup into a migrated, empty database at the same migrations, in one transaction:
 * either everything is restored or nothing is.
 */
export async function restoreDatabase(url: string, file: string): Promise<Header> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : (JSON.parse(first.value) as Header);
  if (!header || header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Concord backup.`);

  return withClient(url, async (client) => {
    const migrations = await appliedMigrations(client);
    if (migrations.join() !== header.migrations.join()) {
      throw new Error(`The target database is at different migrations than the backup. Run npm run db:migrate on an empty database of the same version first.`);
    }
    // A freshly migrated database holds only what migrations insert (e.g. default annotation kinds);
    // one with users or articles is someone's data.
    for (const table of ["User", "Article"]) {
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS any`);
      if (rows[0]!.any) throw new Error(`The target database is not empty (table ${table} has rows). Restore into a fresh database.`);
    }
    await client.query("BEGIN");
    try {
      // Rows arrive table by table, not in foreign-key order, so triggers and foreign-key checks
      // are off for this transaction; the rows come from a consistent snapshot. Rows that migrations
      // inserted are replaced by the backup's own.
      await client.query("SET LOCAL session_replication_role = replica");
      for (const table of await listTables(client)) await client.query(`DELETE FROM ${quoteIdent(table)}`);
      const columns = await writableColumns(client);
      let batch: unknown[] = [];
      let batchTable = "";
      const flush = async () => {
        if (batch.length === 0) return;
        const list = (columns.get(batchTable) ?? []).map(quoteIdent).join(", ");
        await client.query(
          `INSERT INTO ${quoteIdent(batchTable)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdent(batchTable)}, $1::json)`,
          [JSON.stringify(batch)],
        );
        batch = [];
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!next.value) continue;
        const { t, r } = JSON.parse(next.value) as { t: string; r: unknown };
        if (t !== batchTable || batch.length >= INSERT_BATCH) {
          await flush();
          batchTable = t;
        }
        batch.push(r);
      }
      await flush();
      await resetSequences(client);
      await client.query("COMMIT");
      return header;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/** Each table's columns that take a value on insert: generated columns are computed again by the database. */
async function writableColumns(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const row of rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  return columns;
}

async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name, column_name } of rows) {
    const table = quoteIdent(table_name);
    const column = quoteIdent(column_name);
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${column}) FROM ${table}), 1), (SELECT max(${column}) FROM ${table}) IS NOT NULL)`,
      [table, column_name],
    );
  }
}
