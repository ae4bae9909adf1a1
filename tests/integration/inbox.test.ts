import { describe, expect, it } from "vitest";
import { approveAnnotations, reviewAnnotation } from "@/lib/annotations/mutations";
import { loadReviewContext } from "@/lib/annotations/review-context";
import { keepResolution, resolveContradiction, signOffContradiction } from "@/lib/contradictions/mutations";
import { keepResolutionSchema, resolveContradictionSchema } from "@/lib/contradictions/schemas";
import { db } from "@/lib/db";
import { INBOX_COUNT_LIMIT, inboxCountLabel } from "@/lib/inbox/counts";
import { getInbox, getInboxCounts, INBOX_LIST_LIMIT } from "@/lib/inbox/queries";
import { makeUser } from "../support/fixtures";
import { annotate, dayValue, makeArticle, makeClaim, makeEvent } from "../support/contradiction-fixtures";
import { bodyCiting, briefingApi, makeContradiction, makeNewsroom, makePassage } from "../support/briefing-fixtures";

const TEXT = "MOSCOW — Officials spoke by phone on Sunday. The call lasted an hour, the ministry said.\n\nNo agreement was announced.";

describe("inbox", () => {
  it("gives an analyst the annotations to review (not their own), resolutions to sign off and briefings to approve", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const before = await getInboxCounts(analyst);

    const article = await makeArticle(TEXT, { outlet: "Wire" });
    const annotationId = await annotate(editor, article, "The call lasted an hour");
    const passage = await makePassage(editor);
    const resolver = await makeUser("EDITOR");
    const contradiction = await makeContradiction(resolver, { members: [passage.id], status: "AWAITING_SIGNOFF" });
    await db.contradiction.update({ where: { id: contradiction.id }, data: { resolvedById: resolver.id, resolution: "DISCLOSE", resolvedAt: new Date() } });
    // The analyst's own resolution is not theirs to sign off.
    const own = await makeContradiction(resolver, { members: [passage.id], status: "AWAITING_SIGNOFF" });
    await db.contradiction.update({ where: { id: own.id }, data: { resolvedById: analyst.id, resolution: "DISCLOSE", resolvedAt: new Date() } });

    const newsroom = await makeNewsroom();
    const created = await briefingApi.create(newsroom.editor, { title: "Phone call briefing", body: bodyCiting([passage.id]) });
    const briefingId = created.json.briefing.id as string;
    expect((await briefingApi.submit(newsroom.editor, briefingId)).status).toBe(200);

    const after = await getInboxCounts(analyst);
    expect(after.reviews - before.reviews).toBe(1);
    expect(after.signoffs - before.signoffs).toBe(1);
    expect(after.approvals - before.approvals).toBe(1);
    expect(after.changesRequested + after.returned + after.contradictions).toBe(0);
    expect(after.total).toBe(after.reviews + after.signoffs + after.approvals + after.newSources);

    const inbox = await getInbox(analyst);
    expect(inbox.map((section) => section.key)).toEqual(["reviews", "signoffs", "approvals", "newSources"]);
    const signoffs = inbox.find((section) => section.key === "signoffs")!;
    expect(signoffs.items.map((item) => item.id)).not.toContain(own.id);
    const approvals = inbox.find((section) => section.key === "approvals")!;
    expect(approvals.items.some((item) => item.id === briefingId && item.href === `/compose/${briefingId}#workflow`)).toBe(true);

    // Reviewed, it leaves the inbox.
    await reviewAnnotation(analyst, annotationId, { decision: "approve" });
    expect((await getInboxCounts(analyst)).reviews).toBe(after.reviews - 1);
  });

  it("gives an editor changes requested on their annotations, returned briefings and open contradictions on their briefings", async () => {
    const newsroom = await makeNewsroom();
    const { editor, analyst } = newsroom;
    const initial = await getInboxCounts(editor);
    expect(initial).toMatchObject({ reviews: 0, signoffs: 0, approvals: 0, changesRequested: 0, returned: 0, contradictions: 0 });
    expect(initial.total).toBe(initial.newSources);

    const article = await makeArticle(TEXT, { outlet: "Wire" });
    const annotationId = await annotate(editor, article, "No agreement was announced");
    await reviewAnnotation(analyst, annotationId, { decision: "changes", comment: "Quote the whole sentence." });

    const passage = await makePassage(editor);
    const created = await briefingApi.create(editor, { title: "Returned briefing", body: bodyCiting([passage.id]) });
    const briefingId = created.json.briefing.id as string;
    await briefingApi.submit(editor, briefingId);
    expect((await briefingApi.return(analyst, briefingId, { comment: "Say who confirmed the length." })).status).toBe(200);
    const contradiction = await makeContradiction(editor, { members: [passage.id], status: "OPEN", summary: "Length of the talks" });

    const counts = await getInboxCounts(editor);
    expect(counts).toMatchObject({ changesRequested: 1, returned: 1, contradictions: 1 });
    expect(counts.total - counts.newSources).toBe(3);
    const inbox = await getInbox(editor);
    const section = (key: string) => inbox.find((entry) => entry.key === key)!;
    expect(section("changesRequested").items[0]!.detail).toContain("Quote the whole sentence.");
    expect(section("returned").items[0]).toMatchObject({ id: briefingId });
    expect(section("returned").items[0]!.detail).toContain("Say who confirmed the length.");
    expect(section("contradictions").items[0]).toMatchObject({ id: contradiction.id, title: "Length of the talks" });
    expect(section("contradictions").items[0]!.detail).toContain("Returned briefing");

    // Resubmitted, the briefing is no longer "returned".
    await briefingApi.submit(editor, briefingId);
    expect((await getInboxCounts(editor)).returned).toBe(0);
  });

  it("counts a long backlog up to a limit and lists its oldest items", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(TEXT, { outlet: "Wire" });
    const { currentRevisionId } = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { currentRevisionId: true } });
    const quote = "The call lasted an hour";
    const start = TEXT.indexOf(quote);
    const oldest = new Date("2025-01-01T00:00:00Z");
    try {
      await db.annotation.createMany({
        data: Array.from({ length: INBOX_COUNT_LIMIT + 5 }, (_, i) => ({
          articleId: article.id,
          revisionId: currentRevisionId!,
          kind: "claim",
          body: {},
          exact: quote,
          originalExact: quote,
          prefix: "",
          suffix: "",
          start,
          end: start + quote.length,
          status: "CHANGES_REQUESTED" as const,
          authorId: editor.id,
          updatedAt: new Date(oldest.getTime() + i * 60_000),
        })),
      });
      const counts = await getInboxCounts(editor);
      expect(counts.changesRequested).toBe(INBOX_COUNT_LIMIT + 1);
      expect(inboxCountLabel(counts.changesRequested)).toBe(`${INBOX_COUNT_LIMIT}+`);
      expect(inboxCountLabel(counts.total)).toBe(`${INBOX_COUNT_LIMIT}+`);
      const section = (await getInbox(editor)).find((entry) => entry.key === "changesRequested")!;
      expect(section.items).toHaveLength(INBOX_LIST_LIMIT);
      expect(section.items[0]!.at).toBe(oldest.toISOString());
    } finally {
      await db.article.delete({ where: { id: article.id } });
    }
    expect((await getInboxCounts(editor)).changesRequested).toBe(0);
  });

  it("lists a settled contradiction that a new conflicting source joined until someone decides", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const event = await makeEvent(editor);
    const first = await makeClaim(editor, await makeArticle("They spoke on May 18.", { outlet: `A ${event.id}` }), "May 18", {
      eventId: event.id,
      attribute: "date",
      value: dayValue("2025-05-18"),
    });
    const second = await makeClaim(editor, await makeArticle("They spoke on May 19.", { outlet: `B ${event.id}` }), "May 19", {
      eventId: event.id,
      attribute: "date",
      value: dayValue("2025-05-19"),
    });
    const id = second.detection.contradictionIds[0]!;
    await resolveContradiction(
      editor,
      id,
      resolveContradictionSchema.parse({ version: 1, resolution: "ACCEPT_ONE", acceptedClaimId: first.claim.id, rationale: "The embassy's posting date." }),
    );
    await signOffContradiction(analyst, id, { version: 2 });
    const listed = async () => (await getInbox(analyst)).find((section) => section.key === "newSources")!.items.map((item) => item.id);
    expect(await listed()).not.toContain(id);

    await makeClaim(editor, await makeArticle("They spoke on May 19, a wire said.", { outlet: `C ${event.id}` }), "May 19", {
      eventId: event.id,
      attribute: "date",
      value: dayValue("2025-05-19"),
    });
    expect(await listed()).toContain(id);
    expect((await getInbox(editor)).find((section) => section.key === "newSources")!.items.map((item) => item.id)).toContain(id);
    const { version } = await db.contradiction.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await keepResolution(analyst, id, keepResolutionSchema.parse({ version }));
    expect(await listed()).not.toContain(id);
  });
});

