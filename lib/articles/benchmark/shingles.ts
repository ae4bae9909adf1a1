/**
 * The article-body metric of the Scrapinghub/Zyte article-extraction benchmark (`evaluate.py`):
 * word 4-gram shingles of lower-cased tokens, true/false positives and negatives per page
 * normalised to sum to one (so long pages weigh no more than short ones), then precision and
 * recall averaged over pages and combined into F1.
 */

export type Counts = { tp: number; fp: number; fn: number };
export type BodyScores = { f1: number; precision: number; recall: number; pages: number };

const SHINGLE_WORDS = 4;
// Python's `\w+` with re.UNICODE: letters, digits (all numeric categories), marks glued to them, underscore.
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** Shingle counts; a text shorter than a shingle is one shingle of all its tokens. */
export function shingles(text: string, size = SHINGLE_WORDS): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + size).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised counts of one page: `truth` is the reference body, `predicted` the extraction. */
export function shingleMatching(truth: string, predicted: string): Counts {
  const expected = shingles(truth);
  const found = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of found) {
    const want = expected.get(key) ?? 0;
    tp += Math.min(want, count);
    fp += Math.max(0, count - want);
  }
  for (const [key, want] of expected) fn += Math.max(0, want - (found.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** `metrics_from_tp_fp_fns`: mean precision and mean recall over the pages where each is defined. */
export function bodyScores(pages: readonly Counts[]): BodyScores {
  const precisions = pages.filter((c) => c.tp + c.fp > 0).map(precisionOf);
  const recalls = pages.filter((c) => c.tp + c.fn > 0).map(recallOf);
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages: pages.length };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
