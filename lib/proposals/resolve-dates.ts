/**
 * The date of each mention: the date expression of its own clause (resolved by lib/events
 * against the article's publication date, or against the story's earlier date for "the
 * previous day"), else the date the report of it gives ("the ministry said on Saturday").
 * "The day after the Istanbul talks" is resolved here against that happening's date, once
 * the happening is known. Nothing is guessed: without a date the mention says why. Pure.
 */
import { NO_PUBLICATION_DATE_NOTE, resolveDatesInText, resolvedToDateLike, type ResolvedDate } from "@/lib/events/dates";
import { zoneFromText } from "@/lib/events/time-zones";
import { shiftFrom } from "@/lib/events/relative-dates";
import { normalizeName } from "@/lib/entities/match";
import type { ArticleContext, SentenceParts } from "./extract-events";
import { type FoundName, sameName } from "./names";
import { contains, overlaps, spansWithin } from "./text";
import { findTriggers, type Trigger } from "./triggers";
import type { DateSource, EventMention, KeyedName, MentionDate, Span } from "./types";
import { kindsCompatible, type HappeningKind } from "./vocabulary";

const NO_DATE = {
  undated: "the text gives no date for it",
  noPublicationDate: "the article has no date and the text gives none for it",
};

/** A resolved expression as a mention's date; null gives an undated one that says why. */
function mentionDate(resolved: ResolvedDate | null, source: DateSource | null, publishedAt: string | null): MentionDate {
  if (!resolved) {
    return {
      date: null,
      localDate: null,
      precision: null,
      timeZone: null,
      partOfDay: null,
      text: null,
      note: publishedAt ? NO_DATE.undated : NO_DATE.noPublicationDate,
      span: null,
      source: null,
    };
  }
  const like = resolvedToDateLike(resolved);
  return {
    date: like ? resolved.date : null,
    localDate: like?.localDate ?? null,
    precision: like ? resolved.precision : null,
    timeZone: resolved.timeZone ?? null,
    partOfDay: resolved.partOfDay ?? null,
    text: resolved.text,
    note: resolved.note ?? null,
    span: { start: resolved.start, end: resolved.end },
    source,
    ...(resolved.relativeTo ? { relativeTo: resolved.relativeTo } : {}),
    ...(like && resolved.days ? { days: resolved.days } : {}),
  };
}

/** "said on Saturday", "told reporters Sunday", "announced in a statement on Monday": the date of the report, not of the happening. */
const REPORTED_BEFORE =
  /\b(?:said|says|told\s+(?:reporters|journalists|\p{Lu}\S*)|stated|reported|announced|confirmed|wrote|posted|added|noted)(?:\s+(?:late|early|in\s+a\s+statement|in\s+an\s+interview))?(?:\s+on)?\s*$/iu;

/** "…, the ministry said on Saturday": the verb of saying right before a date; not a word of a name ("Sultan Haitham al-Said on Wednesday"). */
function reportingVerbBefore(ctx: ArticleContext, from: number, d: Span): RegExpExecArray | null {
  const verb = REPORTED_BEFORE.exec(ctx.text.slice(from, d.start));
  const at = verb ? from + verb.index : -1;
  return verb && !ctx.names.some((n) => n.level === "person" && n.start <= at && at < n.end) ? verb : null;
}

const LOWER_CASE_MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?:of|in|on|to))?$/;

/** A date expression worth taking: resolved, counted from another moment, or unresolvable for a stated reason. */
function usable(d: ResolvedDate): boolean {
  // "march of victories", "may": a month name in lower case alone is a word, not a date.
  if (LOWER_CASE_MONTH.test(d.text)) return false;
  return Boolean(d.date || d.relativeTo || d.note === NO_PUBLICATION_DATE_NOTE || (d.note?.startsWith("the year is not stated") ?? false));
}

const DATELINE_BEFORE = /(?:^|\n)\p{Lu}[\p{Lu}\s.'’/-]+(?:,\s*[\p{L}\s.]+)?,\s*$/u;
const DATELINE_AFTER = /^\s*(?:\([^)]{1,40}\))?\s*[-–—]/;

