/**
 * Dates in article text, found with chrono and resolved against the publication date. Not for
 * client components: chrono and its locale tables are too heavy for the browser, where forms use
 * ./event-dates instead. (No "server-only" marker: the worker thread runs it too.)
 */
import * as chrono from "chrono-node";
import { findRelativeExpressions, isDuration, resolveRelativeExpressions, type RelativeTo } from "./relative-dates";
import { dayNumber, daysInMonth, fromDayNumber, isoDay, MS_PER_DAY, pad, parseIsoDay, WEEKDAY_NAMES, weekdayOf, type Ymd } from "./calendar";
import { compareDates, type DateLike, type DatePrecision, type EventDate, type PartOfDay } from "./event-dates";
import { ZONE_ABBREVIATION_PATTERN, ZONE_ABBREVIATIONS, ZONE_AFTER_TIME, zoneFromText } from "./time-zones";

export interface ResolvedDate {
  text: string;
  start: number;
  end: number;
  /** For month and year precision: the first day of the period. */
  date: string | null;
  precision: DatePrecision;
  /** "HH:MM" as written (for hour precision "HH:00"). */
  time?: string;
  /** IANA zone, only when the text states one ("ET", "Moscow time"). */
  timeZone?: string;
  partOfDay?: PartOfDay;
  /** True when the date was computed from the publication date ("on Saturday", "last week"). */
  relative: boolean;
  /** Set when the date is counted from another moment of the story ("the previous day"), not from the publication date. */
  relativeTo?: RelativeTo;
  note?: string;
  /**
   * The first and last day the words cover when that is narrower than the precision's period
   * ("next week": its Monday and Sunday, in a month or across two): no precision names a week.
   */
  days?: { from: string; to: string };
}

export const NO_PUBLICATION_DATE_NOTE = "relative date cannot be resolved: the article has no publication date";

/** "the 19th": chrono only reads ordinals next to a month name. Not "the 19th century" or "the 47th Brigade". */
const dayOfMonthParser: chrono.Parser = {
  pattern: () =>
    /\bthe\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$)|\s+(?:at|in|on|when|and|or|to|as|after|before|but|with|of\s+(?:this|that|the)\s+month)\b)/i,
  // The month is ours to resolve (see resolveDatesInText); January is implied only so that
  // chrono does not drop "the 31st" as invalid in a 30-day reference month.
  extract: (context, match) => context.createParsingComponents({ day: Number(match[1]) }).imply("month", 1),
};

/**
 * "in 2024", "since 2014": chrono does not read a bare year, which is too ambiguous without
 * a preposition. The preposition stays in the text: chrono discards results that are only digits.
 */
