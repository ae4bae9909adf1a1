import { formatDay, formatTimestamp } from "@/lib/dates/format";

/** A day ("17 March 2025") or, with `time`, an instant ("17 March 2025, 14:05 UTC"), machine-readable too. */
export function LocalDate({ value, time = false }: { value: string | Date; time?: boolean }) {
  const iso = value instanceof Date ? value.toISOString() : value;
  return <time dateTime={iso}>{time ? formatTimestamp(value) : formatDay(value)}</time>;
}
