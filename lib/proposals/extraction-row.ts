/**
 * An extraction as its ArticleExtraction row stores it: the packed mentions and the claims and
 * targets as JSON text (stored-extraction.ts), and the blocking keys a regrouping finds it by. Made
 * on the worker thread that extracted it, so the thread that stores it receives strings and a few
 * keys instead of cloning the whole object graph and serializing it again. Pure.
 */
import { extractionDays, personKeysOf } from "./group";
import { packExtraction, packPassages } from "./stored-extraction";
import type { ArticleExtraction } from "./types";

export interface ExtractionRow {
  articleId: string;
  /** The packed mentions as JSON text. */
  data: string;
  /** The packed claims and targets as JSON text. */
  passages: string;
  keys: BlockingKeys;
}

export type BlockingKeys = ReturnType<typeof blockingKeys>;

const DAY_MS = 86_400_000;
export const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The persons an extraction's mentions are found by (group.ts, personKeysOf), and whether one may be found by anyone. */
function personColumns(extraction: ArticleExtraction) {
  const keys = extraction.mentions.map((m) => personKeysOf(m.participants));
  return {
    looseMention: keys.some((k) => !k),
    soloPersons: [...new Set(keys.flatMap((k) => k?.solo ?? []))],
    personPairs: [...new Set(keys.flatMap((k) => k?.pairs ?? []))],
  };
}

/**
 * An extraction's blocking keys: the days its mentions' happenings and its publication span (none
 * when a mention has no date and the article none either), its publication day when a mention is
 * undated (group.ts says how far each reaches), the participants it names, and the persons its
 * mentions are found by.
 */
function blockingKeys(extraction: ArticleExtraction) {
  const { span, undatedOn } = extractionDays(extraction);
  return {
    dateFrom: span ? dayText(span.from) : null,
    dateTo: span ? dayText(span.to) : null,
    undatedOn: undatedOn === null ? null : dayText(undatedOn),
    ...personColumns(extraction),
    participantKeys: [...new Set(extraction.mentions.flatMap((m) => m.participants.map((p) => p.key)))],
  };
}

export function extractionRow(extraction: ArticleExtraction): ExtractionRow {
  return {
    articleId: extraction.articleId,
    data: JSON.stringify(packExtraction(extraction)),
    passages: packPassages(extraction),
    keys: blockingKeys(extraction),
  };
}
