import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as entitiesRoute from "@/app/api/entities/route";
import * as reviewQueueRoute from "@/app/api/review-queue/route";
import { createAnnotation, reviewAnnotation } from "@/lib/annotations/mutations";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createEntity, deleteEntity } from "@/lib/entities/mutations";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";
import { makeArticle } from "./annotations-fixtures";

/**
 * The review queue (GET /api/review-queue) and the entity list (GET /api/entities without q) paged
 * by cursor: what is reviewed, written or deleted between two page loads neither repeats nor hides
 * anything else, and a cursor the list did not give is refused with a validation error.
 */

const TEXT = "The council approved the budget late on Thursday.\n\nThe mayor called the vote a turning point for the city.";
const QUOTE = { start: 4, end: 11, exact: "council" };

let editor: Actor;
let analyst: Actor;
let analystToken: string;
let editorToken: string;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  analyst = await makeUser("ANALYST");
  analystToken = await makeToken(analyst);
  editorToken = await makeToken(editor);
});

type Page = { items: { id: string }[]; entities: { id: string }[]; nextCursor: string | null };

async function get(route: typeof reviewQueueRoute.GET, token: string, url: string): Promise<Page & Record<string, unknown>> {
  const response = await callRoute(route, { token, url });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

describe("the review queue paged by cursor", () => {
  it("lists every pending annotation once while others are reviewed and written between page loads", async () => {
    const article = await makeArticle(TEXT);
    const pending: string[] = [];
    for (let i = 0; i < 23; i++) pending.push((await createAnnotation(editor, { articleId: article.id, kind: "claim", ...QUOTE })).id);
    // Runs of annotations written in the same millisecond, across page boundaries: their order is by id.
    const sameTime = new Date(Date.now() - 60_000);
    await db.annotation.updateMany({ where: { id: { in: pending.slice(3, 12) } }, data: { createdAt: sameTime } });
    const base = `/api/review-queue?articleId=${article.id}&limit=5`;

    const seen: string[] = [];
    const reviewed = new Set<string>();
    const written: string[] = [];
    let page = await get(reviewQueueRoute.GET, analystToken, base);
    for (let load = 0; ; load++) {
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      // The analyst approves the last one listed (it leaves the queue, as page numbers would then skip one)
      // and one not yet listed; an editor writes a new annotation.
      const listedLast = page.items.at(-1)!.id;
      const ahead = pending.find((id) => !seen.includes(id) && !reviewed.has(id));
      for (const id of [listedLast, ...(ahead ? [ahead] : [])]) {
        await reviewAnnotation(analyst, id, { decision: "approve" });
        reviewed.add(id);
      }
      if (load < 3) written.push((await createAnnotation(editor, { articleId: article.id, kind: "claim", ...QUOTE })).id);
      page = await get(reviewQueueRoute.GET, analystToken, `${base}&cursor=${encodeURIComponent(page.nextCursor)}`);
      expect(load).toBeLessThan(20);
    }

    expect(new Set(seen).size).toBe(seen.length);
    // Every annotation pending from the first load to its turn was listed; none reviewed before its turn was.
    const reviewedAhead = [...reviewed].filter((id) => !seen.includes(id));
    expect(pending.filter((id) => !seen.includes(id) && !reviewedAhead.includes(id))).toEqual([]);
    expect(written.every((id) => seen.includes(id))).toBe(true);
    // In the queue's order: oldest first, ties by id.
    const rows = await db.annotation.findMany({ where: { id: { in: seen } }, select: { id: true, createdAt: true } });
    const order = rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);
    expect(seen).toEqual(order);
  });

  it("continues after an annotation that has left the queue since its page was listed", async () => {
    const article = await makeArticle(TEXT);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createAnnotation(editor, { articleId: article.id, kind: "claim", ...QUOTE })).id);
    const first = await get(reviewQueueRoute.GET, analystToken, `/api/review-queue?articleId=${article.id}&limit=2`);
    expect(first.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    for (const item of first.items) await reviewAnnotation(analyst, item.id, { decision: "approve" });
    const second = await get(reviewQueueRoute.GET, analystToken, `/api/review-queue?articleId=${article.id}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
    expect(second).toMatchObject({ total: 2, totalIs: "exact" });
  });

  it("refuses a cursor it did not give", async () => {
    const forged = Buffer.from(JSON.stringify(["yesterday", 1])).toString("base64url");
    for (const cursor of ["not-a-cursor", forged, Buffer.from("[]").toString("base64url")]) {
      const response = await callRoute(reviewQueueRoute.GET, { token: analystToken, url: `/api/review-queue?cursor=${encodeURIComponent(cursor)}` });
      expect(response.status).toBe(422);
      expect(response.json).toMatchObject({ code: "validation", error: expect.stringContaining("cursor") });
    }
  });
});

describe("the entity list paged by cursor", () => {
  it("lists every entity once while others are created and deleted between page loads", async () => {
    const tag = randomBytes(4).toString("hex");
    const make = async (name: string) =>
      (await createEntity(editor, { type: "OTHER", name, aliases: [], description: null, externalId: null, confirmDuplicate: true })).id;
    // Several entities share one name (their order is by id), across page boundaries.
    const before: string[] = [];
    for (let i = 0; i < 12; i++) before.push(await make(`Keyset ${tag} ${i < 7 ? "same" : String(i).padStart(2, "0")}`));
    const base = `/api/entities?type=other&limit=3`;

    const seen: string[] = [];
    const deleted = new Set<string>();
    const added: string[] = [];
    let page = await get(entitiesRoute.GET, editorToken, base);
    for (let load = 0; ; load++) {
      seen.push(...page.entities.map((entity) => entity.id));
      if (!page.nextCursor) break;
      // The last one listed is deleted, one ahead is deleted, and a new one sorts among those not yet listed.
      const ahead = before.find((id) => !seen.includes(id) && !deleted.has(id));
      for (const id of [page.entities.at(-1)!.id, ...(ahead && load % 2 === 0 ? [ahead] : [])]) {
        if (!before.includes(id)) continue;
        await deleteEntity(editor, id);
        deleted.add(id);
      }
      if (load < 3) added.push(await make(`Keyset ${tag} zz ${load}`));
      page = await get(entitiesRoute.GET, editorToken, `${base}&cursor=${encodeURIComponent(page.nextCursor)}`);
      expect(load).toBeLessThan(200);
    }

    expect(new Set(seen).size).toBe(seen.length);
    const deletedAhead = [...deleted].filter((id) => !seen.includes(id));
    expect(before.filter((id) => !seen.includes(id) && !deletedAhead.includes(id))).toEqual([]);
    expect(added.every((id) => seen.includes(id))).toBe(true);
  });

  it("refuses a cursor with a search and a cursor it did not give", async () => {
    const withSearch = await callRoute(entitiesRoute.GET, { token: editorToken, url: "/api/entities?q=kyiv&cursor=x" });
    expect(withSearch.status).toBe(422);
    for (const cursor of ["%%%", Buffer.from('{"name":"a"}').toString("base64url")]) {
      const response = await callRoute(entitiesRoute.GET, { token: editorToken, url: `/api/entities?cursor=${encodeURIComponent(cursor)}` });
      expect(response.status).toBe(422);
      expect(response.json).toMatchObject({ code: "validation", error: expect.stringContaining("cursor") });
    }
  });
});
