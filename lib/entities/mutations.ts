import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { normalizeName } from "./match";
import { moveBack, moveEverything, type MergeRecord } from "./merge-moves";
import { aliasRows, refuseDuplicateName } from "./name-checks";
import { canEditEntities } from "./permissions";
import { countEntityUsage, loadEntityView } from "./queries";
import type { AddAliasesData, CreateEntityData, JudgeDuplicateData, MergeEntityData, UpdateEntityData } from "./schemas";
import { requestSuggestionRefresh } from "./suggestion-jobs";
import type { EntityView } from "./types";

function assertEditor(actor: Actor | null): asserts actor is Actor {
  if (!canEditEntities(actor)) throw new ForbiddenError("Only editors and admins change entities.");
}

async function viewOf(tx: Tx, id: string): Promise<EntityView> {
  const view = await loadEntityView(tx, id);
  if (!view) throw new NotFoundError("The entity");
  return view;
}

async function liveEntity(tx: Tx, id: string) {
  const entity = await tx.entity.findUnique({ where: { id } });
  if (!entity || entity.deletedAt) throw new NotFoundError("The entity");
  return entity;
}

/**
 * Creates an entity with its aliases. A second entity of the same type and canonical name
 * is refused with a 409 naming the existing one, unless the editor confirms it is different.
 */
