import { detectLanguage } from "../language";
import { CONTEXT_FEATURES, contextFeatures, predictLogistic, type LineModel, type LogisticModel } from "../line-classifier";
import { LINE_FEATURES, lineFeatures } from "../line-features";
import { splitTextIntoLines } from "../text";
import { readCorpus, readPageForm } from "./corpus";
import { bodyScores, shingleMatching, shingles, tokenize, type BodyScores } from "./shingles";

/**
 * Training of the copied-text line classifier (line-classifier.ts) on a benchmark corpus:
 * every line of each page's copied text, labelled article when most of its shingles are in the
 * page's true body. Deterministic: full-batch gradient descent from zero weights, folds by the
 * order of page ids.
 */

export interface TrainingPage {
  id: string;
  lines: string[];
  language: string | null;
  labels: boolean[];
  truth: string;
}

export interface TrainingReport {
  pages: number;
  lines: number;
  articleLines: number;
  inSample: BodyScores;
  crossValidated: BodyScores;
  folds: number;
  /** The right lines chosen perfectly, by the labels: the ceiling of line choice. */
  perfectLines: BodyScores;
  keepEveryLine: BodyScores;
}

const ARTICLE_SHARE = 0.5;
const ITERATIONS = 600;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
const UNSURE_MARGIN = 0.2;
export const MODEL_VERSION = 1;

export function readTrainingPages(dir: string): TrainingPage[] {
  const corpus = readCorpus(dir);
  const pages: TrainingPage[] = [];
  for (const page of corpus.pages) {
    const bytes = readPageForm(dir, page.id, "text");
    if (!bytes) continue;
    const lines = splitTextIntoLines(new TextDecoder().decode(bytes)).map((line) => line.text);
    pages.push({ id: page.id, lines, language: detectLanguage(lines), labels: labelLines(lines, page.truth), truth: page.truth });
  }
  return pages;
}

/** Article when at least half of the line's shingles occur in the true body. */
export function labelLines(lines: readonly string[], truth: string): boolean[] {
  const truthShingles = shingles(truth);
  const truthTokens = ` ${tokenize(truth).join(" ")} `;
  return lines.map((line) => {
    const tokens = tokenize(line);
    if (tokens.length === 0) return false;
    if (tokens.length < 4) return truthTokens.includes(` ${tokens.join(" ")} `);
    const own = shingles(line);
    let found = 0;
    let total = 0;
    for (const [key, count] of own) {
      total += count;
      if (truthShingles.has(key)) found += count;
    }
    return found >= total * ARTICLE_SHARE;
  });
}

export function trainLogistic(rows: readonly ArrayLike<number>[], labels: readonly boolean[]): LogisticModel {
  const dims = rows[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  for (const row of rows) for (let j = 0; j < dims; j++) mean[j] += row[j] / rows.length;
  for (const row of rows) for (let j = 0; j < dims; j++) scale[j] += (row[j] - mean[j]) ** 2 / rows.length;
  for (let j = 0; j < dims; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const xs = rows.map((row) => Array.from(row, (v, j) => (v - mean[j]) / scale[j]));
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(dims).fill(0);
    let biasGradient = 0;
    for (let r = 0; r < xs.length; r++) {
      const x = xs[r];
      let z = bias;
      for (let j = 0; j < dims; j++) z += weights[j] * x[j];
      const error = 1 / (1 + Math.exp(-z)) - (labels[r] ? 1 : 0);
      for (let j = 0; j < dims; j++) gradient[j] += error * x[j];
      biasGradient += error;
    }
    for (let j = 0; j < dims; j++) weights[j] -= LEARNING_RATE * (gradient[j] / xs.length + L2 * weights[j]);
    bias -= (LEARNING_RATE * biasGradient) / xs.length;
  }
  return { mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}

export function trainModel(pages: readonly TrainingPage[], training: Record<string, unknown> = {}): LineModel {
  const features = pages.map((page) => lineFeatures(page.lines, page.language));
  const labels = pages.flatMap((page) => page.labels);
  const line = trainLogistic(features.flat(), labels);
  const context = pages.map((page, p) => contextFeatures(page.lines, features[p].map((x) => predictLogistic(line, x))));
  const smoothing = trainLogistic(context.flat(), labels);
  const draft: LineModel = {
    version: MODEL_VERSION,
    features: [...LINE_FEATURES],
    context: [...CONTEXT_FEATURES],
    line,
    smoothing,
    threshold: 0.5,
    unsureMargin: UNSURE_MARGIN,
    training,
  };
  const probabilities = pages.map((page, p) => context[p].map((x) => predictLogistic(smoothing, x)));
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of THRESHOLDS) {
    const f1 = scorePages(pages, probabilities.map((ps) => ps.map((q) => q >= threshold))).f1;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return { ...draft, threshold: best.threshold };
}

/** The benchmark's body scores when each page keeps the chosen lines. */
export function scorePages(pages: readonly TrainingPage[], chosen: readonly (readonly boolean[])[]): BodyScores {
  return bodyScores(pages.map((page, p) => shingleMatching(page.truth, page.lines.filter((_, i) => chosen[p][i]).join("\n"))));
}

export function predictPages(model: LineModel, pages: readonly TrainingPage[]): boolean[][] {
  return pages.map((page) => {
    const first = lineFeatures(page.lines, page.language).map((x) => predictLogistic(model.line, x));
    return contextFeatures(page.lines, first).map((x) => predictLogistic(model.smoothing, x) >= model.threshold);
  });
}

/** k-fold cross-validation by page: each page is scored by a model that never saw it. */
export function crossValidate(pages: readonly TrainingPage[], folds: number): BodyScores {
  const chosen: boolean[][] = new Array(pages.length);
  for (let fold = 0; fold < folds; fold++) {
    const train = pages.filter((_, p) => p % folds !== fold);
    const test = pages.map((page, p) => ({ page, p })).filter(({ p }) => p % folds === fold);
    const model = trainModel(train);
    const predicted = predictPages(model, test.map(({ page }) => page));
    test.forEach(({ p }, k) => (chosen[p] = predicted[k]));
  }
  return scorePages(pages, chosen);
}

export function trainingReport(pages: readonly TrainingPage[], model: LineModel, folds: number): TrainingReport {
  return {
    pages: pages.length,
    lines: pages.reduce((sum, page) => sum + page.lines.length, 0),
    articleLines: pages.reduce((sum, page) => sum + page.labels.filter(Boolean).length, 0),
    inSample: scorePages(pages, predictPages(model, pages)),
    crossValidated: crossValidate(pages, folds),
    folds,
    perfectLines: scorePages(pages, pages.map((page) => page.labels)),
    keepEveryLine: scorePages(pages, pages.map((page) => page.lines.map(() => true))),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