const yearParser: chrono.Parser = {
  pattern: () => /\b(?:in|since|by|during|until|through|before|after|early|late|mid-)\s*((?:1[89]|20)\d{2})\b(?![-–,.]?\d)/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

const parser = chrono.casual.clone();
parser.parsers.push(dayOfMonthParser, yearParser);

/** Reference used only to run chrono when the article has no publication date; never shown. */
const FALLBACK_REFERENCE: Ymd = { year: 2001, month: 5, day: 16 };
/**
 * chrono reports values it computed from the reference ("yesterday") as known, like stated
 * ones. Parsing a second time against a reference 13 months and 2 days later tells them
 * apart: stated values do not move.
 */
const SHIFT_DAYS = 397;

type Granularity = "day" | "week" | "month" | "year";

/** Where the calendar date of an expression comes from. */
type DateBasis =
  | { kind: "stated"; year?: number; month?: number; day?: number; yearFromReference: number }
  | { kind: "weekday"; weekday: number; modifierDay: number | null; spanDays: number; secondWeekday?: number }
  | { kind: "dayOfMonth"; day: number }
  | { kind: "fromReference"; anchorDay: number; granularity: Granularity; certain: ("year" | "month" | "day")[] }
  | { kind: "none" };

interface Found {
  start: number;
  end: number;
  basis: DateBasis;
  statedWeekday?: number;
  hour?: number;
  minute?: number;
  minutesStated: boolean;
  timeZone?: string;
  partOfDay?: PartOfDay;
}

/**
 * Finds dates in a passage and resolves them against the publication date (YYYY-MM-DD).
 *
 * Weekday rule: a bare weekday ("on Saturday") is the nearest such day on or before the
 * publication date (0–6 days back), unless its sentence is in the future tense ("will",
 * "is due to", …): then the nearest on or after it (0–6 days ahead). "last/next/this
 * Monday" follow chrono. A bare day of the month ("the 19th") follows the same rule.
 * Dates counted from another moment ("the previous day", "the day after the talks") are
 * counted from the passage's own earlier date or stay unresolved (see relative-dates.ts).
 */
export function resolveDatesInText(passage: string, publishedAt: string | null): ResolvedDate[] {
  const publication = publishedAt ? parseIsoDay(publishedAt) : null;
  const reference = publication ?? FALLBACK_REFERENCE;
  const relativeToOther = findRelativeExpressions(passage);
  const found = mergeNeighbours(passage, findDates(passage, reference)).filter((f) => !relativeToOther.some((r) => f.start < r.end && r.start < f.end));
  // "in the morning" alone names no day and no time.
  const meaningful = found.filter((f) => f.basis.kind !== "none" || f.hour !== undefined);
  return resolveRelativeExpressions(
    passage,
    meaningful.map((f) => resolveFound(passage, f, publication, reference)),
    relativeToOther,
  );
}

function parseAgainst(passage: string, reference: Ymd, shiftDays = 0): chrono.ParsedResult[] {
  const instant = new Date((dayNumber(reference) + shiftDays) * MS_PER_DAY + 12 * 3_600_000);
  const results: chrono.ParsedResult[] = [];
  for (const { from, to } of dateWindows(passage)) {
    for (const result of parser.parse(passage.slice(from, to), { instant, timezone: 0 })) {
      results.push(from === 0 ? result : Object.assign(result, { index: result.index + from }));
    }
  }
  return results;
}

/**
 * Something every parser above needs among its words: a digit, a month or weekday name, a word of
 * the day ("yesterday", "tonight", "noon"), a unit of time, or a number word before a unit's letter
 * ("a few d"). Deliberately loose ("may", "monitor", "sat"): a false hint only costs a parse.
 */
const NUMBER_WORDS = "(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|half|couple)";
const DATE_HINT = new RegExp(
  [
    String.raw`\d`,
    String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
    String.raw`\b(?:mon|tue|wed|thu|fri|sat|sun)`,
    String.raw`\b(?:now|today|tonight|tomorrow|tmrw?|overmorrow|yesterday|morning|afternoon|evening|night|midnight|midday|noon)(?![a-z])`,
    "(?:quarters?|qtr|seconds?|sec|minutes?|mins?|hours?|hrs?|days?|weeks?|weekend|weekday|months?|mon|mos?|years?|yrs?)(?![a-z])",
    // A unit's letter after a number word, alone or followed by the next amount ("the h" + "one y" of "the honey").
    String.raw`\b(?:${NUMBER_WORDS}|of|this|last|past|next|after)\s{1,3}(?:[smhdwy]|mos|mo|yr|hrs?|mins?|sec|qtr)(?:(?![a-z])|${NUMBER_WORDS})`,
  ].join("|"),
  "i",
);

/**
 * The stretches of the passage chrono is run on: per line, from the first sentence with a date
 * hint to the last one. chrono's parsers scan every position and its end-of-period refiner
 * matches the whole text before each date, so the cost grew with the article's length; what
 * lies outside these stretches holds nothing it reads, and no date runs across lines.
 */
function dateWindows(passage: string): { from: number; to: number }[] {
  const windows: { from: number; to: number }[] = [];
  let lineStart = 0;
  while (lineStart <= passage.length) {
    const newline = passage.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? passage.length : newline;
    let from = -1;
    let to = -1;
    let sentenceStart = lineStart;
    let previousEnd = -1;
    while (sentenceStart < lineEnd) {
      SENTENCE_END.lastIndex = sentenceStart;
      const end = SENTENCE_END.exec(passage);
      const sentenceEnd = end && end.index < lineEnd ? end.index + end[1].length : lineEnd;
      const sentence = passage.slice(sentenceStart, sentenceEnd);
      // "10 a.m. ET said": chrono reads a zone written after a date, across what looks like a sentence's end.
      if (DIGIT.test(sentence) || DATE_HINT.test(sentence) || (to === previousEnd && to !== -1 && ZONE_AFTER.test(sentence))) {
        if (from === -1) from = sentenceStart;
        to = sentenceEnd;
      }
      previousEnd = sentenceEnd;
      sentenceStart = end && end.index < lineEnd ? end.index + end[0].length : lineEnd;
    }
    if (from !== -1) windows.push({ from, to });
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return windows;
}

/** DATE_HINT's first branch alone: a sentence with a digit (most with a date) is found by a plain scan for it. */
const DIGIT = /\d/;

/** What chrono's zone refiners read after a date: an abbreviation ("ET", "(GMT)") or an offset ("+03:00"). */
const ZONE_AFTER = /^(?:\(?[A-Z]{2,5}\b|[+-]|\()/;

/** A sentence's closing punctuation (group 1) and the spaces after it, within a line. */
const SENTENCE_END = /([.!?]+)[^\S\n]+/g;

function findDates(passage: string, reference: Ymd): Found[] {
  const twins = twinFinder(passage, reference);
  const found: Found[] = [];
  for (const result of parseAgainst(passage, reference)) {
    if (isDuration(result.text) || lengthOfSomething(passage, result) || LOWER_CASE_WEEKDAY_WORD.test(result.text)) continue;
    const f = withEndWeekday(partOfDayPrefixed(passage, result, reference) ?? toFound(result, twins(result)), result);
    found.push(withTimeZone(passage, trimSpan(passage, f)));
  }
  return found;
}

/** "sat down with", "wed": a word in lower case that chrono reads as an abbreviated weekday. */
const LOWER_CASE_WEEKDAY_WORD = /^(?:sat|sun|mon|wed)$/;

const AMOUNT_OF_TIME = /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+(?:days?|nights?|weeks?|months?|years?|hours?)$/i;

/** "after a week of talks", "capping two days of negotiations": how long something lasted, not a date counted from now. */
function lengthOfSomething(passage: string, result: chrono.ParsedResult): boolean {
  const end = result.index + result.text.length;
  return AMOUNT_OF_TIME.test(result.text) && /^\s+of\s+\p{Ll}/u.test(passage.slice(end, end + 20));
}

/**
 * The twin of a result (the same words parsed against the shifted reference). Only results with a
 * calendar component need one, and parsing their sentence alone finds it at a fraction of the cost
 * of the whole text; when the sentence gives no result with the same words at the same place
 * (a merge with a neighbour, an edge case of chrono), the whole text is parsed once.
 */
function twinFinder(passage: string, reference: Ymd): (result: chrono.ParsedResult) => chrono.ParsedResult | undefined {
  const bySentence = new Map<number, chrono.ParsedResult[]>();
  let whole: chrono.ParsedResult[] | null = null;
  const fromWhole = (result: chrono.ParsedResult) => {
    whole ??= parseAgainst(passage, reference, SHIFT_DAYS);
    return whole.find((s) => s.index === result.index && s.text === result.text);
  };
  return (result) => {
    if (!COMPONENTS_OF_DATE.some((k) => result.start.isCertain(k))) return undefined;
    if (writtenOut(result)) return result;
    if (whole) return fromWhole(result);
    const sentence = sentenceBounds(passage, result.index, result.index + result.text.length);
    // With its closing punctuation: chrono reads what follows a date ("10:00 ET.").
    const from = sentence.from;
    const to = Math.min(passage.length, sentence.to + 1);
    const key = from * (passage.length + 1) + to;
    let shifted = bySentence.get(key);
    if (!shifted) {
      shifted = parseAgainst(passage.slice(from, to), reference, SHIFT_DAYS);
      bySentence.set(key, shifted);
    }
    return shifted.find((s) => s.index + from === result.index && s.text === result.text) ?? fromWhole(result);
  };
}

/** chrono's parsers that take every calendar value they report from the words ("May 19", "2025-05-19", "5/19/2025", "10:00"). */
const WRITTEN_OUT_TAGS = new Set([
  "parser/ENMonthNameMiddleEndianParser",
  "parser/ENMonthNameParser",
  "parser/ENYearMonthNameParser",
  "parser/ISOFormatParser",
  "parser/SlashDateFormatParser",
  "parser/ENTimeExpressionParser",
]);
/** Words by which chrono counts from the reference, or which a refiner may have merged in from an untagged parser ("Monday, May 19"). */
const COUNTING_WORDS =
  /\b(?:yesterday|today|tomorrow|tonight|now|ago|last|next|this|past|later|after|before|earlier|within|mon|tue|wed|thu|fri|sat|sun|week|day|month|year|hour|minute|second|quarter|end)/i;

/** A result whose values all come from its words: parsed against another reference it would read the same, so it is its own twin. */
function writtenOut(result: chrono.ParsedResult): boolean {
  const tags = [...result.start.tags(), ...(result.end?.tags() ?? [])];
  return tags.length > 0 && tags.every((tag) => WRITTEN_OUT_TAGS.has(tag)) && !COUNTING_WORDS.test(result.text);
}

/** "Sunday through Tuesday": a weekday with an end weekday is the days between them. */
function withEndWeekday(f: Found, result: chrono.ParsedResult): Found {
  const end = result.end?.isCertain("weekday") ? result.end.get("weekday") : null;
  if (end === null || end === undefined || f.basis.kind !== "weekday" || f.basis.modifierDay !== null) return f;
  return { ...f, basis: { ...f.basis, spanDays: ((end - f.basis.weekday + 7) % 7) + 1 } };
}

/** chrono loses the date in "morning of the 19th" / "night of May 19": parse the date part alone. */
function partOfDayPrefixed(passage: string, result: chrono.ParsedResult, reference: Ymd): Found | null {
  const m = /^(morning|afternoon|evening|night)\s+of\s+/i.exec(result.text);
  if (!m) return null;
  const offset = result.index + m[0].length;
  const rest = passage.slice(offset, result.index + result.text.length);
  const [inner] = parseAgainst(rest, reference);
  const [innerShifted] = parseAgainst(rest, reference, SHIFT_DAYS);
  if (!inner) return null;
  const f = toFound(inner, innerShifted);
  return { ...f, start: result.index, end: offset + f.end, partOfDay: m[1].toLowerCase() as PartOfDay };
}

const COMPONENTS_OF_DATE = ["year", "month", "day"] as const;

function toFound(result: chrono.ParsedResult, twin: chrono.ParsedResult | undefined): Found {
  const c = result.start;
  const text = result.text;
  const stated = COMPONENTS_OF_DATE.filter((k) => c.isCertain(k) && twin?.start.isCertain(k) && twin.start.get(k) === c.get(k));
  const computed = COMPONENTS_OF_DATE.filter((k) => c.isCertain(k) && !stated.includes(k));
  const hasTime = c.isCertain("hour");
  return {
    start: result.index,
    end: result.index + text.length,
    basis: dateBasis(text, c, stated, computed),
    statedWeekday: c.isCertain("weekday") ? (c.get("weekday") ?? undefined) : undefined,
    hour: hasTime ? (c.get("hour") ?? undefined) : undefined,
    minute: hasTime ? (c.get("minute") ?? 0) : undefined,
    minutesStated: /\d[:.h]\d{2}\b|\b(?:noon|midnight)\b/i.test(text),
    partOfDay: partOfDayIn(text),
  };
}

function dateBasis(
  text: string,
  c: chrono.ParsedComponents,
  stated: readonly ("year" | "month" | "day")[],
  computed: readonly ("year" | "month" | "day")[],
): DateBasis {
  const chronoDay = dayNumber({ year: c.get("year")!, month: c.get("month")!, day: c.get("day")! });
  if (computed.length > 0 || /\b(?:today|tonight|this (?:morning|afternoon|evening|week|month|year)|weeks?)\b/i.test(text)) {
    return { kind: "fromReference", anchorDay: chronoDay, granularity: granularityOf(text, computed), certain: [...computed] };
  }
  if (stated.includes("month") || stated.includes("year")) {
    return {
      kind: "stated",
      year: stated.includes("year") ? c.get("year")! : undefined,
      month: stated.includes("month") ? c.get("month")! : undefined,
      day: stated.includes("day") ? c.get("day")! : undefined,
      yearFromReference: c.get("year")!,
    };
  }
  if (stated.includes("day")) return { kind: "dayOfMonth", day: c.get("day")! };
  if (c.isCertain("weekday")) {
    const hasModifier = /\b(?:last|next|this|past|coming)\b/i.test(text);
    // chrono reads "weekend" as one day; it is Saturday and Sunday.
    const isWeekend = /\bweekend\b/i.test(text);
    const saturdayBefore = chronoDay - ((weekdayOf(chronoDay) + 1) % 7);
    return {
      kind: "weekday",
      weekday: isWeekend ? 6 : c.get("weekday")!,
      modifierDay: hasModifier ? (isWeekend ? saturdayBefore : chronoDay) : null,
      spanDays: isWeekend ? 2 : 1,
    };
  }
  return { kind: "none" };
}

function granularityOf(text: string, computed: readonly string[]): Granularity {
  if (/\bweeks?\b/i.test(text)) return "week";
  if (computed.includes("day") || computed.length === 0) return "day";
  return computed.includes("month") ? "month" : "year";
}

function partOfDayIn(text: string): PartOfDay | undefined {
  const m = /\b(morning|afternoon|evening|night|tonight|overnight)\b/i.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  return word === "tonight" || word === "overnight" ? "night" : (word as PartOfDay);
}

/** chrono keeps punctuation such as the comma in "on Sunday,". */
function trimSpan(passage: string, f: Found): Found {
  let end = f.end;
  while (end > f.start && /[\s,;:]/.test(passage[end - 1])) end--;
  return { ...f, end };
}

/** A zone written inside the expression ("10:00 ET") or right after it ("17:00 Moscow time"). */
function withTimeZone(passage: string, f: Found): Found {
  if (f.hour === undefined) return f;
  const inside = ZONE_ABBREVIATION_PATTERN.exec(passage.slice(f.start, f.end));
  if (inside) return { ...f, timeZone: ZONE_ABBREVIATIONS[inside[1]] };
  const after = ZONE_AFTER_TIME.exec(passage.slice(f.end));
  const zone = after && zoneFromText(after[1] ?? after[2]);
  return after && zone ? { ...f, timeZone: zone, end: f.end + after[0].length } : f;
}

/** Words that join a time to its date ("17:00 Moscow time on May 19", "Sunday, the 18th"). */
const JOINING_GAP = /^\s*,?\s*(?:on|of|at)?\s*,?\s*$/i;

function mergeNeighbours(passage: string, found: Found[]): Found[] {
  const merged: Found[] = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    const gap = last ? passage.slice(last.end, f.start) : "";
    const joined = !last ? null : JOINING_GAP.test(gap) ? mergePair(last, f) : /^\s+and\s+$/i.test(gap) ? nextDays(last, f) : null;
    if (joined) merged[merged.length - 1] = joined;
    else merged.push(f);
  }
  return merged;
}

function mergePair(a: Found, b: Found): Found | null {
  const timeOnly = (f: Found) => f.basis.kind === "none" && f.hour !== undefined;
  const span = { start: a.start, end: b.end };
  if (timeOnly(a) !== timeOnly(b) && (a.hour === undefined || b.hour === undefined)) {
    const [time, date] = timeOnly(a) ? [a, b] : [b, a];
    if (date.basis.kind === "none") return null;
    return {
      ...date,
      ...span,
      hour: time.hour,
      minute: time.minute,
      minutesStated: time.minutesStated,
      timeZone: time.timeZone ?? date.timeZone,
      partOfDay: date.partOfDay ?? time.partOfDay,
    };
  }
  if (a.basis.kind === "weekday" && b.basis.kind === "dayOfMonth") {
    return { ...b, ...span, statedWeekday: a.basis.weekday, partOfDay: b.partOfDay ?? a.partOfDay };
  }
  return null;
}

/**
 * "on Sunday and Monday": two weekdays in a row are one span of two days. "On Monday and
 * Thursday" names two days apart (one happening on each, or one over both): either day may be
 * the one another report gives, so the expression covers both and the days between, and says so,
 * rather than the first day alone.
 */
function nextDays(a: Found, b: Found): Found | null {
  if (a.basis.kind !== "weekday" || b.basis.kind !== "weekday" || a.basis.modifierDay !== null || b.basis.modifierDay !== null) return null;
  if (a.hour !== undefined || b.hour !== undefined || a.basis.secondWeekday !== undefined || b.basis.secondWeekday !== undefined) return null;
  const apart = (b.basis.weekday - a.basis.weekday + 7) % 7;
  if (apart === a.basis.spanDays) return { ...a, end: b.end, basis: { ...a.basis, spanDays: a.basis.spanDays + b.basis.spanDays } };
  const single = a.basis.spanDays === 1 && b.basis.spanDays === 1;
  return single && apart > 1 ? { ...a, end: b.end, basis: { ...a.basis, secondWeekday: b.basis.weekday } } : null;
}

// --- Resolution --------------------------------------------------------------

/** Inclusive range of day numbers the expression can refer to. */
interface DayRange {
  from: number;
  to: number;
}

function resolveFound(passage: string, f: Found, publication: Ymd | null, reference: Ymd): ResolvedDate {
  const base = {
    text: passage.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    ...(f.timeZone ? { timeZone: f.timeZone } : {}),
    ...(f.partOfDay ? { partOfDay: f.partOfDay } : {}),
    ...(f.hour !== undefined ? { time: `${pad(f.hour)}:${pad(f.minute ?? 0)}` } : {}),
  };
  const relative = f.basis.kind !== "stated" && f.basis.kind !== "none";
  if (f.basis.kind === "none") {
    return { ...base, date: null, precision: timePrecision(f) ?? "day", relative, note: "no date stated, only a time of day" };
  }
  const tense = tenseContext(passage, f.start, f.end);
  const future = isFutureTense(tense);
  const range = withinReferencePeriod(
    passage,
    f,
    dayRange(f.basis, dayNumber(reference), future, approximationWidth(passage, f, reference), !future && isPastTense(tense)),
    dayNumber(reference),
  );
  const period = periodContaining(range);
  const precision = (period.precision === "day" ? timePrecision(f) : null) ?? period.precision ?? "year";
  const yearMissing = f.basis.kind === "stated" && f.basis.year === undefined;
  const unresolved = !publication && (relative || yearMissing);
  const note = unresolved
    ? relative
      ? NO_PUBLICATION_DATE_NOTE
      : "the year is not stated and the article has no publication date"
    : joinNotes(
        yearMissing ? "year not stated: taken as the nearest to the publication date" : undefined,
        f.basis.kind === "weekday" && f.basis.secondWeekday !== undefined && period.note
          ? `${isoDay(fromDayNumber(range.from))} and ${isoDay(fromDayNumber(range.to))}, two days apart`
          : period.note,
        weekdayMismatch(f, range),
      );
  const narrower = !unresolved && period.first && range.from !== range.to && period.note !== undefined;
  return {
    ...base,
    date: unresolved || !period.first ? null : isoDay(period.first),
    precision,
    relative,
    ...(note ? { note } : {}),
    ...(narrower ? { days: { from: isoDay(fromDayNumber(range.from)), to: isoDay(fromDayNumber(range.to)) } } : {}),
  };
}

/** "earlier this week" ends on the reference day, "later this month" starts on it. */
function withinReferencePeriod(passage: string, f: Found, range: DayRange, refDay: number): DayRange {
  if (f.basis.kind !== "fromReference" || range.from > refDay || range.to < refDay) return range;
  const side =
    /\b(earlier|later)\s+$/i.exec(passage.slice(Math.max(0, f.start - 12), f.start))?.[1] ?? /^(earlier|later)\b/i.exec(passage.slice(f.start, f.end))?.[1];
  if (!side) return range;
  return side.toLowerCase() === "earlier" ? { from: range.from, to: refDay } : { from: refDay, to: range.to };
}

function timePrecision(f: Found): "hour" | "minute" | null {
  if (f.hour === undefined) return null;
  return f.minutesStated ? "minute" : "hour";
}

function dayRange(basis: Exclude<DateBasis, { kind: "none" }>, refDay: number, future: boolean, widen: number, past = false): DayRange {
  switch (basis.kind) {
    case "stated":
      return basis.year === undefined ? yearlessRange(basis, refDay, future, past) : statedRange(basis);
    case "weekday": {
      if (basis.secondWeekday !== undefined) {
        // Each weekday is the nearest such day on its own ("met on Monday and Thursday", written on a Wednesday: the Thursday before).
        const [one, two] = [nearestWeekday(basis.weekday, refDay, future), nearestWeekday(basis.secondWeekday, refDay, future)];
        return { from: Math.min(one, two), to: Math.max(one, two) };
      }
      const first = basis.modifierDay ?? nearestWeekday(basis.weekday, refDay, future);
      return { from: first, to: first + basis.spanDays - 1 };
    }
    case "dayOfMonth": {
      const day = nearestDayOfMonth(basis.day, fromDayNumber(refDay), future);
      return { from: day, to: day };
    }
    case "fromReference":
      return widen > 0 ? { from: basis.anchorDay - widen, to: basis.anchorDay + widen } : referenceRange(basis, refDay);
  }
}

/**
 * A month or day without its year: the nearest one to the publication date (chrono's reading), but
 * never one wholly after it in a sentence in the past ("last met in December", written in June:
 * the December before), nor one wholly before it in the future tense ("will meet in December",
 * written in January: the December to come). A week's slack leaves a date the report is a day or
 * two off from (a publication stamp in another time zone) as it is.
 */
const YEARLESS_SLACK_DAYS = 7;

function yearlessRange(basis: Extract<DateBasis, { kind: "stated" }>, refDay: number, future: boolean, past: boolean): DayRange {
  const nearest = statedRange(basis);
  if (past && nearest.from > refDay + YEARLESS_SLACK_DAYS) return statedRange({ ...basis, yearFromReference: basis.yearFromReference - 1 });
  if (future && nearest.to < refDay - YEARLESS_SLACK_DAYS) return statedRange({ ...basis, yearFromReference: basis.yearFromReference + 1 });
  return nearest;
}

function statedRange(basis: Extract<DateBasis, { kind: "stated" }>): DayRange {
  const year = basis.year ?? basis.yearFromReference;
  if (basis.month === undefined) return { from: dayNumber({ year, month: 1, day: 1 }), to: dayNumber({ year, month: 12, day: 31 }) };
  if (basis.day === undefined) {
    return { from: dayNumber({ year, month: basis.month, day: 1 }), to: dayNumber({ year, month: basis.month, day: daysInMonth(year, basis.month) }) };
  }
  const day = dayNumber({ year, month: basis.month, day: basis.day });
  return { from: day, to: day };
}

function nearestWeekday(weekday: number, refDay: number, future: boolean): number {
  const refWeekday = weekdayOf(refDay);
  return future ? refDay + ((weekday - refWeekday + 7) % 7) : refDay - ((refWeekday - weekday + 7) % 7);
}

/** The closest month (going back, or forward for the future tense) that has this day. */
function nearestDayOfMonth(day: number, ref: Ymd, future: boolean): number {
  const step = future ? 1 : -1;
  for (let k = 0; k < 24; k++) {
    const monthIndex = ref.year * 12 + (ref.month - 1) + step * k;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    if (day > daysInMonth(year, month)) continue;
    const candidate = dayNumber({ year, month, day });
    const refDay = dayNumber(ref);
    if (future ? candidate >= refDay : candidate <= refDay) return candidate;
  }
  throw new Error(`no month has a day ${day}`);
}

/** Calendar period an expression from the reference covers: "last week" is Monday–Sunday. */
function referenceRange(basis: Extract<DateBasis, { kind: "fromReference" }>, refDay: number): DayRange {
  const anchor = basis.certain.length === 0 && basis.granularity === "week" ? refDay : basis.anchorDay;
  const a = fromDayNumber(anchor);
  switch (basis.granularity) {
    case "day":
      return { from: anchor, to: anchor };
    case "week": {
      const monday = anchor - ((weekdayOf(anchor) + 6) % 7);
      return { from: monday, to: monday + 6 };
    }
    case "month":
      return { from: dayNumber({ ...a, day: 1 }), to: dayNumber({ ...a, day: daysInMonth(a.year, a.month) }) };
    case "year":
      return { from: dayNumber({ year: a.year, month: 1, day: 1 }), to: dayNumber({ year: a.year, month: 12, day: 31 }) };
  }
}

/**
 * "approximately one month ago" is not a calendar month: the range extends a quarter of
 * the distance from the publication date on either side (at least a day).
 */
function approximationWidth(passage: string, f: Found, reference: Ymd): number {
  if (f.basis.kind !== "fromReference") return 0;
  const before = passage.slice(Math.max(0, f.start - 20), f.start);
  if (!/\b(?:approximately|about|around|roughly|some|nearly|almost|more than|less than|over)\s+$/i.test(before)) return 0;
  return Math.max(1, Math.round(Math.abs(dayNumber(reference) - f.basis.anchorDay) / 4));
}

/** Smallest day/month/year containing the range; a note when the range is narrower than it. */
function periodContaining({ from, to }: DayRange): { precision: "day" | "month" | "year" | null; first: Ymd | null; note?: string } {
  const a = fromDayNumber(from);
  const b = fromDayNumber(to);
  if (from === to) return { precision: "day", first: a };
  const describe = `between ${isoDay(a)} and ${isoDay(b)}`;
  if (a.year !== b.year) return { precision: null, first: null, note: `${describe}: spans two years` };
  const wholeMonth = a.day === 1 && b.day === daysInMonth(b.year, b.month);
  if (a.month === b.month) return { precision: "month", first: { ...a, day: 1 }, ...(wholeMonth ? {} : { note: describe }) };
  const wholeYear = a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31;
  return { precision: "year", first: { year: a.year, month: 1, day: 1 }, ...(wholeYear ? {} : { note: describe }) };
}

function weekdayMismatch(f: Found, range: DayRange): string | undefined {
  if (f.statedWeekday === undefined || range.from !== range.to) return undefined;
  const actual = weekdayOf(range.from);
  if (actual === f.statedWeekday) return undefined;
  return `the text says ${WEEKDAY_NAMES[f.statedWeekday]} but ${isoDay(fromDayNumber(range.from))} is a ${WEEKDAY_NAMES[actual]}`;
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => Boolean(n));
  return present.length > 0 ? present.join("; ") : undefined;
}

function sentenceBounds(passage: string, start: number, end: number): { from: number; to: number } {
  // Backwards from the date to the nearest ". ", "! ", "? " or line break, not over the whole text before it.
  let from = 0;
  for (let i = start - 1; i >= 0; i--) {
    const c = passage[i];
    if (c === "\n" || (i + 1 < start && passage[i + 1] === " " && (c === "." || c === "!" || c === "?"))) {
      from = i + 1;
      break;
    }
  }
  const after = /[.!?](?:\s|$)|\n/.exec(passage.slice(end));
  return { from, to: after ? end + after.index : passage.length };
}

/**
 * The words that decide the tense of a date: its clause ("…, the ministry said on Saturday"
 * is past even when the sentence also says "they will meet"). A clause that is little more
 * than the date ("On Saturday, the leaders will meet") takes the whole sentence.
 */
const DATE_FILLER_WORDS = new Set(["on", "at", "in", "by", "of", "the", "and", "or", "but", "then", "since", "until", "early", "late"]);

function tenseContext(passage: string, start: number, end: number): string {
  const sentence = sentenceBounds(passage, start, end);
  const clauseBreak = /[,;:()\u2013\u2014]/;
  let from = start;
  while (from > sentence.from && !clauseBreak.test(passage[from - 1])) from--;
  let to = end;
  while (to < sentence.to && !clauseBreak.test(passage[to])) to++;
  // "arrived on Sunday night and is due to meet Y on Monday": the future of the next predicate is not this date's.
  const next = FUTURE_PREDICATE_AFTER.exec(passage.slice(end, to));
  if (next) to = end + next.index;
  const otherWords = `${passage.slice(from, start)} ${passage.slice(end, to)}`
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && !DATE_FILLER_WORDS.has(w.toLowerCase()));
  return otherWords.length > 0 ? passage.slice(from, to) : passage.slice(sentence.from, sentence.to);
}

const FUTURE_PREDICATE_AFTER = /\s(?:and|but)\s+(?:(?:is|are)\s+(?:due|set|scheduled|expected|slated)\s+to|will|shall|plans?\s+to)\b/i;
/** "will meet", "is due to", and the present of a schedule ("Braun arrives in Paris on Monday", "the visit begins on Friday"). */
const FUTURE_TENSE =
  /\b(?:will|shall|won['’]t|going to|(?:is|are) (?:due|set|scheduled|expected|slated|poised|planning|to)|plans? to|intends? to|arrives|travels|flies|begins|starts|opens)\b|\w['’]ll\b/i;

function isFutureTense(sentence: string): boolean {
  return FUTURE_TENSE.test(sentence);
}

/** "met", "held", "spoke", "was": a verb in the past, and nothing announcing a plan ("was scheduled for"). */
const PAST_TENSE =
  /\b(?:met|held|spoke|spoken|talked|visited|was|were|had|did|took|began|ended|signed|agreed|told|called|phoned|arrived|hosted|received|returned|swapped|exchanged|released|freed|concluded|collapsed|failed|stalled|broke|resumed|opened|closed|killed|fought|last)\b/i;
const PLAN_WORDS = /\b(?:scheduled|planned|expected|due|set|slated|postponed|delayed|until|would|could|might)\b/i;

function isPastTense(sentence: string): boolean {
  return PAST_TENSE.test(sentence) && !PLAN_WORDS.test(sentence);
}

// --- As event dates -----------------------------------------------------------

/** The resolved passage date in event-date form (localDate cut to its precision), or null if unresolved. */
export function resolvedToDateLike(resolved: ResolvedDate): DateLike | null {
  if (!resolved.date) return null;
  const cut: Record<DatePrecision, string> = {
    year: resolved.date.slice(0, 4),
    month: resolved.date.slice(0, 7),
    day: resolved.date,
    hour: `${resolved.date}T${resolved.time?.slice(0, 2)}`,
    minute: `${resolved.date}T${resolved.time}`,
  };
  return {
    localDate: cut[resolved.precision],
    precision: resolved.precision,
    timeZone: resolved.timeZone ?? null,
    ...(resolved.partOfDay ? { partOfDay: resolved.partOfDay } : {}),
  };
}

/** True when the passage's date cannot be the event's date (at the coarser of the two precisions). */
export function datesDisagree(resolved: ResolvedDate, eventDate: EventDate): boolean {
  const passageDate = resolvedToDateLike(resolved);
  return passageDate !== null && compareDates(passageDate, eventDate) === "conflict";
}
