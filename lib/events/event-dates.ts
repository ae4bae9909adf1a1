/**
 * Dates of events: a local date at a precision, optionally in a time zone. Checked, compared as
 * periods of time and formatted; no text parsing, so that forms can use it in the browser.
 */
import { z } from "zod";
import { formatDate, SITE_DATE_SETTING } from "@/lib/dates/format";
import { daysInMonth, isoDay, MONTH_NAMES, MS_PER_DAY, MS_PER_MINUTE, pad, type Ymd } from "./calendar";
import { isValidTimeZone, wallClockMs, zonedToUtcMs } from "./time-zones";
import { DATE_PRECISIONS, type DatePrecisionName, type PartOfDay } from "./vocabulary";

export { DATE_PRECISIONS };
export type DatePrecision = DatePrecisionName;

export { PARTS_OF_DAY, type PartOfDay } from "./vocabulary";

const LOCAL_DATE_FORMATS: Record<DatePrecision, RegExp> = {
  year: /^(\d{4})$/,
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  hour: /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/,
  minute: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
};
const EXPECTED_FORMAT: Record<DatePrecision, string> = {
  year: "YYYY",
  month: "YYYY-MM",
  day: "YYYY-MM-DD",
  hour: "YYYY-MM-DDTHH",
  minute: "YYYY-MM-DDTHH:MM",
};

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localParts(localDate: string, precision: DatePrecision): LocalParts | null {
  const m = LOCAL_DATE_FORMATS[precision].exec(localDate);
  if (!m) return null;
  const [year, month = 1, day = 1, hour = 0, minute = 0] = m.slice(1).map(Number);
  return { year, month, day, hour, minute };
}

/** The precision a local date is written at ("2025-05" is a month), whether or not the date exists. */
export function precisionOfLocalDate(localDate: string): DatePrecision | undefined {
  return DATE_PRECISIONS.find((p) => LOCAL_DATE_FORMATS[p].test(localDate));
}

export interface DateProblem {
  path: "localDate" | "timeZone";
  message: string;
}

/** Everything wrong with a local date + precision + zone, in words an editor understands. */
export function eventDateProblems(value: { localDate: string; precision: DatePrecision; timeZone?: string | null }): DateProblem[] {
  const problems: DateProblem[] = [];
  if (value.timeZone != null && !isValidTimeZone(value.timeZone)) {
    problems.push({ path: "timeZone", message: `unknown time zone "${value.timeZone}" (expected an IANA name such as Europe/Moscow)` });
  }
  const parts = localParts(value.localDate, value.precision);
  if (!parts) {
    const actual = precisionOfLocalDate(value.localDate);
    problems.push({
      path: "localDate",
      message: actual
        ? `"${value.localDate}" has ${actual} precision, not ${value.precision}`
        : `"${value.localDate}" is not a date: expected ${EXPECTED_FORMAT[value.precision]}`,
    });
    return problems;
  }
  const calendarProblem = impossibleDate(value.localDate, parts);
  if (calendarProblem) problems.push({ path: "localDate", message: calendarProblem });
  return problems;
}

function impossibleDate(localDate: string, { year, month, day, hour, minute }: LocalParts): string | null {
  if (month < 1 || month > 12) return `${localDate} does not exist: there is no month ${month}`;
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    return `${localDate} does not exist: ${MONTH_NAMES[month - 1]} ${year} has ${monthLength} days`;
  }
  if (hour > 23) return `${localDate} does not exist: hours go from 00 to 23`;
  if (minute > 59) return `${localDate} does not exist: minutes go from 00 to 59`;
  return null;
}

