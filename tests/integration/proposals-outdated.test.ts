import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { regroupProposalsAround } from "@/lib/proposals/refresh";
import { EXTRACTION_RULES_VERSION } from "@/lib/proposals/rules-version";
import { startJobWorkers, startServerJobWorkers, whenJobsDone } from "@/lib/wiring";
import { makeToken, makeUser } from "../support/fixtures";
import { importWireReport, ownYear } from "../support/wire-imports";

const YEAR = ownYear();

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
      UPDATE "ArticleExtraction" SET "rulesVersion" = 0, "data" = jsonb_set(jsonb_set("data", '{mentions}', '[]'), '{claims}', '[]')
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
});