/** "OSLO, June 10 (Wire) -": the day the story was filed, not the day of what it reports. */
function inDateline(text: string, d: ResolvedDate): boolean {
  return DATELINE_BEFORE.test(text.slice(Math.max(0, d.start - 60), d.start)) && DATELINE_AFTER.test(text.slice(d.end, d.end + 45));
}

const PERIOD = /^in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+(?:days?|weeks?|months?|years?|decades?)$/i;
const RANKED_BEFORE = /\b(?:first|second|third|fourth|fifth|latest|last|only|biggest|largest|longest|highest|lowest|worst|best)\b(?:\s+[\p{L}'’-]+){0,5}\s*$/iu;

/** "their first direct talks in three years", "the second call in a month": a span of time counted back, not a date. */
function withinPeriod(text: string, sentence: Span, d: ResolvedDate): boolean {
  return PERIOD.test(d.text) && RANKED_BEFORE.test(text.slice(Math.max(sentence.start, d.start - 60), d.start));
}

/** "On Eastern Time May 19": a zone named before the date rather than after the time. */
const ZONE_BEFORE = /(?:(\p{Lu}\p{Ll}+) )?(\p{Lu}\p{Ll}+) [Tt]ime\s*$/u;

/** "May 19 (Monday) at 10:00 AM": a day and a time written apart make one moment. */
function withTime(text: string, day: ResolvedDate, times: ResolvedDate[]): ResolvedDate {
  if (!day.date || day.precision !== "day" || day.time) return day;
  const near = times.filter((t) => t !== day && Math.abs(t.start - day.end) <= 40 && (!t.date || t.relative));
  const time = near.find((t) => t.time && t.timeZone) ?? near.find((t) => t.time);
  if (!time) return day;
  const precision = time.precision === "minute" ? "minute" : "hour";
  const before = ZONE_BEFORE.exec(text.slice(Math.max(0, day.start - 30), day.start));
  const timeZone = time.timeZone ?? (before ? (zoneFromText(`${before[2]} time`) ?? zoneFromText(`${before[1]} ${before[2]} time`)) : undefined);
  return { ...day, time: time.time, precision, ...(timeZone ? { timeZone } : {}), text: `${day.text} … ${time.text}` };
}

const YEAR_NOT_STATED = "year not stated";
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MS_PER_DAY = 86_400_000;

/**
 * "A meeting … is planned in Lisbon on Thursday": the date resolver reads the weekday from the
 * tense of its clause; when the happening is announced, the weekday is the next one, not the last.
 */
function forwardIfPlanned(d: ResolvedDate, planned: boolean, publishedAt: string | null): ResolvedDate {
  // "agreed to meet again in March", written in June: next March.
  if (planned && publishedAt && d.date && !d.relativeTo && d.note?.startsWith(YEAR_NOT_STATED) && ["day", "month"].includes(d.precision)) {
    const past = d.precision === "month" ? d.date.slice(0, 7) < publishedAt.slice(0, 7) : d.date < publishedAt;
    const next = `${Number(d.date.slice(0, 4)) + 1}${d.date.slice(4)}`;
    if (past && !Number.isNaN(Date.parse(`${next}T00:00:00Z`)) && new Date(`${next}T00:00:00Z`).toISOString().startsWith(next))
      return { ...d, date: next, note: "year not stated: the next such date, the happening is announced, not past" };
  }
  if (
    planned &&
    publishedAt &&
    d.days &&
    d.relative &&
    !d.relativeTo &&
    WEEKDAY.test(d.text) &&
    !/\b(?:last|next|this)\b/i.test(d.text) &&
    d.days.to < publishedAt
  )
    return nextWeekDays({ ...d, days: d.days });
  if (
    !planned ||
    !publishedAt ||
    !d.date ||
    !d.relative ||
    d.relativeTo ||
    !["day", "hour", "minute"].includes(d.precision) ||
    /\blast\b/i.test(d.text) ||
    d.date >= publishedAt
  )
    return d;
  if (WEEKDAY.test(d.text)) {
    const next = new Date(Date.parse(`${d.date}T00:00:00Z`) + 7 * MS_PER_DAY).toISOString().slice(0, 10);
    return { ...d, date: next, note: "the next such weekday: the happening is announced, not past" };
  }
  if (DAY_OF_MONTH.test(d.text)) {
    const day = new Date(Date.parse(`${d.date}T00:00:00Z`));
    const next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()));
    if (next.getUTCDate() === day.getUTCDate())
      return { ...d, date: next.toISOString().slice(0, 10), note: "the next such day of the month: the happening is announced, not past" };
  }
  return d;
}

