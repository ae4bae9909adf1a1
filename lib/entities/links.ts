import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { canLinkPassages, canReadEntities } from "./permissions";
import { type CreateLinkData, type DeleteLinkData, ENTITY_TYPE_LABELS, type LinkRelationName } from "./schemas";
import type { LinkedPassage, LinkView, PassagesByOutlet } from "./types";

const linkInclude = {
  entity: { select: { id: true, name: true, type: true } },
  event: { select: { id: true, title: true, type: true } },
} satisfies Prisma.LinkInclude;

type LinkRow = Prisma.LinkGetPayload<{ include: typeof linkInclude }>;

function toLinkView(row: LinkRow): LinkView {
  const target = row.entity
    ? { id: row.entity.id, name: row.entity.name, kind: ENTITY_TYPE_LABELS[row.entity.type].toLowerCase(), href: `/entities/${row.entity.id}` }
    : { id: row.event!.id, name: row.event!.title, kind: "event", href: `/events/${row.event!.id}` };
  return {
    id: row.id,
    annotationId: row.annotationId,
    targetType: row.targetType,
    relation: row.relation,
    target,
    createdAt: row.createdAt.toISOString(),
  };
}

function assertReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadEntities(actor)) throw new ForbiddenError("Sign in to read links.");
}

function assertLinker(actor: Actor | null): asserts actor is Actor {
  if (!canLinkPassages(actor)) throw new ForbiddenError("Only editors and admins link passages.");
}

/** The annotation a link may point from: it must exist and not be deleted. */
async function liveAnnotation(tx: Tx, annotationId: string) {
  const annotation = await tx.annotation.findUnique({ where: { id: annotationId }, select: { id: true, articleId: true, deletedAt: true } });
  if (!annotation) throw new NotFoundError("The annotation");
  if (annotation.deletedAt) throw new ValidationError("annotationId: The annotation was deleted; a deleted passage cannot be linked.");
  return annotation;
}

/** Links an annotated passage to an entity or event; 422 when either side cannot be linked, 409 when the link exists. */
export async function createLink(actor: Actor, data: CreateLinkData): Promise<LinkView> {
  assertLinker(actor);
  return db.$transaction(async (tx) => {
    const annotation = await liveAnnotation(tx, data.annotationId);
    const target = data.targetType === "ENTITY" ? await linkableEntity(tx, data.targetId) : await linkableEvent(tx, data.targetId);
    const where = {
      annotationId: annotation.id,
      targetType: data.targetType,
      relation: data.relation,
      ...(data.targetType === "ENTITY" ? { entityId: target.id } : { eventId: target.id }),
    };
    const existing = await tx.link.findFirst({ where, include: linkInclude });
    if (existing) throw new ConflictError("This passage is already linked that way.", { link: toLinkView(existing) });
    const link = await tx.link.create({ data: { ...where, createdById: actor.id }, include: linkInclude });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "link.create",
      targetType: "Link",
      targetId: link.id,
      detail: { annotationId: annotation.id, targetType: data.targetType, targetId: target.id, relation: data.relation },
    });
    return toLinkView(link);
  });
}

async function linkableEntity(tx: Tx, id: string) {
  const entity = await tx.entity.findUnique({ where: { id }, select: { id: true, deletedAt: true, mergedInto: { select: { id: true, name: true } } } });
  if (!entity || entity.deletedAt) throw new ValidationError("targetId: There is no such entity.");
  if (entity.mergedInto) {
    throw new ValidationError(`targetId: This entity was merged into "${entity.mergedInto.name}"; link to that one.`, { mergedInto: entity.mergedInto });
  }
  return entity;
}

async function linkableEvent(tx: Tx, id: string) {
  const event = await tx.event.findUnique({ where: { id }, select: { id: true, deletedAt: true } });
  if (!event || event.deletedAt) throw new ValidationError("targetId: There is no such event.");
  return event;
}

/** Removes a link named by id, or by its annotation, target and relation. */
export async function deleteLink(actor: Actor, data: DeleteLinkData): Promise<void> {
  assertLinker(actor);
  await db.$transaction(async (tx) => {
    const link =
      "id" in data
        ? await tx.link.findUnique({ where: { id: data.id } })
        : await tx.link.findFirst({
            where: {
              annotationId: data.annotationId,
              targetType: data.targetType,
              relation: data.relation,
              ...(data.targetType === "ENTITY" ? { entityId: data.targetId } : { eventId: data.targetId }),
            },
          });
    if (!link) throw new NotFoundError("The link");
    await tx.link.delete({ where: { id: link.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "link.delete",
      targetType: "Link",
      targetId: link.id,
      detail: { annotationId: link.annotationId, entityId: link.entityId, eventId: link.eventId, relation: link.relation },
    });
  });
}

/** The links of one annotation, entities first. */
export async function listAnnotationLinks(actor: Actor, annotationId: string): Promise<LinkView[]> {
  assertReader(actor);
  const rows = await db.link.findMany({ where: { annotationId }, include: linkInclude, orderBy: [{ targetType: "asc" }, { createdAt: "asc" }] });
  return rows.map(toLinkView);
}

const UNKNOWN_OUTLET = "Unknown outlet";

/**
 * Every live annotated passage linked to the entity or event, across all articles, grouped
 * by outlet (alphabetically), each with its quote and a link to it in its article.
 */
export async function listLinkedPassages(actor: Actor, target: { entityId: string } | { eventId: string }): Promise<PassagesByOutlet> {
  assertReader(actor);
  const rows = await db.link.findMany({
    where: { ...target, annotation: { deletedAt: null } },
    select: {
      relation: true,
      annotation: {
        select: {
          id: true,
          exact: true,
          start: true,
          article: { select: { id: true, title: true, outlet: true, publishedAt: true } },
        },
      },
    },
  });
  const byAnnotation = new Map<string, LinkedPassage & { start: number }>();
  for (const { relation, annotation } of rows) {
    const existing = byAnnotation.get(annotation.id);
    if (existing) {
      if (!existing.relations.includes(relation)) existing.relations.push(relation);
      continue;
    }
    const { article } = annotation;
    byAnnotation.set(annotation.id, {
      annotationId: annotation.id,
      exact: annotation.exact,
      relations: [relation as LinkRelationName],
      start: annotation.start,
      article: {
        id: article.id,
        title: article.title,
        outlet: article.outlet,
        publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
      },
      href: `/articles/${article.id}#annotation-${annotation.id}`,
    });
  }
  const groups = new Map<string, (LinkedPassage & { start: number })[]>();
  for (const passage of byAnnotation.values()) {
    const outlet = passage.article.outlet?.trim() || UNKNOWN_OUTLET;
    groups.set(outlet, [...(groups.get(outlet) ?? []), passage]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === UNKNOWN_OUTLET ? 1 : b === UNKNOWN_OUTLET ? -1 : a.localeCompare(b)))
    .map(([outlet, passages]) => ({
      outlet,
      passages: passages
        .sort(
          (x, y) =>
            (x.article.publishedAt ?? "").localeCompare(y.article.publishedAt ?? "") || x.article.title.localeCompare(y.article.title) || x.start - y.start,
        )
        .map(({ start: _start, ...passage }) => passage),
    }));
}