export const eventDateSchema = z
  .object({
    localDate: z.string(),
    precision: z.enum(DATE_PRECISIONS),
    timeZone: z.string().nullable(),
  })
  .superRefine((value, ctx) => {
    for (const p of eventDateProblems(value)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });

export type EventDate = z.infer<typeof eventDateSchema>;

/** A date as compared: an event date, or a claimed date that may name a part of the day. */
export interface DateLike {
  localDate: string;
  precision: DatePrecision;
  timeZone?: string | null;
  partOfDay?: PartOfDay;
}

function requireParts(value: DateLike): LocalParts {
  const parts = localParts(value.localDate, value.precision);
  const problem = parts ? impossibleDate(value.localDate, parts) : `"${value.localDate}" does not match precision ${value.precision}`;
  if (!parts || problem) throw new Error(`invalid date: ${problem}`);
  return parts;
}

/** Local hours covered by a part of the day; generous and overlapping because usage varies. Night runs into the next day. */
const PART_OF_DAY_HOURS: Record<PartOfDay, [number, number]> = {
  morning: [4, 12],
  afternoon: [12, 18],
  evening: [17, 24],
  night: [20, 30],
};

/** [start, end) of the period as wall-clock milliseconds (as if the wall clock were UTC). */
function wallClockPeriod(value: DateLike): { start: number; end: number } {
  const { year, month, day, hour, minute } = requireParts(value);
  const dayStart = Date.UTC(year, month - 1, day);
  switch (value.precision) {
    case "year":
      return { start: dayStart, end: Date.UTC(year + 1, 0, 1) };
    case "month":
      return { start: dayStart, end: Date.UTC(year, month, 1) };
    case "day": {
      if (!value.partOfDay) return { start: dayStart, end: dayStart + MS_PER_DAY };
      const [from, to] = PART_OF_DAY_HOURS[value.partOfDay];
      return { start: dayStart + from * 3_600_000, end: dayStart + to * 3_600_000 };
    }
    case "hour":
      return { start: Date.UTC(year, month - 1, day, hour), end: Date.UTC(year, month - 1, day, hour + 1) };
    case "minute": {
      const start = Date.UTC(year, month - 1, day, hour, minute);
      return { start, end: start + MS_PER_MINUTE };
    }
  }
}

function utcPeriod(value: DateLike, zone: string): { start: number; end: number } {
  const wall = wallClockPeriod(value);
  return { start: zonedToUtcMs(wall.start, zone), end: zonedToUtcMs(wall.end, zone) };
}

/** Start of the event's period as an instant; a date without zone is taken as UTC. */
export function toUtcInstant(eventDate: DateLike): Date {
  return new Date(utcPeriod(eventDate, eventDate.timeZone ?? "UTC").start);
}

/** The event's whole period as instants, end exclusive ("May 2025" runs to 1 June); a date without zone is taken as UTC. */
export function eventPeriod(eventDate: DateLike): { start: Date; end: Date } {
  const { start, end } = utcPeriod(eventDate, eventDate.timeZone ?? "UTC");
  return { start: new Date(start), end: new Date(end) };
}

export type DateRelation = "identical" | "compatible" | "conflict";

/**
 * Compares two dates as periods of time. Both zoned: compared as instants. Only one zoned:
 * the other is read in the same zone (a date without zone is the calendar day the source
 * gave). Same period → identical; overlapping periods (one contains the other, or e.g. the
 * same day in two zones) → compatible, since both can be true; disjoint → conflict.
 */
export function compareDates(a: DateLike, b: DateLike): DateRelation {
  const pa = utcPeriod(a, a.timeZone ?? b.timeZone ?? "UTC");
  const pb = utcPeriod(b, b.timeZone ?? a.timeZone ?? "UTC");
  if (pa.start === pb.start && pa.end === pb.end && a.partOfDay === b.partOfDay) return "identical";
  return pa.start < pb.end && pb.start < pa.end ? "compatible" : "conflict";
}

// --- Formatting --------------------------------------------------------------

/** "EDT", "BST", else "Moscow time": ICU only has letter abbreviations for some zones and locales. */
function zoneLabel(zone: string, instant: Date): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  for (const locale of ["en-US", "en-GB"]) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return `${zone.split("/").pop()!.replace(/_/g, " ")} time`;
}

