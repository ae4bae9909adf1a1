import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { normalizeName } from "./match";
import { hasMixedScriptWord, latinLookalike } from "./name-characters";
import { canEditEntities } from "./permissions";
import { ACTIVE_ENTITY, countEntityUsage, loadEntityView } from "./queries";
import {
  type AddAliasesData,
  type CreateEntityData,
  ENTITY_TYPE_LABELS,
  type EntityTypeName,
  type JudgeDuplicateData,
  type MergeEntityData,
  type UpdateEntityData,
} from "./schemas";
import { requestSuggestionRefresh } from "./suggestion-jobs";
import type { EntityView } from "./types";

function assertEditor(actor: Actor | null): asserts actor is Actor {
  if (!canEditEntities(actor)) throw new ForbiddenError("Only editors and admins change entities.");
}

/** Serializes checks for one type + name, so two editors cannot create the same entity at once. */
async function lockName(tx: Tx, type: EntityTypeName, normalized: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`entity:${type}:${normalized}`}))`;
}

/**
 * Refuses a second entity of the same type whose name has the same key, or whose letters are
 * Cyrillic or Greek look-alikes of an existing Latin name (name-characters.ts), naming the
 * existing one; the editor may confirm that it is a different one.
 */
async function refuseDuplicateName(tx: Tx, type: EntityTypeName, name: string, excludeId?: string): Promise<void> {
  const normalizedName = normalizeName(name);
  const lookalike = latinLookalike(name);
  const keys = [...new Set([normalizedName, ...(lookalike ? [normalizeName(lookalike)] : [])])];
  await lockName(tx, type, normalizedName);
  const existing = await tx.entity.findFirst({
    where: { ...ACTIVE_ENTITY, type, normalizedName: { in: keys }, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, name: true, type: true },
  });
  if (existing) {
    const why =
      hasMixedScriptWord(name) || (lookalike && existing.name !== name)
        ? ` "${name}" is likely the same name: it is written with Cyrillic or Greek letters that look like Latin ones.`
        : "";
    throw new ConflictError(
      `${ENTITY_TYPE_LABELS[type]} "${existing.name}" already exists.${why} Merge with it, or confirm that this is a different ${ENTITY_TYPE_LABELS[type].toLowerCase()}.`,
      { existing, likelyDuplicate: why !== "" },
    );
  }
}

/** Distinct aliases by normalized form, without the canonical name itself. */
function aliasRows(aliases: string[], canonicalName: string): { alias: string; normalized: string }[] {
  const seen = new Set([normalizeName(canonicalName)]);
  const rows: { alias: string; normalized: string }[] = [];
  for (const raw of aliases) {
    const alias = raw.replace(/\s+/g, " ").trim();
    const normalized = normalizeName(alias);
    if (!normalized || seen.has(normalized)) continue;
    seen.add(normalized);
    rows.push({ alias, normalized });
  }
  return rows;
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
    await requestSuggestionRefresh(tx);
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
    if (renamed || aliasChange.added.length > 0 || aliasChange.removed.length > 0) await requestSuggestionRefresh(tx);
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
      await requestSuggestionRefresh(tx);
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
    await requestSuggestionRefresh(tx);
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
    await requestSuggestionRefresh(tx);
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

type SuggestionRow = Prisma.MentionSuggestionCreateManyInput;

/** Everything a merge changed, by row id, so that undo puts exactly that back. */
export type MergeRecord = {
  aliasesMoved: string[];
  aliasesDropped: { alias: string; normalized: string }[];
  aliasesAdded: string[];
  links: string[];
  participantsMoved: string[];
  participantsDropped: { eventId: string; role: string }[];
  places: string[];
  claims: string[];
  contradictions: string[];
  suggestionsMoved: string[];
  suggestionsDropped: SuggestionRow[];
};

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
    await requestSuggestionRefresh(tx);
    return { mergeId: merge.id, target: await viewOf(tx, target.id) };
  });
  return result;
}

type EntityRow = { id: string; name: string; normalizedName: string };

async function moveEverything(tx: Tx, source: EntityRow, target: EntityRow): Promise<MergeRecord> {
  const targetAliases = new Set((await tx.entityAlias.findMany({ where: { entityId: target.id }, select: { normalized: true } })).map((a) => a.normalized));
  targetAliases.add(target.normalizedName);
  const sourceAliases = await tx.entityAlias.findMany({ where: { entityId: source.id } });
  const aliasesMoved = sourceAliases.filter((a) => !targetAliases.has(a.normalized));
  const aliasesDropped = sourceAliases.filter((a) => targetAliases.has(a.normalized));
  if (aliasesDropped.length) await tx.entityAlias.deleteMany({ where: { id: { in: aliasesDropped.map((a) => a.id) } } });
  if (aliasesMoved.length) await tx.entityAlias.updateMany({ where: { id: { in: aliasesMoved.map((a) => a.id) } }, data: { entityId: target.id } });
  const aliasesAdded: string[] = [];
  if (!targetAliases.has(source.normalizedName)) {
    const added = await tx.entityAlias.create({ data: { entityId: target.id, alias: source.name, normalized: source.normalizedName } });
    aliasesAdded.push(added.id);
  }

  const links = await moveIds(tx.link, { entityId: source.id }, { entityId: target.id });
  const places = await moveIds(tx.event, { placeId: source.id }, { placeId: target.id });
  const claims = await moveIds(tx.claim, { entityId: source.id }, { entityId: target.id });
  const contradictions = await moveIds(tx.contradiction, { entityId: source.id }, { entityId: target.id });

  const targetRoles = new Set(
    (await tx.eventParticipant.findMany({ where: { entityId: target.id }, select: { eventId: true, role: true } })).map((p) => `${p.eventId}|${p.role}`),
  );
  const participants = await tx.eventParticipant.findMany({ where: { entityId: source.id } });
  const participantsDropped = participants.filter((p) => targetRoles.has(`${p.eventId}|${p.role}`));
  const participantsMoved = participants.filter((p) => !targetRoles.has(`${p.eventId}|${p.role}`));
  if (participantsDropped.length) await tx.eventParticipant.deleteMany({ where: { id: { in: participantsDropped.map((p) => p.id) } } });
  if (participantsMoved.length)
    await tx.eventParticipant.updateMany({ where: { id: { in: participantsMoved.map((p) => p.id) } }, data: { entityId: target.id } });

  const targetSpans = new Set(
    (await tx.mentionSuggestion.findMany({ where: { entityId: target.id }, select: { revisionId: true, start: true, end: true } })).map(
      (s) => `${s.revisionId}|${s.start}|${s.end}`,
    ),
  );
  const suggestions = await tx.mentionSuggestion.findMany({ where: { entityId: source.id } });
  const suggestionsDropped = suggestions.filter((s) => targetSpans.has(`${s.revisionId}|${s.start}|${s.end}`));
  const suggestionsMoved = suggestions.filter((s) => !targetSpans.has(`${s.revisionId}|${s.start}|${s.end}`));
  if (suggestionsDropped.length) await tx.mentionSuggestion.deleteMany({ where: { id: { in: suggestionsDropped.map((s) => s.id) } } });
  if (suggestionsMoved.length)
    await tx.mentionSuggestion.updateMany({ where: { id: { in: suggestionsMoved.map((s) => s.id) } }, data: { entityId: target.id } });

  return {
    aliasesMoved: aliasesMoved.map((a) => a.id),
    aliasesDropped: aliasesDropped.map((a) => ({ alias: a.alias, normalized: a.normalized })),
    aliasesAdded,
    links,
    participantsMoved: participantsMoved.map((p) => p.id),
    participantsDropped: participantsDropped.map((p) => ({ eventId: p.eventId, role: p.role })),
    places,
    claims,
    contradictions,
    suggestionsMoved: suggestionsMoved.map((s) => s.id),
    suggestionsDropped: suggestionsDropped.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  };
}

/** Minimal shape shared by the delegates whose rows move by a foreign key. */
type MovableDelegate<W> = {
  findMany(args: { where: W; select: { id: true } }): Promise<{ id: string }[]>;
  updateMany(args: { where: W & { id: { in: string[] } }; data: W }): Promise<{ count: number }>;
};

async function moveIds<W extends object>(delegate: MovableDelegate<W>, from: W, to: W): Promise<string[]> {
  const ids = (await delegate.findMany({ where: from, select: { id: true } })).map((r) => r.id);
  if (ids.length) await delegate.updateMany({ where: { ...from, id: { in: ids } }, data: to });
  return ids;
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
    const moved = merge.moved as unknown as MergeRecord;
    const s = merge.sourceId;
    const t = merge.targetId;
    await tx.entityAlias.deleteMany({ where: { id: { in: moved.aliasesAdded }, entityId: t } });
    await tx.entityAlias.updateMany({ where: { id: { in: moved.aliasesMoved }, entityId: t }, data: { entityId: s } });
    await tx.entityAlias.createMany({ data: moved.aliasesDropped.map((a) => ({ ...a, entityId: s })), skipDuplicates: true });
    await tx.link.updateMany({ where: { id: { in: moved.links }, entityId: t }, data: { entityId: s } });
    await tx.event.updateMany({ where: { id: { in: moved.places }, placeId: t }, data: { placeId: s } });
    await tx.claim.updateMany({ where: { id: { in: moved.claims }, entityId: t }, data: { entityId: s } });
    await tx.contradiction.updateMany({ where: { id: { in: moved.contradictions }, entityId: t }, data: { entityId: s } });
    await tx.eventParticipant.updateMany({ where: { id: { in: moved.participantsMoved }, entityId: t }, data: { entityId: s } });
    await tx.eventParticipant.createMany({ data: moved.participantsDropped.map((p) => ({ ...p, entityId: s })), skipDuplicates: true });
    await tx.mentionSuggestion.updateMany({ where: { id: { in: moved.suggestionsMoved }, entityId: t }, data: { entityId: s } });
    await restoreSuggestions(tx, moved.suggestionsDropped);
    await tx.entity.update({ where: { id: s }, data: { mergedIntoId: null, version: { increment: 1 } } });
    await tx.entity.update({ where: { id: t }, data: { version: { increment: 1 } } });
    await tx.entityMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date(), undoneById: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "entity.merge.undo", targetType: "Entity", targetId: t, detail: { mergeId: merge.id, sourceId: s } });
    await requestSuggestionRefresh(tx);
    return { source: await viewOf(tx, s), target: await viewOf(tx, t) };
  });
  return result;
}

/** Puts back suggestions a merge removed, unless their revision or annotation has gone since. */
async function restoreSuggestions(tx: Tx, rows: SuggestionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const revisions = new Set(
    (await tx.articleRevision.findMany({ where: { id: { in: rows.map((r) => r.revisionId) } }, select: { id: true } })).map((r) => r.id),
  );
  await tx.mentionSuggestion.createMany({ data: rows.filter((r) => revisions.has(r.revisionId)), skipDuplicates: true });
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
