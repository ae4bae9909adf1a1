/**
 * Normalized values of claims ("the call took place on …", "more than 5,000 … each week")
 * and how two of them relate. Pure functions, no database.
 */
import { z } from "zod";
import { DATE_PRECISIONS, PARTS_OF_DAY, compareDates, eventDateProblems, resolveDatesInText, resolvedToDateLike } from "@/lib/events/dates";

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

export const NUMBER_QUALIFIERS = ["exact", "more_than", "less_than", "about", "nearly", "at_least", "at_most"] as const;
export type NumberQualifier = (typeof NUMBER_QUALIFIERS)[number];

export const dateValueSchema = z
  .object({
    type: z.literal("date"),
    localDate: z.string(),
    precision: z.enum(DATE_PRECISIONS),
    timeZone: z.string().optional(),
    partOfDay: z.enum(PARTS_OF_DAY).optional(),
  })
  .superRefine((value, ctx) => {
    for (const p of eventDateProblems(value)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });

export const numberValueSchema = z.object({
  type: z.literal("number"),
  value: z.number(),
  /** Unit of measure ("%", "km", "USD"); counted things ("troops") are the attribute's business, not a unit. */
  unit: z.string().min(1).optional(),
  qualifier: z.enum(NUMBER_QUALIFIERS),
  /** Rate period: "week" in "more than 5,000 per week". */
  per: z.string().min(1).optional(),
});

export const entitiesValueSchema = z.object({
  type: z.literal("entities"),
  ids: z.array(z.string().min(1)),
});

export const textValueSchema = z.object({
  type: z.literal("text"),
  text: z.string(),
});

export const claimValueSchema = z.discriminatedUnion("type", [dateValueSchema, numberValueSchema, entitiesValueSchema, textValueSchema]);

export type DateValue = z.infer<typeof dateValueSchema>;
export type NumberValue = z.infer<typeof numberValueSchema>;
export type EntitiesValue = z.infer<typeof entitiesValueSchema>;
export type TextValue = z.infer<typeof textValueSchema>;
export type ClaimValue = z.infer<typeof claimValueSchema>;
export type ClaimValueType = ClaimValue["type"];

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

export type ValueRelation = "identical" | "compatible" | "conflict" | "incomparable";

/**
 * - dates: as periods of time (see compareDates in lib/events/dates): same period →
 *   identical, overlapping (one contains the other) → compatible, disjoint → conflict.
 * - numbers: each qualifier is an interval ("about" = ±10 %, "nearly" = up to 10 % below);
 *   overlapping intervals → compatible. Different units or rates → incomparable.
 * - entity lists: both are read as the complete list, so the same set (any order) is
 *   identical and any other set a conflict. There is no "compatible" subset on purpose:
 *   an editor decides whether a shorter list was meant to be partial.
 * - text: identical when equal after normalization, else incomparable (free text is only
 *   flagged by hand).
 */
export function compareValues(a: ClaimValue, b: ClaimValue): ValueRelation {
  if (a.type === "date" && b.type === "date") return compareDates(a, b);
  if (a.type === "number" && b.type === "number") return compareNumbers(a, b);
  if (a.type === "entities" && b.type === "entities") return sameSet(a.ids, b.ids) ? "identical" : "conflict";
  if (a.type === "text" && b.type === "text") return normalizeText(a.text) === normalizeText(b.text) ? "identical" : "incomparable";
  return "incomparable";
}

/** Tolerance of "about"/"approximately" and of "nearly" (below the number only). */
export const APPROXIMATION_TOLERANCE = 0.1;

interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

function intervalOf({ value, qualifier }: NumberValue): Interval {
  const tolerance = Math.abs(value) * APPROXIMATION_TOLERANCE;
  const closed = (low: number, high: number): Interval => ({ low, high, lowOpen: false, highOpen: false });
  switch (qualifier) {
    case "exact":
      return closed(value, value);
    case "about":
      return closed(value - tolerance, value + tolerance);
    case "nearly":
      return closed(value - tolerance, value);
    case "more_than":
      return { low: value, high: Infinity, lowOpen: true, highOpen: true };
    case "at_least":
      return { low: value, high: Infinity, lowOpen: false, highOpen: true };
    case "less_than":
      return { low: -Infinity, high: value, lowOpen: true, highOpen: true };
    case "at_most":
      return { low: -Infinity, high: value, lowOpen: true, highOpen: false };
  }
}

function intervalsOverlap(a: Interval, b: Interval): boolean {
  const [low, lowOpen] = a.low > b.low ? [a.low, a.lowOpen] : b.low > a.low ? [b.low, b.lowOpen] : [a.low, a.lowOpen || b.lowOpen];
  const [high, highOpen] = a.high < b.high ? [a.high, a.highOpen] : b.high < a.high ? [b.high, b.highOpen] : [a.high, a.highOpen || b.highOpen];
  return low < high || (low === high && !lowOpen && !highOpen);
}

const sameLabel = (x: string | undefined, y: string | undefined) => (x?.trim().toLowerCase() ?? "") === (y?.trim().toLowerCase() ?? "");

function compareNumbers(a: NumberValue, b: NumberValue): ValueRelation {
  if (!sameLabel(a.unit, b.unit) || !sameLabel(a.per, b.per)) return "incomparable";
  if (a.value === b.value && a.qualifier === b.qualifier) return "identical";
  return intervalsOverlap(intervalOf(a), intervalOf(b)) ? "compatible" : "conflict";
}

function sameSet(a: string[], b: string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((id) => setB.has(id));
}

/**
 * Case, accents, typographic quotes, spacing and final punctuation do not change a text.
 * (Kept here rather than importing normalizeName, whose module loads the NLP library.)
 */
function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/[\s.!?;:,]+$/, "")
    .trim();
}

