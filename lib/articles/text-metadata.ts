import * as chrono from "chrono-node";
import { dateOfIsoDay, isRealDay } from "@/lib/iso-day";
import { isRelatedLabel } from "./boilerplate";
import { STOPWORDS } from "./language";
import { MONTH_NAME_PARSERS } from "./month-names";
import { NOT_AN_OUTLET_HOST, parseByline, readMetadataLine, shownTime } from "./metadata";
import { newspaperName, outletFromUrl, outletName } from "./outlets";
import { wordCount } from "./text";
import type { ClassifiedLine } from "./types";

/**
 * Metadata of a copied web page (select all, copy): the headline, byline, publication date and
 * outlet, read from where they sit on any news page: around the point where the article body
 * begins. Pure; works on the lines as the line classifier left them.
 */
export interface TextMetadata {
  /** Index in `lines` of the first body line, or null when the page has no prose. */
  bodyStart: number | null;
  /** Index in `lines` of the headline, or null when no line is title-like enough. */
  headlineIndex: number | null;
  headline: string | null;
  author: string | null;
  publishedAt: string | null;
  /** The time stated with `publishedAt`: "22:31-06:00" with the zone the page names, "22:31" when it names none. */
  publishedTime: string | null;
  /** Index in `lines` of the header line `publishedAt` was read from when that line is only a date. */
  dateLineIndex: number | null;
  outlet: string | null;
}

// A body line: long enough to be prose, or a sentence of fair length.
const PROSE_WORDS = 25;
const SENTENCE_WORDS = 12;
const UNSPACED_PROSE_CHARS = 60;
// Non-prose lines allowed inside the body (captions, subheadings, ad slots).
const BODY_GAP = 4;
// A run of prose this share of the longest one is article, not a teaser.
const SUBSTANTIAL_RUN = 0.35;
// How far before the body the headline may sit (a share panel or a photo gallery may stand between).
const HEADER_WINDOW = 40;
// How far above that a headline with its date line may sit when none is nearer.
const DISTANT_HEADER_WINDOW = 160;
// How far into the body a byline or dateline may sit (agency datelines open the first paragraph).
const BODY_LOOKAHEAD = 3;

