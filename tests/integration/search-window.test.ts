import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listArticles, SEARCH_RANK_LIMIT } from "@/lib/articles/queries";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { makeUser } from "../support/fixtures";

// More articles than the search's window of newest ones, so that both of its paths run: a word in
// every article fills its quota among the newest, a word in a few new and many old articles does not.
const COUNT = 2_600;
const OLD_ONLY = 300;
const tag = randomBytes(4).toString("hex");
const everywhere = `harbourmaster${tag}`;
const rare = `lighthouse${tag}`;
const start = Date.parse("2030-01-01T00:00:00Z");

type Row = { id: string; createdAt: Date; text: string; title?: string };

async function insertArticles(rows: Row[]): Promise<void> {
  await db.article.createMany({ data: rows.map((row) => ({ id: row.id, title: row.title ?? `Report ${row.id}`, outlet: "Wire", createdAt: row.createdAt })) });
  await db.articleRevision.createMany({
    data: rows.map((row) => ({
      id: `${row.id}-r1`,
      articleId: row.id,
      number: 1,
      originalBytes: Buffer.from(row.text),
      originalFormat: "text",
      encoding: "utf-8",
      contentHash: `${row.id}-hash`,
      text: row.text,
      removed: [],
      metadata: {},
      createdAt: row.createdAt,
    })),
  });
  await db.$executeRaw`UPDATE "Article" SET "currentRevisionId" = "id" || '-r1' WHERE "id" = ANY(${rows.map((row) => row.id)})`;
}

async function deleteArticles(ids: string[]): Promise<void> {
  await db.article.updateMany({ where: { id: { in: ids } }, data: { currentRevisionId: null } });
  await db.articleRevision.deleteMany({ where: { articleId: { in: ids } } });
  await db.article.deleteMany({ where: { id: { in: ids } } });
}

describe("full-text search over a long corpus", () => {
  let analyst: Actor;
  const ids: string[] = [];

  beforeAll(async () => {
    analyst = await makeUser("ANALYST");
    // Article i is i minutes newer than article 0; the rare word is in the oldest OLD_ONLY and the newest five.
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const words = [`The ${everywhere} spoke on day ${i}.`];
      if (i < OLD_ONLY || i >= COUNT - 5) words.push(`The ${rare} stayed dark.`);
      return { id: `search-window-${tag}-${i}`, createdAt: new Date(start + i * 60_000), text: words.join(" ") };
    });
    ids.push(...rows.map((row) => row.id));
    await insertArticles(rows);
  }, 120_000);

  afterAll(() => deleteArticles(ids));

  const search = (q: string) => listArticles(analyst, articleListQuerySchema.parse({ q, sort: "newest" }));

  it("ranks the newest matches of a word in every article and says that more match", async () => {
    const found = await search(everywhere);
    expect(found.totalIs).toBe("at-least");
    expect(found.total).toBe(SEARCH_RANK_LIMIT);
    expect(found.items.map((item) => item.id)).toEqual(ids.slice(-found.items.length).reverse());
    const phrase = await search(`"${everywhere} spoke"`);
    expect(phrase.items.map((item) => item.id)).toEqual(found.items.map((item) => item.id));
  });

  it("finds the newest matches of a word that the newest articles seldom use, beyond them", async () => {
    const found = await search(rare);
    expect(found.total).toBe(SEARCH_RANK_LIMIT);
    const newest = found.items.map((item) => item.id);
    expect(newest.slice(0, 5)).toEqual(ids.slice(-5).reverse());
    expect(newest[5]).toBe(ids[OLD_ONLY - 1]);
  });
});

// A newsroom's dates are uneven: a dense recent stretch, a quieter few weeks before it, and an
// archive a year older. A word the recent stretch seldom uses, in the text or in titles, takes its
// newest matches from the weeks before it; a rarer one from the archive.
describe("full-text search over uneven dates", () => {
  const suffix = randomBytes(4).toString("hex");
  const seasonal = `monsoon${suffix}`;
  const headline = `regatta${suffix}`;
  const archived = `eclipse${suffix}`;
  const newest = Date.parse("2031-06-01T00:00:00Z");
  const minute = 60_000;
  const day = 24 * 60 * minute;
  let analyst: Actor;
  const rows: Row[] = [];

  beforeAll(async () => {
    analyst = await makeUser("ANALYST");
    const add = (id: string, createdAt: number, words: string[], title?: string) =>
      rows.push({ id: `uneven-${suffix}-${id}`, createdAt: new Date(createdAt), text: `The council met. ${words.join(" ")}`, title });
    // The recent stretch: one article a minute; the seasonal word in every 25th, the archived one in the 5 newest.
    for (let i = 0; i < COUNT; i++) {
      const words = [i % 25 === 0 ? `The ${seasonal} came early.` : "", i < 5 ? `The ${archived} was seen.` : ""];
      add(`recent-${i}`, newest - i * minute, words, i % 25 === 0 ? `The ${headline} on day ${i}` : undefined);
    }
    // The weeks before it: one article an hour, each with the seasonal word and the headline word.
    for (let i = 0; i < 200; i++) add(`weeks-${i}`, newest - 3 * day - i * 60 * minute, [`The ${seasonal} went on.`], `The ${headline} again`);
    // The archive, a year older: every word.
    for (let i = 0; i < 300; i++) {
      add(`archive-${i}`, newest - 365 * day - i * minute, [`The ${seasonal} and the ${archived} of old.`], `The ${headline} of old`);
    }
    await insertArticles(rows);
  }, 120_000);

  afterAll(() => deleteArticles(rows.map((row) => row.id)));

  const newestFirst = (filter: (row: Row) => boolean) =>
    rows
      .filter(filter)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((row) => row.id);
  const allPages = async (q: string) => {
    const first = await listArticles(analyst, articleListQuerySchema.parse({ q, sort: "newest" }));
    const ids = first.items.map((item) => item.id);
    for (let page = 2; page <= first.pageCount; page++) {
      ids.push(...(await listArticles(analyst, articleListQuerySchema.parse({ q, sort: "newest", page: String(page) }))).items.map((item) => item.id));
    }
    return { total: first.total, totalIs: first.totalIs, ids };
  };

  it("ranks the newest matches of a word the recent articles seldom use, from the weeks before them", async () => {
    const found = await allPages(seasonal);
    expect(found).toMatchObject({ total: SEARCH_RANK_LIMIT, totalIs: "at-least" });
    const expected = newestFirst((row) => row.text.includes(seasonal)).slice(0, SEARCH_RANK_LIMIT);
    expect(expected.some((id) => id.includes("-weeks-"))).toBe(true);
    expect(expected.some((id) => id.includes("-archive-"))).toBe(false);
    expect(found.ids).toEqual(expected);
  });

  it("ranks the newest titles with a word, from the weeks before the recent articles", async () => {
    const found = await allPages(headline);
    expect(found.ids).toEqual(newestFirst((row) => row.title?.includes(headline) ?? false).slice(0, SEARCH_RANK_LIMIT));
  });

  it("ranks the newest matches of a word found mostly in the archive", async () => {
    const found = await allPages(archived);
    const expected = newestFirst((row) => row.text.includes(archived)).slice(0, SEARCH_RANK_LIMIT);
    expect(expected.filter((id) => id.includes("-archive-"))).toHaveLength(SEARCH_RANK_LIMIT - 5);
    expect(found.ids).toEqual(expected);
  });
});
