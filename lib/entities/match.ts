/**
 * Alias matching: finds mentions of known entities in article text, proposes new
 * entities and flags probable duplicates. Pure functions, no database.
 */
import nlp from "compromise";
import { foldMixedScriptWords, withoutFormatCharacters } from "./name-characters";
import { isProperName, nameCandidateRanges, TITLE_WORDS, type TextRange } from "./name-candidates";

// ---------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------

/** Apostrophe look-alikes that CMSs and keyboards substitute for "'" (all single UTF-16 units). */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02B9\u02BC\u0060\u00B4\u2032]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Letters NFKD does not decompose but that readers treat as their base letter(s). */
const LETTER_FOLDS: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};
const FOLDABLE_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");

/**
 * Key for search and duplicate detection: case, diacritics, typography, invisible characters
 * and Cyrillic or Greek look-alikes inside a Latin word ("Асme") do not count.
 */
export function normalizeName(s: string): string {
  return foldMixedScriptWords(withoutFormatCharacters(s))
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(FOLDABLE_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(DASHES, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A word: letters, digits and combining marks (so a decomposed "ï" stays inside its word). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface Token {
  start: number;
  end: number;
  key: string;
}

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: normalizeName(m[0]),
  }));
}

// ---------------------------------------------------------------------------
// Mention matching
// ---------------------------------------------------------------------------

export interface MatcherEntry {
  entityId: string;
  names: string[];
}

export interface Mention {
  /** Several ids when an alias is shared: the caller flags the mention as ambiguous. */
  entityIds: string[];
  /** Offsets into the original text (JS string indices), end exclusive. */
  start: number;
  end: number;
  /** True when the text spells the alias exactly as registered (case and diacritics included). */
  exact: boolean;
}

export interface Matcher {
  findMentions(text: string): Mention[];
}

/**
 * How the text must be capitalized for an alias to match. Matching is case-insensitive
 * ("ZELENSKYY" matches "Zelenskyy"), but without these rules the alias "US" would match
 * the pronoun "us" and "May" (a surname) the verb "may".
 */
type CaseRule = "any" | "capitalized" | "uppercase";

interface AliasForm {
  entityId: string;
  form: string;
  caseRule: CaseRule;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  aliases: AliasForm[];
}

/** Short acronyms are common words in lower case ("US", "WHO"); longer ones are often title-cased ("Nato"). */
const MAX_STRICT_ACRONYM_LETTERS = 3;

function caseRuleFor(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return "any";
  const isAcronym = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (isAcronym) return letters.length <= MAX_STRICT_ACRONYM_LETTERS ? "uppercase" : "capitalized";
  return /^\p{Lu}/u.test(letters) ? "capitalized" : "any";
}

function caseRuleAccepts(rule: CaseRule, slice: string): boolean {
  const letters = slice.replace(/[^\p{L}]/gu, "");
  if (rule === "uppercase") return letters === letters.toUpperCase();
  if (rule === "capitalized") return /^[\p{Lu}\p{Lt}]/u.test(letters);
  return true;
}

const collapseSpaces = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * What may separate two words of one multi-word alias in the text: spaces, dots of initials
 * ("J. K."), hyphens, apostrophes, "&". Clause punctuation (commas, brackets, quotes, …)
 * or a long gap means the words belong to different phrases.
 */
const MAX_GAP_LENGTH = 4;
const CLAUSE_PUNCTUATION = /[,;:!?()[\]{}"“”«»/|]/;

function isWordGap(gap: string): boolean {
  return gap.length <= MAX_GAP_LENGTH && !CLAUSE_PUNCTUATION.test(gap) && !/\n\s*\n/.test(gap);
}

function newNode(): TrieNode {
  return { children: new Map(), aliases: [] };
}

function insertAlias(root: TrieNode, entityId: string, alias: string): void {
  const keys = tokenize(alias).map((t) => t.key);
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    let child = node.children.get(key);
    if (!child) {
      child = newNode();
      node.children.set(key, child);
    }
    node = child;
  }
  const form = collapseSpaces(alias);
  if (!node.aliases.some((a) => a.entityId === entityId && a.form === form)) {
    node.aliases.push({ entityId, form, caseRule: caseRuleFor(form) });
  }
}

