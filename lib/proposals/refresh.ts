import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Prisma, type Tx } from "@/lib/db";
import { eventDateFromRow } from "@/lib/events/date-fields";
import { isoDay } from "@/lib/iso-day";
import type { ClaimValue } from "@/lib/contradictions/compare-values";
import { runTask } from "@/lib/workers/pool";
import { REGISTRY_MISSING, type ProposalRegistrySnapshot, type TaskInput, type TaskOutput } from "@/lib/workers/tasks";
import { candidateFingerprint, claimFingerprint, mentionFingerprint } from "./fingerprints";
import type { ArticleExtraction, ContradictionCandidate, EventProposal, KnownClaim, KnownEvent, Proposals } from "./types";

/**
 * Proposals are kept current by a background job (lib/proposals/jobs.ts): an imported or revised
 * article is read once (on the worker thread) and its stored extraction regrouped with the
 * extractions near it in time. Grouping never looks at the whole corpus: a block is the
 * articles whose dates lie within WINDOW_DAYS of the refreshed ones, plus those already sharing
 * a proposal with them. Judgements are remembered by fingerprint (article and passage words),
 * so a dismissed proposal stays dismissed when the same passages are proposed again, and a
 * proposal whose passages a revision keeps is re-anchored instead of replaced.
 */

/** Reports of one happening lie within a month of it (a month-precise date is its first day). */
const WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;
/** Undated articles are blocked by shared participants, at most this many. */
const UNDATED_BLOCK = 200;
const TASK_LIMITS = { timeoutMs: 60_000, background: true };
/**
 * Proposals read at most this much of an article: news reports are far shorter, and a multi-megabyte
 * text would hold the worker thread for a minute with work nobody reviews. Offsets stay valid.
 */
const MAX_PROPOSAL_CHARS = 100_000;

/** A trigger bumps the registry's version with every change to an entity or alias (migration 20261205000100_registry_version). */
async function registryFingerprint(): Promise<string> {
  const row = await db.registryVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return String(row?.version ?? 0);
}

let cachedRegistry: ProposalRegistrySnapshot | null = null;

async function loadRegistry(): Promise<ProposalRegistrySnapshot> {
  // Read before the entities, so a change in between makes the snapshot look stale, never fresh.
  const fingerprint = await registryFingerprint();
  if (cachedRegistry?.fingerprint === fingerprint) return cachedRegistry;
  const entities = await db.entity.findMany({
    where: { deletedAt: null, mergedIntoId: null },
    select: { id: true, name: true, type: true, aliases: { select: { alias: true } } },
  });
  cachedRegistry = { fingerprint, entities: entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.map((a) => a.alias) })) };
  return cachedRegistry;
}

/** The registry the worker thread was last sent; it keeps the engine's registry built from it. */
let registryOnThread: string | null = null;

/** Runs a proposal task, sending the registry's entities only when the thread may lack them (first use, a change, a restarted thread). */
async function proposalTask<N extends "extractProposals" | "groupProposals">(
  name: N,
  registry: ProposalRegistrySnapshot,
  input: Omit<TaskInput<N>, "registry">,
): Promise<TaskOutput<N>> {
  if (registryOnThread === registry.fingerprint) {
    try {
      return await runTask(name, { ...input, registry: { fingerprint: registry.fingerprint } } as TaskInput<N>, TASK_LIMITS);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith(`${REGISTRY_MISSING}:`))) throw error;
    }
  }
  const output = await runTask(name, { ...input, registry } as TaskInput<N>, TASK_LIMITS);
  registryOnThread = registry.fingerprint;
  return output;
}

const dayOf = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** The dates an extraction covers, and the participants it names: its blocking keys. */
function blockingKeys(extraction: ArticleExtraction) {
  const days = [extraction.publishedAt, ...extraction.mentions.map((m) => m.date.date)].filter((d): d is string => Boolean(d)).sort();
  return {
    dateFrom: days.length ? dayOf(days[0]) : null,
    dateTo: days.length ? dayOf(days[days.length - 1]) : null,
    participantKeys: [...new Set(extraction.mentions.flatMap((m) => m.participants.map((p) => p.key)))],
  };
}

