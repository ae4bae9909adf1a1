import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as claimProposalsRoute } from "@/app/api/articles/[id]/claim-proposals/route";
import * as articlesRoute from "@/app/api/articles/route";
import { PATCH as updateEntityRoute } from "@/app/api/entities/[id]/route";
import { POST as createEntityRoute } from "@/app/api/entities/route";
import { POST as acceptClaimRoute } from "@/app/api/claim-proposals/[id]/accept/route";
import { POST as dismissClaimRoute } from "@/app/api/claim-proposals/[id]/dismiss/route";
import { POST as confirmCandidateRoute } from "@/app/api/contradiction-candidates/[id]/confirm/route";
import { GET as contradictionsRoute } from "@/app/api/contradictions/route";
import { POST as acceptEventRoute } from "@/app/api/event-proposals/[id]/accept/route";
import { POST as dismissEventRoute } from "@/app/api/event-proposals/[id]/dismiss/route";
import { GET as eventProposalsRoute } from "@/app/api/event-proposals/route";
import { db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { stopJobQueue } from "@/lib/jobs/queue";
import type { ClaimProposalView, ContradictionCandidateView, EventProposalView } from "@/lib/proposals/queries";
import { refreshProposalsFor, regroupProposalsAround } from "@/lib/proposals/refresh";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";
import { ownYear } from "../support/wire-imports";

/** A year of its own per run, so the proposals of other tests' articles are never in the same block. */
const YEAR = await ownYear();
const tag = () => randomBytes(4).toString("hex");

let editor: { token: string };
let analyst: { token: string };

async function importHtml(options: { url: string; title: string; paragraphs: string[]; date?: string }): Promise<string> {
  const html = `<!doctype html><html lang="en"><head><title>${options.title}</title>
    <link rel="canonical" href="${options.url}">
    ${options.date ? `<meta property="article:published_time" content="${options.date}T09:00:00Z">` : ""}
    </head><body><article><h1>${options.title}</h1>${options.paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
  const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { html, filename: "story.html" } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.id as string;
}

async function eventProposals(articleId: string, status = "open"): Promise<EventProposalView[]> {
  const response = await callRoute(eventProposalsRoute, { token: analyst.token, url: `/api/event-proposals?status=${status}&articleId=${articleId}` });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.proposals;
}

async function claimProposals(articleId: string): Promise<ClaimProposalView[]> {
  const response = await callRoute(claimProposalsRoute, { token: analyst.token, params: { id: articleId } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.proposals;
}

beforeAll(async () => {
  editor = await makeToken(await makeUser("EDITOR")).then((token) => ({ token }));
  analyst = await makeToken(await makeUser("ANALYST")).then((token) => ({ token }));
  await startJobWorkers();
});

afterAll(async () => {
  await stopJobQueue();
});

describe("proposals from imported articles", () => {
  it("proposes one event across outlets, its claims and the conflict; accepting creates the event, passage links, claim and contradiction, unreviewed; a later report links to that event", async () => {
    const t = tag();
    const morning = await importHtml({
      url: `https://morningwire.example.com/${t}`,
      title: "Berg and Okoro discuss fishing rights",
      date: `${YEAR}-06-11`,
      paragraphs: [`Anna Berg and Samuel Okoro spoke by phone on June 10 for about 90 minutes, officials said.`, "The two leaders agreed to meet in Geneva."],
    });
    const evening = await importHtml({
      url: `https://eveningpost.example.com/${t}`,
      title: "Leaders talk fishing",
      date: `${YEAR}-06-11`,
      paragraphs: ["Anna Berg spoke by phone with Samuel Okoro on June 10.", "The call lasted more than three hours, according to Okoro's office."],
    });
    await whenJobsDone();

    const open = await eventProposals(morning);
    const call = open.find((p) => p.kind === "phone_call")!;
    expect(call).toMatchObject({ title: "Berg–Okoro phone call", date: `${YEAR}-06-10`, precision: "day", eventId: null });
    expect(new Set(call.mentions.map((m) => m.articleId))).toEqual(new Set([morning, evening]));
    expect(call.mentions[0].annotation.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect((await eventProposals(evening)).map((p) => p.id)).toContain(call.id);

    const claims = await claimProposals(morning);
    const duration = claims.find((c) => c.attribute === "duration")!;
    expect(duration).toMatchObject({ label: "about 1.5 h", eventProposal: { id: call.id, status: "OPEN" } });

    const suggested = await callRoute(contradictionsRoute, { token: analyst.token, url: "/api/contradictions?status=suggested" });
    const candidate = (suggested.json.contradictions as ContradictionCandidateView[]).find((c) => c.eventProposal?.id === call.id)!;
    expect(candidate.reason).toBe("duration: about 1.5 h vs more than 3 h");
    expect(candidate.sides.map((s) => s.articleId).sort()).toEqual([morning, evening].sort());
    expect(candidate.sides.map((s) => s.quote)).toContain("The call lasted more than three hours, according to Okoro's office.");

    // A claim needs its event first.
    const tooEarly = await callRoute(acceptClaimRoute, { method: "POST", token: editor.token, params: { id: duration.id } });
    expect(tooEarly.status).toBe(422);

    // Two editors accept at once: one creates the event, the other learns which one.
    const [first, second] = await Promise.all([
      callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: call.id }, body: { title: "Berg–Okoro call on fishing" } }),
      callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: call.id } }),
    ]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    expect([won.status, lost.status]).toEqual([200, 409]);
    const eventId = won.json.eventId as string;
    expect(lost.json.event).toMatchObject({ id: eventId });
    expect(await db.event.count({ where: { links: { some: { annotation: { articleId: { in: [morning, evening] } } } } } })).toBe(1);
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { links: { include: { annotation: true } } } });
    expect(event).toMatchObject({ type: "PHONE_CALL", localDate: `${YEAR}-06-10`, datePrecision: "DAY" });
    expect(new Set(event.links.map((l) => l.annotation.articleId))).toEqual(new Set([morning, evening]));
    expect(event.links.every((l) => l.relation === "DESCRIBES" && l.annotation.status === "PENDING")).toBe(true);

    const accepted = await callRoute(acceptClaimRoute, { method: "POST", token: editor.token, params: { id: duration.id } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: accepted.json.claimId }, include: { annotation: true } });
    expect(claim).toMatchObject({ eventId, attribute: "duration", annotation: { kind: "claim", status: "PENDING", articleId: morning } });
    expect((await claimProposals(morning)).map((c) => c.id)).not.toContain(duration.id);

    const confirmed = await callRoute(confirmCandidateRoute, { method: "POST", token: editor.token, params: { id: candidate.id } });
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
    const contradiction = await db.contradiction.findUniqueOrThrow({
      where: { id: confirmed.json.contradictionId },
      include: { members: { include: { annotation: true } } },
    });
    expect(contradiction).toMatchObject({ status: "OPEN", eventId });
    expect(new Set(contradiction.members.map((m) => m.annotation.articleId))).toEqual(new Set([morning, evening]));
    const after = await callRoute(contradictionsRoute, { token: analyst.token, url: "/api/contradictions?status=suggested" });
    expect((after.json.contradictions as ContradictionCandidateView[]).map((c) => c.id)).not.toContain(candidate.id);

    // Nothing was made reviewed.
    expect(await db.annotation.count({ where: { articleId: { in: [morning, evening] }, status: { not: "PENDING" } } })).toBe(0);

    // A later refresh keeps the event accepted and proposes no duplicate.
    await refreshProposalsFor([morning, evening]);
    expect((await eventProposals(morning)).filter((p) => p.kind === "phone_call")).toEqual([]);
    expect((await eventProposals(morning, "accepted")).map((p) => p.id)).toEqual([call.id]);

    // A third outlet's report of the same call is proposed as passages of the recorded event, not as a new one.
    const late = await importHtml({
      url: `https://harbourtimes.example.com/${t}`,
      title: "Fishing call",
      date: `${YEAR}-06-12`,
      paragraphs: ["Anna Berg and Samuel Okoro held a phone call on June 10 about fishing rights."],
    });
    await whenJobsDone();
    const [followUp] = (await eventProposals(late)).filter((p) => p.kind === "phone_call");
    expect(followUp).toMatchObject({ eventId, event: { id: eventId } });
    expect(followUp.mentions.map((m) => m.articleId)).toEqual([late]);
    const linked = await callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: followUp.id } });
    expect(linked.status, JSON.stringify(linked.json)).toBe(200);
    expect(linked.json.eventId).toBe(eventId);
    expect(await db.link.count({ where: { eventId, annotation: { articleId: late } } })).toBe(1);
  });

  it("remembers a dismissal when proposals are computed again", async () => {
    const t = tag();
    const article = await importHtml({
      url: `https://harbourtimes.example.com/${t}`,
      title: "Tanaka in Oslo",
      date: `${YEAR}-03-05`,
      paragraphs: ["Yui Tanaka met Anna Berg in Oslo on March 3, her office said.", "They spoke for nearly three hours."],
    });
    await whenJobsDone();
    const [meeting] = await eventProposals(article);
    expect(meeting).toMatchObject({ kind: "meeting", date: `${YEAR}-03-03` });
    const [claim] = await claimProposals(article);
    expect((await callRoute(dismissClaimRoute, { method: "POST", token: editor.token, params: { id: claim.id } })).status).toBe(200);
    expect((await callRoute(dismissEventRoute, { method: "POST", token: editor.token, params: { id: meeting.id } })).status).toBe(200);

    await refreshProposalsFor([article]);
    expect(await eventProposals(article)).toEqual([]);
    expect((await eventProposals(article, "dismissed")).map((p) => p.id)).toEqual([meeting.id]);
    expect((await claimProposals(article)).map((c) => c.id)).not.toContain(claim.id);
    const accept = await callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: meeting.id } });
    expect(accept.status).toBe(409);
  });

  it("leaves proposals as they were when texts are read again unchanged, so an editor's open form stays current", async () => {
    const t = tag();
    const article = await importHtml({
      url: `https://harbourtimes.example.com/${t}`,
      title: "Berg and Okoro talk",
      date: `${YEAR}-04-08`,
      paragraphs: ["Anna Berg and Samuel Okoro held a phone call on April 7, her office said.", "They spoke for more than two hours."],
    });
    await whenJobsDone();
    const stored = () =>
      Promise.all([
        db.eventProposal.findMany({ where: { mentions: { some: { articleId: article } } }, select: { id: true, version: true, updatedAt: true } }),
        db.claimProposal.findMany({ where: { articleId: article }, select: { id: true, status: true, updatedAt: true } }),
      ]);
    const before = await stored();
    expect(before[0].length).toBeGreaterThan(0);
    expect(before[1].length).toBeGreaterThan(0);

    await refreshProposalsFor([article]);
    expect(await stored()).toEqual(before);
  });

  it("keeps a proposal's passages in its passage rows alone, and reads proposals stored whole before as they were, leaving them alone once migrated", async () => {
    const t = tag();
    const article = await importHtml({
      url: `https://northgazette.example.com/${t}`,
      title: "Berg meets Okoro",
      date: `${YEAR}-05-05`,
      paragraphs: ["Anna Berg met Samuel Okoro in Oslo on May 4, her office said.", "They talked about fishing quotas."],
    });
    await whenJobsDone();
    const views = await eventProposals(article);
    expect(views.length).toBeGreaterThan(0);
    const ids = views.map((v) => v.id);
    const rows = () =>
      db.eventProposal.findMany({
        where: { id: { in: ids } },
        select: { id: true, key: true, data: true, version: true, updatedAt: true },
        orderBy: { id: "asc" },
      });
    const stored = await rows();
    for (const row of stored) {
      const view = views.find((v) => v.id === row.id)!;
      for (const m of view.mentions) expect(JSON.stringify(row.data)).not.toContain(m.quote);
    }

    // As rows were stored before: the whole proposal, its passages' selectors and quotes included.
    for (const row of stored) {
      const view = views.find((v) => v.id === row.id)!;
      const mentions = view.mentions.map((m) => ({
        mentionKey: `${m.articleId}#${m.annotation.selector[1].start}`,
        articleId: m.articleId,
        outlet: m.outlet,
        annotation: { articleId: m.articleId, selector: m.annotation.selector },
        quote: m.quote,
        planned: m.planned,
        date: { date: view.date, localDate: view.localDate, precision: view.precision, timeZone: view.timeZone, partOfDay: null, text: null, note: null },
      }));
      const whole = { ...(row.data as object), key: row.key, eventType: view.eventType, title: view.title, eventId: view.eventId, mentions };
      await db.eventProposal.update({ where: { id: row.id }, data: { data: whole } });
    }
    expect(await eventProposals(article)).toEqual(views);

    const [migration] = (await readMigrations()).filter((m) => m.name.endsWith("_proposal_rows_without_copied_passages"));
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(migration.sql);
    } finally {
      await client.end();
    }
    const migrated = await rows();
    expect(migrated.map((r) => r.data)).toEqual(stored.map((r) => r.data));
    expect(await eventProposals(article)).toEqual(views);
    await refreshProposalsFor([article]);
    expect((await rows()).map((r) => [r.version, r.updatedAt])).toEqual(migrated.map((r) => [r.version, r.updatedAt]));
  });

  it("proposes the same from extractions stored with their claims and passages inside, before and after the migration that keeps them apart", async () => {
    const t = tag();
    const morning = await importHtml({
      url: `https://harbourtimes.example.com/${t}`,
      title: "Berg and Okoro talk quotas",
      date: `${YEAR}-09-03`,
      paragraphs: ["Anna Berg and Samuel Okoro spoke by phone on September 2 for about an hour, officials said."],
    });
    const evening = await importHtml({
      url: `https://quayside.example.com/${t}`,
      title: "Leaders talk quotas",
      date: `${YEAR}-09-03`,
      paragraphs: ["Anna Berg spoke by phone with Samuel Okoro on September 2.", "The call lasted more than four hours, according to Okoro's office."],
    });
    await whenJobsDone();
    const views = async () => ({ events: await eventProposals(morning), claims: await claimProposals(evening) });
    const before = await views();
    expect(new Set(before.events.find((p) => p.kind === "phone_call")?.mentions.map((m) => m.articleId))).toEqual(new Set([morning, evening]));
    expect(before.claims.some((c) => c.attribute === "duration")).toBe(true);
    const extractions = () =>
      db.$queryRaw<{ articleId: string; format: string; inside: boolean; passages: string | null }[]>`
        SELECT "articleId", "data"::jsonb->>'format' AS "format", "data"::jsonb ? 'passages' AS "inside", "passages"
        FROM "ArticleExtraction" WHERE "articleId" = ANY(${[morning, evening]}::text[]) ORDER BY "articleId"`;
    expect((await extractions()).every((x) => x.format === "4" && !x.inside && x.passages !== null)).toBe(true);

    // As stored before the column: the claims and targets as JSON text inside the packed extraction (format 3).
    await db.$executeRaw`
      UPDATE "ArticleExtraction" SET "data" = ("data"::jsonb || jsonb_build_object('format', 3, 'passages', "passages"))::text, "passages" = NULL
      WHERE "articleId" = ANY(${[morning, evening]}::text[])`;
    // One read again (stored as now), the other left as it was.
    await refreshProposalsFor([morning]);
    expect((await extractions()).map((x) => [x.articleId, x.format])).toEqual(
      [
        [morning, "4"],
        [evening, "3"],
      ].sort(),
    );
    expect(await views()).toEqual(before);

    const [migration] = (await readMigrations()).filter((m) => m.name.endsWith("_extraction_passages_apart"));
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(migration.sql);
    } finally {
      await client.end();
    }
    expect((await extractions()).every((x) => x.format === "4" && !x.inside && x.passages !== null)).toBe(true);
    await regroupProposalsAround([morning, evening]);
    expect(await views()).toEqual(before);
  });

  it("re-anchors a proposal when a revision moves its passage, and withdraws it when a revision edits the passage away", async () => {
    const t = tag();
    const url = `https://riverside.example.com/${t}`;
    const base = { url, title: "Okoro visits the port", date: `${YEAR}-09-02` };
    const article = await importHtml({ ...base, paragraphs: ["Samuel Okoro met Yui Tanaka in Lagos on September 1.", "Dock workers gathered outside."] });
    await whenJobsDone();
    const [meeting] = await eventProposals(article);
    const before = meeting.mentions[0].annotation.selector[1].start;

    await importHtml({
      ...base,
      paragraphs: [
        "Crowds lined the road to the harbour early in the morning.",
        "Samuel Okoro met Yui Tanaka in Lagos on September 1.",
        "Dock workers gathered outside.",
      ],
    });
    await whenJobsDone();
    const [moved] = await eventProposals(article);
    expect(moved.id).toBe(meeting.id);
    expect(moved.mentions[0].quote).toBe("Samuel Okoro met Yui Tanaka in Lagos on September 1.");
    expect(moved.mentions[0].annotation.selector[1].start).toBeGreaterThan(before);

    await importHtml({ ...base, paragraphs: ["Crowds lined the road to the harbour early in the morning.", "Dock workers gathered outside."] });
    await whenJobsDone();
    expect(await eventProposals(article)).toEqual([]);
    expect((await eventProposals(article, "withdrawn")).map((p) => p.id)).toEqual([meeting.id]);
  });

  it("shows a claim proposal's passage in the words of the revision it was proposed on, after a revision moves it", async () => {
    const t = tag();
    const url = `https://riverside.example.com/${t}`;
    const base = { url, title: "Okoro in Lagos", date: `${YEAR}-10-03` };
    const article = await importHtml({ ...base, paragraphs: ["Samuel Okoro met Yui Tanaka in Lagos on October 2.", "They spoke for nearly three hours."] });
    await whenJobsDone();
    await importHtml({
      ...base,
      paragraphs: ["Crowds lined the road to the harbour.", "Samuel Okoro met Yui Tanaka in Lagos on October 2.", "They spoke for nearly three hours."],
    });
    await whenJobsDone();
    const { text } = await db.articleRevision.findFirstOrThrow({ where: { articleId: article }, orderBy: { number: "desc" }, select: { text: true } });
    const claims = await claimProposals(article);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const [quote, position] = claim.annotation.selector;
      expect(claim.quote).toBe(quote.exact);
      expect(quote).toMatchObject({
        exact: text.slice(position.start, position.end),
        prefix: text.slice(Math.max(0, position.start - 32), position.start),
        suffix: text.slice(position.end, position.end + 32),
      });
    }
    expect(claims.find((c) => c.quote.startsWith("Samuel Okoro"))?.annotation.selector[0]).toMatchObject({ prefix: expect.stringContaining("harbour.") });

    const [meeting] = await eventProposals(article);
    expect((await callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: meeting.id } })).status).toBe(200);
    const claim = claims.find((c) => c.quote.startsWith("Samuel Okoro"))!;
    const accepted = await callRoute(acceptClaimRoute, { method: "POST", token: editor.token, params: { id: claim.id } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: accepted.json.annotationId }, select: { exact: true, prefix: true } });
    expect(annotation).toMatchObject({ exact: claim.quote, prefix: claim.annotation.selector[0].prefix });
  });

  it("names a participant after an alias for it is added, and titles the proposal with the registry's name, reading again only the articles that may name it", async () => {
    const t = tag();
    // A surname of its own per run: no other test's text or entity has it.
    const surname = `Var${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
    const created = await callRoute(createEntityRoute, { method: "POST", token: editor.token, body: { type: "PERSON", name: `Helena ${surname}-Lund` } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const entity = created.json as { id: string; version: number };
    const article = await importHtml({
      url: `https://harbourline.example.com/${t}`,
      title: "Calls on the fishing quota",
      date: `${YEAR}-03-04`,
      paragraphs: [`Lena ${surname} spoke by phone with Samuel Okoro on March 3.`, "Both offices confirmed the call."],
    });
    const unrelated = await importHtml({
      url: `https://harbourline.example.com/${t}-other`,
      title: "Talks on the harbour dues",
      date: `${YEAR}-03-05`,
      paragraphs: ["Marta Quillon met Idris Fenwick in Valletta on March 4.", "Both sides called the talks useful."],
    });
    await whenJobsDone();
    const readBefore = await db.articleExtraction.findUniqueOrThrow({ where: { articleId: unrelated }, select: { updatedAt: true } });
    const [before] = await eventProposals(article);
    expect(before.participants).toContainEqual({ name: `Lena ${surname}`, entityId: null });
    expect(before.title).toBe(`Okoro–${surname} phone call`);

    const renamed = await callRoute(updateEntityRoute, {
      method: "PATCH",
      token: editor.token,
      params: { id: entity.id },
      body: { version: entity.version, aliases: [`Lena ${surname}`] },
    });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    await whenJobsDone();
    const [after] = await eventProposals(article);
    expect(after.participants).toContainEqual({ name: `Helena ${surname}-Lund`, entityId: entity.id });
    expect(after.title).toBe(`Okoro–${surname}-Lund phone call`);
    const readAfter = await db.articleExtraction.findUniqueOrThrow({ where: { articleId: unrelated }, select: { updatedAt: true } });
    expect(readAfter.updatedAt).toEqual(readBefore.updatedAt);
  });

  it("proposes the parties of a report naming officials the registry does not know by name, and accepting records that claim", async () => {
    const t = tag();
    // Letters only: a name has no digits.
    const surname = `Quispe${t.replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;
    const article = await importHtml({
      url: `https://andeanwire.example.com/${t}`,
      title: "Leaders discuss border",
      date: `${YEAR}-06-11`,
      paragraphs: [`Peruvian President Lucia ${surname} phoned Ecuadorean President Mateo Andrade on June 9 to discuss a border dispute.`],
    });
    await whenJobsDone();
    const [call] = (await eventProposals(article)).filter((p) => p.kind === "phone_call");
    const claims = await claimProposals(article);
    const participants = claims.find((c) => c.attribute === "participants")!;
    expect(participants).toMatchObject({ value: { type: "text", text: `Lucia ${surname}, Mateo Andrade` } });
    expect(claims.find((c) => c.attribute === "initiator")).toMatchObject({ value: { type: "text", text: `Lucia ${surname}` } });

    const event = await callRoute(acceptEventRoute, { method: "POST", token: editor.token, params: { id: call.id } });
    expect(event.status, JSON.stringify(event.json)).toBe(200);
    const accepted = await callRoute(acceptClaimRoute, { method: "POST", token: editor.token, params: { id: participants.id } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: accepted.json.claimId } });
    expect(claim).toMatchObject({
      eventId: event.json.eventId,
      attribute: "participants",
      valueType: "TEXT",
      value: { type: "text", text: `Lucia ${surname}, Mateo Andrade` },
    });
  });
});
