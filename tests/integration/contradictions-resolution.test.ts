import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as flagRoute } from "@/app/api/contradictions/route";
import { GET as getRoute } from "@/app/api/contradictions/[id]/route";
import { POST as keepRoute } from "@/app/api/contradictions/[id]/keep-resolution/route";
import { POST as reopenRoute } from "@/app/api/contradictions/[id]/reopen/route";
import { POST as resolveRoute } from "@/app/api/contradictions/[id]/resolution/route";
import { POST as signOffRoute } from "@/app/api/contradictions/[id]/signoff/route";
import { updateUser } from "@/lib/auth/mutations";
import type { Actor } from "@/lib/auth/permissions";
import { countOpenContradictions, listUnsettledContradictions } from "@/lib/contradictions/list-queries";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { annotate, dayValue, makeArticle, makeClaim, makeEvent } from "../support/contradiction-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

const unique = () => randomBytes(4).toString("hex");

/** Two sources that disagree on the day of a call, and the contradiction detection opened. */
async function detectedContradiction(editor: Actor) {
  const event = await makeEvent(editor);
  const a = await makeArticle("The presidents spoke by phone on May 18.", { outlet: `Kremlin ${event.id}` });
  const b = await makeArticle("The presidents spoke by phone on May 19.", { outlet: `White House ${event.id}` });
  const first = await makeClaim(editor, a, "May 18", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
  const second = await makeClaim(editor, b, "May 19", { eventId: event.id, attribute: "date", value: dayValue("2025-05-19") });
  const id = second.detection.contradictionIds[0];
  return { event, articles: [a, b], claims: [first.claim, second.claim], id };
}

async function stateOf(id: string) {
  return db.contradiction.findUniqueOrThrow({ where: { id }, include: { history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, evidence: true } });
}

describe("resolution and sign-off", () => {
  it("goes open → awaiting sign-off → resolved, keeping who, when, what and why", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const { id, claims, articles } = await detectedContradiction(editor);
    const evidence = await annotate(editor, articles[1], "spoke by phone", "note");

    const resolved = await callRoute(resolveRoute, {
      method: "POST",
      token: await makeToken(editor),
      params: { id },
      body: {
        version: 1,
        resolution: "accept_one",
        acceptedClaimId: claims[1].id,
        rationale: "The readout of both sides gives the 19th.",
        evidenceAnnotationIds: [evidence],
      },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.contradiction).toMatchObject({
      status: "awaiting_signoff",
      resolution: "accept_one",
      acceptedClaimId: claims[1].id,
      version: 2,
      resolvedBy: { id: editor.id },
    });

    const signed = await callRoute(signOffRoute, {
      method: "POST",
      token: await makeToken(analyst),
      params: { id },
      body: { version: 2, comment: "Checked both readouts." },
    });
    expect(signed.status).toBe(200);
    expect(signed.json.contradiction).toMatchObject({ status: "resolved", version: 3, signedOffBy: { id: analyst.id } });

    const detail = await callRoute(getRoute, { token: await makeToken(analyst), params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.json.passages.map((p: { claim: { formattedValue: string } }) => p.claim.formattedValue).sort()).toEqual(["18 May 2025", "19 May 2025"]);
    expect(detail.json.evidence.map((e: { annotationId: string }) => e.annotationId)).toEqual([evidence]);
    expect(
      detail.json.history.map((h: { action: string; fromStatus: string | null; toStatus: string; actor: { id: string } }) => [
        h.action,
        h.fromStatus,
        h.toStatus,
        h.actor.id,
      ]),
    ).toEqual([
      ["detected", null, "open", editor.id],
      ["resolved", "open", "awaiting_signoff", editor.id],
      ["signed_off", "awaiting_signoff", "resolved", analyst.id],
    ]);
    expect(detail.json.history[1].rationale).toBe("The readout of both sides gives the 19th.");
    const audit = await db.auditLog.findMany({ where: { targetType: "Contradiction", targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["contradiction.detect", editor.id],
      ["contradiction.resolve", editor.id],
      ["contradiction.signoff", analyst.id],
    ]);
  });

  it("answers the second of two concurrent resolutions with 409 and the current state", async () => {
    const editor = await makeUser("EDITOR");
    const other = await makeUser("EDITOR");
    const { id, claims } = await detectedContradiction(editor);
    const [t1, t2] = await Promise.all([makeToken(editor), makeToken(other)]);
    const results = await Promise.all([
      callRoute(resolveRoute, {
        method: "POST",
        token: t1,
        params: { id },
        body: { version: 1, resolution: "accept_one", acceptedClaimId: claims[0].id, rationale: "First editor." },
      }),
      callRoute(resolveRoute, { method: "POST", token: t2, params: { id }, body: { version: 1, resolution: "disclose", rationale: "Second editor." } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.json.code).toBe("stale_version");
    expect(loser.json.current).toMatchObject({ status: "awaiting_signoff", version: 2, rationale: winner.json.contradiction.rationale });
    const stored = await stateOf(id);
    expect(stored.rationale).toBe(winner.json.contradiction.rationale);
    expect(stored.history.filter((h) => h.action === "resolved")).toHaveLength(1);
  });

  it("refuses a sign-off by the resolver (403), by an editor (403), and before resolution (409)", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const { id } = await detectedContradiction(editor);

    const early = await callRoute(signOffRoute, { method: "POST", token: await makeToken(analyst), params: { id }, body: { version: 1 } });
    expect(early.status).toBe(409);
    expect(early.json.current.status).toBe("open");

    await callRoute(resolveRoute, {
      method: "POST",
      token: await makeToken(editor),
      params: { id },
      body: { version: 1, resolution: "disclose", rationale: "Both sides stand by their dates." },
    });
    expect((await callRoute(signOffRoute, { method: "POST", token: await makeToken(editor), params: { id }, body: { version: 2 } })).status).toBe(403);

    // The resolver has since become an analyst: still not theirs to sign off.
    await updateUser(admin, { userId: editor.id, role: "ANALYST" });
    const own = await callRoute(signOffRoute, { method: "POST", token: await makeToken(editor), params: { id }, body: { version: 2 } });
    expect(own.status).toBe(403);
    expect(own.json.code).toBe("forbidden");
    // The role allows signing off, so only authorship refuses it; no field tells the two 403s apart.
    expect(own.json.error).toMatch(/another analyst must sign it off/);
    expect((await stateOf(id)).status).toBe("AWAITING_SIGNOFF");

    const signed = await callRoute(signOffRoute, { method: "POST", token: await makeToken(analyst), params: { id }, body: { version: 2 } });
    expect(signed.json.contradiction.status).toBe("disclosed");
  });

  it("rejects a resolution that accepts a value no member claim has, or lacks what it needs, storing nothing", async () => {
    const editor = await makeUser("EDITOR");
    const { id } = await detectedContradiction(editor);
    const elsewhere = await detectedContradiction(editor);
    const token = await makeToken(editor);
    const attempts = [
      { version: 1, resolution: "accept_one", acceptedClaimId: elsewhere.claims[0].id, rationale: "From another contradiction." },
      { version: 1, resolution: "accept_one", rationale: "No value chosen." },
      { version: 1, resolution: "disclose", acceptedClaimId: elsewhere.claims[0].id, rationale: "Disclose does not accept." },
      { version: 1, resolution: "accept_one", acceptedClaimId: elsewhere.claims[0].id, rationale: "   " },
      { version: 1, resolution: "pick_any", rationale: "Unknown resolution." },
      { version: 1, resolution: "disclose", rationale: "Unknown evidence.", evidenceAnnotationIds: ["no-such-annotation"] },
    ];
    for (const body of attempts) {
      const response = await callRoute(resolveRoute, { method: "POST", token, params: { id }, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    const stored = await stateOf(id);
    expect(stored).toMatchObject({ status: "OPEN", version: 1, resolution: null, rationale: null });
    expect(stored.history).toHaveLength(1);
    expect(stored.evidence).toHaveLength(0);

    const stale = await callRoute(resolveRoute, { method: "POST", token, params: { id }, body: { version: 7, resolution: "disclose", rationale: "Stale." } });
    expect(stale.status).toBe(409);
    expect(stale.json.current.version).toBe(1);
  });

  it("reopens a settled contradiction with a reason, then resolves it again as not a contradiction", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const other = await makeUser("ANALYST");
    const { id, claims } = await detectedContradiction(editor);
    const editorToken = await makeToken(editor);
    await callRoute(resolveRoute, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: 1, resolution: "accept_one", acceptedClaimId: claims[0].id, rationale: "Kremlin first." },
    });
    await callRoute(signOffRoute, { method: "POST", token: await makeToken(analyst), params: { id }, body: { version: 2 } });

    const noReason = await callRoute(reopenRoute, { method: "POST", token: await makeToken(other), params: { id }, body: { version: 3, rationale: "" } });
    expect(noReason.status).toBe(422);
    const reopened = await callRoute(reopenRoute, {
      method: "POST",
      token: await makeToken(other),
      params: { id },
      body: { version: 3, rationale: "Time zones: both are right." },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.json.contradiction).toMatchObject({
      status: "open",
      resolution: null,
      acceptedClaimId: null,
      resolvedBy: null,
      signedOffBy: null,
      version: 4,
    });
    expect((await callRoute(reopenRoute, { method: "POST", token: editorToken, params: { id }, body: { version: 4, rationale: "Again." } })).status).toBe(409);

    await callRoute(resolveRoute, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: 4, resolution: "not_a_contradiction", rationale: "Evening in Washington is the next day in Moscow." },
    });
    const signed = await callRoute(signOffRoute, { method: "POST", token: await makeToken(analyst), params: { id }, body: { version: 5 } });
    expect(signed.json.contradiction.status).toBe("dismissed");
    const history = (await stateOf(id)).history;
    expect(history.map((h) => h.action)).toEqual(["detected", "resolved", "signed_off", "reopened", "resolved", "signed_off"]);
    expect(history[3]).toMatchObject({ actorId: other.id, fromStatus: "RESOLVED", toStatus: "OPEN", rationale: "Time zones: both are right." });
  });

  it("sends a resolution awaiting sign-off back to open when a further source conflicts", async () => {
    const editor = await makeUser("EDITOR");
    const { id, event } = await detectedContradiction(editor);
    await callRoute(resolveRoute, {
      method: "POST",
      token: await makeToken(editor),
      params: { id },
      body: { version: 1, resolution: "disclose", rationale: "Disclose." },
    });
    const c = await makeArticle("A third outlet dated the call May 17.");
    const third = await makeClaim(editor, c, "May 17", { eventId: event.id, attribute: "date", value: dayValue("2025-05-17") });
    expect(third.detection.contradictionIds).toEqual([id]);
    const stored = await stateOf(id);
    expect(stored).toMatchObject({ status: "OPEN", resolution: null, version: 3 });
    expect(stored.history.at(-1)).toMatchObject({ action: "reopened", fromStatus: "AWAITING_SIGNOFF", toStatus: "OPEN" });
  });

  it("attaches a conflict that arrives after a settlement to the settled contradiction and asks whether it changes it", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const editorToken = await makeToken(editor);
    const { id, event, claims } = await detectedContradiction(editor);
    await callRoute(resolveRoute, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: 1, resolution: "accept_one", acceptedClaimId: claims[0].id, rationale: "18 May is the embassy's posting date." },
    });
    await callRoute(signOffRoute, { method: "POST", token: await makeToken(analyst), params: { id }, body: { version: 2 } });
    const before = await db.contradiction.count({ where: { eventId: event.id } });

    // A third source repeats the accepted reading against the 19th: it joins the settled dispute, no duplicate opens.
    const c = await makeArticle("A third outlet dated the call May 18.", { outlet: `Wire ${event.id}` });
    const third = await makeClaim(editor, c, "May 18", { eventId: event.id, attribute: "date", value: dayValue("2025-05-18") });
    expect(third.detection.contradictionIds).toEqual([id]);
    expect(await db.contradiction.count({ where: { eventId: event.id } })).toBe(before);
    let detail = await callRoute(getRoute, { token: editorToken, params: { id } });
    expect(detail.json).toMatchObject({
      status: "resolved",
      resolution: "accept_one",
      rationale: "18 May is the embassy's posting date.",
      newSource: { claimIds: [third.claim.id] },
    });
    expect(detail.json.passages).toHaveLength(3);

    // "No": the resolution stands and the new passage becomes evidence for the accepted reading.
    const kept = await callRoute(keepRoute, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: detail.json.version, note: "Same posting date." },
    });
    expect(kept.status, JSON.stringify(kept.json)).toBe(200);
    detail = await callRoute(getRoute, { token: editorToken, params: { id } });
    expect(detail.json).toMatchObject({ status: "resolved", newSource: null });
    expect(detail.json.evidence.map((e: { annotationId: string }) => e.annotationId)).toEqual([third.claim.annotationId]);
    expect((await callRoute(keepRoute, { method: "POST", token: editorToken, params: { id }, body: { version: detail.json.version } })).status).toBe(409);

    // A fourth source with yet another day: attached again; "yes" reopens, the history keeps the resolution.
    const d = await makeArticle("A fourth outlet dated the call May 17.", { outlet: `Daily ${event.id}` });
    const fourth = await makeClaim(editor, d, "May 17", { eventId: event.id, attribute: "date", value: dayValue("2025-05-17") });
    expect(fourth.detection.contradictionIds).toEqual([id]);
    detail = await callRoute(getRoute, { token: editorToken, params: { id } });
    expect(detail.json.newSource.claimIds).toEqual([fourth.claim.id]);
    const reopened = await callRoute(reopenRoute, {
      method: "POST",
      token: editorToken,
      params: { id },
      body: { version: detail.json.version, rationale: "The ministry now says the 17th." },
    });
    expect(reopened.status).toBe(200);
    const stored = await stateOf(id);
    expect(stored.status).toBe("OPEN");
    expect(stored.history.map((h) => h.action)).toEqual(["detected", "resolved", "signed_off", "new_source", "new_source_kept", "new_source", "reopened"]);
    expect(await db.contradiction.count({ where: { eventId: event.id } })).toBe(before);
  });

  it("never gives two contradictions the same title", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const us = await makeArticle("The White House readout called the talks productive.", { outlet: "White House" });
    const ru = await makeArticle("The Kremlin readout called the conversation frank.", { outlet: "Kremlin" });
    const a = await annotate(editor, us, "called the talks productive", "quote");
    const b = await annotate(editor, ru, "called the conversation frank", "quote");
    const c = await annotate(editor, us, "The White House readout", "quote");
    const summary = `The readouts differ on the tone ${unique()}`;
    const first = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [a, b], summary } });
    const second = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [c, b], summary } });
    expect(first.json.summary).toBe(summary);
    expect(second.json.summary).toBe(`${summary} (2)`);
  });
});

