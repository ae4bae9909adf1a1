import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as articlesRoute from "@/app/api/articles/route";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";

/** A year of its own per run, so other tests' articles never share the days these reach. */
const YEAR = 2100 + Math.floor(Math.random() * 800);
const tag = () => randomBytes(4).toString("hex");

let editor: { token: string };

/** Imports an article; its follow-up jobs are queued, not run (no workers yet). */
async function importArticle(date: string, paragraph: string): Promise<string> {
  const t = tag();
  const html = `<!doctype html><html lang="en"><head><title>Report ${t}</title>
    <link rel="canonical" href="https://wire-${t}.example.com/${t}">
    <meta property="article:published_time" content="${date}T09:00:00Z">
    </head><body><article><h1>Report ${t}</h1><p>${paragraph}</p></article></body></html>`;
  const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { html, filename: "report.html" } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.id as string;
}

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