/**
 * Builds a token trie over normalized alias words: matching a text costs one map lookup
 * per word and per alias word, independent of the number of entities.
 */
export function buildMatcher(entries: MatcherEntry[]): Matcher {
  const root = newNode();
  for (const entry of entries) {
    for (const name of entry.names) insertAlias(root, entry.entityId, name);
  }
  return { findMentions: (text) => findMentions(root, text) };
}

function findMentions(root: TrieNode, text: string): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestMatchAt(root, tokens, i, text);
    if (found) {
      mentions.push(found.mention);
      i = found.lastToken + 1;
    } else {
      i += 1;
    }
  }
  return mentions;
}

/** Every alias ending along the trie path that starts at token `first`, shortest first. */
function aliasEndingsFrom(root: TrieNode, tokens: Token[], first: number, text: string) {
  const endings: { lastToken: number; aliases: AliasForm[] }[] = [];
  let node = root.children.get(tokens[first].key);
  let j = first;
  while (node) {
    if (node.aliases.length > 0) endings.push({ lastToken: j, aliases: node.aliases });
    const next = tokens[j + 1];
    if (!next || !isWordGap(text.slice(tokens[j].end, next.start))) break;
    node = node.children.get(next.key);
    j += 1;
  }
  return endings;
}

/** Longest match wins ("Vladimir Putin" is one mention, not "Putin" inside it). */
function longestMatchAt(root: TrieNode, tokens: Token[], first: number, text: string) {
  const endings = aliasEndingsFrom(root, tokens, first, text);
  for (let k = endings.length - 1; k >= 0; k--) {
    const { lastToken, aliases } = endings[k];
    const start = tokens[first].start;
    const end = tokens[lastToken].end;
    const slice = text.slice(start, end);
    const accepted = aliases.filter((a) => caseRuleAccepts(a.caseRule, slice));
    if (accepted.length === 0) continue;
    const spelled = collapseSpaces(slice);
    const mention: Mention = {
      entityIds: [...new Set(accepted.map((a) => a.entityId))],
      start,
      end,
      exact: accepted.some((a) => a.form === spelled),
    };
    return { mention, lastToken };
  }
  return null;
}

// ---------------------------------------------------------------------------
// New entity suggestions
// ---------------------------------------------------------------------------

export type SuggestedEntityType = "PERSON" | "ORGANIZATION" | "PLACE";

export interface EntitySuggestion {
  name: string;
  type: SuggestedEntityType;
  occurrences: { start: number; end: number }[];
}

interface Span {
  type: SuggestedEntityType;
  start: number;
  end: number;
}

/** Capitalized words that follow names in news copy ("Putin said Tuesday") without being part of them. */
const CALENDAR_WORDS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]);

/** Lower-case particles that belong inside names ("Ursula von der Leyen", "Bashar al-Assad"). */
const NAME_PARTICLES = new Set(["von", "van", "der", "den", "de", "del", "della", "la", "le", "al", "bin", "ibn", "da", "dos"]);

/** A final "." that belongs to the name ("Apple Inc.", "Donald Trump Jr."), not to the sentence. */
const ABBREVIATION_END = /(?:\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|Plc)|\b\p{Lu})\.$/u;

const TYPE_VIEWS: [SuggestedEntityType, "people" | "organizations" | "places"][] = [
  ["PERSON", "people"],
  ["ORGANIZATION", "organizations"],
  ["PLACE", "places"],
];

/**
 * Proposes people, organizations and places found by compromise that are not known yet.
 * `knownNormalizedNames` holds normalizeName() of every known name and alias; `knownSpans`
 * (the matcher's mentions) spares compromise the sentences that name only known entities.
 */
