import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import "@/lib/wiring";

process.env.CONCORD_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? "";
process.env.AUTH_SECRET ??= "integration-test-secret";

/** Runs one statement on the server's maintenance database (CREATE and DROP DATABASE cannot run inside the database they name). */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.CONCORD_TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let dropOwnDatabase = async () => {};
if (inject("embeddedDatabase")) {
  // The embedded database serves one process: every file uses the run's database, one file after another.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.DATABASE_POOL_MAX = "1";
} else {
  // On a server each file gets its own copy of the run's migrated database (a file copy, far faster
  // than migrating), so files run side by side and none sees another's rows.
  const template = new URL(inject("databaseUrl"));
  const name = `${template.pathname.slice(1)}_${randomBytes(3).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`);
  const own = new URL(template);
  own.pathname = `/${name}`;
  process.env.DATABASE_URL = own.toString();
  process.env.DATABASE_POOL_MAX = "5";
  dropOwnDatabase = () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

afterAll(async () => {
  await stopJobQueue();
  await disconnectDb();
  await dropOwnDatabase();
});
