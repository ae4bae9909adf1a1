import { createHash, randomBytes } from "node:crypto";
import * as approveRoute from "@/app/api/briefings/[id]/approve/route";
import * as blockersRoute from "@/app/api/briefings/[id]/blockers/route";
import * as publishRoute from "@/app/api/briefings/[id]/publish/route";
import * as retractRoute from "@/app/api/briefings/[id]/retract/route";
import * as returnRoute from "@/app/api/briefings/[id]/return/route";
import * as itemRoute from "@/app/api/briefings/[id]/route";
import * as submitRoute from "@/app/api/briefings/[id]/submit/route";
import * as listRoute from "@/app/api/briefings/route";
import type { Actor } from "@/lib/auth/permissions";
import type { BriefingDoc } from "@/lib/briefings/document";
import { db } from "@/lib/db";
import { callRoute } from "./api";
import { makeToken, makeUser } from "./fixtures";

/** Rows for briefing tests, inserted directly: each call makes unique data, so tests sharing a database never collide. */

const unique = () => randomBytes(4).toString("hex");

export const ARTICLE_TEXT = [
  "Officials met in Geneva on Tuesday to discuss a ceasefire. The talks lasted six hours, according to one delegate.",
  "A second round is planned for next month. Neither side commented on the agenda.",
].join("\n\n");

export type PassageFixture = { id: string; articleId: string; exact: string; outlet: string; url: string; title: string };

/** An article with one revision and an annotation on `exact` (which must occur in `text`). */
export async function makePassage(
  author: Actor,
  options: {
    exact?: string;
    text?: string;
    outlet?: string;
    status?: "PENDING" | "APPROVED" | "REJECTED" | "CHANGES_REQUESTED";
    anchorStatus?: "ANCHORED" | "REANCHORED_CHECK" | "ORPHANED";
  } = {},
): Promise<PassageFixture> {
  const text = options.text ?? ARTICLE_TEXT;
  const exact = options.exact ?? "The talks lasted six hours";
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article text`);
  const end = start + exact.length;
  const tag = unique();
  const outlet = options.outlet ?? `Outlet ${tag}`;
  const url = `https://news.example/${tag}/ceasefire-talks`;
  const title = `Ceasefire talks in Geneva ${tag}`;
  const bytes = Buffer.from(text, "utf8");
  const article = await db.article.create({
    data: { title, outlet, url, publishedAt: new Date("2025-05-20T00:00:00Z"), createdById: author.id },
  });
  const revision = await db.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      originalBytes: bytes,
      originalFormat: "text",
      encoding: "utf-8",
      contentHash: createHash("sha256").update(bytes).digest("hex"),
      text,
      removed: [],
      metadata: {},
      createdById: author.id,
    },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  const annotation = await db.annotation.create({
    data: {
      articleId: article.id,
      revisionId: revision.id,
      kind: "claim",
      body: { type: "doc", content: [{ type: "paragraph" }] },
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      start,
      end,
      originalExact: exact,
      status: options.status ?? "APPROVED",
      anchorStatus: options.anchorStatus ?? "ANCHORED",
      authorId: author.id,
    },
  });
  return { id: annotation.id, articleId: article.id, exact, outlet, url, title };
}

export async function makeEntity(name = `Person ${unique()}`, type: "PERSON" | "ORGANIZATION" | "PLACE" = "PERSON") {
  return db.entity.create({ data: { name, type, normalizedName: name.toLowerCase(), description: `${name}, a test entity` } });
}

export async function makeEvent(title = `Talks ${unique()}`, localDate = "2025-05-20") {
  return db.event.create({
    data: { title, type: "TALKS", localDate, datePrecision: "DAY", occurredAt: new Date(`${localDate}T00:00:00Z`) },
  });
}

export async function linkPassage(actor: Actor, annotationId: string, target: { entityId: string } | { eventId: string }) {
  return db.link.create({
    data: {
      annotationId,
      targetType: "entityId" in target ? "ENTITY" : "EVENT",
      ...target,
      relation: "DESCRIBES",
      createdById: actor.id,
    },
  });
}

