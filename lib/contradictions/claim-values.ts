/**
 * Normalized values of claims ("the call took place on …", "more than 5,000 … each week")
 * and how two of them relate. Pure functions, no database, no text parsing: forms use them in
 * the browser.
 */
import { z } from "zod";
import { compareDates, DATE_PRECISIONS, eventDateProblems, PARTS_OF_DAY } from "@/lib/events/event-dates";

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
 * - dates: as periods of time (see compareDates in lib/events/event-dates): same period →
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
