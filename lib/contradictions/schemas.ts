/**
 * Input schemas and vocabulary of claims and contradictions. Safe on the client.
 */
import { z } from "zod";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";
import { limitParam } from "@/lib/api/pagination";
import { claimValueSchema, type ClaimValueType } from "./claim-values";

// ---------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------

export const KNOWN_ATTRIBUTES = ["date", "time", "place", "participants", "initiator", "outcome", "quantity", "statement"] as const;
export type KnownAttribute = (typeof KNOWN_ATTRIBUTES)[number];

export const ATTRIBUTE_LABELS: Record<KnownAttribute, string> = {
  date: "Date",
  time: "Time",
  place: "Place",
  participants: "Participants",
  initiator: "Initiator",
  outcome: "Outcome",
  quantity: "Quantity",
  statement: "Statement / position",
};

/** Which kinds of value each attribute takes; the first is the one the form proposes. Named attributes take any. */
export const ATTRIBUTE_VALUE_TYPES: Record<KnownAttribute, readonly ClaimValueType[]> = {
  date: ["date"],
  time: ["date"],
  place: ["entities", "text"],
  participants: ["entities", "text"],
  initiator: ["entities", "text"],
  outcome: ["text"],
  quantity: ["number"],
  statement: ["text"],
};

export const ALL_VALUE_TYPES: readonly ClaimValueType[] = ["date", "number", "entities", "text"];

export const VALUE_TYPE_LABELS: Record<ClaimValueType, string> = {
  date: "Date or time",
  number: "Number",
  entities: "People, organizations or places",
  text: "Free text",
};

export function isKnownAttribute(attribute: string): attribute is KnownAttribute {
  return (KNOWN_ATTRIBUTES as readonly string[]).includes(attribute);
}

export function valueTypesFor(attribute: string): readonly ClaimValueType[] {
  return isKnownAttribute(attribute) ? ATTRIBUTE_VALUE_TYPES[attribute] : ALL_VALUE_TYPES;
}

export function attributeLabel(attribute: string): string {
  return isKnownAttribute(attribute) ? ATTRIBUTE_LABELS[attribute] : attribute.charAt(0).toUpperCase() + attribute.slice(1);
}

/** One of the known attributes, or a named one ("casualties", "duration"), lower-cased. */
export const attributeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Name the attribute.")
  .max(60, "Attribute names have at most 60 characters.")
  .regex(/^\p{L}[\p{L}\p{N} _-]*$/u, "Attribute names are words: letters, digits, spaces, hyphens.");

const id = z.string().trim().min(1).max(64);

export const MAX_CLAIM_TEXT = 2000;

/** The value schema, with the limits a stored claim needs on top of the comparison schema. */
export const storedClaimValueSchema = claimValueSchema.superRefine((value, ctx) => {
  if (value.type === "text" && value.text.trim() === "") ctx.addIssue({ code: "custom", path: ["text"], message: "Write the claimed text." });
  if (value.type === "text" && value.text.length > MAX_CLAIM_TEXT) {
    ctx.addIssue({ code: "custom", path: ["text"], message: `Claimed text has at most ${MAX_CLAIM_TEXT} characters.` });
  }
  if (value.type === "entities" && value.ids.length === 0) ctx.addIssue({ code: "custom", path: ["ids"], message: "Choose at least one entity." });
  if (value.type === "number" && !Number.isFinite(value.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "The number must be finite." });
});

/**
 * A passage to annotate as a claim: the annotation input without its kind, which is "claim".
 * The annotations library checks it in full (selection against the text, comment, tags);
 * its schema is not reused here because it pulls the HTML sanitizer into client bundles.
 */
export const newClaimAnnotationSchema = z.object({
  articleId: id,
  start: z.int().min(0),
  end: z.int().min(0),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  comment: z.unknown().optional(),
  tags: z.array(z.string()).optional(),
});

const claimFields = {
  eventId: id.optional(),
  entityId: id.optional(),
  attribute: attributeSchema,
  value: storedClaimValueSchema,
};

function checkSubjectAndType(input: { eventId?: string; entityId?: string; attribute: string; value: { type: ClaimValueType } }, ctx: z.RefinementCtx) {
  if (Boolean(input.eventId) === Boolean(input.entityId)) {
    ctx.addIssue({ code: "custom", path: ["eventId"], message: "A claim is about one subject: give either an event or an entity." });
  }
  const allowed = valueTypesFor(input.attribute);
  if (!allowed.includes(input.value.type)) {
    ctx.addIssue({
      code: "custom",
      path: ["value", "type"],
      message: `The ${attributeLabel(input.attribute).toLowerCase()} takes ${allowed.map((t) => VALUE_TYPE_LABELS[t].toLowerCase()).join(" or ")}, not ${VALUE_TYPE_LABELS[input.value.type].toLowerCase()}.`,
    });
  }
}

export const createClaimSchema = z
  .object({
    /** An existing annotation of kind "claim" ... */
    annotationId: id.optional(),
    /** ... or a passage to annotate as a claim. */
    annotation: newClaimAnnotationSchema.optional(),
    ...claimFields,
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.annotationId) === Boolean(input.annotation)) {
      ctx.addIssue({
        code: "custom",
        path: ["annotationId"],
        message: "Give either annotationId (an existing claim annotation) or annotation (a passage to annotate).",
      });
    }
    checkSubjectAndType(input, ctx);
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .object({
    /** The claim's updatedAt as read: a claim changed since gets a conflict. */
    updatedAt: z.iso.datetime(),
    ...claimFields,
  })
  .superRefine(checkSubjectAndType);
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** A claim as the claim form sends it: the value as typed, for the schemas above to check. */
export type ClaimFormInput = { eventId?: string; entityId?: string; attribute: string; value: unknown };

