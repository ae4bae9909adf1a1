import type { ArticleKindName } from "./schemas";

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

// Turns of a conversation: "Q: …", "Answer: …", and answers introduced by a dash ("— Indeed so.").
const QA_TURN = /^(?:q|a|question|answer)\s*[:.：]\s|^[—–]\s/i;
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

/** At least three question/answer turns, or one speaker label used at least three times. */
function hasConversation(paragraphs: readonly string[]): boolean {
  let turns = 0;
  const speakers = new Map<string, number>();
  for (const paragraph of paragraphs) {
    if (QA_TURN.test(paragraph)) turns++;
    const speaker = SPEAKER_LABEL.exec(paragraph)?.[1];
    if (speaker) speakers.set(speaker, (speakers.get(speaker) ?? 0) + 1);
  }
  return turns >= MIN_TURNS || [...speakers.values()].some((count) => count >= MIN_TURNS);
}
