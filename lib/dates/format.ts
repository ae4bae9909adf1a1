/**
 * The one way the workspace and the public site write dates. Pure and client-safe.
 *
 * The server writes every date in the site's default (British English, UTC), which is also the
 * text a reader without JavaScript keeps; the browser then rewrites it in the reader's own
 * locale and time zone (components/ui/local-date.tsx, lib/dates/localize-script.ts). A calendar
 * day or month (a publication date, an event's day) names the same day everywhere, so it is
 * always read at UTC; an instant (created, updated, published at) is shown in the reader's zone.
 */

export type DateStyle = "calendar-day" | "calendar-month" | "day" | "timestamp" | "axis-day" | "axis-month";

/** Intl options of each style, before the time zone: the browser's script is built from these too. */
export const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  /** "17 March 2025" for a date without a time; never shifted by a time zone. */
  "calendar-day": { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  /** "March 2025": a date known only to the month is not shown as a day. */
  "calendar-month": { month: "long", year: "numeric", timeZone: "UTC" },
  /** "17 March 2025": the day an instant falls on where the reader is. */
  day: { day: "numeric", month: "long", year: "numeric" },
  /** "17 March 2025 at 14:05 UTC": an instant to the minute, with its zone. */
  timestamp: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  /** "5 May": a short calendar day, for a time axis. */
  "axis-day": { day: "numeric", month: "short", timeZone: "UTC" },
  /** "May 2025": a short calendar month, for a time axis. */
  "axis-month": { month: "short", year: "numeric", timeZone: "UTC" },
};

/** Where dates are written: a locale and a time zone, each undefined for the browser's own. */
export type DateSetting = { locale: string | undefined; timeZone: string | undefined };

/** The site's default, written by the server and kept where no script runs. */
export const SITE_DATE_SETTING: DateSetting = { locale: "en-GB", timeZone: "UTC" };

/** The reader's own locale and time zone, as the browser knows them. */
export const READER_DATE_SETTING: DateSetting = { locale: undefined, timeZone: undefined };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle, { locale, timeZone }: DateSetting): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ""}|${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    // A style's own zone (UTC for calendar dates) wins over the setting's.
    f = new Intl.DateTimeFormat(locale, { ...(timeZone ? { timeZone } : {}), ...DATE_STYLES[style] });
    formatters.set(key, f);
  }
  return f;
}

/** A bare YYYY-MM-DD (or YYYY-MM) is a calendar date, not midnight somewhere: read it at UTC midnight. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T00:00:00Z`);
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

export function formatDate(value: string | Date, style: DateStyle, setting: DateSetting = SITE_DATE_SETTING): string {
  return formatter(style, setting).format(toDate(value));
}

/** The machine-readable form for `<time datetime>`: the calendar date alone for calendar styles. */
export function dateTimeAttribute(value: string | Date, style: DateStyle): string {
  const iso = toDate(value).toISOString();
  return style === "calendar-day" ? iso.slice(0, 10) : style === "calendar-month" ? iso.slice(0, 7) : iso;
}

/** "17 March 2025" for a YYYY-MM-DD calendar day, as text that is not localized later (a server-built sentence). */
export function formatDay(value: string | Date, locale = SITE_DATE_SETTING.locale): string {
  return formatDate(value, "calendar-day", { locale, timeZone: "UTC" });
}

/** "March 2025", as text that is not localized later. */
export function formatMonth(value: string | Date, locale = SITE_DATE_SETTING.locale): string {
  return formatDate(value, "calendar-month", { locale, timeZone: "UTC" });
}

/** "17 March 2025 at 14:05 UTC", as text that is not localized later. */
export function formatTimestamp(value: string | Date, locale = SITE_DATE_SETTING.locale): string {
  return formatDate(value, "timestamp", { locale, timeZone: "UTC" });
}