/** Reads the articles' current revisions and stores what the engine extracts from them. */
async function extractArticles(articleIds: string[], registry: ProposalRegistrySnapshot): Promise<ArticleExtraction[]> {
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: { id: true, outlet: true, publishedAt: true, currentRevision: { select: { id: true, text: true } } },
  });
  const readable = articles.filter((a) => a.currentRevision);
  if (readable.length === 0) return [];
  // One task per article: a preview someone waits for then waits for one article's reading at most.
  const extractions: ArticleExtraction[] = [];
  for (const a of readable) {
    const [extraction] = await proposalTask("extractProposals", registry, {
      articles: [{ id: a.id, text: a.currentRevision!.text.slice(0, MAX_PROPOSAL_CHARS), publishedAt: isoDay(a.publishedAt), outlet: a.outlet }],
    });
    extractions.push(extraction);
  }
  // One replace for the whole slice instead of an upsert per article.
  const rows = extractions.map((extraction, i) => ({
    articleId: extraction.articleId,
    revisionId: readable[i].currentRevision!.id,
    data: extraction as object,
    ...blockingKeys(extraction),
  }));
  await db.$transaction([
    db.articleExtraction.deleteMany({ where: { articleId: { in: rows.map((r) => r.articleId) } } }),
    db.articleExtraction.createMany({ data: rows }),
  ]);
  return extractions;
}

type Block = { from: Date | null; to: Date | null; articleIds: Set<string>; participantKeys: Set<string> };

/** Refreshed articles near in time are regrouped together; far apart ones in blocks of their own. */
function blocksOf(extractions: ArticleExtraction[]): Block[] {
  const blocks: Block[] = [];
  const keyed = extractions.map((e) => ({ e, ...blockingKeys(e) })).sort((a, b) => (a.dateFrom?.getTime() ?? -Infinity) - (b.dateFrom?.getTime() ?? -Infinity));
  for (const k of keyed) {
    const last = blocks[blocks.length - 1];
    const near = last && k.dateFrom && last.to && k.dateFrom.getTime() - last.to.getTime() <= 2 * WINDOW_DAYS * DAY_MS;
    if (near) {
      last.articleIds.add(k.e.articleId);
      if (k.dateTo! > last.to!) last.to = k.dateTo;
      k.participantKeys.forEach((p) => {
        last.participantKeys.add(p);
      });
    } else {
      blocks.push({ from: k.dateFrom, to: k.dateTo, articleIds: new Set([k.e.articleId]), participantKeys: new Set(k.participantKeys) });
    }
  }
  return blocks;
}

/** The stored extractions a block regroups: near in time (or, undated, sharing a participant), and those sharing a proposal with them. */
async function blockExtractions(block: Block): Promise<ArticleExtraction[]> {
  const near =
    block.from && block.to
      ? await db.articleExtraction.findMany({
          where: {
            dateFrom: { lte: new Date(block.to.getTime() + WINDOW_DAYS * DAY_MS) },
            dateTo: { gte: new Date(block.from.getTime() - WINDOW_DAYS * DAY_MS) },
          },
          select: { articleId: true },
        })
      : await db.articleExtraction.findMany({
          where: { participantKeys: { hasSome: [...block.participantKeys] } },
          select: { articleId: true },
          take: UNDATED_BLOCK,
        });
  const ids = new Set([...block.articleIds, ...near.map((n) => n.articleId)]);
  const sharing = await db.eventProposalMention.findMany({
    where: { proposal: { mentions: { some: { articleId: { in: [...block.articleIds] } } } } },
    select: { articleId: true },
    distinct: ["articleId"],
  });
  sharing.forEach((s) => {
    ids.add(s.articleId);
  });
  const rows = await db.articleExtraction.findMany({ where: { articleId: { in: [...ids] } }, select: { data: true } });
  return rows.map((r) => r.data as unknown as ArticleExtraction);
}

