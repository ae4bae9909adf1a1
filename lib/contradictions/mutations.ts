import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { compareValues } from "./claim-values";
import { CLEARED_RESOLUTION, distinctSummary, NEW_SOURCE_ACTION, readClaimValue } from "./detection";
import { canFlagContradiction, canReopenContradiction, canResolveContradiction, canSignOffContradictions } from "./permissions";
import {
  type ContradictionStatus,
  type CreateContradictionData,
  type KeepResolutionData,
  type ReopenContradictionData,
  type ResolveContradictionData,
  type SignOffContradictionData,
  toApiName,
  UNSETTLED_STATUSES,
} from "./schemas";
import { checkStep, type ContradictionStep } from "./state-machine";

/**
 * Flags a contradiction by hand between two or more passages, for disagreements no value
 * captures. Passages come from at least two articles, unless flagged as an internal
 * inconsistency of one article.
 */
export async function createContradiction(actor: Actor, data: CreateContradictionData): Promise<{ id: string }> {
  if (!canFlagContradiction(actor)) throw new ForbiddenError("Only editors and admins flag contradictions.");
  const annotationIds = [...new Set(data.annotationIds)];
  if (annotationIds.length < 2) throw new ValidationError("annotationIds: A contradiction is between at least two different passages.");
  return db.$transaction(async (tx) => {
    const annotations = await tx.annotation.findMany({
      where: { id: { in: annotationIds }, deletedAt: null },
      select: { id: true, articleId: true, claim: { select: { eventId: true, entityId: true, attribute: true } } },
    });
    const missing = annotationIds.filter((id) => !annotations.some((a) => a.id === id));
    if (missing.length > 0) throw new ValidationError(`annotationIds: No such passage: ${missing.join(", ")}.`);
    const articles = new Set(annotations.map((a) => a.articleId)).size;
    if (articles === 1 && !data.internal) {
      throw new ValidationError(
        "annotationIds: All passages are from one article. Choose passages from another article, or flag it as an internal inconsistency.",
      );
    }
    if (articles > 1 && data.internal)
      throw new ValidationError("internal: An internal inconsistency is between passages of one article; these come from several.");
    await checkSubject(tx, data);
    const duplicate = await tx.contradiction.findFirst({
      where: { status: { in: [...UNSETTLED_STATUSES] }, AND: annotationIds.map((annotationId) => ({ members: { some: { annotationId } } })) },
      select: { id: true },
    });
    if (duplicate) throw new ConflictError("These passages are already in an unresolved contradiction.", { contradictionId: duplicate.id });

    // Without a stated subject, passages whose claims share one are about it.
    const claims = annotations.map((a) => a.claim);
    const shared = claims.every((c) => c && c.eventId === claims[0]?.eventId && c.entityId === claims[0]?.entityId) ? claims[0] : null;
    const subject =
      data.eventId || data.entityId
        ? { eventId: data.eventId ?? null, entityId: data.entityId ?? null }
        : { eventId: shared?.eventId ?? null, entityId: shared?.entityId ?? null };
    const sameAttribute = claims.every((c) => c && c.attribute === claims[0]?.attribute) ? (claims[0]?.attribute ?? null) : null;

    const contradiction = await tx.contradiction.create({
      data: {
        summary: await distinctSummary(tx, data.summary),
        internal: data.internal,
        attribute: data.attribute ?? sameAttribute,
        ...subject,
        createdById: actor.id,
        members: { create: annotationIds.map((annotationId) => ({ annotationId })) },
        history: { create: { actorId: actor.id, action: "flagged", toStatus: "OPEN", rationale: data.summary, detail: { annotationIds } } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contradiction.flag",
      targetType: "Contradiction",
      targetId: contradiction.id,
      detail: { annotationIds, internal: data.internal },
    });
    return contradiction;
  });
}

async function checkSubject(tx: Tx, data: { eventId?: string; entityId?: string }): Promise<void> {
  if (data.eventId && data.entityId) throw new ValidationError("eventId: A contradiction is about one subject: an event or an entity.");
  if (data.eventId && !(await tx.event.findUnique({ where: { id: data.eventId, deletedAt: null }, select: { id: true } }))) {
    throw new ValidationError("eventId: That event does not exist.");
  }
  if (data.entityId && !(await tx.entity.findUnique({ where: { id: data.entityId, deletedAt: null }, select: { id: true } }))) {
    throw new ValidationError("entityId: That entity does not exist.");
  }
}

const stateSelect = {
  id: true,
  status: true,
  version: true,
  resolution: true,
  acceptedClaimId: true,
  rationale: true,
  resolvedById: true,
  resolvedAt: true,
  signedOffAt: true,
  resolvedBy: { select: { id: true, name: true } },
  signedOffBy: { select: { id: true, name: true } },
} satisfies Prisma.ContradictionSelect;

type StateRow = Prisma.ContradictionGetPayload<{ select: typeof stateSelect }>;

/** The state a refused client is shown, so it can tell what changed. */
export function contradictionState(row: StateRow) {
  return {
    id: row.id,
    status: toApiName(row.status),
    version: row.version,
    resolution: row.resolution ? toApiName(row.resolution) : null,
    acceptedClaimId: row.acceptedClaimId,
    rationale: row.rationale,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    signedOffBy: row.signedOffBy,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
  };
}

export type ContradictionState = ReturnType<typeof contradictionState>;

async function loadState(tx: Tx, id: string): Promise<StateRow> {
  const row = await tx.contradiction.findUnique({ where: { id }, select: stateSelect });
  if (!row) throw new NotFoundError("The contradiction");
  return row;
}

const STALE_MESSAGE = "Someone changed this contradiction since you opened it. Review its current state before trying again.";

/**
 * Checks the version the client started from and the step, then writes only if the row is
 * still at that version: of two concurrent writers the second matches nothing and gets a
 * 409 with the current state, never a silent overwrite.
 */
async function step(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  stepName: ContradictionStep,
  write: (to: ContradictionStatus) => Prisma.ContradictionUncheckedUpdateManyInput,
): Promise<{ from: ContradictionStatus; to: ContradictionStatus }> {
  const row = await loadState(tx, id);
  if (row.version !== version) throw new StaleVersionError(STALE_MESSAGE, { current: contradictionState(row) });
  const check = checkStep(row, stepName, actor.id);
  if (!check.ok) {
    if (check.reason === "own_resolution") throw new ForbiddenError(check.message);
    throw new ConflictError(check.message, { current: contradictionState(row) });
  }
  const { count } = await tx.contradiction.updateMany({
    where: { id, version, status: row.status },
    data: { ...write(check.to), status: check.to, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersionError(STALE_MESSAGE, { current: contradictionState(await loadState(tx, id)) });
  return { from: row.status, to: check.to };
}

/**
 * Resolves an open contradiction: accept one member's value, keep both and disclose the
 * disagreement, or find it is not a contradiction; always with a rationale. Evidence
 * passages may be attached. It then awaits an analyst's sign-off.
 */
export async function resolveContradiction(actor: Actor, id: string, data: ResolveContradictionData): Promise<ContradictionState> {
  if (!canResolveContradiction(actor)) throw new ForbiddenError("Only editors and admins resolve contradictions.");
  return db.$transaction(async (tx) => {
    const { from, to } = await step(tx, actor, id, data.version, { action: "resolve" }, () => ({
      resolution: data.resolution,
      acceptedClaimId: data.acceptedClaimId ?? null,
      rationale: data.rationale,
      resolvedById: actor.id,
      resolvedAt: new Date(),
      signedOffById: null,
      signedOffAt: null,
    }));
    // Checked after the step so that a missing or moved-on contradiction answers first; a throw here rolls the step back.
    if (data.acceptedClaimId) {
      const accepted = await tx.claim.findFirst({
        where: { id: data.acceptedClaimId, annotation: { deletedAt: null, contradictionMembers: { some: { contradictionId: id } } } },
        select: { id: true },
      });
      if (!accepted) throw new ValidationError("acceptedClaimId: The accepted value must be the claim of one of this contradiction's passages.");
    }
    const evidenceIds = [...new Set(data.evidenceAnnotationIds)];
    if (evidenceIds.length > 0) {
      const found = await tx.annotation.count({ where: { id: { in: evidenceIds }, deletedAt: null } });
      if (found !== evidenceIds.length) throw new ValidationError("evidenceAnnotationIds: Every evidence passage must be an existing annotation.");
    }
    await tx.contradictionEvidence.createMany({ data: evidenceIds.map((annotationId) => ({ contradictionId: id, annotationId })), skipDuplicates: true });
    const detail = { resolution: toApiName(data.resolution), acceptedClaimId: data.acceptedClaimId ?? null, evidenceAnnotationIds: evidenceIds };
    await tx.contradictionHistory.create({
      data: { contradictionId: id, actorId: actor.id, action: "resolved", fromStatus: from, toStatus: to, rationale: data.rationale, detail },
    });
    await recordAudit(tx, { actorId: actor.id, action: "contradiction.resolve", targetType: "Contradiction", targetId: id, detail });
    return contradictionState(await loadState(tx, id));
  });
}

/** An analyst who is not the resolver signs off the resolution, which settles the contradiction. */
export async function signOffContradiction(actor: Actor, id: string, data: SignOffContradictionData): Promise<ContradictionState> {
  if (!canSignOffContradictions(actor)) throw new ForbiddenError("Only analysts sign off resolutions.");
  return db.$transaction(async (tx) => {
    const { from, to } = await step(tx, actor, id, data.version, { action: "sign_off" }, () => ({ signedOffById: actor.id, signedOffAt: new Date() }));
    await tx.contradictionHistory.create({
      data: { contradictionId: id, actorId: actor.id, action: "signed_off", fromStatus: from, toStatus: to, rationale: data.comment || null },
    });
    await recordAudit(tx, { actorId: actor.id, action: "contradiction.signoff", targetType: "Contradiction", targetId: id, detail: { status: toApiName(to) } });
    return contradictionState(await loadState(tx, id));
  });
}

/** Sends a resolved (or awaiting sign-off) contradiction back to open, with the reason; the history keeps the earlier resolution. */
export async function reopenContradiction(actor: Actor, id: string, data: ReopenContradictionData): Promise<ContradictionState> {
  if (!canReopenContradiction(actor)) throw new ForbiddenError("Your role does not allow reopening contradictions.");
  return db.$transaction(async (tx) => {
    const { from, to } = await step(tx, actor, id, data.version, { action: "reopen" }, () => ({ ...CLEARED_RESOLUTION }));
    await tx.contradictionHistory.create({
      data: { contradictionId: id, actorId: actor.id, action: "reopened", fromStatus: from, toStatus: to, rationale: data.rationale },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contradiction.reopen",
      targetType: "Contradiction",
      targetId: id,
      detail: { fromStatus: toApiName(from) },
    });
    return contradictionState(await loadState(tx, id));
  });
}

/**
 * Answers "does the new source change this?" with no: the settled resolution stands. When the new
 * claim states the accepted value, its passage is kept as evidence for the accepted reading.
 */
export async function keepResolution(actor: Actor, id: string, data: KeepResolutionData): Promise<ContradictionState> {
  if (!canReopenContradiction(actor)) throw new ForbiddenError("Your role does not allow deciding on contradictions.");
  return db.$transaction(async (tx) => {
    const row = await tx.contradiction.findUnique({
      where: { id },
      select: {
        version: true,
        status: true,
        acceptedClaim: { select: { value: true } },
        history: { select: { action: true, detail: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
      },
    });
    if (!row) throw new NotFoundError("The contradiction");
    const last = row.history[0];
    if (!last || last.action !== NEW_SOURCE_ACTION) throw new ConflictError("No new source waits for a decision on this contradiction.");
    if (row.version !== data.version) throw new ConflictError("The contradiction changed since you opened it; read it again.");
    const claimIds = ((last.detail ?? {}) as { claimIds?: string[] }).claimIds ?? [];
    const newClaims = await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { annotationId: true, value: true } });
    const accepted = row.acceptedClaim ? readClaimValue(row.acceptedClaim.value) : null;
    const agreeing = accepted ? newClaims.filter((claim) => compareValues(readClaimValue(claim.value), accepted) === "identical") : [];
    await tx.contradictionEvidence.createMany({
      data: agreeing.map((claim) => ({ contradictionId: id, annotationId: claim.annotationId, note: "Another source for the accepted reading." })),
      skipDuplicates: true,
    });
    const { count } = await tx.contradiction.updateMany({ where: { id, version: data.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("The contradiction changed since you opened it; read it again.");
    await tx.contradictionHistory.create({
      data: {
        contradictionId: id,
        actorId: actor.id,
        action: "new_source_kept",
        fromStatus: row.status,
        toStatus: row.status,
        rationale: data.note ?? null,
        detail: { claimIds, evidenceAnnotationIds: agreeing.map((claim) => claim.annotationId) },
      },
    });
    await recordAudit(tx, { actorId: actor.id, action: "contradiction.keep-resolution", targetType: "Contradiction", targetId: id, detail: { claimIds } });
    return contradictionState(await loadState(tx, id));
  });
}
