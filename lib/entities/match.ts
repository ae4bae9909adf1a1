/**
 * Alias matching: the name key, mentions of known entities in article text and the similarity
 * of two names. Pure functions, no database.
 */
import { foldMixedScriptWords, withoutFormatCharacters } from "./name-characters";

// ---------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------

/** Apostrophe look-alikes that CMSs and keyboards substitute for "'" (all single UTF-16 units). */
export const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02B9\u02BC\u0060\u00B4\u2032]/g;
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

/** A word is a run of letters, digits and combining marks (so a decomposed "ï" stays inside its word). */
const WORD_POINT = /[\p{L}\p{N}\p{M}]/u;

interface Token {
  start: number;
  end: number;
  key: string;
}

const rememberedKeys = new Map<string, string>();

/**
 * normalizeName, remembered: words and names recur within and across articles, and folding them is
 * most of a match's cost.
 */
export function rememberedNameKey(text: string): string {
  let key = rememberedKeys.get(text);
  if (key === undefined) {
    key = normalizeName(text);
    if (rememberedKeys.size >= 100_000) rememberedKeys.clear();
    rememberedKeys.set(text, key);
  }
  return key;
}

/**
 * The text's words, read by code point, with their name keys. Scanned by hand:
 * most characters are ASCII and need no Unicode lookup, and a word of ASCII letters and digits
 * needs only lower-casing (normalizeName changes nothing else in it).
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    if (code < 128) inWord = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    else {
      const point = text.codePointAt(i) as number;
      if (point > 0xffff) width = 2;
      inWord = WORD_POINT.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start === -1) {
        start = i;
        ascii = true;
      }
      if (code >= 128) ascii = false;
    } else if (start !== -1) {
      tokens.push(token(text, start, i, ascii));
      start = -1;
    }
    i += width;
  }
  if (start !== -1) tokens.push(token(text, start, text.length, ascii));
  return tokens;
}

function token(text: string, start: number, end: number, ascii: boolean): Token {
  const word = text.slice(start, end);
  return { start, end, key: ascii ? word.toLowerCase() : rememberedNameKey(word) };
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

/** Most nodes end a name and continue none: their map of next words is made when first needed. */
interface TrieNode {
  children: Map<string, TrieNode> | null;
  aliases: AliasForm[] | null;
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

export const collapseSpaces = (s: string) => s.replace(/\s+/g, " ").trim();

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
  return { children: null, aliases: null };
}

function insertAlias(root: TrieNode, entityId: string, alias: string): void {
  const keys = tokenize(alias).map((t) => t.key);
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    node.children ??= new Map();
    let child = node.children.get(key);
    if (!child) {
      child = newNode();
      node.children.set(key, child);
    }
    node = child;
  }
  const form = collapseSpaces(alias);
  if (node.aliases?.some((a) => a.entityId === entityId && a.form === form)) return;
  // A literal, not a push: V8 gives a pushed array room for 16 more, and most nodes end one name.
  const added = { entityId, form, caseRule: caseRuleFor(form) };
  node.aliases = node.aliases ? [...node.aliases, added] : [added];
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

const NO_ENDINGS: readonly { lastToken: number; aliases: AliasForm[] }[] = [];

/** Every alias ending along the trie path that starts at token `first`, shortest first. */
function aliasEndingsFrom(root: TrieNode, tokens: Token[], first: number, text: string) {
  let node = root.children?.get(tokens[first].key);
  if (!node) return NO_ENDINGS;
  const endings: { lastToken: number; aliases: AliasForm[] }[] = [];
  let j = first;
  while (node) {
    if (node.aliases) endings.push({ lastToken: j, aliases: node.aliases });
    const next = tokens[j + 1];
    // The next word first: most words continue no alias, and then the gap before them need not be read.
    const child: TrieNode | undefined = next && node.children?.get(next.key);
    if (!child || !isWordGap(text.slice(tokens[j].end, next.start))) break;
    node = child;
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
// Name similarity
// ---------------------------------------------------------------------------

/** A word of a name with its character bigrams, computed once per name. */
export interface NameWord {
  text: string;
  grams: string[];
}

export function nameWords(name: string): NameWord[] {
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

export function similarWordLists(wordsA: NameWord[], wordsB: NameWord[]): number {
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
