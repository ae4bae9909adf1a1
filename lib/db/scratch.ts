import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";

export type ScratchDatabase = { url: string; embedded: boolean; drop: () => Promise<void> };

/**
 * A fresh, empty database for a test or benchmark run: a new database on the server DATABASE_URL
 * names, else an in-memory embedded PostgreSQL (PGlite).
 */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  // Inside integration tests DATABASE_URL names the run's own database; the server to use is remembered apart.
  const serverUrl = process.env.CONCORD_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ persistent: false });
    return { url: embedded.url, embedded: true, drop: embedded.stop };
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
