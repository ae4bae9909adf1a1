import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as articlesRoute from "@/app/api/articles/route";
import type { Actor } from "@/lib/auth/permissions";
import { callRoute } from "../support/api";
import { makeArticle } from "../support/article-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

/**
 * GET /api/articles?cursor=: paging by the last article seen, not by page number, so articles
 * imported between two page loads neither push listed ones onto the next page again nor hide any.
 */

let editor: Actor;
let token: string;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  token = await makeToken(editor);
});

type Item = { id: string; title: string };

/** Articles of one outlet of their own, so other tests' articles never enter the list; titles and dates repeat, some dates are missing. */
async function makeOutletArticles(outlet: string, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const title = `${i % 3 === 0 ? "alpha" : "Beta"} ${String(i % 7).padStart(2, "0")}`;
    const publishedAt = i % 4 === 0 ? null : `2026-0${1 + (i % 5)}-1${i % 3}`;
    ids.push((await makeArticle(editor, { text: `Article ${i} of ${outlet}.`, title, outlet, publishedAt })).articleId);
  }
  return ids;
}

async function listPage(query: string): Promise<{ items: Item[]; nextCursor: string | null }> {
  const response = await callRoute(articlesRoute.GET, { token, url: `/api/articles?${query}` });
  expect(response.status).toBe(200);
  return response.json;
}

describe("the article list paged by cursor", () => {
  for (const sort of ["newest", "oldest", "published", "title", "outlet"]) {
    it(`lists every article once when others are imported between page loads (sort ${sort})`, async () => {
      const outlet = `Keyset ${randomBytes(4).toString("hex")}`;
      const before = await makeOutletArticles(outlet, 60);
      const base = `outlet=${encodeURIComponent(outlet)}&sort=${sort}`;
      const seen: string[] = [];
      let page = await listPage(base);
      const added: string[] = [];
      for (let load = 0; ; load++) {
        expect(page.items.length).toBeLessThanOrEqual(25);
        seen.push(...page.items.map((item) => item.id));
        if (!page.nextCursor) break;
        expect(page.nextCursor).toBe(page.items.at(-1)!.id);
        // New articles land before, among and after those already listed, depending on the order.
        added.push(...(await makeOutletArticles(outlet, 4, 100 + load * 4)));
        page = await listPage(`${base}&cursor=${encodeURIComponent(page.nextCursor)}`);
        expect(load).toBeLessThan(10);
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(before.filter((id) => !seen.includes(id))).toEqual([]);
      expect(seen.every((id) => before.includes(id) || added.includes(id))).toBe(true);
      // In the order one read gives them: the pages by number, with nothing imported meanwhile.
      const { pageCount } = (await callRoute(articlesRoute.GET, { token, url: `/api/articles?${base}` })).json;
      const whole: Item[] = [];
      for (let number = 1; number <= pageCount; number++) whole.push(...(await listPage(`${base}&page=${number}`)).items);
      expect(whole.map((item) => item.id).filter((id) => seen.includes(id))).toEqual(seen);
    });
  }

  it("refuses a cursor with a search query, which is paged by number", async () => {
    const response = await callRoute(articlesRoute.GET, { token, url: "/api/articles?q=talks&cursor=x" });
    expect(response.status).toBe(422);
  });
});
