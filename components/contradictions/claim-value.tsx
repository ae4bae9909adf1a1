import { EventDate } from "@/components/events/event-date";
import type { ClaimValue as Value } from "@/lib/contradictions/claim-values";

/**
 * A claim's value as the reader sees it: a date with its day written in the reader's locale,
 * any other value as `formatted` (the same words lib/contradictions/format.ts writes).
 */
export function ClaimValue({ value, formatted }: { value: Value; formatted: string }) {
  if (value.type !== "date") return <>{formatted}</>;
  return (
    <>
      {value.partOfDay ? `the ${value.partOfDay} of ` : null}
      <EventDate date={{ localDate: value.localDate, precision: value.precision, timeZone: value.timeZone ?? null }} />
    </>
  );
}
