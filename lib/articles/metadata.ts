import * as chrono from "chrono-node";
import { PROMPT_SENTENCE } from "./boilerplate";
import { outletName } from "./outlets";
import { wordCount } from "./text";
import type { RemovalReason } from "./types";

/** What a metadata line says about the article. Every such line is removed from the body. */
export interface LineFacts {
  reason: RemovalReason;
  /** The label stood alone and the next line holds its value (that line is removed too). */
  consumesNext?: boolean;
  author?: string;
  commentators?: string[];
  url?: string;
  outlet?: string;
  publishedAt?: string;
  /** The time of day and zone stated with `publishedAt` ("22:31-06:00"). */
  publishedTime?: string;
  disclaimer?: string;
  opinionDisclaimer?: boolean;
  sectionLabel?: string;
}

type LabelKind = "author" | "commentators" | "source" | "published" | "updated" | "disclaimer";

// Lowercase label → what its value is. Labels are matched whole, so body sentences such as
// "Source: a senior official said…" only count when their value parses (see readLabelValue).
const LABELS = new Map<string, LabelKind>([
  ...(["author", "authors", "written by", "writer", "reporter", "reporters", "byline", "by", "autor", "auteur", "автор", "作者", "记者"] as const).map(
    (label) => [label, "author"] as const,
  ),
  ...(
    ["commentary guest", "commentary guests", "guest", "guests", "commentator", "commentators", "interviewee", "interviewees", "expert commentator"] as const
  ).map((label) => [label, "commentators"] as const),
  ...(
    [
      "original article",
      "original source",
      "original link",
      "original url",
      "original story",
      "original",
      "source",
      "sources",
      "source link",
      "source url",
      "link",
      "url",
      "via",
      "read the original",
      "quelle",
      "fuente",
      "источник",
      "来源",
      "原文",
      "原文链接",
    ] as const
  ).map((label) => [label, "source"] as const),
  ...(
    ["published", "published on", "published at", "posted", "posted on", "posted at", "date", "publication date", "first published", "release date"] as const
  ).map((label) => [label, "published"] as const),
  ...(["updated", "last updated", "updated on", "modified", "last modified"] as const).map((label) => [label, "updated"] as const),
  ["disclaimer", "disclaimer"],
]);

const LABEL_LINE = /^([\p{L}][\p{L}' ]{0,28}?)\s*[:：]\s*(.*)$/u;
const BYLINE = /^(?:written )?by\s+(.+)$/i;
const URL_ONLY = /^<?(https?:\/\/[^\s<>]+)>?$/i;
// Hosts that carry links to everyone's pages: social networks, link shorteners, stores, blogs.
export const NOT_AN_OUTLET_HOST =
  /(?:^|\.)(?:facebook|twitter|x|instagram|youtube|youtu|linkedin|pinterest|reddit|tiktok|whatsapp|telegram|t|bit|goo|amzn|tinyurl|ow|buff|lnkd|wordpress|blogspot|google|apple|amazon|wikipedia)\.[a-z.]+$/i;
const SECTION_LABEL =
  /^(?:opinion|analysis|news analysis|commentary|comment|editorial|op-ed|interview|exclusive|q ?& ?a|viewpoint|column|perspective|explainer)$/i;

/** A disclaimer saying the text is the author's own view: the mark of an opinion piece. */
const OPINION_DISCLAIMER =
  /\b(?:solely represents?|represents? (?:only|solely)|do(?:es)? not necessarily (?:reflect|represent)|views? expressed (?:in this \w+ )?(?:are|is) (?:the author|those of|solely|his|her|their)|(?:author|writer)(?:'s|s'|’s) (?:own|personal) (?:views?|opinions?))/i;
const MAX_DISCLAIMER_WORDS = 80;
const MAX_SOURCE_WORDS = 6;

// Parts of a byline value after the name: "Jane Doe | Reuters", "Jane Doe - March 3".
const BYLINE_SEPARATOR = /\s*[|•·]\s*|\s+[-–—]\s+/;
const NAME_LIST_SEPARATOR = /\s*[,;&]\s*|\s+and\s+/;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lo}[\p{Lo}\p{M}·]*)$/u;
const NAME_PARTICLES = new Set(["de", "da", "del", "der", "den", "di", "dos", "du", "la", "le", "van", "von", "bin", "al", "el", "y"]);
const DOMAIN_LIKE = /\.\p{L}{2,}/u;
// A lone calendar word after "By" is a time phrase ("By Monday, …"), not a person.
const CALENDAR_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|then|now)$/i;
// Job titles that follow a name in bylines ("Jane Doe, Staff Reporter"), and institutions.
const ROLE_WORDS = new Set([
  "reporter",
  "correspondent",
  "editor",
  "staff",
  "writer",
  "contributor",
  "columnist",
  "analyst",
  "professor",
  "president",
  "minister",
  "director",
  "chief",
  "senior",
  "team",
  "desk",
  "agencies",
  // Institutions credited like people ("Kremlin Press Service", "Foreign Ministry").
  "press",
  "service",
  "office",
  "ministry",
  "department",
  "agency",
  "council",
  "committee",
  "government",
  "pool",
]);
const INITIAL_AT_END = /(?:^|\s)(?:\p{Lu}|Jr|Sr)\.$/u;
const MAX_NAME_WORDS = 5;
const MAX_BYLINE_WORDS = 10;

