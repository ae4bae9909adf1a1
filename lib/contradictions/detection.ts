import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma, Tx } from "@/lib/db";
import { claimValueSchema, compareValues, type ClaimValue } from "./claim-values";
import { entityIdsOf, formatClaimValue, listInWords } from "./format";
import { outletKeyOf } from "./matrix";
import { attributeLabel, SETTLED_STATUSES, UNSETTLED_STATUSES, type ContradictionStatus } from "./schemas";

/** Stored values were validated on the way in; a row that no longer parses is a bug worth failing on. */
export function readClaimValue(json: Prisma.JsonValue): ClaimValue {
  return claimValueSchema.parse(json);
}

export interface DetectionResult {
  /** Contradictions opened or extended because of this claim. */
  contradictionIds: string[];
  /** Distinct outlets stating the identical value, this claim's included. */
  corroboratingOutlets: number;
  /** Claims of other articles that state the value at another precision. */
  compatibleClaims: number;
}

const claimForDetection = {
  id: true,
  annotationId: true,
  attribute: true,
  eventId: true,
  entityId: true,
  value: true,
  createdAt: true,
  updatedAt: true,
  annotation: { select: { articleId: true, article: { select: { outlet: true } } } },
} satisfies Prisma.ClaimSelect;

type DetectionClaim = Prisma.ClaimGetPayload<{ select: typeof claimForDetection }>;

/**
 * Compares a new or changed claim with the claims on the same subject and attribute from
 * other articles. A conflict not already under discussion opens a contradiction, or joins
 * the unsettled detected one of the same subject and attribute, so each conflicting group
 * has one contradiction. Runs inside the caller's transaction; concurrent detections on one
 * subject and attribute are serialized by an advisory lock, so they cannot both open one.
 */
