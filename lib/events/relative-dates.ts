/**
 * Dates counted from another moment of the story rather than from the publication date:
 * "the previous day", "two days later", "later that day", "the day after the Istanbul talks".
 * News copy uses them for the narrative's own time line, so they resolve against the date the
 * text gave last, or against the named happening's date, and never against the publication
 * date. Also: lengths of time ("for about 90 minutes") that a date parser would read as a
 * point in time. Pure functions, no database.
 */
import { CARDINAL_WORDS } from "@/lib/number-words";
import type { ResolvedDate } from "./dates";
import type { PartOfDay } from "./event-dates";

export type RelativeUnit = "day" | "week" | "month";

export interface RelativeTo {
  /** The happening the date is counted from ("the Istanbul talks"), or null: the date the text gave last. */
  happening: { text: string; start: number; end: number } | null;
  unit: RelativeUnit;
  /** Signed: -1 for "the previous day", 0 for "later that day"; null when the text does not say how many ("days later"). */
  amount: number | null;
  /** The date counted from (YYYY-MM-DD), once known. */
  anchor?: string;
}

/** A date expression counted from another moment, before resolution. */
export interface RelativeExpression {
  text: string;
  start: number;
  end: number;
  relativeTo: RelativeTo;
  partOfDay?: PartOfDay;
}

/**
 * "for about 90 minutes", "lasting two days", "within an hour": a length of time. Only clock
 * units after "in"/"within" ("in two weeks" is a point in time counted from now).
 */
const DURATION = new RegExp(
  [
    String.raw`^(?:(?:for|during|lasting|over)\s+(?:[\w.,-]+\s+){0,4}(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)`,
    String.raw`|(?:in|within)\s+(?:[\w.,-]+\s+){0,4}(?:seconds?|minutes?|mins?|hours?|hrs?))$`,
  ].join(""),
  "i",
);

export function isDuration(dateText: string): boolean {
  return DURATION.test(dateText.trim());
}

const AMOUNTS: Record<string, number> = { a: 1, an: 1, ...CARDINAL_WORDS };
const VAGUE_AMOUNTS = ["a few", "a couple of", "several", "few", "some"];
const UNIT = "(day|night|morning|afternoon|evening|week|month)";
const PARTS = new Set(["morning", "afternoon", "evening", "night"]);
const BEFORE_WORDS = new Set(["before", "earlier", "prior", "previous", "preceding"]);

