import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { regroupProposalsAround } from "@/lib/proposals/refresh";
import { EXTRACTION_RULES_VERSION } from "@/lib/proposals/rules-version";
import { startJobWorkers, startServerJobWorkers, whenJobsDone } from "@/lib/wiring";
import { makeToken, makeUser } from "../support/fixtures";
import { importWireReport, ownYear } from "../support/wire-imports";

const YEAR = await ownYear();

let editor: { token: string };

const openProposalsOf = (articleId: string) =>
  db.eventProposal.findMany({
    where: { status: "OPEN", mentions: { some: { articleId } } },
    select: { mentions: { select: { articleId: true } } },
  });

beforeAll(async () => {
  editor = await makeToken(await makeUser("EDITOR")).then((token) => ({ token }));
  await startJobWorkers();
});

afterAll(async () => {
  await stopJobQueue();
});

describe("extractions made by older rules", () => {
  it("are read again when the server starts, and the proposals around them regrouped; current ones are left alone", { timeout: 60_000 }, async () => {
    const first = await importWireReport(editor.token, `${YEAR}-04-09`, "Anna Berg spoke by phone with Samuel Okoro on April 8, officials said.");
    const second = await importWireReport(editor.token, `${YEAR}-04-09`, "Samuel Okoro and Anna Berg talked by phone on April 8, his office said.");
    await whenJobsDone();
    const [call] = await openProposalsOf(second);
    expect(new Set(call.mentions.map((m) => m.articleId))).toEqual(new Set([first, second]));

    // What rules before this version made of the second report: nothing, stored before versions were recorded.
    await db.$executeRaw`
      UPDATE "ArticleExtraction" SET "rulesVersion" = 0, "data" = jsonb_set(jsonb_set("data"::jsonb, '{mentions}', '[]'), '{claims}', '[]')::text
      WHERE "articleId" = ${second}`;
    await regroupProposalsAround([second]);
    expect(await openProposalsOf(second)).toEqual([]);
    const current = await db.articleExtraction.findUniqueOrThrow({ where: { articleId: first }, select: { updatedAt: true } });

    // The server starts again after the upgrade.
    await startServerJobWorkers();
    await whenJobsDone();

    const reread = await db.articleExtraction.findUniqueOrThrow({ where: { articleId: second }, select: { rulesVersion: true } });
    expect(reread.rulesVersion).toBe(EXTRACTION_RULES_VERSION);
    const [again] = await openProposalsOf(second);
    expect(new Set(again.mentions.map((m) => m.articleId))).toEqual(new Set([first, second]));
    const untouched = await db.articleExtraction.findUniqueOrThrow({ where: { articleId: first }, select: { updatedAt: true } });
    expect(untouched.updatedAt).toEqual(current.updatedAt);
  });

  it("go past an article that cannot be read, which keeps its previous extraction, and reach the older ones", { timeout: 60_000 }, async () => {
    const older = await importWireReport(editor.token, `${YEAR}-06-09`, "Lena Fischer met Omar Haddad in Vienna on June 8, officials said.");
    const alsoOlder = await importWireReport(editor.token, `${YEAR}-06-09`, "Omar Haddad and Lena Fischer met in Vienna on June 8, his office said.");
    const unreadable = await importWireReport(editor.token, `${YEAR}-06-10`, "Lena Fischer spoke with Omar Haddad on June 9.");
    await whenJobsDone();
    await db.$executeRaw`
      UPDATE "ArticleExtraction" SET "rulesVersion" = 0, "data" = jsonb_set(jsonb_set("data"::jsonb, '{mentions}', '[]'), '{claims}', '[]')::text
      WHERE "articleId" IN (${older}, ${alsoOlder})`;
    // A publication day past what the server's dates can hold (a row written by hand or another
    // tool): reading this article fails every time. Its slice is the newest, read first.
    await db.$executeRaw`UPDATE "Article" SET "publishedAt" = '300000-01-01' WHERE "id" = ${unreadable}`;
    // The tests share one database: the row is made readable again whatever happens, or every later list of articles fails on it.
    try {
      await db.$executeRaw`UPDATE "ArticleExtraction" SET "rulesVersion" = 0 WHERE "articleId" = ${unreadable}`;
      const before = await db.$queryRaw<{ data: string }[]>`SELECT "data" FROM "ArticleExtraction" WHERE "articleId" = ${unreadable}`;
      const logged: string[] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });

      try {
        await startServerJobWorkers();
        await whenJobsDone();
      } finally {
        spy.mockRestore();
      }

      const versions = await db.articleExtraction.findMany({ where: { articleId: { in: [older, alsoOlder, unreadable] } }, select: { rulesVersion: true } });
      expect(versions.map((v) => v.rulesVersion)).toEqual([EXTRACTION_RULES_VERSION, EXTRACTION_RULES_VERSION, EXTRACTION_RULES_VERSION]);
      const [meeting] = await openProposalsOf(older);
      expect(new Set(meeting.mentions.map((m) => m.articleId))).toContain(alsoOlder);
      const after = await db.$queryRaw<{ data: string }[]>`SELECT "data" FROM "ArticleExtraction" WHERE "articleId" = ${unreadable}`;
      expect(after).toEqual(before);
      expect(logged.filter((line) => line.includes(unreadable))).toEqual([expect.stringContaining("Invalid time value")]);
    } finally {
      await db.$executeRaw`UPDATE "Article" SET "publishedAt" = ${`${YEAR}-06-10`}::date WHERE "id" = ${unreadable}`;
    }
  });
});