export function suggestNewEntities(text: string, knownNormalizedNames: Set<string>, knownSpans: readonly TextRange[] = []): EntitySuggestion[] {
  // Same length, so compromise's offsets stay valid; compromise only understands straight apostrophes.
  const prepared = text.replace(APOSTROPHES, "'");
  const spans: Span[] = [];
  for (const range of nameCandidateRanges(prepared, knownSpans)) {
    const doc = nlp(prepared.slice(range.start, range.end));
    for (const [type, view] of TYPE_VIEWS) {
      const found = doc[view]().json({ offset: true }) as { offset: { start: number; length: number } }[];
      for (const { offset } of found) {
        const start = range.start + offset.start;
        for (const part of splitAtCommas(prepared, start, start + offset.length)) {
          const cleaned = cleanSpan(prepared, { type, ...part });
          if (cleaned) spans.push(type === "PERSON" ? extendName(prepared, cleaned) : cleaned);
        }
      }
    }
  }
  const merged = mergeAdjacentSpans(prepared, dropOverlaps(spans));
  return groupSuggestions(text, merged, knownNormalizedNames);
}

/** compromise returns lists like "Istanbul, Turkey" as one place. */
function splitAtCommas(text: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === "," || text[i] === ";") {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
  }
  return parts;
}

