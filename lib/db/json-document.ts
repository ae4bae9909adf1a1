import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "./generated/client";

/**
 * Prisma serializes a raw statement's parameters to JSON and parses them back before the driver
 * sees them: a document of a megabyte costs the calling thread some 15 ms and a multi-megabyte
 * garbage copy (an import of 1,000 articles sends tens of megabytes this way, some 2 s of the main
 * thread). A document here travels beside Prisma instead: the statement carries a short token,
 * and the driver adapter (`lib/db/index.ts`) puts the document in its place as it hands the
 * statement to pg, which sends it as it is.
 */
const TOKEN_PREFIX = "\u0000json-document:";
/** A document whose statement never ran (it failed before reaching the driver) is dropped after this long. */
const ABANDONED_MS = 10 * 60_000;

type Held = { json: string; at: number };

// On globalThis: Next.js may bundle this module into several chunks, and the one Prisma client
// (also on globalThis) must find every chunk's documents.
const registry = globalThis as unknown as { concordJsonDocuments?: Map<string, Held> };
registry.concordJsonDocuments ??= new Map();
const held = registry.concordJsonDocuments;

/** A JSON document as an SQL expression of type jsonb, for one raw statement. */
export function jsonDocument(json: string): Prisma.Sql {
  const now = Date.now();
  for (const [token, document] of held) {
    if (now - document.at < ABANDONED_MS) break;
    held.delete(token);
  }
  const token = `${TOKEN_PREFIX}${randomUUID()}`;
  held.set(token, { json, at: now });
  return Prisma.sql`${token}::jsonb`;
}

/**
 * The statement's arguments with each document token replaced by its document. Outside a
 * transaction the document is released at once; a transaction's statements may share one (an
 * update and an insert from the same rows), so it is noted in `used` and released with
 * `releaseJsonDocuments` when the transaction ends.
 */
export function withJsonDocuments(args: unknown[], used?: Set<string>): unknown[] {
  if (!args.some(isToken)) return args;
  return args.map((arg) => {
    if (!isToken(arg)) return arg;
    const document = held.get(arg);
    if (!document) throw new Error("A JSON document was sent after it was released.");
    if (used) used.add(arg);
    else held.delete(arg);
    return document.json;
  });
}

export function releaseJsonDocuments(used: Set<string>): void {
  for (const token of used) held.delete(token);
  used.clear();
}

function isToken(arg: unknown): arg is string {
  return typeof arg === "string" && arg.startsWith(TOKEN_PREFIX);
}