describe("review with context and in bulk", () => {
  it("shows a claim's passage in its sentence, its normalized value and its event", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(TEXT, { outlet: "Wire" });
    const event = await makeEvent(editor, "Phone call of the ministers");
    const { claim } = await makeClaim(editor, article, "on Sunday", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
    const context = (await loadReviewContext([claim.annotationId])).get(claim.annotationId)!;
    expect(context.passage).toEqual({ before: "MOSCOW — Officials spoke by phone ", quote: "on Sunday", after: "." });
    expect(context.claim?.attribute).toBe("Date");
    expect(context.claim?.value).toContain("2025");
    expect(context.claim?.subject).toMatchObject({ type: "event", label: "Phone call of the ministers", href: `/events/${event.id}` });
  });

  it("approves a selection in one step, refusing the reviewer's own annotation and a stale version", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const article = await makeArticle(TEXT, { outlet: "Wire" });
    const first = await annotate(editor, article, "Officials spoke by phone");
    const second = await annotate(editor, article, "No agreement was announced");
    const stale = await annotate(editor, article, "the ministry said");
    const ownPassage = await makePassage(analyst, { status: "PENDING" });

    const outcome = await approveAnnotations(analyst, {
      items: [
        { id: first, version: 1 },
        { id: second, version: 1 },
        { id: stale, version: 7 },
        { id: ownPassage.id, version: 1 },
      ],
    });
    expect(outcome.approved.map((item) => item.id).sort()).toEqual([first, second].sort());
    expect(outcome.refused.map((item) => item.id).sort()).toEqual([stale, ownPassage.id].sort());
    expect(outcome.refused.find((item) => item.id === ownPassage.id)?.message).toMatch(/own/);
    const rows = await db.annotation.findMany({ where: { id: { in: [first, second, stale, ownPassage.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [first]: "APPROVED",
      [second]: "APPROVED",
      [stale]: "PENDING",
      [ownPassage.id]: "PENDING",
    });

    await expect(approveAnnotations(editor, { items: [{ id: stale, version: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
  });
});