// ---------------------------------------------------------------------------
// Proposing a value from a passage
// ---------------------------------------------------------------------------

/**
 * A value proposed from a passage for the editor to confirm or correct, or null. Entity
 * lists need the alias matcher and free text is written by the editor, so both give null.
 */
export function parseValue(attributeType: ClaimValueType, passageText: string, ctx: { publishedAt: string | null }): ClaimValue | null {
  if (attributeType === "date") return parseDateValue(passageText, ctx.publishedAt);
  if (attributeType === "number") return parseNumberValue(passageText, ctx.publishedAt);
  return null;
}

/** The most precise resolved date of the passage (the first one on ties). */
function parseDateValue(passage: string, publishedAt: string | null): DateValue | null {
  let best: DateValue | null = null;
  for (const resolved of resolveDatesInText(passage, publishedAt)) {
    const date = resolvedToDateLike(resolved);
    if (!date) continue;
    if (best && DATE_PRECISIONS.indexOf(date.precision) <= DATE_PRECISIONS.indexOf(best.precision)) continue;
    best = {
      type: "date",
      localDate: date.localDate,
      precision: date.precision,
      ...(date.timeZone ? { timeZone: date.timeZone } : {}),
      ...(date.partOfDay ? { partOfDay: date.partOfDay } : {}),
    };
  }
  return best;
}

