import "server-only";
import { randomUUID } from "node:crypto";
import { db, Prisma, type Tx } from "@/lib/db";
import { jsonDocument } from "@/lib/db/json-document";
import { eventDateFromRow, type StoredEventDate } from "@/lib/events/date-fields";
import { isoDay } from "@/lib/iso-day";
import { loadRegistrySnapshot, runRegistryTask } from "@/lib/entities/registry-snapshot";
import { EXTRACTIONS_MISSING, type RegistrySnapshot, type TaskOutput } from "@/lib/workers/tasks";
import { type ExtractionRow, dayText } from "./extraction-row";
import { type Coverage, mergePeriods, type Period, personsRead, type Reach, reachOfMentions, uncovered } from "./group";
import { EXTRACTION_RULES_VERSION } from "./rules-version";
import { unpackExtraction } from "./stored-extraction";
import { type StoredProposalData, storedProposalData } from "./stored-proposal";
import { candidateFingerprint, claimFingerprint as hashClaim, mentionFingerprint as hashMention } from "./fingerprints";
import type { ContradictionCandidate, EventProposal, KnownClaim, KnownEvent, ProposalArticle, Proposals } from "./types";

/**
 * Proposals are kept current by a background job (lib/proposals/jobs.ts): an imported or revised
 * article is read once (on the worker thread) and its mentions regrouped with the stored mentions
 * that may be one happening with them, directly or through others (group.ts, `groupAround`; found
 * by the days each mention reaches, with an index), and with those of the articles already sharing
 * a proposal with them. Only those mentions' proposals are written: grouping and storing never
 * look at the whole corpus, nor at a month of it. Judgements are remembered by fingerprint (article and passage words),
 * so a dismissed proposal stays dismissed when the same passages are proposed again, and a
 * proposal whose passages a revision keeps is re-anchored instead of replaced.
 */

/** A mention with no date in an article with none reaches any date: it is blocked by shared participants, at most this many. */
const UNDATED_BLOCK = 200;
/** A regrouping reads again while its connected mentions reach further than it read; chains longer than this are cut. */
const MAX_PASSES = 4;
/**
 * Nor does a regrouping read more than this many articles: in a dense stretch of the corpus the
 * connected mentions can reach thousands of articles in one read, whose grouping outgrew the worker
 * thread's heap (at 100,000 generated articles) and costs in proportion (a block of 500 some 20 MB
 * of extractions). Each read stops at what is left of it, those naming the refreshed articles'
 * participants first.
 */
const MAX_REGROUP_ARTICLES = 500;
/**
 * Refreshed articles per regrouping: more at once (a batch of an import's jobs) are regrouped in
 * parts of about equal size, each leaving most of its block to the mentions connected to them.
 */
const MAX_REGROUP_SEEDS = 200;
/** Recorded events are read this much before the days reached: a month-precise event is stored as its first day. */
const EVENT_SLACK_DAYS = 31;
const TASK_LIMITS = { timeoutMs: 60_000, background: true };
/**
 * Proposals read at most this much of an article: news reports are far shorter, and a multi-megabyte
 * text would hold the worker thread for a minute with work nobody reviews. Offsets stay valid.
 */
const MAX_PROPOSAL_CHARS = 100_000;

/**
 * A task holds the worker thread while it runs: a slice's articles go to it in tasks of about this
 * many characters (a few news reports, some 100 ms of reading), so a preview someone waits for
 * waits that long at most, and a slice costs a few round trips to the thread, not one per article.
 */
const EXTRACT_TASK_CHARS = 50_000;

type Extracted = { row: ExtractionRow; revisionId: string };

/** Reads the articles' current revisions and stores what the engine extracts from them; answers the ids of those stored. */
async function extractArticles(articleIds: string[], registry: RegistrySnapshot): Promise<string[]> {
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: { id: true, outlet: true, publishedAt: true, currentRevision: { select: { id: true, text: true } } },
  });
  const tasks: { articles: ProposalArticle[]; revisionIds: string[]; chars: number }[] = [];
  for (const a of articles) {
    if (!a.currentRevision) continue;
    const text = a.currentRevision.text.slice(0, MAX_PROPOSAL_CHARS);
    let task = tasks[tasks.length - 1];
    if (!task || task.chars + text.length > EXTRACT_TASK_CHARS) {
      task = { articles: [], revisionIds: [], chars: 0 };
      tasks.push(task);
    }
    task.articles.push({ id: a.id, text, publishedAt: isoDay(a.publishedAt), outlet: a.outlet });
    task.revisionIds.push(a.currentRevision.id);
    task.chars += text.length;
  }
  if (tasks.length === 0) return [];
  const extracted: Extracted[] = [];
  for (const task of tasks) {
    const rows = await runRegistryTask("extractProposals", registry, { articles: task.articles }, TASK_LIMITS);
    rows.forEach((row, i) => {
      extracted.push({ row, revisionId: task.revisionIds[i] });
    });
  }
  await db.$transaction((tx) => storeExtractions(tx, extracted));
  return extracted.map((e) => e.row.articleId);
}

/**
 * One statement for the whole slice: PostgreSQL unpacks the rows from one JSON document, each
 * extraction's JSON text in it as a string, stored as the worker thread wrote it.
 */
