import { Readability } from "@mozilla/readability";
import * as chrono from "chrono-node";
import { parseHTML } from "linkedom";
import { relatedLabelLength } from "./boilerplate";
import { ParseError } from "./errors";
import { parseByline, parseStatedDate, parseStatedTime } from "./metadata";
import { classifyPageLines } from "./line-classifier";
import { continuesPrevious, normalizeLine } from "./text";
import type { RemovalReason, SourceLine, SourceMetadata } from "./types";

export interface HtmlSource {
  lines: SourceLine[];
  metadata: SourceMetadata;
  /** The whole page's text, a line per block, as a browser's copy of it reads. */
  page: string[];
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
  keepEmbeddedPosts(document);
  markBoxesByClass(document);

  const markedByline = bylineInMarkup(document);
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const readabilityAuthor = article?.byline ? authorFromByline(article.byline) : null;
  // A byline read with its date ("Jane Doe Monday, February 29") is better read one text at a time.
  const author = (article?.byline && /\d/.test(article.byline) ? (markedByline ?? readabilityAuthor) : readabilityAuthor) ?? metadata.author ?? markedByline;
  const withinSite = linksWithinSite(metadata.url);
  let lines: SourceLine[] = article?.content ? dropLinkLines(blockLines(article.content, withinSite), withinSite) : [];
  lines = dropArticleEdges(lines, [...titles, article?.title ?? null], author, metadata.language);
  lines = dropEdgePrompts(lines);
  // Readability mutates the document, so the fallback reads a fresh copy of the page.
  if (lines.length === 0) lines = bodyLines(html);
  if (lines.length === 0) throw new ParseError("no-text");
  if (articleBody) lines = keepPublisherBody(lines, articleBody);
  const page = bodyLines(html).map((line) => line.text);
  lines = dropClassifiedFurniture(lines, page, metadata.language);

