import { beforeAll, describe, expect, it } from "vitest";
import { reanchorAnnotationsForRevision } from "@/lib/annotations/reanchor-revision";
import { db, Prisma } from "@/lib/db";
import {
  ARTICLE_TEXT,
  approvedBriefing,
  bodyCiting,
  briefingApi,
  linkPassage,
  makeContradiction,
  makeEntity,
  makeEvent,
  makeNewsroom,
  makePassage,
  type Newsroom,
} from "../support/briefing-fixtures";
import { addRevision } from "./annotations-fixtures";

let newsroom: Newsroom;

beforeAll(async () => {
  newsroom = await makeNewsroom();
});

/** Tries to publish; expects the refusal and returns its blockers as "type:id". */
async function refusedBlockers(id: string): Promise<string[]> {
  const result = await briefingApi.publish(newsroom.editor, id);
  expect(result.status).toBe(409);
  expect(await db.briefingVersion.count({ where: { briefingId: id } })).toBe(0);
  for (const blocker of result.json.blockers) {
    expect(blocker).toEqual({ type: expect.any(String), id: expect.any(String), message: expect.any(String), href: expect.stringMatching(/^\//) });
  }
  return result.json.blockers.map((blocker: { type: string; id: string }) => `${blocker.type}:${blocker.id}`);
}

describe("publishing is refused while anything is not vetted", () => {
  it("publishes a briefing whose citations are approved and anchored and which an analyst approved", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    const result = await briefingApi.publish(newsroom.editor, id);
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ version: 1, url: expect.stringMatching(/\/briefings\/geneva-talks-[a-f0-9]+$/) });
  });

  it("refuses a briefing that has not been approved", async () => {
    const passage = await makePassage(newsroom.editor);
    const created = await briefingApi.create(newsroom.editor, { title: "Unreviewed", body: bodyCiting([passage.id]) });
    const id = created.json.briefing.id;
    expect(await refusedBlockers(id)).toEqual([`not_approved:${id}`]);
    await briefingApi.submit(newsroom.editor, id);
    expect(await refusedBlockers(id)).toEqual([`not_approved:${id}`]);
  });

  it("refuses a briefing edited after its approval until an analyst approves the new version", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    const edited = await briefingApi.patch(newsroom.editor, id, { version: 1, title: "Geneva talks, revised" });
    expect(edited.json.briefing).toMatchObject({ version: 2, status: "DRAFT", approvedVersion: 1 });
    const result = await briefingApi.publish(newsroom.editor, id);
    expect(result.status).toBe(409);
    expect(result.json.blockers).toEqual([
      expect.objectContaining({ type: "not_approved", id, message: expect.stringContaining("edited after it was approved") }),
    ]);

    await briefingApi.submit(newsroom.editor, id);
    await briefingApi.approve(newsroom.analyst, id, { version: 2 });
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
  });

  it("refuses a cited passage that is not approved, and lets it through once an analyst approves it", async () => {
    const passage = await makePassage(newsroom.editor, { status: "PENDING" });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    const blockers = await briefingApi.blockers(newsroom.editor, id);
    expect(blockers.json.blockers).toEqual([
      expect.objectContaining({ type: "annotation_unapproved", id: passage.id, href: `/articles/${passage.articleId}#annotation-${passage.id}` }),
    ]);
    expect(await refusedBlockers(id)).toEqual([`annotation_unapproved:${passage.id}`]);

    await db.annotation.update({ where: { id: passage.id }, data: { status: "APPROVED" } });
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
  });

  it("refuses a rejected passage and one with changes requested", async () => {
    const rejected = await makePassage(newsroom.editor, { status: "REJECTED" });
    const changes = await makePassage(newsroom.editor, { status: "CHANGES_REQUESTED" });
    const id = await approvedBriefing(newsroom, bodyCiting([rejected.id, changes.id]));
    expect(await refusedBlockers(id)).toEqual([`annotation_unapproved:${rejected.id}`, `annotation_unapproved:${changes.id}`]);
  });

  it("refuses a citation that no longer anchors: orphaned, or re-anchored and not checked", async () => {
    const orphan = await makePassage(newsroom.editor, { anchorStatus: "ORPHANED" });
    const moved = await makePassage(newsroom.editor, { anchorStatus: "REANCHORED_CHECK" });
    const id = await approvedBriefing(newsroom, bodyCiting([orphan.id, moved.id]));
    expect(await refusedBlockers(id)).toEqual([`citation_orphaned:${orphan.id}`, `citation_unchecked:${moved.id}`]);

    await db.annotation.update({ where: { id: moved.id }, data: { anchorStatus: "ANCHORED" } });
    expect(await refusedBlockers(id)).toEqual([`citation_orphaned:${orphan.id}`]);
  });

  it("refuses a citation whose passage was deleted after it was cited", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    await db.annotation.update({ where: { id: passage.id }, data: { deletedAt: new Date() } });
    expect(await refusedBlockers(id)).toEqual([`annotation_deleted:${passage.id}`]);
  });

  it("refuses while a contradiction on an event a cited passage is linked to is open or awaiting sign-off", async () => {
    const passage = await makePassage(newsroom.editor);
    const other = await makePassage(newsroom.editor, { exact: "A second round is planned for next month" });
    const event = await makeEvent();
    await linkPassage(newsroom.editor, passage.id, { eventId: event.id });
    const contradiction = await makeContradiction(newsroom.editor, { members: [other.id], eventId: event.id, status: "OPEN" });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    expect(await refusedBlockers(id)).toEqual([`contradiction_open:${contradiction.id}`]);

    await db.contradiction.update({ where: { id: contradiction.id }, data: { status: "AWAITING_SIGNOFF" } });
    const awaiting = await briefingApi.publish(newsroom.editor, id);
    expect(awaiting.json.blockers[0].message).toContain("awaiting sign-off");

    await db.contradiction.update({ where: { id: contradiction.id }, data: { status: "RESOLVED" } });
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
  });

  it("refuses while a contradiction on an entity the briefing names is open", async () => {
    const passage = await makePassage(newsroom.editor);
    const other = await makePassage(newsroom.editor);
    const entity = await makeEntity();
    const contradiction = await makeContradiction(newsroom.editor, { members: [other.id], entityId: entity.id });
    const body = bodyCiting([passage.id]);
    body.content.push({
      type: "paragraph",
      content: [
        { type: "entityMention", attrs: { entityId: entity.id, label: entity.name } },
        { type: "text", text: " spoke." },
      ],
    });
    const id = await approvedBriefing(newsroom, body);
    expect(await refusedBlockers(id)).toEqual([`contradiction_open:${contradiction.id}`]);
  });

  it("refuses while a contradiction on an event shown in the timeline is open", async () => {
    const passage = await makePassage(newsroom.editor);
    const other = await makePassage(newsroom.editor);
    const event = await makeEvent();
    const contradiction = await makeContradiction(newsroom.editor, { members: [other.id], eventId: event.id });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id], [{ type: "timeline", attrs: { eventIds: [event.id] } }]));
    expect(await refusedBlockers(id)).toEqual([`contradiction_open:${contradiction.id}`]);
  });

  it("refuses while a contradiction that a cited passage is part of is open", async () => {
    const passage = await makePassage(newsroom.editor);
    const other = await makePassage(newsroom.editor);
    const contradiction = await makeContradiction(newsroom.editor, { members: [passage.id, other.id] });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    expect(await refusedBlockers(id)).toEqual([`contradiction_open:${contradiction.id}`]);
  });

  it("ignores contradictions about other events and entities", async () => {
    const passage = await makePassage(newsroom.editor);
    const other = await makePassage(newsroom.editor);
    const unrelated = await makeEvent();
    await makeContradiction(newsroom.editor, { members: [other.id], eventId: unrelated.id });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
  });

  it("refuses a disagreement shown to readers that is not settled, and checks its accounts as citations", async () => {
    const passage = await makePassage(newsroom.editor);
    const account = await makePassage(newsroom.editor, { status: "PENDING" });
    const contradiction = await makeContradiction(newsroom.editor, { members: [passage.id, account.id], status: "OPEN" });
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id], [{ type: "disagreements", attrs: { contradictionIds: [contradiction.id] } }]));
    expect((await refusedBlockers(id)).sort()).toEqual(
      [`annotation_unapproved:${account.id}`, `contradiction_open:${contradiction.id}`, `disagreement_unsettled:${contradiction.id}`].sort(),
    );
  });

  it("lists every blocker at once", async () => {
    const pending = await makePassage(newsroom.editor, { status: "PENDING" });
    const orphan = await makePassage(newsroom.editor, { anchorStatus: "ORPHANED" });
    const created = await briefingApi.create(newsroom.editor, { title: "Many problems", body: bodyCiting([pending.id, orphan.id]) });
    const id = created.json.briefing.id;
    expect(await refusedBlockers(id)).toEqual([`not_approved:${id}`, `annotation_unapproved:${pending.id}`, `citation_orphaned:${orphan.id}`]);
  });
});

