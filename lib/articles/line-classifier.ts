import { LINE_FEATURES, lineFeatures, lineShape, type FeatureVector } from "./line-features";
import model from "./line-model.json";

/**
 * Article-or-furniture for each line of a copied web page: a logistic regression over the
 * line's own evidence (line-features.ts), then a second one over the first one's verdicts on the
 * line and its neighbours (the smoothing over context jusText does by hand). Weights live in
 * line-model.json, rebuilt by `npm run train:import`.
 */

export interface LogisticModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface LineModel {
  version: number;
  features: string[];
  context: string[];
  line: LogisticModel;
  smoothing: LogisticModel;
  threshold: number;
  /** Lines whose probability is this close to the threshold are flagged for the editor. */
  unsureMargin: number;
  training: Record<string, unknown>;
}

export interface LineVerdicts {
  /** Probability that each line is article text. */
  probability: number[];
  article: boolean[];
  unsure: boolean[];
  /** First and last article line, or null when no line is article text. */
  body: { start: number; end: number } | null;
}

export const CONTEXT_FEATURES = ["line", "adjacent", "near", "wide", "inBlock", "distanceToBlock", "words"] as const;

export const LINE_MODEL = model as LineModel;

export function predictLogistic(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j] * ((x[j] - m.mean[j]) / m.scale[j]);
  return 1 / (1 + Math.exp(-z));
}

/** Second-stage features: the first stage's probabilities around each line. */
export function contextFeatures(lines: readonly string[], first: readonly number[]): FeatureVector[] {
  const n = first.length;
  const windowMean = (i: number, radius: number) => {
    let sum = 0;
    let count = 0;
    for (let d = -radius; d <= radius; d++) {
      if (d === 0 || i + d < 0 || i + d >= n) continue;
      sum += first[i + d];
      count++;
    }
    return count ? sum / count : 0;
  };
  const block = likelyBlock(first);
  return first.map((p, i) => {
    const inBlock = block !== null && i >= block.start && i <= block.end;
    const distance = block === null ? n : inBlock ? 0 : i < block.start ? block.start - i : i - block.end;
    const logit = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
    return Float64Array.from([
      logit / 4,
      windowMean(i, 1),
      windowMean(i, 3),
      windowMean(i, 8),
      inBlock ? 1 : 0,
      Math.log1p(distance) / 4,
      Math.log1p(lineShape(lines[i]).words) / 4,
    ]);
  });
}

/** The run of lines where article text most outweighs furniture, by the first stage's verdicts. */
function likelyBlock(probability: readonly number[]): { start: number; end: number } | null {
  let best = 0;
  let range: { start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < probability.length; i++) {
    const value = probability[i] - 0.5;
    if (sum <= 0) {
      sum = value;
      start = i;
    } else sum += value;
    if (sum > best) {
      best = sum;
      range = { start, end: i };
    }
  }
  return range;
}

export function classifyPageLines(lines: readonly string[], language: string | null, m: LineModel = LINE_MODEL): LineVerdicts {
  const first = lineFeatures(lines, language).map((x) => predictLogistic(m.line, x));
  const probability = contextFeatures(lines, first).map((x) => predictLogistic(m.smoothing, x));
  const article = probability.map((p) => p >= m.threshold);
  const unsure = probability.map((p) => Math.abs(p - m.threshold) < m.unsureMargin);
  const start = article.indexOf(true);
  return { probability, article, unsure, body: start === -1 ? null : { start, end: article.lastIndexOf(true) } };
}

if (LINE_MODEL.features.join() !== LINE_FEATURES.join() || LINE_MODEL.context.join() !== CONTEXT_FEATURES.join()) {
  throw new Error("line-model.json was trained on other features: run npm run train:import.");
}
