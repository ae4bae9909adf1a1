/**
 * The one way the workspace and the public site write calendar days and instants.
 * Pure and client-safe. Fixed to UTC and one locale so server and browser render the
 * same text (no hydration mismatch) and a frozen public page reads the same to everyone.
 */

export const DEFAULT_LOCALE = "en-GB";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, part: "day" | "month" | "time"): Intl.DateTimeFormat {
  const key = `${locale}|${part}`;
  let f = formatters.get(key);
  if (!f) {
    const fields: Intl.DateTimeFormatOptions =
      part === "day"
        ? { day: "numeric", month: "long", year: "numeric" }
        : part === "month"
          ? { month: "long", year: "numeric" }
          : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    f = new Intl.DateTimeFormat(locale, { ...fields, timeZone: "UTC" });
    formatters.set(key, f);
  }
  return f;
}

/** A bare YYYY-MM-DD is a calendar day, not midnight somewhere: read it at UTC midnight. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** "17 March 2025" for a YYYY-MM-DD day or an instant (its UTC day). */
export function formatDay(value: string | Date, locale = DEFAULT_LOCALE): string {
  return formatter(locale, "day").format(toDate(value));
}

/** "March 2025": a date known only to the month is not shown as a day. */
export function formatMonth(value: string | Date, locale = DEFAULT_LOCALE): string {
  return formatter(locale, "month").format(toDate(value));
}

/** "17 March 2025, 14:05 UTC". */
export function formatTimestamp(value: string | Date, locale = DEFAULT_LOCALE): string {
  const date = toDate(value);
  return `${formatter(locale, "day").format(date)}, ${formatter(locale, "time").format(date)} UTC`;
}
