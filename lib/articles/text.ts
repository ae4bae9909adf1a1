import type { SourceLine } from "./types";

// Invisible characters that only break matching and offsets: zero-width space, word joiner,
// BOM, soft hyphen, and control characters (C0 except whitespace, DEL, C1).
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const WHITESPACE_RUN = /\s+/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;

// A line that ends a sentence or a label: what follows it is a new paragraph.
const ENDS_PARAGRAPH = /[.!?:…。！？"”’»)\]]$/;
const STARTS_LOWERCASE = /^\p{Ll}/u;

// Hard-wrapped text (e-mail, some plain-text exports) has all lines under this width.
const MAX_WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 50;
const WRAPPED_LINE_SHARE = 0.75;
const MIN_WRAPPED_LINES = 2;
// In wrapped prose most lines break mid-sentence; a page of short lines has a few long titles at most.
const MIN_WRAPPED_SHARE = 0.2;
// On a page that also holds many short lines: most of its long lines, and at least this many.
const MIN_FORCED_SHARE_OF_LONG = 0.5;
const MIN_FORCED_AMONG_LONG = 3;
// Lines a hard-wrapped text may hold past its width, and their most share of its characters.
const MAX_OVERLONG_LINES = 3;
const MAX_OVERLONG_SHARE = 0.35;

/**
 * Canonical form of one line: NFC, invisible characters removed, whitespace runs (including
 * no-break and ideographic spaces) collapsed to one space, trimmed. Quotes and dashes are kept
 * as they are: annotation offsets count characters of this exact text.
 */
export function normalizeLine(text: string): string {
  // Printable ASCII is already NFC and holds nothing invisible: only runs of spaces can change.
  if (PRINTABLE_ASCII.test(text)) return (text.includes("  ") ? text.replace(WHITESPACE_RUN, " ") : text).trim();
  return text.normalize("NFC").replace(INVISIBLE, "").replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Splits plain text into candidate lines. Works for one paragraph per line as well as for
 * blank-line-separated paragraphs. Only hard-wrapped text has paragraphs broken across lines:
 * there a line is joined to the previous one when it evidently continues it (see
 * `continuesPrevious`). Elsewhere, as in a page copied from a browser, each line is a block of
 * its own, even one starting in lower case ("por Ana Ruiz", "martes, 3 de marzo de 2020", a menu).
 */
export function splitTextIntoLines(text: string): SourceLine[] {
  const raw = text.split(LINE_BREAK).map(normalizeLine);
  const wrapWidth = hardWrapWidth(raw);
  const join = lineJoiner(text);
  const lines: SourceLine[] = [];
  let previousRaw = "";
  for (const line of raw) {
    const last = lines.at(-1);
    if (wrapWidth !== null && line && last && previousRaw && continuesPrevious(previousRaw, line, wrapWidth)) {
      last.text = join(last.text, line);
    } else if (line) {
      lines.push({ text: line });
    }
    previousRaw = line;
  }
  return lines;
}

/**
 * True when `line` is the rest of the paragraph `previous` started: the previous line does not
 * end a sentence and this one starts in lowercase, or the text is hard-wrapped and this line's
 * first word would not have fitted on the previous one, so the wrap forced the break (a title
 * followed by its byline or date was broken by hand).
 */
export function continuesPrevious(previous: string, line: string, wrapWidth: number | null): boolean {
  if (ENDS_PARAGRAPH.test(previous)) return false;
  if (wrapWidth === null) return STARTS_LOWERCASE.test(line);
  if (STARTS_LOWERCASE.test(line)) return true;
  // A title long enough to reach the wrap width, then its date or byline on a line of their own.
  if (HEADER_LINE_START.test(line) && inTitleCase(previous)) return false;
  return forcedBreak(previous, line, wrapWidth);
}

/** A word broken by a hyphen at the end of a wrapped line ("nego-"), and what the next line opens with. */
const BROKEN_WORD = /(?<![\p{L}-])(\p{L}+(?:-\p{L}+)*)-$/u;
const NEXT_WORD = /^(\p{L}+)/u;

/**
 * Joins a line to the paragraph it continues. A word the wrap broke with a hyphen is made whole
 * ("nego-" + "tiations"), unless the text writes that compound with its hyphen elsewhere
 * ("long-" + "term" where it also says "long-term"), or the part after it opens in capitals or
 * digits ("Trump-" + "Putin talks", "COVID-" + "19"): then only the line break goes.
 */
export function lineJoiner(text: string): (paragraph: string, line: string) => string {
  let lower: string | null = null;
  return (paragraph, line) => {
    const broken = BROKEN_WORD.exec(paragraph);
    if (!broken) return `${paragraph} ${line}`;
    const next = NEXT_WORD.exec(line)?.[1];
    if (next === undefined || !STARTS_LOWERCASE.test(next)) return /^[\p{L}\p{N}]/u.test(line) ? `${paragraph}${line}` : `${paragraph} ${line}`;
    lower ??= text.toLowerCase();
    const compound = `${broken[1]}-${next}`.toLowerCase();
    return lower.includes(compound) ? `${paragraph}${line}` : `${paragraph.slice(0, -1)}${line}`;
  };
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** "Monday November 18, 2019 7:45 am", "Nov 19, 6:55 AM", "Updated …", "By Joe Rossignol": a header's date or byline. */
const HEADER_LINE_START = new RegExp(
  `^(?:by\\s+\\p{Lu}|(?:updated|posted|published)\\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+(?:\\d{1,2}\\b|${MONTH}\\s+\\d)|${MONTH}\\s+\\d{1,2}\\b)`,
  "iu",
);

/** Most of its longer words capitalized, as titles are and running prose is not. */
function inTitleCase(line: string): boolean {
  const words = line.split(" ").filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= words.length * 0.7;
}

function forcedBreak(previous: string, line: string, wrapWidth: number): boolean {
  const space = line.indexOf(" ");
  const firstWord = space === -1 ? line.length : space;
  return previous.length + 1 + firstWord > wrapWidth;
}

/**
 * The wrap width when the text looks hard-wrapped, else null: no line is longer than a typical
 * terminal width, and many lines break mid-sentence where the next line's first word would not
 * have fitted. Such breaks must be a fifth of all lines, or most of the long lines when the page
 * also holds many short ones (menus, lists): a page of menus and titles has a few long lines
 * without an ending, but rarely one whose next word would overflow it. A few lines may run past
 * the wrap (an e-mail's subject or an address the mail program would not break): each of the
 * longest lengths is tried as the width in turn, the lines over it left out.
 */
export function hardWrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((line) => line.length).sort((a, b) => b - a);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let overChars = 0;
  for (let over = 0; over <= MAX_OVERLONG_LINES && over < lengths.length; over++) {
    const width = lengths[over];
    if (width < MIN_WRAP_WIDTH) return null;
    overChars += lengths[over - 1] ?? 0;
    // The lines past the wrap are a few headers, not the paragraphs of a page that is not wrapped.
    if (overChars > total * MAX_OVERLONG_SHARE) return null;
    // Lines of one length: the next distinct length is tried with the same lines over it.
    if (width === lengths[over - 1]) continue;
    if (width <= MAX_WRAP_WIDTH && wrapsAt(lines, width)) return width;
  }
  return null;
}

function wrapsAt(lines: readonly string[], width: number): boolean {
  let forced = 0;
  let long = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.length > width) continue;
    nonEmpty++;
    if (line.length < width * WRAPPED_LINE_SHARE) continue;
    long++;
    const next = lines[i + 1];
    if (next && !ENDS_PARAGRAPH.test(line) && forcedBreak(line, next, width)) forced++;
  }
  if (forced >= MIN_WRAPPED_LINES && forced >= nonEmpty * MIN_WRAPPED_SHARE) return true;
  return forced >= MIN_FORCED_AMONG_LONG && forced >= long * MIN_FORCED_SHARE_OF_LONG;
}

export function wordCount(line: string): number {
  let count = 1;
  for (let i = line.indexOf(" "); i !== -1; i = line.indexOf(" ", i + 1)) count++;
  return count;
}
