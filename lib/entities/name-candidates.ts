/**
 * Which parts of a text the name finder has to read. compromise tags every word it is given
 * (about 4 ms per KB), while most sentences of news copy name nobody new: they name no one, or
 * only entities the registry already matched. Pure functions, no database.
 */
import nlp from "compromise";

export type TextRange = { start: number; end: number };

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
const WORD = /[\p{L}\p{M}]+/gu;
const CAPITALIZED = /^\p{Lu}/u;
const CALENDAR_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const NAME_TAGS = "(#ProperNoun|#Person|#Place|#Organization)";
const MAX_REMEMBERED_WORDS = 20_000;
/** Intl.Segmenter slows down with the square of a text's length: sentences are found window by window. */
const SEGMENT_WINDOW_CHARS = 10_000;
/** compromise reads at most about this much at once, however many sentences in a row name someone. */
const MAX_RANGE_CHARS = 10_000;
const ordinaryWords = new Map<string, boolean>();

/**
 * A word that is ordinary in lower case ("Officials", "Regional", "Published"): capitalized only
 * because it opens a sentence. Openers repeat from article to article, so each is tagged once.
 */
function isOrdinaryWord(word: string): boolean {
  const key = word.toLowerCase();
  let ordinary = ordinaryWords.get(key);
  if (ordinary === undefined) {
    ordinary = !nlp(key).has(NAME_TAGS);
    if (ordinaryWords.size >= MAX_REMEMBERED_WORDS) ordinaryWords.clear();
    ordinaryWords.set(key, ordinary);
  }
  return ordinary;
}

type Sentence = TextRange & { unknownCapitalized: string[]; opener: string | null };

/**
 * Consecutive pieces of at most `maxChars` that cover the text, each cut after a paragraph break
 * where there is one in its second half, else after a line break, else after a sentence's end,
 * else anywhere (never inside a surrogate pair). Line breaks end sentences, so sentences found
 * piece by piece are those of the whole text.
 */
export function textPieces(text: string, maxChars: number): TextRange[] {
  const pieces: TextRange[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const end = cutBefore(text, start, start + maxChars);
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

function cutBefore(text: string, start: number, limit: number): number {
  for (const separator of ["\n\n", "\n", ". "]) {
    const at = text.lastIndexOf(separator, limit - separator.length);
    if (at >= start + (limit - start) / 2) return at + separator.length;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The text's sentences with their offsets, segmented window by window so the cost grows with the length, not its square. */
export function* sentencesOf(text: string): Generator<{ segment: string; index: number }> {
  for (const piece of textPieces(text, SEGMENT_WINDOW_CHARS)) {
    for (const { segment, index } of sentences.segment(text.slice(piece.start, piece.end))) yield { segment, index: piece.start + index };
  }
}

/**
 * The sentences that hold a capitalized word outside `knownSpans` (mentions the matcher
 * already found), merged where they touch (up to MAX_RANGE_CHARS). A sentence whose only such word is its first one is
 * left out when that word is an ordinary word, unless the text also uses it capitalized
 * mid-sentence (so "Trump said" at a sentence start still counts when "Trump" appears elsewhere).
 */
export function nameCandidateRanges(text: string, knownSpans: readonly TextRange[] = []): TextRange[] {
  const spans = [...knownSpans].sort((a, b) => a.start - b.start);
  let next = 0;
  const isKnown = (start: number, end: number) => {
    while (next < spans.length && spans[next].end <= start) next++;
    return next < spans.length && spans[next].start < end;
  };
  const midSentence = new Set<string>();
  const found: Sentence[] = [];
  for (const { segment, index } of sentencesOf(text)) {
    const sentence: Sentence = { start: index, end: index + segment.length, unknownCapitalized: [], opener: null };
    let first = true;
    for (const m of segment.matchAll(WORD)) {
      const word = m[0];
      const start = index + m.index;
      const isOpener = first;
      first = false;
      if (!CAPITALIZED.test(word) || CALENDAR_WORD.test(word.toLowerCase()) || isKnown(start, start + word.length)) continue;
      if (isOpener) sentence.opener = word;
      else {
        sentence.unknownCapitalized.push(word);
        midSentence.add(word);
      }
    }
    found.push(sentence);
  }
  const ranges: TextRange[] = [];
  for (const s of found) {
    const needed = s.unknownCapitalized.length > 0 || (s.opener !== null && (!isOrdinaryWord(s.opener) || midSentence.has(s.opener)));
    if (!needed) continue;
    const last = ranges[ranges.length - 1];
    if (last && last.end === s.start && s.end - last.start <= MAX_RANGE_CHARS) last.end = s.end;
    else ranges.push({ start: s.start, end: s.end });
  }
  return ranges;
}
