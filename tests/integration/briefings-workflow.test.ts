import { beforeAll, describe, expect, it } from "vitest";
import { getPublicBriefing } from "@/lib/briefings/public";
import { db } from "@/lib/db";
import { makeToken, makeUser } from "../support/fixtures";
import { approvedBriefing, bodyCiting, briefingApi, makeNewsroom, makePassage, type Newsroom } from "../support/briefing-fixtures";

let newsroom: Newsroom;

beforeAll(async () => {
  newsroom = await makeNewsroom();
});

describe("the review workflow", () => {
  it("goes draft → in review → approved → published, recording who did what", async () => {
    const passage = await makePassage(newsroom.editor);
    const created = await briefingApi.create(newsroom.editor, { title: "Workflow walk", body: bodyCiting([passage.id]) });
    expect(created.status).toBe(201);
    const id = created.json.briefing.id;
    expect(created.json.briefing).toMatchObject({ status: "DRAFT", version: 1, author: { id: newsroom.editor.id }, publicPath: null });

    expect((await briefingApi.submit(newsroom.editor, id, { comment: "Ready for a look" })).json.briefing.status).toBe("IN_REVIEW");
    const approved = await briefingApi.approve(newsroom.analyst, id, { version: 1, comment: "Sourced well." });
    expect(approved.json.briefing).toMatchObject({ status: "APPROVED", approvedVersion: 1, approvedBy: { id: newsroom.analyst.id } });

    const published = await briefingApi.publish(newsroom.editor, id);
    expect(published.status).toBe(200);
    const after = await briefingApi.get(newsroom.analyst, id);
    expect(after.json.briefing).toMatchObject({
      status: "PUBLISHED",
      publicPath: `/briefings/${created.json.briefing.slug}`,
      publishedVersions: [{ number: 1 }],
    });

    const reviews = await db.briefingReview.findMany({ where: { briefingId: id }, orderBy: { createdAt: "asc" } });
    expect(reviews.map((review) => [review.action, review.actorId])).toEqual([
      ["submit", newsroom.editor.id],
      ["approve", newsroom.analyst.id],
      ["publish", newsroom.editor.id],
    ]);
    const audit = await db.auditLog.findMany({ where: { targetType: "Briefing", targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["briefing.create", "briefing.submit", "briefing.approve", "briefing.publish"]);
  });

  it("lets an analyst send a briefing back with comments, as a draft", async () => {
    const created = await briefingApi.create(newsroom.editor, { title: "Sent back" });
    const id = created.json.briefing.id;
    await briefingApi.submit(newsroom.editor, id);
    const missing = await briefingApi.return(newsroom.analyst, id, {});
    expect(missing.status).toBe(422);
    const returned = await briefingApi.return(newsroom.analyst, id, { comment: "Cite the second delegate." });
    expect(returned.json.briefing.status).toBe("DRAFT");
    const review = await db.briefingReview.findFirstOrThrow({ where: { briefingId: id, action: "return" } });
    expect(review).toMatchObject({ actorId: newsroom.analyst.id, comment: "Cite the second delegate." });
  });

  it("refuses an approval by the briefing's author, even an admin's, with 403", async () => {
    const admin = await makeUser("ADMIN");
    const adminToken = { token: await makeToken(admin) };
    const created = await briefingApi.create(adminToken, { title: "Admin wrote it" });
    const id = created.json.briefing.id;
    await briefingApi.submit(adminToken, id);
    const own = await briefingApi.approve(adminToken, id);
    expect(own.status).toBe(403);
    expect(own.json.code).toBe("forbidden");
    // An admin may approve, so only authorship refuses it; no field tells the two 403s apart.
    expect(own.json.error).toContain("another analyst");
    expect((await briefingApi.approve(newsroom.editor, id)).status).toBe(403);
    expect((await briefingApi.get(newsroom.analyst, id)).json.briefing.status).toBe("IN_REVIEW");
  });

  it("refuses an approval by anyone who saved a draft of it", async () => {
    const admin = await makeUser("ADMIN");
    const adminToken = { token: await makeToken(admin) };
    const created = await briefingApi.create(newsroom.editor, { title: "Edited by an admin" });
    const id = created.json.briefing.id;
    await briefingApi.patch(adminToken, id, { version: 1, summary: "The admin added this." });
    await briefingApi.submit(newsroom.editor, id);
    expect((await briefingApi.approve(adminToken, id)).status).toBe(403);
  });

  it("only approves a briefing in review, and only the version the analyst read", async () => {
    const created = await briefingApi.create(newsroom.editor, { title: "Approve what you read" });
    const id = created.json.briefing.id;
    expect((await briefingApi.approve(newsroom.analyst, id)).status).toBe(409);
    await briefingApi.submit(newsroom.editor, id);
    await briefingApi.patch(newsroom.editor, id, { version: 1, summary: "Changed during review" });
    const stale = await briefingApi.approve(newsroom.analyst, id, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ version: 2, summary: "Changed during review", status: "IN_REVIEW" });
    expect((await briefingApi.approve(newsroom.analyst, id, { version: 2 })).json.briefing).toMatchObject({ status: "APPROVED", approvedVersion: 2 });
  });

  it("keeps roles apart: analysts do not write, anonymous callers get 401", async () => {
    expect((await briefingApi.create(newsroom.analyst, { title: "Not mine to write" })).status).toBe(403);
    expect((await briefingApi.create({ token: "" }, { title: "Nobody" })).status).toBe(401);
    const created = await briefingApi.create(newsroom.editor, { title: "Roles" });
    expect((await briefingApi.publish(newsroom.analyst, created.json.briefing.id)).status).toBe(403);
  });
});

describe("autosaved drafts", () => {
  it("saves each version as a draft and refuses a save based on a stale version with 409 and the current state", async () => {
    const other = await makeUser("EDITOR", "second-editor");
    const second = { token: await makeToken(other) };
    const created = await briefingApi.create(newsroom.editor, { title: "Two editors" });
    const id = created.json.briefing.id;

    const first = await briefingApi.patch(newsroom.editor, id, { version: 1, title: "First editor's title" });
    expect(first.json.briefing.version).toBe(2);
    const stale = await briefingApi.patch(second, id, { version: 1, title: "Second editor's title" });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe("stale_version");
    expect(stale.json.current).toMatchObject({ version: 2, title: "First editor's title" });

    const rebased = await briefingApi.patch(second, id, { version: 2, title: "Second editor's title" });
    expect(rebased.json.briefing).toMatchObject({ version: 3, title: "Second editor's title" });
    const drafts = await db.briefingDraft.findMany({ where: { briefingId: id }, orderBy: { version: "asc" } });
    expect(drafts.map((draft) => [draft.version, draft.title, draft.authorId])).toEqual([
      [1, "Two editors", newsroom.editor.id],
      [2, "First editor's title", newsroom.editor.id],
      [3, "Second editor's title", other.id],
    ]);
  });

  it("refuses the same version saved twice at the same moment", async () => {
    const created = await briefingApi.create(newsroom.editor, { title: "Race" });
    const id = created.json.briefing.id;
    const results = await Promise.all([
      briefingApi.patch(newsroom.editor, id, { version: 1, summary: "one" }),
      briefingApi.patch(newsroom.editor, id, { version: 1, summary: "two" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
  });
});

describe("publishing again and retracting", () => {
  it("makes a new draft after publication, requires a change note, and publishes version 2 beside version 1", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]), "Second edition");
    expect((await briefingApi.publish(newsroom.editor, id)).json.version).toBe(1);

    const edited = await briefingApi.patch(newsroom.editor, id, { version: 1, summary: "Now with the second round." });
    expect(edited.json.briefing).toMatchObject({ status: "DRAFT", version: 2 });
    await briefingApi.submit(newsroom.editor, id);
    await briefingApi.approve(newsroom.analyst, id);

    const withoutNote = await briefingApi.publish(newsroom.editor, id);
    expect(withoutNote.status).toBe(422);
    expect(withoutNote.json.code).toBe("validation");
    // The refusal names no field; its message tells the editor what to add.
    expect(withoutNote.json.error).toContain("change note");
    const republished = await briefingApi.publish(newsroom.editor, id, { note: "Added the second round of talks." });
    expect(republished.status).toBe(200);
    expect(republished.json.version).toBe(2);

    const slug = edited.json.briefing.slug;
    const latest = await getPublicBriefing(slug);
    expect(latest?.version).toMatchObject({ number: 2, summary: "Now with the second round.", changeNote: "Added the second round of talks." });
    expect(latest?.versions.map((version) => version.number)).toEqual([1, 2]);
    const first = await getPublicBriefing(slug, 1);
    expect(first?.version).toMatchObject({ number: 1, summary: "What happened in Geneva.", changeNote: null });
  });

  it("refuses publishing the same draft twice: an update needs edits and a new approval", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]), "Published once");
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
    const again = await briefingApi.publish(newsroom.editor, id, { note: "Nothing changed." });
    expect(again.status).toBe(409);
    expect(again.json.blockers).toEqual([expect.objectContaining({ type: "not_approved", message: expect.stringContaining("already published") })]);
    expect(await db.briefingVersion.count({ where: { briefingId: id } })).toBe(1);
  });

  it("retracts a published briefing, keeping its public page with the note, and refuses further edits and publication", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]), "To be retracted");
    const notYet = await briefingApi.retract(newsroom.editor, id, { note: "Too early" });
    expect(notYet.status).toBe(409);
    await briefingApi.publish(newsroom.editor, id);

    expect((await briefingApi.retract(newsroom.editor, id, {})).status).toBe(422);
    const retracted = await briefingApi.retract(newsroom.editor, id, { note: "A cited report was withdrawn by its outlet." });
    expect(retracted.json.briefing).toMatchObject({ status: "RETRACTED", retractionNote: "A cited report was withdrawn by its outlet." });

    const page = await getPublicBriefing(retracted.json.briefing.slug);
    expect(page).toMatchObject({ retractionNote: "A cited report was withdrawn by its outlet.", retractedAt: expect.any(String) });
    expect(page?.version.number).toBe(1);
    expect((await briefingApi.patch(newsroom.editor, id, { version: 1, title: "Back from the dead" })).status).toBe(409);
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(409);
  });
});

