import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jsonDocument } from "@/lib/db/json-document";

/** The debug module the pg adapter logs through (its own copy, found as Node.js finds it from the adapter). */
async function adapterDebugLog(): Promise<{ getLogs: (numChars?: number) => string }> {
  const require = createRequire(import.meta.url);
  const utils = createRequire(require.resolve("@prisma/adapter-pg")).resolve("@prisma/driver-adapter-utils");
  const debugMain = createRequire(utils).resolve("@prisma/debug");
  // The adapter is an ES module: the same module instance is the package's ES entry beside its CommonJS one.
  return import(pathToFileURL(path.join(path.dirname(debugMain), "index.mjs")).href);
}

describe("JSON documents sent beside Prisma", () => {
  it("reaches PostgreSQL whole: megabytes of text in any script, in one statement", async () => {
    const text = 'Переговоры в Эр-Рияде «без прорыва» — 利雅得会谈 ✓ "quoted" \\ back\n'.repeat(50_000);
    const document = jsonDocument(JSON.stringify([{ text }, { text: "second" }]));
    const rows = await db.$queryRaw<{ length: number; same: boolean }[]>`
      SELECT length(r."text")::int AS "length", r."text" = ${text} AS "same"
      FROM jsonb_to_recordset(${document}) AS r("text" text)`;
    expect(rows).toEqual([
      { length: text.length, same: true },
      { length: 6, same: false },
    ]);
  });

  it("serves every statement of a transaction that uses it, and is released when the transaction ends", async () => {
    const document = jsonDocument(JSON.stringify([{ n: 1 }, { n: 2 }]));
    const sums = await db.$transaction(async (tx) => {
      const first = await tx.$queryRaw<{ sum: number }[]>`SELECT sum(r."n")::int AS "sum" FROM jsonb_to_recordset(${document}) AS r("n" int)`;
      const second = await tx.$queryRaw<{ sum: number }[]>`SELECT sum(r."n" * 10)::int AS "sum" FROM jsonb_to_recordset(${document}) AS r("n" int)`;
      return [first[0]!.sum, second[0]!.sum];
    });
    expect(sums).toEqual([3, 30]);
    await expect(db.$queryRaw`SELECT ${document}`).rejects.toThrow(/sent after it was released/);
  });

  it("stays out of the database adapter's debug log, which keeps its last calls' arguments even when logging is off", async () => {
    const marker = `document-${Date.now()}`;
    const document = jsonDocument(JSON.stringify([{ text: marker.repeat(10_000) }]));
    await db.$queryRaw`SELECT count(*)::int AS "n" FROM jsonb_to_recordset(${document}) AS r("text" text)`;
    await db.$transaction(
      (tx) => tx.$queryRaw`SELECT count(*)::int AS "n" FROM jsonb_to_recordset(${jsonDocument(JSON.stringify([{ text: marker }]))}) AS r("text" text)`,
    );
    const log = (await adapterDebugLog()).getLogs(1_000_000_000);
    // Booleans, not the log itself: a failure would print megabytes.
    expect([log.includes("jsonb_to_recordset"), log.includes(marker)]).toEqual([true, false]);
  });
});
