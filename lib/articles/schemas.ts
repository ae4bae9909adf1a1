import { z } from "zod";
import { isoDaySchema } from "@/lib/iso-day";
import { MAX_DB_INT, NO_SUCH_VERSION } from "@/lib/validation";
import type { ArticleMetadata } from "./article-metadata";
import type { ClassifiedLine, RemovalReason } from "./types";

export const ARTICLE_KINDS = ["NEWS", "OPINION", "ANALYSIS", "INTERVIEW"] as const;
export type ArticleKindName = (typeof ARTICLE_KINDS)[number];
export const articleKindSchema = z.enum(ARTICLE_KINDS, { message: "Kind must be news, opinion, analysis or interview." });

export const KIND_LABELS: Record<ArticleKindName, string> = {
  NEWS: "News",
  OPINION: "Opinion / commentary",
  ANALYSIS: "Analysis",
  INTERVIEW: "Interview",
};

export const ARTICLE_SORTS = ["relevance", "newest", "oldest", "published", "title", "outlet"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
export const SORT_LABELS: Record<ArticleSort, string> = {
  relevance: "Best match",
  newest: "Newest import",
  oldest: "Oldest import",
  published: "Publication date",
  title: "Title",
  outlet: "Outlet",
};

export const ARTICLES_PAGE_SIZE = 25;

/** Files above this many go through a background job instead of one request each. */
export const BACKGROUND_IMPORT_THRESHOLD = 10;
/** Files per upload request to a background job, and per transaction of its worker. */
export const IMPORT_CHUNK_FILES = 50;
/** Bytes per upload request to a background job: ten 5 MB files at most. */
export const IMPORT_CHUNK_BYTES = 50 * 1024 * 1024;
export const MAX_JOB_FILES = 100_000;

/** Optional text from a form or query string: trimmed, and absent when empty. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => value || undefined);

const optionalDay = z
  .union([isoDaySchema, z.literal("")])
  .optional()
  .transform((value) => value || undefined);

/** JSON import: the article as pasted text or as an HTML page, with an optional file name for format detection. */
export const lineDecisionSchema = z.object({ index: z.number().int().min(0), kept: z.boolean() });
/** Lines the editor restored or removed in the import preview, applied when the file is saved. */
export const importDecisionsSchema = z.array(lineDecisionSchema).max(5_000);

/** Empty means "not known": stored as null. */
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .transform((value) => value || null);

const titleSchema = z.string().trim().min(1, "Enter a title.").max(500, "Titles have at most 500 characters.");
const publishedAtSchema = z.union([isoDaySchema, z.literal(""), z.null()]).transform((value) => value || null);

/**
 * Metadata the editor corrected in the import preview, applied when the file is saved: fields
 * left out keep the extraction's value. A corrected title is confirmed (no longer provisional).
 */
export const importMetadataSchema = z.strictObject({
  title: titleSchema.optional(),
  outlet: nullableText(200).optional(),
  publishedAt: publishedAtSchema.optional(),
  author: nullableText(300).optional(),
  kind: articleKindSchema.optional(),
});
export type ImportMetadataCorrections = z.output<typeof importMetadataSchema>;
export type ImportMetadataInput = z.input<typeof importMetadataSchema>;

export const importTextSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    filename: optionalText(255),
    decisions: importDecisionsSchema.optional(),
    metadata: importMetadataSchema.optional(),
  })
  .refine((input) => (input.text === undefined) !== (input.html === undefined), {
    message: "Send the article as either `text` or `html`.",
  });

export const articleListQuerySchema = z.object({
  q: optionalText(200),
  outlet: optionalText(200),
  kind: z
    .union([articleKindSchema, z.literal("")])
    .optional()
    .transform((value) => value || undefined),
  from: optionalDay,
  to: optionalDay,
  sort: z
    .union([z.enum(ARTICLE_SORTS), z.literal("")])
    .optional()
    .transform((value) => value || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** The `nextCursor` of the page before: the list continues after that article. */
  cursor: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

/** Metadata corrections: fields left out stay as they are. Saving a title confirms it. */
export const updateArticleSchema = z.object({
  articleId: z.string().min(1),
  version: z.coerce.number().int().min(1).max(MAX_DB_INT, NO_SUCH_VERSION),
  title: titleSchema.optional(),
  confirmTitle: z.boolean().optional(),
  outlet: nullableText(200).optional(),
  publishedAt: publishedAtSchema.optional(),
  url: z
    .union([z.url({ protocol: /^https?$/, message: "Enter the article's web address (http or https)." }).max(2000), z.literal(""), z.null()])
    .transform((value) => value || null)
    .optional(),
  author: nullableText(300).optional(),
  kind: articleKindSchema.optional(),
});
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;
/** A metadata correction as lib receives it, parsed at the edge. */
export type UpdateArticleData = z.output<typeof updateArticleSchema>;

/** PATCH /api/articles/{id}: the same fields; the article comes from the path. */
export const patchArticleSchema = updateArticleSchema.omit({ articleId: true });

export const changeLinesSchema = z.object({
  articleId: z.string().min(1),
  /** The revision the editor was looking at: a stale one is refused (409). */
  revisionId: z.string().min(1),
  decisions: z.array(lineDecisionSchema).min(1, "Choose a line to restore or remove.").max(5_000),
});
export type ChangeLinesInput = z.infer<typeof changeLinesSchema>;

// ───────────── shapes shared by the server and the import page ─────────────

export type ImportStatus = "imported" | "duplicate" | "revision" | "failed";

/** What happened to one imported file. */
export type ImportOutcome = {
  file: string | null;
  status: ImportStatus;
  articleId: string | null;
  title: string | null;
  revisionNumber: number | null;
  /** For failures: a message written for editors. */
  error: string | null;
  /** The file's index within a background job. */
  position?: number;
};

/** The extraction of one file before anything is saved. */
export type ImportPreview =
  | {
      file: string | null;
      ok: true;
      metadata: ArticleMetadata;
      format: string;
      encoding: string;
      paragraphs: string[];
      removed: { text: string; reason: RemovalReason }[];
      /** Every candidate line in order, as the editor may restore or remove them before saving. */
      lines: ClassifiedLine[];
      /** A copied page in which the line classifier found no article text. */
      noArticleFound: boolean;
      /** Copied pages: the language the line classifier named (null: none); without a word list for it (hasWordList) the lines were sorted by shape alone. */
      classifiedLanguage: string | null;
      /** Set when this exact content was imported before. */
      duplicateOf: { id: string; title: string } | null;
      /** Set when an article with the same URL exists: saving adds a revision to it. */
      revisionOf: { id: string; title: string } | null;
    }
  | { file: string | null; ok: false; error: string };

export type ImportJobView = {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  results: ImportOutcome[];
  createdAt: string;
  finishedAt: string | null;
};