describe("contradictions flagged by hand", () => {
  it("needs two passages from two articles, unless flagged as internal", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const us = await makeArticle("The White House readout called the talks productive and substantive.", { outlet: "White House" });
    const ru = await makeArticle("The Kremlin readout called the conversation frank and useful.", { outlet: "Kremlin" });
    const usPassage = await annotate(editor, us, "called the talks productive and substantive", "quote");
    const usOther = await annotate(editor, us, "The White House readout", "quote");
    const ruPassage = await annotate(editor, ru, "called the conversation frank and useful", "quote");
    const summary = "The two readouts describe the tone of the call differently.";

    const one = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [usPassage], summary } });
    expect(one.status).toBe(422);
    const same = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [usPassage, usPassage], summary } });
    expect(same.status).toBe(422);
    const oneArticle = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [usPassage, usOther], summary } });
    expect(oneArticle.status).toBe(422);
    expect(oneArticle.json.code).toBe("validation");
    // The 422s of this route share the code and field; the message says which rule refused it.
    expect(oneArticle.json.error).toMatch(/internal inconsistency/);
    const missing = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [usPassage, "nope"], summary } });
    expect(missing.status).toBe(422);
    expect(await db.contradiction.count({ where: { members: { some: { annotationId: usPassage } } } })).toBe(0);

    const flagged = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [usPassage, ruPassage], summary } });
    expect(flagged.status).toBe(201);
    expect(flagged.json).toMatchObject({ status: "open", detected: false, internal: false, summary });
    expect(flagged.json.passages.map((p: { article: { outlet: string } }) => p.article.outlet).sort()).toEqual(["Kremlin", "White House"]);
    expect(flagged.json.history[0]).toMatchObject({ action: "flagged", actor: { id: editor.id } });

    const duplicate = await callRoute(flagRoute, { method: "POST", token, body: { annotationIds: [ruPassage, usPassage], summary } });
    expect(duplicate.status).toBe(409);
    const internal = await callRoute(flagRoute, {
      method: "POST",
      token,
      body: { annotationIds: [usPassage, usOther], summary: "Contradicts itself.", internal: true },
    });
    expect(internal.status).toBe(201);
    expect(internal.json.internal).toBe(true);

    const analyst = await makeUser("ANALYST");
    expect(
      (await callRoute(flagRoute, { method: "POST", token: await makeToken(analyst), body: { annotationIds: [usPassage, ruPassage], summary } })).status,
    ).toBe(403);
  });
});