/** "agreed to meet on Sunday and Monday", read in the past: the same days a week later. */
function nextWeekDays(d: ResolvedDate & { days: { from: string; to: string } }): ResolvedDate {
  const later = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 7 * MS_PER_DAY).toISOString().slice(0, 10);
  const days = { from: later(d.days.from), to: later(d.days.to) };
  const note = `between ${days.from} and ${days.to}: the next such days, the happening is announced, not past`;
  if (days.from.slice(0, 4) !== days.to.slice(0, 4)) return { ...d, date: null, days: undefined, note };
  const sameMonth = days.from.slice(0, 7) === days.to.slice(0, 7);
  return { ...d, date: sameMonth ? `${days.from.slice(0, 7)}-01` : `${days.from.slice(0, 4)}-01-01`, precision: sameMonth ? "month" : "year", days, note };
}

/**
 * "Will speak on Tuesday, the ministry said on Monday", read on a Wednesday: the Tuesday after the
 * announcement, not the one after the article's date.
 */
function fromAnnouncement(d: ResolvedDate, planned: boolean, announcedOn: string | null): ResolvedDate {
  if (!planned || !announcedOn || !d.date || !d.relative || d.relativeTo || d.precision !== "day" || !WEEKDAY.test(d.text) || /\b(?:next|last)\b/i.test(d.text))
    return d;
  const earlier = new Date(Date.parse(`${d.date}T00:00:00Z`) - 7 * MS_PER_DAY).toISOString().slice(0, 10);
  if (earlier <= announcedOn) return d;
  return { ...d, date: earlier, note: `the next such weekday after the announcement (${announcedOn})` };
}

const DAY_OF_MONTH = /\bthe\s+\d{1,2}(?:st|nd|rd|th)\b/i;
const ON_DAY_OF_MONTH = /\bon\s+the\s+(\d{1,2})(st|nd|rd|th)\b/gi;

/**
 * "on the 23rd for talks": the date resolver reads a bare day of the month only before a few
 * words (so that "the 47th Brigade" is not a date); after "on" it always is one. Such days it
 * left out are resolved alone and added.
 */