// A bare name counts as the byline this close to the headline.
const NAME_LINE_REACH = 3;
// Share and save buttons may stand between the headline and a name over its house.
const HOUSE_NAME_REACH = 6;
// Lines after the headline where its byline, date or standfirst may sit.
const HEADER_FACTS_SPAN = 6;
const MIN_HEADLINE_WORDS = 3;
const LONG_TITLE_WORDS = 8;
const BELOW_BYLINE_PENALTY = 1.5;
const BYLINE_EVIDENCE = 2;
const DATE_EVIDENCE = 1.5;
const STANDFIRST_EVIDENCE = 1;
const LONG_STANDFIRST_WORDS = 14;
const FACT_DISTANCE_DECAY = 0.15;
// How far under a related label ("Read also") its list of teasers reaches.
const RELATED_LIST_REACH = 5;
// A date line at most three lines under a distant headline.
const DISTANT_DATE_EVIDENCE = DATE_EVIDENCE * (1 - 2 * FACT_DISTANCE_DECAY);
const MAX_HEADLINE_WORDS = 30;
const MAX_HEADLINE_CHARS = 250;
const HEADLINE_START = /^["“‘'([¿¡\p{Lu}\p{N}\p{Lo}]/u;
// Not after an abbreviation of initials a title may end with ("… Underneath N.Y.C.", "… in the U.S.").
const SENTENCE_END = /[^.]\.["”’)]?$/;
const INITIALS_END = /(?:^|[\s(])(?:\p{Lu}\.){2,}["”’)]?$/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{6}/u;
// Credits, handles, file names, menus and buttons naming the page ("Print This Article") are not headlines.
const NOT_HEADLINE = /[/@|•»«>#]|\bwww\.|\bthis (?:article|story|post|page)$|\.(?:jpe?g|png|gif|webp)\b|^(?:\d+\s*)?(?:comments?|shares?|views?)\b/i;
// A line of code in a technical post ("LAG(alert) OVER (PARTITION BY", "x = f(y);"): a call's bracket against its name, a brace or
// semicolon ending it, an operator between spaces. (An icon's name, "chevron_left", is cut from a headline, below.)
const CODE_LINE = /\p{L}\((?!s\))|[{};]$|\s(?:==?|>=|<=|=>|->|:=|&&|\|\|)\s/u;
// "chevron_left", "arrow_back": an icon font's ligature, shown as a symbol but copied as its name.
const ICON_NAME = /(?<!\S)\p{Ll}+(?:_\p{Ll}+)+(?!\S)/u;
// Two sentences are a standfirst or a blurb.
const TWO_SENTENCES = /\p{Ll}{4}[.!?] \p{Lu}/u;
// "Follow us on", "Share via": a label for what follows, not a title.
const ENDS_WITH_FUNCTION_WORD = /\b(?:on|via|to|by|for|of|in|at|as|the|and|with|from)$/i;
// Reading times, counters, link notices, buttons (a title may open with "Open" or "Show": a button's label is short).
const PAGE_FURNITURE =
  /^\d+\s*min(?:ute)?s?\s+read$|\blisten to (?:this |[a-z ]{0,30})(?:articles?|story)\b|^(?:sign (?:in|up)|log ?in|subscribe|register) (?:to|for|with)\b|\b(?:e-?mails|newsletters?|alerts|panel|sign ?out|log ?out|sign ?in|log ?in|main story)$|^(?:continue reading|copy (?:this |the )?link|skip to)\b|^(?:close|edit|open|show|hide)\b(?:\s+\S+){0,3}$|\b\d+\s+(?:comments?|replies|views|shares)\b|\b(?:external links?|new window|you are here|captioning|privacy policy|terms of (?:use|service))\b/i;
// A title repeated on the page with the site's name ("Headline | Site", "Headline - Site").
const TITLE_SUFFIX = /^\s*(?:[|–—·:-]|::)\s*(.{2,60})$/;

// A title repeated after a label ("Share this story: Headline").
const TITLE_PREFIX = /^.{2,60}(?:[:|]|\s[–—-])\s*$/;
// Agencies credited as the author when no person is named.
const AGENCIES: ReadonlyArray<[RegExp, string]> = [
  [/\bReuters\b/, "Reuters"],
  [/\b(?:Associated Press|AP)\b/, "Associated Press"],
  [/\b(?:Agence France-Presse|AFP)\b/, "AFP"],
  [/\bXinhua\b/, "Xinhua"],
  [/\bBloomberg\b/, "Bloomberg"],
  [/\b(?:dpa|DPA)\b/, "dpa"],
  [/\bUPI\b/, "UPI"],
  [/\bTASS\b/, "TASS"],
  [/\bANSA\b/, "ANSA"],
  [/\bEFE\b/, "EFE"],
  [/\bKyodo\b/, "Kyodo"],
  [/\bYonhap\b/, "Yonhap"],
  [/\bPress Trust of India\b|\bPTI\b/, "PTI"],
  [/\bIANS\b/, "IANS"],
];
// "By Jane Doe, Reuters", "By JANE DOE Associated Press": the agency after the writer's name.
const TRAILING_AGENCY = new RegExp(`[\\s,/|•·–—-]+\\(?(?:${AGENCIES.map(([pattern]) => pattern.source).join("|")})\\)?\\s*$`, "u");
// "Jane Doe in Brussels": where the writer filed from, after the name.
const IN_PLACE = /\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;
// "WASHINGTON (Reuters) -", "(AP) —": the agency dateline opening a wire story.
const AGENCY_DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{L}\p{N} .,'-]{0,40})?(?:\(([^)]{2,40})\)\.?\s*[-–—]|\.?\s*\/([^/]{2,20})\/\.?\s)/u;
// "Le Monde avec AFP", "Staff and agencies", "DW with Reuters, AFP": a house's credit shared with agencies.
const HOUSE_WITH_AGENCIES = new RegExp(
  `^(\\p{Lu}[\\p{L}.'’-]*(?: \\p{L}[\\p{L}.'’-]*){0,3}) (?:with|and|&|avec|et|con|y|mit|und|com|e) (?:(?:${[...AGENCIES.map(([pattern]) => pattern.source), "agencies", "agences", "agencias", "agenzie", "agenturen", "agências"].join("|")})(?:,\\s*|\\s+and\\s+|\\s+et\\s+)?)+$`,
  "u",
);
// "Reporting by Jane Doe in Moscow; Editing by John Roe": the tail of a wire story names its reporters.
const WIRE_TAIL = /^\(?(?:reporting|reported|writing|written)\s+by\s+([^;)]+)/i;
const MAX_WIRE_TAIL_WORDS = 40;
// "Jane Doe in Moscow and John Roe in Kyiv": the places each filed from.
const FILED_FROM = /\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?(?=\s*(?:,|&|\band\b|$))/gu;

const HANDLE = /^@\w+$/;
// Lower-case words after a capitalised name: buttons a copy ran onto a byline ("close video").
const TRAILING_LOWER_CASE = /(?<=\p{Lu}[\p{L}'’-]*)(?:\s+\p{Ll}[\p{Ll}-]*)+$/u;
// "… by Jane Doe" ending a line.
const DATED_BY = /\b[Bb][Yy]\s*:?\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/u;
// "Jane Doe | Agency | Getty Images": a photographer's credit, not a byline.
const PICTURE_CREDIT =
  /(?<!\p{L})(?:images?|photos?|photograph(?:y|ers?|s)?|pictures?|getty|shutterstock|illustration|fotos?|fotograf\p{L}*|bild|фото)(?![\p{L}])/iu;
const READING_TIME_WORDS = String.raw`\d+\s*min(?:ute)?s?\s+read`;
const READING_TIME = new RegExp(`^${READING_TIME_WORDS}$`, "i");
// "Mar 5, 2025 · 6 min read": the reading time after the date.
const READING_TIME_AFTER = new RegExp(String.raw`\s+[·•|]\s+${READING_TIME_WORDS}$`, "i");
// English months' and weekdays' names as they start ("Dec", "December"; "Sat", "Saturday").
const MONTH_STARTS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const WEEKDAY_STARTS = "mon|tue|wed|thu|fri|sat|sun";
// A button beside a writer's name: "Follow", in the languages with word lists.
const FOLLOW_BUTTON = /^\+?\s*(?:follow|folgen|suivre|seguir|segui|volgen|följ|seuraa)$/i;
// A copy that lost the space between a name and what follows ("Jane DoeFOXBusiness", "Jane DoeFriday", "Jane Doe22 Dec 2016").
const GLUED_WORD =
  /(\p{Ll}{2,})(?=\p{Lu}{2}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Updated|Published|Posted)\b|(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/gu;
// "by jdoe" as a part of a dateline: an account's name, not a person's.
const ACCOUNT_CREDIT = /(?:^|[\s/|•·])by\s*:?\s+([\p{L}\p{N}][\p{L}\p{N}_-]{2,29})(?=$|\s*[-–—|•·/]\s*)/iu;
// Parts of a combined byline and dateline ("March 3, 2020 | By: Jane Doe").
const BYLINE_PARTS = /\s+[|•·]\s+|\s+[-–—]\s+/;
// "Posted by", "Story by": a label before "by" that only says what the credit is for.
const CREDIT_BY =
  /^(?:(?:written|posted|published|reported|story|words|text|opinion|analysis|commentary|column|essay|review|interview)\s+)?by\s*[:：]?\s+(.+)$/i;
// "Author Jane Doe": the label without its colon, on a short line.
const AUTHOR_LABEL = /^authors?\s+(\p{Lu}.+)$/iu;
// "By" in other languages ("Par Marie Dupont", "Von Hans Weber", "Por Ana Ruiz", "Door Jan de Vries", "di Marco Rossi").
const FOREIGN_BY = /^(?:par|von|por|door|af|av|di)\s+(.+)$/i;
// "By Jane Doe for The Site", "by Jane Doe at Site": the house the writer works for, after the name.
const FOR_HOUSE = /\s+(?:[Ff]or|at|from)\s+(?:the\s+)?\p{Lu}.*$/u;
// A writer's role on its own line under the name ("Senior Reporter", "Staff Writer, Business Desk").
const ROLE_LINE =
  /^(?:(?:senior|staff|chief|special|contributing|associate|deputy|executive|managing|investigative|political|business|science)\s+)*(?:writer|reporter|editor|correspondent|columnist|contributor|producer|journalist)\b/i;
const MAX_ROLE_WORDS = 6;
const ROLE_WORD = /\b(?:writer|reporter|editor|correspondent|columnist|contributor|producer|journalist)$/i;
// "Games Editor", "Technology Reporter": a desk's name in title case before the role (ROLE_WORD).
const DESK_ROLE_LINE = /^(?:\p{Lu}[\p{L}&-]*\s+){1,3}\p{Lu}\p{Ll}+$/u;
// Words that follow a name in bylines without being part of it.
const STATUS_WORDS = /\s+(?:updated|published|posted|last updated|follow|share|email)\b.*$/i;
const DATE_LABEL = /^(?:published|posted|first published|publication date|date|created|on)\b\s*(?:on|at)?\s*[:：]?\s*/i;
// Nothing, or only a status label, before a date ("Updated on: ").
const STATUS_PREFIX = /^\s*(?:(?:updated|published|posted|first published|last updated)\b\s*(?:on|at)?\s*:?\s*)?$/i;
const STATUS_LABEL = /^(?:updated|published|posted|first published|last updated)\b/i;
// "Published" and "Updated" in the languages whose month names are read ("Publié le …", "Actualizado: …").
const PUBLISHED_WORDS =
  "published|posted|publié|publiée|publicado|publicada|veröffentlicht|pubblicato|gepubliceerd|publicerad|julkaistu|opublikowano|опубликовано|опубліковано";
const UPDATED_WORDS =
  "updated|modified|edited|mis à jour|modifié|actualizado|actualizada|atualizado|atualizada|aktualisiert|aggiornato|bijgewerkt|uppdaterad|päivitetty|zaktualizowano|обновлено|оновлено";
const asWord = (words: string) => `(?<!\\p{L})(?:${words})(?!\\p{L})`;
const PUBLISHED_LABEL = new RegExp(asWord(PUBLISHED_WORDS), "iu");
const UPDATED_LABEL = new RegExp(asWord(UPDATED_WORDS), "iu");
// A status label opening a line: a stamp, never a headline.
const STATUS_OPENING = new RegExp(`^${asWord(`${PUBLISHED_WORDS}|${UPDATED_WORDS}`)}`, "iu");
// Between the stamps of one line ("Published … | Updated …", "Mis à jour le … - Publié le …", "… / Updated …", "… (updated: …)").
const STAMP_SEPARATOR = new RegExp(
  `\\s+[|•·]\\s+|\\s*;\\s*|\\s+[-–—/]\\s+(?=${asWord(`${PUBLISHED_WORDS}|${UPDATED_WORDS}`)})|\\s*\\((?=${asWord(`${PUBLISHED_WORDS}|${UPDATED_WORDS}`)})|\\)$`,
  "iu",
);
const MAX_DATE_LINE_WORDS = 16;
const MAX_STAMP_WORDS = 6;
// Page furniture naming its own site: "Contact X", "About X", "Follow X on", "X Newsletter".
const SELF_REFERENCES = [
  /^(?:contact|about|follow|subscribe to|sign up for|download the|more from|welcome to|search|support|advertise (?:with|on|in)|work (?:at|for)|careers at) (.+?)(?: on| online| app| today| newsletters?| on (?:facebook|twitter|x|instagram|youtube|linkedin|whatsapp|telegram))?$/i,
  /^(.+?) (?:newsletters?|homepage|home page|apps?|store|shop|staff|team|events|podcasts?|on (?:facebook|twitter|instagram|youtube))$/i,
  // "Subscribe now to access Site", "Get Site delivered to your inbox".
  /^subscribe (?:now )?to (?:access|read) (.+)$/i,
  /^get (.+?) (?:delivered to your inbox|in your inbox)$/i,
];
// A button's state copied after its label ("Follow Site Followed", "Subscribe to Site Subscribed").
const BUTTON_STATE = /\s+(?:followed|following|unfollow|subscribed|unsubscribe)$/i;
// An author's note naming the house: "… is a senior editor at Site", "a reporter for The Site".
const STAFF_OF =
  /\b(?:editor|writer|reporter|correspondent|contributor|columnist|producer)\b[^.]{0,40}?\b(?:at|for) (?:the )?(\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*){0,3})/u;
const SITE_NAME = /^(?:The )?[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?: [\p{Lu}\p{N}&][\p{L}\p{N}.&'’-]*){0,3}$/u;
const SITE_LINE_WORDS = 8;
// Menu words that the patterns above also catch ("Share this", "Meet the team", "Get the app").
const GENERIC_SITE_WORDS =
  /^(?:us|our|this|share|subscribe|meet|get|e-?mail|join|find|follow|like|sign|upcoming|rss|help|news|newsletters?|search|home|all|more|latest|privacy|terms|advertising|editorial|contact|daily|weekly|facebook|twitter|instagram|youtube|linkedin|google|apple|app|toolkit|pick|my|your|go|authors?)\b/i;
const COPYRIGHT = /(?:©|\bcopyright\b|\(c\)\s*\d)/i;
const MAX_COPYRIGHT_WORDS = 30;
const FOOTER_LINKS = /\s+[|•·▪]\s+/;
const NAME_BEFORE_COPYRIGHT = /^(\p{Lu}[^©]{1,60}?)\s*(?:©|\(c\))\s*\d{4}(?:\s*[-–]\s*\d{4})?\.?(?:\s*all rights reserved\.?)?$/iu;
const CORPORATE_PREFIX = /^(?:АО|ООО|ОАО|ЗАО|ПАО|ТОВ|ПрАТ|ТзОВ)\s+/u;
const CORPORATE_SUFFIX =
  /,?\s+(?:inc|llc|ltd|limited|plc|corp|corporation|co|gmbh|s\.a|s\.l|s\.p\.a|srl|sas|ag|pty|holdings|company|group|editorial (?:board|team|staff)|all rights reserved)\.?$/i;
// "X is a registered trademark of Y": the footer naming the site's brand, not its owner.
const TRADEMARK = /(?:^|[.!]\s+)["“]?([^"”.]{2,40}?)["”]? is a (?:registered )?trademark\b(?: of ([^.]{2,60}))?/i;
// "By Jane Doe, Site Staff", "By Jane Doe, Site.com", "Welcome to Site's …": the house named in its own voice.
const HOUSE_VOICE_WORDS = /^(?:by|welcome)\b|\bstaff\b/i;
const HOUSE_VOICE = [
  /^by [^,]{3,40}, ([\p{L}\p{N}-]+\.(?:com|net|org|co\.uk|info|in|ca))$/iu,
  /,\s*(?:the )?(\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*){0,3}) staff\b/u,
  /^welcome to (?:the )?(\p{Lu}[\p{L}\p{N}.&-]*(?: \p{Lu}[\p{L}\p{N}.&-]*){0,3})['’]s\b/iu,
];

/**
 * Reads headline, byline, date and outlet from the classified lines of a copied page. The body's
 * first line may be given (from a line classifier); otherwise it is the first long prose run.
 */
export function readTextMetadata(lines: readonly ClassifiedLine[], knownBodyStart?: number | null, language?: string | null): TextMetadata {
  parsedDates = new Map();
  bylines = new Map();
  localParser = (language && LOCAL_PARSERS[language]) || null;
  slashedDayFirst = localParser !== null || slashedOrderOf(lines) === "day";
  const bodyStart = knownBodyStart === undefined ? findBodyStart(lines) : knownBodyStart;
  const account = bodyStart === null ? null : postAccount(lines, bodyStart);
  const headlineIndex = bodyStart === null || account !== null ? null : findHeadline(lines, bodyStart);
  const anchor = headlineIndex ?? bodyStart;
  const header = anchor === null ? null : headerRange(lines, anchor, bodyStart ?? anchor);
  const published = header ? findDate(lines, header, anchor!, bodyStart ?? anchor!) : null;
  return {
    bodyStart,
    headlineIndex,
    headline: headlineIndex === null ? null : withoutBreadcrumb(lines, headlineIndex, withoutIconNames(lines[headlineIndex].text)),
    author: account ?? (header ? findAuthor(lines, header, anchor!) : null),
    publishedAt: published?.day ?? null,
    publishedTime: published?.time ?? null,
    dateLineIndex: published && (bodyStart === null || published.index < bodyStart) && isDatesOnly(lines[published.index].text) ? published.index : null,
    outlet: findOutlet(lines, headlineIndex),
  };
}

/**
 * A social network's post: its account's name over its handle, just above the text. A post has
 * no headline (the editor confirms a provisional title), and the account is its author, a
 * person's or an institution's.
 */
function postAccount(lines: readonly ClassifiedLine[], bodyStart: number): string | null {
  const handle = lines[bodyStart - 1]?.text;
  const name = lines[bodyStart - 2]?.text;
  if (handle === undefined || name === undefined || !HANDLE.test(handle)) return null;
  return wordCount(name) <= MAX_ACCOUNT_WORDS && /^\p{Lu}/u.test(name) && !/[.!?:]$/.test(name) ? name : null;
}

const MAX_ACCOUNT_WORDS = 6;

/**
 * "Opinion | Title", "Analysis | Title": the title without the one-word section label set before it,
 * to judge its shape by (the headline keeps the label, which tells the article's kind).
 */
function withoutSectionLabel(text: string): string {
  const label = SECTION_LABEL.exec(text);
  return label ? text.slice(label[0].length) : text;
}

const SECTION_LABEL = /^\p{Lu}\p{Ll}{2,11}\s+\|\s+(?=\S)/u;

/**
 * The headline without a button an icon font's ligature name starts ("Title chevron_left Browse All
 * Posts" is the title and a link back, copied as one line).
 */
function withoutIconNames(text: string): string {
  const icon = ICON_NAME.exec(text);
  return icon && icon.index > 0 ? text.slice(0, icon.index).trim() : text;
}

/**
 * The headline without the breadcrumb trail a copy glued before it ("Home Recipes Pear Jam for
 * the Holidays" when the page repeats "PEAR JAM FOR THE HOLIDAYS"): the longest tail of the line,
 * after capitalised trail items, that opens another line of the page.
 */
function withoutBreadcrumb(lines: readonly ClassifiedLine[], index: number, text: string): string {
  const words = text.split(/\s+/);
  for (let k = 1; k <= words.length - MIN_HEADLINE_WORDS; k++) {
    // Trail items are capitalised ("Home", "Eco-Friendly", "&"); a lower-case word is the title's own.
    if (/^\p{Ll}/u.test(words[k - 1])) return text;
    const tail = words.slice(k).join(" ");
    if (!/^[\p{Lu}\p{N}"“‘']/u.test(tail)) continue;
    const lower = tail.toLowerCase();
    const repeated = lines.some((line, i) => i !== index && line.text.toLowerCase().startsWith(lower) && !/^[\p{L}\p{N}]/u.test(line.text.slice(tail.length)));
    if (repeated) return tail;
  }
  return text;
}

/** Lines from a little before the headline to a little into the body. */
function headerRange(lines: readonly ClassifiedLine[], anchor: number, bodyStart: number): [number, number] {
  return [Math.max(0, anchor - 3), Math.min(lines.length, Math.max(anchor, bodyStart) + BODY_LOOKAHEAD + 1)];
}

function isProse(text: string): boolean {
  const words = wordCount(text);
  if (words >= PROSE_WORDS) return true;
  if (UNSPACED.test(text) && text.length >= UNSPACED_PROSE_CHARS) return true;
  // Questions and exclamations of this length are as often headlines as sentences.
  return words >= SENTENCE_WORDS && /[.。"”’]$/.test(text);
}

/**
 * The first line of the article body: the start of the first run of prose lines (with short
 * gaps) holding at least about a third as many words as the longest run. Comments and "most read"
 * teasers come after the article, so the earliest substantial run wins. Kept lines that are not
 * prose (a list the article introduces) carry a run on; only removed lines part it. Null without prose.
 */
export function findBodyStart(lines: readonly ClassifiedLine[]): number | null {
  const runs: { start: number; words: number }[] = [];
  let run: { start: number; words: number } | null = null;
  let gap = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kept && isProse(line.text)) {
      if (!run) {
        run = { start: i, words: 0 };
        runs.push(run);
      }
      run.words += wordCount(line.text);
      gap = 0;
    } else if (run && !line.kept && ++gap > BODY_GAP) {
      run = null;
      gap = 0;
    }
  }
  const most = Math.max(0, ...runs.map((r) => r.words));
  return runs.find((r) => r.words >= most * SUBSTANTIAL_RUN)?.start ?? null;
}

/**
 * The headline: the most title-like line shortly before the body. Title-like means the shape
 * of a headline, and it earns more when a byline, date or standfirst follows it and when the
 * page repeats it (a title with the site's name, a share text).
 */
function findHeadline(lines: readonly ClassifiedLine[], bodyStart: number): number | null {
  let best: { index: number; score: number; facts: number } | null = null;
  const from = Math.max(0, bodyStart - HEADER_WINDOW);
  const contents = tableOfContents(lines, from, bodyStart);
  for (let i = bodyStart - 1; i >= from; i--) {
    const line = lines[i];
    const title = line.text;
    if (
      !line.kept ||
      !(looksLikeHeadline(title) || repeatedTwoSentenceTitle(lines, i)) ||
      underRelatedLabel(lines, i) ||
      isNameOverDate(lines, i) ||
      contents.has(title) ||
      insideTitleList(lines, i)
    )
      continue;
    let score = 1 - (bodyStart - i) * 0.03;
    const words = wordCount(title);
    if (words >= 5 && words <= 20) score += 1;
    const copies = repetitions(lines, i);
    // Twice is a headline shown as title and heading; a short line more often is page furniture,
    // and a short line twice is as often a menu's item repeated over the article ("Office of the
    // Spokesperson"). A long title the page repeats more often (a bar, a list of most read) is no menu's.
    if (copies === 1 && words >= 5) score += 1.5;
    else if (copies > 1 && words < LONG_TITLE_WORDS) score -= 1;
    const facts = headerFactsAfter(lines, i);
    score += facts;
    // A headline comes before its byline: a title-like line just under a byline is a caption or a teaser.
    if (bylineJustAbove(lines, i)) score -= BELOW_BYLINE_PENALTY;
    if (title === title.toUpperCase() && /\p{Lu}/u.test(title)) score -= 1;
    if (!best || score > best.score) best = { index: i, score, facts };
  }
  // A title-like line near the body with nothing of a header under it gives way to a title further up that has its date line.
  if (best && best.score > 0.5 && best.facts > 0) return best.index;
  return (
    stoppedTitleOverDate(lines, from, bodyStart) ??
    titleOverButtonRow(lines, from, bodyStart) ??
    distantHeadline(lines, from) ??
    (best && best.score > 0.5 ? best.index : null)
  );
}

// How many short lines (share, print, resize, comment buttons) may stand between a headline and its byline.
const BUTTON_ROW_REACH = 16;

/**
 * A headline parted from its byline by a row of buttons ("Share on Facebook", "Print Article",
 * "Comments"): the title-like line over the byline nearest the body, across short lines only.
 * The classifier may have removed it with the buttons around it; the byline says where the header is.
 */
function titleOverButtonRow(lines: readonly ClassifiedLine[], from: number, bodyStart: number): number | null {
  for (let i = bodyStart - 1; i > from; i--) {
    if (bylineName(lines[i].text) === null) continue;
    let j = i - 1;
    while (j > from && i - j <= BUTTON_ROW_REACH && wordCount(lines[j].text) < LISTED_TITLE_WORDS) j--;
    const title = lines[j].text;
    return j < i - 1 && wordCount(title) >= LISTED_TITLE_WORDS && looksLikeHeadline(title) && !isNameOverDate(lines, j) ? j : null;
  }
  return null;
}

/**
 * A headline some newsrooms end with a full stop ("Border crossing reopens at last. Traders say it
 * is too late."), which the title shape refuses as a sentence: the line right over the header's
 * date line nearest the body, when no title-like line there has a header's facts under it.
 */
function stoppedTitleOverDate(lines: readonly ClassifiedLine[], from: number, bodyStart: number): number | null {
  for (let i = bodyStart - 1; i > from; i--) {
    const text = lines[i].text;
    // A stamp without its year ("Updated Nov 19, 9:41 AM") dates a header as well.
    const dated = stamps(unglued(text)).some((stamp) => {
      const found = dateIn(stamp);
      return found?.day != null || found?.monthDay !== undefined;
    });
    if (!(dated || isDateLine(text) || isTimeStamp(text))) continue;
    const title = lines[i - 1];
    const unstopped = title.text.replace(/\.$/, "");
    const stopped = title.kept && SENTENCE_END.test(title.text) && wordCount(title.text) >= LISTED_TITLE_WORDS;
    return stopped && looksLikeHeadline(unstopped, true) && !isNameOverDate(lines, i - 1) ? i - 1 : null;
  }
  return null;
}

// A list's titles are teasers' length; shorter title-like lines are menus' and buttons'.
const LISTED_TITLE_WORDS = 5;

/**
 * A title with another under it and another over it ("Trending": three teasers in a row, the
 * headline under them) is an item of a list: a headline has its standfirst, byline or date under
 * it, and a title over it only when a list ends there.
 */
function insideTitleList(lines: readonly ClassifiedLine[], index: number): boolean {
  const listed = (i: number) => {
    const text = lines[i]?.text;
    return text !== undefined && wordCount(text) >= LISTED_TITLE_WORDS && looksLikeHeadline(text) && factShape(text) === null && !isDateLine(text);
  };
  return listed(index - 1) && listed(index + 1);
}

/**
 * A headline further up, beyond a long menu or a list of teasers the page put between it and the
 * body: the nearest title-like line with its date line close under it, or the title-like line
 * just above that one (a headline opens its header; a standfirst may stand between it and the date).
 */
function distantHeadline(lines: readonly ClassifiedLine[], before: number): number | null {
  const isTitle = (i: number) => lines[i].kept && looksLikeHeadline(lines[i].text) && !inTeaserList(lines, i) && !underRelatedLabel(lines, i);
  for (let i = before - 1; i >= Math.max(0, before - DISTANT_HEADER_WINDOW); i--) {
    if (!isTitle(i) || headerFactsAfter(lines, i) < DISTANT_DATE_EVIDENCE) continue;
    for (let above = Math.max(0, i - 2); above < i; above++) {
      if (isTitle(above) && headerFactsAfter(lines, above) >= DISTANT_DATE_EVIDENCE) return above;
    }
    return i;
  }
  return null;
}

/**
 * "Ministers strike a deal at last. The crossing reopens next week": some newsrooms' headlines
 * (Czech and Slovak ones often) are two short sentences. Such a line is a title only when the page
 * repeats it (as its heading and in its title bar) and it credits no picture (a caption repeated
 * under a photo and in its gallery).
 */
function repeatedTwoSentenceTitle(lines: readonly ClassifiedLine[], index: number): boolean {
  const text = lines[index].text;
  return TWO_SENTENCES.test(text) && !PICTURE_CREDIT.test(text) && looksLikeHeadline(text, true) && repetitions(lines, index) > 0;
}

function looksLikeHeadline(line: string, twoSentences = false): boolean {
  const text = withoutSectionLabel(line);
  const words = wordCount(text);
  return (
    (words >= MIN_HEADLINE_WORDS || UNSPACED.test(text)) &&
    words <= MAX_HEADLINE_WORDS &&
    text.length <= MAX_HEADLINE_CHARS &&
    HEADLINE_START.test(text) &&
    (!SENTENCE_END.test(text) || INITIALS_END.test(text)) &&
    !/[,;:]$/.test(text) &&
    !NOT_HEADLINE.test(text) &&
    !CODE_LINE.test(text) &&
    (twoSentences || !TWO_SENTENCES.test(text)) &&
    !ENDS_WITH_FUNCTION_WORD.test(text) &&
    !PAGE_FURNITURE.test(text) &&
    !STATUS_OPENING.test(text) &&
    !readMetadataLine(text, undefined, true) &&
    !bylineName(text) &&
    !namesTwoPeople(text) &&
    !HOUSE_WITH_AGENCIES.test(text) &&
    !isDateLine(text) &&
    !dateIn(text)?.day
  );
}

/**
 * "Jane Doe" over "Brussels - 5 Mar 2025 - 21:03": a byline, however title-like a name looks. Only
 * in a script with capitals: without them a short title has a name's shape.
 */
function isNameOverDate(lines: readonly ClassifiedLine[], index: number): boolean {
  const text = lines[index].text;
  const next = lines[index + 1]?.text;
  return (
    next !== undefined &&
    /^\p{Lu}/u.test(text) &&
    (isDateLine(next) || isTimeStamp(next) || dateIn(next)?.day != null) &&
    (nameLine(text) ?? namesBeforeHouse(text)) !== null
  );
}

// A writer's name: a given name, a middle initial or name, a surname; a newspaper's name of up to five words after the last.
const PERSON_WORDS = [2, 3];
const MAX_HOUSE_WORDS = 5;
// A line naming people (nameLine) is this short.
const MAX_NAME_LINE_WORDS = 8;

/**
 * "Jane Doe and John Q. Roe Harbour Daily Herald": the writers and, with no mark between, the house
 * they write for, as some newspaper groups print a byline over its date. Each name is the shortest
 * run of two or three words that reads as one; the rest must be a newspaper's name.
 */
function namesBeforeHouse(text: string): string | null {
  const parts = text.split(/\s+(?:and|&)\s+/);
  if (parts.length !== 2 || wordCount(text) > MAX_NAME_LINE_WORDS + MAX_HOUSE_WORDS) return null;
  const first = nameLine(parts[0]);
  if (!first) return null;
  const words = parts[1].split(/\s+/);
  for (const size of PERSON_WORDS) {
    const house = words.slice(size);
    if (house.length === 0 || house.length > MAX_HOUSE_WORDS || !newspaperName(house.join(" "))) continue;
    const second = nameLine(words.slice(0, size).join(" "));
    if (second && !/\p{Lu}\.$/u.test(second)) return `${first}, ${second}`;
  }
  return null;
}

/**
 * A title under "Read also", "Related": another story's, linked from this one. The label heads a
 * list: a title further under it (another teaser's kind label and byline between) is one of its
 * items when its credit or date line has the shape of the first item's.
 */
function underRelatedLabel(lines: readonly ClassifiedLine[], index: number): boolean {
  let first: number | null = null;
  for (let i = index - 1; i >= Math.max(0, index - RELATED_LIST_REACH); i--) {
    const text = lines[i].text;
    if (isRelatedLabel(text)) {
      if (first === null) return true;
      const shape = factShape(lines[index + 1]?.text);
      return shape !== null && shape === factShape(lines[first + 1]?.text);
    }
    if (isProse(text)) return false;
    if (looksLikeHeadline(text)) first = i;
  }
  return false;
}

/**
 * The entries of a table of contents above the body: title-like lines, two or more in a row, that
 * the article repeats as subheadings over its paragraphs. Neither an entry nor the subheading
 * repeating it is the headline. (A headline the page repeats over a summary, as a video box does,
 * has no such neighbour.)
 */
function tableOfContents(lines: readonly ClassifiedLine[], from: number, bodyStart: number): Set<string> {
  const heads = (i: number) => {
    const text = lines[i]?.text;
    if (text === undefined || i < from || i >= bodyStart) return false;
    for (let j = i + 1; j < lines.length - 1; j++) if (lines[j].text === text && isProse(lines[j + 1].text)) return true;
    return false;
  };
  const entries = new Set<string>();
  let previous = false;
  let current = heads(from);
  for (let i = from; i < bodyStart; i++) {
    const next = heads(i + 1);
    if (current && (previous || next)) entries.add(lines[i].text);
    previous = current;
    current = next;
  }
  return entries;
}

/** How many other lines are this one, or this one with the site's name after it. */
function repetitions(lines: readonly ClassifiedLine[], index: number): number {
  const text = lines[index].text.toLowerCase();
  let count = 0;
  for (const [i, other] of lines.entries()) {
    if (i === index) continue;
    const lower = other.text.toLowerCase();
    if (
      lower === text ||
      (lower.startsWith(text) && TITLE_SUFFIX.test(other.text.slice(text.length))) ||
      (lower.endsWith(text) && TITLE_PREFIX.test(other.text.slice(0, other.text.length - text.length)))
    ) {
      count++;
    }
  }
  return count;
}

function bylineJustAbove(lines: readonly ClassifiedLine[], index: number): boolean {
  // Only "By …" lines: cheap to spot, and reading every line above as a byline would cost a date parse each.
  for (let i = index - 1; i >= Math.max(0, index - NAME_LINE_REACH); i--) {
    if (!/^by\b/i.test(lines[i].text) || !bylineName(lines[i].text)) continue;
    // The credit of the last teaser in a list above the headline is the teaser's.
    if (i > 0 && looksLikeHeadline(lines[i - 1].text) && inTeaserList(lines, i - 1)) continue;
    return true;
  }
  return false;
}

/** Evidence that a header follows: a byline, a date line, a standfirst sentence. */
function headerFactsAfter(lines: readonly ClassifiedLine[], index: number): number {
  if (inTeaserList(lines, index)) return 0;
  let byline = 0;
  let date = 0;
  let standfirst = 0;
  for (let i = index + 1; i < Math.min(lines.length, index + HEADER_FACTS_SPAN); i++) {
    const text = lines[i].text;
    // Facts right under a line are its own; a few lines down they may belong to a title nearer them.
    const near = 1 - (i - index - 1) * FACT_DISTANCE_DECAY;
    // A bare name with the posting time under it is a byline as much as the two glued on one line.
    const next = lines[i + 1]?.text;
    const credited = bylineName(text) !== null || (next !== undefined && isTimeStamp(next) && !dateIn(next)?.day && nameLine(text) !== null);
    // A photo's caption dates the photo ("A man prays in Kathmandu on 30 April 2015. (Photo Jane Doe)").
    const dated = !(lines[i].reason === "caption" && PICTURE_CREDIT.test(text)) && stamps(unglued(text)).some((stamp) => dateIn(stamp)?.day != null);
    if (!byline && credited) byline = BYLINE_EVIDENCE * near;
    if (!date && dated) date = DATE_EVIDENCE * near;
    // A standfirst: a sentence, or a long line in sentence case under a title in title case.
    const sentenceCase = !credited && !dated && isTitleCase(lines[index].text) && !isTitleCase(text);
    // Some sites end a standfirst without a full stop: under a title of a headline's length, a line
    // longer than it says as much, and so does a line of a sentence's length in sentence case with
    // the byline or date under it (headline, standfirst, byline; a title in title case there is the
    // headline, under a teaser or a breadcrumb).
    const words = wordCount(text);
    const titleWords = wordCount(lines[index].text);
    const credit = lines[i + 1]?.text;
    const creditUnder = credit !== undefined && !isTitleCase(text) && (bylineName(credit) !== null || isNameOverDate(lines, i + 1) || isDateLine(credit));
    const unstopped = titleWords >= 5 && !credited && !dated && ((words >= LONG_STANDFIRST_WORDS && words > titleWords) || creditUnder);
    if (i === index + 1 && words >= 8 && (/[.!?]$/.test(text) || sentenceCase || unstopped)) standfirst = STANDFIRST_EVIDENCE;
  }
  return byline + date + standfirst;
}

/**
 * A title-like line whose credit or date line under it has the shape of those under other titles
 * around it ("Title", "Jane Doe 11/13/19 9:00AM", counters, "Title", "Jane Doe 11/12/19 4:40PM"):
 * an item of a list of teasers, whose facts are its own, not a headline's.
 */
function inTeaserList(lines: readonly ClassifiedLine[], index: number): boolean {
  const shape = factShape(lines[index + 1]?.text);
  if (!shape) return false;
  let items = 0;
  for (let j = Math.max(0, index - TEASER_REACH); j <= Math.min(lines.length - 2, index + TEASER_REACH) && items < MIN_TEASERS; j++) {
    if (Math.abs(j - index) > 1 && factShape(lines[j + 1].text) === shape && looksLikeHeadline(lines[j].text)) items++;
  }
  return items >= MIN_TEASERS;
}

// Teasers around a title that make it one of a list: two more within a dozen lines.
const TEASER_REACH = 12;
const MIN_TEASERS = 2;

/** "credit", "date", "credit date" for a line that credits or dates what stands above it, else null. */
function factShape(text: string | undefined): string | null {
  if (text === undefined || wordCount(text) > MAX_DATE_LINE_WORDS) return null;
  const credited = bylineName(text) !== null;
  const dated = dateIn(unglued(text))?.day != null;
  return credited || dated ? `${credited ? "credit" : ""} ${dated ? "date" : ""}` : null;
}

/** "Video Shows Dramatic Rescue of Girl": the longer words after the first all capitalised. */
function isTitleCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .slice(1)
    .filter((word) => /^\P{L}*\p{L}{4}/u.test(word));
  return words.length >= 2 && words.every((word) => /^\P{L}*\p{Lu}/u.test(word));
}

/** The nearest byline to the headline; an agency when it is all the page credits. */
function findAuthor(lines: readonly ClassifiedLine[], [from, to]: [number, number], anchor: number): string | null {
  let agency: string | null = null;
  // At equal distance the line under the headline first: that is where bylines sit.
  for (const i of byDistance(from, to, anchor, true)) {
    const text = lines[i].text;
    const next = lines[i + 1]?.text;
    // A name with the writer's role under it ("Jane Doe" / "Games Editor") credits the writer as "By" does.
    const name = bylineName(text) ?? nameUnderLabel(text, next) ?? (next !== undefined && isRoleLine(next) ? nameLine(text) : null);
    if (name) return name;
    agency ??= agencyCredit(unglued(text)) ?? datelineCredit(text) ?? staffCredit(text);
  }
  // A bare name just after the headline beside a dateline, or in the dateline's lines above it.
  const dated = (j: number) =>
    j !== anchor &&
    lines[j] !== undefined &&
    (isDateLine(lines[j].text.replace(READING_TIME_AFTER, "")) ||
      isTimeStamp(lines[j].text) ||
      HANDLE.test(lines[j].text) ||
      READING_TIME.test(lines[j].text) ||
      isHouseDateLine(lines[j].text));
  // The name may have its role ("Senior Reporter") or a button to follow the writer ("Follow") on the line under it, before the dateline.
  const labelThenDated = (i: number) => lines[i + 1] !== undefined && (isRoleLine(lines[i + 1].text) || FOLLOW_BUTTON.test(lines[i + 1].text)) && dated(i + 2);
  for (let i = anchor + 1; i <= Math.min(to - 1, anchor + NAME_LINE_REACH); i++) {
    const name = dated(i - 1) || dated(i + 1) || labelThenDated(i) ? (nameLine(lines[i].text) ?? namesBeforeHouse(lines[i].text)) : null;
    if (name) return name;
  }
  for (let i = anchor - 1; i >= Math.max(from, anchor - NAME_LINE_REACH); i--) {
    const name = [i - 2, i - 1, i + 1, i + 2].some((j) => j < anchor && dated(j)) ? nameLine(lines[i].text) : null;
    if (name) return name;
  }
  // "Jane Doe" over "Daily Bugle News": a name with the house it writes for on the line under it.
  for (let i = anchor + 1; i <= Math.min(to - 2, anchor + HOUSE_NAME_REACH); i++) {
    const name = outletName(lines[i + 1].text) ? nameLine(lines[i].text) : null;
    if (name && !outletName(name)) return name;
  }
  // A republished wire story credits its agency ("WASHINGTON (Reuters) -"); its tail's reporters only when nothing else is credited.
  return agency ?? wireReporters(lines, anchor);
}

/** "Associated PressDecember 2, 2016", "Daily Bugle News | March 5, 2025": an agency's or a house's name with the date. */
function isHouseDateLine(text: string): boolean {
  const line = unglued(text);
  const date = dateIn(line);
  if (!date?.day || date.index === 0) return false;
  // stripDate leaves a slash before the date ("Associated Press / March 5, 2025").
  const house = stripDate(line).replace(/[\s/]+$/, "");
  return agencyCredit(house) !== null || outletName(house) !== null;
}

/** The reporters a wire story's tail credits, below the headline ("(Reporting by Jane Doe; Editing by John Roe)"). */
function wireReporters(lines: readonly ClassifiedLine[], from: number): string | null {
  for (let i = from + 1; i < lines.length; i++) {
    const text = lines[i].text;
    const tail = /^\(?(?:rep|wri)/i.test(text) && wordCount(text) <= MAX_WIRE_TAIL_WORDS ? WIRE_TAIL.exec(text) : null;
    const name = tail && parseByline(tail[1].replace(FILED_FROM, "").trim());
    if (name) return name;
  }
  return null;
}

function isRoleLine(text: string): boolean {
  return wordCount(text) <= MAX_ROLE_WORDS && (ROLE_LINE.test(text) || (DESK_ROLE_LINE.test(text) && ROLE_WORD.test(text)));
}

/** "Author:" alone on its line, the name on the next. */
function nameUnderLabel(text: string, next: string | undefined): string | null {
  if (next === undefined || !/[:：]\s*$/.test(text)) return null;
  const facts = readMetadataLine(text, next, false);
  return facts?.consumesNext && facts.author ? cleanName(facts.author) : null;
}

/** "Monday 6:30PM", "Yesterday 2:45PM", "22 hours ago": when a page was posted, without its calendar day. */
function isTimeStamp(text: string): boolean {
  if (!(/\d/.test(text) || SPELLED_AGO.test(text)) || wordCount(text) > MAX_STAMP_WORDS) return false;
  const result = chrono.casual.parse(text)[0];
  return result !== undefined && result.text.length >= text.length * 0.5;
}

/**
 * The person a byline line names: "By Jane Doe", "Author: Jane Doe", "by Jane Doe Staff Writer",
 * "Jane Doe - Nov 19, 2019", "March 3, 2020 | By: Jane Doe". Null when the line is something else.
 */
export function bylineName(line: string): string | null {
  let name = bylines.get(line);
  if (name === undefined) {
    name = readBylineName(line);
    bylines.set(line, name);
  }
  return name;
}

const BYLINE_MARK = /^[/|•·—–-]+\s*(?=by\s)/i;
// The link to the writer's page after the name, glued to it or not ("Jane DoeView More Articles", "Jane Doe More stories by this author").
const WRITER_PAGE_LINK =
  /(?:\s+|(?<=\p{Ll})(?=\p{Lu}))(?:(?:[Vv]iew|[Ss]ee|[Rr]ead)\s+(?:[Aa]ll|[Mm]ore)|[Mm]ore|[Aa]ll)\s+(?:[Aa]rticles|[Pp]osts|[Ss]tories)\b.*$/u;
const DESCRIBED_BYLINE = /^by\s+([^,]{3,60}),\s+(?:a|an|the)\s+\p{Ll}/iu;
const PICTURE_PART = /\s+(?:and|&)\s+[^()]{3,40}?\s*\((?:photo\w*|pictures?|images?|video|graphics?|illustrations?)\)/giu;
const WORK_PART = /\s*\(\p{Ll}[\p{Ll} ]{2,30}\)/gu;

function readBylineName(source: string): string | null {
  // "// By Jane Doe • Nov 11, 2020": a byline set off by a mark before it.
  const line = source.replace(BYLINE_MARK, "");
  // "By Jane Doe, a deputy editor who has covered …": the writer described in a sentence after the name.
  const described = DESCRIBED_BYLINE.exec(line);
  if (described) return nameLine(described[1]);
  if (wordCount(line) > MAX_DATE_LINE_WORDS) return labelledPart(line);
  // Social handles glued to or following the name ("By Jane Doe@janedoe"); each name's part in the
  // work in brackets, and the photographer's name with it ("by Jane Doe (reporting) and John Roe (photography)").
  const text = unglued(
    line
      .replace(/\s*@\w+/g, " ")
      .replace(PICTURE_PART, "")
      .replace(WORK_PART, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
  const whole = labelledName(text);
  if (whole) return whole;
  const linked = WRITER_PAGE_LINK.exec(text);
  if (linked && linked.index > 0) {
    const name = nameLine(text.slice(0, linked.index));
    if (name) return name;
  }
  const parts = text.split(BYLINE_PARTS).filter(Boolean);
  if (parts.length > 1) {
    for (const part of parts) {
      const name = labelledName(part);
      if (name) return name;
    }
    // "March 3, 2020 | Jane Doe": a dateline with the name after the date.
    if (isDateLine(parts[0])) {
      const name = parts
        .slice(1)
        .map(nameLine)
        .find((found) => found !== null && !outletName(found));
      if (name) return name;
    }
  }
  // "Jane Doe, Foreign Affairs Editor": a name and the writer's role.
  const comma = text.indexOf(",");
  if (comma > 0 && wordCount(text.slice(comma + 1)) <= MAX_ROLE_WORDS && ROLE_WORD.test(text.slice(comma + 1))) {
    const name = nameLine(text.slice(0, comma));
    if (name) return name;
  }
  // "Jane Doe - Nov 19, 2019", "Jane Doe @janedoe / 2 days": a name followed only by a date or a handle.
  const date = dateIn(text);
  // "By admin - 2018-09-16", "March 3, 2020 / by jdoe": a dateline crediting a site account.
  const account = ACCOUNT_CREDIT.exec(text)?.[1];
  if (account && date?.day && !isStopword(account.toLowerCase()) && !PICTURE_CREDIT.test(text) && !chrono.casual.parse(account).length) return account;
  // "Posted on March 30, 2015 by Jane Doe", "21:17 18.11.2019 by Jane Doe": a dateline ending with its author.
  const after = DATED_BY.exec(text);
  if (after && date?.day && date.index < after.index) {
    const name = parseByline(after[1]);
    if (name) return name;
  }
  // "Jane Doe Tuesday 5:30PM": a name followed only by a posting time without its day.
  if (!date?.day) {
    const name = nameBeforeTimeStamp(text);
    if (name) return name;
  }
  const end = Math.min(date && date.index > 0 ? date.index : text.length, text.search(/\s[/|•·]\s/) + 1 || text.length);
  if (end < text.length && !PICTURE_CREDIT.test(text.slice(end))) {
    const before = text.slice(0, end).replace(/[\s|•·,–—/-]+$/, "");
    if (before && wordCount(before) <= 5 && !agencyCredit(before)) {
      const name = parseByline(before);
      if (name && wordCount(name) >= 2) return name;
    }
  }
  return null;
}

/**
 * "Daily Bugle | 4 May 2015, 1:36 pm • Updated 5 May 2015, 8:13 pm | By Jane Doe (with John Roe)": a
 * header line too long for a byline whose one part is a labelled credit; the writers it adds in
 * brackets are left out.
 */
function labelledPart(line: string): string | null {
  const parts = line.split(BYLINE_PARTS);
  if (parts.length < 2) return null;
  for (const part of parts) {
    const credit = part.replace(TRAILING_BRACKETS, "");
    if (wordCount(credit) > MAX_DATE_LINE_WORDS) continue;
    const name = labelledName(credit);
    if (name) return name;
  }
  return null;
}

const TRAILING_BRACKETS = /\s*\([^()]*\)\s*$/;

/** "By …", "Author: …", "BY: …" with the name cleaned of a glued role, a date or a status word. */
function labelledName(text: string): string | null {
  const facts = readMetadataLine(text, undefined, false);
  if (facts?.author) return cleanName(facts.author);
  // A role glued to the name by a copy without spaces ("By Jane DoeStaff Writer").
  const spaced = text.replace(/(\p{Ll})(\p{Lu}\p{Ll}+ (?:Writer|Reporter|Editor|Correspondent)\b)/u, "$1 $2");
  // Lower-case words a copy ran onto the end of the line ("By Jane Doe close video") are not the name.
  const unlabelled = AUTHOR_LABEL.exec(spaced)?.[1];
  if (unlabelled) return nameLine(unlabelled);
  const by = CREDIT_BY.exec(spaced)?.[1]?.replace(TRAILING_LOWER_CASE, "");
  if (!by) return foreignByline(spaced);
  const name = parseByline(
    withoutTrailingHouse(
      stripRole(stripDate(by.replace(STATUS_WORDS, "")))
        .replace(FOR_HOUSE, "")
        .replace(TRAILING_AGENCY, (agency, at, value: string) => (wordCount(value.slice(0, at)) >= 2 ? "" : agency))
        .replace(IN_PLACE, ""),
    ),
  );
  return name ? cleanName(name) : null;
}

/**
 * "Jane Doe Daily News": the house a copy ran onto the name without a comma, when two words of a
 * name are left ("The New York Times" is one house's name, not "The New" and "York Times").
 */
function withoutTrailingHouse(value: string): string {
  const words = value.split(" ");
  if (/^the$/i.test(words[0])) return value;
  for (let count = 2; count <= Math.min(3, words.length - 2); count++) {
    if (outletName(words.slice(-count).join(" "))) return words.slice(0, -count).join(" ");
  }
  return value;
}

/** "Par Marie Dupont", "Von Hans Weber": the whole rest must be a name of two words or more ("Von der Leyen visits" is not). */
function foreignByline(text: string): string | null {
  const rest = FOREIGN_BY.exec(text)?.[1];
  if (!rest) return null;
  const names: string[] = [];
  // "Von Hans Weber und Erika Muster", "Por Ana Ruiz y Luis Gómez": each person a name of two words or more.
  for (const value of stripDate(rest).split(FOREIGN_AND)) {
    const name = parseByline(value);
    if (name !== value || wordCount(name) < 2) return null;
    names.push(name);
  }
  return names.join(", ");
}

const FOREIGN_AND = /\s+(?:und|et|y|e|en|og|och)\s+/;

/** "Jane Doe Tuesday 5:30PM", "Jane Doe 3 hours ago": the name before a posting time that names no calendar day. */
function nameBeforeTimeStamp(text: string): string | null {
  if (!/\d/.test(text) || !TIME_STAMP_WORDS.test(text)) return null;
  const stamp = chrono.casual.parse(text).at(-1);
  if (!stamp || stamp.index === 0 || stamp.index + stamp.text.length < text.length - 1) return null;
  const name = nameLine(text.slice(0, stamp.index).replace(/[\s|•·,–—/-]+$/, ""));
  return name && !outletName(name) ? name : null;
}

// "a day ago", "an hour ago": a posting time with its number spelled out.
const SPELLED_AGO = /^(?:an?|one)\s+(?:minute|hour|day|week)\s+ago$/i;
// Words of a posting time without its day: weekdays, "yesterday", "3 hours ago".
const TIME_STAMP_WORDS = new RegExp(String.raw`\b(?:${WEEKDAY_STARTS})[a-z]*\b|\b(?:yesterday|today|ago)\b`, "i");

/** A name that a status word ran into ("Jane Doe Updated") loses it. */
function cleanName(name: string): string | null {
  // "Jane Doe FOXBusiness": a site's coined name the copy glued to the byline.
  const cleaned = name
    .replace(STATUS_WORDS, "")
    .replace(/\s+\S*\p{Lu}{2,}\p{Ll}\S*$/u, "")
    .trim();
  // "By JANE DOE": a name set in capitals is shown in its usual case.
  return cleaned ? (isShouted(cleaned) ? nameCase(cleaned) : cleaned) : null;
}

function isShouted(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}{2}/u.test(text);
}

function nameCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before, letter) => before + letter.toUpperCase());
}

/**
 * A name alone on a line ("Jane Doe", "JANE DOE, SPECIAL CORRESPONDENT", "Jane Doe, Reuters",
 * "Jane Doe in Brussels", "Jane Doe and John Roe"), in its usual case.
 */
function nameLine(text: string): string | null {
  const first = text
    .split(",")[0]
    .replace(/\s*@\w+/g, "")
    .trim()
    .replace(IN_PLACE, "");
  if (wordCount(text) > MAX_NAME_LINE_WORDS || agencyCredit(first) || /\d/.test(text)) return null;
  const people = first.split(/\s+(?:and|&)\s+/i);
  if (people.length > 2) return null;
  const names: string[] = [];
  for (const person of people) {
    const words = wordCount(person);
    // "The" opens a title ("The Harbour at Night"), never a name ("A" and "An" may be given names).
    // In a script without capitals a short title has a name's shape: only a labelled byline names a writer there.
    if (words < 2 || words > 4 || /^the\s/i.test(person) || !/\p{Lu}/u.test(person)) return null;
    const candidate = person === person.toUpperCase() ? nameCase(person) : person;
    if (parseByline(candidate) !== candidate) return null;
    names.push(candidate);
  }
  return names.join(", ");
}

/** "Jane Doe and John Roe": a credit naming two people, never a headline. */
function namesTwoPeople(text: string): boolean {
  return /\s(?:and|&)\s/i.test(text) && nameLine(text) !== null;
}

function stripDate(text: string): string {
  const date = dateIn(text);
  // "Jane Doe on March 3, 2020": the preposition goes with the date.
  return date && date.index > 0
    ? text
        .slice(0, date.index)
        .replace(/[\s|•·,–—-]+$/, "")
        .replace(/\s+(?:on|at)$/i, "")
    : text;
}

function stripRole(text: string): string {
  return text.replace(/,?\s+(?:(?:senior|staff|chief|special|contributing)\s+)?(?:writer|reporter|editor|correspondent|columnist)\b.*$/i, "");
}

/** "November 19, 2019 / 10:07 AM / CBS News": the organisation a dateline credits. */
function datelineCredit(text: string): string | null {
  if (!isDateLine(text) && !dateIn(text)) return null;
  for (const part of text.split(/\s+[/|•·]\s+/).slice(1)) {
    const name = outletName(part.trim());
    if (name) return name;
  }
  return null;
}

function agencyCredit(text: string): string | null {
  const match = AGENCY_DATELINE.exec(text);
  const dateline = match?.[1] ?? match?.[2];
  const source = dateline ?? (wordCount(text) <= MAX_DATE_LINE_WORDS ? text : null);
  if (!source) return null;
  for (const [pattern, name] of AGENCIES) {
    const named = pattern.exec(source);
    // "Jane Doe/Sputnik via AP", "AP Photo/Jane Doe", "REUTERS/Jane Doe": the agency of a picture, not of the story.
    if (named && !PICTURE_AGENCY_BEFORE.test(source.slice(0, named.index)) && !PICTURE_AGENCY_AFTER.test(source.slice(named.index + named[0].length)))
      return name;
  }
  return null;
}

const PICTURE_AGENCY_BEFORE = /(?:\/|\bvia|(?<!\p{L})(?:photos?|fotos?|images?|bild|фото|credit)\s*:)\s*$/iu;
const PICTURE_AGENCY_AFTER = /^\s*(?:photos?\b|\/)/i;

/** A credit to the house, not to a person ("By Daily Bugle Staff", "Daily Bugle Newsroom", "By Daily News"): the house's name. */
function staffCredit(text: string): string | null {
  // "By Global Times": a byline naming a house by a media word of its name.
  const byHouse = /^by\s+(.+)$/i.exec(text)?.[1];
  const named = byHouse && wordCount(byHouse) <= 4 && /^(?:the\s+)?\p{Lu}/u.test(byHouse) ? outletName(byHouse) : null;
  if (named) return named;
  const house = STAFF_CREDIT.exec(text)?.[1];
  // The pattern ignores case for "by" and "staff"; the house's name must still be capitalised, and
  // "By Our Foreign Staff" names none.
  if (!house || wordCount(house) > 4 || !/^(?:the\s+)?\p{Lu}/u.test(house) || /^(?:our|your|their)\b/i.test(house) || isStopword(house.toLowerCase()))
    return null;
  return outletName(house) ?? house;
}

const STAFF_CREDIT =
  /^(?:by\s+)?((?:the\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3})\s+(?:staff(?:\s+(?:writers?|reporters?))?|newsroom|news\s+desk|web\s+desk|editorial\s+(?:team|staff|board))$/iu;

/**
 * The publication date stated by a date line or a byline near the headline; "updated" dates
 * only when nothing else is stated. Dates inside body sentences are never taken.
 */
function findDate(lines: readonly ClassifiedLine[], [from, to]: [number, number], anchor: number, bodyStart: number): FoundDay | null {
  let updated: FoundDay | null = null;
  let aboveAnotherTitle: FoundDay | null = null;
  const pageYear = copyrightYear(lines);
  for (const i of byDistance(from, to, anchor)) {
    const line = lines[i];
    // A teaser's stamp dates the teaser (the headline's own stamp stays its own).
    if (i > 0 && i - 1 !== anchor && looksLikeHeadline(lines[i - 1].text) && inTeaserList(lines, i - 1)) continue;
    // A date under another title above the headline is that title's (a related story's), unless nothing else is dated.
    const underOtherTitle = i < anchor && i > 0 && looksLikeHeadline(lines[i - 1].text);
    for (const stamp of stamps(unglued(line.text))) {
      // "MOSCOW, March 5 (Reuters) - …": a wire dateline opening a paragraph is read up to its dash.
      const dateline = wordCount(stamp) > MAX_DATE_LINE_WORDS ? DATELINE_HEAD.exec(stamp)?.[1] : undefined;
      const text = dateline ?? stamp;
      if (wordCount(text) > MAX_DATE_LINE_WORDS) continue;
      const date = dateIn(text.replace(DATE_LABEL, ""));
      if (date && !date.day && date.monthDay && pageYear && (dateline || isDateLine(text) || STATUS_LABEL.test(text)))
        date.day = `${yearOfMonthDay(date.monthDay, pageYear, date.weekday)}-${date.monthDay}`;
      if (!date?.day) continue;
      // Inside the body a date is the article's only on a line of its own, a stamp or a dateline: a caption's or a subheading's date is their own.
      if (i > bodyStart && !dateline && !isDateLine(text) && !STATUS_LABEL.test(text) && !bylineName(text)) continue;
      // A caption or credit counts only when it opens with its date ("November 20, 2019 / 1:07 AM / Network").
      if ((line.reason === "caption" || line.reason === "credit") && !STATUS_PREFIX.test(text.slice(0, date.index)) && !isDateLine(text)) continue;
      // The time may stand apart from its day: "Nov 19, 2019 / 7:03 AM ET" on one line, or
      // "Nov. 19, 2019" with "5:50 PM" alone on the line under it.
      const found = { day: date.day, time: date.time ?? timeBeside(text) ?? (isDateLine(text) ? timeAlone(lines[i + 1]?.text, true) : null), index: i };
      if (UPDATED_LABEL.test(text) && !PUBLISHED_LABEL.test(text)) updated ??= found;
      else if (underOtherTitle) aboveAnotherTitle ??= found;
      else return found;
    }
  }
  return updated ?? aboveAnotherTitle;
}

// A dateline up to its dash: a city in capitals ("MOSCOW, March 5 —", "KYIV, Ukraine, March 5, 2025 —",
// "MOSCOW, March 5. /TASS/."), or any with its agency ("Brussels, March 5 (AFP) -").
const DATELINE_HEAD =
  /^(\p{Lu}{2,}[\p{Lu} .'’-]*,[^—–()]{3,40}?|\p{Lu}[\p{L} .'’-]{1,30},[^—–()]{3,40}?(?=\s*\([^)]{2,40}\)))(?:(?:\s*\([^)]{2,40}\)\.?)?\s*(?:[—–]|-{1,2})\s|\.?\s*\/[^/]{2,20}\/\.?\s)/u;

/** The time a part of its own shows beside the date of a stamp ("Nov 19, 2019 / 7:03 AM ET", "19.11.2019 | 08:15", "7:03 AM PST · Nov 19, 2019"). */
function timeBeside(text: string): string | null {
  const parts = text.split(STAMP_PARTS);
  const dated = parts.findIndex((part) => dateIn(part)?.day);
  if (dated === -1) return null;
  // After the date first ("Date / Time"), else before it ("7:03 AM PST · Date").
  for (const part of [...parts.slice(dated + 1), ...parts.slice(0, dated).reverse()]) {
    const time = timeAlone(part);
    if (time) return time;
  }
  return null;
}

// Between the parts of a stamp: "Date / Time / Network", "Date -- Time | Topic".
const STAMP_PARTS = /\s+(?:[/|•·]|--|[–—])\s+/;

/**
 * "5:50 PM", "17:50 GMT": a line or part that is only a time of day, as the page shows it. On a
 * line of its own it must say AM/PM or its zone: "1:23" there is as often a video's length.
 */
function timeAlone(stamp: string | undefined, ownLine = false): string | null {
  // "19:14 GMT (14:14 EST)": the same moment again in brackets, in the reader's zone.
  const text = stamp?.replace(BRACKETED, "");
  if (text === undefined || !/\d/.test(text) || wordCount(text) > MAX_STAMP_WORDS || TIME_STAMP_WORDS.test(text)) return null;
  const result = chrono.casual.parse(text)[0];
  if (!result || result.start.isCertain("day") || result.text.length < text.trim().length * 0.8) return null;
  if (ownLine && !result.start.isCertain("meridiem") && !result.start.isCertain("timezoneOffset")) return null;
  return shownTime(result);
}

const BRACKETED = /\s*\([^()]*\)/g;

interface FoundDay {
  day: string;
  time: string | null;
  /** The line it was read from. */
  index: number;
}

/** A line with the spaces a copy lost put back ("Jane DoeMar 3, 2020" → "Jane Doe Mar 3, 2020"). */
function unglued(text: string): string {
  return text.replace(GLUED_WORD, "$1 ").replace(GLUED_YEAR, "$1 ").replace(GLUED_CAPITALS, "$1 ");
}

// "Nov 19 20197:03 AM EST": a year the copy ran into the time after it.
const GLUED_YEAR = /(?<!\d)((?:19|20)\d{2})(?=\d{1,2}:\d{2}(?!\d))/g;
// "7:03 AM ESTUPDATED AN HOUR AGO": a stamp in capitals run into the next one's label.
const GLUED_CAPITALS = /(\p{Lu}{2,})(?=(?:UPDATED|PUBLISHED|POSTED)\b)/gu;

/** "Published Nov 18 at 4:07 PM | Updated at 5:36 PM on Nov 18", "Updated Nov 19;Posted Nov 18": each stamp on its own. */
function stamps(text: string): string[] {
  return UPDATED_LABEL.test(text) ? text.split(STAMP_SEPARATOR) : [text];
}

/**
 * The year of the page's copyright line: pages leave out the year of dates in the current year,
 * and their footer states it.
 */
function copyrightYear(lines: readonly ClassifiedLine[]): number | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i].text;
    if (!COPYRIGHT.test(text) || wordCount(text) > 30) continue;
    // "© 2000-" runs to a year it does not state.
    const years = [...text.matchAll(/\b(?:19|20)\d{2}\b(?!\s*[-–]\s*(?!\d))/g)].map((m) => Number(m[0]));
    if (years.length) return Math.max(...years);
  }
  return null;
}

/**
 * The year of a day stated without one: the copyright line's, unless the weekday stated with it
 * ("Monday, Nov 18") falls in another year. Then the nearest year that fits (the earlier of two
 * as near): an archived story under this year's footer, or a footer left at an older year.
 */
function yearOfMonthDay(monthDay: string, pageYear: number, weekday: number | undefined): number {
  if (weekday === undefined) return pageYear;
  const fits = (year: number) => {
    const day = `${year}-${monthDay}`;
    return isRealDay(day) && dateOfIsoDay(day).getUTCDay() === weekday;
  };
  // 14 years each way hold every weekday of any day, 29 February's included (they repeat every 28 years).
  for (let distance = 0; distance <= MAX_WEEKDAY_YEARS; distance++) {
    if (fits(pageYear - distance)) return pageYear - distance;
    if (distance > 0 && fits(pageYear + distance)) return pageYear + distance;
  }
  return pageYear;
}

const MAX_WEEKDAY_YEARS = 14;

/** Indices from `from` to `to` (exclusive), nearest to `anchor` first, earlier before later unless `laterFirst`. */
function byDistance(from: number, to: number, anchor: number, laterFirst = false): number[] {
  const indices: number[] = [];
  for (let i = from; i < to; i++) indices.push(i);
  return indices.sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor) || (laterFirst ? b - a : a - b));
}

/** A line of dates alone: one date, or the stamps of one ("18:55 18.03.2025 (updated: 20:12 18.03.2025)"). */
function isDatesOnly(line: string): boolean {
  return stamps(line)
    .filter(Boolean)
    .every((stamp) => isDateLine(stamp.replace(STATUS_OPENING, "").replace(/^\s*[:：]?\s*/, "")));
}

/**
 * A line that is mostly a date ("Nov 19, 2019, 10:31 pm", "Updated: 19 November 2019"), or its
 * date and time as parts of their own ("9:14 PM · Mar 18, 2025", a social network's post stamp).
 */
export function isDateLine(line: string): boolean {
  const text = dateReadable(line);
  if (!/\d/.test(text) && !MONTH_OR_DAY.test(text)) return false;
  if (isMostlyDate(text)) return true;
  if (text.length > MAX_STAMP_CHARS) return false;
  const parts = text.split(STAMP_PARTS);
  return parts.length > 1 && parts.every((part) => (/\d/.test(part) || MONTH_OR_DAY.test(part)) && isMostlyDate(part));
}

// A date and a time as parts of their own make a short line; longer lines with a dash are prose.
const MAX_STAMP_CHARS = 60;

function isMostlyDate(text: string): boolean {
  if (DATE_SHAPED_LINE.test(text)) return true;
  const result = parseDates(text)[0];
  return result !== undefined && result.text.length >= text.replace(DATE_LABEL, "").length * 0.5;
}

// Arabic-Indic and Persian digits ("١٩ مايو ٢٠٢٥"), and dots around a month's name ("21.dez.2018"),
// are replaced one for one, so that offsets stay those of the line.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const DOTTED_MONTH = /(?<![\d.])(\d{1,2})\.(\p{L}{3,9})\.((?:19|20)\d{2})(?!\d)/gu;
// "Dec 28 Sat 2013 00:28": a weekday between the day and the year, which chrono does not read (blanked).
const WEEKDAY_BEFORE_YEAR = new RegExp(
  String.raw`(\b(?:${MONTH_STARTS})[a-z]*\.?\s+\d{1,2},?\s+)((?:${WEEKDAY_STARTS})[a-z]*\.?,?)(\s+(?:19|20)\d{2}\b)`,
  "gi",
);

function dateReadable(text: string): string {
  return text
    .replace(EASTERN_DIGITS, (digit) => String(digit.charCodeAt(0) - (digit >= "\u06f0" ? 0x6f0 : 0x660)))
    .replace(DOTTED_MONTH, "$1 $2 $3")
    .replace(WEEKDAY_BEFORE_YEAR, (_, day: string, weekday: string, year: string) => `${day}${" ".repeat(weekday.length)}${year}`);
}

const MONTH_OR_DAY = new RegExp(String.raw`\b(?:${MONTH_STARTS}|${WEEKDAY_STARTS})`, "i");
// The same header lines are looked at from several places; chrono is the costly part.
let parsedDates = new Map<string, chrono.ParsedResult[]>();
let bylines = new Map<string, string | null>();
// Month and weekday names of the page's own language, tried after English.
const LOCAL_PARSERS: Record<string, chrono.Chrono> = {
  de: chrono.de.strict,
  es: chrono.es.strict,
  fi: chrono.fi.strict,
  fr: chrono.fr.strict,
  id: chrono.id.strict,
  it: chrono.it.strict,
  ja: chrono.ja.strict,
  nl: chrono.nl.strict,
  pt: chrono.pt.strict,
  ru: chrono.ru.strict,
  sv: chrono.sv.strict,
  uk: chrono.uk.strict,
  vi: chrono.vi.strict,
  zh: chrono.zh.strict,
  ...MONTH_NAME_PARSERS,
};
let localParser: chrono.Chrono | null = null;
// A word beside a day and a year ("Maret 30, 2015", "22 de outubro de 2010", "3. März 2020").
const FOREIGN_DATE_SHAPE = /\p{L}{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b|\b\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b/u;
// A line that is only a date with its month's name in another script than the Latin one (of two
// words in Arabic), a Gregorian or Hijri year and an era's letter, a weekday before and a time
// after, whether or not a parser reads its month ("19 ذو القعدة 1446 هـ", "Τετάρτη, 5 Μαρτίου 2025,
// 18:40"): never a headline. Latin-script months are left to the parsers: "Windows 11 Review 2024"
// is a headline.
const DATE_SHAPED_LINE =
  /^(?:\p{L}+[,،]?\s+)?(?:\d{1,2}\.?\s+(?:(?!\p{Script=Latin})\p{L}+|\p{Script=Arabic}+\s+\p{Script=Arabic}+)\s+|(?!\p{Script=Latin})\p{L}{3,}\.?\s+\d{1,2},?\s+)(?:19|20|13|14)\d{2}(?:\s+\p{L}{1,2}\.?)?(?:[,،]?\s+\d{1,2}[:.]\d{2}[^\n]{0,20})?$/u;

function parseDates(text: string): chrono.ParsedResult[] {
  let results = parsedDates.get(text);
  if (!results) {
    results = chrono.strict.parse(text);
    if (localParser && !results.some(isCalendarDate)) results = [...localParser.parse(text), ...results];
    // A dated line in a language the guesser does not know ("Posted on Maret 30, 2015"): its
    // month is read in whichever language names one. Only lines shaped like a date, to stay cheap.
    // A parser that reads only part of it ("5 de mar" of "5 de março de 2025" in Spanish) leaves the year unread.
    if (!results.some(isCalendarDateWithYear) && FOREIGN_DATE_SHAPE.test(text)) {
      for (const parser of Object.values(LOCAL_PARSERS)) {
        if (parser === localParser) continue;
        const found = parser.parse(text).filter(isCalendarDateWithYear);
        if (found.length) {
          results = [...found, ...results];
          break;
        }
      }
    }
    parsedDates.set(text, results);
  }
  return results;
}

function isCalendarDate(result: chrono.ParsedResult): boolean {
  return result.start.isCertain("day") && result.start.isCertain("month");
}

function isCalendarDateWithYear(result: chrono.ParsedResult): boolean {
  return isCalendarDate(result) && result.start.isCertain("year");
}

interface FoundDate {
  index: number;
  /** YYYY-MM-DD when the year and day are stated. */
  day: string | null;
  /** MM-DD when the day is stated without its year ("Posted Nov 18, 8:19 PM"). */
  monthDay?: string;
  /** The weekday stated with a day without its year ("Monday, Nov 18"), 0 for Sunday. */
  weekday?: number;
  /** "22:31-06:00" when the time is stated with its zone, "22:31" without one. */
  time?: string | null;
}

/** A stated calendar date in a short line (not a time alone, not "today"). */
function dateIn(line: string): FoundDate | null {
  const text = dateReadable(line);
  if (!/\d/.test(text) || wordCount(text) > MAX_DATE_LINE_WORDS) return null;
  const calendar = parseDates(text).filter(isCalendarDate);
  // "2 hours ago | March 5, 2025": the stated day, not the relative time beside it.
  const result = calendar.find((found) => !found.tags().has("result/relativeDate")) ?? calendar[0];
  if (!result) return numericDate(text);
  const start = result.start;
  // English reads "05.03.2025" month first; dots, and slashes on a page in another language or of a day-first writer, are day first.
  const dayFirst = DOTTED_DATE.exec(text) ?? (slashedDayFirst ? SLASHED_DATE.exec(text) : null);
  if (dayFirst && dayFirst.index >= result.index && dayFirst.index < result.index + result.text.length) {
    const day = dayMonthYear(dayFirst);
    if (day) return { index: result.index, day, time: shownTime(result) };
  }
  // The year must be written out: chrono fills it in for "2 days ago" or "Nov 19".
  const year = String(start.get("year"));
  if (!start.isCertain("year") || !result.text.includes(year.slice(-2))) {
    // "2 days ago" names no day of its own.
    if (result.tags().has("result/relativeDate")) return { index: result.index, day: null };
    const monthDay = isoDate(2000, start.get("month") ?? 0, start.get("day") ?? 0).slice(5);
    const weekday = start.isCertain("weekday") ? (start.get("weekday") ?? undefined) : undefined;
    return { index: result.index, day: null, monthDay, weekday, time: shownTime(result) };
  }
  // The day and time as the page states them, in the page's own zone; with that zone, when stated, it is one moment.
  return { index: result.index, day: isoDate(Number(year), start.get("month") ?? 0, start.get("day") ?? 0), time: shownTime(result) };
}

// "18.11.2019": dates written with dots are day first wherever they are used.
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])/;
const SLASHED_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/;
const SLASHED_DATES = new RegExp(SLASHED_DATE.source, "g");

