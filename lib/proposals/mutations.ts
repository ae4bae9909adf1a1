import "server-only";
import { createAnnotation } from "@/lib/annotations/mutations";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { createClaim } from "@/lib/contradictions/claims";
import { createContradiction } from "@/lib/contradictions/mutations";
import { type CreateContradictionData, createClaimSchema, UNSETTLED_STATUSES } from "@/lib/contradictions/schemas";
import { db, type Tx } from "@/lib/db";
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { insertEvent } from "@/lib/events/mutations";
import type { CreateEventData } from "@/lib/events/schemas";
import { parseInput } from "@/lib/validation";
import { withClaimQuotes } from "./queries";
import { canDecideProposals } from "./permissions";
import type { AcceptClaimProposalData, AcceptEventProposalData } from "./schemas";
import type { StoredProposalData } from "./stored-proposal";

/**
 * Deciding on proposals. Accepting writes what an editor would have written by hand (an event,
 * passage annotations and their links, a claim), all unreviewed: a proposal never publishes
 * and never counts as reviewed. Every decision is remembered on the proposal, so a refresh
 * does not propose it again.
 */

function assertDecider(actor: Actor): void {
  if (!canDecideProposals(actor)) throw new ForbiddenError("Only editors and admins decide on proposals.");
}

const decided = (actor: Actor) => ({ decidedById: actor.id, decidedAt: new Date() });

/** Passages of a proposal are linked with this annotation kind (a built-in one). */
const PASSAGE_KIND = "mention";

async function refuseDecided(tx: Tx, id: string): Promise<never> {
  const row = await tx.eventProposal.findUnique({ where: { id }, select: { status: true, event: { select: { id: true, title: true } } } });
  if (!row) throw new NotFoundError("The event proposal");
  if (row.status === "ACCEPTED") throw new ConflictError("Someone accepted this proposal meanwhile.", { event: row.event });
  throw new ConflictError(`This proposal was ${row.status.toLowerCase()} meanwhile.`, { status: row.status.toLowerCase() });
}

/** The proposal's event as the editor corrected it: only registry entities become participants and place. */
async function eventInput(
  tx: Tx,
  proposal: StoredProposalData & { eventType: CreateEventData["type"]; title: string },
  edits: AcceptEventProposalData,
): Promise<CreateEventData> {
  const participantIds = [...new Set(proposal.participants.flatMap((p) => (p.entityId ? [p.entityId] : [])))];
  const proposedPlace = proposal.place?.entityId
    ? await tx.entity.findFirst({
        where: { id: proposal.place.entityId, deletedAt: null, mergedIntoId: null, type: { in: ["PLACE", "FACILITY"] } },
        select: { id: true },
      })
    : null;
  const live = await tx.entity.findMany({ where: { id: { in: participantIds }, deletedAt: null, mergedIntoId: null }, select: { id: true } });
  const proposedDate =
    proposal.localDate && proposal.precision ? { localDate: proposal.localDate, precision: proposal.precision, timeZone: proposal.timeZone } : null;
  return {
    type: edits.type ?? proposal.eventType,
    title: edits.title ?? proposal.title,
    description: null,
    date: edits.date !== undefined ? (edits.date ?? null) : proposedDate,
    placeId: edits.placeId !== undefined ? edits.placeId || null : (proposedPlace?.id ?? null),
    participants: edits.participants ?? live.map((e) => ({ entityId: e.id, role: "participant" })),
    relations: [],
    confirmDuplicate: false,
  };
}

/**
 * Accepts an event proposal: links its passages to the existing event it matches (or the one
 * named in `eventId`), else creates the event from the proposal and the editor's edits. Two
 * editors accepting at once: the second gets 409 with the event the first one made.
 */