/** A contradiction between passages; RESOLVED accepts the first member's passage. */
export async function makeContradiction(
  actor: Actor,
  options: {
    members: string[];
    status?: "OPEN" | "AWAITING_SIGNOFF" | "RESOLVED" | "DISCLOSED" | "DISMISSED";
    eventId?: string;
    entityId?: string;
    summary?: string;
    rationale?: string;
  },
) {
  const status = options.status ?? "OPEN";
  const settled = status === "RESOLVED" || status === "DISCLOSED";
  let acceptedClaimId: string | undefined;
  if (status === "RESOLVED") {
    const claim = await db.claim.create({
      data: {
        annotationId: options.members[0]!,
        attribute: "statement",
        valueType: "TEXT",
        value: { type: "text", text: "six hours" },
        eventId: options.eventId,
      },
    });
    acceptedClaimId = claim.id;
  }
  return db.contradiction.create({
    data: {
      status,
      summary: options.summary ?? `How long the talks lasted ${unique()}`,
      attribute: "statement",
      eventId: options.eventId,
      entityId: options.entityId,
      resolution: status === "RESOLVED" ? "ACCEPT_ONE" : status === "DISCLOSED" ? "DISCLOSE" : null,
      acceptedClaimId,
      rationale: settled ? (options.rationale ?? "Two delegates confirmed the length on the record.") : null,
      resolvedAt: settled ? new Date("2025-05-22T10:00:00Z") : null,
      resolvedById: settled ? actor.id : null,
      createdById: actor.id,
      members: { create: options.members.map((annotationId) => ({ annotationId })) },
    },
  });
}

/** A body with a paragraph citing `annotationIds`, plus any extra blocks. */
export function bodyCiting(annotationIds: string[], extra: BriefingDoc["content"] = []): BriefingDoc {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The talks lasted six hours." },
          { type: "citation", attrs: { annotationIds, label: "" } },
        ],
      },
      ...extra,
    ],
  };
}

// ───────────────────────────── the API, as a client uses it ─────────────────────────────

type Caller = { token: string };

export const briefingApi = {
  create: (as: Caller, body: unknown) => callRoute(listRoute.POST, { method: "POST", token: as.token, body }),
  get: (as: Caller, id: string) => callRoute(itemRoute.GET, { token: as.token, params: { id } }),
  patch: (as: Caller, id: string, body: unknown) => callRoute(itemRoute.PATCH, { method: "PATCH", token: as.token, params: { id }, body }),
  blockers: (as: Caller, id: string) => callRoute(blockersRoute.GET, { token: as.token, params: { id } }),
  submit: (as: Caller, id: string, body: unknown = {}) => callRoute(submitRoute.POST, { method: "POST", token: as.token, params: { id }, body }),
  approve: (as: Caller, id: string, body: unknown = {}) => callRoute(approveRoute.POST, { method: "POST", token: as.token, params: { id }, body }),
  return: (as: Caller, id: string, body: unknown) => callRoute(returnRoute.POST, { method: "POST", token: as.token, params: { id }, body }),
  publish: (as: Caller, id: string, body: unknown = {}) => callRoute(publishRoute.POST, { method: "POST", token: as.token, params: { id }, body }),
  retract: (as: Caller, id: string, body: unknown) => callRoute(retractRoute.POST, { method: "POST", token: as.token, params: { id }, body }),
};

export type Newsroom = { editor: Actor & Caller; analyst: Actor & Caller };

export async function makeNewsroom(): Promise<Newsroom> {
  const editor = await makeUser("EDITOR");
  const analyst = await makeUser("ANALYST");
  return { editor: { ...editor, token: await makeToken(editor) }, analyst: { ...analyst, token: await makeToken(analyst) } };
}

/** A briefing written by the newsroom's editor, submitted and approved by its analyst; returns its id. */
export async function approvedBriefing(newsroom: Newsroom, body: BriefingDoc, title = `Geneva talks ${unique()}`): Promise<string> {
  const created = await briefingApi.create(newsroom.editor, { title, summary: "What happened in Geneva.", body });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
  const id = created.json.briefing.id as string;
  await expectOk(briefingApi.submit(newsroom.editor, id));
  await expectOk(briefingApi.approve(newsroom.analyst, id));
  return id;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies differ by endpoint; each test reads the fields it asserts on.
async function expectOk(result: Promise<{ status: number; json: any }>) {
  const { status, json } = await result;
  if (status !== 200) throw new Error(`expected 200, got ${status}: ${JSON.stringify(json)}`);
  return json;
}