/**
 * Slashed dates ("03/05/2025") are read day first on a page in another language, and on an English
 * page whose other slashed dates can only be day first ("21/04/2025") and none only month first;
 * when those say nothing, on a page that writes its dates with the month's name day first ("21 May
 * 2025") more often than month first ("May 21, 2025"), as the countries writing slashed dates day
 * first do.
 */
let slashedDayFirst = false;

function slashedOrderOf(lines: readonly ClassifiedLine[]): "day" | "month" | null {
  let dayFirst = false;
  let monthFirst = false;
  let namedDayFirst = 0;
  let namedMonthFirst = 0;
  for (const { text } of lines) {
    if (text.includes("/")) {
      for (const [, first, second] of text.matchAll(SLASHED_DATES)) {
        if (Number(first) > 12 && Number(second) <= 12) dayFirst = true;
        if (Number(second) > 12 && Number(first) <= 12) monthFirst = true;
      }
    }
    if (!MONTH_NAME.test(text)) continue;
    for (const [, day, , month, monthDay] of text.matchAll(NAMED_DATES)) {
      if (day && Number(day) <= 31) namedDayFirst++;
      else if (month && monthDay && Number(monthDay) <= 31) namedMonthFirst++;
    }
  }
  if (dayFirst !== monthFirst) return dayFirst ? "day" : "month";
  return namedDayFirst === namedMonthFirst ? null : namedDayFirst > namedMonthFirst ? "day" : "month";
}

