import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { ClaimValue } from "@/lib/contradictions/compare-values";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { db, type Prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { canReadProposals } from "./permissions";
import { proposalListSchema, type ProposalStatusName } from "./schemas";
import type { CandidateSide, EventProposal, NameRef } from "./types";

/** A W3C annotation target: the article and the passage's TextQuote and TextPosition selectors. */
export type PassageTargetView = {
  source: string;
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    { type: "TextPositionSelector"; start: number; end: number },
  ];
};

export type ProposalMentionView = {
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  planned: boolean;
  quote: string;
  annotation: PassageTargetView;
};

export type EventProposalView = {
  id: string;
  status: ProposalStatusName;
  kind: string;
  eventType: string;
  title: string;
  date: string | null;
  localDate: string | null;
  precision: string | null;
  timeZone: string | null;
  dateNote: string | null;
  participants: NameRef[];
  place: NameRef | null;
  /** The existing event the passages belong to (matched, or linked on accepting). */
  eventId: string | null;
  event: { id: string; title: string } | null;
  version: number;
  mentions: ProposalMentionView[];
};

export type ClaimProposalView = {
  id: string;
  status: ProposalStatusName;
  articleId: string;
  attribute: string;
  attributeLabel: string;
  value: ClaimValue;
  label: string;
  quote: string;
  annotation: PassageTargetView;
  speaker: NameRef | null;
  eventProposal: { id: string; title: string; status: ProposalStatusName } | null;
  event: { id: string; title: string } | null;
  annotationId: string | null;
  claimId: string | null;
};

export type CandidateSideView = CandidateSide & { articleTitle: string; claimProposalId: string | null; claimId: string | null };

export type ContradictionCandidateView = {
  id: string;
  status: "suggested" | "confirmed" | "dismissed" | "withdrawn";
  attribute: string;
  attributeLabel: string;
  reason: string;
  event: { id: string; title: string } | null;
  eventProposal: { id: string; title: string } | null;
  sides: [CandidateSideView, CandidateSideView];
  contradictionId: string | null;
};

const articlePath = (articleId: string) => `/articles/${encodeURIComponent(articleId)}`;

function target(articleId: string, a: { exact: string; prefix: string; suffix: string; start: number; end: number }): PassageTargetView {
  return {
    source: articlePath(articleId),
    selector: [
      { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: "TextPositionSelector", start: a.start, end: a.end },
    ],
  };
}

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadProposals(actor)) throw new ForbiddenError("Only workspace members read proposals.");
}

const eventProposalSelect = {
  id: true,
  status: true,
  title: true,
  eventType: true,
  data: true,
  eventId: true,
  version: true,
  event: { select: { id: true, title: true, deletedAt: true } },
  mentions: {
    select: { articleId: true, planned: true, exact: true, prefix: true, suffix: true, start: true, end: true, article: { select: { title: true, outlet: true } } },
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
  },
} satisfies Prisma.EventProposalSelect;

type EventProposalRow = {
  id: string;
  status: ProposalStatusName;
  title: string;
  eventType: string;
  data: unknown;
  eventId: string | null;
  version: number;
  event: { id: string; title: string; deletedAt: Date | null } | null;
  mentions: { articleId: string; planned: boolean; exact: string; prefix: string; suffix: string; start: number; end: number; article: { title: string; outlet: string | null } }[];
};

function toEventProposalView(row: EventProposalRow): EventProposalView {
  const p = row.data as EventProposal;
  const event = row.event && !row.event.deletedAt ? { id: row.event.id, title: row.event.title } : null;
  return {
    id: row.id,
    status: row.status,
    kind: p.kind,
    eventType: row.eventType,
    title: row.title,
    date: p.date,
    localDate: p.localDate,
    precision: p.precision,
    timeZone: p.timeZone,
    dateNote: p.dateNote,
    participants: p.participants,
    place: p.place,
    eventId: event?.id ?? null,
    event,
    version: row.version,
    mentions: row.mentions.map((m) => ({
      articleId: m.articleId,
      articleTitle: m.article.title,
      outlet: m.article.outlet,
      planned: m.planned,
      quote: m.exact,
      annotation: target(m.articleId, m),
    })),
  };
}

