import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma, readDb, type Tx } from "@/lib/db";
import { z } from "zod";
import { decodeCursor, encodeCursor, textKey } from "@/lib/api/cursor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
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

/** Aliases read per step for one search: enough for the ones that fill a list, bounded however many names share a prefix. */
const SEARCH_POOL = 100;

/** The active entities of the registry, with the type filter when there is one, as SQL on the row `e`. */
const activeEntity = (type: EntityTypeName | undefined) =>
  Prisma.sql`e."deletedAt" IS NULL AND e."mergedIntoId" IS NULL ${type ? Prisma.sql`AND e."type" = ${type}::"EntityType"` : Prisma.empty}`;

export type EntityList = {
  entities: EntitySearchHit[];
  /**
   * Without `q`: where the next page of the registry starts (by name), for `cursor`, or null after
   * the last. A search lists its best matches only and has no next page.
   */
  nextCursor: string | null;
};

/** The keys the registry is listed by: the normalized name, then the id. */
const entityCursor = z.tuple([textKey, textKey]);

/**
 * The registry by name, one page after `cursor` (keyset pagination: read from the name index
 * starting at the cursor's keys, so a deep page costs what the first does), or, with `q`, the
 * best matches of a search (searchEntities). Read from the read replica when there is one.
 */
export async function listEntities(actor: Actor, input: EntitySearchQuery): Promise<EntityList> {
  assertEntityReader(actor);
  if (input.cursor && searchKey(input.q))
    throw new ValidationError("cursor: a search lists its best matches and has no next page; cursor pages the list without q.");
  if (searchKey(input.q)) return { entities: await searchEntities(actor, input), nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor, entityCursor) : null;
  const keyset = after ? Prisma.sql`AND e."normalizedName" >= ${after[0]} AND (e."normalizedName" > ${after[0]} OR e."id" > ${after[1]})` : Prisma.empty;
  const rows = await readHits(Prisma.sql`
    SELECT e."id", NULL::text AS "matched", row_number() OVER (ORDER BY e."normalizedName", e."id") AS "place" FROM "Entity" e
    WHERE ${activeEntity(input.type)} ${keyset}
    ORDER BY e."normalizedName", e."id"
    LIMIT ${input.limit + 1}`);
  const listed = rows.slice(0, input.limit);
  const last = listed.at(-1);
  return {
    entities: listed.map(toHit),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.normalizedName, last.id]) : null,
  };
}

/**
 * Alias-aware search, case- and diacritics-insensitive: "kiev", "Kyiv" and "KYÏV" find the
 * same city through its aliases. Prefix matches of a name or alias come first (they use the
 * prefix indexes), then names and aliases with a later word starting with the query (trigram
 * indexes), and when those do not fill the list, names and aliases spelled alike ("Lavrow"
 * finds "Lavrov": pg_trgm's word similarity, also through the trigram indexes). Each step reads
 * a bounded number of rows through an index, whatever the size of the registry; the matches are
 * ranked in the database and only the ones listed are read with their aliases, all in one query.
 */
export async function searchEntities(actor: Actor, input: EntitySearchQuery): Promise<EntitySearchHit[]> {
  assertEntityReader(actor);
  const { q, type, limit } = input;
  const key = searchKey(q);
  if (!key) {
    const rows = await readHits(Prisma.sql`
      SELECT e."id", NULL::text AS "matched", row_number() OVER (ORDER BY e."normalizedName", e."id") AS "place" FROM "Entity" e
      WHERE ${activeEntity(type)} ORDER BY e."normalizedName", e."id" LIMIT ${limit}`);
    return rows.map(toHit);
  }
  const rows = await readHits(Prisma.sql`
    WITH matching AS MATERIALIZED (${namesMatching(key, type, limit)})
    SELECT "id", "matched", "place" FROM matching
    ${key.length < 3 ? Prisma.empty : Prisma.sql`UNION ALL (${namesSpelledAlike(key, type, limit)})`}`);
  return rows.slice(0, limit).map(toHit);
}

/** Characters LIKE treats specially are already gone from keys (searchKey). */
const likePrefix = (key: string) => `${key}%`;

/**
 * The best `take` active entities whose name or an alias matches `key` exactly, by prefix or by a
 * later word, ranked: exact name, exact alias, name prefix, alias prefix, name word, alias word,
 * then by name in the prefix indexes' order (bytes, hence COLLATE "C" and USING ~<~). Names are
 * read in that order, `take` of them, so the names' part is exactly the best; aliases, SEARCH_POOL
 * of each kind, so that a short prefix thousands of names share reads that many rows, not all.
 * As SQL giving each its `place` in that order, from 1.
 */
