import { precisionOfLocalDate } from "@/lib/events/event-dates";
import type { ClaimValue, ClaimValueType, NumberQualifier } from "@/lib/contradictions/claim-values";

/** The claim form's fields, and how a claim value is read into them and written back from them. */
export const QUALIFIER_LABELS: Record<NumberQualifier, string> = {
  exact: "exactly",
  more_than: "more than",
  less_than: "less than",
  about: "about",
  nearly: "nearly",
  at_least: "at least",
  at_most: "at most",
};

/** The precision a local date is written at ("2025-05" is a month); the server explains anything else. */
export function precisionOf(localDate: string) {
  return precisionOfLocalDate(localDate.trim()) ?? "day";
}

export type Fields = {
  localDate: string;
  timeZone: string;
  partOfDay: string;
  amount: string;
  qualifier: NumberQualifier;
  unit: string;
  per: string;
  entityIds: string[];
  text: string;
};

export const EMPTY: Fields = { localDate: "", timeZone: "", partOfDay: "", amount: "", qualifier: "exact", unit: "", per: "", entityIds: [], text: "" };

export function fieldsOf(value: ClaimValue): Partial<Fields> {
  switch (value.type) {
    case "date":
      return { localDate: value.localDate, timeZone: value.timeZone ?? "", partOfDay: value.partOfDay ?? "" };
    case "number":
      return { amount: String(value.value), qualifier: value.qualifier, unit: value.unit ?? "", per: value.per ?? "" };
    case "entities":
      return { entityIds: value.ids };
    case "text":
      return { text: value.text };
  }
}

export function claimValueOf(type: ClaimValueType, f: Fields): unknown {
  switch (type) {
    case "date":
      return {
        type,
        localDate: f.localDate.trim(),
        precision: precisionOf(f.localDate),
        ...(f.timeZone.trim() ? { timeZone: f.timeZone.trim() } : {}),
        ...(f.partOfDay ? { partOfDay: f.partOfDay } : {}),
      };
    case "number":
      return {
        type,
        value: f.amount.trim() === "" ? f.amount : Number(f.amount.replace(/,/g, "")),
        qualifier: f.qualifier,
        ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
        ...(f.per.trim() ? { per: f.per.trim() } : {}),
      };
    case "entities":
      return { type, ids: f.entityIds };
    case "text":
      return { type, text: f.text };
  }
}
