import "server-only";
import { createAnnotation } from "@/lib/annotations/mutations";
import { createAnnotationSchema } from "@/lib/annotations/schemas";
import type { ReviewStatusName } from "@/lib/annotations/statuses";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/iso-day";
import { parseInput } from "@/lib/validation";
import { summarizeAgreement, type ClaimValue } from "./claim-values";
import { detectContradictions, noteInHistory, readClaimValue, type DetectionResult } from "./detection";
import { entityIdsOf, formatClaimValue } from "./format";
import { outletKeyOf } from "./matrix";
import { canEditClaim, canEditClaims, canReadContradictions } from "./permissions";
import { type CreateClaimInput, UNSETTLED_STATUSES, type UpdateClaimInput } from "./schemas";

export type ClaimSubject = { type: "event"; id: string } | { type: "entity"; id: string };

const claimSelect = {
  id: true,
  annotationId: true,
  eventId: true,
  entityId: true,
  attribute: true,
  valueType: true,
  value: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

export interface ClaimView {
  id: string;
  annotationId: string;
  subject: ClaimSubject;
  attribute: string;
  value: ClaimValue;
  createdAt: string;
  /** Send back on a change: a claim changed since gets a conflict. */
  updatedAt: string;
}

function toView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    annotationId: row.annotationId,
    subject: row.eventId ? { type: "event", id: row.eventId } : { type: "entity", id: row.entityId! },
    attribute: row.attribute,
    value: readClaimValue(row.value),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const VALUE_TYPE_COLUMN = { date: "DATE", number: "NUMBER", entities: "ENTITIES", text: "TEXT" } as const;

/** The subject and every entity the value names must exist (and not be deleted or merged away). */
async function checkReferences(tx: Tx, input: { eventId?: string; entityId?: string; value: ClaimValue }): Promise<void> {
  if (input.eventId) {
    const event = await tx.event.findUnique({ where: { id: input.eventId }, select: { deletedAt: true } });
    if (!event || event.deletedAt) throw new ValidationError("eventId: That event does not exist.");
  }
  const entityIds = [...(input.entityId ? [input.entityId] : []), ...entityIdsOf([input.value])];
  if (entityIds.length === 0) return;
  const entities = await tx.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true, deletedAt: true, mergedIntoId: true } });
  for (const id of new Set(entityIds)) {
    const entity = entities.find((e) => e.id === id);
    const path = id === input.entityId ? "entityId" : "value.ids";
    if (!entity || entity.deletedAt) throw new ValidationError(`${path}: The entity ${id} does not exist.`);
    if (entity.mergedIntoId) throw new ValidationError(`${path}: ${entity.name} was merged into another entity; use that one.`);
  }
}

/**
 * Records a claim: on an existing annotation of kind "claim", or on a new one created here.
 * Everything is checked before the annotation is written, so bad input stores nothing.
 * The claim is then compared with the other sources (see detectContradictions).
 */
