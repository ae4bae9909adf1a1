/**
 * Claim values in words, for the comparison view, contradiction pages and summaries. Pure.
 */
import { formatEventDate } from "@/lib/events/event-dates";
import type { ClaimValue, NumberQualifier } from "./claim-values";

const QUALIFIER_WORDS: Record<NumberQualifier, string> = {
  exact: "",
  more_than: "more than ",
  less_than: "less than ",
  about: "about ",
  nearly: "nearly ",
  at_least: "at least ",
  at_most: "at most ",
};

/** Entity names by id; an id without a name (deleted entity) shows as "unknown entity". */
export type EntityNames = ReadonlyMap<string, string>;

export function formatClaimValue(value: ClaimValue, entityNames: EntityNames = new Map()): string {
  switch (value.type) {
    case "date": {
      const date = formatEventDate({ localDate: value.localDate, precision: value.precision, timeZone: value.timeZone ?? null });
      return value.partOfDay ? `the ${value.partOfDay} of ${date}` : date;
    }
    case "number": {
      const amount = value.value.toLocaleString("en-US", { maximumFractionDigits: 6 });
      const unit = !value.unit ? "" : value.unit === "%" ? "%" : ` ${value.unit}`;
      const per = value.per ? ` per ${value.per}` : "";
      return `${QUALIFIER_WORDS[value.qualifier]}${amount}${unit}${per}`;
    }
    case "entities":
      return listInWords(value.ids.map((id) => entityNames.get(id) ?? "unknown entity"));
    case "text":
      return `“${value.text}”`;
  }
}

export function listInWords(items: string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 2) return items.join(` ${conjunction} `);
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** Every entity id a set of values refers to, to load their names in one query. */
export function entityIdsOf(values: Iterable<ClaimValue>): string[] {
  const ids = new Set<string>();
  for (const value of values) if (value.type === "entities") for (const id of value.ids) ids.add(id);
  return [...ids];
}
