import { classifyBoilerplate } from "./boilerplate";
import { STOPWORDS } from "./language";

/**
 * Per-line evidence for telling article text from page furniture in copied web pages: the
 * shape of the line (length, sentence ending, capitals, digits, punctuation), its words
 * (stopwords of the detected language, menu vocabulary), and its place on the page (runs of
 * short lines, repetition, distance to the densest block of prose, neighbours). Nothing here
 * knows a site, an outlet or a page.
 */

export const LINE_FEATURES = [
  "words",
  "chars",
  "endsSentence",
  "stopwords",
  "languageCovered",
  "capitalized",
  "digits",
  "dateLike",
  "ruleBoilerplate",
  "menuWords",
  "separators",
  "shortRun",
  "repeated",
  "inProseBlock",
  "distanceToBlock",
  "beforeBlock",
  "afterBlock",
  "position",
  "neighbourProse",
  "nearbyProse",
  "startsLowercase",
  "allCaps",
  "endsColon",
  "commas",
  "nearbyWords",
  "afterComments",
  "shortInBlock",
  "address",
  "relativeLength",
] as const;

export type FeatureVector = number[];

interface LineShape {
  words: number;
  chars: number;
  prose: boolean;
  short: boolean;
}

const ENDS_SENTENCE = /[.!?…。！？]["”’»)\]]?$/u;
// A word opens with a letter or digit and runs on through letters, digits, apostrophes and hyphens.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const NUMBER_START = /^\p{N}/u;
const LOWERCASE_LETTER = /\p{Ll}/u;
const UPPERCASE_LETTER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const SEPARATORS = /(?:^|\s)[|•·›»/>]+(?:\s|$)/u;
const ADDRESS = /https?:\/\/|\bwww\.|\S@\S|\.(?:com|org|net)\b/i;
const DATE_LIKE =
  /\b(?:19|20)\d{2}\b|\b\d{1,2}[:./-]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\b(?:am|pm|gmt|utc|est|edt|ist)\b/i;
// Words that label controls and lists rather than tell a story: English only, as the web's
// furniture most often is even on other-language pages; the shape features carry the rest.
const MENU_WORDS = new Set(
  "home menu search login log sign subscribe newsletter share comment comments reply replies follow like likes views view tweet email print more read related popular trending latest tags tag categories category privacy policy terms contact about advertise advertisement sponsored cookies cookie account register next previous back top video videos photos gallery watch listen podcast app download copyright rights reserved posted updated sections".split(
    " ",
  ),
);

const LONGEST_LOOKUP_WORD = Math.max(...[...MENU_WORDS, ...Object.values(STOPWORDS).flatMap((words) => [...words])].map((word) => word.length));

// A line opening the readers' comments ("12 Comments", "Leave a reply", "Join the discussion").
export const COMMENTS_OPENING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)(?:\s*\(\d+\))?:?$|^(?:leave|post|add|write) a (?:comment|reply|response)|^join the (?:discussion|conversation)|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments?$|^(?:discussion|readers'? comments)$/i;

// A line of prose: long enough to be a sentence, ending like one.
export const PROSE_WORDS = 8;
// Furniture lines are mostly this short.
const SHORT_WORDS = 4;
// The densest block maximises prose characters minus this cost per line.
const BLOCK_LINE_COST = 40;

// Every Han, Hiragana and Katakana character is at or above U+2E80 (astral ones as surrogates):
// a plain character range rules most lines out before the slower script test.
const MAYBE_UNSPACED = /[\u2E80-\uFFFF]/;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A line's words: runs that open with a letter or digit and go on through letters, digits,
 * apostrophes and hyphens, read by code point. Scanned by hand: most characters are ASCII and
 * need no Unicode lookup.
 */
export function lineTokens(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    let joiner: boolean;
    let next = i;
    if (code < 128) {
      word = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
      joiner = code === 39 || code === 45;
    } else {
      const point = text.codePointAt(i) as number;
      word = WORD_CHAR.test(String.fromCodePoint(point));
      joiner = point === 0x2019;
      if (point > 0xffff) next = i + 1;
    }
    if (word) {
      if (start === -1) start = i;
    } else if (!joiner && start !== -1) {
      tokens.push(text.slice(start, i));
      start = -1;
    }
    i = next;
  }
  if (start !== -1) tokens.push(text.slice(start));
  return tokens;
}

export function lineShape(text: string, tokens: readonly string[] = lineTokens(text)): LineShape {
  const words = tokens.length;
  const unspaced = MAYBE_UNSPACED.test(text) && UNSPACED.test(text);
  // Chinese and Japanese text has no spaces: count characters as the unit of length.
  const effectiveWords = unspaced ? Math.max(words, Math.round(text.length / 2)) : words;
  const prose = effectiveWords >= PROSE_WORDS && (ENDS_SENTENCE.test(text) || text.length > 150);
  return { words: effectiveWords, chars: text.length, prose, short: effectiveWords <= SHORT_WORDS };
}

