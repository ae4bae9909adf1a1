import { detectLanguage } from "./language";
import { classifyPageLines, type LineVerdicts } from "./line-classifier";
import { lineShape } from "./line-features";
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
/** The reasons this module gives. */
export const CLASSIFIER_REASONS: ReadonlySet<RemovalReason> = new Set(["navigation", "reader comments", "related links", "page furniture"]);
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
  if (articleWords < MIN_ARTICLE_WORDS) {
    for (const line of lines) if (line.kept) line.unsure = true;
    return { verdicts, language, applied: false, noArticleFound: true };
  }
  const removedHere = lines.map((line, i) => line.kept && !verdicts.article[i]);
  const sureRemovals = removedHere.filter((removed, i) => removed && !verdicts.unsure[i]).length;
  if (sureRemovals < MIN_REMOVED_LINES && sureRemovals < lines.length * MIN_REMOVED_SHARE) {
    return { verdicts, language, applied: false, noArticleFound: false };
  }
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kept && verdicts.unsure[i]) lines[i].unsure = true;
  }
  let i = 0;
  while (i < lines.length) {
    if (!removedHere[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && removedHere[j]) j++;
    const block = lines.slice(i, j);
    const reason = blockReason(
      block.map((line) => line.text),
      verdicts.body !== null && i > verdicts.body.end ? "after" : verdicts.body !== null && j <= verdicts.body.start ? "before" : "inside",
    );
    for (let k = i; k < j; k++) {
      lines[k].kept = false;
      lines[k].reason = reason;
    }
    i = j;
  }
  return { verdicts, language, applied: true, noArticleFound: false };
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
