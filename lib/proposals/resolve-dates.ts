/**
 * The date of each mention: the date expression of its own clause (resolved by lib/events
 * against the article's publication date, or against the story's earlier date for "the
 * previous day"), else the date the report of it gives ("the ministry said on Saturday").
 * "The day after the Istanbul talks" is resolved here against that happening's date, once
 * the happening is known. Nothing is guessed: without a date the mention says why. Pure.
 */
import { NO_PUBLICATION_DATE_NOTE, resolvedToDateLike, type ResolvedDate } from "@/lib/events/dates";
import { shiftFrom } from "@/lib/events/relative-dates";
import { normalizeName } from "@/lib/entities/match";
import type { ArticleContext } from "./extract-events";
import { contains, overlaps } from "./text";
import { findTriggers, type Trigger } from "./triggers";
import type { DateSource, EventMention, KeyedName, MentionDate, Span } from "./types";
import { kindsCompatible, type HappeningKind } from "./vocabulary";

export const NO_DATE = {
  undated: "the text gives no date for it",
  noPublicationDate: "the article has no date and the text gives none for it",
};

/** A resolved expression as a mention's date; null gives an undated one that says why. */
export function mentionDate(resolved: ResolvedDate | null, source: DateSource | null, publishedAt: string | null): MentionDate {
  if (!resolved) {
    return {
      date: null, localDate: null, precision: null, timeZone: null, partOfDay: null, text: null,
      note: publishedAt ? NO_DATE.undated : NO_DATE.noPublicationDate, span: null, source: null,
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
  };
}

const REPORTED_BEFORE = /\b(?:said|says|told\s+\S+|stated|reported|announced|confirmed|wrote|posted|added|noted|according\s+to\s+\S+)(?:\s+\S+){0,2}\s*$/i;

/** A date expression worth taking: resolved, counted from another moment, or unresolvable for a stated reason. */
function usable(d: ResolvedDate): boolean {
  return Boolean(d.date || d.relativeTo || d.note === NO_PUBLICATION_DATE_NOTE || (d.note?.startsWith("the year is not stated") ?? false));
}

/** "May 19 (Monday) at 10:00 AM": a day and a time written apart make one moment. */
function withTime(day: ResolvedDate, times: ResolvedDate[]): ResolvedDate {
  if (!day.date || day.precision !== "day" || day.time) return day;
  const near = times.filter((t) => t !== day && Math.abs(t.start - day.end) <= 40 && (!t.date || t.relative));
  const time = near.find((t) => t.time && t.timeZone) ?? near.find((t) => t.time);
  if (!time) return day;
  const precision = time.precision === "minute" ? "minute" : "hour";
  return { ...day, time: time.time, precision, ...(time.timeZone ? { timeZone: time.timeZone } : {}), text: `${day.text} … ${time.text}` };
}

export function pickDate(ctx: ArticleContext, trigger: Trigger, scope: Span, sentence: Span, sources: Span[]): MentionDate {
  const inSentence = ctx.dates.filter((d) => contains(sentence, d));
  const isReported = (d: ResolvedDate) =>
    sources.some((s) => overlaps(s, d)) || REPORTED_BEFORE.test(ctx.text.slice(sentence.start, d.start));
  const times = inSentence.filter((d) => d.time);
  const distance = (d: ResolvedDate) => Math.min(Math.abs(d.start - trigger.end), Math.abs(trigger.start - d.end));
  // A stated calendar date wins over a weekday or "yesterday" restating it ("May 19 (Monday)").
  const rank = (d: ResolvedDate) => (d.relative ? 1 : 0);
  const byPreference = (a: ResolvedDate, b: ResolvedDate) => rank(a) - rank(b) || distance(a) - distance(b);
  const candidates = inSentence.filter(usable);
  const inScope = candidates.filter((d) => overlaps(scope, d) && !isReported(d)).sort(byPreference);
  if (inScope[0]) return mentionDate(withTime(inScope[0], times.filter((t) => overlaps(scope, t))), "stated", ctx.article.publishedAt);
  const reported = candidates.filter(isReported).sort(byPreference);
  if (reported[0]) return mentionDate(reported[0], "reported", ctx.article.publishedAt);
  return mentionDate(null, null, ctx.article.publishedAt);
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
  const namesIn = (h: DatedHappening) => [...h.names, ...(h.place ? [h.place] : [])].filter((n) => phraseKey.includes(` ${normalizeName(n.name.split(/\s+/).pop() ?? n.name)} `));
  const candidates = happenings
    .filter((h) => phraseKinds.length === 0 || (h.kind !== null && phraseKinds.some((k) => kindsCompatible(k, h.kind!))))
    .filter((h) => namesIn(h).length > 0 || (phraseKinds.length > 0 && !/\p{Lu}/u.test(phrase.slice(1))))
    .filter((h) => !mention.publishedAt || h.date <= mention.publishedAt)
    .sort((a, b) => b.date.localeCompare(a.date));
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
