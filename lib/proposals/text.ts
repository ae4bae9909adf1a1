/**
 * Sentences and passage targets of an article's text. Pure.
 */
import { buildSelectors } from "@/lib/annotations/anchor";
import type { PassageTarget, Span } from "./types";

/** Words that end with a full stop without ending the sentence ("Mr. Putin", "U.S. President", "Jan. 5"). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "jr",
  "sr",
  "gen",
  "sen",
  "rep",
  "gov",
  "lt",
  "col",
  "capt",
  "sgt",
  "prof",
  "no",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "a.m",
  "p.m",
  "approx",
  "est",
  "govt",
  "dept",
  "int'l",
]);

/** A full stop, question or exclamation mark, closing quotes or brackets, then a space and a likely sentence start. */
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu;

/**
 * Sentence spans, trimmed, in text order. Line breaks always end a sentence (headlines,
 * paragraphs); a full stop after an abbreviation or an initial ("U.S.", "J.D.") does not.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const line of lineSpans(text)) {
    let start = line.start;
    const chunk = text.slice(line.start, line.end);
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(chunk); m; m = BOUNDARY.exec(chunk)) {
      const before = trailingWord(chunk, m.index);
      if (m[0].startsWith(".") && isAbbreviation(before)) continue;
      const end = line.start + m.index + m[0].length;
      pushTrimmed(text, spans, start, end);
      start = end;
    }
    pushTrimmed(text, spans, start, line.end);
  }
  return spans;
}

const WORD_CHARACTER = /^[\p{L}.'’]$/u;

/** The letters, dots and apostrophes just before `end`, read backwards (an anchored pattern would scan the whole line each time). */
function trailingWord(chunk: string, end: number): string {
  let start = end;
  while (start > 0) {
    const pair = start > 1 && /[\uDC00-\uDFFF]/.test(chunk[start - 1]) && /[\uD800-\uDBFF]/.test(chunk[start - 2]);
    const size = pair ? 2 : 1;
    if (!WORD_CHARACTER.test(chunk.slice(start - size, start))) break;
    start -= size;
  }
  return chunk.slice(start, end);
}

function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATIONS.has(w) || /^(?:\p{L}\.)+\p{L}?$/u.test(word) || /^\p{Lu}$/u.test(word);
}

export function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n/g)) {
    spans.push({ start, end: m.index });
    start = m.index + 1;
  }
  spans.push({ start, end: text.length });
  return spans;
}

function pushTrimmed(text: string, spans: Span[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}

/**
 * What `text.matchAll(re)` yields, for a global pattern shared by the module: matchAll clones the
 * pattern on every call, which costs more than the search on a sentence.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return found;
}

/** The index after an empty match, as matchAll steps: one code point on a unicode pattern. */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}

export const spanKey = (span: Span) => `${span.start}:${span.end}`;

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

const inTextOrder = new WeakMap<readonly Span[], boolean>();

/**
 * The spans lying within `outer`, in their order: `spans.filter((s) => contains(outer, s))`. Spans
 * sorted by start (an article's names, read many times for each sentence and passage) are found by
 * halves; `spans` must not change once asked about.
 */
export function spansWithin<T extends Span>(spans: readonly T[], outer: Span): T[] {
  let sorted = inTextOrder.get(spans);
  if (sorted === undefined) {
    sorted = spans.every((s, i) => i === 0 || spans[i - 1].start <= s.start);
    inTextOrder.set(spans, sorted);
  }
  if (!sorted) return spans.filter((s) => contains(outer, s));
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < outer.start) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  // An empty span at the outer end lies within it too.
  for (let i = lo; i < spans.length && spans[i].start <= outer.end; i++) if (spans[i].end <= outer.end) found.push(spans[i]);
  return found;
}

/**
 * Whether a span overlaps any of `spans`. Spans in text order without overlaps (names found by the
 * matcher) are searched by halves; any others one by one.
 */
export function overlapsAnyOf(spans: readonly Span[]): (span: Span) => boolean {
  const disjoint = spans.every((s, i) => i === 0 || spans[i - 1].end <= s.start);
  if (!disjoint) return (span) => spans.some((s) => overlaps(s, span));
  return (span) => {
    // The first span ending after `span` starts: the only one that can overlap it.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end > span.start) hi = mid;
      else lo = mid + 1;
    }
    return lo < spans.length && overlaps(spans[lo], span);
  };
}

/** The W3C selectors for a passage, as annotations store them. */
export function passageTarget(articleId: string, text: string, span: Span): PassageTarget {
  const { quote, position } = buildSelectors(text, span.start, span.end);
  return { articleId, selector: [quote, position] };
}
