import { findRunningEmbedded, startEmbeddedPostgres } from "@/lib/db/embedded";
import { describeConnectionError } from "@/lib/db/connection";

/** `opened`: this process opened the embedded database itself, so no server runs its background jobs now. */
type Database = { url: string; opened: boolean };

/**
 * Runs `fn` with a database URL: DATABASE_URL when set, else the embedded database
 * that `npm start` serves, else the embedded database opened here for the duration.
 */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return fn({ url: configured, opened: false });
  const running = await findRunningEmbedded();
  if (running) return withEnv({ url: running, opened: false }, fn);
  const embedded = await startEmbeddedPostgres({ persistent: true });
  try {
    return await withEnv({ url: embedded.url, opened: true }, fn);
  } finally {
    await embedded.stop();
  }
}

async function withEnv<T>(database: Database, fn: (database: Database) => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_MAX = "1";
  return fn(database);
}

/** Ends a command with a one-line message instead of a stack trace for known failures. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(describeConnectionError(error) ?? (error instanceof Error ? error.message : String(error)));
    process.exitCode = 1;
  }
}