/** Words that may open the name of a happening after "after"/"before"/"eve of". */
const HAPPENING_OPENER = /^(?:the|a|an|his|her|their|its|our|this|that|these|those|\p{Lu}[\p{L}'’-]*|he|she|they|it|we|i)\b/iu;
/** Clause ends: the happening's name stops there. */
const HAPPENING_STOP = /[,.;:!?()"“”]|\s(?:and|but|when|while|as|which|who|where|because|with)\s|\n/;
const MAX_HAPPENING_WORDS = 8;

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<RelativeExpression, "text" | "start" | "end"> | null }[] = [
  {
    // "the previous day", "the following morning", "the same evening", "the next week"
    re: new RegExp(String.raw`\b(?:on\s+)?the\s+(previous|prior|preceding|following|next|same)\s+${UNIT}\b`, "gi"),
    read: (m) => unitShift(m[2], m[1].toLowerCase() === "same" ? 0 : BEFORE_WORDS.has(m[1].toLowerCase()) ? -1 : 1),
  },
  {
    // "two days later", "a week earlier", "three days after the summit", "several days later"
    re: new RegExp(
      String.raw`\b(${[...VAGUE_AMOUNTS, ...Object.keys(AMOUNTS)].join("|")}|\d{1,2})\s+(days?|weeks?|months?|hours?)\s+(later|earlier|afterwards?|before|after|prior)\b`,
      "gi",
    ),
    read: (m) => {
      const unit = m[2].toLowerCase().replace(/s$/, "");
      const sign = BEFORE_WORDS.has(m[3].toLowerCase()) ? -1 : 1;
      const amountText = m[1].toLowerCase();
      const amount = /^\d+$/.test(amountText) ? Number(amountText) : (AMOUNTS[amountText] ?? null);
      if (unit === "hour") return { relativeTo: { happening: null, unit: "day", amount: 0 } };
      // "a week later" counts seven days; "the following week" (above) names a calendar week.
      if (unit === "week") return { relativeTo: { happening: null, unit: "day", amount: amount === null ? null : sign * 7 * amount } };
      return { relativeTo: { happening: null, unit: unit as RelativeUnit, amount: amount === null ? null : sign * amount } };
    },
  },
  {
    // "hours later", "moments earlier": the same day
    re: /\b(?:hours|minutes|moments)\s+(?:later|earlier|afterwards?|before|after)\b/gi,
    read: () => ({ relativeTo: { happening: null, unit: "day", amount: 0 } }),
  },
  {
    // "days later", "weeks earlier": how far is not said
    re: /\b(days|weeks|months)\s+(?:later|earlier|afterwards?)\b/gi,
    read: (m) => ({ relativeTo: { happening: null, unit: m[1].toLowerCase().replace(/s$/, "") as RelativeUnit, amount: null } }),
  },
  {
    // "the day before", "the night after"; not "the day before yesterday"
    re: new RegExp(String.raw`\bthe\s+${UNIT}\s+(before|after)\b(?!\s+(?:yesterday|tomorrow|last|next)\b)`, "gi"),
    read: (m) => unitShift(m[1], m[2].toLowerCase() === "before" ? -1 : 1),
  },
  {
    // "later that day", "earlier in the day", "later the same evening"
    re: new RegExp(String.raw`\b(?:later|earlier)\s+(?:that|in\s+the|on\s+the\s+same|the\s+same)\s+${UNIT}\b`, "gi"),
    read: (m) => unitShift(m[1], 0),
  },
  {
    // "that evening", "on that day"
    re: /\b(?:on\s+)?that\s+(day|morning|afternoon|evening|night)\b/gi,
    read: (m) => unitShift(m[1], 0),
  },
  {
    re: /\b(?:on\s+)?the\s+eve\s+of\b/gi,
    read: () => ({ relativeTo: { happening: null, unit: "day", amount: -1 } }),
  },
];

function unitShift(unitWord: string, sign: number): Omit<RelativeExpression, "text" | "start" | "end"> {
  const word = unitWord.toLowerCase();
  if (PARTS.has(word)) return { relativeTo: { happening: null, unit: "day", amount: sign }, partOfDay: word as PartOfDay };
  return { relativeTo: { happening: null, unit: word as RelativeUnit, amount: sign } };
}

/** Expressions counted from another moment, in text order, without overlaps (the longer wins). */
export function findRelativeExpressions(passage: string): RelativeExpression[] {
  const found: RelativeExpression[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(passage); m; m = re.exec(passage)) {
      const reading = read(m);
      if (!reading) continue;
      const expression = { text: m[0], start: m.index, end: m.index + m[0].length, ...reading };
      found.push(withHappening(passage, expression, /(?:after|before|of)$/i.test(m[0])));
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RelativeExpression[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) kept.push(f);
  }
  return kept;
}

/** "the day after the Istanbul talks": the words naming the happening, up to the end of the clause. */
function withHappening(passage: string, expression: RelativeExpression, canName: boolean): RelativeExpression {
  if (!canName) return expression;
  const rest = passage.slice(expression.end);
  const lead = /^\s+/.exec(rest)?.[0] ?? "";
  const tail = rest.slice(lead.length);
  if (!HAPPENING_OPENER.test(tail)) return expression;
  const stop = HAPPENING_STOP.exec(tail);
  const words = tail
    .slice(0, stop ? stop.index : tail.length)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_HAPPENING_WORDS);
  if (words.length === 0) return expression;
  const start = expression.end + lead.length;
  const end = start + tail.indexOf(words[words.length - 1]) + words[words.length - 1].length;
  return { ...expression, relativeTo: { ...expression.relativeTo, happening: { text: passage.slice(start, end), start, end } } };
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const toDayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const toIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The date a relative expression names, counted from `anchor` (YYYY-MM-DD). */
export function shiftFrom(anchor: string, relativeTo: Pick<RelativeTo, "unit" | "amount">): { date: string; precision: "day" | "month"; note?: string } | null {
  if (relativeTo.amount === null) return null;
  const day = toDayNumber(anchor);
  if (relativeTo.unit === "day") return { date: toIso(day + relativeTo.amount), precision: "day" };
  if (relativeTo.unit === "week") {
    const shifted = day + 7 * relativeTo.amount;
    const monday = shifted - ((new Date(shifted * MS_PER_DAY).getUTCDay() + 6) % 7);
    const [from, to] = [toIso(monday), toIso(monday + 6)];
    if (relativeTo.amount !== 0 && from.slice(0, 7) === to.slice(0, 7))
      return { date: `${from.slice(0, 7)}-01`, precision: "month", note: `between ${from} and ${to}` };
    return relativeTo.amount === 0 ? { date: anchor, precision: "day" } : null;
  }
  const d = new Date(day * MS_PER_DAY);
  const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + relativeTo.amount, 1));
  return { date: month.toISOString().slice(0, 10), precision: "month" };
}