async function storeExtractions(tx: Tx, extracted: Extracted[]): Promise<void> {
  const rows = extracted.map(({ row, revisionId }) =>
    JSON.stringify({ articleId: row.articleId, revisionId, ...row.keys, data: row.data, passages: row.passages }),
  );
  const json = jsonDocument(`[${rows.join(",")}]`);
  await tx.$executeRaw`
    INSERT INTO "ArticleExtraction" ("articleId", "revisionId", "data", "passages", "dateFrom", "dateTo", "undatedOn", "participantKeys",
                                     "looseMention", "soloPersons", "personPairs", "rulesVersion", "updatedAt")
    SELECT r."articleId", r."revisionId", r."data", r."passages", r."dateFrom", r."dateTo", r."undatedOn", r."participantKeys", r."looseMention",
           r."soloPersons", r."personPairs", ${EXTRACTION_RULES_VERSION}::int, ${new Date().toISOString()}::timestamp(3)
    FROM jsonb_to_recordset(${json}) AS r("articleId" text, "revisionId" text, "data" text, "passages" text, "dateFrom" date, "dateTo" date,
                                          "undatedOn" date, "participantKeys" text[], "looseMention" boolean, "soloPersons" text[], "personPairs" text[])
    ON CONFLICT ("articleId") DO UPDATE SET
      "revisionId" = EXCLUDED."revisionId", "data" = EXCLUDED."data", "passages" = EXCLUDED."passages",
      "dateFrom" = EXCLUDED."dateFrom", "dateTo" = EXCLUDED."dateTo", "undatedOn" = EXCLUDED."undatedOn",
      "participantKeys" = EXCLUDED."participantKeys", "looseMention" = EXCLUDED."looseMention", "soloPersons" = EXCLUDED."soloPersons",
      "personPairs" = EXCLUDED."personPairs", "rulesVersion" = EXCLUDED."rulesVersion", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** A regrouping's reads so far: the extractions, and what they cover (group.ts). */
type Read = Coverage & {
  /** `json` is null for an extraction the worker thread holds at this version (not read). */
  rows: Map<string, { revisionId: string; version: string; json: string | null; createdAt: Date }>;
};

/**
 * The extractions the worker thread holds, parsed, from its last groupings (lib/workers/tasks.ts),
 * by article, least recently grouped first: the version read and the length of its JSON. The thread
 * checks each version, so a thread that restarted or a grouping run in between costs one more
 * round trip, never a wrong block.
 */
let extractionsOnThread = new Map<string, { version: string; chars: number }>();

/**
 * The thread keeps the extractions of its last groupings up to this much of their mentions' JSON (a
 * block of 500 extractions of 10 KB articles, some 10 KB each): the next article of an import, the
 * next revision, the next report of the same happenings is mostly grouped with extractions grouped
 * before, which then neither travel from the database nor are parsed again. Reading, sending and
 * parsing a block's JSON was most of the CPU time of one article's proposals. Twice as much held
 * raised the server's peak during a 1,000-file import by 50–80 MB, over its 600 MB target.
 */
const HELD_EXTRACTION_CHARS = 6_000_000;

/** What the thread holds after grouping `block`: the block, then the most recently grouped others while they fit. */
function heldAfter(block: [string, { version: string; json: string | null }][]): Map<string, { version: string; chars: number }> {
  const held = new Map(extractionsOnThread);
  for (const [articleId, r] of block) {
    const chars = r.json?.length ?? extractionsOnThread.get(articleId)?.chars ?? 0;
    held.delete(articleId);
    held.set(articleId, { version: r.version, chars });
  }
  let chars = 0;
  for (const e of held.values()) chars += e.chars;
  const inBlock = new Set(block.map(([articleId]) => articleId));
  for (const [articleId, e] of held) {
    if (chars <= HELD_EXTRACTION_CHARS || inBlock.has(articleId)) break;
    held.delete(articleId);
    chars -= e.chars;
  }
  return held;
}

/** An extraction row's version (alias `x`), which every write of it changes: one expression wherever versions are compared. */
const ROW_VERSION = Prisma.sql`x.xmin::text || ':' || x."updatedAt"::text`;

/**
 * Reads the extractions' mentions as their stored JSON text, which the worker thread parses: some
 * 10 KB of JSON an article (stored-extraction.ts). On 1,200 extractions, reading the parsed JSON took twice
 * as long as reading the text, and cloning the objects to the thread twice as long again as parsing
 * the text there. Their claims and targets are read later, for the articles the groups hold
 * (`readPassages`). Those the thread holds at the same version (`held`) are not read: a row's xmin
 * changes with every write of it.
 */
async function readRows(read: Read, articleIds: string[], held: ReadonlyMap<string, { version: string }> = new Map()): Promise<void> {
  const missing = articleIds.filter((id) => !read.rows.has(id));
  if (missing.length === 0) return;
  const heldKeys = missing.flatMap((id) => {
    const version = held.get(id)?.version;
    return version === undefined ? [] : [`${id}|${version}`];
  });
  const rows = await db.$queryRaw<{ articleId: string; revisionId: string; version: string; json: string | null; createdAt: Date }[]>`
    SELECT r."articleId", r."revisionId", r."version", r."createdAt",
           CASE WHEN r."articleId" || '|' || r."version" = ANY(${heldKeys}::text[]) THEN NULL ELSE r."data" END AS "json"
    FROM (SELECT x."articleId", x."revisionId", x."data", ${ROW_VERSION} AS "version", a."createdAt"
          FROM "ArticleExtraction" x JOIN "Article" a ON a."id" = x."articleId"
          WHERE x."articleId" = ANY(${missing}::text[])) r`;
  for (const { articleId, ...row } of rows) read.rows.set(articleId, row);
}

/** Reads the text of the extractions a grouping left unread because the thread held them. */
async function readHeld(read: Read): Promise<void> {
  const unread = [...read.rows].filter(([, r]) => r.json === null).map(([id]) => id);
  for (const id of unread) read.rows.delete(id);
  await readRows(read, unread);
}

/**
 * Groups the block on the worker thread, sending the extractions it does not hold and the claims
 * and targets it asked for (`passages`). Once grouped, the thread holds the whole block: a further
 * pass sends only what it adds. Unless this is the last pass (`last`), a reach beyond what was read
 * comes back without proposals.
 */
async function groupOnThread(
  registry: RegistrySnapshot,
  read: Read,
  known: { events: string; claims: KnownClaim[] | null },
  seeds: string[],
  last: boolean,
  passages: [string, string][],
): Promise<TaskOutput<"groupProposalsAround">> {
  const { dated, undated, unbounded, persons } = read;
  const group = async () => {
    // Oldest article first, however the block was read: a candidate's sides keep their order.
    const block = [...read.rows].sort(([idA, a], [idB, b]) => a.createdAt.getTime() - b.createdAt.getTime() || idA.localeCompare(idB));
    const held = heldAfter(block);
    const proposals = await runRegistryTask(
      "groupProposalsAround",
      registry,
      {
        block: block.map(([articleId, r]) => ({ articleId, version: r.version })),
        extractionsJson: block.flatMap(([, r]) => (r.json === null ? [] : [r.json])),
        hold: [...held.keys()],
        passages,
        knownEventsJson: known.events,
        knownClaims: known.claims,
        seeds,
        read: last ? undefined : { dated, undated, unbounded, persons },
      },
      TASK_LIMITS,
    );
    extractionsOnThread = held;
    for (const [, r] of block) r.json = null;
    return proposals;
  };
  try {
    return await group();
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith(`${EXTRACTIONS_MISSING}:`))) throw error;
  }
  extractionsOnThread = new Map();
  await readHeld(read);
  return group();
}

/**
 * The claims and targets of these articles as stored with the mentions the regrouping read, and the
 * articles whose row was written since (a revision read in between) or is gone.
 */
async function readPassages(read: Read, articleIds: string[]): Promise<{ passages: [string, string][]; changed: string[] }> {
  if (articleIds.length === 0) return { passages: [], changed: [] };
  const rows = await db.$queryRaw<{ articleId: string; version: string; passages: string | null }[]>`
    SELECT x."articleId", ${ROW_VERSION} AS "version", x."passages"
    FROM "ArticleExtraction" x WHERE x."articleId" = ANY(${articleIds}::text[])`;
  const found = new Map(rows.map((r) => [r.articleId, r]));
  const passages: [string, string][] = [];
  const changed: string[] = [];
  for (const articleId of articleIds) {
    const row = found.get(articleId);
    if (row?.passages != null && row.version === read.rows.get(articleId)?.version) passages.push([articleId, row.passages]);
    else changed.push(articleId);
  }
  return { passages, changed };
}

/** A grouping asks at most for accepted claims and passages, then for those of rows written meanwhile, a few times. */
const MAX_ASKS = 4;

/**
 * Groups the block, then again with what its groups want (propose.ts, `Wanted`): the accepted
 * claims of the recorded events they hold, the claims and targets of the articles they hold. A
 * block's other articles' claims and targets, most of its stored JSON, are never read.
 */
async function groupWithWanted(
  registry: RegistrySnapshot,
  read: Read,
  events: KnownEvent[],
  seeds: string[],
  last: boolean,
): Promise<Exclude<TaskOutput<"groupProposalsAround">, { claimsOf: string[] }>> {
  // One text for every ask: the thread parses it once.
  const eventsJson = JSON.stringify(events);
  let claims: KnownClaim[] | null = null;
  let passages: [string, string][] = [];
  for (let ask = 0; ask < MAX_ASKS; ask++) {
    const grouped = await groupOnThread(registry, read, { events: eventsJson, claims }, seeds, last, passages);
    if (!("claimsOf" in grouped)) return grouped;
    const found = await readPassages(read, grouped.passagesOf);
    if (found.changed.length > 0) {
      // Grouped again with those rows as they are now, and asked again for what those groups want.
      for (const articleId of found.changed) read.rows.delete(articleId);
      await readRows(read, found.changed);
      [claims, passages] = [null, []];
      continue;
    }
    claims ??= grouped.claimsOf.length > 0 ? await acceptedClaimsOf(grouped.claimsOf) : [];
    passages = found.passages;
  }
  throw new Error("A grouping kept asking for claims and passages it was sent.");
}

/**
 * Whether an extraction's text[] column shares an element with `keys`, as `&&` answers it (null
 * where the column is). `&&` compares every element of one array with every element of the other:
 * ordering a slice of 20 articles' dated reach (600 participant keys, 6,000 extractions at 100,000
 * articles) by it took 2 s; each element looked up in the keys, which PostgreSQL hashes, 0.09 s.
 */
const sharesAny = (column: "participantKeys" | "soloPersons" | "personPairs", keys: readonly string[]) => {
  const values = Prisma.raw(`x."${column}"`);
  return Prisma.sql`(CASE WHEN ${values} IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest(${values}) AS k WHERE k = ANY(${keys}::text[])) END)`;
};

/**
 * Reads the stored extractions a reach adds: those whose periods overlap its dated days (a GiST
 * index on the days), those with undated mentions published on its undated days, and those without
 * days that share a participant with the refreshed ones (at most UNDATED_BLOCK: any date may be
 * theirs), or, when the reach holds a mention with no date (nor its article), every article sharing one.
 * Where a read stops short of its reach, those sharing a participant come first, then the lowest
 * article ids: refreshes around the same days read the same block, which the worker thread holds.
 */
async function readReach(read: Read, reach: Reach, participantKeys: string[]): Promise<void> {
  // Partners of more persons than read so far: the whole reach again, for them.
  const again = !personsRead(read, reach);
  const dated = again ? reach.dated : uncovered(reach.dated, read.dated);
  const undated = again ? reach.undated : uncovered(reach.undated, read.undated);
  const persons = reach.persons;
  const naming =
    persons === null
      ? Prisma.sql`true`
      : Prisma.sql`(x."looseMention" OR ${sharesAny("participantKeys", persons.any)} OR ${sharesAny("soloPersons", persons.solo)}
                    OR ${sharesAny("personPairs", persons.pairs)})`;
  const sharing = sharesAny("participantKeys", participantKeys);
  const ids = new Set<string>();
  const left = () => MAX_REGROUP_ARTICLES - read.rows.size - ids.size;
  const taken = () => [...read.rows.keys(), ...ids];
  const bounds = (periods: Period[]) => [periods.map((p) => dayText(p.from)), periods.map((p) => dayText(p.to))];
  if (dated.length && left() > 0) {
    const [los, his] = bounds(dated);
    const rows = await db.$queryRaw<{ articleId: string }[]>`
      SELECT "articleId" FROM (
        SELECT DISTINCT x."articleId", ${sharing} AS "sharing"
        FROM unnest(${los}::date[], ${his}::date[]) AS r("lo", "hi")
        JOIN "ArticleExtraction" x ON x."dateFrom" IS NOT NULL AND daterange(x."dateFrom", x."dateTo", '[]') && daterange(r."lo", r."hi", '[]')
          AND ${naming} AND x."articleId" <> ALL(${taken()}::text[])) d
      ORDER BY "sharing" DESC, "articleId" LIMIT ${left()}`;
    for (const r of rows) ids.add(r.articleId);
  }
  if (undated.length && left() > 0) {
    const [los, his] = bounds(undated);
    const rows = await db.$queryRaw<{ articleId: string }[]>`
      SELECT "articleId" FROM (
        SELECT DISTINCT x."articleId", ${sharing} AS "sharing"
        FROM unnest(${los}::date[], ${his}::date[]) AS r("lo", "hi")
        JOIN "ArticleExtraction" x ON x."undatedOn" BETWEEN r."lo" AND r."hi" AND ${naming} AND x."articleId" <> ALL(${taken()}::text[])) d
      ORDER BY "sharing" DESC, "articleId" LIMIT ${left()}`;
    for (const r of rows) ids.add(r.articleId);
  }
  if (participantKeys.length && !read.unbounded && left() > 0) {
    // Articles with a mention of no date reach any date, and a mention of no date reaches them all.
    const rows = await db.articleExtraction.findMany({
      where: { participantKeys: { hasSome: participantKeys }, ...(reach.unbounded ? {} : { dateFrom: null }), articleId: { notIn: taken() } },
      select: { articleId: true },
      take: Math.min(UNDATED_BLOCK, left()),
    });
    for (const r of rows) ids.add(r.articleId);
  }
  read.dated = mergePeriods([...read.dated, ...dated]);
  read.undated = mergePeriods([...read.undated, ...undated]);
  read.unbounded ||= reach.unbounded;
  const had = read.persons;
  read.persons =
    persons === null || had === null
      ? null
      : { any: new Set([...had.any, ...persons.any]), solo: new Set([...had.solo, ...persons.solo]), pairs: new Set([...had.pairs, ...persons.pairs]) };
  await readRows(read, [...ids], extractionsOnThread);
}

/**
 * Events already recorded on the days a regrouping reached: proposals link to them instead of
 * duplicating them. One statement, each period a range of the `occurredAt` index, the participants
 * gathered beside each event (Prisma's relation read took a second statement and some 20 ms of
 * the main thread for the thousand events and two thousand participants a dense month holds). In
 * the order the tables hold them (`ctid`), as Prisma's reads gave them: a group's members follow it.
 */
async function knownOn(periods: Period[]): Promise<KnownEvent[]> {
  if (periods.length === 0) return [];
  const ranges = mergePeriods(periods.map((p) => ({ from: p.from - EVENT_SLACK_DAYS, to: p.to + 1 })));
  const rows = await db.$queryRaw<
    (StoredEventDate & { id: string; type: KnownEvent["type"]; title: string; placeId: string | null; participantIds: string[] })[]
  >`
    SELECT e."id", e."type"::text AS "type", e."title", e."localDate", e."datePrecision"::text AS "datePrecision", e."timeZone", e."placeId",
           ARRAY(SELECT p."entityId" FROM "EventParticipant" p WHERE p."eventId" = e."id" ORDER BY p.ctid) AS "participantIds"
    FROM unnest(${ranges.map((r) => dayText(r.from))}::timestamp[], ${ranges.map((r) => dayText(r.to + 1))}::timestamp[]) AS r("lo", "hi")
    JOIN "Event" e ON e."occurredAt" >= r."lo" AND e."occurredAt" < r."hi"
    WHERE e."deletedAt" IS NULL
    ORDER BY e.ctid`;
  return rows.map((r) => ({ id: r.id, type: r.type, title: r.title, date: eventDateFromRow(r), participantIds: r.participantIds, placeId: r.placeId }));
}

/**
 * The accepted claims of these recorded events, which proposed claims about them may contradict.
 * Read only for the events a grouping put in its groups (few: a dense stretch's refresh reaches a
 * thousand events and their 3,000 claims, which took 85–105 ms to read and 60–110 ms on the worker
 * thread to compare with nothing). One statement, not Prisma's relations.
 */
async function acceptedClaimsOf(eventIds: string[]): Promise<KnownClaim[]> {
  return db.$queryRaw<KnownClaim[]>`
    SELECT c."id", c."eventId", c."attribute", c."value", an."articleId", a."outlet", an."exact" AS "quote"
    FROM "Claim" c JOIN "Annotation" an ON an."id" = c."annotationId" JOIN "Article" a ON a."id" = an."articleId"
    WHERE c."eventId" = ANY(${eventIds}::text[]) AND an."deletedAt" IS NULL`;
}

/** Reads the articles (their extractions stored, those of articles without a text dropped); answers the ids of those read. */
async function extractAll(articleIds: readonly string[], registry: RegistrySnapshot): Promise<string[]> {
  const extracted = await extractArticles([...new Set(articleIds)], registry);
  const stored = new Set(extracted);
  const gone = articleIds.filter((id) => !stored.has(id));
  if (gone.length) await db.articleExtraction.deleteMany({ where: { articleId: { in: gone } } });
  return extracted;
}

/** Regroups around these extracted articles, MAX_REGROUP_SEEDS at a time. */
async function regroup(articleIds: readonly string[], registry: RegistrySnapshot): Promise<void> {
  const parts = Math.ceil(articleIds.length / MAX_REGROUP_SEEDS);
  const size = Math.ceil(articleIds.length / parts);
  for (let at = 0; at < articleIds.length; at += size) await regroupBlock(articleIds.slice(at, at + size), registry);
}

/**
 * Regroups the mentions of these extracted articles (and of those sharing a proposal with them)
 * with every stored mention connected to them, and stores those groups alone: the rest of the
 * corpus keeps its proposals. Reads again while the connected mentions reach further than it read.
 */
async function regroupBlock(articleIds: readonly string[], registry: RegistrySnapshot): Promise<void> {
  const sharing = await db.eventProposalMention.findMany({
    where: { proposal: { mentions: { some: { articleId: { in: [...articleIds] } } } } },
    select: { articleId: true },
    distinct: ["articleId"],
    take: MAX_REGROUP_ARTICLES,
  });
  const read: Read = { rows: new Map(), dated: [], undated: [], unbounded: false, persons: { any: new Set(), solo: new Set(), pairs: new Set() } };
  await readRows(read, [...new Set([...articleIds, ...sharing.map((s) => s.articleId)])]);
  const seeds = [...read.rows.keys()];
  if (seeds.length === 0) return;
  const seedExtractions = [...read.rows.values()].map((r) => unpackExtraction(JSON.parse(r.json!)));
  const participantKeys = [...new Set(seedExtractions.flatMap((e) => e.mentions.flatMap((m) => m.participants.map((p) => p.key))))];
  let reach = reachOfMentions(seedExtractions.flatMap((e) => e.mentions));
  for (let pass = 1; ; pass++) {
    await readReach(read, reach, participantKeys);
    const last = pass === MAX_PASSES || read.rows.size >= MAX_REGROUP_ARTICLES;
    const grouped = await groupWithWanted(registry, read, await knownOn(read.dated), seeds, last);
    if (!("beyond" in grouped)) {
      const revisions = new Map([...read.rows].map(([id, r]) => [id, r.revisionId]));
      await db.$transaction((tx) => storeProposals(tx, new Set(seeds), revisions, grouped), { timeout: 60_000 });
      return;
    }
    reach = grouped.reach;
  }
}

/** Extracts the articles and regroups the proposals around them. Never called in a request. */
export async function refreshProposalsFor(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const registry = await loadRegistrySnapshot();
  await regroup(await extractAll(articleIds, registry), registry);
}

/**
 * The first half of a refresh, for work in slices: reads the articles and stores their
 * extractions. `regroupProposalsAround` then regroups once for all the slices, so mentions that
 * several slices touch are regrouped once, not once per slice.
 */
export async function extractProposalsFor(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length > 0) await extractAll(articleIds, await loadRegistrySnapshot());
}

/** The second half: regroups the proposals around articles whose extractions are stored. */
export async function regroupProposalsAround(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length > 0) await regroup([...new Set(articleIds)], await loadRegistrySnapshot());
}

// ─────────────────────────── storing a regrouping ───────────────────────────
//
// A regrouping's rows go in as JSON documents that PostgreSQL unpacks (jsonb_to_recordset): one
// statement per table and kind of change, and far cheaper than the client building statements
// of many parameters (a multi-row insert of 50 claims: 20–50 ms through the client, 3–7 ms so).

/**
 * Equal as JSON: what PostgreSQL's jsonb gives back (keys reordered, absent where the value was
 * undefined) compares equal to what was written. Walks both values instead of serializing them:
 * a block compares hundreds of stored proposals each time.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    // JSON writes undefined in an array as null.
    return a.every((v, i) => sameJson(v ?? null, b[i] ?? null));
  }
  if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  return keys.every((k) => y[k] !== undefined && sameJson(x[k], y[k]));
}

/** A fingerprint is a hash, and a regrouping asks for each several times: each is computed once. */
function once<T extends object>(fingerprint: (item: T) => string): (item: T) => string {
  const known = new WeakMap<T, string>();
  return (item) => {
    let value = known.get(item);
    if (value === undefined) {
      value = fingerprint(item);
      known.set(item, value);
    }
    return value;
  };
}

const mentionFingerprint = once(hashMention);
const claimFingerprint = once(hashClaim);

const MENTION_FIELDS = {
  id: true,
  fingerprint: true,
  articleId: true,
  revisionId: true,
  planned: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
} as const;

const PROPOSAL_FIELDS = {
  id: true,
  key: true,
  status: true,
  eventType: true,
  title: true,
  eventId: true,
  data: true,
  mentions: { select: MENTION_FIELDS },
} as const;

type MentionRow = ReturnType<typeof mentionRows>[number];
type StoredMention = MentionRow & { id: string };

type ExistingProposal = StoredProposal & { fingerprints: Set<string> };

function mentionRows(proposal: EventProposal, revisions: ReadonlyMap<string, string>) {
  return proposal.mentions.map((m) => {
    const [quote, position] = m.annotation.selector;
    return {
      articleId: m.articleId,
      revisionId: revisions.get(m.articleId) ?? "",
      fingerprint: mentionFingerprint(m),
      planned: m.planned,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
    };
  });
}

type ProposalRow = { id: string; key: string; eventType: string; title: string; data: StoredProposalData; eventId: string | null; date: string | null };

/** Row changes of one regrouping, written with a few multi-row statements at the end. */
type Changes = { created: ProposalRow[]; updated: ProposalRow[]; mentions: (MentionRow & { id: string; proposalId: string })[]; staleMentionIds: string[] };

const sameMention = (a: MentionRow, b: StoredMention) =>
  a.fingerprint === b.fingerprint &&
  a.articleId === b.articleId &&
  a.revisionId === b.revisionId &&
  a.planned === b.planned &&
  a.exact === b.exact &&
  a.prefix === b.prefix &&
  a.suffix === b.suffix &&
  a.start === b.start &&
  a.end === b.end;

function writeProposal(
  changes: Changes,
  existing: ExistingProposal | undefined,
  proposal: EventProposal,
  eventId: string | null,
  revisions: ReadonlyMap<string, string>,
): string {
  const rows = mentionRows(proposal, revisions);
  const fields = {
    key: proposal.key,
    eventType: proposal.eventType,
    title: proposal.title,
    data: storedProposalData(proposal),
    eventId,
    date: proposal.date ? proposal.date.slice(0, 10) : null,
  };
  if (!existing) {
    const id = randomUUID();
    changes.created.push({ id, ...fields });
    changes.mentions.push(...rows.map((m) => ({ ...m, id: randomUUID(), proposalId: id })));
    return id;
  }
  // Passages kept exactly as stored stay; only the rest are replaced.
  const kept = new Set<string>();
  const fresh = rows.filter((row) => {
    const same = existing.mentions.find((m) => !kept.has(m.id) && sameMention(row, m));
    if (same) kept.add(same.id);
    return !same;
  });
  const stale = existing.mentions.filter((m) => !kept.has(m.id)).map((m) => m.id);
  // Most of a block is unchanged by one more article: rows already as proposed, passages included, are left alone.
  const same =
    existing.status === "OPEN" &&
    existing.eventId === eventId &&
    existing.key === fields.key &&
    existing.eventType === fields.eventType &&
    existing.title === fields.title &&
    fresh.length === 0 &&
    stale.length === 0 &&
    sameJson(fields.data, existing.data);
  if (same) return existing.id;
  changes.updated.push({ id: existing.id, ...fields });
  changes.mentions.push(...fresh.map((row) => ({ ...row, id: randomUUID(), proposalId: existing.id })));
  changes.staleMentionIds.push(...stale);
  return existing.id;
}

type StoredProposal = {
  id: string;
  key: string;
  status: string;
  eventType: string;
  title: string;
  eventId: string | null;
  data: unknown;
  mentions: StoredMention[];
};

/**
 * The proposals with passages in these articles or among these passages, or holding these keys,
 * with their passages: two statements with array parameters, however many keys. The ids are found
 * first, each way by its index: the three conditions OR'ed in one filter scanned the whole table
 * (100 ms at 100,000 articles' 95,000 proposals). In the order the table holds them (`ctid`), as
 * that scan gave them: among equally good matches, the first wins (storeProposals).
 */
async function readProposals(tx: Tx, articleIds: string[], fingerprints: string[], keys: string[]): Promise<StoredProposal[]> {
  const rows = await tx.$queryRaw<Omit<StoredProposal, "mentions">[]>`
    SELECT "id", "key", "status"::text AS "status", "eventType"::text AS "eventType", "title", "eventId", "data" FROM "EventProposal"
    WHERE "id" = ANY(ARRAY(
      SELECT "proposalId" FROM "EventProposalMention" WHERE "articleId" = ANY(${articleIds}::text[])
      UNION SELECT "proposalId" FROM "EventProposalMention" WHERE "fingerprint" = ANY(${fingerprints}::text[])
      UNION SELECT "id" FROM "EventProposal" WHERE "key" = ANY(${keys}::text[])))
    ORDER BY ctid`;
  if (rows.length === 0) return [];
  const mentions = await tx.$queryRaw<(StoredMention & { proposalId: string })[]>`
    SELECT "id", "proposalId", "fingerprint", "articleId", "revisionId", "planned", "exact", "prefix", "suffix", "start", "end"
    FROM "EventProposalMention" WHERE "proposalId" = ANY(${rows.map((r) => r.id)}::text[])`;
  const byProposal = new Map<string, StoredMention[]>(rows.map((r) => [r.id, []]));
  for (const { proposalId, ...m } of mentions) byProposal.get(proposalId)!.push(m);
  return rows.map((r) => ({ ...r, mentions: byProposal.get(r.id)! }));
}

/**
 * Writes a regrouping's proposals: every mention of `articleIds` and every mention connected to
 * them. Each proposed happening is matched to a stored proposal by key, else by shared passages:
 * an open or withdrawn one takes the new grouping; a dismissed one stays dismissed; an accepted one
 * keeps its event, and passages it did not have become a new proposal linked to that event. Open
 * proposals holding a passage of these articles or one proposed now, no longer proposed, are
 * withdrawn; other proposals, of mentions not regrouped, are left alone.
 */
async function storeProposals(tx: Tx, articleIds: Set<string>, revisions: ReadonlyMap<string, string>, proposals: Proposals): Promise<void> {
  // One store at a time: two regroupings of overlapping blocks (an import's job and a revision's)
  // would both read a proposal key as free and both insert it. Waiting here, the second reads the first's rows.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('proposals:store'))`;
  const now = new Date().toISOString();
  // One read for the block's proposals and those holding a proposed key (a key is unique: one held by a row outside the block, such as a recorded event's "event:<id>", is that row).
  const keys = proposals.events.map((p) => p.key);
  const fingerprints = [...new Set(proposals.events.flatMap((p) => p.mentions.map(mentionFingerprint)))];
  const stored = await readProposals(tx, [...articleIds], fingerprints, keys);
  const toExisting = (r: StoredProposal): ExistingProposal => ({
    ...r,
    fingerprints: new Set(r.mentions.map((m) => m.fingerprint)),
  });
  const inBlock = (r: StoredProposal) => r.mentions.some((m) => articleIds.has(m.articleId));
  // The regrouped articles' own rows first: among equally good matches by shared passages, they win.
  const existing: ExistingProposal[] = [...stored.filter(inBlock), ...stored.filter((r) => !inBlock(r))].map(toExisting);
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const matched = new Set<string>();
  // Which stored proposals hold a passage: matching by shared passages looks up each passage once.
  const holders = new Map<string, ExistingProposal[]>();
  const position = new Map<ExistingProposal, number>();
  const remember = (e: ExistingProposal) => {
    position.set(e, position.size);
    for (const f of e.fingerprints) {
      const list = holders.get(f);
      if (list) list.push(e);
      else holders.set(f, [e]);
    }
  };
  existing.forEach(remember);
  /** The unmatched stored proposal sharing the most of these passages (the first stored, among equals). */
  const mostShared = (fingerprints: string[]) => {
    const shared = new Map<ExistingProposal, number>();
    for (const f of fingerprints) for (const e of holders.get(f) ?? []) if (!matched.has(e.id)) shared.set(e, (shared.get(e) ?? 0) + 1);
    let best: ExistingProposal | undefined;
    for (const [e, n] of shared) {
      const most = best ? shared.get(best)! : 0;
      if (n > most || (n === most && position.get(e)! < position.get(best!)!)) best = e;
    }
    return best;
  };
  const looked = new Set(keys);
  const keyed = async (key: string) => {
    if (byKey.has(key) || looked.has(key)) return byKey.get(key);
    looked.add(key);
    const row = await tx.eventProposal.findUnique({ where: { key }, select: PROPOSAL_FIELDS });
    if (!row) return undefined;
    const found = toExisting(row);
    existing.push(found);
    remember(found);
    byKey.set(key, found);
    return found;
  };
  const changes: Changes = { created: [], updated: [], mentions: [], staleMentionIds: [] };
  const rowOfProposal = new Map<string, { id: string; eventId: string | null; status: string }>();

  for (const proposal of proposals.events) {
    const fingerprints = proposal.mentions.map(mentionFingerprint);
    let row = await keyed(proposal.key);
    if (row && matched.has(row.id)) row = undefined;
    row ??= mostShared(fingerprints);
    if (row) matched.add(row.id);
    if (!row) {
      const id = writeProposal(changes, undefined, proposal, proposal.eventId, revisions);
      rowOfProposal.set(proposal.key, { id, eventId: proposal.eventId, status: "OPEN" });
    } else if (row.status === "OPEN" || row.status === "WITHDRAWN") {
      writeProposal(changes, row, proposal, proposal.eventId, revisions);
      rowOfProposal.set(proposal.key, { id: row.id, eventId: proposal.eventId, status: "OPEN" });
    } else if (row.status === "DISMISSED") {
      rowOfProposal.set(proposal.key, { id: row.id, eventId: row.eventId, status: "DISMISSED" });
    } else {
      rowOfProposal.set(proposal.key, { id: row.id, eventId: row.eventId, status: "ACCEPTED" });
      const fresh = proposal.mentions.filter((m) => !row!.fingerprints.has(mentionFingerprint(m)));
      if (fresh.length) {
        const followUp = { ...proposal, key: `${proposal.key}+${fresh.map((m) => m.mentionKey).sort()[0]}`, mentions: fresh, eventId: row.eventId };
        const other =
          (await keyed(followUp.key)) ??
          existing.find((e) => !matched.has(e.id) && e.status !== "ACCEPTED" && fresh.some((m) => e.fingerprints.has(mentionFingerprint(m))));
        if (other) matched.add(other.id);
        if (other?.status !== "DISMISSED") writeProposal(changes, other, followUp, row.eventId, revisions);
      }
    }
  }
  const withdrawn = existing.filter((e) => !matched.has(e.id) && e.status === "OPEN").map((e) => e.id);
  await writeProposalChanges(tx, changes, withdrawn, now);
  const claimIds = await storeClaims(tx, articleIds, revisions, proposals, rowOfProposal, now);
  const touched = [...new Set([...[...rowOfProposal.values()].map((r) => r.id), ...withdrawn])];
  await storeCandidates(tx, articleIds, touched, proposals, rowOfProposal, claimIds, now);
}

