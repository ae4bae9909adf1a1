/** Calendar days as ISO text (YYYY-MM-DD, in UTC), the one way dates without a time cross the app. Pure module. */
import { z } from "zod";

const ISO_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of a date, or null for none. */
export function isoDay(date: Date): string;
export function isoDay(date: Date | null): string | null;
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** The midnight (UTC) that starts an ISO day, as stored in a date column. */
export function dateOfIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * Whether `value` (YYYY-MM-DD) names a day that exists: no 30 February (which JavaScript's Date
 * silently turns into 2 March) and no year 0000, which PostgreSQL's calendar does not have.
 */
export function isRealDay(value: string): boolean {
  const match = ISO_DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar day as typed in a filter or a form: YYYY-MM-DD, and a day that exists (422 otherwise). */
export const isoDaySchema = z.string().trim().regex(ISO_DAY_PATTERN, "Dates are written YYYY-MM-DD.").refine(isRealDay, "That date does not exist.");
