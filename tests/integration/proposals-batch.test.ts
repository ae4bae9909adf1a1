import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { makeToken, makeUser } from "../support/fixtures";
import { importWireReport, ownYear } from "../support/wire-imports";

const YEAR = await ownYear();

let editor: { token: string };

/** Imports an article; its follow-up jobs are queued, not run (no workers yet). */
const importArticle = (date: string, paragraph: string) => importWireReport(editor.token, date, paragraph);

beforeAll(async () => {
  editor = await makeToken(await makeUser("EDITOR")).then((token) => ({ token }));
});

afterAll(async () => {
  await stopJobQueue();
});

describe("proposals for imports queued together", () => {
  it("groups the reports of separate imports into one proposal, written once rather than once per import", { timeout: 60_000 }, async () => {
    const articles = [
      await importArticle(`${YEAR}-03-11`, "Anna Berg spoke by phone with Samuel Okoro on March 10, officials said."),
      await importArticle(`${YEAR}-03-12`, "Samuel Okoro and Anna Berg talked by phone on March 10, his office said."),
      await importArticle(`${YEAR}-03-12`, "Anna Berg held a phone call with Samuel Okoro on March 10, a spokesperson said."),
    ];
    await startJobWorkers();
    await whenJobsDone();

    const proposals = await db.eventProposal.findMany({
      where: { mentions: { some: { articleId: { in: articles } } } },
      select: { status: true, version: true, mentions: { select: { articleId: true } } },
    });
    expect(proposals).toHaveLength(1);
    const [call] = proposals;
    expect(call.status).toBe("OPEN");
    expect(new Set(call.mentions.map((m) => m.articleId))).toEqual(new Set(articles));
    // Regrouped once for the three imports: an editor's form opened on the proposal stays current.
    expect(call.version).toBe(1);
  });
});
