/**
 * Anchoring annotations to a revision's normalized text with W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors).
 *
 * Offsets are JavaScript string indices, i.e. UTF-16 code units: the unit of
 * `String.prototype.slice`, of DOM Range offsets inside Text nodes and of the stored
 * `start`/`end` columns, so browser, server and database agree without conversion.
 * A character outside the Basic Multilingual Plane (most emoji) therefore counts as 2.
 *
 * Pure module: no I/O, safe on client and server.
 */
import DiffMatchPatch from "diff-match-patch";

export type TextQuoteSelector = {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
};
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type AnchorSelectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** Characters of context stored on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Minimum similarity (1 − Levenshtein distance / length of the longer string) between the
 * original quote and a fuzzily found span for the annotation to be re-attached there.
 *
 * 0.75 means "at least three characters in four survived". Copy-edits (punctuation, quote
 * style, spacing, a corrected word or two) stay well above it, while a passage whose
 * wording is more than a quarter new has been rewritten: the comment may no longer apply,
 * so it is safer to orphan it (the caller keeps and lists orphans) than to pin it to text
 * it was not written about. Measured on news sentences: copy-edits score 0.85–0.98, a
 * one-word substitution ("arrested" → "detained") 0.88, unrelated sentences of similar
 * length below 0.3. See the threshold tests.
 */
export const FUZZY_THRESHOLD = 0.75;

export type SelectorErrorCode = "empty_selection" | "whitespace_only" | "out_of_range" | "start_after_end" | "quote_mismatch" | "context_mismatch";

export type SelectorProblem = { code: SelectorErrorCode; message: string };

export class SelectorError extends Error {
  readonly code: SelectorErrorCode;

  constructor({ code, message }: SelectorProblem) {
    super(message);
    this.name = "SelectorError";
    this.code = code;
  }
}

export type VerifyResult = { ok: true } | ({ ok: false } & SelectorProblem);

type Located = { start: number; end: number; exact: string; score: number };
type NotLocated = { start?: undefined; end?: undefined; exact?: undefined; score?: undefined };

/**
 * kept: the stored position still holds the quote in its old surroundings. moved: the exact
 * quote was found elsewhere in its old surroundings. fuzzy: a similar passage was found
 * ("re-anchored, check"); score is its similarity. lookalike: the same words were found, but
 * not in their old surroundings: possibly another sentence that happens to share them ("on
 * Tuesday"), so someone must check it and whoever approved the annotation must approve it
 * again. orphaned: nothing close enough; the caller must keep the annotation and list it as
 * orphaned. `score` is 1 for kept, moved and lookalike.
 */
export type ReanchorResult = ({ status: "kept" | "moved" | "fuzzy" | "lookalike" } & Located) | ({ status: "orphaned" } & NotLocated);

export type HighlightRange = { id: string; start: number; end: number };
export type HighlightSegment = { start: number; end: number; text: string; ids: string[] };
export type HighlightParagraph = { start: number; end: number; segments: HighlightSegment[] };

/** Builds both selectors for text[start, end). Throws SelectorError for an unusable selection. */
export function buildSelectors(text: string, start: number, end: number): AnchorSelectors {
  const problem = rangeProblem(text, start, end);
  if (problem) throw new SelectorError(problem);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/**
 * Checks client-sent selectors against the revision text. Prefix and suffix may be shorter
 * than CONTEXT_LENGTH but must match the text around the quote, because re-anchoring
 * relies on them to pick between repeated quotes.
 */
export function verifySelectors(text: string, quote: TextQuoteSelector, position: TextPositionSelector): VerifyResult {
  const problem = rangeProblem(text, position.start, position.end) ?? quoteProblem(text, quote, position);
  return problem ? { ok: false, ...problem } : { ok: true };
}

function rangeProblem(text: string, start: number, end: number): SelectorProblem | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return { code: "out_of_range", message: "Selection offsets must be whole numbers." };
  }
  if (start > end) return { code: "start_after_end", message: "Selection start is after its end." };
  if (start < 0 || end > text.length) {
    return { code: "out_of_range", message: `Selection ${start}–${end} is outside the text (length ${text.length}).` };
  }
  if (start === end) return { code: "empty_selection", message: "Selection is empty." };
  if (isBlank(text.slice(start, end))) {
    return { code: "whitespace_only", message: "Selection contains only whitespace." };
  }
  return null;
}