export async function acceptEventProposal(actor: Actor, id: string, edits: AcceptEventProposalData = {}) {
  assertDecider(actor);
  return db.$transaction(async (tx) => {
    // The conditional update takes the row's lock: a concurrent accept waits, then finds it accepted.
    const claimed = await tx.eventProposal.updateMany({
      where: { id, status: "OPEN" },
      data: { status: "ACCEPTED", ...decided(actor), version: { increment: 1 } },
    });
    if (claimed.count === 0) await refuseDecided(tx, id);
    const row = await tx.eventProposal.findUniqueOrThrow({
      where: { id },
      select: {
        data: true,
        eventType: true,
        title: true,
        eventId: true,
        mentions: { select: { articleId: true, revisionId: true, exact: true, prefix: true, suffix: true, start: true, end: true } },
      },
    });
    const proposal = { ...(row.data as unknown as StoredProposalData), eventType: row.eventType, title: row.title };
    let eventId = edits.eventId ?? row.eventId;
    if (eventId) {
      const event = await tx.event.findUnique({ where: { id: eventId }, select: { deletedAt: true } });
      if (!event || event.deletedAt) throw new ValidationError("eventId: That event does not exist.");
    } else {
      const data = await eventInput(tx, proposal, edits);
      try {
        eventId = (await insertEvent(tx, actor, data)).id;
      } catch (error) {
        // The event exists already (same type, participants and date): link to it instead of duplicating it.
        const existing = error instanceof ConflictError ? (error.details as { existing?: { id: string } } | undefined)?.existing : undefined;
        if (!existing) throw error;
        eventId = existing.id;
      }
    }

    const current = new Map(
      (await tx.article.findMany({ where: { id: { in: row.mentions.map((m) => m.articleId) } }, select: { id: true, currentRevisionId: true } })).map((a) => [
        a.id,
        a.currentRevisionId,
      ]),
    );
    const annotationIds: string[] = [];
    for (const m of row.mentions) {
      if (current.get(m.articleId) !== m.revisionId) continue;
      const linked = await tx.annotation.findFirst({
        where: { articleId: m.articleId, start: m.start, end: m.end, deletedAt: null, links: { some: { eventId } } },
        select: { id: true },
      });
      if (linked) continue;
      const { id: annotationId } = await createAnnotation(
        actor,
        { articleId: m.articleId, kind: PASSAGE_KIND, start: m.start, end: m.end, exact: m.exact, prefix: m.prefix, suffix: m.suffix },
        { tx },
      );
      await tx.link.create({ data: { annotationId, targetType: "EVENT", eventId, relation: "DESCRIBES", createdById: actor.id } });
      annotationIds.push(annotationId);
    }
    await tx.eventProposal.update({ where: { id }, data: { eventId } });
    await tx.claimProposal.updateMany({ where: { eventProposalId: id }, data: { eventId } });
    await tx.contradictionCandidate.updateMany({ where: { eventProposalId: id }, data: { eventId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "proposal.event.accept",
      targetType: "EventProposal",
      targetId: id,
      detail: { eventId, annotationIds, edited: Object.keys(edits) },
    });
    return { id, eventId, annotationIds };
  });
}

export async function dismissEventProposal(actor: Actor, id: string) {
  assertDecider(actor);
  return db.$transaction(async (tx) => {
    const done = await tx.eventProposal.updateMany({
      where: { id, status: { in: ["OPEN", "WITHDRAWN"] } },
      data: { status: "DISMISSED", ...decided(actor), version: { increment: 1 } },
    });
    if (done.count === 0) {
      const row = await tx.eventProposal.findUnique({ where: { id }, select: { status: true } });
      if (row?.status !== "DISMISSED") await refuseDecided(tx, id);
    }
    await recordAudit(tx, { actorId: actor.id, action: "proposal.event.dismiss", targetType: "EventProposal", targetId: id });
    return { id, status: "dismissed" as const };
  });
}

async function claimProposalRow(id: string) {
  const row = await db.claimProposal.findUnique({
    where: { id },
    select: {
      status: true,
      articleId: true,
      eventId: true,
      attribute: true,
      value: true,
      revisionId: true,
      start: true,
      end: true,
      annotationId: true,
      claimId: true,
      eventProposal: { select: { status: true, eventId: true } },
    },
  });
  if (!row) throw new NotFoundError("The claim proposal");
  return (await withClaimQuotes([row]))[0];
}

/**
 * Accepts a claim proposal: creates the claim annotation and the claim in one step (unreviewed,
 * compared with the other sources as any claim is). The claim is about an event, so the event
 * proposal must have been accepted first (or the claim be about an existing event).
 */
export async function acceptClaimProposal(
  actor: Actor,
  id: string,
  edits: AcceptClaimProposalData = {},
): Promise<{ id: string; annotationId: string; claimId: string }> {
  assertDecider(actor);
  const row = await claimProposalRow(id);
  if (row.status === "ACCEPTED")
    throw new ConflictError("Someone accepted this claim proposal meanwhile.", { annotationId: row.annotationId, claimId: row.claimId });
  if (row.status !== "OPEN") throw new ConflictError(`This claim proposal was ${row.status.toLowerCase()}.`);
  const eventId = row.eventId ?? (row.eventProposal?.status === "ACCEPTED" ? row.eventProposal.eventId : null);
  if (!eventId) throw new ValidationError("Accept the event this claim is about first.");

  const claimed = await db.claimProposal.updateMany({ where: { id, status: "OPEN" }, data: { status: "ACCEPTED", ...decided(actor) } });
  if (claimed.count === 0) throw new ConflictError("Someone decided on this claim proposal meanwhile.");
  try {
    // The stored proposal is read back like a request: its value is checked as a claim's.
    const { claim } = await createClaim(
      actor,
      parseInput(createClaimSchema, {
        annotation: { articleId: row.articleId, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        eventId,
        attribute: row.attribute,
        value: edits.value ?? row.value,
      }),
    );
    await db.claimProposal.update({ where: { id }, data: { eventId, annotationId: claim.annotationId, claimId: claim.id } });
    return { id, annotationId: claim.annotationId, claimId: claim.id };
  } catch (error) {
    await db.claimProposal.update({ where: { id }, data: { status: "OPEN", decidedById: null, decidedAt: null } });
    throw error;
  }
}

export async function dismissClaimProposal(actor: Actor, id: string) {
  assertDecider(actor);
  const done = await db.claimProposal.updateMany({ where: { id, status: { in: ["OPEN", "WITHDRAWN"] } }, data: { status: "DISMISSED", ...decided(actor) } });
  if (done.count === 0) {
    const row = await claimProposalRow(id);
    if (row.status === "ACCEPTED")
      throw new ConflictError("This claim proposal was accepted meanwhile.", { annotationId: row.annotationId, claimId: row.claimId });
  }
  return { id, status: "dismissed" as const };
}

type StoredSide = { articleId: string; claimProposalId: string | null; claimId: string | null };

/** The annotation carrying a candidate side's claim, accepting its proposal when still open. */
async function sideAnnotation(actor: Actor, side: StoredSide): Promise<string> {
  if (side.claimId) {
    const claim = await db.claim.findUnique({ where: { id: side.claimId }, select: { annotationId: true } });
    if (!claim) throw new ConflictError("One side's claim was deleted meanwhile.");
    return claim.annotationId;
  }
  if (!side.claimProposalId) throw new ConflictError("One side's claim proposal is gone.");
  const proposal = await claimProposalRow(side.claimProposalId);
  if (proposal.status === "ACCEPTED" && proposal.annotationId) return proposal.annotationId;
  if (proposal.status !== "OPEN") throw new ConflictError(`One side's claim proposal was ${proposal.status.toLowerCase()}.`);
  return (await acceptClaimProposal(actor, side.claimProposalId)).annotationId;
}

/**
 * Confirms a suggested contradiction: both claims are recorded (accepting their proposals) and
 * the contradiction opens with the usual resolution and sign-off flow. Recording the claims may
 * already open it (claims are compared as they are created); otherwise it is flagged here.
 */
export async function confirmContradictionCandidate(actor: Actor, id: string): Promise<{ id: string; contradictionId: string }> {
  assertDecider(actor);
  const row = await db.contradictionCandidate.findUnique({
    where: { id },
    select: { status: true, reason: true, attribute: true, eventId: true, sideA: true, sideB: true, contradictionId: true },
  });
  if (!row) throw new NotFoundError("The suggested contradiction");
  if (row.status === "CONFIRMED") throw new ConflictError("Someone confirmed this contradiction meanwhile.", { contradictionId: row.contradictionId });
  if (row.status !== "SUGGESTED") throw new ConflictError(`This suggestion was ${row.status.toLowerCase()}.`);
  const annotationIds = [await sideAnnotation(actor, row.sideA as unknown as StoredSide), await sideAnnotation(actor, row.sideB as unknown as StoredSide)];
  const opened = await db.contradiction.findFirst({
    where: { status: { in: [...UNSETTLED_STATUSES] }, AND: annotationIds.map((annotationId) => ({ members: { some: { annotationId } } })) },
    select: { id: true },
  });
  let contradictionId = opened?.id;
  if (!contradictionId) {
    const summary = row.reason.charAt(0).toUpperCase() + row.reason.slice(1);
    const subject = await db.claim.findFirst({ where: { annotationId: annotationIds[0] }, select: { eventId: true } });
    try {
      contradictionId = (
        await createContradiction(actor, {
          annotationIds,
          summary,
          internal: false,
          attribute: row.attribute,
          ...(subject?.eventId ? { eventId: subject.eventId } : {}),
        } satisfies CreateContradictionData)
      ).id;
    } catch (error) {
      const existing = error instanceof AppError ? (error.details as { contradictionId?: string } | undefined)?.contradictionId : undefined;
      if (!existing) throw error;
      contradictionId = existing;
    }
  }
  const done = await db.contradictionCandidate.updateMany({
    where: { id, status: "SUGGESTED" },
    data: { status: "CONFIRMED", contradictionId, ...decided(actor) },
  });
  if (done.count === 0) throw new ConflictError("Someone decided on this suggestion meanwhile.");
  return { id, contradictionId };
}

export async function dismissContradictionCandidate(actor: Actor, id: string) {
  assertDecider(actor);
  const done = await db.contradictionCandidate.updateMany({
    where: { id, status: { in: ["SUGGESTED", "WITHDRAWN"] } },
    data: { status: "DISMISSED", ...decided(actor) },
  });
  if (done.count === 0) {
    const row = await db.contradictionCandidate.findUnique({ where: { id }, select: { status: true, contradictionId: true } });
    if (!row) throw new NotFoundError("The suggested contradiction");
    if (row.status === "CONFIRMED") throw new ConflictError("This contradiction was confirmed meanwhile.", { contradictionId: row.contradictionId });
  }
  return { id, status: "dismissed" as const };
}