async function writeProposalChanges(tx: Tx, changes: Changes, withdrawn: string[], now: string): Promise<void> {
  // Updates before inserts: a key a stored row gives up may be the key of a new row.
  if (changes.updated.length) {
    const json = jsonDocument(JSON.stringify(changes.updated));
    // Rows passing keys along (one takes the key another gives up) first hold their own id: the
    // unique index is checked row by row, whatever order one statement updates them in.
    await tx.$executeRaw`
      UPDATE "EventProposal" AS p SET "key" = p."id"
      FROM jsonb_to_recordset(${json}) AS r("id" text, "key" text)
      WHERE p."id" = r."id" AND p."key" <> r."key"`;
    await tx.$executeRaw`
      UPDATE "EventProposal" AS p SET
        "key" = r."key", "eventType" = r."eventType"::"EventType", "title" = r."title", "data" = r."data", "eventId" = r."eventId",
        "date" = r."date", "status" = 'OPEN', "version" = p."version" + 1, "updatedAt" = ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("id" text, "key" text, "eventType" text, "title" text, "data" jsonb, "eventId" text, "date" date)
      WHERE p."id" = r."id"`;
  }
  if (changes.staleMentionIds.length) await tx.$executeRaw`DELETE FROM "EventProposalMention" WHERE "id" = ANY(${changes.staleMentionIds}::text[])`;
  if (changes.created.length) {
    const json = jsonDocument(JSON.stringify(changes.created));
    await tx.$executeRaw`
      INSERT INTO "EventProposal" ("id", "key", "eventType", "title", "data", "eventId", "date", "updatedAt")
      SELECT r."id", r."key", r."eventType"::"EventType", r."title", r."data", r."eventId", r."date", ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("id" text, "key" text, "eventType" text, "title" text, "data" jsonb, "eventId" text, "date" date)`;
  }
  if (changes.mentions.length) {
    const json = jsonDocument(JSON.stringify(changes.mentions));
    await tx.$executeRaw`
      INSERT INTO "EventProposalMention" ("id", "proposalId", "articleId", "revisionId", "fingerprint", "planned", "exact", "prefix", "suffix", "start", "end")
      SELECT r."id", r."proposalId", r."articleId", r."revisionId", r."fingerprint", r."planned", r."exact", r."prefix", r."suffix", r."start", r."end"
      FROM jsonb_to_recordset(${json}) AS r("id" text, "proposalId" text, "articleId" text, "revisionId" text, "fingerprint" text,
                                            "planned" boolean, "exact" text, "prefix" text, "suffix" text, "start" int, "end" int)`;
  }
  if (withdrawn.length)
    await tx.$executeRaw`
      UPDATE "EventProposal" SET "status" = 'WITHDRAWN', "version" = "version" + 1, "updatedAt" = ${now}::timestamp(3)
      WHERE "id" = ANY(${withdrawn}::text[])`;
}

