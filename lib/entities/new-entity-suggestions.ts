/**
 * New entity suggestions: people, organizations and places that compromise finds in article
 * text and that the registry does not know yet. Pure functions, no database.
 */
import nlp from "compromise";
import { APOSTROPHES, collapseSpaces, normalizeName } from "./match";
import { isProperName, nameCandidateRanges, TITLE_WORDS, type TextRange } from "./name-candidates";

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

/** Only asked whether it holds a name: the worker thread answers with the proposal registry's map of names. */
export type KnownNames = Pick<ReadonlySet<string>, "has">;

/**
 * Proposes people, organizations and places found by compromise that are not known yet.
 * `knownNormalizedNames` holds normalizeName() of every known name and alias; `knownSpans`
 * (the matcher's mentions) spares compromise the sentences that name only known entities.
 */
export function suggestNewEntities(text: string, knownNormalizedNames: KnownNames, knownSpans: readonly TextRange[] = []): EntitySuggestion[] {
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

function groupSuggestions(text: string, spans: Span[], known: KnownNames): EntitySuggestion[] {
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
