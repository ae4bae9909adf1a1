import { z } from "zod";
import { isoDaySchema } from "@/lib/iso-day";
import { upperEnum } from "@/lib/entities/schemas";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";
import { eventDateSchema } from "./event-dates";
import { EVENT_RELATION_TYPES, EVENT_TYPES } from "./vocabulary";

export * from "./vocabulary";

export const eventTypeSchema = upperEnum(
  EVENT_TYPES,
  "Type must be one of phone_call, meeting, talks, statement, agreement, proposal, military_action, other.",
);

/**
 * A date as an editor or API client sends it: precision in any case, an empty zone means
 * none. The rules (impossible dates, unknown zones, format vs precision) are eventDateSchema's.
 */
export const eventDateInputSchema = z.preprocess((value) => {
  if (!value || typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  return {
    ...v,
    localDate: typeof v.localDate === "string" ? v.localDate.trim() : v.localDate,
    precision: typeof v.precision === "string" ? v.precision.trim().toLowerCase() : v.precision,
    timeZone: typeof v.timeZone === "string" && v.timeZone.trim() ? v.timeZone.trim() : null,
  };
}, eventDateSchema);

export const participantSchema = z.object({
  entityId: z.string({ message: "Name the participant entity." }).min(1, "Name the participant entity."),
  role: z.string({ message: "Give the participant's role." }).trim().min(1, "Give the participant's role.").max(80, "Roles have at most 80 characters."),
});
export type ParticipantInput = z.infer<typeof participantSchema>;

export const eventRelationSchema = z.object({
  type: upperEnum(EVENT_RELATION_TYPES, "Relation type must be follows, part_of or responds_to."),
  eventId: z.string({ message: "Name the related event." }).min(1, "Name the related event."),
});
export type EventRelationInput = z.infer<typeof eventRelationSchema>;

const titleSchema = z.string({ message: "Enter a title." }).trim().min(1, "Enter a title.").max(300, "Titles have at most 300 characters.");
const descriptionSchema = z
  .string()
  .trim()
  .max(5000, "The description has at most 5000 characters.")
  .nullish()
  .transform((v) => (v ? v : null));
const placeIdSchema = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null));

export const createEventSchema = z.object({
  type: eventTypeSchema,
  title: titleSchema,
  description: descriptionSchema,
  date: eventDateInputSchema.nullish().transform((v) => v ?? null),
  placeId: placeIdSchema,
  participants: z.array(participantSchema).max(100).default([]),
  relations: z.array(eventRelationSchema).max(100).default([]),
  /** Creates the event even though one with the same type, participants and date exists. */
  confirmDuplicate: z.boolean().default(false),
});
export type CreateEventInput = z.input<typeof createEventSchema>;
/** A create request as lib receives it, parsed at the edge. */
export type CreateEventData = z.output<typeof createEventSchema>;

export const updateEventSchema = z.object({
  version: z.number({ message: "Name the version you edited." }).int().positive().max(MAX_DB_INT, NO_SUCH_VERSION),
  type: eventTypeSchema.optional(),
  title: titleSchema.optional(),
  description: descriptionSchema.optional(),
  date: eventDateInputSchema.nullable().optional(),
  placeId: placeIdSchema.optional(),
  /** Each list replaces the current one when given. */
  participants: z.array(participantSchema).max(100).optional(),
  relations: z.array(eventRelationSchema).max(100).optional(),
});
export type UpdateEventInput = z.input<typeof updateEventSchema>;
export type UpdateEventData = z.output<typeof updateEventSchema>;

export const eventListSchema = z.object({
  q: z.string().trim().max(200).default(""),
  entityId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  from: isoDaySchema.optional().or(z.literal("").transform(() => undefined)),
  to: isoDaySchema.optional().or(z.literal("").transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type EventListInput = z.input<typeof eventListSchema>;
export type EventListFilter = z.output<typeof eventListSchema>;