export async function createClaim(actor: Actor, data: CreateClaimInput): Promise<{ claim: ClaimView; detection: DetectionResult }> {
  if (!canEditClaims(actor)) throw new ForbiddenError("Only editors and admins record claims.");
  // Checked before the annotation is written, and again with the claim in case something was deleted meanwhile.
  await checkReferences(db, data);
  const existing = data.annotationId ? await checkClaimAnnotation(actor, data.annotationId) : null;
  // The client-safe claim schema checks a new passage loosely; the annotation's own schema (comment, tags) checks it in full.
  const passage = data.annotation && parseInput(createAnnotationSchema, { ...data.annotation, kind: "claim" });
  const annotationId = passage ? (await createAnnotation(actor, passage)).id : data.annotationId;
  if (!annotationId) throw new ValidationError("Give either annotationId (an existing claim annotation) or annotation (a passage to annotate).");
  try {
    return await db.$transaction(async (tx) => {
      await checkReferences(tx, data);
      const row = await tx.claim.create({
        data: {
          annotationId,
          eventId: data.eventId ?? null,
          entityId: data.entityId ?? null,
          attribute: data.attribute,
          valueType: VALUE_TYPE_COLUMN[data.value.type],
          value: data.value,
        },
        select: claimSelect,
      });
      // A value recorded on a reviewed passage is a statement the analyst has not seen.
      if (existing && existing.status !== "PENDING")
        await sendBackToReview(tx, actor, annotationId, existing.status, "A claim was recorded after review; back in the review queue.");
      await recordAudit(tx, {
        actorId: actor.id,
        action: "claim.create",
        targetType: "Claim",
        targetId: row.id,
        detail: { annotationId, attribute: data.attribute, value: data.value },
      });
      const detection = await detectContradictions(tx, actor, row.id);
      return { claim: toView(row), detection };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("This annotation already has a claim; change that claim instead.");
    }
    throw error;
  }
}

async function checkClaimAnnotation(actor: Actor, annotationId: string): Promise<{ status: ReviewStatusName }> {
  const annotation = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { kind: true, deletedAt: true, authorId: true, status: true, claim: { select: { id: true } } },
  });
  if (!annotation || annotation.deletedAt) throw new NotFoundError("The annotation");
  if (!canEditClaim(actor, annotation)) throw new ForbiddenError("Only the author of the passage or an admin can record its claim.");
  if (annotation.kind !== "claim")
    throw new ValidationError(`annotationId: The annotation is of kind "${annotation.kind}"; only a claim annotation can carry a claim.`);
  if (annotation.claim) throw new ConflictError("This annotation already has a claim; change that claim instead.", { claimId: annotation.claim.id });
  return { status: annotation.status };
}

async function sendBackToReview(tx: Tx, actor: Actor, annotationId: string, fromStatus: ReviewStatusName, comment: string): Promise<void> {
  await tx.annotation.update({ where: { id: annotationId }, data: { status: "PENDING", version: { increment: 1 } } });
  await tx.annotationReview.create({ data: { annotationId, actorId: actor.id, fromStatus, toStatus: "PENDING", comment } });
}

/**
 * Changes a claim's subject, attribute or value (the annotation's author or an admin).
 * `updatedAt` is the state the editor started from: a claim changed since gets a conflict
 * with its current state. A changed statement is not what an analyst approved, so its
 * annotation goes back to review, as when its comment is edited. Unsettled contradictions
 * the passage belongs to note the change (and their version moves, so a resolution prepared
 * on the old value is refused); the claim is compared afresh.
 */
export async function updateClaim(actor: Actor, claimId: string, data: UpdateClaimInput): Promise<{ claim: ClaimView; detection: DetectionResult }> {
  if (!canEditClaims(actor)) throw new ForbiddenError("Only editors and admins change claims.");
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({
      where: { id: claimId },
      select: { ...claimSelect, annotation: { select: { deletedAt: true, authorId: true, status: true } } },
    });
    if (!before || before.annotation.deletedAt) throw new NotFoundError("The claim");
    if (!canEditClaim(actor, before.annotation)) throw new ForbiddenError("Only the author of the passage or an admin can change this claim.");
    await checkReferences(tx, data);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, updatedAt: new Date(data.updatedAt) },
      data: {
        eventId: data.eventId ?? null,
        entityId: data.entityId ?? null,
        attribute: data.attribute,
        valueType: VALUE_TYPE_COLUMN[data.value.type],
        value: data.value,
      },
    });
    if (count === 0) {
      throw new StaleVersionError("Someone changed this claim since you opened it. Review its current value before saving again.", { current: toView(before) });
    }
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimSelect });
    const statementChanged = statementOf(before) !== statementOf(after);
    if (statementChanged && before.annotation.status !== "PENDING") {
      await sendBackToReview(tx, actor, before.annotationId, before.annotation.status, "Its claim changed after review; back in the review queue.");
    }
    const touched = await tx.contradiction.findMany({
      where: { status: { in: [...UNSETTLED_STATUSES] }, members: { some: { annotationId: before.annotationId } } },
      select: { id: true, status: true },
    });
    for (const contradiction of touched) {
      await noteInHistory(tx, contradiction, actor, "claim_changed", {
        claimId,
        before: { attribute: before.attribute, value: before.value },
        after: { attribute: data.attribute, value: data.value },
      } as Prisma.InputJsonValue);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.update",
      targetType: "Claim",
      targetId: claimId,
      detail: {
        before: { attribute: before.attribute, value: before.value },
        after: { attribute: data.attribute, value: data.value },
        annotationStatus: { from: before.annotation.status, to: statementChanged ? "PENDING" : before.annotation.status },
      } as Prisma.InputJsonValue,
    });
    const detection = await detectContradictions(tx, actor, claimId);
    return { claim: toView(after), detection };
  });
}

