import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma, readDb, type Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listLinkedPassages } from "./links";
import { findDuplicateCandidates } from "./duplicate-candidates";
import { normalizeName } from "./match";
import { canReadEntities } from "./permissions";
import type { EntitySearchQuery, EntityTypeName } from "./schemas";
import type { DuplicateCandidateView, EntityMergeView, EntityRef, EntitySearchHit, EntityView, PassagesByOutlet } from "./types";

/** Neither deleted nor merged into another entity: the ones that can be linked, searched and matched. */
export const ACTIVE_ENTITY = { deletedAt: null, mergedIntoId: null } satisfies Prisma.EntityWhereInput;

const entityInclude = {
  aliases: { orderBy: { alias: "asc" } },
  mergedInto: { select: { id: true, name: true, type: true } },
} satisfies Prisma.EntityInclude;

type EntityRow = Prisma.EntityGetPayload<{ include: typeof entityInclude }>;

export function assertEntityReader(actor: Actor | null): asserts actor is Actor {
  if (!canReadEntities(actor)) throw new ForbiddenError("Sign in to read entities.");
}

function toEntityView(row: EntityRow): EntityView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    externalId: row.externalId,
    aliases: row.aliases.map((a) => ({ id: a.id, alias: a.alias })),
    version: row.version,
    mergedInto: row.mergedInto,
    deleted: row.deletedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The entity as stored (merged or deleted ones included), or null. */
export async function loadEntityView(client: Tx | typeof db, id: string): Promise<EntityView | null> {
  const row = await client.entity.findUnique({ where: { id }, include: entityInclude });
  return row ? toEntityView(row) : null;
}

/** One entity; a merged one is returned with `mergedInto` so callers can follow it. Deleted ones are not found. */
export async function getEntity(actor: Actor, id: string): Promise<EntityView> {
  assertEntityReader(actor);
  const view = await loadEntityView(db, id);
  if (!view || view.deleted) throw new NotFoundError("The entity");
  return view;
}

/** Characters LIKE treats specially; names do not need them. */
const searchKey = (q: string) => normalizeName(q).replace(/[%_\\]/g, "");

const SEARCH_POOL = 100;
/** Misspelled matches rank after every exact, prefix and word match. */
const FUZZY_RANK = 10;

/**
 * Alias-aware search, case- and diacritics-insensitive: "kiev", "Kyiv" and "KYÏV" find the
 * same city through its aliases. Prefix matches of a name or alias come first (they use the
 * prefix indexes), then names and aliases with a later word starting with the query (trigram
 * indexes), and when those do not fill the list, names and aliases spelled alike ("Lavrow"
 * finds "Lavrov": pg_trgm's word similarity, also through the trigram indexes). Each step reads
 * a bounded number of rows through an index, whatever the size of the registry.
 */
export async function searchEntities(actor: Actor, input: EntitySearchQuery): Promise<EntitySearchHit[]> {
  assertEntityReader(actor);
  const { q, type, limit } = input;
  const key = searchKey(q);
  const base: Prisma.EntityWhereInput = { ...ACTIVE_ENTITY, ...(type ? { type } : {}) };
  const select = { id: true, name: true, type: true, description: true, normalizedName: true, aliases: { select: { alias: true, normalized: true } } } as const;
  if (!key) {
    const rows = await readDb.entity.findMany({ where: base, select, orderBy: { normalizedName: "asc" }, take: limit });
    return rows.map((row) => toHit(row, row.name));
  }
  const typeFilter = type ? Prisma.sql`AND e."type" = ${type}::"EntityType"` : Prisma.empty;
  const prefixIds = await namesStartingWith(key, typeFilter, SEARCH_POOL);
  const wordIds = prefixIds.length >= limit || key.length < 2 ? [] : await namesWithWordStartingWith(key, typeFilter, limit, prefixIds);
  const found = [...prefixIds, ...wordIds];
  const similar = found.length >= limit || key.length < 3 ? [] : await namesSpelledAlike(key, typeFilter, limit - found.length, found);
  const rows = await readDb.entity.findMany({ where: { id: { in: [...found, ...similar.map((s) => s.id)] } }, select });
  const alike = new Map(similar.map((s) => [s.id, s]));
  return rows
    .map((row) => {
      const match = bestMatch(row, key);
      const fuzzy = alike.get(row.id);
      return Number.isFinite(match.rank) || !fuzzy ? { row, ...match } : { row, rank: FUZZY_RANK + (1 - fuzzy.score), matched: fuzzy.matched };
    })
    .sort((a, b) => a.rank - b.rank || a.row.normalizedName.localeCompare(b.row.normalizedName))
    .slice(0, limit)
    .map(({ row, matched }) => toHit(row, matched));
}