  return {
    lines,
    page,
    metadata: {
      ...metadata,
      title: chooseTitle(titles[0], [article?.title, titles[2]], titles[1]),
      // Readability weighs more sources (Dublin Core, JSON-LD, byline elements) than the meta tags.
      author,
      ...(metadata.publishedAt || !article?.publishedTime
        ? {}
        : { publishedAt: parseStatedDate(article.publishedTime), publishedTime: parseStatedTime(article.publishedTime) }),
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

// A short line with this share of its letters in links within the site is a link to elsewhere.
const LINK_LINE_SHARE = 0.8;
const LINK_LINE_WORDS = 20;

/** Lines that are mostly link text: related stories, "read more" and app or sign-up links. */
function dropLinkLines(lines: BlockLine[], withinSite: (href: string) => boolean): SourceLine[] {
  const result: SourceLine[] = lines.map(({ text, preset, letters, linkLetters }) => {
    if (preset) return { text, preset };
    // The page's own address, written out to be copied or shared.
    if (BARE_URL.test(text) && withinSite(text.replace(/^<|>$/g, ""))) return { text, preset: "source link" };
    // Mostly link text, not counting a "Read also" label set before the link on one line with it.
    const labelLetters = letterCount(text.slice(0, relatedLabelLength(text)));
    if (letters > 0 && linkLetters >= (letters - labelLetters) * LINK_LINE_SHARE && text.split(" ").length <= LINK_LINE_WORDS)
      return { text, preset: "related link" };
    return { text };
  });
  // The label of a list of links ("More:", "You may also like", "Related stories").
  for (let i = result.length - 2; i >= 0; i--) {
    const { text, preset } = result[i];
    if (preset || result[i + 1].preset !== "related link") continue;
    const listFollows = result[i + 2]?.preset === "related link";
    if (text.split(" ").length <= LINK_LABEL_WORDS && !/[.!?"”]$/.test(text) && (listFollows || /[:…]$|\.\.\.$/.test(text)))
      result[i] = { text, preset: "related link" };
  }
  return result;
}

const LINK_LABEL_WORDS = 5;
const BARE_URL = /^<?https?:\/\/\S+>?$/i;

// A line of this many words, ending a sentence, is prose: the article's header and footer
// (headline, bylines, datelines, author notes) lie before the first and after the last one.
const PROSE_WORDS = 12;
const MAX_EDGE_LINE_WORDS = 12;
const MAX_BYLINE_LINE_WORDS = 8;
// A byline names the author and little else ("Jane Doe, AP Auto Writer").
const MAX_BYLINE_EXTRA_CHARS = 25;
// "5 min read", "Reading time: 2 minutes", "Tempo de leitura: 1 minuto".
const READING_TIME = /\d+\s*(?:min|mins|minutes?)\.?\s+read\b|\b(?:read(?:ing)? time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\b/i;
const MAX_READING_TIME_WORDS = 6;
// Longer lines are prose (and reading them for dates costs time).
const MAX_DATELINE_WORDS = 25;
const PUBLICATION_WORD = /\b(?:updated|published|posted|modified)\b/i;
// Words around a date that do not make a line more than a dateline.
const DATE_FILLER = /^(?:updated|published|posted|last|modified|on|at|by|and|am|pm|a|p|m|est|edt|pst|pdt|cst|cdt|gmt|utc|bst|cet|ist|et|pt|ct|mt)$/i;

/**
 * The article's header and footer lines that Readability leaves in: the headline repeated, a
 * dateline, the author's name or a note about the author.
 */
function dropArticleEdges(lines: SourceLine[], titles: readonly (string | null | undefined)[], author: string | null, language: string | null): SourceLine[] {
  const titleKeys = titles.map((title) => (title ? comparable(title) : "")).filter((key) => key.length > 0);
  const isHeadline = (text: string) => {
    const key = comparable(text);
    return titleKeys.some((title) => key === title || (key.endsWith(title) && key.length < title.length + 40));
  };
  const isProse = (text: string) => text.split(" ").length >= PROSE_WORDS && /[.!?"”’)]$/.test(text) && !isHeadline(text);
  const firstProse = lines.findIndex((line) => !line.preset && isProse(line.text));
  if (firstProse === -1) return lines;
  let lastProse = lines.length - 1;
  while (lastProse > firstProse && (lines[lastProse].preset || !isProse(lines[lastProse].text))) lastProse--;
  const authorKey = author ? comparable(author) : null;
  const local = language && language !== "en" ? DATE_PARSERS[language] : undefined;
  const dates = local ? [chrono.casual, local] : [chrono.casual];
  return lines.map((line, i) => {
    if (line.preset) return line;
    let reason: RemovalReason | null = null;
    if (i < firstProse || i > lastProse) {
      reason = isHeadline(line.text) ? "headline" : edgeReason(line.text, authorKey, dates);
      // "Readout", "Analysis", "Exclusive" over the headline: the kind of piece, not its text.
      if (!reason && i < firstProse && KIND_LABEL.test(line.text)) reason = "section label";
    } else if (i >= lastProse - 1 && authorKey && isAuthorNote(line.text, authorKey)) reason = "byline";
    return reason ? { text: line.text, preset: reason } : line;
  });
}

const KIND_LABEL = /^\p{Lu}[\p{L}-]*$/u;

// What the site asks of its readers around an article: to subscribe, follow, share, listen,
// send tips; and the agency's credits for reporting and editing.
const READER_PROMPT =
  /\b(?:subscribe|sign up|newsletters?|follow (?:us|him|her|me|them)|join (?:us|our)|download (?:the|our)|click here|share (?:it|this)|your inbox|delivered (?:to|through|every|weekday)|listen (?:to|live)|get access|have a (?:news )?tip|like this (?:story|article)|more stories like this|follow [^.!?]{1,40} on (?:twitter|facebook|instagram|youtube|linkedin|tiktok))\b/i;
const CREDITS = /^\(?(?:additional )?(?:reporting|writing|editing|compiled|edited) by\b/i;
const MAX_PROMPT_WORDS = 60;
const MAX_FURNITURE_WORDS = 5;

/**
 * Runs of reader prompts and credits at the start and the end of the article (preset lines
 * between them are skipped): "Sign up for our newsletter", "Follow us on Twitter",
 * "(Reporting by …; editing by …)". Inside the article such a sentence may be the story itself.
 */
function dropEdgePrompts(lines: SourceLine[]): SourceLine[] {
  const result = [...lines];
  const isPrompt = (text: string) => text.split(" ").length <= MAX_PROMPT_WORDS && (READER_PROMPT.test(text) || CREDITS.test(text));
  const order = [...result.keys()];
  for (const indices of [order, order.toReversed()]) {
    // Short lines among the prompts ("Advert", "Tell us what you think") go with them.
    let pending: number[] = [];
    for (const i of indices) {
      const { text, preset } = result[i];
      if (preset) continue;
      if (!isPrompt(text)) {
        if (text.split(" ").length > MAX_FURNITURE_WORDS || (/[.!?]["”’]?$/.test(text) && !/\.\.\.$/.test(text))) break;
        pending.push(i);
        continue;
      }
      for (const j of [...pending, i]) result[j] = { text: result[j].text, preset: CREDITS.test(result[j].text) ? "credit" : "subscription prompt" };
      pending = [];
    }
  }
  return result;
}

// Dates are read in English and in the page's language.
const DATE_PARSERS: Record<string, chrono.Chrono> = {
  de: chrono.de.casual,
  es: chrono.es.casual,
  fr: chrono.fr.casual,
  id: chrono.id.casual,
  it: chrono.it.casual,
  nl: chrono.nl.casual,
  pt: chrono.pt.casual,
  ru: chrono.ru.casual,
  sv: chrono.sv.casual,
};

function edgeReason(text: string, authorKey: string | null, dates: readonly chrono.Chrono[]): RemovalReason | null {
  const words = text.split(" ").length;
  const key = comparable(text);
  if (authorKey && isAuthorNote(text, authorKey)) return "byline";
  if (dates.some((parser) => isDateline(text, parser))) return "dateline";
  if (words <= MAX_READING_TIME_WORDS && READING_TIME.test(text)) return "dateline";
  if (words > MAX_EDGE_LINE_WORDS) return null;
  if (authorKey && words <= MAX_BYLINE_LINE_WORDS && key.includes(authorKey) && key.length <= authorKey.length + MAX_BYLINE_EXTRA_CHARS) return "byline";
  if (/^by$/i.test(text)) return "byline";
  return null;
}

/** "Jane Doe is a reporter for …", "Jane Doe has covered …": a note about the author. */
function isAuthorNote(text: string, authorKey: string): boolean {
  const key = comparable(text);
  return key.startsWith(authorKey) && /^ (?:is|was|has|writes|covers|lives)\b/.test(key.slice(authorKey.length));
}

/** A line that is a date or time and little else ("Updated 1:39 am EST, November 20, 2019"). */
function isDateline(text: string, parser: chrono.Chrono): boolean {
  if (!/\d/.test(text) || text.split(" ").length > MAX_DATELINE_WORDS) return false;
  const found = parser.parse(text);
  // A calendar day, or a time said to be the publication's ("Updated at 1:23 p.m."): not a
  // schedule or a duration.
  if (!found.some((result) => result.start.isCertain("day") && result.start.isCertain("month")) && !PUBLICATION_WORD.test(text)) return false;
  let rest = text;
  for (const result of found) rest = rest.replace(result.text, " ");
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter((word) => word && !DATE_FILLER.test(word));
  return words.length <= 2;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");
}

/**
 * Which links lead elsewhere on the page's own site: relative ones, and those to its host or a
 * host of the same domain. Links to other sites are sources, shops and embeds, often part of
 * the article; links within the site are its related stories, sections and sign-up pages.
 */
function linksWithinSite(pageUrl: string | null): (href: string) => boolean {
  const site = pageUrl ? siteOf(pageUrl) : null;
  return (href) => {
    const target = href.trim();
    if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(target)) return !/^(?:mailto|tel|javascript):/i.test(target);
    return site === null || siteOf(target) === site;
  };
}

/** The registrable part of a URL's host, roughly: "news.example.co.uk" → "example.co.uk". */
function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url.startsWith("//") ? `https:${url}` : url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.split(".");
  // "co.uk", "com.br": a short second-level label under a country code belongs to the suffix.
  const suffixLabels = labels.length > 2 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3 ? 3 : 2;
  return labels.slice(-suffixLabels).join(".");
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

// Text a wrapper may hold beside the post it embeds (a "view on Twitter" link, a credit).
const EMBED_WRAPPER_EXTRA_CHARS = 200;

/**
 * Posts quoted from social networks (a blockquote, as their embed code gives it) are part of
 * the story, but their wrappers' classes ("social-media-embed") read to Readability as page
 * furniture: the blockquote and the wrappers holding little else lose their class and id, and
 * its links become text.
 */
function keepEmbeddedPosts(document: Document): void {
  for (const quote of document.querySelectorAll("blockquote")) {
    // Its links (the post's address, its date) would make it read as a list of links.
    for (const link of quote.querySelectorAll("a")) link.replaceWith(...link.childNodes);
    const length = quote.textContent?.length ?? 0;
    let element: Element | null = quote;
    while (element && element.localName !== "body" && (element.textContent?.length ?? 0) <= length + EMBED_WRAPPER_EXTRA_CHARS) {
      element.removeAttribute("class");
      element.removeAttribute("id");
      element = element.parentElement;
    }
  }
}

/**
 * Readability rewrites elements and drops their classes, so boxes inside the article are dealt
 * with first: related-link, sign-up, share and pop-up boxes are removed, and caption boxes become
 * figcaptions. A box holding much of the page's text is left alone (a class name can mislead).
 */
function markBoxesByClass(document: Document): void {
  const pageLength = document.body?.textContent?.length ?? 0;
  for (const element of [...document.querySelectorAll("[class], [id]")].reverse()) {
    if (!element.isConnected) continue;
    // "newsCaption", "relatedLinks": camel-case words count as words of the class.
    const marks = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
    const isBox = NOT_ARTICLE_CLASS.test(marks);
    const isCaption = !isBox && CAPTION_CLASS.test(marks) && element.localName !== "figcaption";
    if (!isBox && !isCaption) continue;
    if ((element.textContent?.length ?? 0) > pageLength * MAX_BOX_SHARE) continue;
    // Bylines often sit in share bars: Readability reads them there.
    if (isBox && (/author|byline/i.test(marks) || element.querySelector(BYLINE_SELECTOR))) continue;
    // A few words of the sentence around it ("Rep. <a class="rollover-link">Name</a>") stay:
    // only the pop-up card beside them goes (boxes are visited innermost first).
    if (isBox && isWordsInSentence(element)) continue;
    if (isBox) {
      element.remove();
      continue;
    }
    const caption = document.createElement("figcaption");
    while (element.firstChild) caption.appendChild(element.firstChild);
    element.replaceWith(caption);
  }
}

const INLINE_BOXES = new Set(["span", "a", "em", "strong", "b", "i"]);

const MAX_INLINE_BOX_WORDS = 5;

function isWordsInSentence(element: Element): boolean {
  if (!INLINE_BOXES.has(element.localName)) return false;
  const text = element.textContent?.trim() ?? "";
  if (text.split(/\s+/).length > MAX_INLINE_BOX_WORDS) return false;
  let block = element.parentElement;
  while (block && INLINE_BOXES.has(block.localName)) block = block.parentElement;
  return (block?.textContent?.trim().length ?? 0) > text.length * 2;
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
    publishedTime: published ? parseStatedTime(published) : null,
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
  // "By Jane Doe - March 3, 2020": the name is the part before a separator; "by Jane Doe22 Dec 2016":
  // a date glued to the name by a page whose elements had no space between them.
  const head = first.split(/\s+[|•·]\s+|\s+[-–—]\s+/)[0].replace(/(?<=\p{Ll})\d.*$/u, "");
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

// Where a name marked as an author is a commenter's or another article's.
const NOT_BYLINE_PLACE = /comment|repl(?:y|ies)|respon|sidebar|widget|related|footer/i;
const MAX_BYLINE_CHARS = 100;

/**
 * The writer named by the page's first byline element (rel="author", itemprop="author", a
 * byline or author class), read before Readability: it finds one only while walking the
 * elements it keeps, and a first pass that keeps enough text never visits a header it drops.
 * Only a person's name counts here, and never inside comments, footers or side boxes.
 */
function bylineInMarkup(document: Document): string | null {
  for (const element of document.querySelectorAll(BYLINE_SELECTOR)) {
    const text = normalizeLine(element.textContent ?? "");
    if (!text || text.length >= MAX_BYLINE_CHARS || insideNonArticlePlace(element)) continue;
    // With a date beside the name ("Joe Wee Monday, February 29, 2016"), each of its texts alone.
    const name = /\d/.test(text) ? textsOf(element).map(parseByline).find(Boolean) : parseByline(text);
    if (name) return name;
  }
  return null;
}

function textsOf(node: Node): string[] {
  if (node.nodeType === TEXT_NODE) return [normalizeLine(node.textContent ?? "")].filter(Boolean);
  return [...node.childNodes].flatMap(textsOf);
}

function insideNonArticlePlace(element: Element): boolean {
  for (let at: Element | null = element; at && at.localName !== "body"; at = at.parentElement) {
    if (at.localName === "footer" || at.localName === "aside" || at.localName === "nav") return true;
    if (NOT_BYLINE_PLACE.test(`${at.getAttribute("class") ?? ""} ${at.getAttribute("id") ?? ""}`)) return true;
  }
  return false;
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

/** A line of the article with how much of its text is link text (related links, teasers). */
interface BlockLine extends SourceLine {
  letters: number;
  linkLetters: number;
}

const LINK_OPEN = "\u0001";
const LINK_CLOSE = "\u0002";
const LETTER = /[\p{L}\p{N}]/gu;

function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

/** Letters of `part` and of its link text (between LINK_OPEN and LINK_CLOSE marks). */
function measureLinks(part: string): { text: string; letters: number; linkLetters: number } {
  let linkLetters = 0;
  for (const match of part.matchAll(/\u0001([^\u0002]*)\u0002?/g)) linkLetters += letterCount(match[1]);
  const text = part.replace(/[\u0001\u0002]/g, "");
  return { text, letters: letterCount(text), linkLetters };
}

const LINK_LIST_SHARE = 0.3;
const MAX_LINK_ITEM_WORDS = 20;

/**
 * A list of links within the site ("More stories" under the article): every item short and
 * holding such a link, and most of the list's letters link text.
 */
function isLinkList(list: Element, countsAsLink: (href: string) => boolean): boolean {
  const items = [...list.children].filter((child) => child.localName === "li");
  if (items.length < 2) return false;
  let letters = 0;
  let linkLetters = 0;
  for (const item of items) {
    const text = item.textContent ?? "";
    if (text.split(/\s+/).filter(Boolean).length > MAX_LINK_ITEM_WORDS) return false;
    const links = [...item.querySelectorAll("a[href]")].filter((link) => countsAsLink(link.getAttribute("href") ?? ""));
    if (links.length === 0) return false;
    letters += letterCount(text);
    for (const link of links) linkLetters += letterCount(link.textContent ?? "");
  }
  return linkLetters >= letters * LINK_LIST_SHARE;
}

/** One line per block element (and per <br>); figcaptions are marked as captions. */
function blockLines(root: Node, countsAsLink: (href: string) => boolean = () => true): BlockLine[] {
  const lines: BlockLine[] = [];
  let buffer = "";
  let linkDepth = 0;
  // What the blocks inside a figcaption or a list of links are.
  const marks: RemovalReason[] = [];
  const flush = (preset?: RemovalReason) => {
    // A <br> ends a line unless the next one evidently continues the sentence, as in plain text.
    let previous = "";
    // A link cut by a <br> stays open on the next part.
    let open = false;
    for (const raw of buffer.split("\n")) {
      const part: string = (open ? LINK_OPEN : "") + raw;
      open = part.lastIndexOf(LINK_OPEN) > part.lastIndexOf(LINK_CLOSE);
      const measured = measureLinks(part);
      const text = normalizeLine(measured.text);
      const last = lines.at(-1);
      if (text && previous && last && continuesPrevious(previous, text, null)) {
        last.text = `${last.text} ${text}`;
        last.letters += measured.letters;
        last.linkLetters += measured.linkLetters;
      } else if (text) lines.push({ text, letters: measured.letters, linkLetters: measured.linkLetters, ...(preset ? { preset } : {}) });
      previous = text;
    }
    buffer = linkDepth > 0 ? LINK_OPEN : "";
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      // Source newlines are layout, except inside <pre>.
      const data = (node.textContent ?? "").replace(/[\u0001\u0002]/g, "");
      buffer += inPre ? data : data.replace(/[\r\n]+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).localName.toLowerCase();
    if (tag === "br") {
      buffer += "\n";
      return;
    }
    // A table row is one line, its cells separated as in copied text.
    if (tag === "td" || tag === "th") buffer += " ";
    const isCaption = tag === "figcaption";
    const isBlock = isCaption || BLOCK_TAGS.has(tag);
    if (isBlock) flush(marks.at(-1));
    const mark = isCaption ? "caption" : (tag === "ul" || tag === "ol") && isLinkList(node as Element, countsAsLink) ? "related link" : null;
    if (mark) marks.push(mark);
    const isLink = tag === "a" && countsAsLink((node as Element).getAttribute("href") ?? "");
    if (isLink) {
      buffer += LINK_OPEN;
      linkDepth++;
    }
    node.childNodes.forEach((child) => {
      walk(child, inPre || tag === "pre");
    });
    if (isLink) {
      buffer += LINK_CLOSE;
      linkDepth--;
    }
    if (isBlock) flush(marks.at(-1));
    if (mark) marks.pop();
  };
  walk(root, false);
  flush();
  return lines;
}