const MAX_DATE_LINE_CHARS = 40;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const FIRST_PUBLISHING_YEAR = 1800;
// "2019-11-20T04:31:13-06:00", "2019-11-20 04:31Z": a machine-written moment with its offset.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads a metadata line: labels ("Author: …", "Original article: <url>", "Disclaimer: …"),
 * "By Name" bylines, section labels and, in the header, bare URLs and date-only lines. `next` is
 * the following line, used when a label stands alone. Null when the line is not metadata.
 */
export function readMetadataLine(line: string, next: string | undefined, inHeader: boolean): LineFacts | null {
  const labelled = LABEL_LINE.exec(line);
  const kind = labelled ? LABELS.get(labelled[1].toLowerCase()) : undefined;
  if (labelled && kind) {
    const facts = labelled[2] ? readLabelValue(kind, labelled[2], line) : readLabelValueOnNextLine(kind, next);
    if (facts) return facts;
  }
  // A bare address above the article is the page's own; inside or below it, a link the article
  // gives its readers or the page's furniture, left to the rest of the reading.
  return readDisclaimer(line) ?? readByline(line) ?? readSectionLabel(line) ?? (inHeader ? (readBareUrl(line) ?? readDateLine(line)) : null);
}

function readLabelValue(kind: LabelKind, value: string, line: string): LineFacts | null {
  switch (kind) {
    case "author": {
      const author = parseByline(value);
      return author ? { reason: "byline", author } : null;
    }
    case "commentators": {
      const names = parseNames(value);
      return names.length ? { reason: "byline", commentators: names } : null;
    }
    case "source":
      return readSource(value);
    case "published":
    case "updated":
      if (wordCount(value) > 8) return null;
      return kind === "published" ? { reason: "dateline", ...statedFacts(value) } : { reason: "dateline" };
    case "disclaimer":
      return disclaimerFacts(line);
  }
}

/** A label alone on its line ("Commentary Guest:") whose value is the next line. */
function readLabelValueOnNextLine(kind: LabelKind, next: string | undefined): LineFacts | null {
  if (next === undefined || kind === "disclaimer") return null;
  const facts = readLabelValue(kind, next, next);
  return facts ? { ...facts, consumesNext: true } : null;
}

/**
 * "Source: <url>", "Source: Xinhua". A short attribution naming no known outlet (e.g. under a
 * chart) is still removed; anything sentence-like is body text.
 */
function readSource(value: string): LineFacts | null {
  const url = URL_ONLY.exec(value)?.[1];
  if (url) return { reason: "source link", url };
  const name = value.replace(/[.]$/, "");
  const outlet = outletName(name);
  if (outlet) return { reason: "source link", outlet };
  return wordCount(name) <= MAX_SOURCE_WORDS && !/[.!?,;]/.test(name) && !/^\p{Ll}/u.test(name) ? { reason: "source link" } : null;
}

function readDisclaimer(line: string): LineFacts | null {
  return OPINION_DISCLAIMER.test(line) && wordCount(line) <= MAX_DISCLAIMER_WORDS ? disclaimerFacts(line) : null;
}

/** The disclaimer without its label and without prompts that were glued to it. */
function disclaimerFacts(line: string): LineFacts {
  const disclaimer = line
    .replace(/^disclaimer\s*[:：]\s*/i, "")
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !PROMPT_SENTENCE.test(sentence))
    .join(" ");
  return { reason: "disclaimer", disclaimer: disclaimer || line, opinionDisclaimer: OPINION_DISCLAIMER.test(line) };
}

