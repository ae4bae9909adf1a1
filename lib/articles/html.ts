import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { ParseError } from "./errors";
import { parseByline, parseStatedDate } from "./metadata";
import { classifyPageLines } from "./line-classifier";
import { continuesPrevious, normalizeLine } from "./text";
import type { RemovalReason, SourceLine, SourceMetadata } from "./types";

export interface HtmlSource {
  lines: SourceLine[];
  metadata: SourceMetadata;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Never rendered as text; removing them up front guarantees script text cannot leak. JSON-LD
// stays for Readability, which reads its metadata and then removes every script itself.
const INERT_TAGS = "style, noscript, template, iframe, object, embed, svg, canvas, button, select, textarea";
const INERT_SELECTOR = `script:not([type="application/ld+json"]), ${INERT_TAGS}`;
const ALL_INERT_SELECTOR = `script, ${INERT_TAGS}`;

// Elements that start a new paragraph. Everything else is inline and joins the current one.
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
  "caption",
]);

// Share of a page title's words a heading must have to be its headline.
const HEADLINE_SHARE_OF_TITLE = 0.6;
// "Headline | Site", "Headline - Site": the heading opens the title and a separator follows it.
const TITLE_SEPARATOR = /^\s*(?:[|·•»]|::|\s[-–—]\s|[-–—]\s)/;
const MAX_BARE_BYLINE_WORDS = 6;
// Degrees after a name ("Jane Doe, MA"): not part of it.
const DEGREES = /,\s*(?:MA|MS|MD|PhD|Ph\.D\.|MBA|MPH|RN|DO|BSc|MSc|JD)\b\.?/g;
// Labels that byline elements sometimes hold instead of a name.
const NOT_A_BYLINE = /^(?:follow|share|updated|last updated|published|posted|subscribe|author|unknown)\b|[!?]$/i;

// Class or id words of boxes inside an article that are not part of it: related links, sign-up
// and share boxes, pop-up cards. Matched as whole words of the class (split at "-" and "_").
const NOT_ARTICLE_CLASS = /(?:^|[\s_-])(?:related|newsletter|signup|promo|share|sharing|social|rollover|tooltip|popover|author-bio|bio)(?:$|[\s_-])/i;
const MAX_BOX_SHARE = 0.3;
const BYLINE_SELECTOR = '[rel="author"], [itemprop~="author"], [class*="byline"], [class*="author"], [id*="byline"], [id*="author"]';
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|wp-caption-text|credit|image-credit|photo-credit)(?:$|[\s_-])/i;

// The publisher's articleBody counts when this share of it is on the page, it is at least this
// share of Readability's text (not a teaser), and has some length; a line then stays when this
// share of its 4-grams is in it.
const PUBLISHER_BODY_ON_PAGE = 0.8;
const PUBLISHER_BODY_SHARE_OF_PAGE = 0.5;
const MIN_BODY_SHINGLES = 50;
const MIN_LINE_SHINGLES = 5;
const LINE_IN_PUBLISHER_BODY = 0.2;

const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "datePublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "date",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "parsely-pub-date",
  "sailthru.date",
];

/**
 * Reads an HTML page: document metadata first (canonical URL, og:*, article:published_time,
 * lang), then the article body found by Readability, flattened to one line per block element.
 * Scripts are never executed (linkedom has no script engine) and are removed before reading.
 */
export function readHtml(html: string): HtmlSource {
  const document = parseDocument(html);
  // Read before Readability, which rewrites the document.
  const metadata = readDocumentMetadata(document);
  const articleBody = publisherArticleBody(document);
  const titles = [firstHeading(document), meta(document, "og:title", "twitter:title"), document.title] as const;
  document.querySelectorAll(INERT_SELECTOR).forEach((element) => {
    element.remove();
  });
  markBoxesByClass(document);

  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  let lines = article?.content ? blockLines(article.content) : [];
  // Readability mutates the document, so the fallback reads a fresh copy of the page.
  if (lines.length === 0) lines = bodyLines(html);
  if (lines.length === 0) throw new ParseError("no-text");
  if (articleBody) lines = keepPublisherBody(lines, articleBody);
  lines = dropClassifiedFurniture(
    lines,
    bodyLines(html).map((line) => line.text),
    metadata.language,
  );

  return {
    lines,
    metadata: {
      ...metadata,
      title: chooseTitle(titles[0], [article?.title, titles[2]], titles[1]),
      // Readability weighs more sources (Dublin Core, JSON-LD, byline elements) than the meta tags.
      author: (article?.byline ? authorFromByline(article.byline) : null) ?? metadata.author,
      publishedAt: metadata.publishedAt ?? (article?.publishedTime ? parseStatedDate(article.publishedTime) : null),
      outlet: metadata.outlet ?? cleanText(article?.siteName),
    },
  };
}

// Probability below which the line classifier is confident a line is page furniture, and the
// words Readability's article must keep for any line to be removed.
const FURNITURE_BELOW = 0.1;
const MIN_KEPT_WORDS = 150;