/** Stores the block's claim proposals; answers the row id of every claim proposed (by fingerprint). */
async function storeClaims(
  tx: Tx,
  articleIds: Set<string>,
  revisions: ReadonlyMap<string, string>,
  proposals: Proposals,
  rowOfProposal: ReadonlyMap<string, { id: string; eventId: string | null }>,
  now: string,
): Promise<Map<string, string>> {
  const produced = new Set<string>();
  // One array parameter, not one parameter per claim: a block proposes thousands.
  const rows = await tx.$queryRaw<
    { id: string; fingerprint: string; status: string; revisionId: string; start: number; eventProposalId: string | null; eventId: string | null }[]
  >`
    SELECT "id", "fingerprint", "status"::text AS "status", "revisionId", "start", "eventProposalId", "eventId"
    FROM "ClaimProposal" WHERE "fingerprint" = ANY(${[...new Set(proposals.claims.map(claimFingerprint))]}::text[])`;
  const stored = new Map(rows.map((r) => [r.fingerprint, r]));
  const ids = new Map([...stored.values()].map((r) => [r.fingerprint, r.id]));
  const created: object[] = [];
  const reopened: object[] = [];
  const moved: object[] = [];
  for (const claim of proposals.claims) {
    const fingerprint = claimFingerprint(claim);
    if (produced.has(fingerprint)) continue;
    produced.add(fingerprint);
    const subject = rowOfProposal.get(claim.proposalKey);
    // The revision and offsets name the passage; reads take its words from the revision's text.
    const position = claim.annotation.selector[1];
    const anchor = { fingerprint, revisionId: revisions.get(claim.articleId) ?? "", start: position.start, end: position.end };
    const fields = {
      eventProposalId: subject?.id ?? null,
      eventId: subject?.eventId ?? claim.eventId,
      attribute: claim.attribute,
      value: claim.value,
      label: claim.label,
      speaker: claim.speaker ?? null,
    };
    const current = stored.get(fingerprint);
    if (!current) {
      const id = randomUUID();
      ids.set(fingerprint, id);
      created.push({ id, articleId: claim.articleId, ...anchor, ...fields });
    } else if (current.status === "OPEN" || current.status === "WITHDRAWN") {
      const same =
        current.status === "OPEN" &&
        current.revisionId === anchor.revisionId &&
        current.start === anchor.start &&
        current.eventProposalId === fields.eventProposalId &&
        current.eventId === fields.eventId;
      if (!same) reopened.push({ ...anchor, ...fields });
    } else if (current.revisionId !== anchor.revisionId || current.start !== anchor.start) moved.push(anchor);
  }
  if (created.length) {
    const json = jsonDocument(JSON.stringify(created));
    await tx.$executeRaw`
      INSERT INTO "ClaimProposal" ("id", "fingerprint", "articleId", "revisionId", "eventProposalId", "eventId", "attribute", "value", "label",
                                   "speaker", "start", "end", "updatedAt")
      SELECT r."id", r."fingerprint", r."articleId", r."revisionId", r."eventProposalId", r."eventId", r."attribute", r."value", r."label",
             r."speaker", r."start", r."end", ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("id" text, "fingerprint" text, "articleId" text, "revisionId" text, "eventProposalId" text, "eventId" text,
                                            "attribute" text, "value" jsonb, "label" text, "speaker" jsonb, "start" int, "end" int)`;
  }
  // A claim proposed again without a speaker keeps the one it had.
  if (reopened.length) {
    const json = jsonDocument(JSON.stringify(reopened));
    await tx.$executeRaw`
      UPDATE "ClaimProposal" AS c SET
        "revisionId" = r."revisionId", "start" = r."start", "end" = r."end",
        "eventProposalId" = r."eventProposalId", "eventId" = r."eventId", "attribute" = r."attribute", "value" = r."value", "label" = r."label",
        "speaker" = COALESCE(r."speaker", c."speaker"), "status" = 'OPEN', "updatedAt" = ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("fingerprint" text, "revisionId" text, "start" int, "end" int,
                                            "eventProposalId" text, "eventId" text, "attribute" text, "value" jsonb, "label" text, "speaker" jsonb)
      WHERE c."fingerprint" = r."fingerprint"`;
  }
  // Accepted and dismissed claims keep their judgement; only their passage follows the revision.
  if (moved.length) {
    const json = jsonDocument(JSON.stringify(moved));
    await tx.$executeRaw`
      UPDATE "ClaimProposal" AS c SET
        "revisionId" = r."revisionId", "start" = r."start", "end" = r."end", "updatedAt" = ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("fingerprint" text, "revisionId" text, "start" int, "end" int)
      WHERE c."fingerprint" = r."fingerprint"`;
  }
  await tx.$executeRaw`
    UPDATE "ClaimProposal" SET "status" = 'WITHDRAWN', "updatedAt" = ${now}::timestamp(3)
    WHERE "articleId" = ANY(${[...articleIds]}::text[]) AND "status" = 'OPEN' AND NOT ("fingerprint" = ANY(${[...produced]}::text[]))`;
  return ids;
}