/** "By Jane Doe", "By Jane Doe and John Roe | Reuters"; not "By continuing to browse…". */
function readByline(line: string): LineFacts | null {
  const value = BYLINE.exec(line)?.[1];
  if (!value || wordCount(line) > MAX_BYLINE_WORDS || /[!?]$/.test(line)) return null;
  const namePart = value.split(BYLINE_SEPARATOR)[0];
  const [first, ...rest] = namePart.split(",");
  // A comma may introduce a role or an outlet ("By Jane Doe, Reuters"), never a clause.
  if (rest.some(isClause)) return null;
  const names = listOfPeople(namePart) ?? parseNames(rest.length ? first : namePart.replace(/\.$/, ""));
  if (!names.length) return null;
  // "By Jane Doe · March 18, 2025": the date the byline gives after the name.
  const dated = value
    .split(BYLINE_SEPARATOR)
    .slice(1)
    .find((part) => parseStatedDate(part) !== null);
  const publishedAt = dated ? parseStatedDate(dated) : null;
  const publishedTime = dated && publishedAt ? parseStatedTime(dated) : null;
  return { reason: "byline", author: names.join(", "), ...(publishedAt ? { publishedAt } : {}), ...(publishedTime ? { publishedTime } : {}) };
}

/**
 * "Jane Doe, John Roe and Max Major": a list of three or more people, each a name of two words or
 * more, and perhaps the house they write for after it ("…, Reuters", "…, CNN").
 */
function listOfPeople(value: string): string[] | null {
  if (!/,[^,]+,?\s(?:and|&)\s/.test(value)) return null;
  const listed = value.split(NAME_LIST_SEPARATOR).filter(Boolean);
  const last = listed.at(-1) ?? "";
  const house = listed.length > 3 && (outletName(last) !== null || /^\p{Lu}{2,}$/u.test(last));
  const parts = house ? listed.slice(0, -1) : listed;
  const names = parseNames(parts.join(", "));
  return names.length === parts.length && names.every((name) => name.split(" ").length >= 2) ? names : null;
}

function isClause(text: string): boolean {
  const part = text.trim();
  return /[.]$/.test(part) || (/^\p{Ll}/u.test(part) && wordCount(part) > 3);
}

/** A URL alone on a line: the article's address, unless a share or shortened link, which points anywhere. */
function readBareUrl(line: string): LineFacts | null {
  const url = URL_ONLY.exec(line)?.[1];
  if (!url) return null;
  return NOT_AN_OUTLET_HOST.test(hostOf(url)) ? { reason: "source link" } : { reason: "source link", url };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

function readSectionLabel(line: string): LineFacts | null {
  return SECTION_LABEL.test(line) ? { reason: "section label", sectionLabel: line.toLowerCase() } : null;
}

/** A line that is only a date ("March 17, 2025", "2025-03-17 10:23"). */
function readDateLine(line: string): LineFacts | null {
  if (line.length > MAX_DATE_LINE_CHARS || !/\d/.test(line)) return null;
  const [result] = chrono.strict.parse(line);
  if (!result || result.text.length < line.length * 0.8) return null;
  const day = isoDay(result);
  return { reason: "dateline", publishedAt: day ?? undefined, publishedTime: (day && statedTime(result)) || undefined };
}

/** The author names of a byline value ("By Jane Doe | Reuters" → "Jane Doe"), or null. */
export function parseByline(value: string): string | null {
  const names = parseNames(value.replace(/^by(?:\s+|$)/i, "").split(BYLINE_SEPARATOR)[0]);
  return names.length ? names.join(", ") : null;
}

/**
 * Person names in a byline or guest list value. Returns [] when the first listed part is not
 * name-shaped or the value ends like a sentence ("Guest: Yes."); later parts that are not names
 * (a role, an outlet) are dropped.
 */
function parseNames(value: string): string[] {
  const trimmed = value.trim();
  if (/[.!?]$/.test(trimmed) && !INITIAL_AT_END.test(trimmed)) return [];
  const parts = trimmed.split(NAME_LIST_SEPARATOR).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    if (isPersonName(part) && !outletName(part)) names.push(part);
    else if (names.length === 0) return [];
  }
  return names;
}

