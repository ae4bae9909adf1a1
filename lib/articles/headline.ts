import { wordCount } from "./text";
import type { ClassifiedLine } from "./types";

const MAX_HEADLINE_WORDS = 30;
const MAX_HEADLINE_CHARS = 250;
const HEADLINE_START = /^["“‘'(\p{Lu}\p{N}\p{Lo}]/u;
// A headline does not end like a sentence or a label (an ellipsis is fine).
const HEADLINE_BAD_END = /(?:[^.]\.|[,;:。，；：])$/;
// Chinese and Japanese headlines are one "word": a run of such characters stands for two.
const UNSPACED_WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{4}/u;

const PROVISIONAL_MIN_WORDS = 8;
const PROVISIONAL_MAX_WORDS = 12;
const PROVISIONAL_MAX_CHARS = 100;
// Scripts written without spaces (Chinese, Japanese) are cut by characters instead.
const PROVISIONAL_UNSPACED_CHARS = 30;
const ABBREVIATIONS = new Set("mr. mrs. ms. dr. prof. st. gen. sen. rep. gov. lt. col. no. vs. etc. jr. sr. inc. co. corp.".split(" "));
const FUNCTION_WORDS = new Set("a an the of to in on at for and or but with by from as is was that this his her its their".split(" "));

/**
 * Marks the headline among the lines and returns it. With a title from the document (HTML,
 * Markdown), the first body line repeating it is the headline. Otherwise the first body line is
 * the headline when it looks like one and body text follows.
 */
export function markHeadline(lines: ClassifiedLine[], knownTitle: string | null): string | null {
  const first = lines.findIndex((line) => line.kept);
  if (first === -1) return null;
  const line = lines[first];
  const isHeadline =
    knownTitle !== null
      ? line.text.toLowerCase() === knownTitle.toLowerCase()
      : looksLikeHeadline(line.text) && lines.some((other, i) => i > first && other.kept);
  if (!isHeadline) return null;
  lines[first] = { text: line.text, kept: false, reason: "headline" };
  return line.text;
}

// How far above the body a copied page's headline may sit (byline, date, share buttons between).
const HEADLINE_REACH = 8;

/**
 * For copied web pages whose lines the classifier has sorted: the headline is the title-like
 * line nearest above the first body line among those removed as furniture, not the first
 * line of the page (a menu, a section name). Falls back to `markHeadline`.
 */
export function markHeadlineAboveBody(lines: ClassifiedLine[], furniture: ReadonlySet<string>): string | null {
  const first = lines.findIndex((line) => line.kept);
  for (let i = first - 1; i >= Math.max(0, first - HEADLINE_REACH); i--) {
    const line = lines[i];
    if (line.kept || !line.reason || !furniture.has(line.reason) || !looksLikeHeadline(line.text)) continue;
    lines[i] = { text: line.text, kept: false, reason: "headline" };
    return line.text;
  }
  return markHeadline(lines, null);
}

function looksLikeHeadline(text: string): boolean {
  const words = wordCount(text);
  return (
    (words >= 2 || UNSPACED_WORDS.test(text)) &&
    words <= MAX_HEADLINE_WORDS &&
    text.length <= MAX_HEADLINE_CHARS &&
    HEADLINE_START.test(text) &&
    !HEADLINE_BAD_END.test(text)
  );
}

/**
 * A stand-in title from the opening words: the first sentence when it is short, else 8–12 words
 * cut after punctuation if possible, never after a function word, followed by "…".
 */
export function provisionalTitle(paragraph: string): string {
  const words = paragraph.split(" ");
  if (words[0].length > PROVISIONAL_MAX_CHARS) {
    return `${Array.from(paragraph).slice(0, PROVISIONAL_UNSPACED_CHARS).join("")}…`;
  }
  const sentenceEnd = words.findIndex(endsSentence);
  const shortSentence = sentenceEnd === -1 ? words.length : sentenceEnd + 1;
  if (shortSentence <= PROVISIONAL_MAX_WORDS) {
    const sentence = words.slice(0, shortSentence).join(" ");
    if (sentence.length <= PROVISIONAL_MAX_CHARS) return sentence.replace(/[.]$/, "");
  }
  const cut = provisionalCut(words);
  return `${words
    .slice(0, cut)
    .join(" ")
    .replace(/[,;:(\-–—]+$/, "")}…`;
}

/** True for a word ending a sentence; initials ("U.S.") and titles ("Dr.") do not. */
function endsSentence(word: string): boolean {
  return /[.!?]["”’)]?$/.test(word) && !/^(?:\p{L}\.)+$/u.test(word) && !ABBREVIATIONS.has(word.toLowerCase());
}

/** How many words the provisional title keeps. */
function provisionalCut(words: readonly string[]): number {
  const fits = (count: number) => words.slice(0, count).join(" ").length <= PROVISIONAL_MAX_CHARS;
  const counts: number[] = [];
  for (let count = Math.min(PROVISIONAL_MAX_WORDS, words.length); count >= PROVISIONAL_MIN_WORDS; count--) {
    if (fits(count)) counts.push(count);
  }
  const afterPunctuation = counts.find((count) => /[,;:)]$/.test(words[count - 1]));
  if (afterPunctuation) return afterPunctuation;
  const afterContentWord = counts.find((count) => {
    const word = words[count - 1].toLowerCase();
    return !FUNCTION_WORDS.has(word) && !/^["“‘(]/.test(word);
  });
  return afterContentWord ?? counts[0] ?? Math.min(PROVISIONAL_MIN_WORDS, words.length);
}