/**
 * The copied-text line classifier as a second opinion on Readability's lines. It reads the
 * whole page's text, as it was trained to, and lines it is confident are furniture (teasers,
 * related links, author bios, pop-up cards) are removed from the start and end of Readability's
 * article only: inside it, a low score more often marks a short paragraph than furniture.
 */
export function dropClassifiedFurniture(lines: SourceLine[], page: string[], language: string | null): SourceLine[] {
  const verdict = classifyPageLines(page, language).probability;
  const pageProbability = new Map<string, number>();
  page.forEach((text, i) => {
    pageProbability.set(text, Math.max(pageProbability.get(text) ?? 0, verdict[i]));
  });
  const isArticle = lines.map((line) => !line.preset && (pageProbability.get(line.text) ?? 1) >= FURNITURE_BELOW);
  const first = isArticle.indexOf(true);
  const last = isArticle.lastIndexOf(true);
  let kept = 0;
  for (let i = first; i !== -1 && i <= last; i++) if (!lines[i].preset) kept += lines[i].text.split(" ").length;
  if (kept < MIN_KEPT_WORDS) return lines;
  return lines.map((line, i) => (line.preset || (i >= first && i <= last) ? line : { text: line.text, preset: "outside article" }));
}

/** The `articleBody` of the page's schema.org Article in JSON-LD, if it states one. */
function publisherArticleBody(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const body = findArticleBody(data, 0);
    if (body) return body;
  }
  return null;
}

function findArticleBody(value: unknown, depth: number): string | null {
  if (depth > 4 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const body = findArticleBody(item, depth + 1);
      if (body) return body;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.articleBody === "string" && record.articleBody.trim()) return record.articleBody;
  return findArticleBody(record["@graph"] ?? record.mainEntity ?? null, depth + 1);
}

/**
 * Uses the publisher's own article body as a second opinion on Readability's lines when it is
 * consistent with the page (most of its word 4-grams appear there) and complete (not a teaser):
 * lines of some length sharing almost nothing with it (captions, promotions, related links)
 * are removed. Headings and short lines are left to the line rules.
 */
export function keepPublisherBody(lines: SourceLine[], articleBody: string): SourceLine[] {
  const body = shingles(articleBody);
  const page = shingles(lines.map((line) => line.text).join("\n"));
  if (body.size < MIN_BODY_SHINGLES) return lines;
  let shared = 0;
  for (const shingle of body) if (page.has(shingle)) shared++;
  if (shared < body.size * PUBLISHER_BODY_ON_PAGE || body.size < page.size * PUBLISHER_BODY_SHARE_OF_PAGE) return lines;
  return lines.map((line) => {
    if (line.preset) return line;
    const own = shingles(line.text);
    if (own.size < MIN_LINE_SHINGLES) return line;
    let inBody = 0;
    for (const shingle of own) if (body.has(shingle)) inBody++;
    return inBody < own.size * LINE_IN_PUBLISHER_BODY ? { text: line.text, preset: "outside article" } : line;
  });
}

/** Word 4-grams of lower-cased text, the unit of the benchmark's body metric. */
function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + 4 <= words.length; i++) result.add(words.slice(i, i + 4).join(" "));
  return result;
}

/**
 * Readability rewrites elements and drops their classes, so boxes inside the article are dealt
 * with first: related-link, sign-up, share and pop-up boxes are removed, and caption boxes become
 * figcaptions. A box holding much of the page's text is left alone (a class name can mislead).
 */
function markBoxesByClass(document: Document): void {
  const pageLength = document.body?.textContent?.length ?? 0;
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    if (!element.isConnected) continue;
    const marks = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    const isBox = NOT_ARTICLE_CLASS.test(marks);
    const isCaption = !isBox && CAPTION_CLASS.test(marks) && element.localName !== "figcaption";
    if (!isBox && !isCaption) continue;
    if ((element.textContent?.length ?? 0) > pageLength * MAX_BOX_SHARE) continue;
    // Bylines often sit in share bars: Readability reads them there.
    if (isBox && (/author|byline/i.test(marks) || element.querySelector(BYLINE_SELECTOR))) continue;
    if (isBox) {
      element.remove();
      continue;
    }
    const caption = document.createElement("figcaption");
    while (element.firstChild) caption.appendChild(element.firstChild);
    element.replaceWith(caption);
  }
}

/** linkedom needs an <html> with a <body>: fragments and body-less pages get one. */
function parseDocument(html: string): Document {
  let source = html;
  if (!/<html[\s>]/i.test(html)) source = `<!doctype html><html><head></head><body>${html}</body></html>`;
  else if (!/<body[\s>]/i.test(html)) source = html.replace(/<\/head>/i.test(html) ? /<\/head>/i : /<html[^>]*>/i, (tag) => `${tag}<body>`);
  return parseHTML(source).document;
}