export async function createEntity(actor: Actor, data: CreateEntityData): Promise<EntityView> {
  assertEditor(actor);
  const view = await db.$transaction(async (tx) => {
    if (!data.confirmDuplicate) await refuseDuplicateName(tx, data.type, data.name);
    const entity = await tx.entity.create({
      data: {
        type: data.type,
        name: data.name,
        normalizedName: normalizeName(data.name),
        description: data.description,
        externalId: data.externalId,
        aliases: { create: aliasRows(data.aliases, data.name) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "entity.create",
      targetType: "Entity",
      targetId: entity.id,
      detail: { type: data.type, name: data.name, aliases: data.aliases, confirmedDuplicate: data.confirmDuplicate },
    });
    await requestSuggestionRefresh(tx, [entity.id]);
    return viewOf(tx, entity.id);
  });
  return view;
}

/**
 * Edits an entity from the version the editor started with (409 with the current state when
 * stale). `aliases`, when given, replaces the list.
 */
export async function updateEntity(actor: Actor, id: string, data: UpdateEntityData): Promise<EntityView> {
  assertEditor(actor);
  return db.$transaction(async (tx) => {
    const entity = await liveEntity(tx, id);
    if (entity.mergedIntoId)
      throw new ConflictError("This entity was merged into another; edit that one, or undo the merge.", { current: await viewOf(tx, id) });
    if (entity.version !== data.version) {
      throw new StaleVersionError("Someone changed this entity since you opened it. Review the current state before saving again.", {
        current: await viewOf(tx, id),
      });
    }
    const type = data.type ?? entity.type;
    const name = data.name ?? entity.name;
    const renamed = normalizeName(name) !== entity.normalizedName || type !== entity.type;
    if (renamed && !data.confirmDuplicate) await refuseDuplicateName(tx, type, name, id);
    const { count } = await tx.entity.updateMany({
      where: { id, version: data.version },
      data: {
        type,
        name,
        normalizedName: normalizeName(name),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.externalId !== undefined ? { externalId: data.externalId } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StaleVersionError("Someone changed this entity since you opened it.", { current: await viewOf(tx, id) });
    let aliasChange = { added: [] as string[], removed: [] as string[] };
    if (data.aliases !== undefined) aliasChange = await replaceAliases(tx, id, aliasRows(data.aliases, name));
    if (renamed || aliasChange.added.length > 0 || aliasChange.removed.length > 0) await requestSuggestionRefresh(tx, [id]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "entity.update",
      targetType: "Entity",
      targetId: id,
      detail: {
        changed: Object.keys(data).filter((k) => k !== "version" && k !== "confirmDuplicate"),
        aliasesAdded: aliasChange.added,
        aliasesRemoved: aliasChange.removed,
      },
    });
    return viewOf(tx, id);
  });
}

async function replaceAliases(tx: Tx, entityId: string, wanted: { alias: string; normalized: string }[]) {
  const current = await tx.entityAlias.findMany({ where: { entityId } });
  const wantedKeys = new Set(wanted.map((w) => w.normalized));
  const currentKeys = new Set(current.map((c) => c.normalized));
  const removed = current.filter((c) => !wantedKeys.has(c.normalized));
  const added = wanted.filter((w) => !currentKeys.has(w.normalized));
  if (removed.length) await tx.entityAlias.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
  if (added.length) await tx.entityAlias.createMany({ data: added.map((a) => ({ ...a, entityId })) });
  return { added: added.map((a) => a.alias), removed: removed.map((r) => r.alias) };
}

/**
 * Adds aliases the entity does not have yet (its own name and existing aliases are skipped
 * and reported). An alias another entity also has is allowed: suggestions flag it as ambiguous.
 */
export async function addEntityAliases(actor: Actor, data: AddAliasesData): Promise<{ entity: EntityView; added: string[]; skipped: string[] }> {
  assertEditor(actor);
  const result = await db.$transaction(async (tx) => {
    const entity = await liveEntity(tx, data.entityId);
    if (entity.mergedIntoId) throw new ValidationError("This entity was merged into another; add the alias there.");
    const existing = new Set((await tx.entityAlias.findMany({ where: { entityId: entity.id }, select: { normalized: true } })).map((a) => a.normalized));
    const rows = aliasRows(data.aliases, entity.name).filter((row) => !existing.has(row.normalized));
    const added = rows.map((r) => r.alias);
    const skipped = data.aliases.filter((a) => !added.includes(a.replace(/\s+/g, " ").trim()));
    if (rows.length > 0) {
      await tx.entityAlias.createMany({ data: rows.map((row) => ({ ...row, entityId: entity.id })) });
      await tx.entity.update({ where: { id: entity.id }, data: { version: { increment: 1 } } });
      await recordAudit(tx, { actorId: actor.id, action: "entity.alias.add", targetType: "Entity", targetId: entity.id, detail: { aliases: added } });
      await requestSuggestionRefresh(tx, [entity.id]);
    }
    return { entity: await viewOf(tx, entity.id), added, skipped };
  });
  return result;
}

export async function removeEntityAlias(actor: Actor, entityId: string, aliasId: string): Promise<EntityView> {
  assertEditor(actor);
  const view = await db.$transaction(async (tx) => {
    const alias = await tx.entityAlias.findUnique({ where: { id: aliasId } });
    if (!alias || alias.entityId !== entityId) throw new NotFoundError("The alias");
    await tx.entityAlias.delete({ where: { id: aliasId } });
    await tx.entity.update({ where: { id: entityId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "entity.alias.remove", targetType: "Entity", targetId: entityId, detail: { alias: alias.alias } });
    await requestSuggestionRefresh(tx, [entityId]);
    return viewOf(tx, entityId);
  });
  return view;
}

/** Soft delete, only when nothing refers to the entity any more (409 otherwise). */
export async function deleteEntity(actor: Actor, id: string): Promise<void> {
  assertEditor(actor);
  await db.$transaction(async (tx) => {
    const entity = await liveEntity(tx, id);
    const usage = await countEntityUsage(tx, id);
    if (usage.total > 0) {
      throw new ConflictError(`${entity.name} is still in use (${describeUsage(usage)}); unlink it or merge it instead.`, { usage });
    }
    await tx.entity.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await tx.mentionSuggestion.deleteMany({ where: { entityId: id, status: "OPEN" } });
    await recordAudit(tx, { actorId: actor.id, action: "entity.delete", targetType: "Entity", targetId: id, detail: { name: entity.name } });
    await requestSuggestionRefresh(tx, [id]);
  });
}

function describeUsage(usage: Awaited<ReturnType<typeof countEntityUsage>>): string {
  const parts = [
    [usage.links, "linked passage"],
    [usage.participations, "event participation"],
    [usage.places, "event place"],
    [usage.claims, "claim"],
    [usage.contradictions, "contradiction"],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`)
    .join(", ");
}

// ─────────────────────────── merge and undo ───────────────────────────

/**
 * Merges `sourceId` into `input.into`: aliases (and the source's own name, as an alias), links,
 * event participations and places, claims, contradictions and mention suggestions move to
 * the target; the source stays as a pointer to it. The merge is recorded for undo.
 */
export async function mergeEntities(actor: Actor, sourceId: string, input: MergeEntityData): Promise<{ mergeId: string; target: EntityView }> {
  assertEditor(actor);
  const { into: targetId } = input;
  if (targetId === sourceId) throw new ValidationError("into: An entity cannot be merged into itself.");
  const result = await db.$transaction(async (tx) => {
    const source = await liveEntity(tx, sourceId);
    const target = await tx.entity.findUnique({ where: { id: targetId } });
    if (!target || target.deletedAt) throw new ValidationError("into: There is no such entity to merge into.");
    if (source.mergedIntoId) throw new ValidationError(`"${source.name}" was already merged into another entity.`);
    if (target.mergedIntoId) throw new ValidationError(`into: "${target.name}" was itself merged into another entity; merge into that one.`);
    const moved = await moveEverything(tx, source, target);
    await tx.entity.update({ where: { id: source.id }, data: { mergedIntoId: target.id, version: { increment: 1 } } });
    await tx.entity.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
    const merge = await tx.entityMerge.create({
      data: { sourceId: source.id, targetId: target.id, moved: moved as unknown as Prisma.InputJsonValue, actorId: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "entity.merge",
      targetType: "Entity",
      targetId: target.id,
      detail: { mergeId: merge.id, sourceId: source.id, sourceName: source.name, links: moved.links.length, aliases: moved.aliasesMoved.length },
    });
    await requestSuggestionRefresh(tx, [source.id, target.id]);
    return { mergeId: merge.id, target: await viewOf(tx, target.id) };
  });
  return result;
}

/**
 * Undoes a merge exactly: what moved goes back to the source, aliases added to the target
 * are removed, dropped duplicates are recreated. Refused while the target is itself merged
 * into a third entity (undo that merge first).
 */
export async function undoEntityMerge(actor: Actor, mergeId: string): Promise<{ source: EntityView; target: EntityView }> {
  assertEditor(actor);
  const result = await db.$transaction(async (tx) => {
    const merge = await tx.entityMerge.findUnique({ where: { id: mergeId }, include: { target: true, source: true } });
    if (!merge) throw new NotFoundError("The merge");
    if (merge.undoneAt) throw new ConflictError("This merge was already undone.");
    if (merge.source.mergedIntoId !== merge.targetId) throw new ConflictError(`"${merge.source.name}" is no longer merged into "${merge.target.name}".`);
    if (merge.target.mergedIntoId || merge.target.deletedAt) {
      throw new ConflictError(`"${merge.target.name}" was merged or deleted after this merge; undo that first.`);
    }
    const s = merge.sourceId;
    const t = merge.targetId;
    await moveBack(tx, merge.moved as unknown as MergeRecord, s, t);
    await tx.entity.update({ where: { id: s }, data: { mergedIntoId: null, version: { increment: 1 } } });
    await tx.entity.update({ where: { id: t }, data: { version: { increment: 1 } } });
    await tx.entityMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date(), undoneById: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "entity.merge.undo", targetType: "Entity", targetId: t, detail: { mergeId: merge.id, sourceId: s } });
    await requestSuggestionRefresh(tx, [s, t]);
    return { source: await viewOf(tx, s), target: await viewOf(tx, t) };
  });
  return result;
}

// ─────────────────────────── duplicate judgements ───────────────────────────

/** Remembers an editor's verdict on a suspected duplicate pair; the pair is stored in id order. */
export async function judgeDuplicate(actor: Actor, data: JudgeDuplicateData): Promise<{ entityAId: string; entityBId: string; verdict: string }> {
  assertEditor(actor);
  if (data.entityAId === data.entityBId) throw new ValidationError("An entity cannot be a duplicate of itself.");
  const [entityAId, entityBId] = [data.entityAId, data.entityBId].sort();
  return db.$transaction(async (tx) => {
    const found = await tx.entity.count({ where: { id: { in: [entityAId, entityBId] }, deletedAt: null } });
    if (found !== 2) throw new NotFoundError("One of the entities");
    const judgement = await tx.duplicateJudgement.upsert({
      where: { entityAId_entityBId: { entityAId, entityBId } },
      create: { entityAId, entityBId, verdict: data.verdict, actorId: actor.id },
      update: { verdict: data.verdict, actorId: actor.id, createdAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "entity.duplicate.judge",
      targetType: "Entity",
      targetId: entityAId,
      detail: { entityBId, verdict: data.verdict },
    });
    return { entityAId: judgement.entityAId, entityBId: judgement.entityBId, verdict: judgement.verdict };
  });
}