/** The densest block of prose: the run of lines maximising prose characters minus a cost per line. */
export function proseBlock(shapes: readonly LineShape[]): { start: number; end: number } | null {
  return heaviestRun(shapes.map((shape) => (shape.prose ? shape.chars : 0) - BLOCK_LINE_COST));
}

/** The run of consecutive values with the greatest positive sum (first such run on ties); null when no value is positive. */
export function heaviestRun(values: readonly number[]): { start: number; end: number } | null {
  let best = 0;
  let bestRange: { start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (sum <= 0) {
      sum = value;
      start = i;
    } else sum += value;
    if (sum > best) {
      best = sum;
      bestRange = { start, end: i };
    }
  }
  return bestRange;
}

/** Each line's tokens and shape, computed once for a page and shared by the functions below. */
export interface PageLines {
  tokens: string[][];
  shapes: LineShape[];
}

export function pageLines(lines: readonly string[]): PageLines {
  const tokens = lines.map(lineTokens);
  return { tokens, shapes: lines.map((text, i) => lineShape(text, tokens[i])) };
}

/** A word in lower case; most are already, in ASCII, and are returned as they are. */
function lowerCase(token: string): string {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) return token.toLowerCase();
  }
  return token;
}

/** Whether a word starts with a capital (the ASCII test first: most words are ASCII). */
function startsUpper(token: string): boolean {
  const code = token.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(token);
}

/** One feature vector per line, in the order of LINE_FEATURES. */
export function lineFeatures(lines: readonly string[], language: string | null, page: PageLines = pageLines(lines)): FeatureVector[] {
  const stopwords = language ? STOPWORDS[language] : undefined;
  const { tokens: tokenLists, shapes } = page;
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const block = proseBlock(shapes);
  // Length against the page's typical prose line: sites differ in how long their paragraphs are.
  const proseLengths = shapes
    .filter((s) => s.prose)
    .map((s) => s.chars)
    .sort((a, b) => a - b);
  const typicalProse = proseLengths.length ? proseLengths[Math.floor(proseLengths.length / 2)] : 100;
  const commentsFrom = block === null ? -1 : lines.findIndex((line, i) => i > block.start && COMMENTS_OPENING.test(line));
  const shortRuns = runLengths(shapes.map((s) => s.short));
  const n = lines.length;
  const prose = new Float64Array(n + 6);
  const logWords = new Float64Array(n + 6);
  // Padded by three lines each side, so that the neighbourhood sums need no bounds checks.
  for (let i = 0; i < n; i++) {
    prose[i + 3] = shapes[i].prose ? 1 : 0;
    logWords[i + 3] = Math.log1p(shapes[i].words);
  }
  const vectors: FeatureVector[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const text = lines[i];
    const shape = shapes[i];
    const tokens = tokenLists[i];
    const tokenCount = Math.max(1, tokens.length);
    let stops = 0;
    let capitals = 0;
    let menuWords = 0;
    for (const token of tokens) {
      if (startsUpper(token)) capitals++;
      // Lowercasing never shortens a word: longer ones cannot be looked-up words.
      if (token.length > LONGEST_LOOKUP_WORD) continue;
      const lower = lowerCase(token);
      if (stopwords?.has(lower)) stops++;
      if (MENU_WORDS.has(lower)) menuWords++;
    }
    const chars = characterCounts(text);
    const inBlock = block !== null && i >= block.start && i <= block.end;
    const distance = block === null ? n : inBlock ? 0 : i < block.start ? block.start - i : i - block.end;
    let nearby = 0;
    let nearbyWords = 0;
    for (let d = -3; d <= 3; d++) {
      if (d === 0) continue;
      nearby += prose[i + 3 + d];
      nearbyWords += logWords[i + 3 + d];
    }
    // An array literal: the cheapest vector to allocate, one per line.
    vectors[i] = [
      Math.log1p(shape.words) / 4,
      Math.log1p(shape.chars) / 6,
      ENDS_SENTENCE.test(text) ? 1 : 0,
      stopwords ? stops / tokenCount : 0,
      stopwords ? 1 : 0,
      capitals / tokenCount,
      chars.digits / Math.max(1, text.length),
      DATE_LIKE.test(text) ? 1 : 0,
      classifyBoilerplate(text) ? 1 : 0,
      menuWords / tokenCount,
      SEPARATORS.test(text) ? 1 : 0,
      shape.short ? Math.log1p(shortRuns[i]) / 3 : 0,
      (counts.get(text) ?? 0) > 1 ? 1 : 0,
      inBlock ? 1 : 0,
      Math.log1p(distance) / 4,
      block !== null && i < block.start ? 1 : 0,
      block !== null && i > block.end ? 1 : 0,
      n > 1 ? i / (n - 1) : 0,
      (prose[i + 2] + prose[i + 4]) / 2,
      nearby / 6,
      LOWER_START.test(text) ? 1 : 0,
      chars.lower === 0 && chars.upper >= 4 ? 1 : 0,
      text.endsWith(":") ? 1 : 0,
      Math.min(1, chars.commas / 5),
      nearbyWords / 6 / 4,
      commentsFrom !== -1 && i >= commentsFrom ? 1 : 0,
      inBlock && shape.short ? 1 : 0,
      ADDRESS.test(text) ? 1 : 0,
      Math.log(Math.max(1, shape.chars) / typicalProse),
    ];
  }
  return vectors;
}

