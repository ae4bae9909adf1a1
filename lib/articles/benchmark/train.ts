import { isAdvertisementLabel } from "../boilerplate";
import { detectLanguage } from "../language";
import {
  chooseArticleLines,
  CONTEXT_FEATURES,
  contextFeatures,
  predictLogistic,
  predictStumps,
  type LineModel,
  type LogisticModel,
  type StumpModel,
} from "../line-classifier";
import { LINE_FEATURES, lineFeatures, pageLines } from "../line-features";
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
    // As the classifier weighs a page: without its advertisements' labels (line-classifier.ts).
    const lines = splitTextIntoLines(new TextDecoder().decode(bytes))
      .map((line) => line.text)
      .filter((line) => !isAdvertisementLabel(line));
    pages.push({ id: page.id, lines, language: detectLanguage(lines), labels: labelLines(lines, page.truth), truth: page.truth });
  }
  return pages;
}

/** Article when at least half of the line's shingles occur in the true body (a short line: see below). */
export function labelLines(lines: readonly string[], truth: string): boolean[] {
  const truthShingles = shingles(truth);
  const truthTokens = ` ${tokenize(truth).join(" ")} `;
  const lineTokens = lines.map((line) => tokenize(line));
  const inTruth = (tokens: readonly string[]) => truthTokens.includes(` ${tokens.join(" ")} `);
  return lines.map((_, i) => {
    const tokens = lineTokens[i];
    if (tokens.length === 0) return false;
    // A short line (a subhead, a name) is article where the body has it beside a neighbouring
    // line's words: a menu word that merely occurs somewhere in the body is not.
    if (tokens.length < 4) {
      const before = lineTokens[i - 1]?.slice(-1) ?? [];
      const after = lineTokens[i + 1]?.slice(0, 1) ?? [];
      return (before.length > 0 && inTruth([...before, ...tokens])) || (after.length > 0 && inTruth([...tokens, ...after]));
    }
    const own = shingles(lines[i]);
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

const ROUNDS = 300;
const SHRINKAGE = 0.2;
const LEAF_L2 = 1;

/** Gradient boosting of decision stumps on the logistic loss (one Newton step per leaf). */
export function trainStumps(rows: readonly ArrayLike<number>[], labels: readonly boolean[]): StumpModel {
  const n = rows.length;
  const dims = rows[0]?.length ?? 0;
  const y = labels.map((label) => (label ? 1 : 0));
  const positive = y.reduce((a: number, b) => a + b, 0);
  const base = Math.log(Math.max(1, positive) / Math.max(1, n - positive));
  const score = new Float64Array(n).fill(base);
  const order = Array.from({ length: dims }, (_, j) => Array.from({ length: n }, (_, i) => i).sort((a, b) => rows[a][j] - rows[b][j] || a - b));
  const stumps: StumpModel["stumps"] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let step = 0; step < ROUNDS; step++) {
    let gSum = 0;
    let hSum = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      g[i] = y[i] - p;
      h[i] = Math.max(1e-6, p * (1 - p));
      gSum += g[i];
      hSum += h[i];
    }
    let best = { gain: 0, feature: -1, threshold: 0, below: 0, above: 0 };
    for (let j = 0; j < dims; j++) {
      let gLeft = 0;
      let hLeft = 0;
      const sorted = order[j];
      for (let k = 0; k < n - 1; k++) {
        const i = sorted[k];
        gLeft += g[i];
        hLeft += h[i];
        const value = rows[i][j];
        const next = rows[sorted[k + 1]][j];
        if (value === next) continue;
        const gRight = gSum - gLeft;
        const hRight = hSum - hLeft;
        const gain = (gLeft * gLeft) / (hLeft + LEAF_L2) + (gRight * gRight) / (hRight + LEAF_L2) - (gSum * gSum) / (hSum + LEAF_L2);
        if (gain > best.gain) {
          best = { gain, feature: j, threshold: (value + next) / 2, below: gLeft / (hLeft + LEAF_L2), above: gRight / (hRight + LEAF_L2) };
        }
      }
    }
    if (best.feature === -1) break;
    const stump: [number, number, number, number] = [best.feature, round(best.threshold), round(best.below * SHRINKAGE), round(best.above * SHRINKAGE)];
    stumps.push(stump);
    for (let i = 0; i < n; i++) score[i] += rows[i][stump[0]] <= stump[1] ? stump[2] : stump[3];
  }
  return { base: round(base), stumps };
}

export function trainModel(pages: readonly TrainingPage[], training: Record<string, unknown> = {}): LineModel {
  const features = pages.map((page) => lineFeatures(page.lines, page.language));
  const labels = pages.flatMap((page) => page.labels);
  const line = trainStumps(features.flat(), labels);
  const context = pages.map((_, p) =>
    contextFeatures(
      features[p],
      features[p].map((x) => predictStumps(line, x)),
    ),
  );
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
  const probabilities = pages.map((_page, p) => context[p].map((x) => predictLogistic(smoothing, x)));
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of THRESHOLDS) {
    const f1 = scorePages(
      pages,
      probabilities.map((ps) => ps.map((q) => q >= threshold)),
    ).f1;
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
    const shaped = pageLines(page.lines);
    const features = lineFeatures(page.lines, page.language, shaped);
    const first = features.map((x) => predictStumps(model.line, x));
    const probability = contextFeatures(features, first).map((x) => predictLogistic(model.smoothing, x));
    return chooseArticleLines(probability, features, model.threshold, page.lines, shaped);
  });
}

/**
 * k-fold cross-validation by page: each page is scored by a model that never saw it. Partition 0
 * deals the pages into folds in the order of their ids; another partition shuffles them first
 * (deterministically), so that a figure can be checked not to hinge on one split of the pages.
 */
export function crossValidate(pages: readonly TrainingPage[], folds: number, partition = 0): BodyScores {
  const foldOf = new Array<number>(pages.length);
  shuffledIndices(pages.length, partition).forEach((p, k) => {
    foldOf[p] = k % folds;
  });
  const chosen: boolean[][] = new Array(pages.length);
  for (let fold = 0; fold < folds; fold++) {
    const train = pages.filter((_, p) => foldOf[p] !== fold);
    const test = pages.map((page, p) => ({ page, p })).filter(({ p }) => foldOf[p] === fold);
    const model = trainModel(train);
    const predicted = predictPages(
      model,
      test.map(({ page }) => page),
    );
    test.forEach(({ p }, k) => {
      chosen[p] = predicted[k];
    });
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
    perfectLines: scorePages(
      pages,
      pages.map((page) => page.labels),
    ),
    keepEveryLine: scorePages(
      pages,
      pages.map((page) => page.lines.map(() => true)),
    ),
  };
}

/** 0..n-1, shuffled by a linear congruential generator seeded with `seed` (0: unshuffled). */
function shuffledIndices(n: number, seed: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (seed === 0) return indices;
  let state = (seed * 2654435761) >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