export const claimSubjectQuerySchema = z
  .object({ eventId: id.optional(), entityId: id.optional() })
  .refine((q) => Boolean(q.eventId) !== Boolean(q.entityId), { message: "Ask for one subject: ?eventId= or ?entityId=." });

// ---------------------------------------------------------------------------
// Contradictions
// ---------------------------------------------------------------------------

export const CONTRADICTION_STATUSES = ["OPEN", "AWAITING_SIGNOFF", "RESOLVED", "DISCLOSED", "DISMISSED"] as const;
export type ContradictionStatus = (typeof CONTRADICTION_STATUSES)[number];

export const STATUS_LABELS: Record<ContradictionStatus, string> = {
  OPEN: "Open",
  AWAITING_SIGNOFF: "Resolved, awaiting sign-off",
  RESOLVED: "Resolved",
  DISCLOSED: "Disclosed to readers",
  DISMISSED: "Dismissed: not a contradiction",
};

/** Statuses that still need work: nothing built on the subject is settled while one is in them. */
export const UNSETTLED_STATUSES: readonly ContradictionStatus[] = ["OPEN", "AWAITING_SIGNOFF"];
export const SETTLED_STATUSES: readonly ContradictionStatus[] = ["RESOLVED", "DISCLOSED", "DISMISSED"];

export const RESOLUTIONS = ["ACCEPT_ONE", "DISCLOSE", "NOT_A_CONTRADICTION"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  ACCEPT_ONE: "Accept one value",
  DISCLOSE: "Keep both and disclose the disagreement to readers",
  NOT_A_CONTRADICTION: "Not a contradiction",
};

/** The API spells statuses and resolutions in lower case ("accept_one", "awaiting_signoff"); either case is accepted. */
export const toApiName = (name: string) => name.toLowerCase();
export const statusSchema = z.string().trim().toUpperCase().pipe(z.enum(CONTRADICTION_STATUSES));
export const resolutionSchema = z.string().trim().toUpperCase().pipe(z.enum(RESOLUTIONS));

export const MAX_RATIONALE = 5000;
/** Longest list of contradictions one request returns. */
export const MAX_CONTRADICTIONS_LISTED = 500;
export const MAX_SUMMARY = 1000;

const rationaleSchema = z.string().trim().min(1, "Say why.").max(MAX_RATIONALE, `At most ${MAX_RATIONALE} characters.`);
const versionSchema = z.coerce.number().int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION);

export const contradictionFiltersSchema = z.object({
  status: statusSchema.optional(),
  eventId: id.optional(),
  entityId: id.optional(),
  articleId: id.optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  limit: limitParam(MAX_CONTRADICTIONS_LISTED),
});
export type ContradictionFilters = z.infer<typeof contradictionFiltersSchema>;

export const createContradictionSchema = z.object({
  annotationIds: z.array(id).min(2, "A contradiction is between at least two passages.").max(50),
  summary: z.string().trim().min(1, "Summarize the disagreement.").max(MAX_SUMMARY),
  /** Passages from one article that contradict each other. */
  internal: z.boolean().default(false),
  eventId: id.optional(),
  entityId: id.optional(),
  attribute: attributeSchema.optional(),
});
export type CreateContradictionInput = z.input<typeof createContradictionSchema>;
export type CreateContradictionData = z.output<typeof createContradictionSchema>;

export const resolveContradictionSchema = z
  .object({
    version: versionSchema,
    resolution: resolutionSchema,
    acceptedClaimId: id.optional(),
    rationale: rationaleSchema,
    evidenceAnnotationIds: z.array(id).max(50).default([]),
  })
  .superRefine((input, ctx) => {
    if (input.resolution === "ACCEPT_ONE" && !input.acceptedClaimId) {
      ctx.addIssue({ code: "custom", path: ["acceptedClaimId"], message: "Choose the value to accept." });
    }
    if (input.resolution !== "ACCEPT_ONE" && input.acceptedClaimId) {
      ctx.addIssue({ code: "custom", path: ["acceptedClaimId"], message: "Only “accept one value” accepts a claim." });
    }
  });
export type ResolveContradictionInput = z.input<typeof resolveContradictionSchema>;
export type ResolveContradictionData = z.output<typeof resolveContradictionSchema>;

export const signOffContradictionSchema = z.object({
  version: versionSchema,
  comment: z.string().trim().max(MAX_RATIONALE).optional(),
});
export type SignOffContradictionInput = z.input<typeof signOffContradictionSchema>;
export type SignOffContradictionData = z.output<typeof signOffContradictionSchema>;

export const reopenContradictionSchema = z.object({
  version: versionSchema,
  rationale: rationaleSchema,
});
export type ReopenContradictionInput = z.input<typeof reopenContradictionSchema>;
export type ReopenContradictionData = z.output<typeof reopenContradictionSchema>;

/** The answer "the new source does not change this": the settled resolution stands, with an optional note. */
export const keepResolutionSchema = z.object({
  version: versionSchema,
  note: z
    .string()
    .trim()
    .max(MAX_RATIONALE, `The note has at most ${MAX_RATIONALE} characters.`)
    .optional()
    .transform((note) => note || undefined),
});
export type KeepResolutionData = z.output<typeof keepResolutionSchema>;
