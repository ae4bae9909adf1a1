import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as confirmRoute from "@/app/api/annotations/[id]/confirm-anchor/route";
import * as reattachRoute from "@/app/api/annotations/[id]/reattach/route";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import { createAnnotation, createAnnotationKind, reviewAnnotation, updateAnnotationKind } from "@/lib/annotations/mutations";
import { listReviewQueue, REVIEW_PAGE_SIZE } from "@/lib/annotations/queries";
import { reanchorAnnotationsForRevision } from "@/lib/annotations/reanchor-revision";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";
import { addRevision, makeArticle } from "./annotations-fixtures";

const TEXT = "The council approved the budget late on Thursday.\n\nThe mayor called the vote a turning point for the city.";

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, exact: quote };
}

describe("annotation workflow", () => {
  let editor: Actor;
  let editorToken: string;
  let analyst: Actor;
  let admin: Actor;

  beforeAll(async () => {
    editor = await makeUser("EDITOR");
    editorToken = await makeToken(editor);
    analyst = await makeUser("ANALYST");
    admin = await makeUser("ADMIN");
  });

  it("lists an orphan after a new revision and lets an editor re-attach it to a new selection", async () => {
    const article = await makeArticle(TEXT);
    const { id } = await createAnnotation(editor, { articleId: article.id, kind: "claim", ...at(TEXT, "called the vote a turning point") });
    await reviewAnnotation(analyst, id, { decision: "approve" });
    const second = "The council approved the budget late on Thursday.\n\nCritics said the spending plan ignores the suburbs.";
    const revision = await addRevision(article.id, second);
    await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, article.id, revision));
    const orphan = await db.annotation.findUniqueOrThrow({ where: { id } });
    expect(orphan.anchorStatus).toBe("ORPHANED");

    const outside = await callRoute(reattachRoute.POST, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: orphan.version, start: 0, end: 5, exact: "Wrong" },
    });
    expect(outside.status).toBe(422);

    const target = at(second, "the spending plan ignores the suburbs");
    const { status, json } = await callRoute(reattachRoute.POST, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: orphan.version, ...target },
    });
    expect(status).toBe(200);
    expect(json["concord:anchorStatus"]).toBe("ANCHORED");
    expect(json["concord:revision"]).toBe(revision.id);
    expect(json["concord:originalExact"]).toBe("called the vote a turning point");
    expect(json.target.selector[1]).toEqual({ type: "TextPositionSelector", start: target.start, end: target.end });
    // It now points at different words than the analyst approved.
    expect(json["concord:status"]).toBe("PENDING");
  });

  it("re-attaches only an orphaned or re-anchored annotation, only for its author or an admin, and audits it", async () => {
    const article = await makeArticle(TEXT);
    const { id } = await createAnnotation(editor, { articleId: article.id, kind: "claim", ...at(TEXT, "late on Thursday") });
    await reviewAnnotation(analyst, id, { decision: "approve" });
    const anchored = await db.annotation.findUniqueOrThrow({ where: { id } });
    const reattach = (token: string, version: number, quote: string) =>
      callRoute(reattachRoute.POST, { method: "POST", token, params: { id }, body: { version, ...at(TEXT, quote) } });

    // Another editor cannot move it, and nobody moves a well-anchored annotation.
    const otherEditor = await makeUser("EDITOR");
    expect((await reattach(await makeToken(otherEditor), anchored.version, "a turning point")).status).toBe(403);
    const refused = await reattach(editorToken, anchored.version, "a turning point");
    expect(refused.status).toBe(409);
    expect(await db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      exact: "late on Thursday",
      status: "APPROVED",
      version: anchored.version,
    });

    await db.annotation.update({ where: { id }, data: { anchorStatus: "ORPHANED" } });
    expect((await reattach(await makeToken(otherEditor), anchored.version, "a turning point")).status).toBe(403);
    const moved = await reattach(await makeToken(admin), anchored.version, "a turning point");
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ "concord:anchorStatus": "ANCHORED", "concord:status": "PENDING" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "annotation.reattach" } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      detail: expect.objectContaining({ fromAnchorStatus: "ORPHANED", fromStatus: "APPROVED", toStatus: "PENDING" }),
    });
  });

  it("lets an editor confirm an annotation re-anchored for checking", async () => {
    const article = await makeArticle(TEXT);
    const { id } = await createAnnotation(editor, { articleId: article.id, kind: "note", ...at(TEXT, "The council approved the budget late on Thursday.") });
    const revision = await addRevision(
      article.id,
      TEXT.replace("The council approved the budget late on Thursday.", "The council approved its budget late on Thursday night."),
    );
    const counts = await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, article.id, revision));
    expect(counts.fuzzy).toBe(1);
    const row = await db.annotation.findUniqueOrThrow({ where: { id } });
    expect(row.anchorStatus).toBe("REANCHORED_CHECK");

    const analystToken = await makeToken(analyst);
    expect((await callRoute(confirmRoute.POST, { method: "POST", token: analystToken, params: { id }, body: { version: row.version } })).status).toBe(403);
    const stale = await callRoute(confirmRoute.POST, { method: "POST", token: editorToken, params: { id }, body: { version: row.version - 1 } });
    expect(stale.status).toBe(409);
    const confirmed = await callRoute(confirmRoute.POST, { method: "POST", token: editorToken, params: { id }, body: { version: row.version } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json["concord:anchorStatus"]).toBe("ANCHORED");
  });

  it("lets an admin add, relabel and deactivate kinds, but never deactivate a built-in one", async () => {
    const key = `kind-${randomBytes(3).toString("hex")}`;
    await expect(createAnnotationKind(editor, { key, label: "Rumour" })).rejects.toMatchObject({ code: "forbidden" });
    await createAnnotationKind(admin, { key, label: "Rumour" });
    const article = await makeArticle(TEXT);
    await createAnnotation(editor, { articleId: article.id, kind: key, ...at(TEXT, "The mayor") });

    await updateAnnotationKind(admin, { key, label: "Unconfirmed report", active: false });
    expect(await db.annotationKind.findUniqueOrThrow({ where: { key } })).toMatchObject({ label: "Unconfirmed report", active: false });
    await expect(createAnnotation(editor, { articleId: article.id, kind: key, ...at(TEXT, "the city") })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/^kind: Unknown annotation kind/),
    });
    // Refusals of a kind's change share the code and name no field; the message says which rule.
    await expect(updateAnnotationKind(admin, { key: "claim", active: false })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/built in/),
    });
    expect(await db.annotationKind.findUniqueOrThrow({ where: { key: "claim" } })).toMatchObject({ active: true, builtIn: true });
  });

  it("queues pending annotations for review, filtered by article, kind, author and age", async () => {
    const article = await makeArticle(TEXT);
    const other = await makeUser("EDITOR");
    const mine = await createAnnotation(editor, { articleId: article.id, kind: "claim", ...at(TEXT, "The council") });
    const theirs = await createAnnotation(other, { articleId: article.id, kind: "fact", ...at(TEXT, "late on Thursday") });
    const approved = await createAnnotation(other, { articleId: article.id, kind: "claim", ...at(TEXT, "the budget") });
    await reviewAnnotation(analyst, approved.id, { decision: "approve" });

    const ids = async (filter: Parameters<typeof listReviewQueue>[1]) => (await listReviewQueue(analyst, filter)).items.map((item) => item.id);
    expect(await ids({ articleId: article.id })).toEqual([mine.id, theirs.id]);
    expect(await ids({ articleId: article.id, kind: "fact" })).toEqual([theirs.id]);
    expect(await ids({ articleId: article.id, authorId: editor.id })).toEqual([mine.id]);
    expect(await ids({ articleId: article.id, minAgeDays: 1 })).toEqual([]);
    await db.annotation.update({ where: { id: mine.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    expect(await ids({ articleId: article.id, minAgeDays: 2 })).toEqual([mine.id]);
  });

  it("pages the review queue by cursor", async () => {
    const article = await makeArticle(TEXT);
    const created = [];
    for (let i = 0; i <= REVIEW_PAGE_SIZE; i++)
      created.push(await createAnnotation(editor, { articleId: article.id, kind: "claim", ...at(TEXT, "The council") }));
    const first = await listReviewQueue(analyst, { articleId: article.id });
    expect(first).toMatchObject({ total: REVIEW_PAGE_SIZE + 1, totalIs: "exact" });
    expect(first.nextCursor).not.toBeNull();
    const second = await listReviewQueue(analyst, { articleId: article.id, cursor: first.nextCursor! });
    expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    // Every annotation on exactly one page (several share a creation millisecond, so the order within it is by id).
    expect([...first.items, ...second.items].map((item) => item.id).sort()).toEqual(created.map((a) => a.id).sort());
  });

  it("refuses a reply with HTML and a reply to another annotation's thread", async () => {
    const article = await makeArticle(TEXT);
    const first = await createAnnotation(editor, { articleId: article.id, kind: "question", ...at(TEXT, "turning point") });
    const second = await createAnnotation(editor, { articleId: article.id, kind: "question", ...at(TEXT, "The mayor") });
    const html = await callRoute(repliesRoute.POST, { method: "POST", token: editorToken, params: { id: first.id }, body: { body: "<b>no</b>" } });
    expect(html.status).toBe(422);
    const reply = await callRoute(repliesRoute.POST, { method: "POST", token: editorToken, params: { id: first.id }, body: { body: "Says who?" } });
    const crossed = await callRoute(repliesRoute.POST, {
      method: "POST",
      token: editorToken,
      params: { id: second.id },
      body: { body: "Answer", parentId: reply.json.id },
    });
    expect(crossed.status).toBe(422);
    expect(await db.annotationReply.count({ where: { annotationId: { in: [first.id, second.id] } } })).toBe(1);
  });
});