function readDocumentMetadata(document: Document): Omit<SourceMetadata, "title"> {
  const author = meta(document, "author", "article:author", "byl");
  const published = meta(document, ...PUBLISHED_META) ?? document.querySelector("time[pubdate], time[itemprop=datePublished]")?.getAttribute("datetime");
  return {
    url: absoluteUrl(document.querySelector("link[rel~=canonical]")?.getAttribute("href")) ?? absoluteUrl(meta(document, "og:url")),
    author: author ? parseByline(author) : null,
    publishedAt: published ? parseStatedDate(published) : null,
    language: primaryLanguage(document.documentElement?.getAttribute("lang") ?? meta(document, "og:locale", "content-language")),
    outlet: meta(document, "og:site_name", "application-name"),
  };
}

/** The content of the first meta tag named (name, property, itemprop or http-equiv) by one of `keys`. */
function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const selector = ["name", "property", "itemprop", "http-equiv"].map((attribute) => `meta[${attribute}="${key}"]`).join(", ");
    const content = cleanText(document.querySelector(selector)?.getAttribute("content"));
    if (content) return content;
  }
  return null;
}

function firstHeading(document: Document): string | null {
  return cleanText(document.querySelector("h1")?.textContent);
}

/**
 * The visible headline when it is most of the page title ("Headline | Site" → "Headline"), else
 * Readability's title (which weighs JSON-LD, og:title and the title element and strips many site
 * names), else og:title. A heading that is a small part of the title is a logo or a section name.
 */
function chooseTitle(headline: string | null, pageTitles: (string | null | undefined)[], fallback: string | null): string | null {
  const candidates = pageTitles.map(cleanText).filter((title): title is string => Boolean(title));
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
  const isHeadlineOf = (title: string, heading: string) =>
    (title.startsWith(heading) && TITLE_SEPARATOR.test(title.slice(heading.length))) ||
    (title.includes(heading) && words(heading) >= words(title) * HEADLINE_SHARE_OF_TITLE);
  if (headline && candidates.some((title) => isHeadlineOf(title, headline))) return headline;
  return candidates[0] ?? fallback ?? headline;
}

/**
 * The author named by a byline element: the people of its first line ("By Jane Doe, MA"), else
 * the byline itself when it is short and name-like (an organisation, a pen name, a script
 * without capitals). Dates and links in it are dropped.
 */
export function authorFromByline(byline: string): string | null {
  const first = byline
    .split(/\s*\n\s*/)
    .map(normalizeLine)
    .find(Boolean);
  if (!first || NOT_A_BYLINE.test(first)) return null;
  // "By Jane Doe - March 3, 2020": the name is the part before a separator.
  const head = first.split(/\s+[|•·]\s+|\s+[-–—]\s+/)[0];
  const text = normalizeLine(
    head
      .replace(/\([^)]*\)/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(DEGREES, ""),
  );
  const dated = parseStatedDate(text) !== null || /\d/.test(text);
  const named = parseByline(text) ?? (dated ? null : parseByline(text.replace(/^by\s+/i, "").replace(/,.*$/, "")));
  if (named) return named;
  const bare = text.replace(/^(?:written )?by\s+/i, "").replace(/[.,;:]+$/, "");
  const words = bare.split(" ").length;
  return bare && !dated && words <= MAX_BARE_BYLINE_WORDS && !NOT_A_BYLINE.test(bare) ? bare : null;
}

function absoluteUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value.trim()) ? value.trim() : null;
}

function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function cleanText(value: string | null | undefined): string | null {
  return value ? normalizeLine(value) || null : null;
}

function bodyLines(html: string): SourceLine[] {
  const document = parseDocument(html);
  document.querySelectorAll(ALL_INERT_SELECTOR).forEach((element) => {
    element.remove();
  });
  return document.body ? blockLines(document.body) : [];
}

/** One line per block element (and per <br>); figcaptions are marked as captions. */
function blockLines(root: Node): SourceLine[] {
  const lines: SourceLine[] = [];
  let buffer = "";
  const flush = (preset?: RemovalReason) => {
    // A <br> ends a line unless the next one evidently continues the sentence, as in plain text.
    let previous = "";
    for (const part of buffer.split("\n")) {
      const text = normalizeLine(part);
      const last = lines.at(-1);
      if (text && previous && last && continuesPrevious(previous, text, null)) last.text = `${last.text} ${text}`;
      else if (text) lines.push(preset ? { text, preset } : { text });
      previous = text;
    }
    buffer = "";
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      // Source newlines are layout, except inside <pre>.
      const data = node.textContent ?? "";
      buffer += inPre ? data : data.replace(/[\r\n]+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).localName.toLowerCase();
    if (tag === "br") {
      buffer += "\n";
      return;
    }
    const isCaption = tag === "figcaption";
    const isBlock = isCaption || BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    node.childNodes.forEach((child) => {
      walk(child, inPre || tag === "pre");
    });
    if (isBlock) flush(isCaption ? "caption" : undefined);
  };
  walk(root, false);
  flush();
  return lines;
}
