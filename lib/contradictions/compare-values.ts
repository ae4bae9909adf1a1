/**
 * Proposing a claim value from a passage: dates (read with chrono, so not for client components,
 * which use ./claim-values) and numbers with their qualifiers, units and rates.
 */
import { DATE_PRECISIONS } from "@/lib/events/event-dates";
import { resolveDatesInText, resolvedToDateLike } from "@/lib/events/dates";
import { CARDINAL_WORDS } from "@/lib/number-words";
import type { ClaimValue, ClaimValueType, DateValue, NumberQualifier, NumberValue } from "./claim-values";

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
  ...CARDINAL_WORDS,
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
