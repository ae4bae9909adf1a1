import { detectLanguage } from "./language";
import { classifyPageLines, type LineVerdicts } from "./line-classifier";
import { INTRO_WORDS, lineShape } from "./line-features";
import { isDateLine } from "./text-metadata";
import type { ClassifiedLine, RemovalReason } from "./types";

/**
 * Applies the line classifier to the lines of a copied web page that the rules kept, and names
 * each run of lines it removes with one reason the editor can judge at a glance.
 */

export interface PageClassification {
  verdicts: LineVerdicts;
  language: string | null;
  /** The classifier's removals were applied to the lines. */
  applied: boolean;
  /** The classifier found no article text: the rules' lines are left as they were, all flagged unsure. */
  noArticleFound: boolean;
}

// Less article text than this (in words) is not an article: a home page, a list of links.
const MIN_ARTICLE_WORDS = 40;
// Unless it is a brief (a readout, a news-in-brief item): at least this many words of whole sentences under a date.
const MIN_BRIEF_WORDS = 12;
const BRIEF_DATE_REACH = 3;
const POST_DATE_REACH = 2;
const MAX_OTHER_DATE_LINES = 1;
const MIN_SENTENCE_WORDS = 3;
const SENTENCE_END = /[.!?。»”"')]$/u;
/** The reasons this module gives. */
export const CLASSIFIER_REASONS: ReadonlySet<RemovalReason> = new Set([
  "navigation",
  "reader comments",
  "related links",
  "page furniture",
  "detached paragraphs",
]);
const COMMENT_CUES = /\b(?:repl(?:y|ies)|comments?|commented|says|wrote|ago|likes?|report|permalink)\b|:$/i;
const MENU_LINE_WORDS = 3;
// A copy where the classifier is sure of hardly any furniture is a clean paste, not a web page:
// a line or two it doubts there is more likely a headline or standfirst than a menu.
const MIN_REMOVED_LINES = 3;
const MIN_REMOVED_SHARE = 0.1;

export function classifyCopiedPage(lines: ClassifiedLine[]): PageClassification {
  const texts = lines.map((line) => line.text);
  const language = detectLanguage(texts);
  const verdicts = classifyPageLines(texts, language);
  const articleWords = lines.reduce((sum, line, i) => sum + (line.kept && verdicts.article[i] ? lineShape(line.text).words : 0), 0);
  if (listOfStories(lines, verdicts.article)) {
    for (const line of lines) if (line.kept) line.unsure = true;
    return { verdicts, language, applied: false, noArticleFound: true };
  }
  if (articleWords < MIN_ARTICLE_WORDS) {
    const brief = datedBrief(lines, verdicts.article);
    if (!brief) {
      for (const line of lines) if (line.kept) line.unsure = true;
      return { verdicts, language, applied: false, noArticleFound: true };
    }
    for (let i = brief.start; i <= brief.end; i++) verdicts.article[i] = true;
    // Its last short sentences ("They agreed to meet again.") read like furniture to the classifier: whole sentences right after it are the item's.
    for (let i = brief.end + 1; i < lines.length && lines[i].kept && isWholeSentence(lines[i].text); i++) {
      verdicts.article[i] = true;
      verdicts.unsure[i] = true;
      if (verdicts.body) verdicts.body.end = i;
    }
  }
  const removedHere = lines.map((line, i) => line.kept && !verdicts.article[i]);
  const sureRemovals = removedHere.filter((removed, i) => removed && !verdicts.unsure[i]).length;
  if (sureRemovals < MIN_REMOVED_LINES && sureRemovals < lines.length * MIN_REMOVED_SHARE) {
    return { verdicts, language, applied: false, noArticleFound: false };
  }
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kept && verdicts.unsure[i]) lines[i].unsure = true;
  }
  const copies = countCopies(lines);
  let i = 0;
  while (i < lines.length) {
    if (!removedHere[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && removedHere[j]) j++;
    const place = verdicts.body !== null && i > verdicts.body.end ? "after" : verdicts.body !== null && j <= verdicts.body.start ? "before" : "inside";
    for (const part of place === "after" ? [{ start: i, end: j, detached: false }] : detachedParts(lines, i, j, copies)) {
      const reason = part.detached
        ? "detached paragraphs"
        : blockReason(
            lines.slice(part.start, part.end).map((line) => line.text),
            place,
          );
      for (let k = part.start; k < part.end; k++) {
        lines[k].kept = false;
        lines[k].reason = reason;
        if (part.detached) lines[k].unsure = true;
      }
    }
    i = j;
  }
  return { verdicts, language, applied: true, noArticleFound: false };
}

// Consecutive paragraphs of prose this many or more, removed before the article or inside it, are a block of their own.
const MIN_DETACHED_PARAGRAPHS = 2;

/**
 * A removed run before or inside the article parted where it holds paragraphs of prose: an article
 * cut by charts or a gallery loses whole stretches of its text to the furniture around them, and
 * a block named after the furniture ("navigation, 250 lines") would hide them. Its paragraphs are
 * a block of their own, marked unsure, which the editor restores in one click. Readers' comments
 * follow the article and are left whole.
 */