/** Stores the candidates proposed; those of these articles or of these proposals not proposed again are withdrawn. */
async function storeCandidates(
  tx: Tx,
  articleIds: Set<string>,
  proposalIds: string[],
  proposals: Proposals,
  rowOfProposal: ReadonlyMap<string, { id: string; eventId: string | null }>,
  claimIds: ReadonlyMap<string, string>,
  now: string,
): Promise<void> {
  const candidates = proposals.contradictions;
  const claimByKey = new Map(proposals.claims.map((c) => [c.key, c]));
  const produced = new Set<string>();
  const sideKey = (key: string) => {
    const claim = claimByKey.get(key);
    return claim ? claimFingerprint(claim) : key;
  };
  const stored = new Map(
    candidates.length
      ? (
          await tx.contradictionCandidate.findMany({
            where: { fingerprint: { in: candidates.map((c) => candidateFingerprint(c, sideKey)) } },
            select: { fingerprint: true, status: true, sideA: true, sideB: true, eventProposalId: true, eventId: true, reason: true },
          })
        ).map((r) => [r.fingerprint, r])
      : [],
  );
  const created: object[] = [];
  const updated: object[] = [];
  for (const candidate of candidates) {
    // A side's passage is its claim proposal's row: the side keeps its id, not a copy of its selectors.
    const side = (s: ContradictionCandidate["a"]) => {
      const claim = s.accepted ? undefined : claimByKey.get(s.claimKey);
      return { ...s, claimProposalId: claim ? (claimIds.get(claimFingerprint(claim)) ?? null) : null, claimId: s.accepted ? s.claimKey : null };
    };
    const [a, b] = [side(candidate.a), side(candidate.b)];
    const fingerprint = candidateFingerprint(candidate, sideKey);
    if (produced.has(fingerprint)) continue;
    produced.add(fingerprint);
    const subject = rowOfProposal.get(candidate.proposalKey);
    const fields = {
      fingerprint,
      attribute: candidate.attribute,
      reason: candidate.reason,
      eventProposalId: subject?.id ?? null,
      eventId: subject?.eventId ?? candidate.eventId,
      sideA: a,
      sideB: b,
      articleIds: [...new Set([a.articleId, b.articleId])],
    };
    const current = stored.get(fingerprint);
    if (!current) created.push({ id: randomUUID(), ...fields });
    else if (
      current.status === "WITHDRAWN" ||
      (current.status === "SUGGESTED" &&
        !sameJson(
          [a, b, fields.eventProposalId, fields.eventId, fields.reason],
          [current.sideA, current.sideB, current.eventProposalId, current.eventId, current.reason],
        ))
    )
      updated.push(fields);
  }
  if (created.length) {
    const json = jsonDocument(JSON.stringify(created));
    await tx.$executeRaw`
      INSERT INTO "ContradictionCandidate" ("id", "fingerprint", "attribute", "reason", "eventProposalId", "eventId", "sideA", "sideB", "articleIds", "updatedAt")
      SELECT r."id", r."fingerprint", r."attribute", r."reason", r."eventProposalId", r."eventId", r."sideA", r."sideB", r."articleIds", ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("id" text, "fingerprint" text, "attribute" text, "reason" text, "eventProposalId" text, "eventId" text,
                                            "sideA" jsonb, "sideB" jsonb, "articleIds" text[])`;
  }
  if (updated.length) {
    const json = jsonDocument(JSON.stringify(updated));
    await tx.$executeRaw`
      UPDATE "ContradictionCandidate" AS c SET
        "attribute" = r."attribute", "reason" = r."reason", "eventProposalId" = r."eventProposalId", "eventId" = r."eventId",
        "sideA" = r."sideA", "sideB" = r."sideB", "articleIds" = r."articleIds", "status" = 'SUGGESTED', "updatedAt" = ${now}::timestamp(3)
      FROM jsonb_to_recordset(${json}) AS r("fingerprint" text, "attribute" text, "reason" text, "eventProposalId" text, "eventId" text,
                                            "sideA" jsonb, "sideB" jsonb, "articleIds" text[])
      WHERE c."fingerprint" = r."fingerprint"`;
  }
  await tx.$executeRaw`
    UPDATE "ContradictionCandidate" SET "status" = 'WITHDRAWN', "updatedAt" = ${now}::timestamp(3)
    WHERE ("articleIds" && ${[...articleIds]}::text[] OR "eventProposalId" = ANY(${proposalIds}::text[]))
      AND "status" = 'SUGGESTED' AND NOT ("fingerprint" = ANY(${[...produced]}::text[]))`;
}
