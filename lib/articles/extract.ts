import { classifyBoilerplate, isRelatedLabel } from "./boilerplate";
import { assertTextual, decodeBytes } from "./decode";
import { MAX_IMPORT_BYTES, ParseError } from "./errors";
import { readHtml } from "./html";
import { markHeadline, markHeadlineAboveBody, provisionalTitle } from "./headline";
import { CLASSIFIER_REASONS, classifyCopiedPage } from "./line-blocks";
import { detectKind, kickerLabels } from "./kind";
import { detectLanguage } from "./language";
import { readMarkdown } from "./markdown";
import { outletFromSelfReference, readMetadataLine, type LineFacts } from "./metadata";
import { outletFromUrl } from "./outlets";
import { splitTextIntoLines, wordCount } from "./text";
import { bylineName, findBodyStart, readTextMetadata, type TextMetadata } from "./text-metadata";
import type { ArticleFormat, ClassifiedLine, ParsedArticle, RemovalReason, RemovedLine, SourceLine, SourceMetadata } from "./types";

export { MAX_IMPORT_BYTES, ParseError, type ParseErrorCode } from "./errors";
export { provisionalTitle } from "./headline";
export { REMOVAL_REASONS } from "./types";
export type { ArticleFormat, ClassifiedLine, ParsedArticle, RemovalReason, RemovedLine } from "./types";

export interface ParseInput {
  bytes: Uint8Array;
  filename?: string;
  /** Overrides detection from the filename extension and from the content. */
  format?: ArticleFormat;
}

/** An editor's choice for one line of `ParsedArticle.lines`, addressed by its index. */
export interface LineDecision {
  index: number;
  kept: boolean;
}

export interface LineContent {
  lines: ClassifiedLine[];
  paragraphs: string[];
  removed: RemovedLine[];
}

/** Facts gathered from metadata lines while classifying. */
interface LineMetadata {
  author: string | null;
  commentators: string[];
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
  publishedTime: string | null;
  disclaimer: string | null;
  opinionDisclaimer: boolean;
  sectionLabels: string[];
}

const EXTENSION_FORMATS: Record<string, ArticleFormat> = {
  txt: "text",
  text: "text",
  html: "html",
  htm: "html",
  xhtml: "html",
  md: "markdown",
  markdown: "markdown",
};

const BARE_URL = /^<?https?:\/\/\S+>?$/i;

// The header (headline, bylines, dates) ends at the first line long enough to be body text.
const BODY_LINE_WORDS = 20;

/**
 * Parses an imported file. The format comes from `format`, else the filename extension
 * (.txt, .html/.htm, .md/.markdown), else the content. Throws ParseError for files that cannot
 * become an article (empty, binary, over MAX_IMPORT_BYTES, unknown encoding, no text).
 */
export function parseArticle(input: ParseInput): ParsedArticle {
  if (input.bytes.length === 0) throw new ParseError("empty");
  if (input.bytes.length > MAX_IMPORT_BYTES) throw new ParseError("too-large");
  const { text, encoding } = decodeBytes(input.bytes);
  if (!text.trim()) throw new ParseError("empty");
  const format = input.format ?? formatFromFilename(input.filename) ?? sniffFormat(text);
  return buildArticle(text, format, encoding);
}

/** Parses text pasted into the import form (a JavaScript string, sent as UTF-8). */
export function parsePastedText(text: string): ParsedArticle {
  if (!text.trim()) throw new ParseError("empty");
  if (utf8Length(text) > MAX_IMPORT_BYTES) throw new ParseError("too-large");
  assertTextual(text);
  return buildArticle(text, sniffFormat(text), "utf-8");
}

