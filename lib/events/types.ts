import type { EntityRef, PassagesByOutlet } from "@/lib/entities/types";
import type { DatePrecisionName, EventRelationTypeName, EventTypeName } from "./vocabulary";

/** Views cross to the client and the JSON API: dates are ISO strings. */

export type EventDateView = {
  localDate: string;
  precision: DatePrecisionName;
  timeZone: string | null;
  /** In the zone the source gave, with UTC beside a time ("19 May 2025, 10:00 EDT (14:00 UTC)"). */
  label: string;
  /** The period as instants, end exclusive. */
  start: string;
  end: string;
};

export type ParticipantView = { entity: EntityRef; role: string };

export type EventSummary = {
  id: string;
  type: EventTypeName;
  title: string;
  date: EventDateView | null;
  place: EntityRef | null;
  participants: ParticipantView[];
};

export type EventRelationView = {
  type: EventRelationTypeName;
  /** "from": this event → other ("follows"); "to": other → this event. */
  direction: "from" | "to";
  label: string;
  event: { id: string; title: string; date: EventDateView | null };
};

export type EventView = EventSummary & {
  description: string | null;
  relations: EventRelationView[];
  version: number;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
};

export type EventPage = { event: EventView; passages: PassagesByOutlet; canDelete: boolean };