/** Events already made near the block, and their accepted claims: proposals link to them instead of duplicating them. */
async function knownNear(extractions: ArticleExtraction[]): Promise<{ events: KnownEvent[]; claims: KnownClaim[] }> {
  const days = extractions
    .flatMap((e) => [e.publishedAt, ...e.mentions.map((m) => m.date.date)])
    .filter((d): d is string => Boolean(d))
    .sort();
  if (days.length === 0) return { events: [], claims: [] };
  const rows = await db.event.findMany({
    where: {
      deletedAt: null,
      occurredAt: {
        gte: new Date(dayOf(days[0]).getTime() - WINDOW_DAYS * DAY_MS),
        lte: new Date(dayOf(days[days.length - 1]).getTime() + WINDOW_DAYS * DAY_MS),
      },
    },
    select: {
      id: true,
      type: true,
      title: true,
      localDate: true,
      datePrecision: true,
      timeZone: true,
      placeId: true,
      participants: { select: { entityId: true } },
    },
  });
  const events: KnownEvent[] = rows.map((r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    date: eventDateFromRow(r),
    participantIds: r.participants.map((p) => p.entityId),
    placeId: r.placeId,
  }));
  const claimRows = events.length
    ? await db.claim.findMany({
        where: { eventId: { in: events.map((e) => e.id) }, annotation: { deletedAt: null } },
        select: {
          id: true,
          eventId: true,
          attribute: true,
          value: true,
          annotation: { select: { articleId: true, exact: true, article: { select: { outlet: true } } } },
        },
      })
    : [];
  const claims: KnownClaim[] = claimRows.map((c) => ({
    id: c.id,
    eventId: c.eventId!,
    attribute: c.attribute,
    value: c.value as unknown as ClaimValue,
    articleId: c.annotation.articleId,
    outlet: c.annotation.article.outlet,
    quote: c.annotation.exact,
  }));
  return { events, claims };
}

/** Extracts the articles and regroups the proposals around them. Never called in a request. */
export async function refreshProposalsFor(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const registry = await loadRegistry();
  const extracted = await extractArticles([...new Set(articleIds)], registry);
  const gone = articleIds.filter((id) => !extracted.some((e) => e.articleId === id));
  if (gone.length) await db.articleExtraction.deleteMany({ where: { articleId: { in: gone } } });
  for (const block of blocksOf(extracted)) {
    const extractions = await blockExtractions(block);
    const known = await knownNear(extractions);
    const proposals = await proposalTask("groupProposals", registry, { extractions, knownEvents: known.events, knownClaims: known.claims });
    const revisions = new Map(
      (
        await db.articleExtraction.findMany({
          where: { articleId: { in: extractions.map((e) => e.articleId) } },
          select: { articleId: true, revisionId: true },
        })
      ).map((r) => [r.articleId, r.revisionId]),
    );
    await db.$transaction((tx) => storeProposals(tx, new Set(extractions.map((e) => e.articleId)), revisions, proposals), { timeout: 60_000 });
  }
}

// ─────────────────────────── storing a regrouping ───────────────────────────

/** JSON with sorted keys: what PostgreSQL's jsonb gives back compares equal to what was written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const MENTION_FIELDS = {
  id: true,
  fingerprint: true,
  articleId: true,
  revisionId: true,
  planned: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
} as const;

type MentionRow = ReturnType<typeof mentionRows>[number];
type StoredMention = MentionRow & { id: string };

type ExistingProposal = {
  id: string;
  key: string;
  status: string;
  eventId: string | null;
  data: unknown;
  revisions: string;
  fingerprints: Set<string>;
  mentions: StoredMention[];
};

const revisionsOf = (mentions: { articleId: string; revisionId: string }[]) =>
  [...new Set(mentions.map((m) => `${m.articleId}:${m.revisionId}`))].sort().join(",");

function mentionRows(proposal: EventProposal, revisions: ReadonlyMap<string, string>) {
  return proposal.mentions.map((m) => {
    const [quote, position] = m.annotation.selector;
    return {
      articleId: m.articleId,
      revisionId: revisions.get(m.articleId) ?? "",
      fingerprint: mentionFingerprint(m),
      planned: m.planned,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
    };
  });
}

const proposalDate = (p: EventProposal) => (p.date ? dayOf(p.date) : null);

/** Row changes of one regrouping, written with a few multi-row statements at the end. */
type Creates = { proposals: Prisma.EventProposalCreateManyInput[]; mentions: Prisma.EventProposalMentionCreateManyInput[]; staleMentionIds: string[] };

