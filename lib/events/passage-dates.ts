/**
 * What an editor sees about dates when linking a passage to an event: each date found in the
 * passage, how it resolves against the article's publication date, and whether it disagrees
 * with the event's date. Pure functions, no database.
 */
import { datesDisagree, NO_PUBLICATION_DATE_NOTE, resolveDatesInText, resolvedToDateLike, type ResolvedDate } from "./dates";
import { type DateLike, formatEventDate, type EventDate } from "./event-dates";

export type PassageDate = {
  /** The words as written ("on Saturday"). */
  text: string;
  /** The resolved date in words ("17 May 2025"), or null when it cannot be resolved. */
  resolved: string | null;
  /** The same date, for a page to write in the reader's locale. */
  resolvedDate: DateLike | null;
  relative: boolean;
  note: string | null;
  /** True when the resolved date cannot be the event's date. */
  disagrees: boolean;
};

export type PassageDates = {
  publishedAt: string | null;
  dates: PassageDate[];
  /** Set when relative dates were found but the article has no publication date. */
  unresolvableReason: string | null;
};

function describeResolved(resolved: ResolvedDate): Pick<PassageDate, "resolved" | "resolvedDate"> {
  const date = resolvedToDateLike(resolved);
  if (!date) return { resolved: null, resolvedDate: null };
  const resolvedDate: DateLike = {
    localDate: date.localDate,
    precision: date.precision,
    timeZone: date.timeZone ?? null,
    ...(date.partOfDay ? { partOfDay: date.partOfDay } : {}),
  };
  return { resolved: formatEventDate(resolvedDate), resolvedDate };
}

/** Dates in `passage` resolved against `publishedAt` (YYYY-MM-DD or null), compared with the event's date when given. */
export function describePassageDates(passage: string, publishedAt: string | null, eventDate: EventDate | null = null): PassageDates {
  const found = resolveDatesInText(passage, publishedAt);
  const dates = found.map((r) => ({
    text: r.text,
    ...describeResolved(r),
    relative: r.relative,
    note: r.note ?? null,
    disagrees: eventDate !== null && datesDisagree(r, eventDate),
  }));
  const unresolvable = !publishedAt && found.some((r) => r.relative && r.note === NO_PUBLICATION_DATE_NOTE);
  return {
    publishedAt,
    dates,
    unresolvableReason: unresolvable ? "The article has no publication date, so relative dates such as “on Saturday” cannot be resolved." : null,
  };
}
