import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/long-transaction";
import { jsonDocument } from "@/lib/db/json-document";
import { runTask } from "@/lib/workers/pool";
import type { RegistrySnapshot } from "@/lib/workers/tasks";
import { textPieces } from "./name-candidates";
import { loadRegistrySnapshot, registryFingerprint, runRegistryTask } from "./registry-snapshot";
import type { PlannedSuggestion } from "./suggestion-plan";

// ─────────────────────────── computing suggestions ───────────────────────────

/**
 * A registry snapshot shared by the articles of one pass, reloaded when the registry changed
 * under it. `background`: a job's pass, whose work on the worker thread waits for what someone waits for.
 */
type ContextHolder = { context: RegistrySnapshot; background: boolean };

/** Beyond this the thread is stopped and the article keeps its earlier suggestions (the error is logged). */
const PLAN_TIME_LIMIT_MS = 60_000;
/** Texts longer than this are planned piece by piece (cut between paragraphs), each piece a task of its own: a parse someone waits for waits at most for one piece. */
const PLAN_PIECE_CHARS = 50_000;

/**
 * The planned suggestions of each text, computed on the worker thread (lib/workers) so that
 * matching and name finding never hold up requests. A long text goes in pieces; a name is then
 * grouped within its piece only, which articles of news length never notice.
 */
async function planOffThread(registry: RegistrySnapshot, texts: string[], background: boolean): Promise<PlannedSuggestion[][]> {
  const limits = { timeoutMs: PLAN_TIME_LIMIT_MS, background };
  if (texts.every((text) => text.length <= PLAN_PIECE_CHARS)) return planTask(registry, texts, limits);
  const plans: PlannedSuggestion[][] = [];
  for (const text of texts) {
    const planned: PlannedSuggestion[] = [];
    for (const piece of textPieces(text, PLAN_PIECE_CHARS)) {
      const [part] = await planTask(registry, [text.slice(piece.start, piece.end)], limits);
      // A loop, not push(...): a text of nothing but names plans more suggestions than a call takes arguments.
      for (const p of part) planned.push({ ...p, start: p.start + piece.start, end: p.end + piece.start });
    }
    plans.push(planned);
  }
  return plans;
}

function planTask(registry: RegistrySnapshot, texts: string[], limits: { timeoutMs: number; background: boolean }): Promise<PlannedSuggestion[][]> {
  return runRegistryTask("planSuggestions", registry, { texts }, limits);
}

/**
 * Recomputes the mention suggestions of the article's current revision: known entities by
 * name and alias (ambiguous when an alias belongs to several), and proposed new entities.
 * Accepted and dismissed suggestions are kept and not suggested again.
 */
export async function refreshArticleSuggestions(articleId: string): Promise<void> {
  await refreshBatch([articleId], { context: await loadRegistrySnapshot(), background: false });
}

/** Articles written in one transaction: large enough to save round trips, small enough to keep locks short. */
const WRITE_BATCH = 50;

/**
 * The same for many articles (the importer's path), in batches. A failure never undoes an
 * import: a batch that fails is retried article by article, and an article that still fails
 * is logged while the others go on.
 */
