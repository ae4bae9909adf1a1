/**
 * Duplicate candidates: pairs of registry entities that share an alias or have similar names.
 * Pure functions, no database.
 */
import { nameWords, normalizeName, similarWordLists, type NameWord } from "./match";

export interface DuplicateCandidateInput {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

export interface DuplicateCandidate {
  aId: string;
  bId: string;
  reason: "shared alias" | "similar name";
  score: number;
}

/** Below this, names like "Donald Trump"/"Donald Tusk" (0.5) or "Kim Jong Un"/"Kim Jong Il" (0.67) stay apart. */
export const SIMILAR_NAME_THRESHOLD = 0.85;
/** A block this large comes from a common word ("John", "Ministry"); the entities' other words still pair them. */
const MAX_BLOCK_SIZE = 200;
const BLOCK_PREFIX_LENGTH = 3;

/**
 * Pairs of same-type entities that may be one entity. Entities are only compared when they
 * share a name word prefix (blocking), so thousands of entities do not cost n² comparisons.
 * A pair sharing an alias is reported once, as "shared alias".
 */
export function findDuplicateCandidates(entities: DuplicateCandidateInput[]): DuplicateCandidate[] {
  const prepared = entities.map(prepare);
  const seen = new Set<number>();
  const shared = sharedAliasPairs(prepared, seen);
  const similar = similarNamePairs(prepared, seen);
  return [...shared, ...similar].sort((x, y) => y.score - x.score || x.aId.localeCompare(y.aId));
}

/** An entity with its position (for cheap pair keys) and each distinct name split into words once. */
interface PreparedEntity {
  index: number;
  id: string;
  type: string;
  normalizedNames: Set<string>;
  wordLists: NameWord[][];
}

function prepare(entity: DuplicateCandidateInput, index: number): PreparedEntity {
  const names = [entity.name, ...entity.aliases];
  const lists = new Map(names.map((n) => nameWords(n)).map((words) => [words.map((w) => w.text).join(" "), words]));
  return {
    index,
    id: entity.id,
    type: entity.type,
    normalizedNames: new Set(names.map(normalizeName)),
    wordLists: [...lists.values()],
  };
}

/** Records the pair as handled; false when it already was. */
function firstVisit(seen: Set<number>, total: number, a: PreparedEntity, b: PreparedEntity): boolean {
  const key = Math.min(a.index, b.index) * total + Math.max(a.index, b.index);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function candidate(a: PreparedEntity, b: PreparedEntity, reason: DuplicateCandidate["reason"], score: number): DuplicateCandidate {
  const [aId, bId] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  return { aId, bId, reason, score };
}

function sharedAliasPairs(entities: PreparedEntity[], seen: Set<number>): DuplicateCandidate[] {
  const byName = groupBy(entities, (e) => [...e.normalizedNames].map((n) => `${e.type}\u0000${n}`));
  const pairs: DuplicateCandidate[] = [];
  forEachPair(byName.values(), (a, b) => {
    if (firstVisit(seen, entities.length, a, b)) pairs.push(candidate(a, b, "shared alias", 1));
  });
  return pairs;
}

function similarNamePairs(entities: PreparedEntity[], seen: Set<number>): DuplicateCandidate[] {
  const blocks = groupBy(entities, (e) => e.wordLists.flat().map((w) => `${e.type}\u0000${w.text.slice(0, BLOCK_PREFIX_LENGTH)}`));
  const usefulBlocks = [...blocks.values()].filter((block) => block.length <= MAX_BLOCK_SIZE);
  const pairs: DuplicateCandidate[] = [];
  forEachPair(usefulBlocks, (a, b) => {
    if (!firstVisit(seen, entities.length, a, b)) return;
    const score = bestNameSimilarity(a, b);
    if (score >= SIMILAR_NAME_THRESHOLD) pairs.push(candidate(a, b, "similar name", score));
  });
  return pairs;
}

function groupBy<T>(items: T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function forEachPair<T>(groups: Iterable<T[]>, visit: (a: T, b: T) => void): void {
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) visit(group[i], group[j]);
    }
  }
}

function bestNameSimilarity(a: PreparedEntity, b: PreparedEntity): number {
  let best = 0;
  for (const wordsA of a.wordLists) {
    for (const wordsB of b.wordLists) best = Math.max(best, similarWordLists(wordsA, wordsB));
  }
  return best;
}
