/** Event vocabulary for forms and pages; no imports, so client components can use it without the date parser. */

export const DATE_PRECISIONS = ["year", "month", "day", "hour", "minute"] as const;
export type DatePrecisionName = (typeof DATE_PRECISIONS)[number];

export const EVENT_TYPES = ["PHONE_CALL", "MEETING", "TALKS", "STATEMENT", "AGREEMENT", "PROPOSAL", "MILITARY_ACTION", "OTHER"] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventTypeName, string> = {
  PHONE_CALL: "Phone call",
  MEETING: "Meeting",
  TALKS: "Talks or negotiation",
  STATEMENT: "Statement",
  AGREEMENT: "Agreement",
  PROPOSAL: "Proposal",
  MILITARY_ACTION: "Military action",
  OTHER: "Other",
};

export const EVENT_RELATION_TYPES = ["FOLLOWS", "PART_OF", "RESPONDS_TO"] as const;
export type EventRelationTypeName = (typeof EVENT_RELATION_TYPES)[number];

/** Read as "<this event> follows <other event>". */
export const EVENT_RELATION_LABELS: Record<EventRelationTypeName, string> = {
  FOLLOWS: "follows",
  PART_OF: "is part of",
  RESPONDS_TO: "responds to",
};

/** Read as "<other event> is followed by <this event>", for relations pointing at this event. */
export const EVENT_RELATION_INVERSE_LABELS: Record<EventRelationTypeName, string> = {
  FOLLOWS: "is followed by",
  PART_OF: "includes",
  RESPONDS_TO: "is answered by",
};

export const DATE_PRECISION_LABELS: Record<DatePrecisionName, string> = {
  year: "Year",
  month: "Month",
  day: "Day",
  hour: "Hour",
  minute: "Minute",
};

/** Roles offered when adding a participant; any other short role may be typed. */
export const PARTICIPANT_ROLES = [
  "caller",
  "called",
  "host",
  "guest",
  "delegation head",
  "delegate",
  "mediator",
  "negotiator",
  "signatory",
  "speaker",
  "addressee",
  "proposer",
  "attacker",
  "target",
  "participant",
] as const;

/** Parts of the day a passage may name instead of a time ("on Tuesday afternoon"). */
export const PARTS_OF_DAY = ["morning", "afternoon", "evening", "night"] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];