/** What the claim states: its subject, attribute and value (JSON key order as stored, so compared as parsed values). */
function statementOf(row: ClaimRow): string {
  return JSON.stringify([row.eventId, row.entityId, row.attribute, readClaimValue(row.value)]);
}

export interface SourcedClaim extends ClaimView {
  formattedValue: string;
  passage: { exact: string; prefix: string; suffix: string; anchorStatus: string };
  article: { id: string; title: string; outlet: string | null; url: string | null; publishedAt: string | null };
}

/** The claims on one subject from live annotations, with their passages and sources, oldest first. */
export async function listClaimsForSubject(subject: ClaimSubject): Promise<SourcedClaim[]> {
  const rows = await db.claim.findMany({
    where: { ...(subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id }), annotation: { deletedAt: null } },
    select: {
      ...claimSelect,
      annotation: {
        select: {
          exact: true,
          prefix: true,
          suffix: true,
          anchorStatus: true,
          article: { select: { id: true, title: true, outlet: true, url: true, publishedAt: true } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  const views = rows.map((row) => ({ row, view: toView(row) }));
  const names = await entityNames(views.map((v) => v.view.value));
  return views.map(({ row, view }) => ({
    ...view,
    formattedValue: formatClaimValue(view.value, names),
    passage: { exact: row.annotation.exact, prefix: row.annotation.prefix, suffix: row.annotation.suffix, anchorStatus: row.annotation.anchorStatus },
    article: { ...row.annotation.article, publishedAt: isoDay(row.annotation.article.publishedAt) },
  }));
}

export interface SubjectClaims {
  subject: ClaimSubject & { label: string };
  claims: SourcedClaim[];
  /** Per attribute: groups of agreeing claims with their independent outlets, and conflicting pairs. */
  attributes: {
    attribute: string;
    corroborations: { claimIds: string[]; outlets: string[]; outletCount: number; agreement: "identical" | "compatible" }[];
    conflicts: { claimIds: [string, string] }[];
  }[];
}

/** The event's title or the entity's name; NotFoundError when it is deleted or was never there. */
export async function subjectLabel(subject: ClaimSubject): Promise<string> {
  const label =
    subject.type === "event"
      ? (await db.event.findUnique({ where: { id: subject.id, deletedAt: null }, select: { title: true } }))?.title
      : (await db.entity.findUnique({ where: { id: subject.id, deletedAt: null }, select: { name: true } }))?.name;
  if (label === undefined) throw new NotFoundError(subject.type === "event" ? "The event" : "The entity");
  return label;
}

/** The claims on an event or entity and how the sources agree on each attribute. */
export async function getSubjectClaims(actor: Actor, subject: ClaimSubject): Promise<SubjectClaims> {
  if (!canReadContradictions(actor)) throw new ForbiddenError("Sign in to read claims.");
  const label = await subjectLabel(subject);
  const claims = await listClaimsForSubject(subject);
  const attributes = [...new Set(claims.map((c) => c.attribute))].map((attribute) => {
    const sourced = claims
      .filter((c) => c.attribute === attribute)
      .map((c) => ({
        ...c,
        articleId: c.article.id,
        outlet: outletKeyOf({ articleId: c.article.id, outlet: c.article.outlet }),
        outletName: c.article.outlet ?? c.article.title,
      }));
    const { corroborations, conflicts } = summarizeAgreement(sourced);
    return {
      attribute,
      corroborations: corroborations.map((g) => ({
        claimIds: g.members.map((m) => m.id),
        outlets: g.members.filter((m, i) => g.members.findIndex((n) => n.outlet === m.outlet) === i).map((m) => m.outletName),
        outletCount: g.outletCount,
        agreement: g.agreement,
      })),
      conflicts: conflicts.map(({ a, b }) => ({ claimIds: [a.id, b.id] as [string, string] })),
    };
  });
  return { subject: { ...subject, label }, claims, attributes };
}

export async function entityNames(values: ClaimValue[]): Promise<Map<string, string>> {
  const ids = entityIdsOf(values);
  if (ids.length === 0) return new Map();
  const rows = await db.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((e) => [e.id, e.name]));
}

export interface ClaimContext {
  annotation: { id: string; kind: string; exact: string; articleId: string; authorId: string; articlePublishedAt: string | null };
  /** Entities and events the passage is linked to: proposed as subject and as entity values. */
  linkedEntities: { id: string; name: string }[];
  linkedEvents: { id: string; title: string }[];
  claim: (ClaimView & { subjectLabel: string; entityLabels: Record<string, string> }) | null;
}

/** What the claim form needs for one annotation, or null when there is no such live annotation. */
export async function getClaimContext(annotationId: string): Promise<ClaimContext | null> {
  const annotation = await db.annotation.findUnique({
    where: { id: annotationId },
    select: {
      id: true,
      kind: true,
      exact: true,
      articleId: true,
      authorId: true,
      deletedAt: true,
      article: { select: { publishedAt: true } },
      links: { select: { entity: { select: { id: true, name: true, deletedAt: true } }, event: { select: { id: true, title: true, deletedAt: true } } } },
      claim: { select: { ...claimSelect, event: { select: { title: true } }, entity: { select: { name: true } } } },
    },
  });
  if (!annotation || annotation.deletedAt) return null;
  const linkedEntities = unique(annotation.links.flatMap((l) => (l.entity && !l.entity.deletedAt ? [{ id: l.entity.id, name: l.entity.name }] : [])));
  const linkedEvents = unique(annotation.links.flatMap((l) => (l.event && !l.event.deletedAt ? [{ id: l.event.id, title: l.event.title }] : [])));
  let claim: ClaimContext["claim"] = null;
  if (annotation.claim) {
    const view = toView(annotation.claim);
    const names = await entityNames([view.value]);
    claim = {
      ...view,
      subjectLabel: annotation.claim.event?.title ?? annotation.claim.entity?.name ?? "",
      entityLabels: Object.fromEntries(names),
    };
  }
  return {
    annotation: {
      id: annotation.id,
      kind: annotation.kind,
      exact: annotation.exact,
      articleId: annotation.articleId,
      authorId: annotation.authorId,
      articlePublishedAt: isoDay(annotation.article.publishedAt),
    },
    linkedEntities,
    linkedEvents,
    claim,
  };
}

function unique<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

export interface SubjectOption {
  type: "event" | "entity";
  id: string;
  label: string;
}

/** Events by title and entities by name or alias, for choosing a claim's subject or entity value. */
export async function searchClaimSubjects(query: string, options: { types?: ("event" | "entity")[]; limit?: number } = {}): Promise<SubjectOption[]> {
  const q = query.trim();
  if (q.length === 0) return [];
  const types = options.types ?? ["event", "entity"];
  const limit = options.limit ?? 10;
  const [events, entities] = await Promise.all([
    types.includes("event")
      ? db.event.findMany({
          where: { deletedAt: null, title: { contains: q, mode: "insensitive" } },
          select: { id: true, title: true },
          orderBy: { title: "asc" },
          take: limit,
        })
      : [],
    types.includes("entity")
      ? db.entity.findMany({
          where: {
            deletedAt: null,
            mergedIntoId: null,
            OR: [{ name: { contains: q, mode: "insensitive" } }, { aliases: { some: { alias: { contains: q, mode: "insensitive" } } } }],
          },
          select: { id: true, name: true, type: true },
          orderBy: { name: "asc" },
          take: limit,
        })
      : [],
  ]);
  return [
    ...events.map((e) => ({ type: "event" as const, id: e.id, label: e.title })),
    ...entities.map((e) => ({ type: "entity" as const, id: e.id, label: `${e.name} (${e.type.toLowerCase()})` })),
  ];
}
