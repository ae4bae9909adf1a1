import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Tx } from "./index";

/**
 * Sending a fresh parameter of a few megabytes holds up the calling thread (measured on the busy
 * machine, Prisma 7: 4 MB 120–330 ms, 1.3 MB about 90 ms, 0.3 MB under 10 ms); in pieces of this
 * size each takes milliseconds.
 */
const PIECE_CHARS = 256 * 1024;
/**
 * Up to this size a document goes as one parameter: a background job's batch (an import chunk's
 * revisions, a regrouping's claims) is a megabyte or two, and staging it cost a temporary table
 * and a statement per piece, some 580 statements and 130 tables for an import of 1,000 articles.
 * Only documents of multi-megabyte articles travel in pieces.
 */
const DIRECT_CHARS = 2 * 1024 * 1024;

/**
 * A JSON document for a statement in `tx`, as an SQL expression of type jsonb. A large one
 * travels in pieces through a temporary table dropped at commit.
 */
export async function stagedJson(tx: Tx, json: string): Promise<Prisma.Sql> {
  if (json.length <= DIRECT_CHARS) return Prisma.sql`${json}::jsonb`;
  const key = randomUUID();
  await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS "staged_parameter" ("key" text, "part" int, "body" text) ON COMMIT DROP`;
  let part = 0;
  for (let at = 0; at < json.length; part++) {
    let end = Math.min(at + PIECE_CHARS, json.length);
    // Never between the halves of a surrogate pair: each piece must be valid text on its own.
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    await tx.$executeRaw`INSERT INTO "staged_parameter" ("key", "part", "body") VALUES (${key}, ${part}, ${json.slice(at, end)})`;
    at = end;
  }
  return Prisma.sql`(SELECT string_agg("body", '' ORDER BY "part") FROM "staged_parameter" WHERE "key" = ${key})::jsonb`;
}
