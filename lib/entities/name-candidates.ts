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
const CALENDAR_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
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

/** Words that precede a name in news copy (titles, honorifics) but are not part of it, nor a name alone. */
export const TITLE_WORDS = new Set([
  "the",
  "president",
  "vice",
  "prime",
  "minister",
  "foreign",
  "defence",
  "defense",
  "chancellor",
  "secretary",
  "senator",
  "sen",
  "rep",
  "representative",
  "governor",
  "gov",
  "mayor",
  "general",
  "gen",
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "prof",
  "sir",
  "dame",
  "lord",
  "lady",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "envoy",
  "ambassador",
  "special",
  "former",
  "king",
  "queen",
  "prince",
  "princess",
  "pope",
  "sheikh",
]);

/** Lower-case words that may stand inside a name: particles ("von der Leyen") and joiners ("Bank of England"). */
const LOWERCASE_NAME_WORDS = new Set([
  "von",
  "van",
  "der",
  "den",
  "de",
  "del",
  "della",
  "la",
  "le",
  "al",
  "bin",
  "ibn",
  "da",
  "dos",
  "of",
  "and",
  "for",
  "the",
  "on",
  "in",
  "at",
  "&",
]);
const JOINERS = new Set(["of", "and", "for", "the", "on", "in", "at", "&"]);

const wordTags = new Map<string, { honorific: boolean; demonym: boolean }>();

/** compromise's reading of one capitalized word, remembered: the same words recur in every article. */
function tagsOf(word: string): { honorific: boolean; demonym: boolean } {
  let tags = wordTags.get(word);
  if (tags === undefined) {
    const doc = nlp(word);
    tags = { honorific: doc.has("#Honorific"), demonym: doc.has("#Demonym") };
    if (wordTags.size >= MAX_REMEMBERED_WORDS) wordTags.clear();
    wordTags.set(word, tags);
  }
  return tags;
}

/**
 * Whether a proposed span reads as a proper name. Not names: no letters; one lower-case word
 * ("officials"); titles and honorifics alone ("Mr", "President", "Foreign Minister"); a people's
 * adjective alone ("Russian"); and adjective phrases, where a word after the first is an ordinary
 * lower-case word ("Russian state", "Russian military"). Particles and joiners may stand inside
 * a name ("Ursula von der Leyen", "Bank of England") but not end it.
 */
export function isProperName(candidate: string): boolean {
  const words = candidate.split(/\s+/).filter(Boolean);
  if (words.length === 0 || !/\p{L}/u.test(candidate)) return false;
  if (words.length === 1 && candidate === candidate.toLowerCase()) return false;
  const bare = words.map((word) => word.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, ""));
  if (bare.every((word) => TITLE_WORDS.has(word.toLowerCase()) || (word !== "" && tagsOf(word).honorific))) return false;
  if (bare.every((word) => word !== "" && tagsOf(word).demonym)) return false;
  for (let i = 1; i < bare.length; i++) {
    const word = bare[i];
    if (!/^\p{Ll}/u.test(word)) continue;
    // "al-Assad": a particle joined to a capitalized name.
    if (/^\p{Ll}+-\p{Lu}/u.test(word)) continue;
    if (!LOWERCASE_NAME_WORDS.has(word)) return false;
  }
  return !JOINERS.has(bare[bare.length - 1].toLowerCase());
}
