/**
 * Shared types of the article import library. Everything here is plain data so that the
 * result of a parse can be stored as JSON and re-derived later (see `applyLineDecisions`).
 */
import type { ArticleMetadata } from "./article-metadata";

/**
 * Why a candidate line is not part of the body. Short, stable, lowercase strings: they are
 * stored with imports and shown to editors, so never rename one without a migration.
 */
export const REMOVAL_REASONS = [
  "headline",
  "byline",
  "dateline",
  "section label",
  "source link",
  "disclaimer",
  "consent",
  "navigation",
  "licence/hotline",
  "copyright",
  "caption",
  "credit",
  "comment form",
  "share prompt",
  "rating prompt",
  "subscription prompt",
  "related link",
  "advertisement",
  "outside article",
  "duplicate",
  "editor",
  // Blocks the line classifier removes from copied web pages (line-blocks.ts).
  "reader comments",
  "related links",
  "page furniture",
  "detached paragraphs",
] as const;

export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export type ArticleFormat = "text" | "html" | "markdown";

/**
 * One candidate line of the source, in source order. `kept` lines are the body paragraphs.
 * A restored line keeps the `reason` it was removed for, so toggling it twice is lossless;
 * the reason is only meaningful while `kept` is false.
 */
export interface ClassifiedLine {
  text: string;
  kept: boolean;
  reason?: RemovalReason;
  /** The line classifier was unsure: the editor should check this line first. */
  unsure?: boolean;
}

export interface RemovedLine {
  text: string;
  reason: RemovalReason;
}

export interface ParsedArticle extends ArticleMetadata {
  paragraphs: string[];
  removed: RemovedLine[];
  /** Every candidate line in order; `paragraphs` and `removed` are derived from it. */
  lines: ClassifiedLine[];
  encoding: string;
  format: ArticleFormat;
  /**
   * Copied web pages only: the classifier found no article text, every line is removed and
   * the editor decides (keep every line, or give up).
   */
  noArticleFound?: boolean;
  /** The language the line classifier named (null: none); without a word list for it the lines were sorted by shape alone. */
  classifiedLanguage?: string | null;
}

/** A line produced by a format reader, before classification. */
export interface SourceLine {
  text: string;
  /** Set when the format itself says what the line is (an HTML figcaption, a Markdown image). */
  preset?: RemovalReason;
}

/** Document-level facts a format reader may know before any line is classified. */
export interface SourceMetadata {
  title: string | null;
  author: string | null;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
  /** The time and zone stated with `publishedAt` ("22:31-06:00"), when the source states both. */
  publishedTime: string | null;
  language: string | null;
}
