import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jsonDocument } from "@/lib/db/json-document";

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
});