describe("published versions are immutable", () => {
  it("the database refuses to update or delete a published version", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]), "Frozen");
    await briefingApi.publish(newsroom.editor, id);
    const version = await db.briefingVersion.findFirstOrThrow({ where: { briefingId: id } });

    await expect(db.briefingVersion.update({ where: { id: version.id }, data: { html: "<p>rewritten</p>" } })).rejects.toThrow(/append-only|refused/);
    await expect(db.$executeRaw`UPDATE "BriefingVersion" SET "title" = 'rewritten' WHERE "id" = ${version.id}`).rejects.toThrow(/refused/);
    await expect(db.$executeRaw`DELETE FROM "BriefingVersion" WHERE "id" = ${version.id}`).rejects.toThrow(/refused/);
    expect(await db.briefingVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ html: version.html, title: version.title });
  });

  it("keeps a published version as it was when its sources change later", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]), "Frozen sources");
    await briefingApi.publish(newsroom.editor, id);
    await db.article.update({ where: { id: passage.articleId }, data: { outlet: "Renamed Outlet" } });
    const slug = (await briefingApi.get(newsroom.editor, id)).json.briefing.slug;
    const page = await getPublicBriefing(slug);
    expect(page?.version.notes[0]).toMatchObject({ outlet: passage.outlet, quote: passage.exact });
  });
});