/** The text annotation offsets count: paragraphs separated by one blank line. */
export function normalizedText(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

/**
 * Rebuilds the body after an editor restored removed lines or removed kept ones. Lines removed
 * by the editor get the reason "editor"; a restored line keeps its original reason so that
 * removing it again shows why the parser had dropped it.
 */
export function applyLineDecisions(lines: readonly ClassifiedLine[], decisions: readonly LineDecision[]): LineContent {
  const next = lines.map((line) => ({ ...line }));
  for (const { index, kept } of decisions) {
    const line = next[index];
    if (!line) throw new RangeError(`There is no line ${index} (the article has ${next.length}).`);
    line.kept = kept;
    if (!kept && !line.reason) line.reason = "editor";
  }
  return { lines: next, ...deriveContent(next) };
}

export function formatFromFilename(filename: string | undefined): ArticleFormat | null {
  const extension = filename?.match(/\.([a-z0-9]+)$/i)?.[1].toLowerCase();
  return (extension && EXTENSION_FORMATS[extension]) || null;
}

/**
 * Whether a file found in a folder is an article to import: a known article format, or a
 * name without extension (taken as text). Other files in a folder (data, images) are skipped.
 */
export function isArticleFilename(filename: string): boolean {
  return formatFromFilename(filename) !== null || !/\.[^./]+$/.test(filename);
}

/** Guesses the format of unlabelled text from markup near its start. */
export function sniffFormat(text: string): ArticleFormat {
  const head = text.slice(0, 4096);
  if (/^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype html|html[\s>])/i.test(head)) return "html";
  const closingTags = head.match(/<\/(?:p|div|span|a|h[1-6]|li|article|section|body|strong|em|b|i)>/gi)?.length ?? 0;
  if (closingTags >= 3) return "html";
  if (/^\s*#{1,6} \S/.test(head)) return "markdown";
  const markdownSignals = [/^#{1,6} \S/m, /\[[^\]\n]+\]\([^)\s]+\)/, /(\*\*|__)\S[^\n]*?\S\1/, /^> \S/m, /^```/m, /^\s*[-*+] \S/m].filter((pattern) =>
    pattern.test(head),
  ).length;
  return markdownSignals >= 2 ? "markdown" : "text";
}

function buildArticle(text: string, format: ArticleFormat, encoding: string): ParsedArticle {
  const source = readSource(text, format);
  const { lines, metadata } = classifyLines(source.lines, format);
  // Copied web pages carry menus, comments and link lists the rules cannot name one by one.
  const beforeClassifier = format === "text" ? lines.map((line) => ({ ...line })) : null;
  const classified = format === "text" ? classifyCopiedPage(lines) : null;
  // Metadata sits in the header lines the classifier removes: it is read from the lines as the
  // rules left them, around the body the classifier found.
  const fromText = beforeClassifier
    ? ((classified?.applied ? openingUnderHeader(lines, beforeClassifier, classified.language) : null) ??
      readTextMetadata(beforeClassifier, classified?.applied ? classifiedBodyStart(lines) : undefined, classified?.language))
    : null;
  if (fromText) markTextDateLine(lines, fromText);
  // A page whose markup states no date or author may still print them in its header, read there as in a copied page.
  const unsaid = !(source.metadata.publishedAt || metadata.publishedAt) || !(source.metadata.author || metadata.author);
  const fromPage = source.page && unsaid ? readPageMetadata(source.page, source.metadata.language) : null;
  const headline = fromText ? markTextHeadline(lines, fromText, classified?.applied ?? false) : markHeadline(lines, source.metadata.title);
  const { paragraphs, removed } = deriveContent(lines);
  if (paragraphs.length === 0) throw new ParseError("no-body");

  const url = source.metadata.url ?? metadata.url;
  const title = source.metadata.title ?? headline;
  return {
    title: title ?? provisionalTitle(paragraphs[0]),
    titleProvisional: title === null,
    outlet: source.metadata.outlet ?? (url ? outletFromUrl(url) : null) ?? metadata.outlet ?? fromText?.outlet ?? outletFromSelfReference(paragraphs),
    url,
    author: source.metadata.author ?? fromText?.author ?? metadata.author ?? fromPage?.author ?? null,
    commentators: metadata.commentators,
    // The time goes with the day it was stated with.
    ...publication(source.metadata.publishedAt ? source.metadata : fromText?.publishedAt ? fromText : metadata.publishedAt || !fromPage ? metadata : fromPage),
    language: source.metadata.language ?? detectLanguage(paragraphs),
    kind: detectKind({
      title,
      sectionLabels: beforeClassifier ? kickerLabels(beforeClassifier, fromText?.headlineIndex ?? null) : metadata.sectionLabels,
      opinionDisclaimer: metadata.opinionDisclaimer,
      commentators: metadata.commentators,
      paragraphs,
    }),
    disclaimer: metadata.disclaimer,
    paragraphs,
    removed,
    lines,
    encoding,
    format,
    ...(classified ? { noArticleFound: classified.noArticleFound, classifiedLanguage: classified.language } : {}),
  };
}

// The article's header (headline, standfirst, byline, date, a picture's caption) spans at most this many lines.
const HEADER_LINES = 8;
// A blog's header may date the post over its title ("March 12, 2024", a category, the title).
const DATE_ABOVE_HEADLINE = 3;

/**
 * An article cut by charts or a video player: the classifier may keep only its last stretch and
 * detach the paragraphs above (line-blocks.ts). When the first detached paragraphs sit right under
 * a headline and its date line (or a date line just over the headline), they open the article: they and the detached paragraphs between
 * them and the kept body are restored (still marked unsure, for the editor to check), and the
 * header is read above them. Null otherwise.
 */
function openingUnderHeader(lines: ClassifiedLine[], beforeClassifier: readonly ClassifiedLine[], language: string | null): TextMetadata | null {
  const first = lines.findIndex((line) => line.reason === "detached paragraphs");
  const body = lines.findIndex((line) => line.kept);
  if (first === -1 || body === -1 || first > body) return null;
  const header = readTextMetadata(beforeClassifier, first, language);
  if (header.headlineIndex === null || first - header.headlineIndex > HEADER_LINES) return null;
  // Dated above them, under the headline or just over it: a standfirst or an author's note between the headline and its date line is header, not article.
  if (header.dateLineIndex === null || header.dateLineIndex < header.headlineIndex - DATE_ABOVE_HEADLINE || header.dateLineIndex > first) return null;
  for (let i = first; i < body; i++) if (lines[i].reason === "detached paragraphs") lines[i] = { text: lines[i].text, kept: true, unsure: true };
  return header;
}

/**
 * Where the classifier's body begins, for reading the header above it: its first long prose run,
 * else (a table of results, a list of short items) its first kept line.
 */
function classifiedBodyStart(lines: readonly ClassifiedLine[]): number | null {
  const first = lines.findIndex((line) => line.kept);
  return findBodyStart(lines) ?? (first === -1 ? null : first);
}

/**
 * Marks the headline found in copied text. When a body was found but no line above it is
 * title-like enough, the title stays provisional for the editor to confirm. A page without prose
 * (a short note) falls back to the classifier's or the first line when that looks like a headline.
 */
function markTextHeadline(lines: ClassifiedLine[], found: TextMetadata, classifierApplied: boolean): string | null {
  if (found.bodyStart === null) return classifierApplied ? markHeadlineAboveBody(lines, CLASSIFIER_REASONS) : markHeadline(lines, null);
  if (found.headlineIndex === null) return null;
  const line = lines[found.headlineIndex];
  lines[found.headlineIndex] = { text: line.text, kept: false, reason: "headline" };
  return found.headline ?? line.text;
}

/**
 * A page's date and author, read from its text as from a copied page's, for what its markup leaves
 * unsaid. The author only where a line credits them as a byline does ("By Jane Doe"): a name alone
 * over a date, which a copied page's reader accepts, is on a page with markup as often the blog's
 * or the section's name.
 */
function readPageMetadata(page: readonly string[], language: string | null): Pick<TextMetadata, "author" | "publishedAt" | "publishedTime"> {
  const { lines } = classifyLines(
    page.map((text) => ({ text })),
    "text",
  );
  const found = readTextMetadata(lines, undefined, language);
  const credited = found.author !== null && page.some((line) => bylineName(line) === found.author);
  return { author: credited ? found.author : null, publishedAt: found.publishedAt, publishedTime: found.publishedTime };
}

/** The header's date line the rules did not read (a month in another language than English) is header, not body. */
function markTextDateLine(lines: ClassifiedLine[], found: TextMetadata): void {
  if (found.dateLineIndex === null) return;
  const line = lines[found.dateLineIndex];
  if (line.kept) lines[found.dateLineIndex] = { text: line.text, kept: false, reason: "dateline" };
}

function readSource(text: string, format: ArticleFormat): { lines: SourceLine[]; metadata: SourceMetadata; page?: string[] } {
  if (format === "html") return readHtml(text);
  if (format === "markdown") return readMarkdown(text);
  return {
    lines: splitTextIntoLines(text),
    metadata: { title: null, author: null, url: null, outlet: null, publishedAt: null, publishedTime: null, language: null },
  };
}

/** Classifies every line as body or as removed with a reason, collecting metadata on the way. */
function classifyLines(source: readonly SourceLine[], format: ArticleFormat): { lines: ClassifiedLine[]; metadata: LineMetadata } {
  const lines: ClassifiedLine[] = [];
  const metadata: LineMetadata = {
    author: null,
    commentators: [],
    url: null,
    outlet: null,
    publishedAt: null,
    publishedTime: null,
    disclaimer: null,
    opinionDisclaimer: false,
    sectionLabels: [],
  };
  let inHeader = true;
  for (let i = 0; i < source.length; i++) {
    const { text, preset } = source[i];
    if (preset) {
      lines.push(removedLine(text, preset));
      continue;
    }
    const facts = readMetadataLine(text, source[i + 1]?.text, inHeader);
    // A page's own address comes from its markup: a bare address in an HTML article is a
    // source or a link the article gives its readers.
    if (facts && !(format === "html" && BARE_URL.test(text))) {
      collectFacts(metadata, facts);
      lines.push(removedLine(text, facts.reason));
      if (facts.consumesNext) lines.push(removedLine(source[++i].text, facts.reason));
      continue;
    }
    const reason = classifyBoilerplate(text) ?? (text === source[i - 1]?.text ? "duplicate" : null) ?? (isRelatedTitle(lines, text) ? "related link" : null);
    lines.push(reason ? removedLine(text, reason) : { text, kept: true });
    if (!reason && wordCount(text) >= BODY_LINE_WORDS) inHeader = false;
  }
  return { lines, metadata };
}

// Titles a "Read more:" label lists: a few short lines that do not end as a sentence does.
const MAX_RELATED_TITLES = 5;
const MAX_RELATED_TITLE_WORDS = 16;

/** A title under a "Read more:" or "Related" label, or under another such title right below one. */
function isRelatedTitle(lines: readonly ClassifiedLine[], text: string): boolean {
  // A subheading in capitals after the list goes back to the article.
  if (wordCount(text) > MAX_RELATED_TITLE_WORDS || /[.,;:]$/.test(text) || !/^\p{Lu}|^\p{N}|^["“‘']/u.test(text) || text === text.toUpperCase()) return false;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - MAX_RELATED_TITLES); i--) {
    if (isRelatedLabel(lines[i].text)) return true;
    if (lines[i].reason !== "related link") return false;
  }
  return false;
}

function publication(source: { publishedAt: string | null; publishedTime: string | null }): Pick<ParsedArticle, "publishedAt" | "publishedTime"> {
  return { publishedAt: source.publishedAt, publishedTime: source.publishedAt ? source.publishedTime : null };
}

/** The first statement of each fact wins; guests and section labels accumulate. */
function collectFacts(metadata: LineMetadata, facts: LineFacts): void {
  metadata.author ??= facts.author ?? null;
  metadata.url ??= facts.url ?? null;
  metadata.outlet ??= facts.outlet ?? null;
  if (!metadata.publishedAt && facts.publishedAt) {
    metadata.publishedAt = facts.publishedAt;
    metadata.publishedTime = facts.publishedTime ?? null;
  }
  metadata.disclaimer ??= facts.disclaimer ?? null;
  metadata.opinionDisclaimer ||= facts.opinionDisclaimer ?? false;
  for (const name of facts.commentators ?? []) {
    if (!metadata.commentators.includes(name)) metadata.commentators.push(name);
  }
  if (facts.sectionLabel) metadata.sectionLabels.push(facts.sectionLabel);
}

function removedLine(text: string, reason: RemovalReason): ClassifiedLine {
  return { text, kept: false, reason };
}

function deriveContent(lines: readonly ClassifiedLine[]): { paragraphs: string[]; removed: RemovedLine[] } {
  const paragraphs: string[] = [];
  const removed: RemovedLine[] = [];
  for (const line of lines) {
    if (line.kept) paragraphs.push(line.text);
    else removed.push({ text: line.text, reason: line.reason ?? "editor" });
  }
  return { paragraphs, removed };
}

/** UTF-8 byte length without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