function isPersonName(text: string): boolean {
  if (/\d|@|\//.test(text) || DOMAIN_LIKE.test(text)) return false;
  const words = text.split(" ");
  if (words.length > MAX_NAME_WORDS || (words.length === 1 && CALENDAR_WORDS.test(text))) return false;
  if (words.some((word) => ROLE_WORDS.has(word.toLowerCase()))) return false;
  // A particle joins name words ("Maria de Vries"); one that ends the text is a sentence's word ("Publié le").
  return words.every((word, i) => NAME_TOKEN.test(word) || (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(word)));
}

/** YYYY-MM-DD for a stated date ("2025-03-17T10:00:00+08:00", "March 17, 2025"); null without a year. */
export function parseStatedDate(value: string): string | null {
  const iso = ISO_DAY.exec(value.trim());
  // "0001-01-01": a content system's empty date, not a day anything was published.
  if (iso) return Number(iso[1]) >= FIRST_PUBLISHING_YEAR ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  const [result] = chrono.strict.parse(value);
  return result ? isoDay(result) : null;
}

/**
 * The time of day and zone a date states, as written ("22:31-06:00"), when it states both:
 * the day alone is the page's own day, and with its zone it is one moment everywhere.
 */
export function parseStatedTime(value: string): string | null {
  const iso = ISO_TIME.exec(value.trim());
  if (iso) return `${iso[1]}:${iso[2]}${/^z$/i.test(iso[3]) ? "+00:00" : `${iso[3].slice(0, 3)}:${iso[3].slice(-2)}`}`;
  if (ISO_DAY.test(value.trim())) return null;
  const [result] = chrono.strict.parse(value);
  return result && isoDay(result) ? statedTime(result) : null;
}

/** A day and, when stated with its zone, the time: the facts of a "Published: …" value. */
function statedFacts(value: string): Pick<LineFacts, "publishedAt" | "publishedTime"> {
  const publishedAt = parseStatedDate(value);
  if (!publishedAt) return {};
  const publishedTime = parseStatedTime(value);
  return publishedTime ? { publishedAt, publishedTime } : { publishedAt };
}

/**
 * The time a page shows with its date, as it shows it: "22:31-06:00" with the zone it names,
 * "22:31" in its own zone when it names none (pages show readers their local time). Null without an hour.
 */
export function shownTime(result: chrono.ParsedResult): string | null {
  const start = result.start;
  if (!start.isCertain("hour")) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return statedTime(result) ?? `${pad(start.get("hour") ?? 0)}:${pad(start.get("minute") ?? 0)}`;
}

/** "22:31-06:00" when chrono read both the hour and the zone from the text, else null. */
export function statedTime(result: chrono.ParsedResult): string | null {
  const start = result.start;
  if (!start.isCertain("hour") || !start.isCertain("timezoneOffset")) return null;
  const offset = start.get("timezoneOffset") ?? 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  const zone = `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(start.get("hour") ?? 0)}:${pad(start.get("minute") ?? 0)}${zone}`;
}

function isoDay(result: chrono.ParsedResult): string | null {
  const start = result.start;
  // The year must be written out: chrono also marks it certain for "2 days ago".
  if (!start.isCertain("year") || !start.isCertain("day") || !result.text.includes(String(start.get("year")).slice(-2))) return null;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, "0");
  return `${start.get("year")}-${pad(start.get("month"))}-${pad(start.get("day"))}`;
}

// "<Name>, a researcher at …, told CGTN": outlets introduce their own interviewees this way,
// while other outlets are cited as "Reuters reported", "according to TASS", "told CBS".
const TOLD_OUTLET = /\btold (?:the )?(\p{Lu}[\p{L}'’&-]*(?: \p{Lu}[\p{L}'’&-]*){0,3})/gu;
const APPOSITIVE_LOOKBACK = 300;
const SENTENCE_END = /[\p{Ll}\d][.!?]["”’]? /u;

/**
 * The outlet when the text refers to itself ("…, a scholar at X, told the Global Times"):
 * exactly one outlet-like name is told things by a described interviewee and is never cited as
 * a third party. Null when unsure.
 */
export function outletFromSelfReference(paragraphs: readonly string[]): string | null {
  const candidates = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(TOLD_OUTLET)) {
      const name = outletName(match[1]);
      if (name && followsAppositive(paragraph, match.index)) candidates.add(name);
    }
  }
  const text = paragraphs.join("\n").toLowerCase();
  const selfReferences = [...candidates].filter((name) => !citedAsThirdParty(text, name.toLowerCase()));
  return selfReferences.length === 1 ? selfReferences[0] : null;
}

/** True when the sentence before `index` ends with an appositive: ", a researcher at …, ". */
function followsAppositive(paragraph: string, index: number): boolean {
  const before = paragraph.slice(Math.max(0, index - APPOSITIVE_LOOKBACK), index);
  if (!before.endsWith(", ")) return false;
  const start = Math.max(before.lastIndexOf(", a "), before.lastIndexOf(", an "));
  return start !== -1 && !SENTENCE_END.test(before.slice(start));
}

function citedAsThirdParty(lowerText: string, lowerName: string): boolean {
  const bare = lowerName.replace(/^the /, "");
  return [
    `${bare} reported`,
    `${bare} said`,
    `${bare} quoted`,
    `according to ${bare}`,
    `according to the ${bare}`,
    `reported by ${bare}`,
    `reported by the ${bare}`,
  ].some((phrase) => lowerText.includes(phrase));
}
