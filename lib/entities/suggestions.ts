import "server-only";
import { createAnnotation, deleteAnnotation } from "@/lib/annotations/mutations";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { normalizeName } from "./match";
import { canLinkPassages, canReadEntities } from "./permissions";
import type { AcceptSuggestionData, EntityTypeName } from "./schemas";
import { requestSuggestionRefresh } from "./suggestion-jobs";
import { refreshArticleSuggestions } from "./suggestion-refresh";
import type { EntityRef } from "./types";

// ─────────────────────────── reading ───────────────────────────

export type SuggestionView = {
  id: string;
  entity: EntityRef | null;
  proposedName: string | null;
  proposedType: EntityTypeName | null;
  exact: string;
  start: number;
  end: number;
  ambiguous: boolean;
  status: "OPEN" | "ACCEPTED" | "DISMISSED";
  annotationId: string | null;
  /** A few words either side, so the editor can judge the mention without the article open. */
  before: string;
  after: string;
};

const CONTEXT_CHARS = 50;

/** The suggestions of the article's current revision, in text order; open ones only unless `all`. */
export async function listArticleSuggestions(
  actor: Actor,
  articleId: string,
  options: { all?: boolean } = {},
): Promise<{ articleId: string; revisionId: string | null; suggestions: SuggestionView[] }> {
  if (!canReadEntities(actor)) throw new ForbiddenError("Sign in to read suggestions.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, currentRevision: { select: { id: true, text: true } } } });
  if (!article) throw new NotFoundError("The article");
  const revision = article.currentRevision;
  if (!revision) return { articleId, revisionId: null, suggestions: [] };
  const rows = await db.mentionSuggestion.findMany({
    where: { revisionId: revision.id, ...(options.all ? {} : { status: "OPEN" }) },
    include: { entity: { select: { id: true, name: true, type: true } } },
    orderBy: [{ start: "asc" }, { end: "asc" }],
  });
  const { text } = revision;
  return {
    articleId,
    revisionId: revision.id,
    suggestions: rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      proposedName: r.proposedName,
      proposedType: r.proposedType,
      exact: r.exact,
      start: r.start,
      end: r.end,
      ambiguous: r.ambiguous,
      status: r.status,
      annotationId: r.annotationId,
      before: text.slice(Math.max(0, r.start - CONTEXT_CHARS), r.start),
      after: text.slice(r.end, r.end + CONTEXT_CHARS),
    })),
  };
}

// ─────────────────────────── accepting and dismissing ───────────────────────────

function assertLinker(actor: Actor | null): asserts actor is Actor {
  if (!canLinkPassages(actor)) throw new ForbiddenError("Only editors and admins accept or dismiss suggestions.");
}

type Claim = {
  id: string;
  articleId: string;
  start: number;
  end: number;
  exact: string;
  entityId: string;
  /** The entity created for a proposal, removed again if accepting fails. */
  createdEntityId: string | null;
  /** Other readings of an ambiguous span, dismissed by accepting this one. */
  siblingIds: string[];
};

/**
 * Accepts a suggestion in one action: creates an annotation of kind "mention" on the passage
 * and links it to the entity (MENTIONS). A mention is a link, not a statement: it is stored
 * link-only, outside the review queue and the citation picker, until an editor sends it for review. For a proposed new entity the entity is created
 * first (or the existing one of that name and type is used); `input` may correct its name
 * and type. Accepting one reading of an ambiguous span dismisses the others.
 */
export async function acceptSuggestion(
  actor: Actor,
  id: string,
  data: AcceptSuggestionData = {},
): Promise<{ suggestionId: string; annotationId: string; entityId: string; linkId: string }> {
  assertLinker(actor);
  const claim = await claimSuggestion(actor, id, data);
  let annotationId: string;
  try {
    ({ id: annotationId } = await createAnnotation(
      actor,
      { articleId: claim.articleId, kind: "mention", start: claim.start, end: claim.end, exact: claim.exact },
      { linkOnly: true },
    ));
  } catch (error) {
    await releaseClaim(actor, claim);
    throw error;
  }
  let linkId: string;
  try {
    linkId = await db.$transaction(async (tx) => {
      const link = await tx.link.create({
        data: { annotationId, targetType: "ENTITY", entityId: claim.entityId, relation: "MENTIONS", createdById: actor.id },
      });
      await tx.mentionSuggestion.update({ where: { id }, data: { annotationId } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "suggestion.accept",
        targetType: "MentionSuggestion",
        targetId: id,
        detail: { articleId: claim.articleId, entityId: claim.entityId, annotationId, linkId: link.id },
      });
      return link.id;
    });
  } catch (error) {
    await deleteAnnotation(actor, annotationId).catch((cleanup) => console.error("Removing the annotation of a failed accept failed:", cleanup));
    await releaseClaim(actor, claim);
    throw error;
  }
  // The new entity's other occurrences become known-entity suggestions here at once, elsewhere by the queued pass.
  if (claim.createdEntityId) await refreshArticleSuggestions(claim.articleId);
  return { suggestionId: id, annotationId, entityId: claim.entityId, linkId };
}