/** Characters LIKE treats specially are already gone from keys (searchKey). */
const likePrefix = (key: string) => `${key}%`;

/**
 * Active entities whose normalized name or an alias starts with `key`: the first `take` of each
 * in the order of the prefix indexes (text_pattern_ops, hence USING ~<~), so a short prefix that
 * thousands of names share reads `take` rows, not all of them.
 */
async function namesStartingWith(key: string, typeFilter: Prisma.Sql, take: number): Promise<string[]> {
  const rows = await readDb.$queryRaw<{ id: string }[]>`
    (SELECT e."id" FROM "Entity" e
     WHERE e."normalizedName" LIKE ${likePrefix(key)} AND e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL ${typeFilter}
     ORDER BY e."normalizedName" USING ~<~ LIMIT ${take})
    UNION
    (SELECT e."id" FROM "EntityAlias" a JOIN "Entity" e ON e."id" = a."entityId"
     WHERE a."normalized" LIKE ${likePrefix(key)} AND e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL ${typeFilter}
     ORDER BY a."normalized" USING ~<~ LIMIT ${take})`;
  return rows.map((row) => row.id);
}

/** Active entities with a later word of the name or an alias starting with `key` (trigram indexes), at most `take` from each. */
async function namesWithWordStartingWith(key: string, typeFilter: Prisma.Sql, take: number, exclude: string[]): Promise<string[]> {
  const pattern = `% ${key}%`;
  const rows = await readDb.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT e."id" FROM (
      (SELECT "id" FROM "Entity" WHERE "normalizedName" LIKE ${pattern} LIMIT ${take * 4})
      UNION ALL
      (SELECT "entityId" FROM "EntityAlias" WHERE "normalized" LIKE ${pattern} LIMIT ${take * 4})
    ) AS m
    JOIN "Entity" e ON e."id" = m."id"
    WHERE e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL ${typeFilter} AND NOT (e."id" = ANY(${exclude}::text[]))
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/**
 * How alike a word must be spelled to count (pg_trgm word similarity; its default, 0.6, misses one
 * wrong letter in an eight-letter name).
 */
const SPELLED_ALIKE = 0.5;

/** Active entities with a name or alias containing a word spelled like `key`, most similar first. */
async function namesSpelledAlike(
  key: string,
  typeFilter: Prisma.Sql,
  take: number,
  exclude: string[],
): Promise<{ id: string; matched: string; score: number }[]> {
  const [, rows] = await readDb.$transaction([
    readDb.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${SPELLED_ALIKE}`),
    readDb.$queryRaw<{ id: string; matched: string; score: number }[]>`
    SELECT e."id", m."matched", m."score" FROM (
      SELECT DISTINCT ON ("id") "id", "matched", "score" FROM (
        SELECT "id", "name" AS "matched", word_similarity(${key}, "normalizedName") AS "score" FROM "Entity" WHERE ${key} <% "normalizedName"
        UNION ALL
        SELECT "entityId", "alias", word_similarity(${key}, "normalized") FROM "EntityAlias" WHERE ${key} <% "normalized"
      ) AS spellings
      ORDER BY "id", "score" DESC, length("matched")
    ) AS m
    JOIN "Entity" e ON e."id" = m."id"
    WHERE e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL ${typeFilter} AND NOT (e."id" = ANY(${exclude}::text[]))
    ORDER BY m."score" DESC, e."normalizedName", e."id" LIMIT ${take}`,
  ]);
  return rows;
}

type SearchRow = {
  id: string;
  name: string;
  type: EntityTypeName;
  description: string | null;
  normalizedName: string;
  aliases: { alias: string; normalized: string }[];
};

function toHit(row: SearchRow, matched: string): EntitySearchHit {
  return { id: row.id, name: row.name, type: row.type, description: row.description, aliases: row.aliases.map((a) => a.alias), matched };
}

/** Exact name, exact alias, name prefix, alias prefix, then a later word: lower ranks first. */
function bestMatch(row: SearchRow, key: string): { rank: number; matched: string } {
  const candidates = [
    { normalized: row.normalizedName, text: row.name, isAlias: false },
    ...row.aliases.map((a) => ({ normalized: a.normalized, text: a.alias, isAlias: true })),
  ];
  let best = { rank: Number.POSITIVE_INFINITY, matched: row.name };
  for (const c of candidates) {
    const level = c.normalized === key ? 0 : c.normalized.startsWith(key) ? 2 : c.normalized.includes(` ${key}`) ? 4 : null;
    if (level === null) continue;
    const rank = level + (c.isAlias ? 1 : 0);
    if (rank < best.rank) best = { rank, matched: c.text };
  }
  return best;
}

export type EntityPage = {
  entity: EntityView;
  passages: PassagesByOutlet;
  merges: EntityMergeView[];
  duplicates: DuplicateCandidateView[];
  canDelete: boolean;
};

/** What the entity page shows besides its events (lib/events listEntityEvents): the entity, every linked passage, merges and likely duplicates. */
export async function getEntityPage(actor: Actor, id: string): Promise<EntityPage> {
  const entity = await getEntity(actor, id);
  const [passages, merges, duplicates, usage] = await Promise.all([
    listLinkedPassages(actor, { entityId: id }),
    listEntityMerges(actor, id),
    entity.mergedInto ? Promise.resolve([]) : listDuplicateCandidates(actor, { entityId: id, includeJudged: true }),
    countEntityUsage(db, id),
  ]);
  return {
    entity,
    passages,
    merges,
    duplicates,
    canDelete: usage.total === 0,
  };
}

/** What still refers to an entity; it can be deleted only when nothing does. Sequential: `client` may be a transaction. */
export async function countEntityUsage(client: Tx | typeof db, id: string) {
  const links = await client.link.count({ where: { entityId: id, annotation: { deletedAt: null } } });
  const participations = await client.eventParticipant.count({ where: { entityId: id, event: { deletedAt: null } } });
  const places = await client.event.count({ where: { placeId: id, deletedAt: null } });
  const claims = await client.claim.count({ where: { entityId: id } });
  const contradictions = await client.contradiction.count({ where: { entityId: id } });
  return { links, participations, places, claims, contradictions, total: links + participations + places + claims + contradictions };
}

const refSelect = { select: { id: true, name: true, type: true } } as const;

export async function listEntityMerges(actor: Actor, entityId: string): Promise<EntityMergeView[]> {
  assertEntityReader(actor);
  const rows = await db.entityMerge.findMany({
    where: { OR: [{ sourceId: entityId }, { targetId: entityId }] },
    include: { source: refSelect, target: refSelect, actor: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => {
    const moved = row.moved as {
      aliasesMoved?: unknown[];
      aliasesAdded?: unknown[];
      links?: unknown[];
      participantsMoved?: unknown[];
      participantsDropped?: unknown[];
      places?: unknown[];
      claims?: unknown[];
    };
    const count = (list?: unknown[]) => list?.length ?? 0;
    return {
      id: row.id,
      source: row.source,
      target: row.target,
      actor: row.actor,
      createdAt: row.createdAt.toISOString(),
      undoneAt: row.undoneAt ? row.undoneAt.toISOString() : null,
      summary: {
        aliases: count(moved.aliasesMoved) + count(moved.aliasesAdded),
        links: count(moved.links),
        participations: count(moved.participantsMoved) + count(moved.participantsDropped),
        places: count(moved.places),
        claims: count(moved.claims),
      },
    };
  });
}

/** Merges listed on the duplicates page at most; a longer list is not read by anyone. */
const MAX_CANDIDATES = 200;

/**
 * Pairs of active entities that may be one (shared alias or similar name), with the verdict
 * an editor gave before. Pairs judged "different" are left out unless `includeJudged`.
 */
export async function listDuplicateCandidates(actor: Actor, options: { entityId?: string; includeJudged?: boolean } = {}): Promise<DuplicateCandidateView[]> {
  assertEntityReader(actor);
  const entities = await db.entity.findMany({
    where: ACTIVE_ENTITY,
    select: { id: true, name: true, type: true, aliases: { select: { alias: true } } },
  });
  const byId = new Map(entities.map((e) => [e.id, e]));
  let pairs = findDuplicateCandidates(entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases.map((a) => a.alias) })));
  if (options.entityId) pairs = pairs.filter((p) => p.aId === options.entityId || p.bId === options.entityId);
  const judgements = pairs.length
    ? await db.duplicateJudgement.findMany({
        where: { entityAId: { in: [...new Set(pairs.map((p) => p.aId))] } },
        select: { entityAId: true, entityBId: true, verdict: true },
      })
    : [];
  const verdicts = new Map(judgements.map((j) => [`${j.entityAId}|${j.entityBId}`, j.verdict]));
  const ref = (id: string): EntityRef & { aliases: string[] } => {
    const e = byId.get(id)!;
    return { id: e.id, name: e.name, type: e.type, aliases: e.aliases.map((a) => a.alias) };
  };
  return pairs
    .map((p) => ({ a: ref(p.aId), b: ref(p.bId), reason: p.reason, score: p.score, verdict: verdicts.get(`${p.aId}|${p.bId}`) ?? null }))
    .filter((c) => options.includeJudged || c.verdict !== "DIFFERENT")
    .slice(0, MAX_CANDIDATES);
}

/**
 * For each normalized name, every spelling (name and aliases) of the active entities known by
 * it, for search to look for them all. Found through the name and alias indexes.
 */
export async function listSpellings(keys: string[]): Promise<Map<string, string[]>> {
  if (keys.length === 0) return new Map();
  const rows = await readDb.$queryRaw<{ key: string; spellings: string[] }[]>`
    WITH known AS (
      SELECT e."normalizedName" AS key, e."id" FROM "Entity" e
      WHERE e."normalizedName" = ANY(${keys}::text[]) AND e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL
      UNION
      SELECT a."normalized", e."id" FROM "EntityAlias" a JOIN "Entity" e ON e."id" = a."entityId"
      WHERE a."normalized" = ANY(${keys}::text[]) AND e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL
    )
    SELECT k.key, array_agg(DISTINCT s.spelling) AS spellings
    FROM known k
    CROSS JOIN LATERAL (
      SELECT e."name" AS spelling FROM "Entity" e WHERE e."id" = k."id"
      UNION ALL
      SELECT a."alias" FROM "EntityAlias" a WHERE a."entityId" = k."id"
    ) s
    GROUP BY k.key`;
  return new Map(rows.map((row) => [row.key, row.spellings.sort((a, b) => a.length - b.length || a.localeCompare(b))]));
}

/** Entities for pickers that must not load the whole registry: the ones named by id. */
export async function listEntityRefs(actor: Actor, ids: string[]): Promise<EntityRef[]> {
  assertEntityReader(actor);
  if (ids.length === 0) return [];
  return db.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, type: true } });
}
