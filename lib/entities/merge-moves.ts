/**
 * The rows an entity merge moves from the source to the target, recorded by id so that undo
 * puts exactly those back. Runs inside the merge's or the undo's transaction.
 */
import "server-only";
import type { Prisma, Tx } from "@/lib/db";

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

type EntityRow = { id: string; name: string; normalizedName: string };

/** Moves aliases, links, places, claims, contradictions, participations and suggestions; same-key duplicates are dropped and recorded. */
export async function moveEverything(tx: Tx, source: EntityRow, target: EntityRow): Promise<MergeRecord> {
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

/** Puts back what a merge of source `s` into target `t` moved: the other half of an undo. */
export async function moveBack(tx: Tx, moved: MergeRecord, s: string, t: string): Promise<void> {
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
}

/** Puts back suggestions a merge removed, unless their revision or annotation has gone since. */
async function restoreSuggestions(tx: Tx, rows: SuggestionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const revisions = new Set(
    (await tx.articleRevision.findMany({ where: { id: { in: rows.map((r) => r.revisionId) } }, select: { id: true } })).map((r) => r.id),
  );
  await tx.mentionSuggestion.createMany({ data: rows.filter((r) => revisions.has(r.revisionId)), skipDuplicates: true });
}