export function detachedParts(
  lines: readonly ClassifiedLine[],
  start: number,
  end: number,
  copies: ReadonlyMap<string, number> = countCopies(lines),
): { start: number; end: number; detached: boolean }[] {
  const parts: { start: number; end: number; detached: boolean }[] = [];
  // A paragraph the page prints twice is a caption or a teaser's summary (a gallery repeats its captions).
  const paragraph = (line: ClassifiedLine) => lineShape(line.text).prose && copies.get(line.text) === 1;
  let from = start;
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && paragraph(lines[j])) j++;
    if (j - i >= MIN_DETACHED_PARAGRAPHS) {
      if (from < i) parts.push({ start: from, end: i, detached: false });
      parts.push({ start: i, end: j, detached: true });
      from = j;
    }
    i = Math.max(j, i + 1);
  }
  if (from < end) parts.push({ start: from, end, detached: false });
  return parts;
}

function countCopies(lines: readonly ClassifiedLine[]): Map<string, number> {
  const copies = new Map<string, number>();
  for (const line of lines) copies.set(line.text, (copies.get(line.text) ?? 0) + 1);
  return copies;
}

/** One reason for a run of removed lines, from its shape and place. */
export function blockReason(texts: readonly string[], place: "before" | "inside" | "after"): RemovalReason {
  const shapes = texts.map((text) => lineShape(text));
  const share = (test: (text: string, i: number) => boolean) => texts.filter(test).length / texts.length;
  if (place !== "before" && texts.length >= 2 && share((t) => COMMENT_CUES.test(t)) >= 0.2) return "reader comments";
  if (share((_, i) => shapes[i].words <= MENU_LINE_WORDS) >= 0.6) return "navigation";
  if (share((t, i) => shapes[i].words >= 3 && !/[.!?。]$/.test(t)) >= 0.6) return "related links";
  return "page furniture";
}

/**
 * A short item the classifier is sure of too few words for an article: the lines it takes for
 * article text are one run of whole sentences, and a date line stands just above them (under the
 * headline), as a readout or a brief prints its date. A home page or a list holds titles, and
 * dates each of its items where it dates any. Returns the run, or null.
 */
function datedBrief(lines: readonly ClassifiedLine[], article: readonly boolean[]): { start: number; end: number } | null {
  const chosen = lines.flatMap((line, i) => (line.kept && article[i] ? [i] : []));
  // The date line itself may open the run: it is the item's date, not its text.
  while (chosen.length > 0 && isDateLine(lines[chosen[0]].text)) chosen.shift();
  // "The following is attributable to the Spokesperson:": a readout's attribution introduces its sentences.
  const above = chosen.length > 0 ? chosen[0] - 1 : -1;
  if (above >= 0 && lines[above].kept && isIntroduction(lines[above].text)) chosen.unshift(above);
  const start = chosen[0];
  const end = chosen[chosen.length - 1];
  if (start === undefined || end - start + 1 !== chosen.length) return null;
  if (!chosen.every((i, k) => isWholeSentence(lines[i].text) || (k === 0 && chosen.length > 1 && isIntroduction(lines[i].text)))) return null;
  if (chosen.reduce((sum, i) => sum + lineShape(lines[i].text).words, 0) < MIN_BRIEF_WORDS) return null;
  // A readout prints its date over its text, a social network's post its time under it.
  const dateAbove = lines.slice(Math.max(0, start - BRIEF_DATE_REACH), start).findIndex((line) => isDateLine(line.text));
  const dateBelow = dateAbove === -1 ? lines.slice(end + 1, end + 1 + POST_DATE_REACH).findIndex((line) => isDateLine(line.text)) : -1;
  if (dateAbove === -1 && dateBelow === -1) return null;
  const dateAt = dateAbove !== -1 ? Math.max(0, start - BRIEF_DATE_REACH) + dateAbove : end + 1 + dateBelow;
  // A list dates each of its items; a brief's page states its date once more at most (a footer's "Published …").
  const otherDates = lines.filter((line, i) => (i < start || i > end) && i !== dateAt && isDateLine(line.text)).length;
  return otherDates <= MAX_OTHER_DATE_LINES ? { start, end } : null;
}

// Items of a list of stories this many or more, each its title, its date or address and its summary.
const MIN_LIST_ITEMS = 3;
// A result's address as search engines print it: a host, then its path or a breadcrumb ("site.com › news › story").
const RESULT_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:\/\S*|\s+›.*)?$/u;

/**
 * Search results, an archive, a section front with teasers: most paragraphs the classifier keeps
 * are one-paragraph summaries, each under a title and its date line or address ("Title",
 * "5 March 2025", "Summary."), three or more. An article's paragraphs follow one another under
 * one headline.
 */
function listOfStories(lines: readonly ClassifiedLine[], article: readonly boolean[]): boolean {
  const title = (i: number) => lines[i] !== undefined && !lineShape(lines[i].text).prose && lineShape(lines[i].text).words >= MIN_SENTENCE_WORDS;
  const itemFact = (text: string) => isDateLine(text) || RESULT_ADDRESS.test(text.trim());
  let paragraphs = 0;
  let items = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].kept || !article[i] || !lineShape(lines[i].text).prose) continue;
    paragraphs++;
    const underTitle = i >= 2 && itemFact(lines[i - 1].text) && title(i - 2);
    // One paragraph to an item: the next line is the next item's title, or not the article's.
    const alone = i + 1 >= lines.length || !article[i + 1] || !lineShape(lines[i + 1].text).prose;
    if (underTitle && alone) items++;
  }
  return items >= MIN_LIST_ITEMS && items * 2 >= paragraphs;
}

function isIntroduction(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.endsWith(":") && lineShape(trimmed).words >= INTRO_WORDS;
}

function isWholeSentence(text: string): boolean {
  const trimmed = text.trim();
  return SENTENCE_END.test(trimmed) && lineShape(trimmed).words >= MIN_SENTENCE_WORDS;
}
