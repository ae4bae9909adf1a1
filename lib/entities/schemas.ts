import { z } from "zod";
import { cursorParam } from "@/lib/api/pagination";
import { BIDI_CONTROL_MESSAGE, cleanName, hasBidiControl } from "./name-characters";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";

export const ENTITY_TYPES = ["PERSON", "ORGANIZATION", "PLACE", "FACILITY", "DOCUMENT", "OTHER"] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityTypeName, string> = {
  PERSON: "Person",
  ORGANIZATION: "Organization",
  PLACE: "Country or place",
  FACILITY: "Facility",
  DOCUMENT: "Document or plan",
  OTHER: "Other",
};

export const LINK_TARGET_TYPES = ["ENTITY", "EVENT"] as const;
export type LinkTargetTypeName = (typeof LINK_TARGET_TYPES)[number];

export const LINK_RELATIONS = ["MENTIONS", "DESCRIBES", "QUOTES", "CLAIMS_ABOUT"] as const;
export type LinkRelationName = (typeof LINK_RELATIONS)[number];

export const LINK_RELATION_LABELS: Record<LinkRelationName, string> = {
  MENTIONS: "Mentions",
  DESCRIBES: "Describes",
  QUOTES: "Quotes",
  CLAIMS_ABOUT: "Claims about",
};

export const DUPLICATE_VERDICTS = ["SAME", "DIFFERENT", "NOT_SURE"] as const;
export type DuplicateVerdictName = (typeof DUPLICATE_VERDICTS)[number];

export const DUPLICATE_VERDICT_LABELS: Record<DuplicateVerdictName, string> = {
  SAME: "Same",
  DIFFERENT: "Different",
  NOT_SURE: "Not sure",
};

/** The API spells enum values in lower case ("person", "claims_about"); the database in upper case. */
export function upperEnum<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(values, { message }));
}

export const entityTypeSchema = upperEnum(ENTITY_TYPES, "Type must be one of person, organization, place, facility, document, other.");

export const MAX_NAME_LENGTH = 200;
export const MAX_ALIASES = 100;

/** A name or alias: refused with a text-direction control, else cleaned of invisible characters (see name-characters.ts) and checked. */
function nameText(empty: string, tooLong: string) {
  return z
    .string({ message: empty })
    .refine((text) => !hasBidiControl(text), BIDI_CONTROL_MESSAGE)
    .transform(cleanName)
    .pipe(z.string().min(1, empty).max(MAX_NAME_LENGTH, tooLong));
}

const nameSchema = nameText("Enter a name.", `Names have at most ${MAX_NAME_LENGTH} characters.`);

const aliasSchema = nameText("An alias cannot be empty.", `Aliases have at most ${MAX_NAME_LENGTH} characters.`);

const aliasesSchema = z.array(aliasSchema).max(MAX_ALIASES, `At most ${MAX_ALIASES} aliases.`);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** An identifier in an outside register (a Wikidata QID such as Q7747); stored as given, never fetched. */
const externalIdSchema = optionalText(100, "The external id");

export const createEntitySchema = z.object({
  type: entityTypeSchema,
  name: nameSchema,
  aliases: aliasesSchema.default([]),
  description: optionalText(2000, "The description"),
  externalId: externalIdSchema,
  /** Creates the entity even though one of the same type already has this name. */
  confirmDuplicate: z.boolean().default(false),
});
export type CreateEntityInput = z.input<typeof createEntitySchema>;
/** A create request as lib receives it, parsed at the edge. */
export type CreateEntityData = z.output<typeof createEntitySchema>;

export const updateEntitySchema = z.object({
  version: z.number({ message: "Name the version you edited." }).int().positive().max(MAX_DB_INT, NO_SUCH_VERSION),
  type: entityTypeSchema.optional(),
  name: nameSchema.optional(),
  /** Replaces the whole alias list when given. */
  aliases: aliasesSchema.optional(),
  description: optionalText(2000, "The description").optional(),
  externalId: externalIdSchema.optional(),
  confirmDuplicate: z.boolean().default(false),
});
export type UpdateEntityInput = z.input<typeof updateEntitySchema>;
export type UpdateEntityData = z.output<typeof updateEntitySchema>;

export const addAliasesSchema = z.object({
  entityId: z.string().min(1),
  aliases: z
    .array(nameText("Enter an alias.", `Aliases have at most ${MAX_NAME_LENGTH} characters.`))
    .min(1, "Enter an alias.")
    .max(MAX_ALIASES, `At most ${MAX_ALIASES} aliases.`),
});
export type AddAliasesData = z.output<typeof addAliasesSchema>;

export const mergeEntitySchema = z.object({
  into: z.string({ message: "Name the entity to merge into." }).min(1, "Name the entity to merge into."),
});
export type MergeEntityData = z.output<typeof mergeEntitySchema>;

export const judgeDuplicateSchema = z.object({
  entityAId: z.string().min(1),
  entityBId: z.string().min(1),
  verdict: upperEnum(DUPLICATE_VERDICTS, "The verdict is same, different or not_sure."),
});
export type JudgeDuplicateData = z.output<typeof judgeDuplicateSchema>;

export const entitySearchSchema = z.object({
  q: z.string().trim().max(MAX_NAME_LENGTH).default(""),
  /** An empty `?type=` (the "any type" choice) means no type. */
  type: entityTypeSchema.optional().or(z.literal("").transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Without `q`: the `nextCursor` of the page before; the list continues after its last entity. */
  cursor: cursorParam,
});
export type EntitySearchQuery = z.output<typeof entitySearchSchema>;

export const createLinkSchema = z.object({
  annotationId: z.string({ message: "Name the annotation." }).min(1, "Name the annotation."),
  targetType: upperEnum(LINK_TARGET_TYPES, 'targetType is "entity" or "event".'),
  targetId: z.string({ message: "Name the entity or event." }).min(1, "Name the entity or event."),
  relation: upperEnum(LINK_RELATIONS, "relation is one of mentions, describes, quotes, claims_about."),
});
export type CreateLinkInput = z.input<typeof createLinkSchema>;
export type CreateLinkData = z.output<typeof createLinkSchema>;

export const deleteLinkSchema = z.union([z.object({ id: z.string().min(1) }), createLinkSchema], {
  message: "Name the link by its id, or by annotationId, targetType, targetId and relation.",
});
export type DeleteLinkData = z.output<typeof deleteLinkSchema>;

export const acceptSuggestionSchema = z.object({
  /** For a proposed new entity: the name and type to create it with, when the editor corrected them. */
  name: nameSchema.optional(),
  type: entityTypeSchema.optional(),
});
export type AcceptSuggestionData = z.output<typeof acceptSuggestionSchema>;