describe("publishing is refused when the page would differ from what the analyst approved", () => {
  async function changedBlockers(id: string) {
    const result = await briefingApi.publish(newsroom.editor, id);
    expect(result.status).toBe(409);
    expect(await db.briefingVersion.count({ where: { briefingId: id } })).toBe(0);
    return (result.json.blockers as { type: string; id: string; message: string }[]).filter((blocker) => blocker.type === "changed_since_approval");
  }

  it("names an entity renamed after approval, and publishes once an analyst approves the new name", async () => {
    const passage = await makePassage(newsroom.editor);
    const entity = await makeEntity("Acme Relief Fund", "ORGANIZATION");
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id], [{ type: "keyActors", attrs: { entityIds: [entity.id] } }]));
    await db.entity.update({ where: { id: entity.id }, data: { name: "Acme Money Laundering Front" } });

    const [blocker, ...others] = await changedBlockers(id);
    expect(others).toEqual([]);
    expect(blocker.id).toBe(entity.id);
    expect(blocker.message).toContain("“Acme Relief Fund”");
    expect(blocker.message).toContain("“Acme Money Laundering Front”");

    const saved = await briefingApi.patch(newsroom.editor, id, { version: 1, summary: "What happened in Geneva, with the fund's new name." });
    expect(saved.status).toBe(200);
    await briefingApi.submit(newsroom.editor, id);
    await briefingApi.approve(newsroom.analyst, id, { version: 2 });
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
    const published = await db.briefingVersion.findFirstOrThrow({ where: { briefingId: id } });
    expect(published.html).toContain("Acme Money Laundering Front");
  });

  it("names a cited article whose title, outlet and address changed after approval", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    await db.article.update({
      where: { id: passage.articleId },
      data: { title: "Totally different", outlet: "Attacker Daily", url: "https://attacker.example/" },
    });

    const [blocker, ...others] = await changedBlockers(id);
    expect(others).toEqual([]);
    expect(blocker.id).toBe(passage.id);
    expect(blocker.message).toContain(`outlet “${passage.outlet}” → “Attacker Daily”`);
    expect(blocker.message).toContain("“https://attacker.example/”");
    expect(blocker.message).toContain("“Totally different”");
  });

  it("names a cited passage whose context changed when its article was re-imported, though it stays approved and anchored", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    // Far enough from the quote to keep it anchored, inside the sentence readers see around it.
    const text = ARTICLE_TEXT.replace("according to one delegate.", "according to one delegate who admitted ordering the strike.");
    const revision = await addRevision(passage.articleId, text);
    await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, passage.articleId, revision));
    expect(await db.annotation.findUniqueOrThrow({ where: { id: passage.id } })).toMatchObject({
      status: "APPROVED",
      anchorStatus: "ANCHORED",
      revisionId: revision.id,
    });

    const [blocker, ...others] = await changedBlockers(id);
    expect(others).toEqual([]);
    expect(blocker).toMatchObject({ id: passage.id, message: expect.stringContaining("who admitted ordering the strike") });
  });

  it("refuses a briefing approved without a record of what its page showed", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    await db.briefing.update({ where: { id }, data: { approvedContent: Prisma.DbNull } });

    const [blocker] = await changedBlockers(id);
    expect(blocker).toMatchObject({ id, message: expect.stringContaining("approve it again") });
  });

  it("names an event retitled after approval", async () => {
    const passage = await makePassage(newsroom.editor);
    const event = await makeEvent("Ceasefire talks in Geneva");
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id], [{ type: "timeline", attrs: { eventIds: [event.id] } }]));
    await db.event.update({ where: { id: event.id }, data: { title: "Surrender talks in Geneva" } });

    const [blocker] = await changedBlockers(id);
    expect(blocker).toMatchObject({ id: event.id, message: expect.stringContaining("title “Ceasefire talks in Geneva” → “Surrender talks in Geneva”") });
  });
});