export async function refreshSuggestionsFor(articleIds: readonly string[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  const holder: ContextHolder = { context: await loadRegistrySnapshot(), background: true };
  for (let at = 0; at < ids.length; at += WRITE_BATCH) await refreshIsolated(ids.slice(at, at + WRITE_BATCH), holder);
}

async function refreshIsolated(articleIds: readonly string[], holder: ContextHolder): Promise<void> {
  try {
    await refreshBatch(articleIds, holder);
  } catch {
    for (const articleId of articleIds) {
      await refreshBatch([articleId], holder).catch((error) => console.error(`Refreshing entity suggestions for article ${articleId} failed:`, error));
    }
  }
}

const MAX_ATTEMPTS = 3;

async function refreshBatch(articleIds: readonly string[], holder: ContextHolder): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const articles = await db.article.findMany({
      where: { id: { in: [...articleIds] } },
      select: { id: true, currentRevision: { select: { id: true, text: true } } },
    });
    const { context } = holder;
    const withText = articles.flatMap(({ id, currentRevision: revision }) =>
      revision ? [{ articleId: id, revisionId: revision.id, text: revision.text }] : [],
    );
    if (withText.length === 0) return;
    const planned = await planOffThread(
      context,
      withText.map((article) => article.text),
      holder.background,
    );
    const plans = withText.map((article, i) => ({ articleId: article.articleId, revisionId: article.revisionId, planned: planned[i] }));
    const outcome = await db.$transaction(async (tx) => {
      // One order for everyone, so two refreshes of overlapping batches cannot deadlock; one
      // statement for the batch (a round trip per article cost an import some 3 ms an article).
      const keys = plans.map((p) => `suggestions:${p.articleId}`).sort((a, b) => a.localeCompare(b));
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS l(k, n) ORDER BY n`;
      // Written from an older registry, the plan could undo what a newer refresh just wrote.
      if ((await registryFingerprint(tx)) !== context.fingerprint) return "stale";
      const current = await tx.article.findMany({ where: { id: { in: plans.map((p) => p.articleId) } }, select: { id: true, currentRevisionId: true } });
      const currentRevision = new Map(current.map((a) => [a.id, a.currentRevisionId]));
      // A newer revision that arrived while the text was being matched gets its own refresh.
      await writeSuggestions(
        tx,
        plans.filter((p) => currentRevision.get(p.articleId) === p.revisionId),
        holder.background,
      );
      return "done";
    }, LONG_TRANSACTION);
    if (outcome === "done" || attempt === MAX_ATTEMPTS) return;
    holder.context = await loadRegistrySnapshot();
  }
}

type ArticlePlan = { articleId: string; revisionId: string; planned: PlannedSuggestion[] };

async function writeSuggestions(tx: Tx, plans: ArticlePlan[], background: boolean): Promise<void> {
  if (plans.length === 0) return;
  const revisionIds = plans.map((p) => p.revisionId);
  await tx.mentionSuggestion.deleteMany({
    where: { articleId: { in: plans.map((p) => p.articleId) }, status: "OPEN", revisionId: { notIn: revisionIds } },
  });
  const stored = await tx.mentionSuggestion.findMany({
    where: { revisionId: { in: revisionIds } },
    select: { id: true, revisionId: true, entityId: true, proposedName: true, start: true, end: true, ambiguous: true, status: true },
  });
  const storedByRevision = new Map<string, typeof stored>();
  for (const row of stored) {
    const rows = storedByRevision.get(row.revisionId);
    if (rows) rows.push(row);
    else storedByRevision.set(row.revisionId, [row]);
  }
  const linked = await linkedSpans(
    tx,
    plans.map((p) => p.articleId),
    revisionIds,
  );
  // On the worker thread too: a very long article's thousands of suggestions take a while to compare.
  const diffs = await runTask(
    "diffSuggestions",
    plans.map(({ revisionId, planned }) => ({ stored: storedByRevision.get(revisionId) ?? [], planned, linkedSpans: [...(linked.get(revisionId) ?? [])] })),
    { timeoutMs: PLAN_TIME_LIMIT_MS, background },
  );
  const remove: string[] = [];
  const create: (PlannedSuggestion & { articleId: string; revisionId: string })[] = [];
  for (const [i, { articleId, revisionId }] of plans.entries()) {
    const changes = diffs[i];
    for (const r of changes.remove) remove.push(r);
    for (const p of changes.create) create.push({ ...p, articleId, revisionId });
    for (const u of changes.update) await tx.mentionSuggestion.update({ where: { id: u.id }, data: { ambiguous: u.ambiguous } });
  }
  if (remove.length) await tx.mentionSuggestion.deleteMany({ where: { id: { in: remove } } });
  if (create.length) await insertSuggestions(tx, create);
}

/**
 * One JSON document for the whole batch: the client's multi-row insert of thousands of
 * suggestions costs seconds to build, PostgreSQL unpacks the JSON in milliseconds.
 */
async function insertSuggestions(tx: Tx, rows: (PlannedSuggestion & { articleId: string; revisionId: string })[]): Promise<void> {
  // A very long article has tens of thousands: written a slice at a time, so no single step holds up other requests.
  for (let at = 0; at < rows.length; at += INSERT_SLICE) await insertSlice(tx, rows.slice(at, at + INSERT_SLICE));
}

const INSERT_SLICE = 2_000;

/**
 * The conflict named is the only one a new row can meet: left unnamed, PostgreSQL probes every
 * unique index before each row, the random id's and the empty annotation's too (some 10 % of the
 * statement, the largest of an import's writes).
 */
async function insertSlice(tx: Tx, rows: (PlannedSuggestion & { articleId: string; revisionId: string })[]): Promise<void> {
  const json = jsonDocument(JSON.stringify(rows.map((row) => ({ id: randomUUID(), ...row }))));
  await tx.$executeRaw`
    INSERT INTO "MentionSuggestion" ("id", "articleId", "revisionId", "entityId", "proposedName", "proposedType", "exact", "start", "end", "ambiguous")
    SELECT r."id", r."articleId", r."revisionId", r."entityId", r."proposedName", r."proposedType", r."exact", r."start", r."end", r."ambiguous"
    FROM jsonb_to_recordset(${json}) AS r(
      "id" text, "articleId" text, "revisionId" text, "entityId" text, "proposedName" text, "proposedType" "EntityType",
      "exact" text, "start" int, "end" int, "ambiguous" boolean)
    ON CONFLICT ("revisionId", "start", "end", "entityId") DO NOTHING`;
}

/** Per revision, `${start}:${end}:${entityId}` of passages already annotated and linked to an entity. */
async function linkedSpans(tx: Tx, articleIds: string[], revisionIds: string[]): Promise<Map<string, Set<string>>> {
  const links = await tx.link.findMany({
    // Annotations are indexed by article, not by revision.
    where: { entityId: { not: null }, annotation: { articleId: { in: articleIds }, revisionId: { in: revisionIds }, deletedAt: null } },
    select: { entityId: true, annotation: { select: { revisionId: true, start: true, end: true } } },
  });
  const byRevision = new Map<string, Set<string>>();
  for (const { entityId, annotation } of links) {
    const spans = byRevision.get(annotation.revisionId) ?? new Set<string>();
    spans.add(`${annotation.start}:${annotation.end}:${entityId}`);
    byRevision.set(annotation.revisionId, spans);
  }
  return byRevision;
}

// ─────────────────────────── a pass over all articles ───────────────────────────

const BATCH_SIZE = 20;

/** Every article's suggestions against the current registry (a queued job after an entity changed, lib/entities/suggestion-jobs.ts). */
export async function refreshAllArticles(): Promise<void> {
  const holder: ContextHolder = { context: await loadRegistrySnapshot(), background: true };
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.article.findMany({
      where: { currentRevisionId: { not: null } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (batch.length === 0) return;
    await refreshIsolated(
      batch.map((a) => a.id),
      holder,
    );
    cursor = batch[batch.length - 1].id;
  }
}
