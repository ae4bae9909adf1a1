import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");
const PGLITE_DIR = path.join(DATA_DIR, "pglite");
const STATE_FILE = path.join(DATA_DIR, "embedded.json");

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/** A URL for the embedded PostgreSQL; the pool must stay at one connection (see lib/db). */
function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Starts PGlite, persisted under .data/ (or in memory), behind a loopback socket so
 * the app talks to it with the same driver as to a PostgreSQL server.
 */
export async function startEmbeddedPostgres(options: { persistent: boolean; port?: number }): Promise<EmbeddedPostgres> {
  if (options.persistent) await mkdir(PGLITE_DIR, { recursive: true });
  // pg_trgm (trigram similarity for entity search) and btree_gin (dates beside words in the search
  // index) are contrib extensions: PGlite ships them, loaded here; the migrations create them.
  const db = await PGlite.create(options.persistent ? PGLITE_DIR : "memory://", { extensions: { pg_trgm, btree_gin } });
  // PGlite runs one query at a time; extra connections let a CLI reach the database
  // while the app holds its own (the app's pool stays at one, see lib/db).
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 4 });
  await server.start();
  const port = listeningPort(server);
  if (options.persistent) await writeFile(STATE_FILE, JSON.stringify({ pid: process.pid, port }));
  return {
    url: urlFor(port),
    stop: async () => {
      await server.stop();
      await db.close();
      if (options.persistent) await rm(STATE_FILE, { force: true });
    },
  };
}

function listeningPort(server: PGLiteSocketServer): number {
  const port = Number(server.getServerConn().split(":").pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error("The embedded database did not start listening.");
  return port;
}

/** The embedded database another process of this checkout already serves (npm start), if any. */
export async function findRunningEmbedded(): Promise<string | null> {
  if (!existsSync(STATE_FILE)) return null;
  try {
    const { pid, port } = JSON.parse(await readFile(STATE_FILE, "utf8")) as { pid: number; port: number };
    process.kill(pid, 0);
    if (await canConnect(port)) return urlFor(port);
  } catch {
    // A stale state file from a process that is gone.
  }
  return null;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
