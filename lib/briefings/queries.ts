import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { collectReferences, sanitizeBriefingDoc } from "./document";
import { canComposeBriefings, canReadBriefings, canReviewBriefing, canReviewBriefings } from "./permissions";
import { renderBriefing } from "./render";
import { type BriefingListFilter, listBriefingsSchema, MAX_BRIEFINGS_LISTED } from "./schemas";
import { briefingPath } from "./site";
import { eventDateLabel, loadSources, toRenderSources, type Client } from "./sources";
import type { BriefingListItem, BriefingReviewView, BriefingView, BriefingWorkspace, ComposerOptions } from "./types";
import { findBlockers, findTouchingOpenContradictions } from "./vetting";
import { STATUS_LABELS as CONTRADICTION_STATUS_LABELS } from "@/lib/contradictions/schemas";

/** A briefing's text and workflow state: what every view of it and publishing read. */
export const briefingContentSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  status: true,
  version: true,
  approvedVersion: true,
} satisfies Prisma.BriefingSelect;

export const briefingViewSelect = {
  ...briefingContentSelect,
  retractedAt: true,
  retractionNote: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
  published: { select: { number: true, publishedAt: true, changeNote: true }, orderBy: { number: "asc" } },
} satisfies Prisma.BriefingSelect;

type BriefingRow = Prisma.BriefingGetPayload<{ select: typeof briefingViewSelect }>;

export function toBriefingView(row: BriefingRow): BriefingView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: sanitizeBriefingDoc(row.body),
    status: row.status,
    version: row.version,
    author: row.author,
    approvedVersion: row.approvedVersion,
    approvedBy: row.approvedBy,
    retractedAt: row.retractedAt?.toISOString() ?? null,
    retractionNote: row.retractionNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedVersions: row.published.map((version) => ({
      number: version.number,
      publishedAt: version.publishedAt.toISOString(),
      changeNote: version.changeNote,
    })),
    publicPath: row.published.length > 0 ? briefingPath(row.slug) : null,
  };
}

export async function loadBriefingView(client: Client, id: string): Promise<BriefingView | null> {
  const row = await client.briefing.findUnique({ where: { id }, select: briefingViewSelect });
  return row ? toBriefingView(row) : null;
}

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadBriefings(actor)) throw new ForbiddenError("Your role does not allow reading briefings.");
}

export async function getBriefing(actor: Actor, id: string): Promise<BriefingView> {
  assertReader(actor);
  const view = await loadBriefingView(db, id);
  if (!view) throw new NotFoundError("The briefing");
  return view;
}

export async function listBriefings(actor: Actor, filter: BriefingListFilter = listBriefingsSchema.parse({})): Promise<BriefingListItem[]> {
  assertReader(actor);
  const rows = await db.briefing.findMany({
    where: filter.status ? { status: filter.status } : {},
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      version: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
      published: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
    },
    orderBy: { updatedAt: "desc" },
    take: filter.limit ?? MAX_BRIEFINGS_LISTED,
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    version: row.version,
    author: row.author,
    updatedAt: row.updatedAt.toISOString(),
    latestPublished: row.published[0]?.number ?? null,
  }));
}

/** Everyone who wrote the briefing: its author and whoever saved a draft of it. */
export async function listBriefingWriters(client: Client, briefingId: string, authorId: string): Promise<Set<string>> {
  const drafts = await client.briefingDraft.findMany({ where: { briefingId }, select: { authorId: true }, distinct: ["authorId"] });
  return new Set([authorId, ...drafts.map((draft) => draft.authorId)]);
}