export function withDaysOfMonth(text: string, dates: ResolvedDate[], publishedAt: string | null): ResolvedDate[] {
  const added: ResolvedDate[] = [];
  for (const m of text.matchAll(ON_DAY_OF_MONTH)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (dates.some((d) => overlaps(d, span))) continue;
    const [alone] = resolveDatesInText(`${m[0]}.`, publishedAt);
    if (alone) added.push({ ...alone, text: m[0], start: span.start, end: span.end });
  }
  return added.length === 0 ? dates : [...dates, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "A day later" when the resolver found no earlier date in the paragraph but one was added
 * above: counted from the nearest earlier day-precise date of the paragraph.
 */
function reanchored(text: string, d: ResolvedDate, dates: ResolvedDate[]): ResolvedDate {
  if (d.date || !d.relativeTo || d.relativeTo.happening || d.relativeTo.amount === null) return d;
  const paragraph = text.lastIndexOf("\n", d.start - 1) + 1;
  const anchor = dates.filter((e) => e.end <= d.start && e.start >= paragraph && e.date && ["day", "hour", "minute"].includes(e.precision)).pop();
  const shifted = anchor ? shiftFrom(anchor.date!, d.relativeTo) : null;
  if (!anchor || !shifted) return d;
  return {
    ...d,
    date: shifted.date,
    precision: shifted.precision,
    relativeTo: { ...d.relativeTo, anchor: anchor.date! },
    note: `counted from ${anchor.text} (${anchor.date})`,
  };
}

const ORIGINAL_SCHEDULE_BEFORE =
  /\b(?:originally|initially|previously|first)\s+(?:planned|scheduled|set|slated|due|expected)\s+(?:to\s+(?:be\s+held|take\s+place)\s+)?(?:for|on|in)\s+$/i;
const RESCHEDULED_BEFORE =
  /\b(?:postponed|delayed|deferred|pushed\s+back|put\s+off|moved|rescheduled|brought\s+forward)\s+(?:(?:again|once\s+more|indefinitely)\s+)?(?:until|till|to|for)\s+(?:(?:early|mid|late|the\s+end\s+of|next)[\s-]+)?$/iu;
const AGREEING_BEFORE = /\b(?:agreed|agrees|decided|decides|pledged|promised|vowed|offered|undertook|resolved)\s+$/i;

export function pickDate(ctx: ArticleContext, trigger: Trigger, clause: Span, parts: SentenceParts, planned: boolean): MentionDate {
  const { sentence, clauses } = parts;
  const inSentence = spansWithin(ctx.dates, sentence);
  // A sentence stating no date: only an earlier report of the same source may date the happening (as below).
  if (inSentence.length === 0) {
    const earlier = reportDateLeftOut(ctx, trigger, clause, sentence, planned) ? null : sameSourceReport(ctx, parts);
    return earlier ? mentionDate(earlier, "reported", ctx.article.publishedAt) : mentionDate(null, null, ctx.article.publishedAt);
  }
  const times = inSentence.filter((d) => d.time);
  const byPreference = preferenceOrder(ctx.text, sentence, trigger);
  const candidates = inSentence.filter((d) => usable(d) && !withinPeriod(ctx.text, sentence, d) && !inDateline(ctx.text, d));
  // "will speak on Tuesday, the ministry said on Monday": an announcement looks ahead from the day it was made.
  const announcedOn =
    candidates.find((d) => d.date && d.precision === "day" && reportedAt(ctx, sentence, d) && (!ctx.article.publishedAt || d.date <= ctx.article.publishedAt))
      ?.date ?? ctx.article.publishedAt;
  const at: StatedAt = { ctx, sentence, planned, announcedOn, times };
  // "two days after the leaders met in Geneva": the happening counted from has only the dates of its own words.
  const countedFrom = countingExpression(ctx, sentence, trigger)?.relativeTo?.happening;
  if (countedFrom) {
    const inside = candidates.filter((d) => contains(countedFrom, d)).sort(byPreference);
    return inside[0] ? stated(at, inside[0]) : mentionDate(null, null, ctx.article.publishedAt);
  }
  // "agreed on Monday to meet again on Sunday": the date of the agreeing, not of the meeting.
  const infinitive = /\bto\s+$/i.test(ctx.text.slice(Math.max(sentence.start, trigger.start - 4), trigger.start));
  const own = candidates
    .filter(
      (d) =>
        overlaps(clause, d) &&
        !isReported(ctx, sentence, trigger, d) &&
        !nearerAnother(parts.triggers, trigger, d) &&
        !(infinitive && ofAgreeing(ctx.text, sentence, trigger, d)),
    )
    .sort(byPreference);
  if (own[0]) return stated(at, own[0]);
  // "On May 17, at the initiative of the US side, Lavrov spoke …": a clause that is only a date dates the sentence.
  const leading = clauses
    // "Norway and Ghana on Saturday exchanged prisoners, … agreed at talks in Lisbon": that clause's date is its own happening's.
    .filter((c) => c.end <= clause.start && !parts.triggers.some((t) => t !== trigger && overlaps(c, t)))
    .reverse()
    .flatMap((c) => (dateOnly(ctx.text, c, inSentence) ? candidates.filter((d) => overlaps(c, d)).sort(byPreference) : []));
  if (leading[0] && !isReported(ctx, sentence, trigger, leading[0])) return stated(at, leading[0]);
  const leftOut = reportDateLeftOut(ctx, trigger, clause, sentence, planned);
  const reported = leftOut ? [] : candidates.filter((d) => reportedAt(ctx, sentence, d)).sort(byPreference);
  if (reported[0]) return mentionDate(reported[0], "reported", ctx.article.publishedAt);
  const earlier = leftOut ? null : sameSourceReport(ctx, parts);
  if (earlier) return mentionDate(earlier, "reported", ctx.article.publishedAt);
  return mentionDate(null, null, ctx.article.publishedAt);
}

// pickDate's rules are functions of the module rather than closures inside it: tsx (which runs the
// benchmark and its worker threads) names every closure when it is made, which cost more than the rules.

const reportedAt = (ctx: ArticleContext, sentence: Span, d: ResolvedDate) => reportingVerbBefore(ctx, sentence.start, d) !== null;

const isReported = (ctx: ArticleContext, sentence: Span, trigger: Trigger, d: ResolvedDate) => trigger.kind !== "statement" && reportedAt(ctx, sentence, d);

const distance = (trigger: Span, d: ResolvedDate) => Math.min(Math.abs(d.start - trigger.end), Math.abs(trigger.start - d.end));

/**
 * A stated calendar date wins over a weekday or "yesterday" restating it ("May 19 (Monday)"); the new date
 * of a happening put off wins over the one it had ("planned for June 20 … postponed until September").
 */
const rank = (text: string, sentence: Span, d: ResolvedDate) =>
  RESCHEDULED_BEFORE.test(text.slice(Math.max(sentence.start, d.start - 40), d.start)) ? -1 : d.relative ? 1 : 0;

const preferenceOrder = (text: string, sentence: Span, trigger: Span) => (a: ResolvedDate, b: ResolvedDate) =>
  rank(text, sentence, a) - rank(text, sentence, b) || distance(trigger, a) - distance(trigger, b);

/** What a stated date of a mention is read with. */
interface StatedAt {
  ctx: ArticleContext;
  sentence: Span;
  planned: boolean;
  announcedOn: string | null;
  times: ResolvedDate[];
}

/** "originally set for June 10": the date it had, written before the report, is not moved to next year. */
const ahead = ({ ctx, sentence, planned }: StatedAt, d: ResolvedDate) =>
  planned && !ORIGINAL_SCHEDULE_BEFORE.test(ctx.text.slice(Math.max(sentence.start, d.start - 40), d.start));

function stated(at: StatedAt, d: ResolvedDate): MentionDate {
  const { ctx, announcedOn } = at;
  return mentionDate(
    withTime(ctx.text, fromAnnouncement(forwardIfPlanned(reanchored(ctx.text, d, ctx.dates), ahead(at, d), announcedOn), ahead(at, d), announcedOn), at.times),
    "stated",
    ctx.article.publishedAt,
  );
}

/** "Berg called Okoro to discuss the talks held the previous day": that date is the talks'. */
const nearerAnother = (triggers: Trigger[], trigger: Trigger, d: ResolvedDate) =>
  triggers.some((t) => t !== trigger && (trigger.end <= t.start ? t.start <= d.start : d.end <= t.end && t.end <= trigger.start));

const ofAgreeing = (text: string, sentence: Span, trigger: Span, d: ResolvedDate) =>
  d.end <= trigger.start && /^\s+to\s+$/i.test(text.slice(d.end, trigger.start)) && AGREEING_BEFORE.test(text.slice(sentence.start, d.start));

/** The report's own date ("…, the ministry said on Saturday") is not the happening's: mentioned in passing, announced, or before the report. */
function reportDateLeftOut(ctx: ArticleContext, trigger: Trigger, clause: Span, sentence: Span, planned: boolean): boolean {
  // Mentioned in passing ("which …").
  const inRelativeClause = /^\s*(?:which|who|whose)\b/i.test(ctx.text.slice(clause.start, clause.start + 8));
  // An announced happening comes after the report of it: the report's date is not its date.
  // "said on Wednesday she had spoken with …": the happening came before the report, on a day the text does not give.
  const pluperfect = /\bhad\s+(?:\p{L}+ly\s+)?$/iu.test(ctx.text.slice(Math.max(sentence.start, trigger.start - 30), trigger.start));
  return inRelativeClause || planned || pluperfect;
}

/** The name that makes a dated report ("the Foreign Ministry said on Saturday"): the last one before its reporting verb. */
function reporterOf(ctx: ArticleContext, d: ResolvedDate): FoundName | null {
  const sentence = ctx.sentences.find((s) => contains(s, d));
  if (!sentence) return null;
  const verb = reportingVerbBefore(ctx, sentence.start, d);
  if (!verb) return null;
  const at = sentence.start + verb.index;
  const before = ctx.names.filter((n) => n.end <= at && n.start >= sentence.start && /^\s*$/.test(ctx.text.slice(n.end, at)));
  return before[before.length - 1] ?? null;
}

/**
 * "…, the ministry said" after "…, the ministry said on Saturday": a story restating one source's
 * report gives its day once. The latest earlier dated report by one of the sentence's sources.
 */
function sameSourceReport(ctx: ArticleContext, parts: SentenceParts): ResolvedDate | null {
  if (parts.sources.length === 0) return null;
  const keys = new Set(parts.sources.map((n) => n.key));
  for (let i = ctx.dates.length - 1; i >= 0; i--) {
    const d = ctx.dates[i];
    if (d.end > parts.sentence.start || !d.date || !usable(d) || !["day", "hour", "minute"].includes(d.precision)) continue;
    const reporter = reporterOf(ctx, d);
    if (reporter && keys.has(reporter.key)) return d;
  }
  return null;
}

/** A clause holding nothing but dates and a few words ("On May 17", "On Eastern Time May 19 (Monday) at 10:00 AM"). */
function dateOnly(text: string, clause: Span, dates: ResolvedDate[]): boolean {
  let rest = "";
  let at = clause.start;
  for (const d of dates.filter((d) => overlaps(clause, d)).sort((a, b) => a.start - b.start)) {
    rest += ` ${text.slice(at, Math.max(at, d.start))}`;
    at = Math.min(clause.end, Math.max(at, d.end));
  }
  rest += ` ${text.slice(at, clause.end)}`;
  return rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 6;
}

// ---------------------------------------------------------------------------
// Dates counted from another happening
// ---------------------------------------------------------------------------

/** A happening with a known date that others may be counted from: a grouped proposal or an existing event. */
export interface DatedHappening {
  kind: HappeningKind | null;
  date: string;
  names: KeyedName[];
  place: KeyedName | null;
  label: string;
}

/**
 * "the day after the Istanbul talks": the latest dated happening on or before the article's date
 * whose kind matches the phrase and whose place or participants the phrase names. Without one
 * the mention keeps its reason.
 */
export function resolveAgainstHappenings(mention: EventMention, happenings: DatedHappening[]): EventMention {
  const relativeTo = mention.date.relativeTo;
  if (!relativeTo?.happening || mention.date.date) return mention;
  const phrase = relativeTo.happening.text;
  const phraseKey = ` ${normalizeName(phrase)} `;
  const phraseKinds = findTriggers(phrase, { start: 0, end: phrase.length }).map((t) => t.kind);
  const namesIn = (h: DatedHappening) =>
    [...h.names, ...(h.place ? [h.place] : [])].filter((n) => phraseKey.includes(` ${normalizeName(n.name.split(/\s+/).pop() ?? n.name)} `));
  // The happening the phrase names: of its kind (the same kind first), naming its place or parties,
  // sharing the mention's own parties if possible, and the latest before the article.
  const score = (h: DatedHappening) =>
    (h.kind !== null && phraseKinds.includes(h.kind) ? 2 : 0) +
    h.names.filter((n) => mention.participants.some((p) => sameName(p, n) || (p.affiliation && normalizeName(n.name) === p.affiliation))).length;
  const candidates = happenings
    .filter((h) => phraseKinds.length === 0 || (h.kind !== null && phraseKinds.some((k) => kindsCompatible(k, h.kind!))))
    .filter((h) => namesIn(h).length > 0 || (phraseKinds.length > 0 && !/\p{Lu}/u.test(phrase.slice(1))))
    .filter((h) => !mention.publishedAt || h.date <= mention.publishedAt)
    .sort((a, b) => score(b) - score(a) || b.date.localeCompare(a.date));
  const anchor = candidates[0];
  const shifted = anchor ? shiftFrom(anchor.date, relativeTo) : null;
  if (!anchor || !shifted) return mention;
  return {
    ...mention,
    date: {
      ...mention.date,
      date: shifted.date,
      localDate: shifted.precision === "day" ? shifted.date : shifted.date.slice(0, 7),
      precision: shifted.precision,
      note: `counted from ${anchor.label} (${anchor.date})`,
      relativeTo: { ...relativeTo, anchor: anchor.date },
    },
  };
}

/**
 * "The day after the talks, …" when "the talks" is the article's own earlier mention of a dated
 * happening: the date is counted from that mention's day. Null when it has no day to count from.
 */
export function countedFromMention(date: MentionDate, anchor: MentionDate): MentionDate | null {
  const relativeTo = date.relativeTo;
  if (!relativeTo?.happening || date.date || !anchor.date || !anchor.precision || !["day", "hour", "minute"].includes(anchor.precision)) return null;
  const shifted = shiftFrom(anchor.date, relativeTo);
  if (!shifted) return null;
  return {
    ...date,
    date: shifted.date,
    localDate: shifted.precision === "day" ? shifted.date : shifted.date.slice(0, 7),
    precision: shifted.precision,
    note: [`counted from ${relativeTo.happening.text} (${anchor.date})`, shifted.note].filter(Boolean).join("; "),
    relativeTo: { ...relativeTo, anchor: anchor.date },
  };
}

/**
 * The expression counting from the happening `trigger` names: "a day after [the leaders met in
 * Geneva]", "a day before [Berg and Okoro spoke by phone]" (the words after it, up to a comma).
 * "The day after the talks, Berg called Okoro": "called" is past the comma, so it is dated by it.
 */
export function countingExpression(ctx: ArticleContext, sentence: Span, trigger: Span): ResolvedDate | undefined {
  return ctx.dates.find(
    (d) =>
      d.relativeTo?.happening &&
      d.relativeTo.amount !== null &&
      contains(sentence, d) &&
      (contains(d.relativeTo.happening, trigger) || (d.end <= trigger.start && !/[,;:()]/.test(ctx.text.slice(d.end, trigger.start)))),
  );
}

/** "The call came a day after the talks": the talks' day, counted back from the call's. */
export function countedBack(expression: ResolvedDate, anchor: MentionDate): MentionDate | null {
  const amount = expression.relativeTo?.amount;
  if (amount === null || amount === undefined || !anchor.date || !anchor.precision || !["day", "hour", "minute"].includes(anchor.precision)) return null;
  const shifted = shiftFrom(anchor.date, { ...expression.relativeTo!, amount: -amount });
  if (!shifted) return null;
  return {
    date: shifted.date,
    localDate: shifted.precision === "day" ? shifted.date : shifted.date.slice(0, 7),
    precision: shifted.precision,
    timeZone: null,
    partOfDay: null,
    text: expression.text,
    note: `counted back from ${anchor.date}, which came “${expression.text}” it`,
    span: { start: expression.start, end: expression.end },
    source: "context",
  };
}