/** Event proposals by status (open by default), newest happening first; `articleId` keeps those with a passage in that article. */
export async function listEventProposals(actor: Actor | null, input: unknown): Promise<EventProposalView[]> {
  assertReader(actor);
  const { status, articleId, limit } = parseInput(proposalListSchema, input);
  const rows = await db.eventProposal.findMany({
    where: { status, ...(articleId ? { mentions: { some: { articleId } } } : {}) },
    select: eventProposalSelect,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: limit,
  });
  return rows.map(toEventProposalView);
}

export async function getEventProposal(actor: Actor | null, id: string): Promise<EventProposalView> {
  assertReader(actor);
  const row = await db.eventProposal.findUnique({ where: { id }, select: eventProposalSelect });
  if (!row) throw new NotFoundError("The event proposal");
  return toEventProposalView(row);
}

/**
 * An article's claim proposals by status (open by default). Open ones whose event proposal
 * was dismissed or withdrawn are left out: they are about a happening nobody will record.
 */
export async function listClaimProposals(actor: Actor | null, articleId: string, input: unknown = {}): Promise<ClaimProposalView[]> {
  assertReader(actor);
  const { status, limit } = parseInput(proposalListSchema, input);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new NotFoundError("The article");
  const rows = await db.claimProposal.findMany({
    where: {
      articleId,
      status,
      ...(status === "OPEN" ? { OR: [{ eventId: { not: null } }, { eventProposal: { status: { in: ["OPEN", "ACCEPTED"] } } }] } : {}),
    },
    select: {
      id: true,
      status: true,
      articleId: true,
      attribute: true,
      value: true,
      label: true,
      speaker: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      annotationId: true,
      claimId: true,
      eventProposal: { select: { id: true, title: true, status: true, event: { select: { id: true, title: true } } } },
      event: { select: { id: true, title: true } },
    },
    orderBy: [{ start: "asc" }, { attribute: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    articleId: r.articleId,
    attribute: r.attribute,
    attributeLabel: attributeLabel(r.attribute),
    value: r.value as unknown as ClaimValue,
    label: r.label,
    quote: r.exact,
    annotation: target(r.articleId, r),
    speaker: (r.speaker as NameRef | null) ?? null,
    eventProposal: r.eventProposal ? { id: r.eventProposal.id, title: r.eventProposal.title, status: r.eventProposal.status } : null,
    event: r.event ?? r.eventProposal?.event ?? null,
    annotationId: r.annotationId,
    claimId: r.claimId,
  }));
}

type StoredSide = CandidateSide & { claimProposalId: string | null; claimId: string | null };

/** Suggested contradictions: both passages side by side and why they conflict. */
export async function listContradictionCandidates(actor: Actor | null, input: { status?: "SUGGESTED" | "CONFIRMED" | "DISMISSED" | "WITHDRAWN"; limit?: number } = {}): Promise<ContradictionCandidateView[]> {
  assertReader(actor);
  const rows = await db.contradictionCandidate.findMany({
    where: { status: input.status ?? "SUGGESTED" },
    select: {
      id: true,
      status: true,
      attribute: true,
      reason: true,
      sideA: true,
      sideB: true,
      contradictionId: true,
      event: { select: { id: true, title: true } },
      eventProposal: { select: { id: true, title: true, status: true } },
    },
    orderBy: { createdAt: "desc" },
    take: Math.min(input.limit ?? 200, 500),
  });
  const sides = rows.flatMap((r) => [r.sideA, r.sideB] as unknown as StoredSide[]);
  const titles = new Map(
    (await db.article.findMany({ where: { id: { in: [...new Set(sides.map((s) => s.articleId))] } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]),
  );
  const side = (s: StoredSide): CandidateSideView => ({
    claimKey: s.claimKey,
    accepted: s.accepted,
    articleId: s.articleId,
    outlet: s.outlet,
    label: s.label,
    quote: s.quote,
    articleTitle: titles.get(s.articleId) ?? "",
    claimProposalId: s.claimProposalId,
    claimId: s.claimId,
  });
  return rows
    .filter((r) => r.event || r.eventProposal?.status !== "DISMISSED")
    .map((r) => ({
      id: r.id,
      status: r.status.toLowerCase() as ContradictionCandidateView["status"],
      attribute: r.attribute,
      attributeLabel: attributeLabel(r.attribute),
      reason: r.reason,
      event: r.event,
      eventProposal: r.eventProposal ? { id: r.eventProposal.id, title: r.eventProposal.title } : null,
      sides: [side(r.sideA as unknown as StoredSide), side(r.sideB as unknown as StoredSide)],
      contradictionId: r.contradictionId,
    }));
}