function quoteProblem(text: string, quote: TextQuoteSelector, position: TextPositionSelector): SelectorProblem | null {
  if (text.slice(position.start, position.end) !== quote.exact) {
    return { code: "quote_mismatch", message: "Quoted text does not match the text at the given position." };
  }
  if (!text.endsWith(quote.prefix, position.start) || !text.startsWith(quote.suffix, position.end)) {
    return {
      code: "context_mismatch",
      message: "Quote prefix or suffix does not match the text around the selection.",
    };
  }
  return null;
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/** Finds where an annotation made on an older revision belongs in `newText`. */
export function reanchor(newText: string, anchor: AnchorSelectors): ReanchorResult {
  return reanchorIn(createSearchContext(newText), anchor);
}

/** Re-anchors many annotations against one text, sharing the (lazily built) search state. Same order as input. */
export function reanchorAll(newText: string, anchors: readonly AnchorSelectors[]): ReanchorResult[] {
  const context = createSearchContext(newText);
  return anchors.map((anchor) => reanchorIn(context, anchor));
}

function reanchorIn(context: SearchContext, { quote, position }: AnchorSelectors): ReanchorResult {
  // An empty quote would "match" everywhere.
  if (quote.exact === "") return { status: "orphaned" };
  const { text } = context;
  const occurrences = exactOccurrences(text, quote.exact);
  const same = occurrences.filter((at) => contextHolds(text, at, quote));
  if (same.includes(position.start)) return located("kept", position.start, quote.exact);
  if (same.length > 0) return located("moved", bestOccurrence(text, same, quote, position), quote.exact);
  // Bitap may land on an exact copy whose surroundings differ: that is a lookalike, not an edit.
  const fuzzy = findFuzzyQuote(context, quote, position);
  if (fuzzy && fuzzy.exact !== quote.exact) return fuzzy;
  if (occurrences.length > 0) return located("lookalike", bestOccurrence(text, occurrences, quote, position), quote.exact);
  return { status: "orphaned" };
}

function located(status: "kept" | "moved" | "lookalike", start: number, exact: string): ReanchorResult {
  return { status, start, end: start + exact.length, exact, score: 1 };
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * Characters of the stored context, on each side, that must still surround an exact
 * occurrence for it to count as the same passage. Half the context: a copy-edit a few
 * words away from the quote is tolerated, while a short quote that also occurs in another
 * sentence ("on Tuesday") rarely shares 16 characters on both sides with it. Position alone
 * never decides (Hypothesis re-anchors by a weighted score of quote, context and position,
 * and its most-reported failure is an annotation jumping to a lookalike phrase).
 */
export const CONTEXT_AGREEMENT = CONTEXT_LENGTH / 2;

/**
 * Whether an exact occurrence at `at` still has the passage's surroundings. Only the context
 * inside the passage's paragraph counts: a moved paragraph keeps its sentences but not its
 * neighbours. A side whose stored context is empty within the paragraph (the quote began or
 * ended it) requires the occurrence to begin or end a paragraph too.
 */
function contextHolds(text: string, at: number, quote: TextQuoteSelector): boolean {
  const prefix = quote.prefix.split(PARAGRAPH_BREAK).at(-1) ?? "";
  const suffix = quote.suffix.split(PARAGRAPH_BREAK)[0] ?? "";
  const end = at + quote.exact.length;
  const before = prefix === "" ? (startsParagraph(text, at) ? 0 : -1) : matchedBefore(text, at, prefix);
  const after = suffix === "" ? (endsParagraph(text, end) ? 0 : -1) : matchedAfter(text, end, suffix);
  return before >= Math.min(prefix.length, CONTEXT_AGREEMENT) && after >= Math.min(suffix.length, CONTEXT_AGREEMENT);
}

const PARAGRAPH_BREAK = /\n{2,}/;

function startsParagraph(text: string, at: number): boolean {
  return at === 0 || text.slice(Math.max(0, at - 2), at) === "\n\n";
}

function endsParagraph(text: string, end: number): boolean {
  return end === text.length || text.startsWith("\n\n", end);
}

/** Stored prefix characters, read backwards, that still precede `at`. */
function matchedBefore(text: string, at: number, prefix: string): number {
  let count = 0;
  while (count < prefix.length && count < at && text[at - count - 1] === prefix[prefix.length - count - 1]) count++;
  return count;
}

/** Stored suffix characters that still follow `end`. */
function matchedAfter(text: string, end: number, suffix: string): number {
  let count = 0;
  while (count < suffix.length && end + count < text.length && text[end + count] === suffix[count]) count++;
  return count;
}

/** Among occurrences, the one with the most stored context still around it, then the one nearest the old position. */
function bestOccurrence(text: string, occurrences: readonly number[], quote: TextQuoteSelector, position: TextPositionSelector): number {
  let best = occurrences[0];
  let bestAgreement = -1;
  let bestDistance = Infinity;
  for (const at of occurrences) {
    const agreement = matchedBefore(text, at, quote.prefix) + matchedAfter(text, at + quote.exact.length, quote.suffix);
    const distance = Math.abs(at - position.start);
    if (agreement > bestAgreement || (agreement === bestAgreement && distance < bestDistance)) {
      best = at;
      bestAgreement = agreement;
      bestDistance = distance;
    }
  }
  return best;
}

/** diff-match-patch's bitap matcher handles patterns of at most 32 characters (its Match_MaxBits). */
const MATCH_WINDOW = 32;
/** Lenient on purpose: bitap only proposes a candidate; FUZZY_THRESHOLD decides. */
const BITAP_THRESHOLD = 0.5;
/**
 * Match_Distance as a multiple of the text length: a candidate at the far end of the text
 * costs at most 1/4 in bitap's score, so distance breaks ties between similar candidates
 * without hiding a passage that moved far (e.g. a paragraph was removed before it).
 */
const DISTANCE_PER_TEXT_LENGTH = 4;

type Span = { start: number; end: number };

type SearchContext = { text: string; dmp: DiffMatchPatch; reversed: () => string };

function createSearchContext(text: string): SearchContext {
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = BITAP_THRESHOLD;
  dmp.Match_Distance = Math.max(1, text.length * DISTANCE_PER_TEXT_LENGTH);
  let reversed: string | undefined;
  // Only fuzzy searches need the reversed text; most re-anchoring never gets there.
  return { text, dmp, reversed: () => (reversed ??= reverse(text)) };
}

function findFuzzyQuote(context: SearchContext, quote: TextQuoteSelector, position: TextPositionSelector): ReanchorResult | null {
  const found = candidateSpan(context, quote.exact, expectedStart(context.text, quote, position));
  if (!found) return null;
  const { start, end } = trimToQuoteEdges(context.text, found, quote.exact);
  const candidate = context.text.slice(start, end);
  if (isBlank(candidate) || !lengthsCanReachThreshold(quote.exact, candidate)) return null;
  const score = similarity(context.dmp, quote.exact, candidate);
  if (score < FUZZY_THRESHOLD) return null;
  return { status: "fuzzy", start, end, exact: candidate, score };
}

/**
 * Where the passage most likely starts now: right after its old prefix or before its old
 * suffix when either still occurs exactly once (the quote itself was edited, its
 * surroundings were not), else the old position.
 */
function expectedStart(text: string, quote: TextQuoteSelector, position: TextPositionSelector): number {
  const prefixAt = uniqueIndexOf(text, quote.prefix);
  if (prefixAt !== -1) return prefixAt + quote.prefix.length;
  const suffixAt = uniqueIndexOf(text, quote.suffix);
  if (suffixAt !== -1) return Math.max(0, suffixAt - quote.exact.length);
  return clamp(position.start, 0, text.length);
}

function uniqueIndexOf(text: string, needle: string): number {
  if (needle === "") return -1;
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + 1) === -1 ? first : -1;
}

/**
 * Bitap is limited to 32 characters, so the start is found by matching the quote's first
 * 32 characters forwards and the end by matching its last 32 characters on the reversed
 * text (which also gives an exact end for short quotes whose length changed). If only one
 * side matches, the other is estimated from the quote's length and the similarity check
 * decides.
 */
function candidateSpan(context: SearchContext, exact: string, expected: number): Span | null {
  const { text, dmp } = context;
  const head = exact.slice(0, MATCH_WINDOW);
  const tail = exact.slice(-MATCH_WINDOW);
  const matchedStart = dmp.match_main(text, head, expected);
  const expectedEnd = clamp((matchedStart === -1 ? expected : matchedStart) + exact.length, 0, text.length);
  const reversedAt = dmp.match_main(context.reversed(), reverse(tail), text.length - expectedEnd);
  const matchedEnd = reversedAt === -1 ? -1 : text.length - reversedAt;
  if (matchedStart === -1 && matchedEnd === -1) return null;
  const start = matchedStart !== -1 ? matchedStart : Math.max(0, matchedEnd - exact.length);
  const end = matchedEnd !== -1 ? matchedEnd : Math.min(text.length, start + exact.length);
  return end > start ? { start, end } : null;
}

/**
 * Bitap can stop a fuzzy span on either side of a space; the highlight should not begin
 * or end with whitespace the quote did not have.
 */
function trimToQuoteEdges(text: string, span: Span, exact: string): Span {
  let { start, end } = span;
  if (!/^\s/.test(exact)) while (start < end && /\s/.test(text[start])) start++;
  if (!/\s$/.test(exact)) while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The edit distance is at least the length difference, so this bounds similarity without diffing. */
function lengthsCanReachThreshold(a: string, b: string): boolean {
  return Math.min(a.length, b.length) / Math.max(a.length, b.length) >= FUZZY_THRESHOLD;
}

/**
 * 1 − edit distance / length of the longer string, clamped to [0, 1]. The distance is
 * diff-match-patch's Levenshtein estimate from a character diff: it counts each isolated
 * substitution, insertion or deletion as 1, like Levenshtein, but can overshoot for
 * unrelated strings (hence the clamp).
 */
function similarity(dmp: DiffMatchPatch, a: string, b: string): number {
  const distance = dmp.diff_levenshtein(dmp.diff_main(a, b, false));
  return Math.max(0, 1 - distance / Math.max(a.length, b.length));
}

/** Reverses by code points so surrogate pairs stay valid; the length (in code units) is unchanged. */
function reverse(text: string): string {
  return Array.from(text).reverse().join("");
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Splits the text into paragraphs (separated by two or more newlines; the separators
 * belong to no paragraph) and each paragraph into segments listing the ids of the ranges
 * covering them, so overlapping highlights can be rendered as flat spans and no highlight
 * crosses a paragraph break. Uncovered text is a segment with no ids. Empty or inverted
 * ranges are ignored; ranges are clipped to the text.
 */
export function segmentsForHighlights(text: string, ranges: readonly HighlightRange[]): HighlightParagraph[] {
  const usable = ranges.filter((range) => range.start < range.end);
  return paragraphBounds(text).map((paragraph) => ({
    ...paragraph,
    segments: segmentParagraph(text, paragraph, usable),
  }));
}

function paragraphBounds(text: string): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  let start = 0;
  for (const separator of text.matchAll(/\n{2,}/g)) {
    paragraphs.push({ start, end: separator.index });
    start = separator.index + separator[0].length;
  }
  paragraphs.push({ start, end: text.length });
  return paragraphs.filter((paragraph) => paragraph.end > paragraph.start);
}

function segmentParagraph(text: string, paragraph: { start: number; end: number }, ranges: readonly HighlightRange[]): HighlightSegment[] {
  const inside = ranges.filter((range) => range.start < paragraph.end && range.end > paragraph.start);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const range of inside) {
    cuts.add(Math.max(range.start, paragraph.start));
    cuts.add(Math.min(range.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => {
    const start = points[i];
    return {
      start,
      end,
      text: text.slice(start, end),
      ids: inside.filter((range) => range.start <= start && range.end >= end).map((range) => range.id),
    };
  });
}
