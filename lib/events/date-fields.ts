import { eventPeriod, formatEventDate, toUtcInstant, type EventDate } from "./event-dates";
import type { EventDateView } from "./types";
import type { DatePrecisionName } from "./vocabulary";

type StoredPrecision = "YEAR" | "MONTH" | "DAY" | "HOUR" | "MINUTE";

/** The date columns of an Event row. */
export type StoredEventDate = {
  localDate: string | null;
  datePrecision: StoredPrecision | null;
  timeZone: string | null;
};

export function eventDateFromRow(row: StoredEventDate): EventDate | null {
  if (!row.localDate || !row.datePrecision) return null;
  return { localDate: row.localDate, precision: row.datePrecision.toLowerCase() as DatePrecisionName, timeZone: row.timeZone };
}

/** Columns to store for a validated date (or for none); occurredAt orders and filters events. */
export function eventDateToRow(date: EventDate | null): StoredEventDate & { occurredAt: Date | null } {
  if (!date) return { localDate: null, datePrecision: null, timeZone: null, occurredAt: null };
  return {
    localDate: date.localDate,
    datePrecision: date.precision.toUpperCase() as StoredPrecision,
    timeZone: date.timeZone,
    occurredAt: toUtcInstant(date),
  };
}

export function eventDateView(row: StoredEventDate): EventDateView | null {
  const date = eventDateFromRow(row);
  if (!date) return null;
  const { start, end } = eventPeriod(date);
  return { ...date, label: formatEventDate(date), start: start.toISOString(), end: end.toISOString() };
}