const MONTH_NAMES =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const MONTH_NAME = new RegExp(`\\b${MONTH_NAMES}\\b`);
/** "21 May 2025", "3rd of March" (day first); "May 21", "March 3rd, 2025" (month first); not "May 2025". */
const NAMED_DATES = new RegExp(
  `(?<![\\d.,])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})(?![\\p{L}])|\\b(${MONTH_NAMES})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|\\.\\d|\\s*(?:am|pm)\\b)`,
  "gu",
);

// "2019年11月19日", "2019년 11월 19일": year, month and day signs, in any of the languages that use them.
const SIGNED_DATE = /((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;

function numericDate(text: string): FoundDate | null {
  const signed = SIGNED_DATE.exec(text);
  if (signed) {
    const [year, month, day] = [Number(signed[1]), Number(signed[2]), Number(signed[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { index: signed.index, day: isoDate(year, month, day) };
  }
  const match = DOTTED_DATE.exec(text) ?? (slashedDayFirst ? SLASHED_DATE.exec(text) : null);
  const day = match && dayMonthYear(match);
  return day ? { index: match.index, day } : null;
}

function dayMonthYear(match: RegExpExecArray): string | null {
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return isoDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The outlet: the site's name after a repetition of the headline ("Headline | Site"), else the
 * name with the most evidence: the page's furniture calling itself by it ("Contact Site",
 * "Site Newsletter", "By Jane Doe, Site Staff", its address alone on a line), the footer's
 * trademark notice, menu lines opening with it ("SiteWire Video"), the copyright line (worth more
 * when written as the site's address), and how often the page names it at all, an abbreviation's
 * evidence going to the full name; else the copyright owner, else a single self-reference, else
 * the host of a URL on the page.
 */
function findOutlet(lines: readonly ClassifiedLine[], headlineIndex: number | null): string | null {
  if (headlineIndex !== null) {
    const headline = lines[headlineIndex].text.toLowerCase();
    for (const [i, line] of lines.entries()) {
      if (i === headlineIndex || !line.text.toLowerCase().startsWith(headline)) continue;
      const site = TITLE_SUFFIX.exec(line.text.slice(headline.length))?.[1];
      if (site) return site.trim();
    }
  }
  const candidates = new Map<string, Candidate>();
  const add = (name: string, score: number) => {
    const key = siteKey(name);
    const entry = candidates.get(key) ?? { name, score: 0, spellings: new Set<string>() };
    // The name as written in mixed case reads better than a logo's capitals.
    if (entry.name === entry.name.toUpperCase() && name !== name.toUpperCase()) entry.name = name;
    entry.score += score;
    entry.spellings.add(name);
    candidates.set(key, entry);
  };
  // One pass over the lines for what the page's furniture and notes say of the house.
  const logos = new Map<string, number>();
  for (const [index, line] of lines.entries()) {
    const text = line.text.trim();
    const words = wordCount(text);
    if (words <= SITE_LINE_WORDS) {
      for (const pattern of SELF_REFERENCES) {
        // "Follow the Site on X": the article before the name is the sentence's.
        const name = pattern
          .exec(text.replace(/[.:!]+$/, "").replace(BUTTON_STATE, ""))?.[1]
          ?.trim()
          .replace(/[.,:;!]+$/, "")
          .replace(/^the (?=\p{Lu})/u, "The ");
        if (name && isSiteName(name)) add(name, SELF_REFERENCE_SCORE);
      }
    }
    // The site's address alone on a line ("Bugle.com"), its logo in the header and the footer, or
    // a part of its own in a byline ("By Jane Doe | bugle.com | Updated …").
    if (words <= SITE_LINE_WORDS * 2) {
      for (const part of text.split(/\s+\|\s+/)) {
        if (wordCount(part) !== 1 || !DOMAIN_NAME.test(part) || NOT_AN_OUTLET_HOST.test(part) || (logos.get(siteKey(part)) ?? 0) >= MAX_LOGO_LINES) continue;
        logos.set(siteKey(part), (logos.get(siteKey(part)) ?? 0) + 1);
        add(part, SELF_REFERENCE_SCORE);
      }
    }
    const staff = STAFF_OF.exec(text)?.[1]
      ?.split(/[.,]\s/)[0]
      .replace(/[.,]+$/, "");
    if (staff && isSiteName(staff)) add(staff, SELF_REFERENCE_SCORE);
    // "Le Monde avec AFP": the house sharing its credit with agencies ("Staff and agencies" names none).
    const house = HOUSE_WITH_AGENCIES.exec(text)?.[1];
    if (house && !/^staff$/i.test(house) && isSiteName(house)) add(house, SELF_REFERENCE_SCORE);
    if (PART_OF_WORDS.test(text)) {
      const site = partOfCompany(text);
      if (site) add(site, TRADEMARK_SCORE);
    }
    if (words > SITE_LINE_WORDS * 3) continue;
    // A plain word test first: the patterns themselves are slow to fail on every line.
    if (HOUSE_VOICE_WORDS.test(text)) {
      for (const pattern of HOUSE_VOICE) {
        const name = pattern.exec(text)?.[1];
        if (name && isBrandName(name)) add(name, SELF_REFERENCE_SCORE);
      }
    }
    const brand = /trademark/i.test(text) ? ownTrademark(lines, index) : null;
    if (brand) add(brand, TRADEMARK_SCORE);
  }
  for (const [name, count] of menuBrands(lines)) add(name, Math.min(count, MAX_MENU_SCORE));
  // "© Reuters" under a wire story is the story's copyright; the site's own line names the site.
  let owner: string | null = null;
  let agencyOwner: string | null = null;
  for (let i = lines.length - 1; i >= 0 && !owner; i--) {
    const found = copyrightOwner(lines[i].text);
    if (found && agencyCredit(found)) agencyOwner ??= found;
    else owner = found;
  }
  owner ??= agencyOwner;
  // A copyright owner written as a web address is the site itself, not a parent company.
  if (owner) add(owner, DOMAIN_NAME.test(owner) ? COPYRIGHT_SCORE + SELF_REFERENCE_SCORE : COPYRIGHT_SCORE);
  for (const name of namesOfOwnAddress(lines)) add(name, SELF_REFERENCE_SCORE);
  mergeAbbreviations(candidates);
  // Each candidate gains from the lines elsewhere on the page that name it; an initialism only
  // where it is written in capitals ("NOW" is not "now").
  const written = lines.map((line) => line.text).join("\n");
  const text = written.toLowerCase();
  let best: { name: string; score: number } | null = null;
  for (const entry of candidates.values()) {
    // "CBS Sports" and "CBSSports.com" are one name: it is named as often as its most used spelling.
    const named = Math.max(
      ...[...entry.spellings].map((spelling) => {
        const initialism = /^\p{Lu}{2,}\d*$/u.test(spelling);
        const needle = initialism
          ? spelling
          : spelling
              .toLowerCase()
              .replace(/^the /, "")
              .replace(/\.(?:com|net|org|co\.uk|info|in|ca)$/, "");
        return mentions(initialism ? written : text, needle, MAX_MENTIONS);
      }),
    );
    const score = entry.score + Math.min(named, MAX_MENTIONS) * MENTION_SCORE;
    if (!best || score > best.score) best = { name: entry.name, score };
  }
  if (best && best.score >= MIN_OUTLET_SCORE) return best.name;
  if (owner) return owner;
  // One piece of the page's own word ("a reporter for Site") beats a guess from links.
  if (best && best.score >= SELF_REFERENCE_SCORE) return best.name;
  return outletFromLinks(lines);
}

interface Candidate {
  /** As shown. */
  name: string;
  score: number;
  /** Every way the evidence wrote it. */
  spellings: Set<string>;
}

// Short menu and footer lines that open with the site's own name ("Site Video", "Site China", "Site around the globe").
const BRAND_LINE_WORDS = 4;
const MIN_BRAND_LINES = 3;
// Evidence for a name being the outlet: what the page's furniture says of it, then how often it is named at all.
const SELF_REFERENCE_SCORE = 2;
const COPYRIGHT_SCORE = 2;
const MAX_MENU_SCORE = 4;
const MENTION_SCORE = 0.5;
const MAX_MENTIONS = 6;
const MIN_OUTLET_SCORE = 3;
const TRADEMARK_SCORE = 4;
const MAX_LOGO_LINES = 2;
// A coined name, unlike a section's word: capitals inside (TechCrunch, ZDNet; not a plural such as "MBAs"), an initialism (CNBC), a domain (Site.com).
const BRAND_SHAPE =
  /^(?:(?!\p{Lu}+s$)\p{Lu}(?=[\p{L}\p{N}]*\p{Lu})(?=[\p{L}\p{N}]*\p{Ll})[\p{L}\p{N}]+|\p{Lu}{2,5}\d*|[\p{L}\p{N}-]+\.(?:com|net|org|co\.uk|info|in|ca))$/u;

/** Coined names that open short menu and footer lines, with how many lines each opens. */
function menuBrands(lines: readonly ClassifiedLine[]): [string, number][] {
  const seen = new Map<string, { name: string; lines: number }>();
  for (const line of lines) {
    const words = line.text.trim().split(/\s+/);
    if (words.length > BRAND_LINE_WORDS || line.text.length > 60) continue;
    const name = words[0].replace(/(?:['’]s)?[.,:;!?]*$/, "");
    if (!BRAND_SHAPE.test(name) || GENERIC_SITE_WORDS.test(name) || isStopword(name.toLowerCase())) continue;
    const entry = seen.get(name.toLowerCase()) ?? { name, lines: 0 };
    entry.lines++;
    seen.set(name.toLowerCase(), entry);
  }
  return [...seen.values()].filter((entry) => entry.lines >= MIN_BRAND_LINES).map((entry) => [entry.name, entry.lines]);
}

const DOMAIN_NAME = /^[\p{L}\p{N}-]+\.(?:(?:com|co|net|org)\.[a-z]{2}|com|net|org|info|in|ca|ru|ua|cn|de|fr|it|es|eu|news|tv)$/u;

/**
 * A line that is the name of a web address the page writes out ("SiteName" beside
 * "sitename.co.uk features the latest…"): the site's logo and its address agree.
 */
function namesOfOwnAddress(lines: readonly ClassifiedLine[]): string[] {
  const addresses = new Set<string>();
  for (const line of lines) {
    if (!DOMAIN_ENDING.test(line.text)) continue;
    for (const [, domain, name] of line.text.matchAll(BARE_DOMAIN)) {
      if (!NOT_AN_OUTLET_HOST.test(domain)) addresses.add(name.toLowerCase().replace(/-/g, ""));
    }
  }
  if (addresses.size === 0) return [];
  const names = new Map<string, string>();
  for (const line of lines) {
    const text = line.text.trim();
    if (wordCount(text) > 3 || !/^\p{Lu}/u.test(text)) continue;
    const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
    if (addresses.has(key)) names.set(key, text);
  }
  return [...names.values()];
}

const DOMAIN_ENDING = /\.(?:com|net|org|co\.uk|info|in|ca)\b/i;
// "sitename.co.uk" written out in the page's text (not inside a link's path).
const BARE_DOMAIN = /(?<![\w./@-])(?:www\.)?(([\p{L}\p{N}-]+)\.(?:com|net|org|co\.uk|info|in|ca))(?![\w/-])/giu;

/**
 * "L.A. Times" and "AJ" are "Los Angeles Times" and "Al Jazeera" when the page names those too:
 * the short form's evidence goes to the full name, which is shown.
 */
function mergeAbbreviations(candidates: Map<string, Candidate>) {
  for (const [key, short] of candidates) {
    const full = [...candidates.values()].find((other) => other !== short && abbreviates(short.name, other.name));
    if (!full) continue;
    full.score += short.score;
    for (const spelling of short.spellings) full.spellings.add(spelling);
    candidates.delete(key);
  }
}

/** Whether `short` is `full` with words cut to their initials ("L.A. Times", "NYP" for "New York Post"). */
export function abbreviates(short: string, full: string): boolean {
  const words = (name: string) =>
    name
      .toLowerCase()
      .replace(/^the /, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const shortWords = words(short);
  const fullWords = words(full);
  if (shortWords.join("") === fullWords.join("") || fullWords.length < 2) return false;
  // Consume the full name's words in order: each gives its initial or itself.
  const compact = shortWords.join("");
  const initials = shortWords.some((w) => !fullWords.includes(w));
  const match = (at: number, word: number): boolean => {
    // "AJ" for "Al Jazeera Media Network": initials may stop before the full name's last words.
    if (at === compact.length) return word === fullWords.length || (word >= 2 && initials);
    if (word === fullWords.length) return false;
    const w = fullWords[word];
    return (compact.startsWith(w, at) && match(at + w.length, word + 1)) || (compact[at] === w[0] && match(at + 1, word + 1));
  };
  return match(0, 0);
}

function isStopword(word: string): boolean {
  return Object.values(STOPWORDS).some((words) => words.has(word));
}

/** "The Site", "Site.com" and "SITE" are one name. */
function siteKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the /, "")
    .replace(/\.(?:com|net|org|co\.uk|info|in|ca)$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How often `needle` occurs in `text` as whole words, counting up to `most`. */
function mentions(text: string, needle: string, most: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < most; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 ? text[at - 1] : "";
    const after = text[at + needle.length] ?? "";
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) count++;
  }
  return count;
}

/** The host most URLs on the page point to, leaving out social networks and link shorteners. */
function outletFromLinks(lines: readonly ClassifiedLine[]): string | null {
  const hosts = new Map<string, number>();
  for (const line of lines) {
    for (const [url] of line.text.matchAll(/\bhttps?:\/\/[^\s<>"]+/gi)) {
      const outlet = outletFromUrl(url);
      if (outlet && !NOT_AN_OUTLET_HOST.test(outlet)) hosts.set(outlet, (hosts.get(outlet) ?? 0) + 1);
    }
  }
  return [...hosts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The brand of a trademark notice in the footer, beside the copyright line ("Site Sports is a
 * registered trademark of Parent Inc."); not a third party's ("Gadget is a trademark of Gadget, Inc.").
 */
function ownTrademark(lines: readonly ClassifiedLine[], index: number): string | null {
  const match = TRADEMARK.exec(lines[index].text);
  const brand = match?.[1]?.trim();
  if (!brand || !isBrandName(brand) || match?.[2]?.toLowerCase().startsWith(brand.toLowerCase())) return null;
  const footer = lines.slice(Math.max(0, index - 2), index + 3).some((line) => COPYRIGHT.test(line.text));
  return footer ? brand : null;
}

/**
 * The site a footer says belongs to a company ("Site News is part of Parent Media Inc", "Site is
 * a division of Parent Group"): the name before, when what follows is a company by its suffix.
 */
function partOfCompany(text: string): string | null {
  const match = PART_OF.exec(text);
  if (!match) return null;
  const [, site, company] = match;
  return CORPORATE_SUFFIX.test(company.trim()) && isBrandName(site) ? site : null;
}

const PART_OF_WORDS = /\bis (?:an? )?(?:part|division|unit|subsidiary|member) of\b/;
const PART_OF =
  /(?:^|[.!]\s+)((?:The )?\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*){0,3}) is (?:an? )?(?:part|division|unit|subsidiary|member) of (?:the )?([^,.;:]{2,60}?)(?=[,.;:]|$)/u;

/** A proper name where the sentence leaves no doubt that it names the house (capitals allowed: "IGN"). */
function isBrandName(name: string): boolean {
  return wordCount(name) <= 4 && SITE_NAME.test(name) && !/^the$/i.test(name);
}

function isSiteName(name: string): boolean {
  const words = wordCount(name);
  return words <= 4 && SITE_NAME.test(name) && name !== name.toUpperCase() && !GENERIC_SITE_WORDS.test(name.replace(/^the\s+/i, "")) && !/^the$/i.test(name);
}

/** "© 2019 The Daily Bugle. All rights reserved." → "The Daily Bugle". */
export function copyrightOwner(line: string): string | null {
  // A footer's links may run on after the notice on one line ("© Site | Terms | Privacy | …"): then only the notice is read.
  const text = wordCount(line) > MAX_COPYRIGHT_WORDS ? line.split(FOOTER_LINKS).find((part) => COPYRIGHT.test(part)) : line;
  if (text === undefined || !COPYRIGHT.test(text) || wordCount(text) > MAX_COPYRIGHT_WORDS) return null;
  // "The Daily Bugle © 2000-2025": the name before the sign when only years follow it.
  const before = NAME_BEFORE_COPYRIGHT.exec(text)?.[1];
  const named = before && !PICTURE_CREDIT.test(before) ? before : null;
  let owner = (named ?? text)
    .replace(/^.*?(?:©|\bcopyright\b|\(c\))/i, "")
    .replace(/(?:©|\bcopyright\b|\(c\))/gi, "")
    .replace(/^[\s:,.-]*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,.-]*(?:by\s+)?/i, "")
    .split(/\.\s|\s[|•·]\s|,\s+an?\s|\ball rights reserved\b|,?\s+(?:or|and) its (?:affiliated companies|affiliates|subsidiaries)\b/i)[0]
    .replace(/\s*\d{4}(?:\s*[-–]\s*\d{4})?\s*$/, "")
    .trim()
    .replace(/[.,]$/, "");
  while (CORPORATE_SUFFIX.test(owner))
    owner = owner
      .replace(CORPORATE_SUFFIX, "")
      .trim()
      .replace(/\s*(?:&|and)$/i, "");
  // "АО «Коммерсантъ»": a company form written before the name, which stands in quotes.
  owner = owner.replace(CORPORATE_PREFIX, "").replace(/^[«"„“](.+)[»"“”]$/u, "$1");
  // "© 2025 site.com": a site may write its address in lower case.
  if (!owner || wordCount(owner) > 6 || !(/^[\p{Lu}\p{N}\p{Lo}]/u.test(owner) || DOMAIN_NAME.test(owner))) return null;
  return outletName(owner) ?? owner;
}
