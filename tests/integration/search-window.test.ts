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
    await db.article.createMany({ data: rows.map((row) => ({ id: row.id, title: `Report ${row.id}`, outlet: "Wire", createdAt: row.createdAt })) });
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
    await db.$executeRaw`UPDATE "Article" SET "currentRevisionId" = "id" || '-r1' WHERE "id" = ANY(${ids})`;
  }, 120_000);

  afterAll(async () => {
    await db.article.updateMany({ where: { id: { in: ids } }, data: { currentRevisionId: null } });
    await db.articleRevision.deleteMany({ where: { articleId: { in: ids } } });
    await db.article.deleteMany({ where: { id: { in: ids } } });
  });

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