const sameMention = (a: MentionRow, b: StoredMention) =>
  a.fingerprint === b.fingerprint &&
  a.articleId === b.articleId &&
  a.revisionId === b.revisionId &&
  a.planned === b.planned &&
  a.exact === b.exact &&
  a.prefix === b.prefix &&
  a.suffix === b.suffix &&
  a.start === b.start &&
  a.end === b.end;

async function writeProposal(
  tx: Tx,
  creates: Creates,
  existing: ExistingProposal | undefined,
  proposal: EventProposal,
  eventId: string | null,
  revisions: ReadonlyMap<string, string>,
): Promise<string> {
  const rows = mentionRows(proposal, revisions);
  const fields = { key: proposal.key, eventType: proposal.eventType, title: proposal.title, data: proposal as object, eventId, date: proposalDate(proposal) };
  if (!existing) {
    const id = randomUUID();
    creates.proposals.push({ id, ...fields });
    creates.mentions.push(...rows.map((m) => ({ ...m, proposalId: id })));
    return id;
  }
  // Most of a block is unchanged by one more article: rows already as proposed are left alone.
  if (
    existing.status === "OPEN" &&
    existing.eventId === eventId &&
    existing.revisions === revisionsOf(rows) &&
    canonical(existing.data) === canonical(proposal)
  )
    return existing.id;
  await tx.eventProposal.update({ where: { id: existing.id }, data: { ...fields, status: "OPEN", version: { increment: 1 } } });
  // Passages kept exactly as stored stay; only the rest are replaced.
  const kept = new Set<string>();
  for (const row of rows) {
    const same = existing.mentions.find((m) => !kept.has(m.id) && sameMention(row, m));
    if (same) kept.add(same.id);
    else creates.mentions.push({ ...row, proposalId: existing.id });
  }
  creates.staleMentionIds.push(...existing.mentions.filter((m) => !kept.has(m.id)).map((m) => m.id));
  return existing.id;
}

/**
 * Writes one block's proposals. Each proposed happening is matched to a stored proposal by key,
 * else by shared passages: an open or withdrawn one takes the new grouping; a dismissed one
 * stays dismissed; an accepted one keeps its event, and passages it did not have become a new
 * proposal linked to that event. Open proposals of the block no longer proposed are withdrawn.
 */