/** Why a relative expression has no date. */
export function unresolvedRelativeNote(relativeTo: RelativeTo): string {
  if (relativeTo.amount === null) return "counted from another moment, but the text does not say how far";
  if (relativeTo.happening) return `counted from “${relativeTo.happening.text}”, whose date the text does not give`;
  return "counted from an earlier date that the text does not give";
}

const DAY_PRECISIONS = new Set(["day", "hour", "minute"]);

/**
 * Adds the relative expressions to the dates found in the passage, in text order. One that
 * names no happening is counted from the nearest earlier day-precise date of its paragraph;
 * otherwise it stays unresolved and says why.
 */
export function resolveRelativeExpressions(passage: string, dates: ResolvedDate[], relative: RelativeExpression[]): ResolvedDate[] {
  if (relative.length === 0) return dates;
  const merged: ResolvedDate[] = [];
  let next = 0;
  for (const expression of relative) {
    while (next < dates.length && dates[next].start < expression.start) merged.push(dates[next++]);
    merged.push(resolveOne(passage, expression, merged));
  }
  while (next < dates.length) merged.push(dates[next++]);
  return merged;
}

function resolveOne(passage: string, expression: RelativeExpression, earlier: ResolvedDate[]): ResolvedDate {
  const base = {
    text: expression.text,
    start: expression.start,
    end: expression.end,
    relative: true,
    relativeTo: expression.relativeTo,
    ...(expression.partOfDay ? { partOfDay: expression.partOfDay } : {}),
  };
  const anchor = expression.relativeTo.happening ? undefined : anchorBefore(passage, expression.start, earlier);
  const shifted = anchor ? shiftFrom(anchor.date!, expression.relativeTo) : null;
  if (!anchor || !shifted) return { ...base, date: null, precision: "day", note: unresolvedRelativeNote(expression.relativeTo) };
  const note = [`counted from ${anchor.text} (${anchor.date})`, shifted.note].filter(Boolean).join("; ");
  return { ...base, relativeTo: { ...expression.relativeTo, anchor: anchor.date! }, date: shifted.date, precision: shifted.precision, note };
}

function anchorBefore(passage: string, start: number, earlier: ResolvedDate[]): ResolvedDate | undefined {
  const paragraphStart = passage.lastIndexOf("\n", start - 1) + 1;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const candidate = earlier[i];
    if (candidate.start < paragraphStart) return undefined;
    if (candidate.date && DAY_PRECISIONS.has(candidate.precision)) return candidate;
  }
  return undefined;
}
