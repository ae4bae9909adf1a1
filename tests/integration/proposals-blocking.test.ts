import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { makeToken, makeUser } from "../support/fixtures";
import { importWireReport, ownYear } from "../support/wire-imports";

const YEAR = await ownYear();

let editor: { token: string };

async function importArticle(date: string, paragraph: string): Promise<string> {
  const id = await importWireReport(editor.token, date, paragraph);
  await whenJobsDone();
  return id;
}

const proposalsOf = (articleId: string) =>
  db.eventProposal.findMany({
    where: { mentions: { some: { articleId } } },
    select: { id: true, status: true, version: true, updatedAt: true, mentions: { select: { articleId: true } } },
  });

beforeAll(async () => {
  editor = await makeToken(await makeUser("EDITOR")).then((token) => ({ token }));
  await startJobWorkers();
});

afterAll(async () => {
  await stopJobQueue();
});

describe("a regrouping reads only what may be one happening with the refreshed article", () => {
  it("groups two reports of one call three days apart, and leaves the proposal of another call two weeks later untouched", async () => {
    const first = await importArticle(`${YEAR}-06-11`, "Anna Berg spoke by phone with Samuel Okoro on June 10, officials said.");
    const far = await importArticle(`${YEAR}-06-26`, "Anna Berg spoke by phone with Samuel Okoro again on June 25, officials said.");
    const farBefore = await proposalsOf(far);
    expect(farBefore).toHaveLength(1);

    const second = await importArticle(`${YEAR}-06-13`, "Samuel Okoro and Anna Berg talked by phone on June 10, his office said.");
    const [call] = await proposalsOf(second);
    expect(call.status).toBe("OPEN");
    expect(new Set(call.mentions.map((m) => m.articleId))).toEqual(new Set([first, second]));
    // The later call is too far to be this one: its proposal is neither withdrawn nor rewritten.
    expect(await proposalsOf(far)).toEqual(farBefore);
  });
});