async function storeProposals(tx: Tx, articleIds: Set<string>, revisions: ReadonlyMap<string, string>, proposals: Proposals): Promise<void> {
  const existingRows = await tx.eventProposal.findMany({
    where: { mentions: { some: { articleId: { in: [...articleIds] } } } },
    select: { id: true, key: true, status: true, eventId: true, data: true, mentions: { select: MENTION_FIELDS } },
  });
  const toExisting = (r: (typeof existingRows)[number]): ExistingProposal => ({
    ...r,
    revisions: revisionsOf(r.mentions),
    fingerprints: new Set(r.mentions.map((m) => m.fingerprint)),
  });
  const existing: ExistingProposal[] = existingRows.map(toExisting);
  const byKey = new Map(existing.map((e) => [e.key, e]));
  // A key is unique: one held by a row outside the block (a recorded event's "event:<id>") is that row.
  const outside = proposals.events.map((p) => p.key).filter((key) => !byKey.has(key));
  if (outside.length) {
    const rows = await tx.eventProposal.findMany({
      where: { key: { in: outside } },
      select: { id: true, key: true, status: true, eventId: true, data: true, mentions: { select: MENTION_FIELDS } },
    });
    for (const row of rows) {
      const found = toExisting(row);
      existing.push(found);
      byKey.set(found.key, found);
    }
  }
  const keyed = async (key: string) => {
    if (byKey.has(key) || outside.includes(key)) return byKey.get(key);
    const row = await tx.eventProposal.findUnique({
      where: { key },
      select: { id: true, key: true, status: true, eventId: true, data: true, mentions: { select: MENTION_FIELDS } },
    });
    if (!row) return undefined;
    const found = toExisting(row);
    existing.push(found);
    byKey.set(key, found);
    return found;
  };
  const matched = new Set<string>();
  const creates: Creates = { proposals: [], mentions: [], staleMentionIds: [] };
  const rowOfProposal = new Map<string, { id: string; eventId: string | null; status: string }>();

  for (const proposal of proposals.events) {
    const fingerprints = proposal.mentions.map(mentionFingerprint);
    let row = await keyed(proposal.key);
    if (row && matched.has(row.id)) row = undefined;
    if (!row) {
      row = existing
        .filter((e) => !matched.has(e.id))
        .map((e) => ({ e, shared: fingerprints.filter((f) => e.fingerprints.has(f)).length }))
        .filter((x) => x.shared > 0)
        .sort((a, b) => b.shared - a.shared)[0]?.e;
    }
    if (row) matched.add(row.id);
    if (!row) {
      const id = await writeProposal(tx, creates, undefined, proposal, proposal.eventId, revisions);
      rowOfProposal.set(proposal.key, { id, eventId: proposal.eventId, status: "OPEN" });
    } else if (row.status === "OPEN" || row.status === "WITHDRAWN") {
      await writeProposal(tx, creates, row, proposal, proposal.eventId, revisions);
      rowOfProposal.set(proposal.key, { id: row.id, eventId: proposal.eventId, status: "OPEN" });
    } else if (row.status === "DISMISSED") {
      rowOfProposal.set(proposal.key, { id: row.id, eventId: row.eventId, status: "DISMISSED" });
    } else {
      rowOfProposal.set(proposal.key, { id: row.id, eventId: row.eventId, status: "ACCEPTED" });
      const fresh = proposal.mentions.filter((m) => !row!.fingerprints.has(mentionFingerprint(m)));
      if (fresh.length) {
        const followUp = { ...proposal, key: `${proposal.key}+${fresh.map((m) => m.mentionKey).sort()[0]}`, mentions: fresh, eventId: row.eventId };
        const other =
          (await keyed(followUp.key)) ??
          existing.find((e) => !matched.has(e.id) && e.status !== "ACCEPTED" && fresh.some((m) => e.fingerprints.has(mentionFingerprint(m))));
        if (other) matched.add(other.id);
        if (other?.status !== "DISMISSED") await writeProposal(tx, creates, other, followUp, row.eventId, revisions);
      }
    }
  }
  if (creates.staleMentionIds.length) await tx.eventProposalMention.deleteMany({ where: { id: { in: creates.staleMentionIds } } });
  if (creates.proposals.length) await tx.eventProposal.createMany({ data: creates.proposals });
  if (creates.mentions.length) await tx.eventProposalMention.createMany({ data: creates.mentions });
  const withdrawn = existing.filter((e) => !matched.has(e.id) && e.status === "OPEN").map((e) => e.id);
  if (withdrawn.length) await tx.eventProposal.updateMany({ where: { id: { in: withdrawn } }, data: { status: "WITHDRAWN", version: { increment: 1 } } });

  await storeClaims(tx, articleIds, revisions, proposals, rowOfProposal);
  await storeCandidates(tx, articleIds, proposals.contradictions, proposals, rowOfProposal);
}

async function storeClaims(
  tx: Tx,
  articleIds: Set<string>,
  revisions: ReadonlyMap<string, string>,
  proposals: Proposals,
  rowOfProposal: ReadonlyMap<string, { id: string; eventId: string | null }>,
): Promise<void> {
  const produced = new Set<string>();
  const stored = new Map(
    (
      await tx.claimProposal.findMany({
        where: { fingerprint: { in: proposals.claims.map(claimFingerprint) } },
        select: { fingerprint: true, status: true, revisionId: true, start: true, eventProposalId: true, eventId: true, label: true },
      })
    ).map((r) => [r.fingerprint, r]),
  );
  const created: Prisma.ClaimProposalCreateManyInput[] = [];
  for (const claim of proposals.claims) {
    const fingerprint = claimFingerprint(claim);
    if (produced.has(fingerprint)) continue;
    produced.add(fingerprint);
    const subject = rowOfProposal.get(claim.proposalKey);
    const [quote, position] = claim.annotation.selector;
    const anchor = {
      revisionId: revisions.get(claim.articleId) ?? "",
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
    };
    const fields = {
      eventProposalId: subject?.id ?? null,
      eventId: subject?.eventId ?? claim.eventId,
      attribute: claim.attribute,
      value: claim.value as object,
      label: claim.label,
      speaker: claim.speaker ? (claim.speaker as object) : undefined,
    };
    const current = stored.get(fingerprint);
    if (!current) created.push({ fingerprint, articleId: claim.articleId, ...anchor, ...fields });
    else if (current.status === "OPEN" || current.status === "WITHDRAWN") {
      const same =
        current.status === "OPEN" &&
        current.revisionId === anchor.revisionId &&
        current.start === anchor.start &&
        current.eventProposalId === fields.eventProposalId &&
        current.eventId === fields.eventId;
      if (!same) await tx.claimProposal.update({ where: { fingerprint }, data: { ...anchor, ...fields, status: "OPEN" } });
    } else if (current.revisionId !== anchor.revisionId || current.start !== anchor.start)
      await tx.claimProposal.update({ where: { fingerprint }, data: anchor });
  }
  if (created.length) await tx.claimProposal.createMany({ data: created });
  await tx.claimProposal.updateMany({
    where: { articleId: { in: [...articleIds] }, status: "OPEN", fingerprint: { notIn: [...produced] } },
    data: { status: "WITHDRAWN" },
  });
}

