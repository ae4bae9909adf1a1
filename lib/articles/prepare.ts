import { createHash } from "node:crypto";
import { applyLineDecisions, ParseError, parseArticle, type ArticleFormat, type LineDecision, type ParsedArticle } from "./extract";
import { withMetadataCorrections } from "./article-metadata";
import type { ImportMetadataCorrections } from "./schemas";

/** One file or pasted text to import, as bytes: what is stored as the original. */
export type ImportSource = {
  bytes: Uint8Array;
  /** The file name (or path, for the command line) shown in results and kept with the revision. */
  filename?: string | null;
  format?: ArticleFormat;
  /** Lines the editor restored or removed in the preview. */
  decisions?: LineDecision[];
  /** Metadata the editor corrected in the preview. */
  metadata?: ImportMetadataCorrections;
};

export type PreparedImport =
  | { ok: true; file: string | null; bytes: Uint8Array; contentHash: string; article: ParsedArticle }
  | { ok: false; file: string | null; error: string; code: string };

/** Text that reached us as a string (pasted, JSON): stored as its UTF-8 bytes. */
export function sourceFromText(text: string, options: { filename?: string | null; format?: ArticleFormat } = {}): ImportSource {
  return { bytes: new TextEncoder().encode(text), filename: options.filename ?? null, format: options.format };
}

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Parses one source. A file the parser refuses becomes a per-file failure with the parser's
 * message for editors; an unexpected parser failure is reported the same way, so one odd file
 * never stops the others of a batch.
 */
export function prepareImport(source: ImportSource): PreparedImport {
  const file = source.filename ?? null;
  try {
    const parsed = parseArticle({ bytes: source.bytes, filename: source.filename ?? undefined, format: source.format });
    const lines = source.decisions?.length ? { ...parsed, ...withDecisions(parsed.lines, source.decisions) } : parsed;
    const article = source.metadata ? withMetadataCorrections(lines, source.metadata) : lines;
    if (article.paragraphs.length === 0) throw new ParseError("no-body");
    return { ok: true, file, bytes: source.bytes, contentHash: contentHash(source.bytes), article };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, file, error: error.message, code: error.code };
    if (error instanceof DecisionsMismatch) return { ok: false, file, error: "The lines chosen in the preview do not match this file.", code: "decisions" };
    console.error(`Importing ${file ?? "pasted text"} failed in the parser:`, error);
    return { ok: false, file, error: "The importer could not read this file.", code: "parser" };
  }
}

class DecisionsMismatch extends Error {}

/**
 * The preview's line choices applied to the parsed lines. Only their RangeError means the choices
 * do not fit the file: elsewhere a RangeError is the parser's own (a page nested deeper than the
 * stack), which is an unreadable file.
 */
function withDecisions(...args: Parameters<typeof applyLineDecisions>): ReturnType<typeof applyLineDecisions> {
  try {
    return applyLineDecisions(...args);
  } catch (error) {
    if (error instanceof RangeError) throw new DecisionsMismatch(error.message);
    throw error;
  }
}

/** A file over the size limit, refused before its bytes are read. */
export function tooLargeImport(file: string | null): PreparedImport {
  const error = new ParseError("too-large");
  return { ok: false, file, error: error.message, code: error.code };
}

/** One element of `npm run import -- --dry-run --json`: exactly these keys, in this order. */
export type DryRunRecord = {
  file: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  kind: string | null;
  paragraphs: string[];
  removed: { text: string; reason: string }[];
  error: string | null;
};

export function dryRunRecord(file: string, prepared: PreparedImport): DryRunRecord {
  if (!prepared.ok) {
    return {
      file,
      title: null,
      outlet: null,
      url: null,
      author: null,
      publishedAt: null,
      language: null,
      kind: null,
      paragraphs: [],
      removed: [],
      error: prepared.error,
    };
  }
  const { article } = prepared;
  return {
    file,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    author: article.author,
    publishedAt: article.publishedAt,
    language: article.language,
    kind: article.kind,
    paragraphs: article.paragraphs,
    removed: article.removed.map(({ text, reason }) => ({ text, reason })),
    error: null,
  };
}