async function claimSuggestion(actor: Actor, id: string, data: { name?: string; type?: EntityTypeName }): Promise<Claim> {
  return db.$transaction(async (tx) => {
    const s = await tx.mentionSuggestion.findUnique({ where: { id }, include: { article: { select: { currentRevisionId: true } } } });
    if (!s) throw new NotFoundError("The suggestion");
    if (s.status !== "OPEN")
      throw new ConflictError(`This suggestion was already ${s.status === "ACCEPTED" ? "accepted" : "dismissed"}.`, { status: s.status });
    if (s.revisionId !== s.article.currentRevisionId)
      throw new ConflictError("The article has a newer text since this suggestion was made; reload the suggestions.");
    let entityId = s.entityId;
    let createdEntityId: string | null = null;
    if (entityId) {
      const entity = await tx.entity.findUnique({ where: { id: entityId }, select: { deletedAt: true, mergedIntoId: true } });
      if (!entity || entity.deletedAt || entity.mergedIntoId) throw new ValidationError("The suggested entity no longer exists; reload the suggestions.");
    } else {
      ({ entityId, createdEntityId } = await entityForProposal(tx, actor, {
        name: data.name ?? s.proposedName ?? s.exact,
        type: data.type ?? s.proposedType ?? "OTHER",
      }));
      // The same span may already be suggested for that (existing) entity.
      await tx.mentionSuggestion.deleteMany({ where: { revisionId: s.revisionId, start: s.start, end: s.end, entityId, status: "OPEN" } });
    }
    const { count } = await tx.mentionSuggestion.updateMany({ where: { id, status: "OPEN" }, data: { status: "ACCEPTED", entityId } });
    if (count === 0) throw new ConflictError("This suggestion was just decided by someone else.");
    const siblings = s.ambiguous
      ? await tx.mentionSuggestion.findMany({
          where: { revisionId: s.revisionId, start: s.start, end: s.end, status: "OPEN", id: { not: id } },
          select: { id: true },
        })
      : [];
    if (siblings.length) await tx.mentionSuggestion.updateMany({ where: { id: { in: siblings.map((x) => x.id) } }, data: { status: "DISMISSED" } });
    return { id, articleId: s.articleId, start: s.start, end: s.end, exact: s.exact, entityId, createdEntityId, siblingIds: siblings.map((x) => x.id) };
  });
}

async function entityForProposal(tx: Tx, actor: Actor, proposal: { name: string; type: EntityTypeName }) {
  const normalizedName = normalizeName(proposal.name);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`entity:${proposal.type}:${normalizedName}`}))`;
  const existing = await tx.entity.findFirst({ where: { type: proposal.type, normalizedName, deletedAt: null, mergedIntoId: null }, select: { id: true } });
  if (existing) return { entityId: existing.id, createdEntityId: null };
  const entity = await tx.entity.create({ data: { type: proposal.type, name: proposal.name, normalizedName } });
  await requestSuggestionRefresh(tx, [entity.id]);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "entity.create",
    targetType: "Entity",
    targetId: entity.id,
    detail: { type: proposal.type, name: proposal.name, fromSuggestion: true },
  });
  return { entityId: entity.id, createdEntityId: entity.id };
}

/** Undoes a claim whose annotation or link could not be written: nothing stays half-done. */
async function releaseClaim(actor: Actor, claim: Claim): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.mentionSuggestion.update({
      where: { id: claim.id },
      data: { status: "OPEN", ...(claim.createdEntityId ? { entityId: null } : {}) },
    });
    if (claim.siblingIds.length) await tx.mentionSuggestion.updateMany({ where: { id: { in: claim.siblingIds } }, data: { status: "OPEN" } });
    if (claim.createdEntityId) {
      await tx.entity.delete({ where: { id: claim.createdEntityId } });
      await recordAudit(tx, { actorId: actor.id, action: "entity.create.rollback", targetType: "Entity", targetId: claim.createdEntityId });
    }
  });
}

/**
 * Dismisses a suggestion; it is not suggested again. Dismissing a proposed new entity
 * dismisses all its occurrences in the article; dismissing an ambiguous span dismisses
 * every reading of it.
 */
export async function dismissSuggestion(actor: Actor, id: string): Promise<{ dismissed: number }> {
  assertLinker(actor);
  return db.$transaction(async (tx) => {
    const s = await tx.mentionSuggestion.findUnique({ where: { id } });
    if (!s) throw new NotFoundError("The suggestion");
    if (s.status !== "OPEN")
      throw new ConflictError(`This suggestion was already ${s.status === "ACCEPTED" ? "accepted" : "dismissed"}.`, { status: s.status });
    const together = s.entityId
      ? s.ambiguous
        ? { revisionId: s.revisionId, start: s.start, end: s.end }
        : { id }
      : { revisionId: s.revisionId, entityId: null, proposedName: s.proposedName };
    const { count } = await tx.mentionSuggestion.updateMany({ where: { ...together, status: "OPEN" }, data: { status: "DISMISSED" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "suggestion.dismiss",
      targetType: "MentionSuggestion",
      targetId: id,
      detail: { articleId: s.articleId, entityId: s.entityId, proposedName: s.proposedName, count },
    });
    return { dismissed: count };
  });
}

/** Accepts every open, unambiguous suggestion of one entity in the article, one after another. */
export async function acceptEntitySuggestions(actor: Actor, articleId: string, entityId: string): Promise<{ accepted: number }> {
  assertLinker(actor);
  const open = await db.mentionSuggestion.findMany({
    where: { articleId, entityId, status: "OPEN", ambiguous: false, revision: { currentOf: { id: articleId } } },
    select: { id: true },
    orderBy: { start: "asc" },
  });
  for (const s of open) await acceptSuggestion(actor, s.id);
  return { accepted: open.length };
}