describe("lists, filters and counts", () => {
  it("filters by status, event, outlet and article, and counts open contradictions for badges", async () => {
    const editor = await makeUser("EDITOR");
    const analyst = await makeUser("ANALYST");
    const first = await detectedContradiction(editor);
    const second = await detectedContradiction(editor);
    const token = await makeToken(analyst);
    await callRoute(resolveRoute, {
      method: "POST",
      token: await makeToken(editor),
      params: { id: second.id },
      body: { version: 1, resolution: "disclose", rationale: "Disclose." },
    });

    const list = async (query: string) => {
      const response = await callRoute(listRoute, { token, url: `/api/contradictions?${query}` });
      expect(response.status).toBe(200);
      return response.json.contradictions.map((c: { id: string }) => c.id);
    };
    expect(await list(`eventId=${first.event.id}`)).toEqual([first.id]);
    expect(await list(`eventId=${second.event.id}&status=awaiting_signoff`)).toEqual([second.id]);
    expect(await list(`eventId=${second.event.id}&status=open`)).toEqual([]);
    expect(await list(`outlet=${encodeURIComponent(`kremlin ${first.event.id}`)}`)).toEqual([first.id]);
    expect(await list(`articleId=${second.articles[1].id}`)).toEqual([second.id]);
    expect((await callRoute(listRoute, { token, url: "/api/contradictions?status=unknown" })).status).toBe(422);

    expect(await countOpenContradictions({ eventId: first.event.id })).toEqual({ open: 1, awaitingSignoff: 0 });
    expect(await countOpenContradictions({ articleId: second.articles[0].id })).toEqual({ open: 0, awaitingSignoff: 1 });
    expect((await listUnsettledContradictions({ eventIds: [first.event.id, second.event.id] })).map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
  });
});