export async function detectContradictions(tx: Tx, actor: Actor, claimId: string): Promise<DetectionResult> {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimForDetection });
  const subject = claim.eventId ? { eventId: claim.eventId } : { entityId: claim.entityId };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contradiction:${claim.eventId ?? claim.entityId}:${claim.attribute}`}))`;

  const others = await tx.claim.findMany({
    where: { ...subject, attribute: claim.attribute, id: { not: claim.id }, annotation: { deletedAt: null, articleId: { not: claim.annotation.articleId } } },
    select: claimForDetection,
    orderBy: { createdAt: "asc" },
  });
  const value = readClaimValue(claim.value);
  const conflicting: DetectionClaim[] = [];
  const identicalOutlets = new Set([outletKeyOf({ articleId: claim.annotation.articleId, outlet: claim.annotation.article.outlet })]);
  let compatibleClaims = 0;
  for (const other of others) {
    const relation = compareValues(value, readClaimValue(other.value));
    if (relation === "conflict") conflicting.push(other);
    if (relation === "compatible") compatibleClaims++;
    if (relation === "identical") identicalOutlets.add(outletKeyOf({ articleId: other.annotation.articleId, outlet: other.annotation.article.outlet }));
  }
  const result = { contradictionIds: [] as string[], corroboratingOutlets: identicalOutlets.size, compatibleClaims };

  const uncovered = await uncoveredConflicts(tx, claim, conflicting);
  if (uncovered.length === 0) return result;

  const members = [claim, ...uncovered];
  const unsettled = await tx.contradiction.findFirst({
    where: { ...subject, attribute: claim.attribute, detected: true, status: { in: [...UNSETTLED_STATUSES] } },
    select: { id: true, status: true, members: { select: { annotationId: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (unsettled) {
    await extendContradiction(tx, actor, unsettled, members);
    result.contradictionIds.push(unsettled.id);
    return result;
  }
  // A dispute already settled on this subject and attribute is not opened again: the new source joins it and asks whether it changes the outcome.
  const settled = await tx.contradiction.findFirst({
    where: { ...subject, attribute: claim.attribute, status: { in: [...SETTLED_STATUSES] } },
    select: { id: true, status: true, members: { select: { annotationId: true } } },
    orderBy: { updatedAt: "desc" },
  });
  if (settled) {
    await attachNewSource(tx, actor, settled, members, claim);
    result.contradictionIds.push(settled.id);
  } else {
    result.contradictionIds.push(await openContradiction(tx, actor, claim, members));
  }
  return result;
}

/** The history action that marks a settled contradiction as waiting for "does the new source change this?". */
export const NEW_SOURCE_ACTION = "new_source";

/**
 * A conflicting claim arriving after a settlement joins the settled contradiction as a member,
 * without changing its status or resolution; the history records it as a new source whose
 * weight someone must judge (reopen, or keep the resolution).
 */
async function attachNewSource(
  tx: Tx,
  actor: Actor,
  contradiction: { id: string; status: ContradictionStatus; members: { annotationId: string }[] },
  claims: DetectionClaim[],
  trigger: DetectionClaim,
): Promise<void> {
  const added = await addMembers(tx, contradiction, claims);
  await noteInHistory(tx, contradiction, actor, NEW_SOURCE_ACTION, { claimIds: added.map((c) => c.id), trigger: trigger.id });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "contradiction.new-source",
    targetType: "Contradiction",
    targetId: contradiction.id,
    detail: { claimIds: added.map((c) => c.id) },
  });
}

/**
 * Conflicts nobody needs to look at again: both passages are members of one contradiction
 * that is still unsettled, or that was settled after both values were last written.
 */
async function uncoveredConflicts(tx: Tx, claim: DetectionClaim, conflicting: DetectionClaim[]): Promise<DetectionClaim[]> {
  if (conflicting.length === 0) return [];
  const shared = await tx.contradiction.findMany({
    where: { members: { some: { annotationId: claim.annotationId } } },
    select: { status: true, updatedAt: true, members: { select: { annotationId: true } } },
  });
  return conflicting.filter(
    (other) =>
      !shared.some(
        (c) =>
          c.members.some((m) => m.annotationId === other.annotationId) &&
          (UNSETTLED_STATUSES.includes(c.status) || (c.updatedAt >= claim.updatedAt && c.updatedAt >= other.updatedAt)),
      ),
  );
}

async function openContradiction(tx: Tx, actor: Actor, claim: DetectionClaim, members: DetectionClaim[]): Promise<string> {
  const summary = await distinctSummary(tx, await detectedSummary(tx, claim, members));
  const contradiction = await tx.contradiction.create({
    data: {
      detected: true,
      summary,
      attribute: claim.attribute,
      eventId: claim.eventId,
      entityId: claim.entityId,
      createdById: actor.id,
      members: { create: members.map((m) => ({ annotationId: m.annotationId })) },
      history: {
        create: {
          actorId: actor.id,
          action: "detected",
          toStatus: "OPEN",
          detail: { claimIds: members.map((m) => m.id), trigger: claim.id },
        },
      },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "contradiction.detect",
    targetType: "Contradiction",
    targetId: contradiction.id,
    detail: { claimIds: members.map((m) => m.id) },
  });
  return contradiction.id;
}

/**
 * A further conflicting value joins the unsettled contradiction. A resolution awaiting
 * sign-off was made without it, so the contradiction goes back to open.
 */
async function extendContradiction(
  tx: Tx,
  actor: Actor,
  contradiction: { id: string; status: ContradictionStatus; members: { annotationId: string }[] },
  claims: DetectionClaim[],
): Promise<void> {
  const added = await addMembers(tx, contradiction, claims);
  const allMembers = await tx.claim.findMany({
    where: { annotation: { contradictionMembers: { some: { contradictionId: contradiction.id } } } },
    select: claimForDetection,
  });
  const reopen = contradiction.status === "AWAITING_SIGNOFF";
  await tx.contradiction.update({
    where: { id: contradiction.id },
    data: {
      summary: await distinctSummary(tx, await detectedSummary(tx, claims[0], allMembers), contradiction.id),
      version: { increment: 1 },
      ...(reopen ? { status: "OPEN", ...CLEARED_RESOLUTION } : {}),
      history: {
        create: {
          actorId: actor.id,
          action: reopen ? "reopened" : "claims_added",
          fromStatus: contradiction.status,
          toStatus: "OPEN",
          detail: { claimIds: added.map((c) => c.id), trigger: claims[0].id },
          rationale: reopen ? "A further source states a conflicting value; the resolution awaiting sign-off did not consider it." : null,
        },
      },
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: reopen ? "contradiction.reopen" : "contradiction.extend",
    targetType: "Contradiction",
    targetId: contradiction.id,
    detail: { claimIds: added.map((c) => c.id) },
  });
}

/** Resolution fields emptied when a contradiction goes back to open; the history keeps them. */
export const CLEARED_RESOLUTION = {
  resolution: null,
  acceptedClaimId: null,
  rationale: null,
  resolvedById: null,
  resolvedAt: null,
  signedOffById: null,
  signedOffAt: null,
} as const;

/** "The sources disagree on the date of <subject>: 18 May 2025 or 19 May 2025." */
async function detectedSummary(tx: Tx, claim: DetectionClaim, members: DetectionClaim[]): Promise<string> {
  const subject = claim.eventId
    ? (await tx.event.findUnique({ where: { id: claim.eventId }, select: { title: true } }))?.title
    : (await tx.entity.findUnique({ where: { id: claim.entityId! }, select: { name: true } }))?.name;
  const values = [...members].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((m) => readClaimValue(m.value));
  const distinct = values.filter((v, i) => values.findIndex((w) => compareValues(v, w) === "identical") === i);
  const names = new Map(
    (await tx.entity.findMany({ where: { id: { in: entityIdsOf(distinct) } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]),
  );
  return `The sources disagree on the ${attributeLabel(claim.attribute).toLowerCase()} of ${subject ?? "this subject"}: ${listInWords(
    distinct.map((v) => formatClaimValue(v, names)),
    "or",
  )}.`;
}

/**
 * `summary`, numbered ("… (2)") when another contradiction already bears it, so that two rows of the
 * list or two publication blockers never read the same.
 */
export async function distinctSummary(tx: Tx, summary: string, exceptId?: string): Promise<string> {
  const taken = new Set(
    (
      await tx.contradiction.findMany({
        where: { summary: { startsWith: summary }, ...(exceptId ? { id: { not: exceptId } } : {}) },
        select: { summary: true },
      })
    ).map((row) => row.summary),
  );
  if (!taken.has(summary)) return summary;
  let n = 2;
  while (taken.has(`${summary} (${n})`)) n++;
  return `${summary} (${n})`;
}

/** Adds the claims' passages that are not members yet; returns those claims. */
async function addMembers(tx: Tx, contradiction: { id: string; members: { annotationId: string }[] }, claims: DetectionClaim[]): Promise<DetectionClaim[]> {
  const known = new Set(contradiction.members.map((m) => m.annotationId));
  const added = claims.filter((c) => !known.has(c.annotationId));
  await tx.contradictionMember.createMany({
    data: added.map((c) => ({ contradictionId: contradiction.id, annotationId: c.annotationId })),
    skipDuplicates: true,
  });
  return added;
}

/** A history entry that leaves the status as it is (a new source, a changed claim); bumps the version so open forms notice. */
export async function noteInHistory(
  tx: Tx,
  contradiction: { id: string; status: ContradictionStatus },
  actor: Actor,
  action: string,
  detail: Prisma.InputJsonValue,
): Promise<void> {
  await tx.contradiction.update({
    where: { id: contradiction.id },
    data: {
      version: { increment: 1 },
      history: { create: { actorId: actor.id, action, fromStatus: contradiction.status, toStatus: contradiction.status, detail } },
    },
  });
}
