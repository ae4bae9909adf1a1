/** Input schemas and vocabulary of briefings. Safe on the client. */
import { z } from "zod";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";
import { limitParam } from "@/lib/api/pagination";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./slug";

export const BRIEFING_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "RETRACTED"] as const;
export type BriefingStatusName = (typeof BRIEFING_STATUSES)[number];

export const BRIEFING_STATUS_LABELS: Record<BriefingStatusName, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  PUBLISHED: "Published",
  RETRACTED: "Retracted",
};

export const MAX_TITLE_CHARS = 200;
export const MAX_SUMMARY_CHARS = 600;
export const MAX_NOTE_CHARS = 1_000;
export const MAX_REVIEW_COMMENT_CHARS = 2_000;

const titleSchema = z.string().trim().min(1, "Enter a title.").max(MAX_TITLE_CHARS, `Titles have at most ${MAX_TITLE_CHARS} characters.`);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an address.")
  .max(MAX_SLUG_LENGTH, `Addresses have at most ${MAX_SLUG_LENGTH} characters.`)
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens, e.g. us-russia-talks.");

/** Empty text clears the summary. */
const summarySchema = z
  .string()
  .trim()
  .max(MAX_SUMMARY_CHARS, `Summaries have at most ${MAX_SUMMARY_CHARS} characters.`)
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** The body is checked and cleaned by the server (lib/briefings/document.ts); here only its shape. */
const bodySchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === "doc",
  'The body must be a tiptap document: { "type": "doc", "content": [...] }.',
);

export const createBriefingSchema = z.object({
  title: titleSchema,
  slug: slugSchema.optional(),
  summary: summarySchema.optional(),
  body: bodySchema.optional(),
});
export type CreateBriefingInput = z.input<typeof createBriefingSchema>;
/** A create request as lib receives it, parsed at the edge. */
export type CreateBriefingData = z.output<typeof createBriefingSchema>;

export const updateBriefingSchema = z
  .object({
    version: z.int("Name the version you edited.").min(1).max(MAX_DB_INT, NO_SUCH_VERSION),
    title: titleSchema.optional(),
    slug: slugSchema.optional(),
    summary: summarySchema.optional(),
    body: bodySchema.optional(),
  })
  .refine((input) => input.title !== undefined || input.slug !== undefined || input.summary !== undefined || input.body !== undefined, {
    message: "Nothing to save: send a title, slug, summary or body.",
  });
export type UpdateBriefingInput = z.input<typeof updateBriefingSchema>;
export type UpdateBriefingData = z.output<typeof updateBriefingSchema>;

const optionalComment = z
  .string()
  .trim()
  .max(MAX_REVIEW_COMMENT_CHARS, `Comments have at most ${MAX_REVIEW_COMMENT_CHARS} characters.`)
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const submitBriefingSchema = z.object({ comment: optionalComment });
export type SubmitBriefingData = z.output<typeof submitBriefingSchema>;

/** `version`: the draft version the analyst read; approving a newer one than they saw is refused. */
export const approveBriefingSchema = z.object({ version: z.int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION).optional(), comment: optionalComment });
export type ApproveBriefingData = z.output<typeof approveBriefingSchema>;

export const returnBriefingSchema = z.object({
  comment: z.string().trim().min(1, "Say what needs to change.").max(MAX_REVIEW_COMMENT_CHARS, `Comments have at most ${MAX_REVIEW_COMMENT_CHARS} characters.`),
});
export type ReturnBriefingData = z.output<typeof returnBriefingSchema>;

export const publishBriefingSchema = z.object({
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_CHARS, `Change notes have at most ${MAX_NOTE_CHARS} characters.`)
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
});
export type PublishBriefingData = z.output<typeof publishBriefingSchema>;

export const retractBriefingSchema = z.object({
  note: z.string().trim().min(1, "Say why the briefing is retracted.").max(MAX_NOTE_CHARS, `Notes have at most ${MAX_NOTE_CHARS} characters.`),
});
export type RetractBriefingData = z.output<typeof retractBriefingSchema>;

/** Longest list of briefings one request returns. */
export const MAX_BRIEFINGS_LISTED = 500;

export const listBriefingsSchema = z.object({
  /** An empty `?status=` means any status. */
  status: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(BRIEFING_STATUSES))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  limit: limitParam(MAX_BRIEFINGS_LISTED),
});
export type BriefingListFilter = z.output<typeof listBriefingsSchema>;

/** Kinds of reasons publishing is refused; each comes with the id of what to fix. */
export const BLOCKER_TYPES = [
  "not_approved",
  "annotation_deleted",
  "annotation_unapproved",
  "citation_orphaned",
  "citation_unchecked",
  "contradiction_open",
  "disagreement_unsettled",
  "reference_missing",
  "changed_since_approval",
] as const;
export type BlockerType = (typeof BLOCKER_TYPES)[number];

export type Blocker = { type: BlockerType; id: string; message: string; href: string };
