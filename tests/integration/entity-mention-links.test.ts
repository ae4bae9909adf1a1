import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as requestReviewRoute } from "@/app/api/annotations/[id]/request-review/route";
import { POST as createEntityRoute } from "@/app/api/entities/route";
import { POST as acceptRoute } from "@/app/api/suggestions/[id]/accept/route";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { listReviewQueue } from "@/lib/annotations/queries";
import { getComposerOptions } from "@/lib/briefings/queries";
import { findBlockers } from "@/lib/briefings/vetting";
import { db } from "@/lib/db";
import { refreshArticleSuggestions } from "@/lib/entities/suggestion-refresh";
import { getInboxCounts } from "@/lib/inbox/queries";
import { callRoute } from "../support/api";
import { makeArticle } from "../support/article-fixtures";
import { bodyCiting } from "../support/briefing-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

const tag = () =>
  randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]);

describe("entity mentions accepted from suggestions", () => {
  // Three accepts through the route and two suggestion passes: slow on a busy machine.
  it("are links: outside the review queue and the citation picker until an editor sends one for review, and never citable unreviewed", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const token = await makeToken(editor);
    const t = tag();
    const created = await callRoute(createEntityRoute, { method: "POST", token, body: { type: "person", name: `Sergei Lavrov${t}`, aliases: [`Lavrov${t}`] } });
    expect(created.status).toBe(201);
    const article = await makeArticle(editor, { text: `Sergei Lavrov${t} spoke on Sunday. Lavrov${t} said the call was useful. Later Lavrov${t} left.` });
    await refreshArticleSuggestions(article.articleId);
    const open = await db.mentionSuggestion.findMany({ where: { articleId: article.articleId, status: "OPEN" }, orderBy: { start: "asc" } });
    expect(open).toHaveLength(3);

    const reviewsBefore = (await getInboxCounts(analyst)).reviews;
    const ids: string[] = [];
    for (const suggestion of open) {
      const accepted = await callRoute(acceptRoute, { method: "POST", token, params: { id: suggestion.id } });
      expect(accepted.status).toBe(200);
      ids.push(accepted.json.annotationId);
    }
    const rows = await db.annotation.findMany({ where: { id: { in: ids } }, include: { links: true } });
    expect(rows.every((row) => row.linkOnly && row.kind === "mention" && row.links.length === 1)).toBe(true);

    const queue = await listReviewQueue(analyst, { articleId: article.articleId });
    expect(queue.total).toBe(0);
    expect((await getInboxCounts(analyst)).reviews).toBe(reviewsBefore);
    const picker = (await getComposerOptions(editor)).passages.map((passage) => passage.id);
    expect(picker.filter((id) => ids.includes(id))).toEqual([]);

    // Cited anyway (through the API), a link-only mention blocks publication: it is not approved.
    const briefing = { id: "b", status: "APPROVED", version: 1, approvedVersion: 1, body: bodyCiting([ids[0]!]) };
    expect((await findBlockers(db, briefing)).map((blocker) => blocker.type)).toContain("annotation_unapproved");

    // An editor sends one for review: it joins the queue and the picker, and is approved like any passage.
    const sent = await callRoute(requestReviewRoute, { method: "POST", token, params: { id: ids[0] }, body: { version: 1 } });
    expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    expect((await listReviewQueue(analyst, { articleId: article.articleId })).items.map((item) => item.id)).toEqual([ids[0]]);
    expect((await getComposerOptions(editor)).passages.map((passage) => passage.id)).toContain(ids[0]);
    const again = await callRoute(requestReviewRoute, { method: "POST", token, params: { id: ids[0] }, body: { version: 2 } });
    expect(again.status).toBe(422);
    await reviewAnnotation(analyst, ids[0]!, { decision: "approve" });
    expect((await findBlockers(db, briefing)).map((blocker) => blocker.type)).not.toContain("annotation_unapproved");

    const analystToken = await makeToken(analyst);
    expect((await callRoute(requestReviewRoute, { method: "POST", token: analystToken, params: { id: ids[1] }, body: { version: 1 } })).status).toBe(403);
  }, 90_000);
});