function clockAt(utcMs: number, zone: string): { day: Ymd; time: string } {
  const wall = new Date(wallClockMs(utcMs, zone));
  return {
    day: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}

/**
 * An event date taken apart for display: the calendar day or month (which a page writes in the
 * reader's locale, never shifted by the reader's time zone) and the words around it, which stay
 * as they are. Times are on a 24-hour clock in the zone shown, so they read the same everywhere.
 */
export type EventDateParts = {
  /** YYYY-MM-DD, YYYY-MM, or YYYY for a date known only to the year. */
  calendar: { precision: "day" | "month" | "year"; value: string };
  /** "10:00", or "10:00–11:00" for an hour; null for a day or coarser. */
  time: string | null;
  /** The zone the time is in: "EDT", "BST", "Moscow time", "UTC"; null when the source gave none. */
  zone: string | null;
  /** The same time in UTC when shown in another zone; its day only when that differs. */
  utc: { day: string | null; time: string } | null;
  /** Said after the date in brackets: "time zone not stated", or a part of the day ("evening"). */
  note: string | null;
};

/**
 * The parts of "19 May 2025, 10:00 EDT (14:00 UTC)". Shown in `options.zone` when given
 * (converted), else in the event's own zone. A time without a zone cannot be converted and says so.
 */
export function eventDateParts(eventDate: DateLike, options: { zone?: string } = {}): EventDateParts {
  const { year, month, day, hour, minute } = requireParts(eventDate);
  const note = eventDate.partOfDay ?? null;
  const dayPart = { precision: "day" as const, value: isoDay({ year, month, day }) };
  const bare = { time: null, zone: null, utc: null, note };
  if (eventDate.precision === "year") return { calendar: { precision: "year", value: pad(year, 4) }, ...bare };
  if (eventDate.precision === "month") return { calendar: { precision: "month", value: `${pad(year, 4)}-${pad(month)}` }, ...bare };
  if (eventDate.precision === "day") return { calendar: dayPart, ...bare };
  if (!eventDate.timeZone) {
    const clock = `${pad(hour)}:${pad(minute)}`;
    const time = eventDate.precision === "hour" ? `${clock}–${pad(hour + 1)}:00` : clock;
    return { calendar: dayPart, time, zone: null, utc: null, note: "time zone not stated" };
  }
  const zone = options.zone ?? eventDate.timeZone;
  if (!isValidTimeZone(zone)) throw new Error(`unknown time zone "${zone}"`);
  const period = utcPeriod(eventDate, eventDate.timeZone);
  const shown = describeIn(period, zone, eventDate.precision);
  const calendar = { precision: "day" as const, value: shown.day };
  if (zone === "UTC") return { calendar, time: shown.time, zone: "UTC", utc: null, note };
  const utc = describeIn(period, "UTC", eventDate.precision);
  return {
    calendar,
    time: shown.time,
    zone: zoneLabel(zone, new Date(period.start)),
    utc: { day: utc.day === shown.day ? null : utc.day, time: utc.time },
    note,
  };
}

/** A piece of an event date as written: words as they are, or a calendar day or month to write in a locale. */
export type EventDateSegment = string | { value: string; style: "calendar-day" | "calendar-month" };

/** The parts in reading order: "19 May 2025", ", 10:00 EDT", " (", "20 May 2025", ", 02:00 UTC)". */
export function eventDateSegments(parts: EventDateParts): EventDateSegment[] {
  const { calendar, time, zone, utc, note } = parts;
  const segments: EventDateSegment[] = [
    calendar.precision === "year" ? calendar.value : { value: calendar.value, style: calendar.precision === "month" ? "calendar-month" : "calendar-day" },
  ];
  if (time) segments.push(`, ${time}${zone ? ` ${zone}` : ""}`);
  if (utc) segments.push(" (", ...(utc.day ? [{ value: utc.day, style: "calendar-day" as const }, ", "] : []), `${utc.time} UTC)`);
  if (note) segments.push(` (${note})`);
  return segments;
}

/** The parts as one text, with days and months in `locale` (the site's default unless given). */
export function formatEventDateParts(parts: EventDateParts, locale?: string): string {
  return eventDateSegments(parts)
    .map((segment) =>
      typeof segment === "string" ? segment : formatDate(segment.value, segment.style, { locale: locale ?? SITE_DATE_SETTING.locale, timeZone: "UTC" }),
    )
    .join("");
}

/**
 * "19 May 2025, 10:00 EDT (14:00 UTC)", as text that is not localized later: for stored and
 * searched text (titles, pickers). Pages show event dates with components/events/event-date.tsx.
 */
export function formatEventDate(eventDate: DateLike, options: { zone?: string; locale?: string } = {}): string {
  return formatEventDateParts(eventDateParts(eventDate, options), options.locale);
}

function describeIn(period: { start: number; end: number }, zone: string, precision: DatePrecision) {
  const start = clockAt(period.start, zone);
  const time = precision === "hour" ? `${start.time}–${clockAt(period.end, zone).time}` : start.time;
  return { day: isoDay(start.day), time };
}