function namesMatching(key: string, type: EntityTypeName | undefined, take: number): Prisma.Sql {
  const prefix = likePrefix(key);
  const word = `% ${key}%`;
  // A later word of one letter would match most of the registry; two letters are where it starts.
  const words =
    key.length < 2
      ? Prisma.empty
      : Prisma.sql`
        UNION ALL
        (SELECT e."id", e."name", 4, e."normalizedName" FROM "Entity" e WHERE e."normalizedName" LIKE ${word} AND ${activeEntity(type)} LIMIT ${take})
        UNION ALL
        SELECT e."id", a."alias", 5, e."normalizedName"
        FROM (SELECT "entityId", "alias" FROM "EntityAlias" WHERE "normalized" LIKE ${word} LIMIT ${SEARCH_POOL}) a
        JOIN "Entity" e ON e."id" = a."entityId" WHERE ${activeEntity(type)}`;
  return Prisma.sql`
    SELECT "id", "matched", row_number() OVER (ORDER BY "rank", "normalizedName" COLLATE "C", "id") AS "place" FROM (
      SELECT DISTINCT ON ("id") "id", "matched", "rank", "normalizedName" FROM (
        (SELECT e."id", e."name" AS "matched", CASE WHEN e."normalizedName" = ${key} THEN 0 ELSE 2 END AS "rank", e."normalizedName"
         FROM "Entity" e WHERE e."normalizedName" LIKE ${prefix} AND ${activeEntity(type)}
         ORDER BY e."normalizedName" USING ~<~ LIMIT ${take})
        UNION ALL
        SELECT e."id", a."alias", CASE WHEN a."normalized" = ${key} THEN 1 ELSE 3 END, e."normalizedName"
        FROM (SELECT "entityId", "alias", "normalized" FROM "EntityAlias" WHERE "normalized" LIKE ${prefix} ORDER BY "normalized" USING ~<~ LIMIT ${SEARCH_POOL}) a
        JOIN "Entity" e ON e."id" = a."entityId" WHERE ${activeEntity(type)}
        ${words}
      ) AS found
      ORDER BY "id", "rank", length("matched")
    ) AS best
    ORDER BY "rank", "normalizedName" COLLATE "C", "id"
    LIMIT ${take}`;
}

/**
 * Active entities with a name or alias containing a word spelled like `key`, most similar first,
 * placed after the `take` of the CTE `matching` (namesMatching) and only looked for when those are
 * fewer than `take` (the condition is checked once, before the trigram indexes are read). The
 * names and aliases come from entity_spellings_alike (migration 20261206000500), which sets how
 * alike a word must be for its own call, so no transaction is needed to set it.
 */
function namesSpelledAlike(key: string, type: EntityTypeName | undefined, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT e."id", m."matched", ${take} + row_number() OVER (ORDER BY m."score" DESC, e."normalizedName", e."id") AS "place" FROM (
      SELECT DISTINCT ON ("entityId") "entityId", "matched", "score" FROM entity_spellings_alike(${key})
      WHERE (SELECT count(*) FROM matching) < ${take}
      ORDER BY "entityId", "score" DESC, length("matched")
    ) AS m
    JOIN "Entity" e ON e."id" = m."entityId"
    WHERE ${activeEntity(type)} AND e."id" NOT IN (SELECT "id" FROM matching)
    ORDER BY m."score" DESC, e."normalizedName", e."id" LIMIT ${take}`;
}

type HitRow = { id: string; name: string; normalizedName: string; type: EntityTypeName; description: string | null; aliases: string[]; matched: string | null };

/**
 * The entities `found` lists (SQL giving "id", "matched" and "place"), in the order of their place,
 * each with its aliases, in the same query.
 */
function readHits(found: Prisma.Sql): Promise<HitRow[]> {
  return readDb.$queryRaw<HitRow[]>`
    SELECT e."id", e."name", e."normalizedName", e."type"::text AS "type", e."description", f."matched",
           coalesce((SELECT array_agg(a."alias" ORDER BY a."alias") FROM "EntityAlias" a WHERE a."entityId" = e."id"), '{}') AS "aliases"
    FROM (${found}) AS f JOIN "Entity" e ON e."id" = f."id"
    ORDER BY f."place"`;
}

/** A hit found by the spelling `matched`, or by its name when that is null. */
function toHit(row: HitRow): EntitySearchHit {
  return { id: row.id, name: row.name, type: row.type, description: row.description, aliases: row.aliases, matched: row.matched ?? row.name };
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