/** Qualifier phrases as written; the longest phrase wins ("just under" before "under"). */
const QUALIFIER_PHRASES: Record<string, Exclude<NumberQualifier, "exact">> = {
  "more than": "more_than",
  over: "more_than",
  "upwards of": "more_than",
  "in excess of": "more_than",
  "greater than": "more_than",
  above: "more_than",
  exceeding: "more_than",
  "fewer than": "less_than",
  "less than": "less_than",
  under: "less_than",
  below: "less_than",
  "at least": "at_least",
  "no fewer than": "at_least",
  "no less than": "at_least",
  "a minimum of": "at_least",
  "at most": "at_most",
  "up to": "at_most",
  "no more than": "at_most",
  "a maximum of": "at_most",
  nearly: "nearly",
  almost: "nearly",
  "close to": "nearly",
  "just under": "nearly",
  "just shy of": "nearly",
  about: "about",
  approximately: "about",
  around: "about",
  roughly: "about",
  some: "about",
  "an estimated": "about",
  estimated: "about",
  circa: "about",
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  "a hundred": 100,
  "a dozen": 12,
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const CURRENCY_SIGNS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP" };

/** Units of measure written after the number, by canonical unit. */
const UNIT_WORDS: Record<string, string> = {
  "%": "%",
  percent: "%",
  "per cent": "%",
  km: "km",
  kilometers: "km",
  kilometres: "km",
  miles: "mi",
  tons: "t",
  tonnes: "t",
  dollars: "USD",
  euros: "EUR",
  hours: "h",
  minutes: "min",
};

/** "per week", "each week", "a week", "weekly" → "week". */
const RATE = /\b(?:per|a|an|each|every)\s+(day|week|month|year|hour)\b|\b(daily|weekly|monthly|yearly|annually|hourly)\b/gi;
const RATE_ADVERBS: Record<string, string> = { daily: "day", weekly: "week", monthly: "month", yearly: "year", annually: "year", hourly: "hour" };

const byLengthDesc = (words: string[]) =>
  [...words]
    .sort((x, y) => y.length - x.length)
    .map(escapeRegExp)
    .join("|");

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NUMBER_CLAIM = new RegExp(
  [
    `(?:\\b(${byLengthDesc(Object.keys(QUALIFIER_PHRASES))})\\s+)?`,
    `([$€£])?\\s?`,
    `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\b(?:${byLengthDesc(Object.keys(NUMBER_WORDS))})\\b)`,
    `(?:\\s*(${byLengthDesc(Object.keys(SCALES))})\\b)?`,
    `(?:\\s*(${byLengthDesc(Object.keys(UNIT_WORDS))})(?![\\p{L}]))?`,
    `(?![\\p{L}\\d])`,
  ].join(""),
  "giu",
);

const DURATION_UNITS: Record<string, number> = { hour: 1, hours: 1, hr: 1, hrs: 1, minute: 1 / 60, minutes: 1 / 60, min: 1 / 60, mins: 1 / 60 };
const DURATION_AMOUNT = `\\d+(?:\\.\\d+)?|half\\s+an?|an?|${byLengthDesc(Object.keys(NUMBER_WORDS))}`;

/**
 * "for about 90 minutes", "more than two hours", "an hour and a half", "a two-hour call":
 * qualifier, amount (a half on either side of the unit), unit, and "and 15 minutes".
 */
const DURATION_CLAIM = new RegExp(
  [
    `(?:\\b(${byLengthDesc(Object.keys(QUALIFIER_PHRASES))})\\s+)?`,
    `\\b(${DURATION_AMOUNT})`,
    `(\\s+and\\s+a\\s+half)?`,
    `[\\s-]+(hours?|hrs?|minutes?|mins?)\\b`,
    `(\\s+and\\s+a\\s+half)?`,
    `(?:\\s+and\\s+(\\d+|${byLengthDesc(Object.keys(NUMBER_WORDS))})\\s+minutes?\\b)?`,
  ].join(""),
  "giu",
);

function amountOf(text: string): number | undefined {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  if (/^\d/.test(t)) return Number(t);
  if (t === "a" || t === "an") return 1;
  if (t.startsWith("half")) return 0.5;
  return NUMBER_WORDS[t];
}

/** Lengths of time in a passage, in hours ("about 90 minutes" is about 1.5 h). */
export function findDurations(passage: string): { start: number; end: number; value: NumberValue }[] {
  const found: { start: number; end: number; value: NumberValue }[] = [];
  for (const m of passage.matchAll(DURATION_CLAIM)) {
    const [whole, qualifierText, amountText, halfBefore, unitText, halfAfter, extraMinutes] = m;
    const amount = amountOf(amountText);
    if (amount === undefined) continue;
    const hours =
      (amount + (halfBefore || halfAfter ? 0.5 : 0)) * DURATION_UNITS[unitText.toLowerCase()] + (extraMinutes ? (amountOf(extraMinutes) ?? 0) / 60 : 0);
    const qualifier = qualifierText ? QUALIFIER_PHRASES[qualifierText.toLowerCase()] : "exact";
    found.push({ start: m.index, end: m.index + whole.length, value: { type: "number", value: Math.round(hours * 1000) / 1000, unit: "h", qualifier } });
  }
  return found;
}

interface NumberCandidate {
  value: NumberValue;
  start: number;
  end: number;
  weight: number;
}

/**
 * Numbers outside date expressions ("May 19" is not a count). When several remain, a
 * qualified one ("more than 5,000") beats a digit one, which beats a number word ("two
 * officials said").
 */
function parseNumberValue(passage: string, publishedAt: string | null): NumberValue | null {
  const dateSpans = resolveDatesInText(passage, publishedAt).map(({ start, end }) => ({ start, end }));
  const outsideDates = (c: { start: number; end: number }) => !dateSpans.some((d) => c.start < d.end && d.start < c.end);
  const durations = findDurations(passage).map((d) => ({ ...d, weight: (d.value.qualifier === "exact" ? 0 : 2) + 1 }));
  const outsideDurations = (c: { start: number; end: number }) => !durations.some((d) => c.start < d.end && d.start < c.end);
  const numbers = [...passage.matchAll(NUMBER_CLAIM)].map(toCandidate).filter((c): c is NumberCandidate => c !== null && outsideDurations(c));
  const candidates = [...durations, ...numbers].filter(outsideDates);
  if (candidates.length === 0) return null;
  const best = candidates.reduce((x, y) => (y.weight > x.weight ? y : x));
  const per = rateNear(passage, best, (span) => outsideDates(span) && outsideDurations(span));
  return per ? { ...best.value, per } : best.value;
}

function toCandidate(m: RegExpMatchArray): NumberCandidate | null {
  const [whole, qualifierText, currency, numberText, scaleText, unitText] = m;
  const isDigits = /\d/.test(numberText);
  const base = isDigits ? Number(numberText.replace(/,/g, "")) : NUMBER_WORDS[numberText.toLowerCase()];
  const scale = scaleText ? SCALES[scaleText.toLowerCase()] : 1;
  const unit = currency ? CURRENCY_SIGNS[currency] : unitText ? UNIT_WORDS[unitText.toLowerCase()] : undefined;
  const qualifier = qualifierText ? QUALIFIER_PHRASES[qualifierText.toLowerCase()] : "exact";
  // A bare year ("the 2025 budget") is not a quantity.
  const looksLikeYear = /^(?:19|20)\d{2}$/.test(numberText) && !qualifierText && !unit && !scaleText;
  if (looksLikeYear || base === undefined) return null;
  return {
    value: { type: "number", value: base * scale, qualifier, ...(unit ? { unit } : {}) },
    start: m.index!,
    end: m.index! + whole.length,
    weight: (qualifierText ? 2 : 0) + (isDigits ? 1 : 0),
  };
}

/** A rate ("each week") in the same sentence as the number, not inside a date ("a year ago"). */
function rateNear(passage: string, number: { start: number; end: number }, outsideDates: (s: { start: number; end: number }) => boolean): string | undefined {
  const sentenceStart = Math.max(0, ...[". ", "! ", "? ", "\n"].map((p) => passage.lastIndexOf(p, number.start) + 1));
  const nextStop = /[.!?](?:\s|$)|\n/.exec(passage.slice(number.end));
  const sentenceEnd = nextStop ? number.end + nextStop.index : passage.length;
  for (const m of passage.slice(sentenceStart, sentenceEnd).matchAll(RATE)) {
    const span = { start: sentenceStart + m.index, end: sentenceStart + m.index + m[0].length };
    if (outsideDates(span)) return m[1]?.toLowerCase() ?? RATE_ADVERBS[m[2].toLowerCase()];
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Agreement across sources
// ---------------------------------------------------------------------------

export interface SourcedValue {
  articleId: string;
  outlet: string;
  value: ClaimValue;
}

export interface Corroboration<T extends SourcedValue> {
  members: T[];
  /** Distinct outlets: two articles of one outlet corroborate less than two outlets. */
  outlets: string[];
  outletCount: number;
  agreement: "identical" | "compatible";
}

export interface ValueConflict<T extends SourcedValue> {
  a: T;
  b: T;
}

export interface AgreementSummary<T extends SourcedValue> {
  corroborations: Corroboration<T>[];
  conflicts: ValueConflict<T>[];
}

/**
 * Groups values that agree pairwise (every member identical or compatible with every
 * other; greedy, in input order) and lists conflicting pairs from different articles.
 * Groups are sorted by number of outlets, most corroborated first.
 */
export function summarizeAgreement<T extends SourcedValue>(values: T[]): AgreementSummary<T> {
  const groups: T[][] = [];
  for (const v of values) {
    const group = groups.find((g) => g.every((member) => agrees(compareValues(member.value, v.value))));
    if (group) group.push(v);
    else groups.push([v]);
  }
  const corroborations = groups.map(toCorroboration).sort((x, y) => y.outletCount - x.outletCount);
  const conflicts: ValueConflict<T>[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [a, b] = [values[i], values[j]];
      if (a.articleId !== b.articleId && compareValues(a.value, b.value) === "conflict") conflicts.push({ a, b });
    }
  }
  return { corroborations, conflicts };
}

const agrees = (relation: ValueRelation) => relation === "identical" || relation === "compatible";

function toCorroboration<T extends SourcedValue>(members: T[]): Corroboration<T> {
  const outlets = [...new Set(members.map((m) => m.outlet))];
  const allIdentical = members.every((m) => compareValues(members[0].value, m.value) === "identical");
  return { members, outlets, outletCount: outlets.length, agreement: allIdentical ? "identical" : "compatible" };
}