export async function listBriefingReviews(actor: Actor, briefingId: string): Promise<BriefingReviewView[]> {
  assertReader(actor);
  const rows = await db.briefingReview.findMany({
    where: { briefingId },
    select: { id: true, action: true, comment: true, createdAt: true, actor: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The briefing's publishing blockers right now (see vetting.ts). */
export async function getBriefingBlockers(actor: Actor, id: string) {
  const briefing = await getBriefing(actor, id);
  return findBlockers(db, briefing);
}

/** The composer page: the briefing, its reviews, what blocks publishing, and a live preview as readers would see it. */
export async function getBriefingWorkspace(actor: Actor, id: string): Promise<BriefingWorkspace> {
  const briefing = await getBriefing(actor, id);
  const loaded = await loadSources(db, collectReferences(briefing.body));
  const [reviews, blockers, sources, writers] = await Promise.all([
    listBriefingReviews(actor, id),
    findBlockers(db, briefing, loaded),
    toRenderSources(db, loaded),
    listBriefingWriters(db, id, briefing.author.id),
  ]);
  const reviewer = canReviewBriefings(actor);
  return {
    briefing,
    reviews,
    blockers,
    preview: renderBriefing(briefing.body, sources),
    canEdit: canComposeBriefings(actor) && briefing.status !== "RETRACTED",
    canReview: canReviewBriefing(actor, writers),
    reviewRefusal: reviewer && writers.has(actor.id) ? "You wrote this briefing, so another analyst must review it." : null,
  };
}

/** Most recent choices offered by each picker; the composer filters them as the writer types. */
const PICKER_LIMIT = 500;

/** What publication needs of a contradiction shown as a disagreement, or of one touching what the briefing cites. */
const PUBLICATION_NEEDS: Record<string, string | null> = {
  OPEN: "publication needs it resolved (or disclosed) and signed off by an analyst",
  AWAITING_SIGNOFF: "publication needs an analyst's sign-off of its resolution",
  RESOLVED: null,
  DISCLOSED: null,
  DISMISSED: "dismissed as not a contradiction: it cannot be shown as a disagreement",
};

/** `body`: the draft, so that contradictions touching what it cites come first. */
export async function getComposerOptions(actor: Actor, body?: unknown): Promise<ComposerOptions> {
  assertReader(actor);
  const refs = body === undefined ? null : collectReferences(sanitizeBriefingDoc(body));
  const touching = refs ? await findTouchingOpenContradictions(db, await loadSources(db, refs), refs) : [];
  const [annotations, entities, events, contradictions] = await Promise.all([
    db.annotation.findMany({
      // Entity links are offered only once an editor has sent them for review.
      where: { deletedAt: null, linkOnly: false },
      select: { id: true, exact: true, status: true, anchorStatus: true, article: { select: { title: true, outlet: true } } },
      orderBy: { createdAt: "desc" },
      take: PICKER_LIMIT,
    }),
    db.entity.findMany({
      where: { deletedAt: null, mergedIntoId: null },
      select: { id: true, name: true, type: true },
      orderBy: { name: "asc" },
      take: PICKER_LIMIT,
    }),
    db.event.findMany({
      where: { deletedAt: null },
      select: { id: true, title: true, localDate: true, datePrecision: true, timeZone: true },
      orderBy: [{ occurredAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: PICKER_LIMIT,
    }),
    db.contradiction.findMany({
      where: { OR: [{ status: { in: ["RESOLVED", "DISCLOSED", "OPEN", "AWAITING_SIGNOFF"] } }, { id: { in: touching.map((row) => row.id) } }] },
      select: { id: true, summary: true, status: true, members: { select: { annotationId: true } } },
      orderBy: { updatedAt: "desc" },
      take: PICKER_LIMIT,
    }),
  ]);
  return {
    passages: annotations.map((row) => ({
      id: row.id,
      label: `${row.article.outlet ?? row.article.title}: “${row.exact.length > 120 ? `${row.exact.slice(0, 119)}…` : row.exact}”`,
      outlet: row.article.outlet,
      articleTitle: row.article.title,
      quote: row.exact,
      status: row.status,
      anchorStatus: row.anchorStatus,
    })),
    entities: entities.map((row) => ({ id: row.id, name: row.name, typeLabel: ENTITY_TYPE_LABELS[row.type] })),
    events: events.map((row) => ({ id: row.id, title: row.title, dateLabel: eventDateLabel(row) })),
    contradictions: contradictions
      .map((row) => ({
        id: row.id,
        summary: row.summary,
        status: row.status,
        statusLabel: CONTRADICTION_STATUS_LABELS[row.status].toLowerCase(),
        memberAnnotationIds: row.members.map((member) => member.annotationId),
        touchesDraft: touching.some((other) => other.id === row.id),
        publicationNeeds: PUBLICATION_NEEDS[row.status] ?? null,
      }))
      .sort((a, b) => Number(b.touchesDraft) - Number(a.touchesDraft)),
  };
}