// A table's rows or a list's items repeat their shape with a period of one to this many lines
// (a meal plan: heading, time, dish, portions).
const MAX_PERIOD = 6;
const MAX_GAP = 2;
/** A line ending in ':' this long is a sentence introducing what follows, not a label ("Tags:"). */
export const INTRO_WORDS = 6;
// Fewer repeating lines than this is a coincidence, not a table or list.
const MIN_PATTERN_LINES = 6;

/** How a word opens: 0 a digit, 1 a capital, 2 a lower-case letter, 3 anything else (no word). */
function openingKind(word: string): number {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57 ? 0 : code >= 65 && code <= 90 ? 1 : code >= 97 && code <= 122 ? 2 : 3;
  return NUMBER_START.test(word) ? 0 : UPPER_START.test(word) ? 1 : LOWER_START.test(word) ? 2 : 3;
}

/** A line's coarse shape, as a number: how it opens, whether it has digits or a colon, how it ends, its length. */
function lineSignature(text: string, tokens: readonly string[], shape: LineShape): number {
  const opening = openingKind(tokens[0] ?? "");
  const length = shape.words <= 1 ? 1 : shape.words <= 3 ? 2 : shape.words <= 7 ? 3 : shape.words <= 15 ? 4 : 5;
  return opening * 64 + (DIGIT.test(text) ? 32 : 0) + (text.includes(":") ? 16 : 0) + (ENDS_SENTENCE.test(text) ? 8 : 0) + length;
}

/**
 * Tables and lists: runs of lines whose shapes repeat with a short period (rows, items, a plan's
 * days), with digits in at least a third of their lines (every menu repeats its one- or
 * two-word shape without them) and without prose.
 */
export function structuredUnits(lines: readonly string[], page: PageLines = pageLines(lines)): { start: number; end: number }[] {
  const n = lines.length;
  const { tokens: tokenLists, shapes } = page;
  const signatures = lines.map((text, i) => lineSignature(text, tokenLists[i], shapes[i]));
  // Prose is what a unit sits in, and a sentence ending in ':' introduces what follows: no unit
  // runs across either.
  const breaks = lines.map((text, i) => shapes[i].prose || (text.endsWith(":") && shapes[i].words >= INTRO_WORDS));
  // The earlier line each line repeats the shape of, nearest first; -1 when none.
  const repeated = signatures.map((signature, i) => {
    for (let period = 1; period <= MAX_PERIOD && i - period >= 0; period++) {
      if (breaks[i] || breaks[i - period]) break;
      if (signatures[i - period] === signature) return i - period;
    }
    return -1;
  });
  const units: { start: number; end: number }[] = [];
  let i = 0;
  while (i < n) {
    if (repeated[i] === -1) {
      i++;
      continue;
    }
    let start = repeated[i];
    let end = i;
    // A line or two that break the pattern (a tip, a heading) do not end the unit.
    for (let next = end + 1; next < n && next <= end + 1 + MAX_GAP && !breaks[next - 1]; next++) {
      if (repeated[next] === -1) continue;
      end = next;
      start = Math.min(start, repeated[next]);
    }
    const length = end - start + 1;
    const withDigits = lines.slice(start, end + 1).filter((line) => DIGIT.test(line)).length;
    if (length >= MIN_PATTERN_LINES && withDigits >= length / 3) units.push({ start, end });
    i = end + 1;
  }
  return units;
}

/** Digits, commas and cased letters in one pass (ASCII without regular expressions: it is most text). */
function characterCounts(text: string): { digits: number; commas: number; upper: number; lower: number } {
  let digits = 0;
  let commas = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
    else if (code === 44 || code === 0xff0c || code === 0x3001) commas++;
    else if (code > 127) {
      const char = text[i];
      if (LOWERCASE_LETTER.test(char)) lower++;
      else if (UPPERCASE_LETTER.test(char)) upper++;
      else if (DIGIT.test(char)) digits++;
    }
  }
  return { digits, commas, upper, lower };
}

/** For each position, the length of the run of equal flags it belongs to (0 where the flag is false). */
function runLengths(flags: readonly boolean[]): number[] {
  const lengths = new Array<number>(flags.length).fill(0);
  let i = 0;
  while (i < flags.length) {
    if (!flags[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < flags.length && flags[j]) j++;
    for (let k = i; k < j; k++) lengths[k] = j - i;
    i = j;
  }
  return lengths;
}
