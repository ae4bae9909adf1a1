import { cursorParam, limitParam } from "@/lib/api/pagination";
import { z } from "zod";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";
import { richTextDocSchema, type RichTextDoc } from "./rich-text";

export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_REPLY_CHARS = 5_000;
export const MAX_REVIEW_COMMENT_CHARS = 2_000;
export const MAX_KIND_LABEL_CHARS = 60;

/**
 * Comments are formatted with the editor's toolbar, never with markup: text that opens an HTML
 * tag ("<b>", "</p", "<img "), a comment or a declaration is refused, so nobody mistakes pasted
 * markup for something that renders. "a < b" or "<-" are not tags, as in HTML itself.
 */
const HTML_LIKE = /<\/?[a-z][a-z0-9-]*(?:[\s/>]|$)|<!|<\?/im;

/** A comment: a tiptap document (validated strictly) or, for API clients, plain text. */
export const commentSchema = z
  .union([z.string().max(20_000, "Comment is too long."), z.record(z.string(), z.unknown())])
  .transform((value, context): RichTextDoc | string => {
    if (typeof value === "string") return value;
    const result = richTextDocSchema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });

export type CommentInput = z.infer<typeof commentSchema>;

/** Tags: trimmed, case kept, duplicates (ignoring case) removed. */
export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Tags cannot be empty.")
      .max(MAX_TAG_CHARS, `Tags have at most ${MAX_TAG_CHARS} characters.`)
      .refine((tag) => !/[,<>]/.test(tag), "Tags cannot contain commas or angle brackets."),
  )
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = tag.toLocaleLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const offsetSchema = z.int("Selection offsets must be whole numbers.").min(0, "Selection offsets cannot be negative.");
const kindKeySchema = z.string().trim().min(1, "Choose a kind.").max(40);

/** A selection on the article's current revision, as sent by the reader or an API client. */
export const selectionSchema = z.object({
  start: offsetSchema,
  end: offsetSchema,
  exact: z.string().min(1, "Selection is empty."),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
export type SelectionInput = z.infer<typeof selectionSchema>;

export const createAnnotationSchema = selectionSchema.extend({
  articleId: z.string().min(1, "Name the article."),
  kind: kindKeySchema,
  comment: commentSchema.optional(),
  tags: tagsSchema.optional(),
});
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
/** A create request as lib receives it, parsed at the edge. */
export type CreateAnnotationData = z.output<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z
  .object({
    version: z.int("Send the version you edited.").min(1).max(MAX_DB_INT, NO_SUCH_VERSION),
    kind: kindKeySchema.optional(),
    comment: commentSchema.optional(),
    tags: tagsSchema.optional(),
  })
  .refine((input) => input.kind !== undefined || input.comment !== undefined || input.tags !== undefined, {
    message: "Nothing to change: send kind, comment or tags.",
  });
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
export type UpdateAnnotationData = z.output<typeof updateAnnotationSchema>;

/** Re-attaching an (orphaned or moved) annotation to a new selection on the current revision. */
export const reattachAnnotationSchema = selectionSchema.extend({ version: z.int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION) });
export type ReattachAnnotationData = z.output<typeof reattachAnnotationSchema>;

export const confirmAnchorSchema = z.object({ version: z.int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION) });
export type ConfirmAnchorData = z.output<typeof confirmAnchorSchema>;

export const deleteAnnotationSchema = z.object({ version: z.int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION).optional() });
export type DeleteAnnotationData = z.output<typeof deleteAnnotationSchema>;

export const reviewAnnotationSchema = z.object({
  decision: z.enum(["approve", "reject", "changes"], { message: 'Decision must be "approve", "reject" or "changes".' }),
  comment: z
    .string()
    .trim()
    .max(MAX_REVIEW_COMMENT_CHARS, `Review comments have at most ${MAX_REVIEW_COMMENT_CHARS} characters.`)
    .transform((comment) => (comment ? comment : undefined))
    .optional(),
  version: z.int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION).optional(),
});
export type ReviewAnnotationInput = z.input<typeof reviewAnnotationSchema>;
export type ReviewAnnotationData = z.output<typeof reviewAnnotationSchema>;

/** Most annotations approved in one step: one page of the review queue. */
export const MAX_BULK_APPROVALS = 50;

export const approveAnnotationsSchema = z.object({
  items: z
    .array(z.object({ id: z.string().min(1).max(64), version: z.int().min(1) }))
    .min(1, "Select at least one annotation to approve.")
    .max(MAX_BULK_APPROVALS, `Approve at most ${MAX_BULK_APPROVALS} annotations at once.`),
});
export type ApproveAnnotationsData = z.output<typeof approveAnnotationsSchema>;

export const createReplySchema = z.object({
  body: z.string().trim().min(1, "Write a reply.").max(MAX_REPLY_CHARS, `Replies have at most ${MAX_REPLY_CHARS} characters.`),
  parentId: z.string().min(1).optional(),
});
export type CreateReplyInput = z.input<typeof createReplySchema>;
export type CreateReplyData = z.output<typeof createReplySchema>;

export const annotationKindKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "Keys are lower-case letters, digits and hyphens, starting with a letter (at most 40).");

const kindLabelSchema = z.string().trim().min(1, "Enter a label.").max(MAX_KIND_LABEL_CHARS, `Labels have at most ${MAX_KIND_LABEL_CHARS} characters.`);

export const createAnnotationKindSchema = z.object({ key: annotationKindKeySchema, label: kindLabelSchema });
export type CreateAnnotationKindData = z.output<typeof createAnnotationKindSchema>;

export const updateAnnotationKindSchema = z.object({
  key: z.string().min(1),
  label: kindLabelSchema.optional(),
  active: z.boolean().optional(),
  position: z.int().min(0).max(10_000).optional(),
});
export type UpdateAnnotationKindData = z.output<typeof updateAnnotationKindSchema>;

export const reviewQueueFilterSchema = z.object({
  articleId: z.string().optional(),
  kind: z.string().optional(),
  authorId: z.string().optional(),
  /** Only annotations waiting at least this many days. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** The `nextCursor` of the page before: the queue continues after its last annotation. */
  cursor: cursorParam,
  limit: limitParam(100),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;

export function containsHtml(text: string): boolean {
  return HTML_LIKE.test(text);
}
