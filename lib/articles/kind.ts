import type { ArticleKindName } from "./schemas";
import { wordCount } from "./text";
import type { ClassifiedLine } from "./types";

export interface KindSignals {
  title: string | null;
  /** Section labels found on their own line ("opinion", "analysis"). */
  sectionLabels: readonly string[];
  opinionDisclaimer: boolean;
  commentators: readonly string[];
  paragraphs: readonly string[];
}

// "Opinion: …", "Analysis | …" in front of a headline, or the same word as a section label.
const LABEL_PREFIX =
  /^(opinion|commentary|comment|op-ed|editorial|column|viewpoint|perspective|news analysis|analysis|interview|q ?& ?a)\s*[:|–—-]\s|^(interview) with\b/i;
const OPINION_LABELS = /^(?:opinion|commentary|comment|op-ed|editorial|column|viewpoint|perspective)$/;
const ANALYSIS_LABELS = /^(?:news analysis|analysis|explainer)$/;
const INTERVIEW_LABELS = /^(?:interview|q ?& ?a)$/;

// Turns of a conversation: "Q: …", "Answer: …", and turns introduced by a dash ("— Why now?", "— Indeed so.").
const QA_TURN = /^(?:q|a|question|answer)\s*[:.：]\s/i;
const DASH_TURN = /^[—–]\s/;
// A dash also opens an embedded post's attribution or a list's item: dashed turns are a conversation when some ask.
const DASHED_QUESTIONS = 2;
const QUESTION_END = /[?？]["”»]?$/;
// "Interviewer: …" — a short speaker label that recurs across paragraphs.
const SPEAKER_LABEL = /^(\p{Lu}[\p{L} .'-]{0,40}?):\s/u;
const MIN_TURNS = 3;

/**
 * The kind of article. Interview wins over opinion (an interview published with an opinion
 * disclaimer is still a conversation), opinion over analysis, and news is the default.
 */
export function detectKind(signals: KindSignals): ArticleKindName {
  const labels = [...signals.sectionLabels, ...titleLabel(signals.title)].map((label) => label.toLowerCase());
  if (signals.commentators.length > 0 || labels.some((label) => INTERVIEW_LABELS.test(label)) || hasConversation(signals.paragraphs)) {
    return "INTERVIEW";
  }
  if (signals.opinionDisclaimer || labels.some((label) => OPINION_LABELS.test(label))) return "OPINION";
  if (labels.some((label) => ANALYSIS_LABELS.test(label))) return "ANALYSIS";
  return "NEWS";
}

function titleLabel(title: string | null): string[] {
  const match = title ? LABEL_PREFIX.exec(title) : null;
  return match ? [match[1] ?? match[2]] : [];
}

/**
 * At least three question/answer turns; three turns opened by a dash, two of them questions; or a
 * speaker label used at least three times, the word passing between speakers at least every other
 * turn (a label repeated over a list's items, "See it now: …", is no conversation).
 */
function hasConversation(paragraphs: readonly string[]): boolean {
  let turns = 0;
  let dashed = 0;
  let questions = 0;
  const speakers: string[] = [];
  for (const paragraph of paragraphs) {
    if (QA_TURN.test(paragraph)) turns++;
    if (DASH_TURN.test(paragraph)) {
      dashed++;
      if (QUESTION_END.test(paragraph)) questions++;
    }
    const speaker = SPEAKER_LABEL.exec(paragraph)?.[1];
    if (speaker) speakers.push(speaker);
  }
  if (turns >= MIN_TURNS || (dashed >= MIN_TURNS && questions >= DASHED_QUESTIONS)) return true;
  const uses = new Map<string, number>();
  for (const speaker of speakers) uses.set(speaker, (uses.get(speaker) ?? 0) + 1);
  const changes = speakers.filter((speaker, i) => i > 0 && speaker !== speakers[i - 1]).length;
  return [...uses.values()].some((count) => count >= MIN_TURNS) && changes * 2 >= speakers.length - 1;
}

// A kicker stands at most this many lines over the headline (a date line may come between), or right under it.
const KICKER_REACH = 2;
// Menu items are short lines in a row; a run this long around a label makes it one of them.
const MENU_RUN = 3;
const MENU_ITEM_WORDS = 3;

/**
 * The section labels of a copied page that tell its kind: the headline's kicker ("Opinion" just
 * over the headline). A copied page's menus name sections too ("News", "Opinion", "Sport"), so a
 * label elsewhere, or among a run of short lines, is a menu's item and says nothing of the article.
 */
export function kickerLabels(lines: readonly ClassifiedLine[], headlineIndex: number | null): string[] {
  if (headlineIndex === null) return [];
  const short = (i: number) => i !== headlineIndex && lines[i] !== undefined && wordCount(lines[i].text) <= MENU_ITEM_WORDS;
  const labels: string[] = [];
  for (let i = Math.max(0, headlineIndex - KICKER_REACH); i <= Math.min(lines.length - 1, headlineIndex + 1); i++) {
    if (lines[i].reason !== "section label") continue;
    let from = i;
    let to = i;
    while (short(from - 1)) from--;
    while (short(to + 1)) to++;
    if (to - from + 1 < MENU_RUN) labels.push(lines[i].text.toLowerCase());
  }
  return labels;
}
