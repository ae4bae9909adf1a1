import { describe, expect, it } from "vitest";
import { GET as getClaims, POST as postClaim } from "@/app/api/claims/route";
import { PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { updateClaim } from "@/lib/contradictions/claims";
import { getComparison } from "@/lib/contradictions/comparison-queries";
import { countOpenContradictions } from "@/lib/contradictions/list-queries";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { annotate, dayValue, makeArticle, makeClaim, makeEntity, makeEvent } from "../support/contradiction-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

const CALL_18 = "The two presidents spoke by phone on May 18.";
const CALL_19 = "The two presidents spoke by phone on May 19.";

async function contradictionsOf(eventId: string) {
  return db.contradiction.findMany({ where: { eventId }, include: { members: true, history: { orderBy: { createdAt: "asc" } } } });
}

describe("detection of contradictions between claims", () => {
  it("opens one contradiction when two articles claim different days, and adds a third conflicting source to it", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const a = await makeArticle(CALL_18);
    const b = await makeArticle(CALL_19);
    const first = await makeClaim(editor, a, "May 18", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
    expect(first.detection.contradictionIds).toEqual([]);

    const second = await makeClaim(editor, b, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    expect(second.detection.contradictionIds).toHaveLength(1);
    const [opened] = await contradictionsOf(event.id);
    expect(opened).toMatchObject({ status: "OPEN", detected: true, attribute: "date", internal: false });
    expect(opened.members.map((m) => m.annotationId).sort()).toEqual([first.claim.annotationId, second.claim.annotationId].sort());
    expect(opened.summary).toBe(`The sources disagree on the date of ${event.title}: 18 May 2025 or 19 May 2025.`);
    expect(opened.history.map((h) => [h.action, h.actorId])).toEqual([["detected", editor.id]]);

    const c = await makeArticle("Officials said the call happened on May 20.");
    const third = await makeClaim(editor, c, "May 20", { eventId: event.id, attribute: "date", value: dayValue("2025-05-20") });
    expect(third.detection.contradictionIds).toEqual([opened.id]);
    const after = await contradictionsOf(event.id);
    expect(after).toHaveLength(1);
    expect(after[0].members).toHaveLength(3);
    expect(after[0].version).toBe(opened.version + 1);
  });

  it("does not open a second contradiction for a pair already under discussion", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const a = await makeArticle(CALL_18);
    const b = await makeArticle(CALL_19);
    const c = await makeArticle(`${CALL_19} Aides confirmed it.`);
    await makeClaim(editor, a, "May 18", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
    await makeClaim(editor, b, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    // Agrees with b, conflicts with a: joins the one open contradiction.
    await makeClaim(editor, c, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    expect(await contradictionsOf(event.id)).toHaveLength(1);
  });

  it("treats values compatible at different precision as agreement, not contradiction", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const a = await makeArticle("The call took place on the morning of May 19.");
    const b = await makeArticle("The call began at 10:00 ET on May 19.");
    await makeClaim(editor, a, "the morning of May 19", {
      eventId: event.id,
      attribute: "time",
      value: { type: "date", localDate: "2025-05-19", precision: "day", partOfDay: "morning" },
    });
    const second = await makeClaim(editor, b, "10:00 ET on May 19", {
      eventId: event.id,
      attribute: "time",
      value: { type: "date", localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" },
    });
    expect(second.detection).toMatchObject({ contradictionIds: [], compatibleClaims: 1, corroboratingOutlets: 1 });
    expect(await contradictionsOf(event.id)).toHaveLength(0);
  });

  it("counts identical values as corroboration by independent outlets", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const event = await makeEvent(editor);
    const troops = (n: number) => `More than ${n.toLocaleString("en-US")} troops were moved each week.`;
    const wire1 = await makeArticle(troops(5000), { outlet: "Wire Service" });
    const wire2 = await makeArticle(`Update: ${troops(5000)}`, { outlet: "wire service" });
    const paper = await makeArticle(`${troops(5000)} said the paper.`, { outlet: "The Paper" });
    const value = { type: "number" as const, value: 5000, qualifier: "more_than" as const, per: "week" };
    await makeClaim(editor, wire1, "More than 5,000", { eventId: event.id, attribute: "quantity", value });
    const second = await makeClaim(editor, wire2, "More than 5,000", { eventId: event.id, attribute: "quantity", value });
    expect(second.detection.corroboratingOutlets).toBe(1);
    const third = await makeClaim(editor, paper, "More than 5,000", { eventId: event.id, attribute: "quantity", value });
    expect(third.detection).toMatchObject({ contradictionIds: [], corroboratingOutlets: 2 });

    const response = await callRoute(getClaims, { token: await makeToken(analyst), url: `/api/claims?eventId=${event.id}` });
    expect(response.status).toBe(200);
    expect(response.json.claims).toHaveLength(3);
    expect(response.json.attributes).toEqual([
      {
        attribute: "quantity",
        corroborations: [{ claimIds: expect.any(Array), outlets: ["Wire Service", "The Paper"], outletCount: 2, agreement: "identical" }],
        conflicts: [],
      },
    ]);
    expect(response.json.claims[0].formattedValue).toBe("more than 5,000 per week");

    const comparison = await getComparison(analyst, { type: "event", id: event.id });
    const row = comparison.matrix.rows.find((r) => r.attribute === "quantity")!;
    expect(row.bestAgreement).toMatchObject({ outletCount: 2, agreement: "identical" });
    expect(row.cells.map((c) => c.state)).toEqual(["agrees", "agrees", "agrees"]);
  });

  it("leaves conflicting claims of one article to be flagged by hand", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const article = await makeArticle(`${CALL_18} Later the article says May 19.`);
    await makeClaim(editor, article, "May 18", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
    await makeClaim(editor, article, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    expect(await contradictionsOf(event.id)).toHaveLength(0);
  });

  it("compares entity lists in any order and flags a different set", async () => {
    const editor = await makeUser("EDITOR");
    const [trump, putin, witkoff] = await Promise.all([makeEntity(), makeEntity(), makeEntity()]);
    const event = await makeEvent(editor);
    const a = await makeArticle("Participants: the two presidents.");
    const b = await makeArticle("Participants: both presidents.");
    const c = await makeArticle("Participants: the presidents and an envoy.");
    await makeClaim(editor, a, "the two presidents", { eventId: event.id, attribute: "participants", value: { type: "entities", ids: [trump.id, putin.id] } });
    const same = await makeClaim(editor, b, "both presidents", {
      eventId: event.id,
      attribute: "participants",
      value: { type: "entities", ids: [putin.id, trump.id] },
    });
    expect(same.detection).toMatchObject({ contradictionIds: [], corroboratingOutlets: 2 });
    const other = await makeClaim(editor, c, "the presidents and an envoy", {
      eventId: event.id,
      attribute: "participants",
      value: { type: "entities", ids: [trump.id, putin.id, witkoff.id] },
    });
    expect(other.detection.contradictionIds).toHaveLength(1);
    const [contradiction] = await contradictionsOf(event.id);
    expect(contradiction.summary).toContain(`${trump.name} and ${putin.name} or ${trump.name}, ${putin.name} and ${witkoff.name}`);
    // Named only in a claimed list, the envoy is still touched by the contradiction.
    expect(await countOpenContradictions({ entityId: witkoff.id })).toEqual({ open: 1, awaitingSignoff: 0 });
  });

  it("re-compares a changed claim: a new conflict opens a contradiction, a stale change gets 409", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const a = await makeArticle(CALL_19);
    const b = await makeArticle(`${CALL_19} Both sides confirmed.`);
    await makeClaim(editor, a, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    const second = await makeClaim(editor, b, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    expect(await contradictionsOf(event.id)).toHaveLength(0);

    const token = await makeToken(editor);
    const change = { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") };
    const changed = await callRoute(patchClaim, {
      method: "PATCH",
      token,
      params: { id: second.claim.id },
      body: { ...change, updatedAt: second.claim.updatedAt },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.detection.contradictionIds).toHaveLength(1);

    const stale = await callRoute(patchClaim, {
      method: "PATCH",
      token,
      params: { id: second.claim.id },
      body: { ...change, value: dayValue("2025-05-17"), updatedAt: second.claim.updatedAt },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.current.value).toEqual(dayValue("2025-05-18"));
    expect((await db.claim.findUniqueOrThrow({ where: { id: second.claim.id } })).value).toEqual(dayValue("2025-05-18"));

    // A change to a member of an open contradiction is noted in its history and moves its version.
    const [contradiction] = await contradictionsOf(event.id);
    await updateClaim(editor, second.claim.id, { ...change, value: dayValue("2025-05-19"), updatedAt: changed.json.claim.updatedAt });
    const [noted] = await contradictionsOf(event.id);
    expect(noted.history.map((h) => h.action)).toEqual(["detected", "claim_changed"]);
    expect(noted.version).toBe(contradiction.version + 1);
    expect(noted.status).toBe("OPEN");
  });
});

describe("PATCH /api/claims/{id}", () => {
  it("lets only the passage's author or an admin change a claim, and sends its approved annotation back to review", async () => {
    const editor = await makeUser("EDITOR");
    const otherEditor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const admin = await makeUser("ADMIN");
    const event = await makeEvent(editor);
    const recorded = await makeClaim(editor, await makeArticle(CALL_19), "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
    const annotationId = recorded.claim.annotationId;
    await reviewAnnotation(analyst, annotationId, { decision: "approve" });
    const patch = async (actor: typeof editor, value: ReturnType<typeof dayValue>) => {
      const { updatedAt } = await db.claim.findUniqueOrThrow({ where: { id: recorded.claim.id } });
      return callRoute(patchClaim, {
        method: "PATCH",
        token: await makeToken(actor),
        params: { id: recorded.claim.id },
        body: { eventId: event.id, attribute: "date", value, updatedAt: updatedAt.toISOString() },
      });
    };

    expect((await patch(otherEditor, dayValue("2025-05-18"))).status).toBe(403);
    expect((await db.claim.findUniqueOrThrow({ where: { id: recorded.claim.id } })).value).toEqual(dayValue("2025-05-19"));

    // Saving the same statement again is no change: the approval stands.
    expect((await patch(editor, dayValue("2025-05-19"))).status).toBe(200);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).status).toBe("APPROVED");

    expect((await patch(editor, dayValue("2025-05-18"))).status).toBe(200);
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: { reviews: { orderBy: { createdAt: "asc" } } } });
    expect(annotation.status).toBe("PENDING");
    expect(annotation.reviews.at(-1)).toMatchObject({ actorId: editor.id, fromStatus: "APPROVED", toStatus: "PENDING" });

    await reviewAnnotation(analyst, annotationId, { decision: "approve" });
    expect((await patch(admin, dayValue("2025-05-17"))).status).toBe(200);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).status).toBe("PENDING");
  });
});

describe("POST /api/claims", () => {
  it("creates a claim annotation and its claim in one call", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const article = await makeArticle(CALL_19);
    const start = CALL_19.indexOf("May 19");
    const response = await callRoute(postClaim, {
      method: "POST",
      token: await makeToken(editor),
      body: {
        annotation: { articleId: article.id, start, end: start + 6, exact: "May 19" },
        eventId: event.id,
        attribute: "Date",
        value: dayValue("2025-05-19"),
      },
    });
    expect(response.status).toBe(201);
    expect(response.json.claim).toMatchObject({ attribute: "date", subject: { type: "event", id: event.id }, value: dayValue("2025-05-19") });
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: response.json.claim.annotationId } });
    expect(annotation).toMatchObject({ kind: "claim", exact: "May 19", articleId: article.id });
    expect(await db.auditLog.count({ where: { action: "claim.create", targetId: response.json.claim.id } })).toBe(1);
  });

  it("attaches a claim to an existing claim annotation once, and only to a claim annotation", async () => {
    const editor = await makeUser("EDITOR");
    const entity = await makeEntity();
    const article = await makeArticle("The envoy said the talks were productive.");
    const token = await makeToken(editor);
    const claimAnnotation = await annotate(editor, article, "the talks were productive");
    const note = await annotate(editor, article, "The envoy said", "note");
    const body = (annotationId: string) => ({
      annotationId,
      entityId: entity.id,
      attribute: "statement",
      value: { type: "text", text: "The talks were productive" },
    });

    const attached = await callRoute(postClaim, { method: "POST", token, body: body(claimAnnotation) });
    expect(attached.status).toBe(201);
    const again = await callRoute(postClaim, { method: "POST", token, body: body(claimAnnotation) });
    expect(again.status).toBe(409);
    const wrongKind = await callRoute(postClaim, { method: "POST", token, body: body(note) });
    expect(wrongKind.status).toBe(422);
    // Refusals found against stored rows carry no `issues`; the message names the rule.
    expect(wrongKind.json).toMatchObject({ code: "validation", error: expect.stringMatching(/^annotationId: .*of kind "note"/) });
    expect(await db.claim.count({ where: { entityId: entity.id } })).toBe(1);
  });

  it("lets only the passage's author or an admin record its claim, and sends a reviewed passage back to review", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const entity = await makeEntity();
    const article = await makeArticle("The envoy said the talks were productive.");
    const claimAnnotation = await annotate(editor, article, "the talks were productive");
    await reviewAnnotation(analyst, claimAnnotation, { decision: "approve" });
    const body = { annotationId: claimAnnotation, entityId: entity.id, attribute: "statement", value: { type: "text", text: "The talks were productive" } };

    const stranger = await callRoute(postClaim, { method: "POST", token: await makeToken(await makeUser("EDITOR")), body });
    expect(stranger.status).toBe(403);
    expect(await db.claim.count({ where: { annotationId: claimAnnotation } })).toBe(0);

    const recorded = await callRoute(postClaim, { method: "POST", token: await makeToken(editor), body });
    expect(recorded.status).toBe(201);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: claimAnnotation } })).status).toBe("PENDING");
  });

  it("rejects a value that does not parse or does not fit the attribute, storing nothing", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const article = await makeArticle(CALL_19);
    const token = await makeToken(editor);
    const start = CALL_19.indexOf("May 19");
    const annotation = { articleId: article.id, start, end: start + 6, exact: "May 19" };
    const attempts = [
      { attribute: "date", value: { type: "date", localDate: "2025-02-30", precision: "day" } },
      { attribute: "date", value: { type: "date", localDate: "2025-05-19", precision: "minute" } },
      { attribute: "quantity", value: dayValue("2025-05-19") },
      { attribute: "quantity", value: { type: "number", value: "many", qualifier: "exact" } },
      { attribute: "participants", value: { type: "entities", ids: [] } },
      { attribute: "participants", value: { type: "entities", ids: ["no-such-entity"] } },
      { attribute: "date", value: { type: "colour", text: "blue" } },
    ];
    for (const attempt of attempts) {
      const response = await callRoute(postClaim, { method: "POST", token, body: { annotation, eventId: event.id, ...attempt } });
      expect(response.status, JSON.stringify(attempt)).toBe(422);
      expect(response.json.code, JSON.stringify(attempt)).toBe("validation");
    }
    const noSubject = await callRoute(postClaim, { method: "POST", token, body: { annotation, attribute: "date", value: dayValue("2025-05-19") } });
    expect(noSubject.status).toBe(422);
    expect(noSubject.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "eventId" })] });
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);
    expect(await db.claim.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("explains why a date is not a date", async () => {
    const editor = await makeUser("EDITOR");
    const event = await makeEvent(editor);
    const article = await makeArticle(CALL_19);
    const start = CALL_19.indexOf("May 19");
    const response = await callRoute(postClaim, {
      method: "POST",
      token: await makeToken(editor),
      body: {
        annotation: { articleId: article.id, start, end: start + 6, exact: "May 19" },
        eventId: event.id,
        attribute: "date",
        value: { type: "date", localDate: "2025-02-30", precision: "day" },
      },
    });
    // The explanation is what the user reads.
    expect(response.json).toMatchObject({
      code: "validation",
      error: "value.localDate: 2025-02-30 does not exist: February 2025 has 28 days",
      issues: [expect.objectContaining({ path: "value.localDate" })],
    });
  });

  it("lets analysts read claims but not write them", async () => {
    const analyst = await makeUser("ANALYST");
    const event = await makeEvent(await makeUser("EDITOR"));
    const article = await makeArticle(CALL_19);
    const token = await makeToken(analyst);
    const denied = await callRoute(postClaim, {
      method: "POST",
      token,
      body: { annotation: { articleId: article.id, start: 0, end: 3, exact: "The" }, eventId: event.id, attribute: "date", value: dayValue("2025-05-19") },
    });
    expect(denied.status).toBe(403);
    expect((await callRoute(getClaims, { token, url: `/api/claims?eventId=${event.id}` })).status).toBe(200);
    expect((await callRoute(getClaims, { token, url: "/api/claims" })).status).toBe(422);
  });
});