async function storeCandidates(
  tx: Tx,
  articleIds: Set<string>,
  candidates: ContradictionCandidate[],
  proposals: Proposals,
  rowOfProposal: ReadonlyMap<string, { id: string; eventId: string | null }>,
): Promise<void> {
  const claimByKey = new Map(proposals.claims.map((c) => [c.key, c]));
  const claimRows = new Map(
    (await tx.claimProposal.findMany({ where: { fingerprint: { in: proposals.claims.map(claimFingerprint) } }, select: { id: true, fingerprint: true } })).map(
      (r) => [r.fingerprint, r.id],
    ),
  );
  const produced = new Set<string>();
  const sideKey = (key: string) => {
    const claim = claimByKey.get(key);
    return claim ? claimFingerprint(claim) : key;
  };
  const stored = new Map(
    (
      await tx.contradictionCandidate.findMany({
        where: { fingerprint: { in: candidates.map((c) => candidateFingerprint(c, sideKey)) } },
        select: { fingerprint: true, status: true, sideA: true, sideB: true, eventProposalId: true, eventId: true, reason: true },
      })
    ).map((r) => [r.fingerprint, r]),
  );
  const created: Prisma.ContradictionCandidateCreateManyInput[] = [];
  for (const candidate of candidates) {
    const side = (s: ContradictionCandidate["a"]) => {
      const claim = s.accepted ? undefined : claimByKey.get(s.claimKey);
      return {
        ...s,
        claimProposalId: claim ? (claimRows.get(claimFingerprint(claim)) ?? null) : null,
        claimId: s.accepted ? s.claimKey : null,
        annotation: claim?.annotation ?? null,
      };
    };
    const [a, b] = [side(candidate.a), side(candidate.b)];
    const fingerprint = candidateFingerprint(candidate, sideKey);
    if (produced.has(fingerprint)) continue;
    produced.add(fingerprint);
    const subject = rowOfProposal.get(candidate.proposalKey);
    const fields = {
      attribute: candidate.attribute,
      reason: candidate.reason,
      eventProposalId: subject?.id ?? null,
      eventId: subject?.eventId ?? candidate.eventId,
      sideA: a as object,
      sideB: b as object,
      articleIds: [...new Set([a.articleId, b.articleId])],
    };
    const current = stored.get(fingerprint);
    if (!current) created.push({ fingerprint, ...fields });
    else if (
      current.status === "WITHDRAWN" ||
      (current.status === "SUGGESTED" &&
        canonical([current.sideA, current.sideB, current.eventProposalId, current.eventId, current.reason]) !==
          canonical([a, b, fields.eventProposalId, fields.eventId, fields.reason]))
    ) {
      await tx.contradictionCandidate.update({ where: { fingerprint }, data: { ...fields, status: "SUGGESTED" } });
    }
  }
  if (created.length) await tx.contradictionCandidate.createMany({ data: created });
  await tx.contradictionCandidate.updateMany({
    where: { articleIds: { hasSome: [...articleIds] }, status: "SUGGESTED", fingerprint: { notIn: [...produced] } },
    data: { status: "WITHDRAWN" },
  });
}
