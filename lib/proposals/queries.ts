import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import { entityIdsOf, formatClaimValue } from "@/lib/contradictions/format";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { buildSelectors } from "@/lib/annotations/anchor";
import { db, type Prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { canReadProposals } from "./permissions";
import { type CandidateListFilter, candidateListSchema, type ProposalListFilter, proposalListSchema, type ProposalStatusName } from "./schemas";
import type { StoredProposalData } from "./stored-proposal";
import type { CandidateSide, NameRef } from "./types";

/** A W3C annotation target: the article and the passage's TextQuote and TextPosition selectors. */
export type PassageTargetView = {
  source: string;
  selector: [{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }, { type: "TextPositionSelector"; start: number; end: number }];
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

type ClaimPassage = { revisionId: string; start: number; end: number };

/**
 * A claim proposal's passage words: its row keeps the revision and offsets, and its quote, prefix
 * and suffix are those offsets' selectors in that revision's text, as they were when it was written.
 */
export async function withClaimQuotes<T extends ClaimPassage>(rows: T[]): Promise<(T & { exact: string; prefix: string; suffix: string })[]> {
  const ids = [...new Set(rows.map((r) => r.revisionId))];
  const texts = new Map(
    ids.length ? (await db.articleRevision.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((r) => [r.id, r.text]) : [],
  );
  return rows.map((r) => {
    const text = texts.get(r.revisionId);
    if (text === undefined) throw new NotFoundError("The claim proposal's revision");
    const { exact, prefix, suffix } = buildSelectors(text, r.start, r.end).quote;
    return { ...r, exact, prefix, suffix };
  });
}

function target(articleId: string, a: { exact: string; prefix: string; suffix: string; start: number; end: number }): PassageTargetView {
  return {
    source: articlePath(articleId),
    selector: [
      { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: "TextPositionSelector", start: a.start, end: a.end },
    ],
  };
}

function assertReader(actor: Actor): void {
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
    select: {
      articleId: true,
      planned: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      article: { select: { title: true, outlet: true } },
    },
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
  mentions: {
    articleId: string;
    planned: boolean;
    exact: string;
    prefix: string;
    suffix: string;
    start: number;
    end: number;
    article: { title: string; outlet: string | null };
  }[];
};

function toEventProposalView(row: EventProposalRow): EventProposalView {
  const p = row.data as StoredProposalData;
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
export async function listEventProposals(actor: Actor, filter: ProposalListFilter = proposalListSchema.parse({})): Promise<EventProposalView[]> {
  assertReader(actor);
  const { status, articleId, limit } = filter;
  const rows = await db.eventProposal.findMany({
    where: { status, ...(articleId ? { mentions: { some: { articleId } } } : {}) },
    select: eventProposalSelect,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: limit,
  });
  return rows.map(toEventProposalView);
}

export async function getEventProposal(actor: Actor, id: string): Promise<EventProposalView> {
  assertReader(actor);
  const row = await db.eventProposal.findUnique({ where: { id }, select: eventProposalSelect });
  if (!row) throw new NotFoundError("The event proposal");
  return toEventProposalView(row);
}

/**
 * An article's claim proposals by status (open by default). Open ones whose event proposal
 * was dismissed or withdrawn are left out: they are about a happening nobody will record.
 */
export async function listClaimProposals(
  actor: Actor,
  articleId: string,
  filter: ProposalListFilter = proposalListSchema.parse({}),
): Promise<ClaimProposalView[]> {
  assertReader(actor);
  const { status, limit } = filter;
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
      revisionId: true,
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
  return (await withClaimQuotes(rows)).map((r) => ({
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
export async function listContradictionCandidates(
  actor: Actor,
  filter: CandidateListFilter = candidateListSchema.parse({}),
): Promise<ContradictionCandidateView[]> {
  assertReader(actor);
  const rows = await db.contradictionCandidate.findMany({
    where: { status: filter.status },
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
    take: filter.limit,
  });
  const sides = rows.flatMap((r) => [r.sideA, r.sideB] as unknown as StoredSide[]);
  const titles = new Map(
    (await db.article.findMany({ where: { id: { in: [...new Set(sides.map((s) => s.articleId))] } }, select: { id: true, title: true } })).map((a) => [
      a.id,
      a.title,
    ]),
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

export type AccountValue = { label: string; quote: string; proposed: boolean };

export type SourceAccount = {
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The passages linked to the event, when the source makes no claim about it. */
  passages: string[];
  values: Record<string, AccountValue[]>;
};

export type EventAccounts = { attributes: { key: string; label: string }[]; sources: SourceAccount[] };

/** Attributes in the order a reader compares them; others follow alphabetically. */
const ATTRIBUTE_ORDER = ["date", "time", "duration", "place", "participants", "initiator", "quantity", "outcome", "statement"];

/**
 * Every source's account of one event: who says what, and when they said it. Recorded claims
 * and the open claim proposals about the event, one row per article, one column per attribute.
 */
export async function getEventAccounts(actor: Actor, eventId: string): Promise<EventAccounts> {
  assertReader(actor);
  const [claims, proposals, links] = await Promise.all([
    db.claim.findMany({
      where: { eventId, annotation: { deletedAt: null } },
      select: { attribute: true, value: true, annotation: { select: { articleId: true, exact: true } } },
    }),
    db.claimProposal
      .findMany({
        where: { status: "OPEN", OR: [{ eventId }, { eventProposal: { eventId, status: "ACCEPTED" } }] },
        select: { attribute: true, value: true, label: true, articleId: true, revisionId: true, start: true, end: true },
      })
      .then(withClaimQuotes),
    db.link.findMany({ where: { eventId, annotation: { deletedAt: null } }, select: { annotation: { select: { articleId: true, exact: true } } } }),
  ]);
  const entityIds = entityIdsOf(claims.map((c) => c.value as unknown as ClaimValue));
  const names = new Map((await db.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const articleIds = [
    ...new Set([...claims.map((c) => c.annotation.articleId), ...proposals.map((p) => p.articleId), ...links.map((l) => l.annotation.articleId)]),
  ];
  const articles = await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, title: true, outlet: true, publishedAt: true } });
  const sources = new Map<string, SourceAccount>(
    articles.map((a) => [
      a.id,
      { articleId: a.id, articleTitle: a.title, outlet: a.outlet, publishedAt: a.publishedAt?.toISOString().slice(0, 10) ?? null, passages: [], values: {} },
    ]),
  );
  const add = (articleId: string, attribute: string, value: AccountValue) => {
    const source = sources.get(articleId);
    if (!source) return;
    source.values[attribute] ??= [];
    const list = source.values[attribute];
    if (!list.some((v) => v.label === value.label)) list.push(value);
  };
  for (const c of claims)
    add(c.annotation.articleId, c.attribute, { label: formatClaimValue(c.value as unknown as ClaimValue, names), quote: c.annotation.exact, proposed: false });
  for (const p of proposals) add(p.articleId, p.attribute, { label: p.label, quote: p.exact, proposed: true });
  for (const l of links) {
    const source = sources.get(l.annotation.articleId);
    if (source && !source.passages.includes(l.annotation.exact)) source.passages.push(l.annotation.exact);
  }
  const present = new Set([...sources.values()].flatMap((s) => Object.keys(s.values)));
  const rank = (a: string) => (ATTRIBUTE_ORDER.includes(a) ? ATTRIBUTE_ORDER.indexOf(a) : ATTRIBUTE_ORDER.length);
  const attributes = [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => ({ key, label: attributeLabel(key) }));
  const ordered = [...sources.values()].sort(
    (a, b) => (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") || (a.outlet ?? "").localeCompare(b.outlet ?? ""),
  );
  return { attributes, sources: ordered };
}
