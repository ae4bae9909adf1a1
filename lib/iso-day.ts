/** Calendar days as ISO text (YYYY-MM-DD, in UTC), the one way dates without a time cross the app. Pure module. */
import { z } from "zod";

const ISO_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

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

/** An ISO day that exists on the calendar (no 30 February). */
export const isoDaySchema = z
  .string()
  .trim()
  .regex(ISO_DAY_PATTERN, "Dates are written YYYY-MM-DD.")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isoDay(dateOfIsoDay(day)) === day, "That date does not exist.");