/** Trims punctuation, possessive endings and leading titles; null when nothing name-like is left. */
function cleanSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  const slice = () => text.slice(start, end);
  while (start < end && /[\s"'([]/.test(text[start])) start++;
  while (start < end && /[\s"'),;:!?\]]/.test(text[end - 1])) end--;
  if (slice().endsWith(".") && !ABBREVIATION_END.test(slice())) end--;
  const possessive = /'s?$/.exec(slice());
  if (possessive) end -= possessive[0].length;
  start = skipLeadingNonNameWords(text, start, end);
  return isProperName(slice()) ? { ...span, start, end } : null;
}

function skipLeadingNonNameWords(text: string, start: number, end: number): number {
  const leadingWord = /^(\p{L}+)\.?\s+/u;
  for (let m = leadingWord.exec(text.slice(start, end)); m && TITLE_WORDS.has(m[1].toLowerCase()); m = leadingWord.exec(text.slice(start, end))) {
    start += m[0].length;
  }
  return start;
}

/**
 * compromise often stops a person's name early ("Sergei" in "Sergei Lavrov's"): extend it
 * over directly following capitalized words and name particles. Words stop at an
 * apostrophe, so a possessive ending is never taken in.
 */
function extendName(text: string, span: Span): Span {
  const nextWord = /^ ((\p{L}+)(?:-\p{L}+)*)/u;
  let end = span.end;
  for (let m = nextWord.exec(text.slice(end)); m; m = nextWord.exec(text.slice(end))) {
    const word = m[1];
    const isParticle = NAME_PARTICLES.has(word) && startsWithNameWordAfterParticles(text.slice(end + m[0].length));
    const isNameWord = /^\p{Lu}/u.test(word) && !CALENDAR_WORDS.has(word.toLowerCase());
    if (!isNameWord && !isParticle) break;
    end += m[0].length;
  }
  return { ...span, end };
}

/** A particle only belongs to a name when a capitalized word follows ("von der Leyen", not "de facto"). */
function startsWithNameWordAfterParticles(rest: string): boolean {
  const words = rest.slice(0, 80).split(" ").slice(1);
  const firstNonParticle = words.find((w) => !NAME_PARTICLES.has(w));
  return firstNonParticle !== undefined && /^\p{Lu}/u.test(firstNonParticle);
}

/** The same words can be tagged twice (a place and an organization): the first reading wins. */
function dropOverlaps(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const span of spans) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "President Vladimir" + "Putin" are cut apart by compromise around titles and possessives. */
function mergeAdjacentSpans(text: string, spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && last.type === span.type && text.slice(last.end, span.start) === " ") {
      last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function groupSuggestions(text: string, spans: Span[], known: Set<string>): EntitySuggestion[] {
  const byKey = new Map<string, EntitySuggestion>();
  for (const span of spans) {
    const name = collapseSpaces(text.slice(span.start, span.end));
    const key = normalizeName(name);
    if (known.has(key)) continue;
    const suggestion = byKey.get(key) ?? { name, type: span.type, occurrences: [] };
    suggestion.occurrences.push({ start: span.start, end: span.end });
    byKey.set(key, suggestion);
  }
  return foldSurnamesIntoFullNames([...byKey.values()]);
}

/** "Lavrov" alone is the same person as a suggested "Sergei Lavrov" in the same article. */
function foldSurnamesIntoFullNames(suggestions: EntitySuggestion[]): EntitySuggestion[] {
  const fullNames = suggestions.filter((s) => s.type === "PERSON" && s.name.includes(" "));
  const result: EntitySuggestion[] = [];
  for (const s of suggestions) {
    const key = normalizeName(s.name);
    const full = s.type === "PERSON" && !s.name.includes(" ") ? fullNames.find((f) => normalizeName(f.name).endsWith(` ${key}`)) : undefined;
    if (full) full.occurrences.push(...s.occurrences);
    else result.push(s);
  }
  for (const s of result) s.occurrences.sort((a, b) => a.start - b.start);
  return result;
}

// ---------------------------------------------------------------------------
// Name similarity and duplicate candidates
// ---------------------------------------------------------------------------

/** A word of a name with its character bigrams, computed once per name. */
interface NameWord {
  text: string;
  grams: string[];
}

function nameWords(name: string): NameWord[] {
  return tokenize(name).map(({ key }) => ({ text: key, grams: bigrams(key) }));
}

const isInitial = (word: NameWord) => word.text.length === 1;

function bigrams(word: string): string[] {
  if (word.length < 2) return [word];
  const grams: string[] = [];
  for (let i = 0; i < word.length - 1; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** An initial matches any word with its letter ("S." ~ "Sergei"); other words are compared by wordDice. */
function wordSimilarity(a: NameWord, b: NameWord): number {
  if (isInitial(a) || isInitial(b)) return a.text[0] === b.text[0] ? 1 : 0;
  return wordDice(a, b);
}

/** Sørensen–Dice on character bigrams: "sergei"/"sergey" 0.8, "trump"/"tusk" 0. */
function wordDice(a: NameWord, b: NameWord): number {
  if (a.text === b.text) return 1;
  const used = new Uint8Array(b.grams.length);
  let shared = 0;
  for (const g of a.grams) {
    for (let i = 0; i < b.grams.length; i++) {
      if (!used[i] && b.grams[i] === g) {
        used[i] = 1;
        shared++;
        break;
      }
    }
  }
  return (2 * shared) / (a.grams.length + b.grams.length);
}

/**
 * Similarity 0..1 of two names: every word is paired with its most similar word in the other
 * name (word order does not matter) and scored with bigram Dice; the score is the mean over
 * the words of both names, so a missing word lowers it ("Putin" vs "Vladimir Putin" ≈ 0.67)
 * and a different surname weighs as much as a different first name. An initial counts when
 * it fits a word of the other name ("S. Lavrov" = "Sergei Lavrov") and is ignored when it
 * fits none ("Donald J. Trump" = "Donald Trump"): initials carry too little to count against.
 */
export function similarNames(a: string, b: string): number {
  return similarWordLists(nameWords(a), nameWords(b));
}

function similarWordLists(wordsA: NameWord[], wordsB: NameWord[]): number {
  const bestForA = new Array<number>(wordsA.length).fill(0);
  const bestForB = new Array<number>(wordsB.length).fill(0);
  wordsA.forEach((a, i) => {
    wordsB.forEach((b, j) => {
      const score = wordSimilarity(a, b);
      bestForA[i] = Math.max(bestForA[i], score);
      bestForB[j] = Math.max(bestForB[j], score);
    });
  });
  const counted = [...bestForA.filter((best, i) => best > 0 || !isInitial(wordsA[i])), ...bestForB.filter((best, j) => best > 0 || !isInitial(wordsB[j]))];
  return counted.length === 0 ? 0 : counted.reduce((sum, best) => sum + best, 0) / counted.length;
}

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
